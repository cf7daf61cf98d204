//! The context of a state-changing bandwidth message, as one value: who calls, when, with how
//! much JOY, and the platform's terms in force.

use crt_traits::{Balance, BlockNumber};
use ink::primitives::AccountId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Call {
    /// The account that called the message.
    pub caller: AccountId,
    /// The current block.
    pub now: BlockNumber,
    /// JOY base units sent with the message.
    pub paid: Balance,
    /// This contract's account (vouchers name it).
    pub contract: AccountId,
    /// The platform fee on JOY redemptions, parts per million.
    pub fee_ppm: u32,
    /// Blocks after a channel's expiry in which its seeder may still redeem.
    pub challenge_period: BlockNumber,
    /// Where the fee goes: the factory's treasury.
    pub treasury: AccountId,
}
