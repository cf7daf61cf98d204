//! # Creator Token logic
//!
//! Everything a Creator Token does, as plain Rust on its storage: the token contract (`crt`)
//! and the token library it delegate-calls (`crt-library`) are both wiring around this crate,
//! so neither depends on the other.
//!
//! - [`state::TokenState`] is the token's whole storage; [`data::TokenData`] the accounts,
//!   supply and offerings inside it.
//! - One module per capability adds its methods to `TokenData`: [`transfers`], [`vesting`],
//!   [`whitelist`], [`issuer`], [`burn`], [`patronage`], [`split`], [`sale`], [`amm`]; the
//!   account record and its bonds are in [`accounts`], read-only views in [`queries`].
//! - Every method takes the call context (caller, block, JOY paid, governance's parameters)
//!   as arguments and returns an error or the [`events::Effects`] (events, JOY payouts) for
//!   the contract to carry out: nothing here reads the environment but [`state`].
//! - [`messages`] declares the messages the token runs from its library's code, once, as
//!   trait definitions both contracts implement; [`forward`] is how the token hands them to
//!   the library (delegate call); [`library_messages`] are their bodies, on `TokenState`.
//! - [`token_messages`] are the bodies of the messages the token runs from its own code.
//! - [`factory_link`] is what the token asks of its factory.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(clippy::arithmetic_side_effects)]

/// Storage layout of a value stored whole (one cell), for types from `crt-core`, which has no
/// ink! dependency to derive it.
#[macro_export]
macro_rules! packed_storage_layout {
    ($t:ty) => {
        #[cfg(feature = "std")]
        impl ink::storage::traits::StorageLayout for $t {
            fn layout(key: &ink::primitives::Key) -> ink::metadata::layout::Layout {
                use ink::metadata::layout::{Layout, LayoutKey, LeafLayout};
                Layout::Leaf(LeafLayout::from_key::<Self>(LayoutKey::from(key)))
            }
        }
    };
}

pub mod accounts;
pub mod amm;
pub mod burn;
pub mod call;
pub mod data;
pub mod errors;
pub mod events;
pub mod factory_link;
pub mod forward;
pub mod issuer;
pub mod library_messages;
pub mod messages;
pub mod patronage;
pub mod queries;
pub mod sale;
pub mod split;
pub mod state;
pub mod supply;
pub mod token_messages;
pub mod transfers;
pub mod vesting;
pub mod whitelist;

pub use crt_traits::{Balance, TokenAmount};

pub use errors::Error;
