//! What the token asks of its factory: whether the suite is live (the existence of the
//! factory's live marker, a storage read: no call), governance's parameters (a call, only when
//! the token is synced) and the record of an issuer change (a call). Unit tests (`cfg(test)`,
//! the off-chain engine cannot call contracts) answer from a per-thread stand-in instead.

use crt_traits::TokenContext;
use ink::primitives::AccountId;

use crate::errors::Error;

/// Whether the suite is live: the factory's live marker exists (see `live-marker`).
#[cfg(not(feature = "stand-ins"))]
pub fn suite_is_live(live_marker: AccountId) -> bool {
    ink::env::is_contract::<ink::env::DefaultEnvironment>(&live_marker)
}

#[cfg(not(feature = "stand-ins"))]
pub fn token_context(factory: AccountId) -> Result<TokenContext, Error> {
    use crt_traits::CrtFactory;
    use ink::codegen::TraitCallBuilder;
    let factory: ink::contract_ref!(CrtFactory, ink::env::DefaultEnvironment) = factory.into();
    match factory.call().token_context().try_invoke() {
        Ok(Ok(context)) => Ok(context),
        _ => Err(Error::FactoryUnavailable),
    }
}

#[cfg(not(feature = "stand-ins"))]
pub fn record_issuer_change(factory: AccountId, token_id: u64, new_issuer: AccountId) -> Result<(), Error> {
    use crt_traits::CrtFactory;
    use ink::codegen::TraitCallBuilder;
    let mut factory: ink::contract_ref!(CrtFactory, ink::env::DefaultEnvironment) = factory.into();
    match factory
        .call_mut()
        .record_issuer_change(token_id, new_issuer)
        .try_invoke()
    {
        Ok(Ok(true)) => Ok(()),
        Ok(Ok(false)) => Err(Error::FactoryRejected),
        _ => Err(Error::FactoryUnavailable),
    }
}

#[cfg(feature = "stand-ins")]
pub use stand_in::{record_issuer_change, suite_is_live, token_context};

#[cfg(feature = "stand-ins")]
pub mod stand_in {
    use super::*;
    use crt_traits::TokenConstraints;
    use std::cell::RefCell;

    thread_local! {
        static CONTEXT: RefCell<Option<TokenContext>> = RefCell::new(Some(default_context()));
        static ACCEPT_ISSUER_CHANGE: RefCell<bool> = const { RefCell::new(true) };
    }

    pub fn default_context() -> TokenContext {
        TokenContext {
            frozen: false,
            constraints: TokenConstraints::defaults(0),
            blocks_per_year: 5_259_600,
        }
    }

    /// Sets what the factory answers (`None`: the call fails).
    pub fn set_context(context: Option<TokenContext>) {
        CONTEXT.with(|c| *c.borrow_mut() = context);
    }

    pub fn set_accept_issuer_change(accept: bool) {
        ACCEPT_ISSUER_CHANGE.with(|c| *c.borrow_mut() = accept);
    }

    /// Live unless the stand-in's context says frozen. With no context (the factory cannot
    /// be called) the marker still exists: the suite is live.
    pub fn suite_is_live(_live_marker: AccountId) -> bool {
        CONTEXT.with(|c| c.borrow().is_none_or(|context| !context.frozen))
    }

    pub fn token_context(_factory: AccountId) -> Result<TokenContext, Error> {
        CONTEXT.with(|c| c.borrow().ok_or(Error::FactoryUnavailable))
    }

    pub fn record_issuer_change(_factory: AccountId, _token_id: u64, _new: AccountId) -> Result<(), Error> {
        if ACCEPT_ISSUER_CHANGE.with(|c| *c.borrow()) {
            Ok(())
        } else {
            Err(Error::FactoryRejected)
        }
    }
}
