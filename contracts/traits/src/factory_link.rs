//! What the platform's contracts beside the factory (content, bandwidth) ask of it: whether the
//! suite is live (the factory's live marker exists: a storage read, no call), its record of a
//! token, its governance and its live marker (calls, only in the messages that need them).
//! Each answers `None` when the factory does not answer.

use ink::env::call::{build_call, ExecutionInput, Selector};
use ink::env::DefaultEnvironment;
use ink::primitives::AccountId;

use crate::TokenRecord;

/// Whether the suite is live: the factory's live marker exists.
pub fn suite_is_live(live_marker: AccountId) -> bool {
    ink::env::is_contract::<DefaultEnvironment>(&live_marker)
}

/// A query of the factory's with one argument (or none: `()`).
fn ask<A: scale::Encode, R: scale::Decode>(factory: AccountId, selector: [u8; 4], arg: A) -> Option<R> {
    build_call::<DefaultEnvironment>()
        .call(factory)
        .exec_input(ExecutionInput::new(Selector::new(selector)).push_arg(arg))
        .returns::<R>()
        .try_invoke()
        .ok()?
        .ok()
}

/// The factory's record of the token at `token` (`Some(None)`: not one of its live tokens).
pub fn token_record(factory: AccountId, token: AccountId) -> Option<Option<TokenRecord>> {
    ask(factory, ink::selector_bytes!("token_by_address"), token)
}

/// The factory's governance account.
pub fn governance(factory: AccountId) -> Option<AccountId> {
    ask(factory, ink::selector_bytes!("governance"), ())
}

/// The factory's live marker.
pub fn live_marker(factory: AccountId) -> Option<AccountId> {
    ask(factory, ink::selector_bytes!("live_marker"), ())
}
