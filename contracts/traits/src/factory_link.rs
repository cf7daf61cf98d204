//! What the platform's contracts beside the factory (content, bandwidth) ask of it: whether the
//! suite is live (the factory's live marker exists: a storage read, no call), its record of a
//! token, its governance and its live marker (calls, only in the messages that need them).
//! Each answers `None` when the factory does not answer. Unit tests (`stand-ins`: the
//! off-chain engine cannot call contracts) answer from a per-thread stand-in factory instead.

use ink::primitives::AccountId;

use crate::TokenRecord;

#[cfg(not(feature = "stand-ins"))]
pub use chain::{governance, live_marker, suite_is_live, token_record};
#[cfg(feature = "stand-ins")]
pub use stand_in::{governance, live_marker, suite_is_live, token_record};

#[cfg(not(feature = "stand-ins"))]
mod chain {
    use super::*;
    use ink::env::call::{build_call, ExecutionInput, Selector};
    use ink::env::DefaultEnvironment;
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
}

/// A per-thread factory for unit tests.
#[cfg(feature = "stand-ins")]
pub mod stand_in {
    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    /// What the stand-in factory answers.
    #[derive(Default)]
    pub struct Factory {
        /// Whether the suite is frozen (its live marker gone).
        pub frozen: bool,
        /// `None`: the factory does not answer.
        pub governance: Option<AccountId>,
        /// Its live tokens, by address.
        pub records: BTreeMap<AccountId, TokenRecord>,
    }

    thread_local! {
        static FACTORY: RefCell<Factory> = RefCell::new(Factory::default());
    }

    /// Changes what the stand-in factory answers.
    pub fn with_factory<R>(f: impl FnOnce(&mut Factory) -> R) -> R {
        FACTORY.with(|factory| f(&mut factory.borrow_mut()))
    }

    pub fn suite_is_live(_live_marker: AccountId) -> bool {
        with_factory(|f| !f.frozen)
    }

    pub fn token_record(_factory: AccountId, token: AccountId) -> Option<Option<TokenRecord>> {
        with_factory(|f| f.governance.map(|_| f.records.get(&token).cloned()))
    }

    pub fn governance(_factory: AccountId) -> Option<AccountId> {
        with_factory(|f| f.governance)
    }

    pub fn live_marker(_factory: AccountId) -> Option<AccountId> {
        with_factory(|f| f.governance.map(|_| AccountId::from([0xEE; 32])))
    }
}
