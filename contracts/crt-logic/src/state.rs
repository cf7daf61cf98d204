//! The contract's whole storage, shared by the token contract and its library
//! (`crt-library`), which runs with the token's storage by delegate call. Both contracts keep a
//! root struct named `Crt` holding one `TokenState` field named `state`: ink! derives storage
//! keys from struct and field names, so the same names give the same cells.
//!
//! Besides the data, the helpers every message uses: the context (frozen or live, governance's
//! parameters), the bloat bond, and `apply`, which pays out JOY and emits the events a logic
//! call returned.

use crt_traits::{TokenConstraints, TokenContext, TokenLibraries};
use ink::env::DefaultEnvironment;
use ink::prelude::{string::String, vec::Vec};
use ink::primitives::AccountId;
use ink::storage::Lazy;

use crate::call::Call;
use crate::data::TokenData;
use crate::errors::Error;
use crate::events::{ConstraintsSynced, Effects};
use crate::factory_link;
use crate::queries::TokenMetadata;
use crate::Balance;

/// Everything a token stores, shared by the token's code and its libraries (which run on it
/// by delegate call): the same type, so the same storage keys.
#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
pub struct TokenState {
    /// The storage layout the token was deployed with ([`LAYOUT_VERSION`] of its code). First
    /// in the cell, so code built for another layout still reads it right. The library,
    /// running on this storage by delegate call, refuses to change it unless its own code was
    /// built for the same layout.
    pub layout: u32,
    /// The factory that deployed the token: the treasury, the index, and the source of
    /// governance's parameters.
    pub factory: AccountId,
    /// Code hashes of the libraries the messages the token does not run itself run from
    /// (uploaded code, never instantiated; set by the factory at deployment).
    pub libraries: TokenLibraries,
    /// The factory's live marker (`live-marker`): the suite is frozen while no contract
    /// exists at this address. Checking costs one storage read and loads no code, where
    /// asking the factory would load the factory's code on every message.
    pub live_marker: AccountId,
    /// Governance's parameters as the token last copied them from the factory (at deployment,
    /// then at each `sync_constraints`, which anyone may call). A copy, so that no message
    /// has to call the factory; changes reach a token when it is synced.
    pub constraints: TokenConstraints,
    /// Balances, accounts and offerings.
    pub data: TokenData,
    /// Name, symbol, decimals and description (a cell of its own: only metadata queries read it).
    pub metadata: Lazy<TokenMetadata>,
}

/// Storage key of the root cell (`TokenState`'s packed fields): ink!'s key for a contract's
/// storage struct, which the token's and the library's generated code use, and which the
/// token's hand-written entry points (`crt/src/entry.rs`) use as well.
pub const ROOT_KEY: ink::primitives::Key = 0;

/// Version of this storage layout and of what its fields mean; a new token code and library
/// pair that changes either bumps it.
pub const LAYOUT_VERSION: u32 = 6;

impl TokenState {
    /// The context of a state-changing message: fails on a deissued token, while governance
    /// has frozen the suite, and when the code running is built for another storage layout
    /// than the token's.
    pub fn context(&self) -> Result<TokenContext, Error> {
        self.ensure_layout()?;
        self.data.ensure_live()?;
        let context = self.parameters();
        if context.frozen {
            return Err(Error::Frozen);
        }
        Ok(context)
    }

    /// The context of a query: governance's parameters (the token's copy), frozen or not
    /// (queries keep answering while the suite is frozen).
    pub fn parameters(&self) -> TokenContext {
        TokenContext {
            frozen: !factory_link::suite_is_live(self.live_marker),
            constraints: self.constraints,
            blocks_per_year: self.data.info.blocks_per_year,
        }
    }

    /// The context of a state-changing message as one value (see [`Call`]); fails as
    /// [`Self::context`].
    pub fn call(&self) -> Result<Call, Error> {
        let context = self.context()?;
        Ok(Call {
            caller: caller(),
            now: now(),
            paid: paid(),
            this: this(),
            treasury: self.factory,
            constraints: context.constraints,
        })
    }

    /// The bloat bond a new account costs now (a state-changing message's context).
    pub fn bond(&self) -> Result<Balance, Error> {
        Ok(self.context()?.constraints.bloat_bond)
    }

    /// Copies governance's current parameters from the factory. Anyone may call it: the
    /// parameters are governance's, whoever carries them over.
    pub fn sync_constraints(&mut self) -> Result<(), Error> {
        self.context()?;
        let current = factory_link::token_context(self.factory)?;
        self.constraints = current.constraints;
        self.apply(Effects::new().event(ConstraintsSynced {
            constraints: current.constraints,
        }))
    }

    /// Pays out JOY, then emits the events, of a successful logic call. A third party's payout
    /// its account cannot receive is held for it rather than failing the caller's message.
    pub fn apply(&mut self, fx: Effects) -> Result<(), Error> {
        for (to, amount) in fx.payouts {
            ink::env::transfer::<DefaultEnvironment>(to, amount).map_err(|_| Error::JoyTransferFailed)?;
        }
        let mut events = fx.events;
        for (to, amount) in fx.pay_or_hold {
            if ink::env::transfer::<DefaultEnvironment>(to, amount).is_err() {
                events.extend(self.data.hold_payout(to, amount)?.events);
            }
        }
        for event in events {
            event.emit();
        }
        Ok(())
    }

    /// Refuses to run a state-changing message from code built for another layout.
    pub fn ensure_layout(&self) -> Result<(), Error> {
        if self.layout != LAYOUT_VERSION {
            return Err(Error::LibraryLayoutMismatch);
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
