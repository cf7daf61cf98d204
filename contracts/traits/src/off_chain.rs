//! What the unit tests of the platform's contracts (content, bandwidth, governor) do to the
//! off-chain engine, written once: read an account's JOY, call as someone, send JOY with a call
//! as the chain would move it, and check that a refused message changed nothing.

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

/// `f` fails with `expected`, leaves everything `snapshot` observes of `contract` as it was and
/// emits no event: what each platform contract's tests assert of a refused message. (JOY sent
/// with the call stays counted where `pay` put it: a reverted call returns it on chain.)
pub fn assert_rejected_by<C, S, T, E>(
    contract: &mut C,
    expected: E,
    snapshot: impl Fn(&C) -> S,
    f: impl FnOnce(&mut C) -> Result<T, E>,
) where
    S: PartialEq + core::fmt::Debug,
    T: core::fmt::Debug,
    E: PartialEq + core::fmt::Debug,
{
    let before = snapshot(contract);
    let events_before = ink::env::test::recorded_events().count();
    assert_eq!(f(contract).map(|_| ()).unwrap_err(), expected);
    assert_eq!(snapshot(contract), before, "state changed by a rejected call");
    assert_eq!(
        ink::env::test::recorded_events().count(),
        events_before,
        "events from a rejected call"
    );
}
