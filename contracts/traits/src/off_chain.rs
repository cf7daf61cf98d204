//! What the unit tests of the platform's contracts (content, bandwidth) do to the off-chain
//! engine, written once: read an account's JOY, call as someone, send JOY with a call as the
//! chain would move it.

use ink::env::test::{callee, get_account_balance, set_account_balance, set_caller, set_value_transferred};
use ink::env::DefaultEnvironment as E;
use ink::primitives::AccountId;

/// `who`'s JOY in the off-chain engine.
pub fn joy(who: AccountId) -> u128 {
    get_account_balance::<E>(who).unwrap_or_default()
}

/// The next message is `caller`'s and carries no JOY.
pub fn as_caller(caller: AccountId) {
    set_caller::<E>(caller);
    set_value_transferred::<E>(0);
}

/// The next message is `caller`'s and carries `value` JOY, moved from the caller to the
/// contract as the chain would (the engine itself does not move it).
pub fn pay(caller: AccountId, value: u128) {
    set_caller::<E>(caller);
    set_value_transferred::<E>(value);
    let contract = callee::<E>();
    set_account_balance::<E>(contract, joy(contract) + value);
    set_account_balance::<E>(caller, joy(caller) - value);
}
