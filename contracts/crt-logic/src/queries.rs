//! Read-only views for front ends: everything needed without re-implementing the math.

use crt_core::vesting::{VestingSchedule, VestingSource};
use ink::prelude::{string::String, vec::Vec};
use ink::primitives::AccountId;

use crate::data::TokenData;
use crate::{Balance, TokenAmount};

/// An account as a wallet shows it, evaluated at a block.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct AccountInfo {
    /// Tokens held in all, base units (locked and staked included).
    pub amount: TokenAmount,
    /// Tokens the account can send now, base units.
    pub transferrable: TokenAmount,
    /// Tokens still locked by vesting now, base units.
    pub vesting_locked: TokenAmount,
    /// Tokens staked in a revenue split, base units.
    pub staked: TokenAmount,
    /// The revenue split the stake belongs to.
    pub staked_in: Option<u32>,
    /// The JOY bond paid when the account was created, base units.
    pub bloat_bond: Balance,
    /// The account's vesting schedules and what created each.
    pub vesting_schedules: Vec<(VestingSource, VestingSchedule)>,
}

/// Name, symbol, decimals and the issuer's metadata bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct TokenMetadata {
    /// Display name.
    pub name: String,
    /// Symbol, unique in the factory (case-insensitively).
    pub symbol: String,
    /// `10^decimals` base units make one token.
    pub decimals: u8,
    /// The issuer's description, as given at issuance.
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
