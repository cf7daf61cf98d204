//! # Content access logic
//!
//! What the content contract (`content`) does, as plain Rust on its storage. Creators publish
//! items — an off-chain reference, a price in JOY, permanent or timed access, optionally their
//! own creator token, whose holders may read free (a gate) and receive part of each sale (the
//! holders' share) — and consumers buy access; distributors and seeders ask `has_access`.
//!
//! - [`item`]: an item's terms, the access kinds and the split of a price.
//! - [`data::ContentData`]: the books; [`catalog`], [`access`] and [`payouts`] add the
//!   capabilities' methods, each taking the call context ([`call::Call`]) and the facts other
//!   contracts supply (the factory's record of a token, a gate token's balance) as arguments,
//!   and returning the [`crt_traits::effects::Effects`] (events, JOY payouts) or an error.
//! - [`state::ContentState`]: the whole storage, the context, governance's fee, `apply`.
//! - [`links`]: the calls to the factory and to gate tokens.
//! - [`messages`]: every message, declared once, as trait definitions.
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

pub mod access;
pub mod call;
pub mod catalog;
pub mod data;
pub mod errors;
pub mod events;
pub mod item;
pub mod links;
pub mod messages;
pub mod payouts;
pub mod state;

pub use crt_traits::{Balance, BlockNumber, TokenAmount};
pub use errors::Error;
