//! Voting power: the JOY each account locked in the governor, whom its votes go to (itself
//! unless it delegated), and every account's voting power over time as checkpoints, so a vote
//! weighs the power its voter had at the proposal's snapshot. JOY locked or delegated after
//! the snapshot does not count in that proposal; JOY unlocked after it still does (its owner
//! cannot vote with it again: the power at the snapshot is fixed). A voter's own JOY stays in
//! until the vote it took part in ends (`vote_locks`). JOY delegated to a voter is not held by
//! the delegate's votes: a delegator never waits on anyone else, and whatever it does after
//! the snapshot changes no vote.
//!
//! Every lookup reads at most ⌈log₂ n⌉ + 1 checkpoints of one account (n: its changes of
//! power); no message iterates over accounts.

use crt_traits::effects::Effects;
use crt_traits::{Balance, BlockNumber};
use ink::primitives::AccountId;
use ink::storage::Mapping;

use crate::call::Call;
use crate::errors::Error;
use crate::events::{DelegateChanged, Locked, Unlocked, VotingPowerChanged};

/// An account's voting power (or the total locked) from a block on, until the next
/// checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct Checkpoint {
    /// The block the power was set in; it holds at the end of that block.
    pub from_block: BlockNumber,
    /// Voting power, JOY base units.
    pub power: Balance,
}

/// Whose history a checkpoint belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub enum Series {
    /// All JOY locked in the governor: every account's power together.
    Total,
    /// One account's voting power: its own JOY unless delegated, and what others delegated
    /// to it.
    Votes(AccountId),
}

/// How a write changes a series' latest power.
#[derive(Debug, Clone, Copy)]
enum Change {
    Add(Balance),
    Sub(Balance),
    Set(Balance),
}

impl Change {
    /// The power after the change (`None`: it does not fit, or the books are broken).
    fn of(self, power: Balance) -> Option<Balance> {
        match self {
            Change::Add(amount) => power.checked_add(amount),
            Change::Sub(amount) => power.checked_sub(amount),
            Change::Set(power) => Some(power),
        }
    }
}

/// One cell per account and checkpoint.
#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
#[derive(Default)]
pub struct VotingPower {
    /// JOY base units each account locked.
    locked: Mapping<AccountId, Balance>,
    /// Whom each account's votes go to, when not itself.
    delegates: Mapping<AccountId, AccountId>,
    /// The last block of the latest vote each account cast: its JOY stays locked until then.
    vote_locks: Mapping<AccountId, BlockNumber>,
    /// Checkpoints, by series and position (oldest first).
    checkpoints: Mapping<(Series, u32), Checkpoint>,
    /// How many checkpoints each series has.
    lengths: Mapping<Series, u32>,
    /// Σ locked, JOY base units: the JOY the governor holds for voters.
    pub total_locked: Balance,
}

impl VotingPower {
    pub fn locked_of(&self, account: AccountId) -> Balance {
        self.locked.get(account).unwrap_or_default()
    }

    /// Whom `account`'s votes go to (itself unless it delegated).
    pub fn delegate_of(&self, account: AccountId) -> AccountId {
        self.delegates.get(account).unwrap_or(account)
    }

    /// The last block of the latest vote `account` cast (0: none): its JOY cannot be
    /// unlocked before the block after.
    pub fn vote_lock_of(&self, account: AccountId) -> BlockNumber {
        self.vote_locks.get(account).unwrap_or_default()
    }

    /// `account`'s voting power now.
    pub fn votes_of(&self, account: AccountId) -> Balance {
        self.latest(Series::Votes(account)).map_or(0, |c| c.power)
    }

    /// `account`'s voting power at the end of block `block`.
    pub fn votes_at(&self, account: AccountId, block: BlockNumber) -> Balance {
        self.power_at(Series::Votes(account), block)
    }

    /// All JOY locked at the end of block `block`.
    pub fn total_at(&self, block: BlockNumber) -> Balance {
        self.power_at(Series::Total, block)
    }

    /// How many times `series` changed (its checkpoints).
    pub fn checkpoint_count(&self, series: Series) -> u32 {
        self.lengths.get(series).unwrap_or_default()
    }

    /// The caller locks the JOY it sent: its power (or its delegate's) grows from this block.
    pub fn lock(&mut self, call: &Call) -> Result<Effects, Error> {
        let amount = call.paid;
        if amount == 0 {
            return Err(Error::ZeroAmount);
        }
        let locked = self
            .locked_of(call.caller)
            .checked_add(amount)
            .ok_or(Error::ArithmeticOverflow)?;
        let total = self
            .total_locked
            .checked_add(amount)
            .ok_or(Error::ArithmeticOverflow)?;
        let mut fx = Effects::new();
        self.change_power(
            call.now,
            self.delegate_of(call.caller),
            Change::Add(amount),
            &mut fx,
        )?;
        self.write(Series::Total, call.now, Change::Set(total))?;
        self.locked.insert(call.caller, &locked);
        self.total_locked = total;
        fx.push(Locked {
            account: call.caller,
            amount,
            locked,
        });
        Ok(fx)
    }

    /// The caller takes `amount` of its locked JOY back, once every vote it cast has ended.
    pub fn unlock(&mut self, call: &Call, amount: Balance) -> Result<Effects, Error> {
        if amount == 0 {
            return Err(Error::ZeroAmount);
        }
        let locked = self
            .locked_of(call.caller)
            .checked_sub(amount)
            .ok_or(Error::InsufficientLocked)?;
        if call.now <= self.vote_lock_of(call.caller) {
            return Err(Error::LockedByVote);
        }
        let total = self
            .total_locked
            .checked_sub(amount)
            .ok_or(Error::ArithmeticOverflow)?;
        let mut fx = Effects::new();
        // A delegate's power holds every JOY delegated to it: this never underflows.
        self.change_power(
            call.now,
            self.delegate_of(call.caller),
            Change::Sub(amount),
            &mut fx,
        )?;
        self.write(Series::Total, call.now, Change::Set(total))?;
        self.locked.insert(call.caller, &locked);
        self.total_locked = total;
        fx.pay(call.caller, amount);
        fx.push(Unlocked {
            account: call.caller,
            amount,
            locked,
        });
        Ok(fx)
    }

    /// The caller's votes go to `to` from this block (to itself: `to` = the caller). Its
    /// locked JOY moves from the old delegate's power to the new one's.
    pub fn delegate(&mut self, call: &Call, to: AccountId) -> Result<Effects, Error> {
        let from = self.delegate_of(call.caller);
        if from == to {
            return Err(Error::DelegateUnchanged);
        }
        let amount = self.locked_of(call.caller);
        let mut fx = Effects::new();
        if amount > 0 {
            self.change_power(call.now, from, Change::Sub(amount), &mut fx)?;
            self.change_power(call.now, to, Change::Add(amount), &mut fx)?;
        }
        if to == call.caller {
            self.delegates.remove(call.caller);
        } else {
            self.delegates.insert(call.caller, &to);
        }
        fx.push(DelegateChanged {
            delegator: call.caller,
            from_delegate: from,
            to_delegate: to,
        });
        Ok(fx)
    }

    /// Keeps `voter`'s JOY locked until the end of block `until` (never shortens the lock).
    pub fn extend_vote_lock(&mut self, voter: AccountId, until: BlockNumber) {
        if until > self.vote_lock_of(voter) {
            self.vote_locks.insert(voter, &until);
        }
    }

    /// Changes `account`'s voting power from block `now`.
    fn change_power(
        &mut self,
        now: BlockNumber,
        account: AccountId,
        change: Change,
        fx: &mut Effects,
    ) -> Result<(), Error> {
        let power = self.write(Series::Votes(account), now, change)?;
        fx.push(VotingPowerChanged { account, power });
        Ok(())
    }

    /// How many checkpoints `series` has, and the latest: one read of each.
    fn tip(&self, series: Series) -> (u32, Option<Checkpoint>) {
        let length = self.checkpoint_count(series);
        let latest = length
            .checked_sub(1)
            .and_then(|position| self.checkpoints.get((series, position)));
        (length, latest)
    }

    fn latest(&self, series: Series) -> Option<Checkpoint> {
        self.tip(series).1
    }

    /// Changes `series` from block `now` and returns its new power: a second change in the
    /// same block replaces that block's checkpoint.
    fn write(&mut self, series: Series, now: BlockNumber, change: Change) -> Result<Balance, Error> {
        let (length, latest) = self.tip(series);
        let power = change
            .of(latest.map_or(0, |c| c.power))
            .ok_or(Error::ArithmeticOverflow)?;
        let checkpoint = Checkpoint {
            from_block: now,
            power,
        };
        match latest {
            Some(last) if last.from_block == now => {
                let position = length.checked_sub(1).ok_or(Error::ArithmeticOverflow)?;
                self.checkpoints.insert((series, position), &checkpoint);
            }
            _ => {
                let next = length.checked_add(1).ok_or(Error::ArithmeticOverflow)?;
                self.checkpoints.insert((series, length), &checkpoint);
                self.lengths.insert(series, &next);
            }
        }
        Ok(power)
    }

    /// The power of `series` at the end of block `block`: the latest checkpoint from `block`
    /// or before (binary search; the latest checkpoint is tried first, as a vote on a
    /// proposal usually asks for a snapshot after the voter's last change).
    fn power_at(&self, series: Series, block: BlockNumber) -> Balance {
        let (length, Some(last)) = self.tip(series) else {
            return 0;
        };
        if last.from_block <= block {
            return last.power;
        }
        // The first checkpoint after `block` is in [low, high]; `high` (the latest) is after.
        let mut low: u32 = 0;
        let mut high: u32 = length.saturating_sub(1);
        while low < high {
            let middle = low.saturating_add(high.saturating_sub(low) / 2);
            match self.checkpoints.get((series, middle)) {
                Some(c) if c.from_block <= block => low = middle.saturating_add(1),
                _ => high = middle,
            }
        }
        low.checked_sub(1)
            .and_then(|before| self.checkpoints.get((series, before)))
            .map_or(0, |c| c.power)
    }
}
