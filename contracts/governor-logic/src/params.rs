//! The governor's parameters and the hard bounds no proposal can move them past: delays short
//! enough that governance can always act, a quorum and threshold that can always be reached.
//! The least delays suit a development chain (a node where every block is a transaction); a
//! production deployment chooses days, and any shortening of them is itself a proposal that
//! runs through the delays in force.

use crt_traits::{Balance, BlockNumber, PERMILL_ONE};
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::errors::Error;

/// Shortest voting delay: a proposal's vote never opens in the block it was made in.
pub const MIN_VOTING_DELAY: BlockNumber = 1;
/// Longest voting delay: 14 days of 6-second blocks.
pub const MAX_VOTING_DELAY: BlockNumber = 201_600;
/// Shortest voting period (blocks).
pub const MIN_VOTING_PERIOD: BlockNumber = 10;
/// Longest voting period: 28 days of 6-second blocks.
pub const MAX_VOTING_PERIOD: BlockNumber = 403_200;
/// Shortest timelock between a proposal's success and its execution (blocks).
pub const MIN_TIMELOCK: BlockNumber = 10;
/// Longest timelock: 28 days of 6-second blocks.
pub const MAX_TIMELOCK: BlockNumber = 403_200;
/// Shortest grace period in which a queued proposal can be executed (blocks).
pub const MIN_GRACE_PERIOD: BlockNumber = 10;
/// Longest grace period: 28 days of 6-second blocks.
pub const MAX_GRACE_PERIOD: BlockNumber = 403_200;
/// Lowest quorum: 1 % of the voting power locked at a proposal's snapshot (ppm).
pub const MIN_QUORUM: u32 = 10_000;
/// Highest quorum: 20 %. The quorum counts all JOY locked, also JOY nobody votes with any
/// more (a lost key); a higher one would let such JOY, or a large minority staying away,
/// stop every proposal, the one that lowers the quorum included.
pub const MAX_QUORUM: u32 = 200_000;
/// Lowest proposal threshold: one base unit of power (an account with no JOY locked never
/// proposes).
pub const MIN_PROPOSAL_THRESHOLD: Balance = 1;
/// Highest proposal threshold: 1 000 000 JOY (10 decimals), so proposing never needs more
/// than holders can gather by delegating.
pub const MAX_PROPOSAL_THRESHOLD: Balance = 10_000_000_000_000_000;
/// Most guardians.
pub const MAX_GUARDIANS: usize = 8;

/// How proposals are made, voted on and executed. Block counts are blocks of the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct GovernorParams {
    /// Blocks from a proposal to its snapshot: votes weigh the power each voter had at the
    /// end of the snapshot block, and voting opens the block after.
    pub voting_delay: BlockNumber,
    /// Blocks voting stays open after the snapshot.
    pub voting_period: BlockNumber,
    /// Blocks from queueing a successful proposal to the first block it can be executed in.
    pub timelock_delay: BlockNumber,
    /// Blocks after that in which it can still be executed; later it expires.
    pub grace_period: BlockNumber,
    /// Votes for and abstaining needed, in ppm of the power locked at the snapshot.
    pub quorum_ppm: u32,
    /// Voting power (JOY base units) an account needs to propose, and keep, or anyone may
    /// cancel its proposal.
    pub proposal_threshold: Balance,
}

impl GovernorParams {
    /// The parameters if every one is within its bounds, or the first one that is not.
    pub fn checked(self) -> Result<Self, Error> {
        let within = |value: BlockNumber, min, max, error| {
            if (min..=max).contains(&value) {
                Ok(())
            } else {
                Err(error)
            }
        };
        within(
            self.voting_delay,
            MIN_VOTING_DELAY,
            MAX_VOTING_DELAY,
            Error::VotingDelayOutOfBounds,
        )?;
        within(
            self.voting_period,
            MIN_VOTING_PERIOD,
            MAX_VOTING_PERIOD,
            Error::VotingPeriodOutOfBounds,
        )?;
        within(
            self.timelock_delay,
            MIN_TIMELOCK,
            MAX_TIMELOCK,
            Error::TimelockOutOfBounds,
        )?;
        within(
            self.grace_period,
            MIN_GRACE_PERIOD,
            MAX_GRACE_PERIOD,
            Error::GracePeriodOutOfBounds,
        )?;
        if !(MIN_QUORUM..=MAX_QUORUM).contains(&self.quorum_ppm) {
            return Err(Error::QuorumOutOfBounds);
        }
        if !(MIN_PROPOSAL_THRESHOLD..=MAX_PROPOSAL_THRESHOLD).contains(&self.proposal_threshold) {
            return Err(Error::ThresholdOutOfBounds);
        }
        Ok(self)
    }
}

/// The guardians if there are at most [`MAX_GUARDIANS`] and none twice (an empty set is
/// allowed: no emergency freeze then).
pub fn checked_guardians(guardians: Vec<AccountId>) -> Result<Vec<AccountId>, Error> {
    if guardians.len() > MAX_GUARDIANS {
        return Err(Error::TooManyGuardians);
    }
    for (i, guardian) in guardians.iter().enumerate() {
        if guardians.iter().skip(i.saturating_add(1)).any(|g| g == guardian) {
            return Err(Error::DuplicateGuardian);
        }
    }
    Ok(guardians)
}

/// `ppm` parts per million of `total`, rounded up (so a quorum is never 0 of a non-zero
/// total), without overflow for any `total`.
pub fn ppm_of_ceil(total: Balance, ppm: u32) -> Balance {
    const ONE: Balance = PERMILL_ONE as Balance;
    let ppm = Balance::from(ppm.min(PERMILL_ONE));
    let whole = (total / ONE).saturating_mul(ppm);
    // (total mod 10⁶) · ppm < 10¹², so this never overflows.
    let rest = (total % ONE).saturating_mul(ppm).div_ceil(ONE);
    whole.saturating_add(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quorum_rounds_up_and_never_overflows() {
        assert_eq!(ppm_of_ceil(0, 40_000), 0);
        assert_eq!(ppm_of_ceil(1, 10_000), 1);
        assert_eq!(ppm_of_ceil(1_000_000, 40_000), 40_000);
        assert_eq!(ppm_of_ceil(1_000_001, 40_000), 40_001);
        assert_eq!(ppm_of_ceil(Balance::MAX, 500_000), Balance::MAX / 2 + 1);
        assert_eq!(ppm_of_ceil(Balance::MAX, MAX_QUORUM), Balance::MAX / 5);
    }
}
