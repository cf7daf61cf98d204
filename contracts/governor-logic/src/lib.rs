//! # Community governance
//!
//! What the governor contract (`governor`) does, as plain Rust on its storage. JOY holders
//! lock JOY in the governor for voting power (and may delegate it); an account with enough
//! power proposes a list of calls; after a voting delay the holders vote with the power they
//! had when voting opened; a proposal that reaches its quorum with more votes for than
//! against is queued, and its calls run only after a timelock and before a grace deadline.
//! The governor is meant to be the factory's governance, so every platform parameter changes
//! this way, and users see a change coming for the whole timelock. A guardian set may freeze
//! the factory at once, and do nothing else.
//!
//! - [`power::VotingPower`]: locked JOY, delegation, and each account's voting power over time
//!   (checkpoints), with the vote lock that keeps a voter's JOY in until the vote ends.
//! - [`proposal`]: a proposal, its calls, its tally and its state over time.
//! - [`proposals`]: propose, vote, queue, cancel and the start of an execution, on
//!   [`data::GovernorData`].
//! - [`params`]: the parameters and their hard bounds; [`own_calls`]: the governor's own
//!   messages a proposal may call (parameters, guardians).
//! - [`state::GovernorState`]: the whole storage, the call context, execution and `apply`.
//! - [`links`]: calls to other contracts (a proposal's calls, the guardian's freeze).
//! - [`messages`]: every message, declared once, as trait definitions.
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

pub mod call;
pub mod data;
pub mod errors;
pub mod events;
pub mod links;
pub mod messages;
pub mod own_calls;
pub mod params;
pub mod power;
pub mod proposal;
pub mod proposals;
pub mod state;

pub use crt_traits::{Balance, BlockNumber};
pub use errors::Error;
