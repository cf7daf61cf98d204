//! The contract's whole storage, shared by the token contract and its library
//! (`crt-library`), which runs with the token's storage by delegate call. Both contracts keep a
//! root struct named `Crt` holding one `TokenState` field named `state`: ink! derives storage
//! keys from struct and field names, so the same names give the same cells.
//!
//! Besides the data, the helpers every message uses: the factory's context, the bloat bond,
//! and `apply`, which pays out JOY and emits the events a logic call returned.

use crt_traits::TokenContext;
use ink::env::DefaultEnvironment;
use ink::prelude::{string::String, vec::Vec};
use ink::primitives::{AccountId, Hash};
use ink::storage::Lazy;

use crate::data::TokenData;
use crate::errors::Error;
use crate::events::Effects;
use crate::factory_link;
use crate::queries::TokenMetadata;
use crate::Balance;

#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
pub struct TokenState {
    /// The factory that deployed the token: source of the frozen flag and parameters.
    pub factory: AccountId,
    /// Code hash of the library that runs the sale, AMM, revenue split, patronage and burn
    /// messages (uploaded code, never instantiated; set by the factory at deployment).
    pub library: Hash,
    pub data: TokenData,
    pub metadata: Lazy<TokenMetadata>,
}

impl TokenState {
    /// The factory's answer for a state-changing message: fails on a deissued token, an
    /// unreachable factory and while governance has frozen the suite.
    pub fn context(&self) -> Result<TokenContext, Error> {
        self.data.ensure_live()?;
        let context = self.parameters()?;
        if context.frozen {
            return Err(Error::Frozen);
        }
        Ok(context)
    }

    /// The factory's answer for a query: governance's current parameters, frozen or not
    /// (queries keep answering while the suite is frozen).
    pub fn parameters(&self) -> Result<TokenContext, Error> {
        factory_link::token_context(self.factory)
    }

    /// The bloat bond a new account costs now (a state-changing message's context).
    pub fn bond(&self) -> Result<Balance, Error> {
        Ok(self.context()?.constraints.bloat_bond)
    }

    /// Pays out JOY, then emits the events, of a successful logic call.
    pub fn apply(&self, fx: Effects) -> Result<(), Error> {
        for (to, amount) in fx.payouts {
            ink::env::transfer::<DefaultEnvironment>(to, amount).map_err(|_| Error::JoyTransferFailed)?;
        }
        for event in fx.events {
            event.emit();
        }
        Ok(())
    }

    pub fn stored_metadata(&self) -> TokenMetadata {
        self.metadata.get().unwrap_or(TokenMetadata {
            name: String::new(),
            symbol: String::new(),
            decimals: 0,
            metadata: Vec::new(),
        })
    }
}

/// The account that called the message (under delegate call: the token's caller).
pub fn caller() -> AccountId {
    ink::env::caller::<DefaultEnvironment>()
}

pub fn now() -> u32 {
    ink::env::block_number::<DefaultEnvironment>()
}

/// JOY sent with the message.
pub fn paid() -> Balance {
    ink::env::transferred_value::<DefaultEnvironment>()
}

/// The token contract's own address (also under delegate call).
pub fn this() -> AccountId {
    ink::env::account_id::<DefaultEnvironment>()
}
