//! The demo's narration: each step's gas is recorded for the closing table, balances and
//! JOY amounts are printed in whole units.

use crt::crt::Crt;
use crt_tools::token_messages::*;
use crt_tools::E2EResult;
use ink::primitives::AccountId;
use ink_e2e::Keypair;
use ink_sandbox::pallet_contracts::StorageDeposit;

use crate::chain::{Chain, OrFail};

/// 1 JOY in base units (10 decimals, like Joystream's HAPI).
pub const JOY: u128 = 10_000_000_000;
/// 1 CRT in base units (10 decimals).
pub const CRT: u128 = 10_000_000_000;

pub struct Step {
    pub name: String,
    pub ref_time: u64,
    pub proof_size: u64,
    pub deposit: i128,
}

pub struct Story {
    pub steps: Vec<Step>,
}

impl Story {
    /// The closing table: every step's gas and storage deposit.
    pub fn print_summary(&self) {
        println!("\nSummary (gas of each call, from its dry run):");
        println!(
            "  {:<40} {:>14} {:>11} {:>10}",
            "step", "ref_time", "proof_size", "deposit"
        );
        for step in &self.steps {
            println!(
                "  {:<40} {:>14} {:>11} {:>+10}",
                step.name, step.ref_time, step.proof_size, step.deposit
            );
        }
    }

    pub fn record(&mut self, name: &str, gas: ink_sandbox::Weight, deposit: &StorageDeposit<u128>) {
        let deposit = match deposit {
            StorageDeposit::Charge(x) => *x as i128,
            StorageDeposit::Refund(x) => -(*x as i128),
        };
        println!(
            "    gas: ref_time {:>13}  proof_size {:>7}  storage deposit {:>+8}",
            gas.ref_time(),
            gas.proof_size(),
            deposit
        );
        self.steps.push(Step {
            name: name.into(),
            ref_time: gas.ref_time(),
            proof_size: gas.proof_size(),
            deposit,
        });
    }
}

pub fn id(keypair: &Keypair) -> AccountId {
    AccountId::from(keypair.public_key().0)
}

/// A code hash as people read it: 0x and hex.
pub fn hex(hash: &ink::primitives::Hash) -> String {
    let bytes: &[u8] = hash.as_ref();
    let digits: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("0x{digits}")
}

/// An account as wallets show it: SS58 (generic substrate prefix).
pub fn ss58(account: &AccountId) -> String {
    use ink_sandbox::Ss58Codec;
    let bytes: [u8; 32] = *account.as_ref();
    ink_sandbox::frame_support::sp_runtime::AccountId32::from(bytes).to_ss58check()
}

pub fn crt(amount: u128) -> String {
    format!("{}.{:04} CRT", amount / CRT, (amount % CRT) / (CRT / 10_000))
}

pub fn joy(amount: u128) -> String {
    format!("{}.{:04} JOY", amount / JOY, (amount % JOY) / (JOY / 10_000))
}

macro_rules! call {
    ($story:expr, $client:expr, $name:expr, $caller:expr, $message:expr) => {
        call!($story, $client, $name, $caller, $message, 0)
    };
    ($story:expr, $client:expr, $name:expr, $caller:expr, $message:expr, $value:expr) => {{
        println!("  > {}", $name);
        // A margin over the dry run: on a node the transaction runs a block after its dry
        // run, and block-dependent work (patronage accrual, vesting) may cost a little more.
        let result = $client
            .call($caller, &$message)
            .value($value)
            .extra_gas_portion(25)
            .submit()
            .await
            .or_fail()?;
        $story.record(
            $name,
            result.dry_run.exec_result.gas_required,
            &result.dry_run.exec_result.storage_deposit,
        );
        result.return_value()
    }};
}

pub async fn balance_line<C: Chain>(
    client: &mut C,
    token: &<Crt as ink::codegen::ContractCallBuilder>::Type,
    who: &[(&str, &Keypair)],
) -> E2EResult<()> {
    let mut parts = Vec::new();
    for (name, keypair) in who {
        let info = client
            .call(keypair, &token.account_info(id(keypair)))
            .dry_run()
            .await
            .or_fail()?
            .return_value();
        parts.push(match info {
            Some(a) => format!(
                "{name} {} ({} transferrable)",
                crt(a.amount),
                crt(a.transferrable)
            ),
            None => format!("{name} —"),
        });
    }
    println!("    balances: {}", parts.join(", "));
    Ok(())
}
