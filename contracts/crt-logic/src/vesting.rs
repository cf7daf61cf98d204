//! Vesting as holders see it: what is locked or transferrable at any block. The schedule math
//! is `crt_core::vesting`; schedules are attached by `issuer_transfer` and issuance.

use crt_core::vesting::{VestingSchedule, VestingSource};
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::data::TokenData;
use crate::Balance;

impl TokenData {
    /// Tokens of `who` locked by vesting at `block` (0 for non-accounts).
    pub fn vesting_locked_at(&self, who: AccountId, block: u32) -> Balance {
        self.account(who)
            .map(|a| a.vesting_locked_at(block))
            .unwrap_or_default()
    }

    /// Tokens `who` could transfer at `block`, with its current stake.
    pub fn transferrable_at(&self, who: AccountId, block: u32) -> Balance {
        self.account(who)
            .map(|a| a.transferrable_at(block))
            .unwrap_or_default()
    }

    /// The vesting schedules of `who`, in source order.
    pub fn vesting_schedules(&self, who: AccountId) -> Vec<(VestingSource, VestingSchedule)> {
        self.account(who)
            .map(|a| a.vesting.iter().copied().collect())
            .unwrap_or_default()
    }
}
