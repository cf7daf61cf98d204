//! PSP22Burnable `burn`: destroys the caller's tokens, vesting-locked ones first (reference
//! §3.3), so a burn never makes locked tokens transferrable.

use ink::primitives::AccountId;

use crate::data::TokenData;
use crate::errors::Error;
use crate::events::{transfer_event, Effects};
use crate::Balance;

impl TokenData {
    /// Burns `value` of the caller's tokens. Locked and staked tokens may be burned; a burn
    /// consumes locked tokens schedule by schedule and lowers the stake by the whole amount.
    /// Zero is a no-op (PSP22Burnable). Refused while a revenue split is active.
    pub fn burn(&mut self, caller: AccountId, now: u32, value: Balance) -> Result<Effects, Error> {
        if value == 0 {
            return Ok(Effects::new());
        }
        self.ensure_supply_unfrozen()?;
        let mut account = self.account(caller).ok_or(Error::BurnAmountExceedsBalance)?;
        let amount = account
            .amount
            .checked_sub(value)
            .ok_or(Error::BurnAmountExceedsBalance)?;
        // Patronage up to now compounds on the supply before the burn.
        self.settle_patronage(now)?;
        account.vesting.burn(value, now);
        account.staked = account.staked.saturating_sub(value);
        account.amount = amount;
        self.store(caller, &account);
        // The account held `value`, so the supply does too.
        self.info.total_supply = self.info.total_supply.saturating_sub(value);
        Ok(Effects::new().event(transfer_event(Some(caller), None, value)))
    }
}
