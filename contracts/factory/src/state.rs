//! The factory's whole storage, shared with the factory library (`factory-library`), which runs
//! with the factory's storage by delegate call. Both contracts keep a root struct named
//! `Factory` holding one `FactoryState` field named `state`: ink! derives storage keys from
//! struct and field names, so the same names give the same cells.

use crt_traits::TokenLibraries;
use crt_traits::{BlockNumber, TokenConstraints, TokenId, TokenRecord};
use ink::env::DefaultEnvironment;
use ink::primitives::{AccountId, Hash};

use crate::registry::Registry;
use crate::Error;

/// Everything the factory stores, shared by the factory's code and its library (which
/// runs on it by delegate call).
#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
pub struct FactoryState {
    /// The account allowed to change parameters, freeze and withdraw fees.
    pub governance: AccountId,
    /// The successor governance proposed, until it accepts.
    pub pending_governance: Option<AccountId>,
    /// Code new tokens are instantiated from.
    pub token_code_hash: Hash,
    /// The library code tokens delegate-call; it goes with `token_code_hash`, whose storage
    /// layout it shares.
    pub token_libraries: TokenLibraries,
    /// The factory library's code hash: this factory's own delegate-called messages.
    pub library: Hash,
    /// Blocks per year on this chain, handed to every token.
    pub blocks_per_year: BlockNumber,
    /// Governance's current parameters for tokens.
    pub constraints: TokenConstraints,
    /// The live marker: the suite is frozen exactly while it does not exist (`is_frozen`, the
    /// one record of the status, which `set_frozen_status` changes); tokens check its
    /// existence instead of calling the factory.
    pub live_marker: AccountId,
    /// The uploaded `live_marker` code the marker is created from (pinned by the factory).
    pub live_marker_hash: Hash,
    /// The index of live tokens.
    pub registry: Registry,
}

impl FactoryState {
    pub fn ensure_governance(&self) -> Result<(), Error> {
        if caller() != self.governance {
            return Err(Error::NotGovernance);
        }
        Ok(())
    }

    pub fn ensure_not_frozen(&self) -> Result<(), Error> {
        if self.is_frozen() {
            return Err(Error::Frozen);
        }
        Ok(())
    }

    pub fn live_token(&self, token_id: TokenId) -> Result<TokenRecord, Error> {
        self.registry.token(token_id).ok_or(Error::TokenNotFound)
    }
}

/// The account that called the message (under delegate call: the factory's caller).
pub fn caller() -> AccountId {
    ink::env::caller::<DefaultEnvironment>()
}

/// Emits a factory event from the running contract.
pub fn emit<E: ink::env::Event>(event: E) {
    ink::env::emit_event::<DefaultEnvironment, E>(event)
}
