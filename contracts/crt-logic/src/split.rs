//! Revenue splits: the issuer pays revenue in, holders stake tokens during the window and take
//! their share at once, unstake after the end; anyone closes an ended split and the issuer
//! takes back what was not claimed.
//!
//! Why Σ dividends ≤ allocation without freezing the supply: from issue to finalize nothing is
//! minted (`ensure_no_mint_during_split`), each account stakes at most once and at most what it
//! holds, staked tokens cannot move, and they cannot be burned before the split ends. So when
//! stake `k` is priced, the supply `S_k` still holds every earlier stake (locked) and every
//! later one (those tokens exist already and are not staked yet): `S_k ≥ Σ stakes`, and
//! `Σ ⌊stake_k · allocation / S_k⌋ ≤ allocation · Σ stake_k / Σ stakes = allocation`. Burns of
//! unstaked tokens only lower `S_k` towards that bound — the Joystream #4783 overpayment came
//! from mints during a split. Burning *staked* tokens would break it (a holder stakes half the
//! supply, burns it, and the other half is then priced as the whole supply), which is why
//! `burn` refuses them until the end.

use crt_core::math::{mul_div_floor, Permill};
use crt_traits::TokenConstraints;
use ink::primitives::AccountId;

use crate::data::{RevenueSplit, TokenData};
use crate::errors::Error;
use crate::events::{
    Effects, RevenueSourceSet, RevenueSplitFinalized, RevenueSplitIssued, RevenueSplitLeft,
    UserParticipatedInSplit,
};
use crate::Balance;

impl TokenData {
    fn active_split(&self) -> Result<RevenueSplit, Error> {
        self.info.revenue_split.ok_or(Error::RevenueSplitNotActive)
    }

    /// Issuer: opens a split with the JOY sent (`paid`). Holders get `revenue_split_rate` of
    /// it; the rest is refunded at once. `start` defaults to the earliest allowed block.
    pub fn issue_revenue_split(
        &mut self,
        caller: AccountId,
        now: u32,
        paid: Balance,
        constraints: &TokenConstraints,
        start: Option<u32>,
        duration: u32,
    ) -> Result<Effects, Error> {
        self.ensure_issuer(caller)?;
        let allocation = Permill(self.info.revenue_split_rate).mul_floor(paid);
        let mut fx = self.open_split(now, constraints, start, duration, allocation)?;
        fx.pay(caller, paid.saturating_sub(allocation));
        Ok(fx)
    }

    /// Issuer: registers the contract allowed to fund splits (`None`: none).
    pub fn set_revenue_source(
        &mut self,
        caller: AccountId,
        source: Option<AccountId>,
    ) -> Result<Effects, Error> {
        self.ensure_issuer(caller)?;
        self.set_revenue_source_cell(source);
        Ok(Effects::new().event(RevenueSourceSet { source }))
    }

    /// The registered revenue source opens a split with revenue it collected for holders
    /// (`paid`): all of it is the holders' allocation, under the same window rules as
    /// `issue_revenue_split`; what holders leave unclaimed goes to the issuer at finalize.
    pub fn fund_revenue_split(
        &mut self,
        caller: AccountId,
        now: u32,
        paid: Balance,
        constraints: &TokenConstraints,
        start: Option<u32>,
        duration: u32,
    ) -> Result<Effects, Error> {
        if self.revenue_source() != Some(caller) {
            return Err(Error::NotRevenueSource);
        }
        self.open_split(now, constraints, start, duration, paid)
    }

    /// Opens a split of `allocation` after checking its window against governance's bounds.
    fn open_split(
        &mut self,
        now: u32,
        constraints: &TokenConstraints,
        start: Option<u32>,
        duration: u32,
        allocation: Balance,
    ) -> Result<Effects, Error> {
        if self.info.revenue_split.is_some() {
            return Err(Error::RevenueSplitAlreadyActive);
        }
        if allocation == 0 {
            return Err(Error::CannotIssueSplitWithZeroAllocation);
        }
        if duration == 0 || duration < constraints.min_revenue_split_duration {
            return Err(Error::RevenueSplitDurationTooShort);
        }
        if duration > constraints.max_revenue_split_duration {
            return Err(Error::RevenueSplitDurationTooLong);
        }
        let earliest = now
            .checked_add(constraints.min_revenue_split_time_to_start)
            .ok_or(Error::BlockNumberOverflow)?;
        let start = start.unwrap_or(earliest);
        if start < earliest {
            return Err(Error::RevenueSplitTimeToStartTooShort);
        }
        start.checked_add(duration).ok_or(Error::BlockNumberOverflow)?;
        if start.saturating_sub(now) > constraints.max_revenue_split_time_to_start {
            return Err(Error::RevenueSplitTimeToStartTooLong);
        }
        let id = self.info.next_revenue_split_id;
        self.info.next_revenue_split_id = id.checked_add(1).ok_or(Error::ArithmeticOverflow)?;
        self.info.revenue_split = Some(RevenueSplit {
            id,
            allocation,
            start,
            duration,
            dividends_claimed: 0,
        });
        Ok(Effects::new().event(RevenueSplitIssued {
            split_id: id,
            start,
            duration,
            allocation,
        }))
    }

    /// Whether `account`'s stake is locked by a split that has not ended yet.
    pub fn stake_is_locked(&self, staked_in: Option<u32>, now: u32) -> bool {
        match (staked_in, self.info.revenue_split) {
            (Some(id), Some(split)) => split.id == id && !split.has_ended(now),
            _ => false,
        }
    }

    /// The dividend `amount` staked now would earn: `⌊amount · allocation / supply⌋`.
    pub fn dividend_preview(&self, amount: Balance) -> Balance {
        match self.info.revenue_split {
            Some(split) if self.info.total_supply > 0 => {
                mul_div_floor(amount, split.allocation, self.info.total_supply).unwrap_or_default()
            }
            _ => 0,
        }
    }

    /// Stakes `amount` of the caller's tokens (vesting-locked ones count) in the ongoing split
    /// and pays the dividend at once. Once per account per split.
    ///
    /// An account still staked in an earlier split that has ended is unstaked first (as
    /// `exit_revenue_split` would), so its old stake never blocks the new one.
    pub fn participate_in_split(
        &mut self,
        caller: AccountId,
        now: u32,
        amount: Balance,
    ) -> Result<Effects, Error> {
        if amount == 0 {
            return Err(Error::ZeroAmount);
        }
        let mut split = self.active_split()?;
        if !split.is_ongoing(now) {
            return Err(Error::RevenueSplitNotOngoing);
        }
        let mut account = self.existing(caller)?;
        if account.staked_in == Some(split.id) {
            return Err(Error::UserAlreadyParticipating);
        }
        if amount > account.amount {
            return Err(Error::InsufficientBalanceForSplitParticipation);
        }
        let dividend = mul_div_floor(amount, split.allocation, self.info.total_supply)
            .map_err(|_| Error::ArithmeticOverflow)?;
        let claimed = split
            .dividends_claimed
            .checked_add(dividend)
            .ok_or(Error::ArithmeticOverflow)?;
        if claimed > split.allocation {
            // Unreachable (see the module docs); refuse rather than pay from other pots.
            return Err(Error::ArithmeticOverflow);
        }
        split.dividends_claimed = claimed;
        account.staked = amount;
        account.staked_in = Some(split.id);
        self.store(caller, &account);
        self.info.revenue_split = Some(split);
        let mut fx = Effects::new().event(UserParticipatedInSplit {
            account: caller,
            split_id: split.id,
            staked: amount,
            dividend,
        });
        fx.pay(caller, dividend);
        Ok(fx)
    }

    /// Unstakes the caller's tokens once their split has ended (finalized or not).
    pub fn exit_revenue_split(&mut self, caller: AccountId, now: u32) -> Result<Effects, Error> {
        let mut account = self.existing(caller)?;
        let Some(split_id) = account.staked_in else {
            return Err(Error::UserNotParticipatingInAnySplit);
        };
        if let Some(split) = self.info.revenue_split {
            if split.id == split_id && !split.has_ended(now) {
                return Err(Error::RevenueSplitDidNotEnd);
            }
        }
        let unstaked = account.staked;
        account.staked = 0;
        account.staked_in = None;
        self.store(caller, &account);
        Ok(Effects::new().event(RevenueSplitLeft {
            account: caller,
            unstaked,
        }))
    }

    /// Anyone, after the end: closes the split; the unclaimed allocation goes to the issuer.
    pub fn finalize_revenue_split(&mut self, now: u32) -> Result<Effects, Error> {
        let split = self.active_split()?;
        if !split.has_ended(now) {
            return Err(Error::RevenueSplitDidNotEnd);
        }
        self.info.revenue_split = None;
        let leftovers = split.unclaimed();
        let mut fx = Effects::new().event(RevenueSplitFinalized {
            split_id: split.id,
            leftovers,
        });
        // A refused transfer (the issuer's account reaped, say) is held for the issuer: the
        // split closes whatever the state of the issuer's account.
        fx.pay_or_hold(self.info.issuer, leftovers);
        Ok(fx)
    }
}
