//! # Bandwidth payment channels
//!
//! What the bandwidth contract (`bandwidth`) does, as plain Rust on its storage. A downloader
//! (the payer) opens a channel to a seeder with a deposit in JOY or in a creator token the
//! factory registered, and names the public key it signs vouchers with. As pieces arrive it
//! signs vouchers off chain, each for the cumulative amount it owes; the seeder redeems the
//! latest one on chain whenever it likes, and is paid the difference to what it already
//! redeemed. The payer gets the rest back when the channel closes.
//!
//! - [`channel`]: a channel's terms and books, and what a redemption pays.
//! - [`voucher`]: what is signed (domain, contract, channel, cumulative amount) and the
//!   signature check (ECDSA over secp256k1, recovered by the chain's stable host function).
//! - [`data::BandwidthData`]: the books; [`channels`] adds the messages' logic, each taking
//!   the call context ([`call::Call`]) and returning the [`moves::Moves`] (events, JOY and
//!   token payouts) or an error.
//! - [`state::BandwidthState`]: the whole storage, the context, governance's fee, `apply`.
//! - [`links`]: the calls to the factory and to tokens.
//! - [`messages`]: every message, declared once, as trait definitions.
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

pub mod call;
pub mod channel;
pub mod channels;
pub mod data;
pub mod errors;
pub mod events;
pub mod links;
pub mod messages;
pub mod moves;
pub mod state;
pub mod voucher;

pub use crt_traits::{Balance, BlockNumber, TokenAmount};
pub use errors::Error;
