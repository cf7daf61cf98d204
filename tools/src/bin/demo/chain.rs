//! What the demo needs of a chain, and of time, on either backend: the embedded sandbox
//! (which travels in time) or a node (where every block is a transaction).

use crt_tools::E2EResult;
use ink::env::DefaultEnvironment;
use ink::primitives::AccountId;
use ink_e2e::subxt::backend::legacy::LegacyRpcMethods;
use ink_e2e::subxt::dynamic::Value;
use ink_e2e::subxt::PolkadotConfig;
use ink_e2e::{ChainBackend, ContractsBackend, E2EBackend};

/// Client errors differ between the sandbox and a node; the demo only reports them.
pub trait OrFail<T> {
    fn or_fail(self) -> E2EResult<T>;
}

impl<T, E: std::fmt::Debug> OrFail<T> for Result<T, E> {
    fn or_fail(self) -> E2EResult<T> {
        self.map_err(|e| format!("{e:?}").into())
    }
}

/// What the demo needs of a chain: ink_e2e's client (sandbox or node) with plain `u128`
/// balances and 32-byte account ids.
pub trait Chain:
    E2EBackend<DefaultEnvironment>
    + ChainBackend<Balance = u128, AccountId: From<[u8; 32]>, Error: std::fmt::Debug>
    + ContractsBackend<DefaultEnvironment, Error: std::fmt::Debug>
    + Send
{
}

impl<C> Chain for C where
    C: E2EBackend<DefaultEnvironment>
        + ChainBackend<Balance = u128, AccountId: From<[u8; 32]>, Error: std::fmt::Debug>
        + ContractsBackend<DefaultEnvironment, Error: std::fmt::Debug>
        + Send
{
}

pub async fn joy_of<C: Chain>(client: &mut C, account: AccountId) -> E2EResult<u128> {
    client.free_balance(account.0.into()).await.or_fail()
}

/// Block time: the sandbox travels, a node is made to produce blocks (one per transaction).
pub enum Clock {
    Sandbox,
    /// The node's RPC: the best block (not the finalized one) is where the next transaction goes.
    Node(LegacyRpcMethods<PolkadotConfig>),
}

impl Clock {
    /// The block the next transaction runs in.
    pub async fn now(&self) -> E2EResult<u32> {
        Ok(match self {
            Clock::Sandbox => crt_tools::current_block(),
            Clock::Node(rpc) => {
                rpc.chain_get_header(None)
                    .await?
                    .ok_or("the node has no best block")?
                    .number
                    + 1
            }
        })
    }

    pub async fn advance<C: Chain>(&self, client: &mut C, blocks: u32) -> E2EResult<()> {
        match self {
            Clock::Sandbox => crt_tools::advance_blocks(blocks),
            Clock::Node(_) => {
                for _ in 0..blocks {
                    client
                        .runtime_call(
                            &ink_e2e::ferdie(),
                            "System",
                            "remark",
                            vec![Value::from_bytes(b"tick")],
                        )
                        .await
                        .or_fail()?;
                }
            }
        }
        Ok(())
    }
}

/// Durations of the story: realistic on the sandbox (it travels in time), short on a node
/// (where every block is a transaction), with governance lowering its minimums to match.
pub struct Timeline {
    pub blocks_per_year: u32,
    pub sale_start: u32,
    pub sale_rescheduled: u32,
    pub sale_duration: u32,
    pub cliff: u32,
    pub linear: u32,
    pub vesting_checks: [u32; 2],
    pub split_delay: u32,
    pub split_duration: u32,
}

pub const SANDBOX_TIMELINE: Timeline = Timeline {
    blocks_per_year: 5_259_600,
    sale_start: 50,
    sale_rescheduled: 100,
    sale_duration: 14_400,
    cliff: 100,
    linear: 300,
    vesting_checks: [100, 150],
    split_delay: 10,
    split_duration: 302_400,
};

pub const NODE_TIMELINE: Timeline = Timeline {
    blocks_per_year: 40,
    sale_start: 3,
    sale_rescheduled: 5,
    sale_duration: 6,
    cliff: 2,
    linear: 6,
    vesting_checks: [2, 3],
    split_delay: 2,
    split_duration: 6,
};
