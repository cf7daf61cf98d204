//! The suite's tools (binaries: `demo`, `bench`, `bundle`, `whitelist`, `voucher`) and what they share
//! with the end-to-end suite (`e2e-tests`): contract builds through `contract-build`
//! ([`build`]), the deployment of the suite's code ([`deploy`]), the whitelist builder
//! ([`whitelist`]), bandwidth vouchers ([`voucher`]), governor proposals built from call
//! builders ([`proposal`]) and a sandbox runtime that can travel in time.
//!
//! ink_e2e 5.1's sandbox client never builds blocks, so every call runs at block 1. The suite
//! runs on [`TimeTravelSandbox`] instead: the real pallet-contracts runtime of
//! `ink_sandbox::DefaultSandbox`, plus [`advance_blocks`], which the next client operation
//! applies by finalizing the current block and initializing the one `n` blocks later (the
//! runtime's hooks run; nothing is skipped that a contract could observe but the block
//! number). It also keeps the runtime's events of the last call for [`contract_events`].
//!
//! Each `#[ink_e2e::test]` runs on its own current-thread runtime and creates its own sandbox,
//! so the per-thread state below is per test.

use std::cell::{Cell, RefCell};
use std::future::Future;

use ink::primitives::{AccountId, Hash};

use ink_sandbox::frame_system::{self, pallet_prelude::BlockNumberFor};
use ink_sandbox::{
    pallet_contracts, AccountIdFor, DefaultSandbox, RuntimeEventOf, RuntimeMetadataPrefixed, Sandbox,
    Snapshot,
};

pub mod build;
pub mod deploy;
pub mod metadata;
pub mod proposal;
pub mod voucher;
pub mod whitelist;

type Runtime = <DefaultSandbox as Sandbox>::Runtime;

/// A typed message from a contract's call builder (selector and arguments encoded by ink),
/// ready to send: what the benchmarks run and what a governor proposal is built from.
pub type Message<Args, R> = ink::env::call::CallBuilder<
    ink::env::DefaultEnvironment,
    ink::env::call::utils::Set<ink::env::call::Call<ink::env::DefaultEnvironment>>,
    ink::env::call::utils::Set<ink::env::call::ExecutionInput<Args>>,
    ink::env::call::utils::Set<ink::env::call::utils::ReturnType<R>>,
>;

/// The client every end-to-end test drives.
pub type Client = ink_e2e::SandboxClient<AccountId, Hash, TimeTravelSandbox>;
pub type E2EResult<T> = Result<T, Box<dyn std::error::Error>>;

/// Runs one end-to-end test: a fresh runtime (block 1, funded dev accounts) with the suite's
/// contracts, on a current-thread async runtime, as `#[ink_e2e::test]` would.
pub fn run<F, Fut>(test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = E2EResult<()>>,
{
    let client = Client::new(build::contracts());
    let result = ink_e2e::tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
        .block_on(test(client));
    if let Err(e) = result {
        panic!("end-to-end test failed: {e}");
    }
}

thread_local! {
    static PENDING_BLOCKS: Cell<u32> = const { Cell::new(0) };
    static BLOCK: Cell<u32> = const { Cell::new(1) };
    static LAST_EVENTS: RefCell<Vec<RuntimeEventOf<DefaultSandbox>>> = const { RefCell::new(Vec::new()) };
}

/// Moves the chain `n` blocks forward before the next client operation.
pub fn advance_blocks(n: u32) {
    PENDING_BLOCKS.with(|p| p.set(p.get().saturating_add(n)));
    BLOCK.with(|b| b.set(b.get().saturating_add(n)));
}

/// The block the next client operation runs in.
pub fn current_block() -> u32 {
    BLOCK.with(Cell::get)
}

/// Data of every `ContractEmitted` event of the last state-changing operation, with the
/// emitting contract.
pub fn contract_events() -> Vec<([u8; 32], Vec<u8>)> {
    LAST_EVENTS.with(|events| {
        events
            .borrow()
            .iter()
            .filter_map(|event| match event.clone().try_into() {
                Ok(pallet_contracts::Event::<Runtime>::ContractEmitted { contract, data }) => {
                    Some((*contract.as_ref(), data))
                }
                _ => None,
            })
            .collect()
    })
}

/// `DefaultSandbox` with time travel. `repr(transparent)` so a `&mut DefaultSandbox` can be
/// viewed as `&mut Self` inside `dry_run`.
#[repr(transparent)]
pub struct TimeTravelSandbox {
    inner: DefaultSandbox,
}

impl Default for TimeTravelSandbox {
    fn default() -> Self {
        PENDING_BLOCKS.with(|p| p.set(0));
        BLOCK.with(|b| b.set(1));
        LAST_EVENTS.with(|e| e.borrow_mut().clear());
        Self {
            inner: DefaultSandbox::default(),
        }
    }
}

impl TimeTravelSandbox {
    /// Applies pending block advances: finalize the current block, initialize block + n.
    fn catch_up(&mut self) {
        let n = PENDING_BLOCKS.with(|p| p.replace(0));
        if n == 0 {
            return;
        }
        self.inner.execute_with(|| {
            let now = frame_system::Pallet::<Runtime>::block_number();
            let parent = DefaultSandbox::finalize_block(now);
            let target: BlockNumberFor<Runtime> = now.saturating_add(n);
            DefaultSandbox::initialize_block(target, parent);
        });
    }

    fn as_time_travel(inner: &mut DefaultSandbox) -> &mut Self {
        // SAFETY: `TimeTravelSandbox` is `repr(transparent)` over `DefaultSandbox`.
        unsafe { &mut *(inner as *mut DefaultSandbox as *mut Self) }
    }
}

impl Sandbox for TimeTravelSandbox {
    type Runtime = Runtime;

    fn execute_with<T>(&mut self, execute: impl FnOnce() -> T) -> T {
        self.catch_up();
        self.inner.execute_with(|| {
            frame_system::Pallet::<Runtime>::reset_events();
            let result = execute();
            let events = frame_system::Pallet::<Runtime>::read_events_no_consensus()
                .map(|record| record.event)
                .collect::<Vec<_>>();
            if !events.is_empty() {
                LAST_EVENTS.with(|e| *e.borrow_mut() = events);
            }
            result
        })
    }

    fn dry_run<T>(&mut self, action: impl FnOnce(&mut Self) -> T) -> T {
        self.catch_up();
        let events_before = LAST_EVENTS.with(|e| e.borrow().clone());
        let result = self.inner.dry_run(|inner| action(Self::as_time_travel(inner)));
        LAST_EVENTS.with(|e| *e.borrow_mut() = events_before);
        result
    }

    fn register_extension<E: std::any::Any + ink_sandbox::Extension>(&mut self, ext: E) {
        self.inner.register_extension(ext)
    }

    fn initialize_block(
        height: BlockNumberFor<Runtime>,
        parent_hash: <Runtime as frame_system::Config>::Hash,
    ) {
        DefaultSandbox::initialize_block(height, parent_hash)
    }

    fn finalize_block(height: BlockNumberFor<Runtime>) -> <Runtime as frame_system::Config>::Hash {
        DefaultSandbox::finalize_block(height)
    }

    fn default_actor() -> AccountIdFor<Runtime> {
        DefaultSandbox::default_actor()
    }

    fn get_metadata() -> RuntimeMetadataPrefixed {
        DefaultSandbox::get_metadata()
    }

    fn convert_account_to_origin(
        account: AccountIdFor<Runtime>,
    ) -> <<Runtime as frame_system::Config>::RuntimeCall as ink_sandbox::frame_support::sp_runtime::traits::Dispatchable>::RuntimeOrigin
    {
        DefaultSandbox::convert_account_to_origin(account)
    }

    fn take_snapshot(&mut self) -> Snapshot {
        self.inner.take_snapshot()
    }

    fn restore_snapshot(&mut self, snapshot: Snapshot) {
        self.inner.restore_snapshot(snapshot)
    }
}

/// The token's library messages are trait methods (declared once in `crt_logic::messages`):
/// `use crt_tools::token_messages::*;` brings them into scope on a token's call builder.
pub mod token_messages {
    pub use crt_logic::messages::{
        Accounts as _, Amm as _, AmmCurve as _, BondDeposits as _, Governed as _, HeldPayouts as _,
        Issuer as _, Patronage as _, RevenueSplit as _, Sale as _, TokenQueries as _,
    };
    pub use crt_logic::transfers::MultiTransferOutput;
}
