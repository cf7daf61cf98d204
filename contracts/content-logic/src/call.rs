//! The context of a state-changing content message, as one value: who calls, when, with how
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
    /// The platform fee on purchases, parts per million.
    pub fee_ppm: u32,
    /// Where the fee goes: the factory's treasury.
    pub treasury: AccountId,
}
