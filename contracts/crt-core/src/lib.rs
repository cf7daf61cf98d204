//! Pure logic of the Creator Token suite, free of ink!: fixed-point rates, vesting schedules,
//! bloat-bond arithmetic and Merkle whitelist proofs. `no_std` for the contracts; the `std`
//! feature adds off-chain helpers (a Blake2-256 hasher and a Merkle tree/proof builder).
#![cfg_attr(not(feature = "std"), no_std)]
// Production code only: tests compute expected values with plain arithmetic.
#![cfg_attr(
    not(test),
    deny(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)
)]

extern crate alloc;

pub mod amm;
pub mod bonds;
pub mod math;
pub mod merkle;
pub mod patronage;
pub mod vesting;

pub use math::{MathError, Permill};
