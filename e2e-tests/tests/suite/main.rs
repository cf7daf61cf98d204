//! The end-to-end suite: real `crt` and `factory` contracts on the real pallet-contracts
//! runtime (ink_e2e sandbox backend, with time travel). One binary, so the contracts are built
//! once per run.

mod amm;
mod bandwidth;
mod clients;
mod common;
mod content;
mod governor;
mod hardening;
mod issuance;
mod lifecycle;
mod revenue;
mod sale;
mod selectors;
mod sequences;
mod vesting;
