//! Patronage: the issuer's yearly compound interest on the supply (`crt_core::patronage`),
//! minted on claim. Credit accrued at a rate is kept when the rate is lowered (the pallet
//! loses it), and the accrual is settled before every supply change, so each period compounds
//! on the supply it actually had.

use crt_core::bonds::settle;
use ink::primitives::AccountId;

use crate::data::TokenData;
use crate::errors::Error;
use crate::events::{Effects, PatronageCreditClaimed, PatronageRateDecreasedTo};
use crate::Balance;

impl TokenData {
    /// Credit claimable at block `now`: the tally plus what accrued since, saturated at what
    /// the supply can still grow by (`u128::MAX − total_supply`). A credit beyond that could
    /// never be minted anyway, and saturating keeps every message that settles patronage
    /// (burns, trades, rate changes, claims) working however long nobody claims.
    pub fn claimable_patronage(&self, now: u32) -> Balance {
        let info = &self.info;
        let blocks = now.saturating_sub(info.patronage_tally_block);
        let accrued = crt_core::patronage::credit(
            info.total_supply,
            info.patronage_rate,
            blocks,
            info.blocks_per_year,
        )
        .unwrap_or(Balance::MAX);
        info.patronage_tally
            .saturating_add(accrued)
            .min(Balance::MAX.saturating_sub(info.total_supply))
    }

    /// Moves what accrued up to `now` into the tally (before the rate or the supply changes).
    pub(crate) fn settle_patronage(&mut self, now: u32) {
        self.info.patronage_tally = self.claimable_patronage(now);
        self.info.patronage_tally_block = now;
    }

    /// Issuer: lowers the yearly rate (equal: nothing to do). Credit accrued so far is kept.
    pub fn reduce_patronage_rate_to(
        &mut self,
        caller: AccountId,
        now: u32,
        rate: u32,
    ) -> Result<Effects, Error> {
        self.ensure_issuer(caller)?;
        if rate > self.info.patronage_rate {
            return Err(Error::TargetPatronageRateIsHigherThanCurrentRate);
        }
        if rate == self.info.patronage_rate {
            return Ok(Effects::new());
        }
        self.settle_patronage(now);
        self.info.patronage_rate = rate;
        Ok(Effects::new().event(PatronageRateDecreasedTo { rate }))
    }

    /// Issuer: mints the claimable credit to the issuer's account. An issuer without an
    /// account pays its bloat bond from `paid`; the rest is refunded. Nothing to claim: no-op.
    pub fn claim_patronage_credit(
        &mut self,
        caller: AccountId,
        now: u32,
        paid: Balance,
        bond: Balance,
    ) -> Result<Effects, Error> {
        self.ensure_issuer(caller)?;
        self.ensure_no_mint_during_split()?;
        let credit = self.claimable_patronage(now);
        let existing = self.account(caller);
        let owed = if existing.is_some() || credit == 0 {
            0
        } else {
            bond
        };
        let refund = settle(paid, owed).map_err(|_| Error::InsufficientBloatBond)?;
        let mut fx = Effects::new();
        fx.pay(caller, refund);
        if credit == 0 {
            return Ok(fx);
        }
        // The credit is paid out: nothing accrued is left (so the mint has nothing to settle).
        // The mint cannot fail on the supply: the credit is capped at what it can grow by.
        self.info.patronage_tally = 0;
        self.info.patronage_tally_block = now;
        self.mint(now, caller, existing, bond, credit, &mut fx)?;
        fx.push(PatronageCreditClaimed {
            issuer: caller,
            amount: credit,
        });
        Ok(fx)
    }
}
