//! Read-only views for front ends: everything needed without re-implementing the math.

use crt_core::vesting::{VestingSchedule, VestingSource};
use ink::prelude::{string::String, vec::Vec};
use ink::primitives::AccountId;

use crate::data::TokenData;
use crate::Balance;

/// An account as a wallet shows it, evaluated at a block.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct AccountInfo {
    pub amount: Balance,
    pub transferrable: Balance,
    pub vesting_locked: Balance,
    pub staked: Balance,
    /// The revenue split the stake belongs to.
    pub staked_in: Option<u32>,
    pub bloat_bond: Balance,
    pub vesting_schedules: Vec<(VestingSource, VestingSchedule)>,
}

/// Name, symbol, decimals and the issuer's metadata bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct TokenMetadata {
    pub name: String,
    pub symbol: String,
    pub decimals: u8,
    pub metadata: Vec<u8>,
}

impl TokenData {
    /// The account of `who` evaluated at `block`, or `None` if it does not exist.
    pub fn account_info(&self, who: AccountId, block: u32) -> Option<AccountInfo> {
        self.account(who).map(|a| AccountInfo {
            amount: a.amount,
            transferrable: a.transferrable_at(block),
            vesting_locked: a.vesting_locked_at(block),
            staked: a.staked,
            staked_in: a.staked_in,
            bloat_bond: a.bloat_bond,
            vesting_schedules: a.vesting.iter().copied().collect(),
        })
    }
}
