//! The context of a governor message, as one value: who calls, when, with how much JOY.

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
    /// The governor's own account (a proposal's calls to it run inside the governor).
    pub contract: AccountId,
}
