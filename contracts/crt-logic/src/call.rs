//! The call context a state-changing message's logic takes, as one value.

use crt_traits::TokenConstraints;
use ink::primitives::AccountId;

use crate::Balance;

/// What a message's logic needs from its environment: who calls, at which block, with how much
/// JOY, on which token contract, which treasury receives platform fees, and governance's
/// parameters as the token applies them. The contract reads it (`TokenState::call`); unit
/// tests build it.
#[derive(Debug, Clone, Copy)]
pub struct Call {
    pub caller: AccountId,
    pub now: u32,
    /// JOY sent with the message.
    pub paid: Balance,
    /// The token contract itself (the sale's escrow holder).
    pub this: AccountId,
    /// Where platform fees go: the factory.
    pub treasury: AccountId,
    pub constraints: TokenConstraints,
}

impl Call {
    /// The bloat bond a new account costs.
    pub fn bond(&self) -> Balance {
        self.constraints.bloat_bond
    }
}
