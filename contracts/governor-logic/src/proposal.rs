//! A proposal: the calls it would make, its vote and its life from `Pending` to `Executed`.

use crt_traits::{Balance, BlockNumber};
use ink::prelude::{string::String, vec::Vec};
use ink::primitives::AccountId;

use crate::errors::Error;
use crate::params::ppm_of_ceil;

/// A proposal's number, in the order proposals were made (the first is 0).
pub type ProposalId = u32;

/// Most calls in one proposal.
pub const MAX_CALLS: usize = 8;
/// Longest SCALE-encoded arguments of one call, in bytes.
pub const MAX_ARGS_LEN: usize = 1_024;
/// Longest description, in bytes (UTF-8).
pub const MAX_DESCRIPTION_LEN: usize = 512;

/// One call a proposal makes when executed: the message `selector` of the contract at
/// `target` with SCALE-encoded `args`, sending `value` JOY base units from the governor's
/// treasury. A call to the governor itself runs one of its own messages (`set_params`,
/// `set_guardians`); a call to an account that holds no contract, naming no message (selector
/// `0x00000000`, no arguments), pays it `value`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct ProposedCall {
    /// The contract called (or the account paid).
    pub target: AccountId,
    /// The message's selector (4 bytes, as in the target's metadata).
    pub selector: [u8; 4],
    /// The message's arguments, SCALE-encoded one after another.
    pub args: Vec<u8>,
    /// JOY base units sent with the call, from the governor's treasury.
    pub value: Balance,
}

impl ProposedCall {
    /// Whether the call names no message (selector `0x00000000`, no arguments): to an account
    /// that holds no contract, it is a plain transfer of its value.
    pub fn is_transfer(&self) -> bool {
        self.selector == [0; 4] && self.args.is_empty()
    }
}

/// What a proposal would do and why: kept apart from its vote, so votes do not read it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct ProposalBody {
    /// The calls, made in this order, all or none.
    pub calls: Vec<ProposedCall>,
    /// What the proposer says of it (up to 512 bytes).
    pub description: String,
}

/// How a voter votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub enum Support {
    /// Against the proposal.
    Against,
    /// For the proposal.
    For,
    /// Counts towards the quorum only.
    Abstain,
}

/// A vote cast: how, and with how much power.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct Receipt {
    /// For, against or abstain.
    pub support: Support,
    /// The voter's power at the proposal's snapshot, JOY base units.
    pub weight: Balance,
}

/// The votes a proposal received, JOY base units of power.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct Tally {
    /// Power voting for.
    pub for_votes: Balance,
    /// Power voting against.
    pub against_votes: Balance,
    /// Power abstaining (counts towards the quorum only).
    pub abstain_votes: Balance,
}

impl Tally {
    /// The tally with `weight` more votes of `support`.
    pub fn with(self, support: Support, weight: Balance) -> Result<Self, Error> {
        let add = |votes: Balance| votes.checked_add(weight).ok_or(Error::ArithmeticOverflow);
        let mut tally = self;
        match support {
            Support::For => tally.for_votes = add(tally.for_votes)?,
            Support::Against => tally.against_votes = add(tally.against_votes)?,
            Support::Abstain => tally.abstain_votes = add(tally.abstain_votes)?,
        }
        Ok(tally)
    }

    /// Every vote cast.
    pub fn total(&self) -> Balance {
        self.for_votes
            .saturating_add(self.against_votes)
            .saturating_add(self.abstain_votes)
    }
}

/// Where a proposal stands by what happened to it (the rest follows from the block).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub enum Progress {
    /// Made; voting, or waiting to be queued.
    Open,
    /// Queued: executable from `eta` to `deadline` (inclusive).
    Queued {
        /// The first block it can be executed in.
        eta: BlockNumber,
        /// The last block it can be executed in.
        deadline: BlockNumber,
    },
    /// Its calls were made.
    Executed,
    /// Cancelled before its vote ended.
    Canceled,
}

/// A proposal's vote and progress.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct Proposal {
    /// Who proposed it.
    pub proposer: AccountId,
    /// Votes weigh the power voters had at the end of this block; voting opens the block
    /// after.
    pub snapshot: BlockNumber,
    /// The last block votes are taken in.
    pub vote_end: BlockNumber,
    /// The last block it can be queued in if it succeeded (`vote_end` + the grace period in
    /// force when it was made): an approval nobody acted on does not wait for years.
    pub queue_by: BlockNumber,
    /// The quorum in force when the proposal was made, ppm of the power at the snapshot.
    pub quorum_ppm: u32,
    /// The votes cast so far.
    pub tally: Tally,
    /// Open, queued, executed or cancelled.
    pub progress: Progress,
}

/// A proposal's state at a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub enum ProposalState {
    /// Voting has not opened (until the end of the snapshot block).
    Pending,
    /// Voting is open.
    Active,
    /// Cancelled by its proposer, or by anyone after the proposer's power fell below the
    /// threshold.
    Canceled,
    /// Voting ended without the quorum, or with no more votes for than against.
    Defeated,
    /// Voting ended with the quorum and more votes for than against: it can be queued.
    Succeeded,
    /// Queued; executable once the timelock has passed.
    Queued,
    /// Succeeded but not queued by its `queue_by` block, or queued but not executed by its
    /// deadline.
    Expired,
    /// Its calls were made.
    Executed,
}

impl Proposal {
    /// The votes for and abstaining the proposal needs, of `total_at_snapshot` (the power
    /// locked at its snapshot).
    pub fn quorum(&self, total_at_snapshot: Balance) -> Balance {
        ppm_of_ceil(total_at_snapshot, self.quorum_ppm)
    }

    /// Whether the vote is won: quorum reached by votes for and abstaining, and more for than
    /// against.
    pub fn is_won(&self, total_at_snapshot: Balance) -> bool {
        let turnout = self.tally.for_votes.saturating_add(self.tally.abstain_votes);
        turnout >= self.quorum(total_at_snapshot) && self.tally.for_votes > self.tally.against_votes
    }

    /// The state at block `now`; `total_at_snapshot` is asked only when the vote is over.
    pub fn state(&self, now: BlockNumber, total_at_snapshot: impl FnOnce() -> Balance) -> ProposalState {
        match self.progress {
            Progress::Canceled => ProposalState::Canceled,
            Progress::Executed => ProposalState::Executed,
            Progress::Queued { deadline, .. } if now > deadline => ProposalState::Expired,
            Progress::Queued { .. } => ProposalState::Queued,
            Progress::Open if now <= self.snapshot => ProposalState::Pending,
            Progress::Open if now <= self.vote_end => ProposalState::Active,
            Progress::Open if !self.is_won(total_at_snapshot()) => ProposalState::Defeated,
            Progress::Open if now > self.queue_by => ProposalState::Expired,
            Progress::Open => ProposalState::Succeeded,
        }
    }
}
