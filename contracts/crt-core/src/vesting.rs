//! Vesting schedules: a cliff that unlocks at once, then a linear release.
//!
//! Amounts are CRT base units, times are block numbers (`u32`). Locked amounts round **up** and
//! the cliff rounds **down**, so a holder never unlocks a base unit earlier than the exact
//! schedule says (the pallet rounds to nearest through a lossy `Permill`; we do not).

use alloc::vec::Vec;
use scale::{Decode, Encode};
use scale_info::TypeInfo;

use crate::math::{mul_ratio_ceil, Permill};

/// Most schedules one account may hold at once (the runtime's value).
pub const MAX_VESTING_SCHEDULES: usize = 5;
/// Most unfinished schedules issuer transfers may hold in one account. The issuer chooses
/// those schedules, the account does not: with this bound, at least two slots stay free for
/// schedules the account takes on itself (vested sale purchases), whatever the issuer sends.
pub const MAX_ISSUER_VESTING_SCHEDULES: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VestingError {
    /// Cliff percentage above 100 %.
    InvalidCliffPercentage,
    /// The schedule would end after the last representable block.
    BlockNumberOverflow,
    /// The account already holds [`MAX_VESTING_SCHEDULES`] unfinished schedules.
    MaxSchedulesReached,
    /// The account already holds [`MAX_ISSUER_VESTING_SCHEDULES`] unfinished schedules from
    /// issuer transfers.
    MaxIssuerSchedulesReached,
}

/// How tokens vest, relative to the block they arrive at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct VestingScheduleParams {
    /// Blocks from arrival until the cliff unlocks.
    pub blocks_before_cliff: u32,
    /// Share of the amount that unlocks at the cliff.
    pub cliff_percentage: Permill,
    /// Blocks over which the rest unlocks linearly after the cliff.
    pub linear_vesting_duration: u32,
}

impl VestingScheduleParams {
    pub fn validate(&self) -> Result<(), VestingError> {
        if !self.cliff_percentage.is_valid() {
            return Err(VestingError::InvalidCliffPercentage);
        }
        Ok(())
    }
}

/// What created a schedule. The order (issuance < sale by id < issuer transfer by n) is the
/// order in which burns consume locked tokens and in which finished schedules are pruned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, Decode, TypeInfo)]
pub enum VestingSource {
    /// The initial allocation at issuance.
    InitialIssuance,
    /// A fixed-price sale, by its id.
    Sale(u32),
    /// An issuer transfer, by the account's counter of them.
    IssuerTransfer(u64),
}

/// One schedule, in absolute blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct VestingSchedule {
    /// The cliff block: the cliff amount unlocks here and the linear release starts.
    pub start: u32,
    /// Length of the linear release.
    pub duration: u32,
    /// Tokens (base units) unlocked at once at `start`.
    pub cliff_amount: u128,
    /// Tokens (base units) unlocked linearly over `duration` after the cliff.
    pub post_cliff_total_amount: u128,
    /// Locked tokens burned from this schedule; they shift the locked curve down.
    pub burned_amount: u128,
}

impl VestingSchedule {
    /// The schedule for `amount` tokens arriving at `init_block`.
    pub fn from_params(
        init_block: u32,
        amount: u128,
        params: &VestingScheduleParams,
    ) -> Result<Self, VestingError> {
        params.validate()?;
        let start = init_block
            .checked_add(params.blocks_before_cliff)
            .ok_or(VestingError::BlockNumberOverflow)?;
        start
            .checked_add(params.linear_vesting_duration)
            .ok_or(VestingError::BlockNumberOverflow)?;
        let cliff_amount = params.cliff_percentage.mul_floor(amount);
        Ok(Self {
            start,
            duration: params.linear_vesting_duration,
            cliff_amount,
            post_cliff_total_amount: amount.saturating_sub(cliff_amount),
            burned_amount: 0,
        })
    }

    /// The block at which everything is unlocked.
    pub fn end(&self) -> u32 {
        self.start.saturating_add(self.duration)
    }

    pub fn total(&self) -> u128 {
        self.cliff_amount.saturating_add(self.post_cliff_total_amount)
    }

    pub fn is_finished(&self, now: u32) -> bool {
        self.end() <= now
    }

    /// Tokens still locked at block `now`.
    pub fn locked_at(&self, now: u32) -> u128 {
        let locked = if now < self.start {
            self.total()
        } else if now < self.end() {
            // Remaining share of the linear part, rounded up; `now < end` implies duration > 0.
            let remaining = self.end().saturating_sub(now);
            mul_ratio_ceil(
                self.post_cliff_total_amount,
                u128::from(remaining),
                u128::from(self.duration),
            )
        } else {
            0
        };
        locked.saturating_sub(self.burned_amount)
    }

    /// Merges a second purchase in the same sale into this schedule (same start and duration).
    pub fn merge(&mut self, other: &VestingSchedule) {
        self.cliff_amount = self.cliff_amount.saturating_add(other.cliff_amount);
        self.post_cliff_total_amount = self
            .post_cliff_total_amount
            .saturating_add(other.post_cliff_total_amount);
    }
}

/// An account's schedules, sorted by source, at most [`MAX_VESTING_SCHEDULES`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Encode, Decode, TypeInfo)]
pub struct VestingSchedules(Vec<(VestingSource, VestingSchedule)>);

impl VestingSchedules {
    pub fn new() -> Self {
        Self(Vec::new())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &(VestingSource, VestingSchedule)> {
        self.0.iter()
    }

    pub fn get(&self, source: &VestingSource) -> Option<&VestingSchedule> {
        self.position(source)
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(_, s)| s)
    }

    fn position(&self, source: &VestingSource) -> Result<usize, usize> {
        self.0.binary_search_by(|(s, _)| s.cmp(source))
    }

    /// Σ locked over every schedule at block `now`.
    pub fn locked_at(&self, now: u32) -> u128 {
        self.0
            .iter()
            .fold(0u128, |acc, (_, s)| acc.saturating_add(s.locked_at(now)))
    }

    /// Checks that a schedule from `source` can be added at `now`: either the key exists (the
    /// schedule merges), there is room, or a finished schedule can be pruned to make room.
    pub fn ensure_can_add(&self, source: &VestingSource, now: u32) -> Result<(), VestingError> {
        let new_key = self.position(source).is_err();
        if new_key && matches!(source, VestingSource::IssuerTransfer(_)) {
            let from_issuer = self
                .0
                .iter()
                .filter(|(s, schedule)| {
                    matches!(s, VestingSource::IssuerTransfer(_)) && !schedule.is_finished(now)
                })
                .count();
            if from_issuer >= MAX_ISSUER_VESTING_SCHEDULES {
                return Err(VestingError::MaxIssuerSchedulesReached);
            }
        }
        let full = self.0.len() >= MAX_VESTING_SCHEDULES;
        if new_key && full && !self.0.iter().any(|(_, s)| s.is_finished(now)) {
            return Err(VestingError::MaxSchedulesReached);
        }
        Ok(())
    }

    /// Adds (or merges into the existing key) a schedule, pruning the first finished schedule
    /// when the set is full. Finished schedules lock nothing, so pruning never unlocks tokens.
    pub fn add(
        &mut self,
        source: VestingSource,
        schedule: VestingSchedule,
        now: u32,
    ) -> Result<(), VestingError> {
        self.ensure_can_add(&source, now)?;
        match self.position(&source) {
            Ok(i) => {
                if let Some((_, existing)) = self.0.get_mut(i) {
                    existing.merge(&schedule);
                }
            }
            Err(_) => {
                if self.0.len() >= MAX_VESTING_SCHEDULES {
                    if let Some(i) = self.0.iter().position(|(_, s)| s.is_finished(now)) {
                        self.0.remove(i);
                    }
                }
                let at = self.position(&source).unwrap_or_else(|i| i);
                self.0.insert(at, (source, schedule));
            }
        }
        Ok(())
    }

    /// Burns `amount` tokens, consuming locked tokens first, schedule by schedule in source
    /// order (as the Joystream pallet does). Schedules left with nothing locked are removed.
    pub fn burn(&mut self, amount: u128, now: u32) {
        let mut left = amount;
        self.0.retain_mut(|(_, schedule)| {
            let locked = schedule.locked_at(now);
            let taken = left.min(locked);
            left = left.saturating_sub(taken);
            if taken == locked {
                false
            } else {
                schedule.burned_amount = schedule.burned_amount.saturating_add(taken);
                true
            }
        });
    }

    /// Removes every finished schedule.
    pub fn prune_finished(&mut self, now: u32) {
        self.0.retain(|(_, s)| !s.is_finished(now));
    }
}

/// `amount − max(locked, staked)`: vesting and staking locks overlap, they do not add up.
pub fn transferrable(amount: u128, locked: u128, staked: u128) -> u128 {
    amount.saturating_sub(locked.max(staked))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn params(before_cliff: u32, cliff_pct: u32, duration: u32) -> VestingScheduleParams {
        VestingScheduleParams {
            blocks_before_cliff: before_cliff,
            cliff_percentage: Permill::from_percent(cliff_pct),
            linear_vesting_duration: duration,
        }
    }

    #[test]
    fn reference_sale_example_unlocks_on_schedule() {
        // Reference §3.1: cliff 30 %, 100 blocks before the cliff, 200 linear, 2 000 tokens
        // bought in a sale ending at block 101.
        let s = VestingSchedule::from_params(101, 2_000, &params(100, 30, 200)).unwrap();
        let transferrable_at = |b| 2_000 - s.locked_at(b);
        assert_eq!(transferrable_at(101), 0);
        assert_eq!(transferrable_at(200), 0);
        assert_eq!(transferrable_at(201), 600);
        assert_eq!(transferrable_at(301), 1_300);
        assert_eq!(transferrable_at(401), 2_000);
    }

    #[test]
    fn locked_rounds_up_and_cliff_rounds_down() {
        // 10 tokens, 33 % cliff → cliff 3 (3.3 floored), 7 linear over 3 blocks.
        let s = VestingSchedule::from_params(0, 10, &params(0, 33, 3)).unwrap();
        assert_eq!(s.cliff_amount, 3);
        assert_eq!(s.locked_at(0), 7);
        assert_eq!(s.locked_at(1), 5); // 7·2/3 = 4.67 → 5
        assert_eq!(s.locked_at(2), 3); // 7·1/3 = 2.33 → 3
        assert_eq!(s.locked_at(3), 0);
    }

    #[test]
    fn zero_duration_unlocks_everything_at_the_cliff() {
        let s = VestingSchedule::from_params(5, 1_000, &params(10, 0, 0)).unwrap();
        assert_eq!(s.locked_at(14), 1_000);
        assert_eq!(s.locked_at(15), 0);
        assert!(s.is_finished(15));
    }

    #[test]
    fn invalid_params_are_rejected() {
        let bad = VestingScheduleParams {
            cliff_percentage: Permill(1_000_001),
            ..params(0, 0, 1)
        };
        assert_eq!(
            VestingSchedule::from_params(0, 1, &bad),
            Err(VestingError::InvalidCliffPercentage)
        );
        assert_eq!(
            VestingSchedule::from_params(u32::MAX - 5, 1, &params(5, 0, 1)),
            Err(VestingError::BlockNumberOverflow)
        );
        assert_eq!(
            VestingSchedule::from_params(u32::MAX - 5, 1, &params(6, 0, 0)),
            Err(VestingError::BlockNumberOverflow)
        );
    }

    fn default_schedule() -> VestingSchedule {
        // Reference default: cliff 300 + post 700, start 100, duration 700.
        VestingSchedule {
            start: 100,
            duration: 700,
            cliff_amount: 300,
            post_cliff_total_amount: 700,
            burned_amount: 0,
        }
    }

    #[test]
    fn burn_consumes_locked_tokens_schedule_by_schedule() {
        let mut set = VestingSchedules::new();
        for n in 0..3 {
            set.add(VestingSource::Sale(n), default_schedule(), 1).unwrap();
        }
        assert_eq!(set.locked_at(1), 3_000);
        set.burn(1_300, 1);
        // First schedule fully consumed and removed, second has 300 burned.
        assert_eq!(set.len(), 2);
        assert_eq!(set.locked_at(1), 1_700);
        assert_eq!(set.get(&VestingSource::Sale(1)).unwrap().burned_amount, 300);
        // Appendix A: after burning 300, locks at block 200 = 600 − 300.
        assert_eq!(set.get(&VestingSource::Sale(1)).unwrap().locked_at(200), 300);
        set.burn(3_300, 1);
        assert!(set.is_empty());
    }

    #[test]
    fn issuer_transfers_hold_at_most_their_share_of_the_slots() {
        let mut set = VestingSchedules::new();
        for n in 0..MAX_ISSUER_VESTING_SCHEDULES as u64 {
            set.add(VestingSource::IssuerTransfer(n), default_schedule(), 1)
                .unwrap();
        }
        let third = VestingSource::IssuerTransfer(7);
        assert_eq!(
            set.add(third, default_schedule(), 1),
            Err(VestingError::MaxIssuerSchedulesReached)
        );
        // A key that exists still merges; schedules of other sources still fit.
        set.add(VestingSource::IssuerTransfer(0), default_schedule(), 1)
            .unwrap();
        set.add(VestingSource::Sale(0), default_schedule(), 1).unwrap();
        set.add(VestingSource::InitialIssuance, default_schedule(), 1)
            .unwrap();
        assert_eq!(set.len(), 4);
        // Once an issuer schedule has finished, the issuer may send another.
        set.add(third, default_schedule(), 800).unwrap();
        assert_eq!(set.len(), 5);
    }

    #[test]
    fn full_set_prunes_a_finished_schedule_or_refuses() {
        let mut set = VestingSchedules::new();
        for n in 0..MAX_VESTING_SCHEDULES as u32 {
            set.add(VestingSource::Sale(n), default_schedule(), 1).unwrap();
        }
        let extra = VestingSource::Sale(99);
        assert_eq!(
            set.ensure_can_add(&extra, 799),
            Err(VestingError::MaxSchedulesReached)
        );
        assert_eq!(
            set.add(extra, default_schedule(), 799),
            Err(VestingError::MaxSchedulesReached)
        );
        // Existing keys still merge when full.
        set.add(VestingSource::Sale(0), default_schedule(), 799).unwrap();
        assert_eq!(set.get(&VestingSource::Sale(0)).unwrap().total(), 2_000);
        // At the end block every schedule is finished: the first one is pruned.
        set.add(extra, default_schedule(), 800).unwrap();
        assert_eq!(set.len(), MAX_VESTING_SCHEDULES);
        assert!(set.get(&VestingSource::Sale(0)).is_none());
        assert!(set.get(&extra).is_some());
        set.prune_finished(800);
        assert!(set.is_empty());
    }

    #[test]
    fn sources_sort_issuance_then_sales_then_transfers() {
        let mut set = VestingSchedules::new();
        set.add(VestingSource::IssuerTransfer(0), default_schedule(), 1)
            .unwrap();
        set.add(VestingSource::Sale(2), default_schedule(), 1).unwrap();
        set.add(VestingSource::InitialIssuance, default_schedule(), 1)
            .unwrap();
        set.add(VestingSource::Sale(1), default_schedule(), 1).unwrap();
        let order: Vec<_> = set.iter().map(|(s, _)| *s).collect();
        assert_eq!(
            order,
            vec![
                VestingSource::InitialIssuance,
                VestingSource::Sale(1),
                VestingSource::Sale(2),
                VestingSource::IssuerTransfer(0)
            ]
        );
    }

    #[test]
    fn transferrable_overlaps_locks() {
        assert_eq!(transferrable(200, 100, 50), 100);
        assert_eq!(transferrable(200, 50, 100), 100);
        assert_eq!(transferrable(200, 300, 0), 0);
    }

    proptest! {
        #[test]
        fn locked_never_increases_and_never_exceeds_total(
            amount in any::<u128>(), init in 0u32..1_000_000, before in 0u32..1_000_000,
            pct in 0u32..=1_000_000, duration in 0u32..1_000_000, a in 0u32..4_000_000, d in 0u32..4_000_000,
        ) {
            let p = VestingScheduleParams { blocks_before_cliff: before, cliff_percentage: Permill(pct), linear_vesting_duration: duration };
            let s = VestingSchedule::from_params(init, amount, &p).unwrap();
            prop_assert_eq!(s.total(), amount);
            let (b1, b2) = (a, a.saturating_add(d));
            prop_assert!(s.locked_at(b1) >= s.locked_at(b2));
            prop_assert!(s.locked_at(b1) <= amount);
            prop_assert_eq!(s.locked_at(s.end()), 0);
            // Vested never exceeds the exact linear schedule.
            if b1 >= s.start && b1 < s.end() {
                let exact_vested = s.cliff_amount as f64 + s.post_cliff_total_amount as f64 * f64::from(b1 - s.start) / f64::from(s.duration);
                prop_assert!((amount - s.locked_at(b1)) as f64 <= exact_vested * (1.0 + 1e-12) + 1.0);
            }
        }

        #[test]
        fn burn_reduces_locked_by_at_most_the_amount(
            amounts in proptest::collection::vec(1u128..1_000_000, 1..=MAX_VESTING_SCHEDULES),
            burn in 0u128..5_000_000, now in 0u32..2_000,
        ) {
            let mut set = VestingSchedules::new();
            for (n, amount) in amounts.iter().enumerate() {
                let s = VestingSchedule::from_params(0, *amount, &params(100, 20, 1_000)).unwrap();
                set.add(VestingSource::Sale(n as u32), s, 0).unwrap();
            }
            let before = set.locked_at(now);
            set.burn(burn, now);
            let after = set.locked_at(now);
            prop_assert_eq!(after, before.saturating_sub(burn));
            prop_assert!(set.len() <= MAX_VESTING_SCHEDULES);
        }
    }
}
