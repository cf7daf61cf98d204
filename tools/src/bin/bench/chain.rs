//! The benchmark's view of the chain: pallet-contracts' own entry points (`bare_call`,
//! `bare_instantiate`) on the embedded runtime, so every figure is what the pallet reports —
//! `gas_required` and the storage deposit — for exactly one message.

use ink::primitives::{AccountId, Hash};
use ink_sandbox::api::prelude::*;
use ink_sandbox::pallet_contracts::{Determinism, StorageDeposit};
use ink_sandbox::{Sandbox, Weight};
use scale::{Decode, Encode};

use crt_tools::TimeTravelSandbox;

pub use crt_tools::Message;

/// Gas of one message as the pallet reports it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Gas {
    pub ref_time: u64,
    pub proof_size: u64,
    /// Storage deposit charged (positive) or refunded (negative), in JOY base units.
    pub deposit: i128,
}

/// Every account starts with this much JOY.
const ENDOWMENT: u128 = 1_000_000_000_000_000_000_000;
/// Large enough for any single message; `gas_required` reports what was actually needed.
const GAS_LIMIT: Weight = Weight::from_parts(10_000_000_000_000, 100 * 1024 * 1024);

pub struct Chain {
    sandbox: TimeTravelSandbox,
}

fn runtime_account(account: AccountId) -> ink_sandbox::AccountId32 {
    ink_sandbox::AccountId32::from(*AsRef::<[u8; 32]>::as_ref(&account))
}

impl Gas {
    fn of(required: Weight, deposit: &StorageDeposit<u128>) -> Self {
        Self {
            ref_time: required.ref_time(),
            proof_size: required.proof_size(),
            deposit: match deposit {
                StorageDeposit::Charge(x) => i128::try_from(*x).expect("deposit fits"),
                StorageDeposit::Refund(x) => -i128::try_from(*x).expect("deposit fits"),
            },
        }
    }
}

impl Chain {
    pub fn new() -> Self {
        Self {
            sandbox: TimeTravelSandbox::default(),
        }
    }

    /// Gives `account` its endowment (idempotent enough: endowments only add).
    pub fn fund(&mut self, account: AccountId) {
        self.sandbox
            .mint_into(&runtime_account(account), ENDOWMENT)
            .expect("mint");
    }

    pub fn upload(&mut self, wasm: &[u8], origin: AccountId) -> Hash {
        let result = self
            .sandbox
            .upload_contract(
                wasm.to_vec(),
                runtime_account(origin),
                None,
                Determinism::Enforced,
            )
            .expect("code upload");
        Hash::from(result.code_hash.0)
    }

    /// Instantiates `code_hash` with the encoded constructor call `input`.
    pub fn instantiate(
        &mut self,
        code_hash: Hash,
        input: Vec<u8>,
        origin: AccountId,
        value: u128,
    ) -> (AccountId, Gas) {
        let result = self.sandbox.instantiate_contract(
            AsRef::<[u8]>::as_ref(&code_hash).to_vec(),
            value,
            input,
            vec![],
            runtime_account(origin),
            GAS_LIMIT,
            None,
        );
        let gas = Gas::of(result.gas_required, &result.storage_deposit);
        let outcome = result.result.expect("instantiation dispatched");
        assert!(!outcome.result.did_revert(), "constructor reverted");
        (
            AccountId::from(*AsRef::<[u8; 32]>::as_ref(&outcome.account_id)),
            gas,
        )
    }

    /// Executes `message` from `origin` with `value` attached, committing its effects.
    pub fn call<Args: Encode, R: Decode>(
        &mut self,
        origin: AccountId,
        message: &Message<Args, R>,
        value: u128,
    ) -> (R, Gas)
    where
        Message<Args, R>: Clone,
    {
        execute(&mut self.sandbox, origin, message, value)
    }

    /// Runs `message` and discards its effects (a query, or a dry run).
    pub fn query<Args: Encode, R: Decode>(
        &mut self,
        origin: AccountId,
        message: &Message<Args, R>,
    ) -> (R, Gas)
    where
        Message<Args, R>: Clone,
    {
        self.sandbox
            .dry_run(|sandbox| execute(sandbox, origin, message, 0))
    }
}

fn execute<Args: Encode, R: Decode>(
    sandbox: &mut TimeTravelSandbox,
    origin: AccountId,
    message: &Message<Args, R>,
    value: u128,
) -> (R, Gas)
where
    Message<Args, R>: Clone,
{
    let params = message.clone().params();
    let result = sandbox.call_contract(
        runtime_account(*params.callee()),
        value,
        params.exec_input().encode(),
        runtime_account(origin),
        GAS_LIMIT,
        None,
        Determinism::Enforced,
    );
    let gas = Gas::of(result.gas_required, &result.storage_deposit);
    let output = match result.result {
        Ok(output) => output,
        Err(e) => panic!(
            "message trapped: {e:?}\n{}",
            String::from_utf8_lossy(&result.debug_message)
        ),
    };
    let value = <Result<R, ink::LangError>>::decode(&mut &output.data[..])
        .expect("output decodes")
        .expect("message found");
    (value, gas)
}
