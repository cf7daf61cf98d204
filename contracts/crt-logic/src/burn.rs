//! PSP22Burnable `burn`: destroys the caller's tokens, vesting-locked ones first (as the
//! Joystream pallet does), so a burn never makes locked tokens transferrable. A holder can always burn: a
//! revenue split only holds back the tokens staked in it, until it ends.

use ink::primitives::AccountId;

use crate::data::TokenData;
use crate::errors::Error;
use crate::events::Effects;
use crate::Balance;

impl TokenData {
    /// Burns `value` of the caller's tokens. Locked tokens may be burned (a burn consumes them
    /// schedule by schedule); staked ones only once their split has ended (see `split.rs` for
    /// why), and the stake then shrinks to what is left. Zero is a no-op (PSP22Burnable).
    /// A burn leaves the AMM's curve alone (moving it would change every other holder's
    /// sale price); `deactivate_amm` counts the AMM supply at most as the supply left.
    pub fn burn(&mut self, caller: AccountId, now: u32, value: Balance) -> Result<Effects, Error> {
        if value == 0 {
            return Ok(Effects::new());
        }
        let mut account = self.account(caller).ok_or(Error::BurnAmountExceedsBalance)?;
        let amount = account
            .amount
            .checked_sub(value)
            .ok_or(Error::BurnAmountExceedsBalance)?;
        if self.stake_is_locked(account.staked_in, now) && amount < account.staked {
            return Err(Error::StakedTokensLockedUntilSplitEnds);
        }
        account.vesting.burn(value, now);
        account.staked = account.staked.min(amount);
        let mut fx = Effects::new();
        self.burn_from(now, caller, &mut account, value, &mut fx);
        Ok(fx)
    }
}
