//! The factory's side of the live marker (`live-marker`): the suite is live while the marker
//! contract exists. Freezing removes it, unfreezing creates it again from the same code, input
//! and salt, so it always has the address every token was given at deployment. Tokens check
//! it with `is_contract`, a storage read that loads no code (see `crt_logic::factory_link`).
//!
//! Unit tests (`cfg(test)`: the off-chain engine cannot instantiate or call contracts) use a
//! per-thread stand-in.

use ink::primitives::{AccountId, Hash};

use crate::Error;

#[cfg(not(test))]
pub use on_chain::{create, exists, remove};

#[cfg(not(test))]
mod on_chain {
    use super::*;
    use ink::codegen::TraitCallBuilder;
    use live_marker::live_marker::LiveMarkerRef;

    /// The salt the marker is always created with.
    const SALT: &[u8] = b"live";

    /// Creates the marker from `code`: the suite is live. Returns its address.
    pub fn create(code: Hash) -> Result<AccountId, Error> {
        match LiveMarkerRef::new()
            .code_hash(code)
            .endowment(0)
            .salt_bytes(SALT)
            .try_instantiate()
        {
            Ok(Ok(marker)) => Ok(ink::ToAccountId::<ink::env::DefaultEnvironment>::to_account_id(
                &marker,
            )),
            _ => Err(Error::LiveMarkerUnavailable),
        }
    }

    /// Whether the marker exists: the suite is live. (The marker obeys only its factory, so
    /// nothing else can remove it.)
    pub fn exists(marker: AccountId) -> bool {
        ink::env::is_contract::<ink::env::DefaultEnvironment>(&marker)
    }

    /// Removes the marker at `marker`: the suite is frozen.
    pub fn remove(marker: AccountId) -> Result<(), Error> {
        let mut marker_ref: LiveMarkerRef = ink::env::call::FromAccountId::from_account_id(marker);
        // A contract that terminates returns no output, so the answer cannot be decoded:
        // whether the marker is gone is the answer.
        let _ = marker_ref.call_mut().remove().try_invoke();
        if ink::env::is_contract::<ink::env::DefaultEnvironment>(&marker) {
            return Err(Error::LiveMarkerUnavailable);
        }
        Ok(())
    }
}

#[cfg(test)]
pub use stand_in::{create, exists, remove};

#[cfg(test)]
pub mod stand_in {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        static WORKS: Cell<bool> = const { Cell::new(true) };
        static EXISTS: Cell<bool> = const { Cell::new(false) };
    }

    /// The address the stand-in marker has.
    pub fn address() -> AccountId {
        AccountId::from([0x11; 32])
    }

    /// Makes the next creations and removals fail (`false`) or succeed.
    pub fn set_works(works: bool) {
        WORKS.with(|w| w.set(works));
    }

    pub fn create(_code: Hash) -> Result<AccountId, Error> {
        if WORKS.with(Cell::get) {
            EXISTS.with(|e| e.set(true));
            Ok(address())
        } else {
            Err(Error::LiveMarkerUnavailable)
        }
    }

    pub fn exists(_marker: AccountId) -> bool {
        EXISTS.with(Cell::get)
    }

    pub fn remove(_marker: AccountId) -> Result<(), Error> {
        if WORKS.with(Cell::get) {
            EXISTS.with(|e| e.set(false));
            Ok(())
        } else {
            Err(Error::LiveMarkerUnavailable)
        }
    }
}
