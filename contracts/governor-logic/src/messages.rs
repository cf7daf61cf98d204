//! Every message of the governor, declared once, here, with its docs: the contract
//! (`governor`) implements these traits, and other contracts call it through them.
//! Selectors are `<Trait>::<message>`. Amounts of power are JOY base units; blocks are block
//! numbers.

use crt_traits::{Balance, BlockNumber};
use ink::prelude::{string::String, vec::Vec};
use ink::primitives::AccountId;

use crate::errors::Error;
use crate::params::GovernorParams;
use crate::proposal::{Proposal, ProposalBody, ProposalId, ProposalState, ProposedCall, Receipt, Support};

/// Locking JOY for voting power, and delegating it.
#[ink::trait_definition]
pub trait Voting {
    /// Locks the JOY sent (payable) for voting power: the caller's (or its delegate's) power
    /// grows by it from this block, so it counts in proposals whose snapshot is this block or
    /// later.
    ///
    /// # Errors
    /// `ZeroAmount`, `ArithmeticOverflow`, `LayoutMismatch`.
    ///
    /// # Events
    /// `VotingPowerChanged`, `Locked`.
    #[ink(message, payable)]
    fn lock(&mut self) -> Result<(), Error>;

    /// Pays `amount` of the caller's locked JOY back. Refused until the vote of every
    /// proposal the caller voted on has ended (`vote_lock_of`), so the JOY a vote counted
    /// stays in until the result is known.
    ///
    /// # Errors
    /// `ZeroAmount`, `InsufficientLocked`, `LockedByVote`, `JoyTransferFailed`,
    /// `LayoutMismatch`.
    ///
    /// # Events
    /// `VotingPowerChanged`, `Unlocked`.
    #[ink(message)]
    fn unlock(&mut self, amount: Balance) -> Result<(), Error>;

    /// The caller's votes go to `to` from this block (`to` = the caller: it votes itself
    /// again). Votes already cast keep their weight; proposals whose snapshot is this block
    /// or later count the power where it is now.
    ///
    /// # Errors
    /// `DelegateUnchanged`, `ArithmeticOverflow`, `LayoutMismatch`.
    ///
    /// # Events
    /// `VotingPowerChanged` (for the old and the new delegate, if the caller has JOY locked),
    /// `DelegateChanged`.
    #[ink(message)]
    fn delegate(&mut self, to: AccountId) -> Result<(), Error>;
}

/// What voting power is where.
#[ink::trait_definition]
pub trait VotingViews {
    /// JOY base units `account` locked.
    #[ink(message)]
    fn locked_of(&self, account: AccountId) -> Balance;

    /// Whom `account`'s votes go to (itself unless it delegated).
    #[ink(message)]
    fn delegate_of(&self, account: AccountId) -> AccountId;

    /// `account`'s voting power now: its own locked JOY unless delegated, and what others
    /// delegated to it.
    #[ink(message)]
    fn votes_of(&self, account: AccountId) -> Balance;

    /// `account`'s voting power at the end of block `block`.
    #[ink(message)]
    fn votes_at(&self, account: AccountId, block: BlockNumber) -> Balance;

    /// All JOY locked now.
    #[ink(message)]
    fn total_locked(&self) -> Balance;

    /// All JOY locked at the end of block `block`.
    #[ink(message)]
    fn total_locked_at(&self, block: BlockNumber) -> Balance;

    /// The last block of the latest vote `account` cast (0: none): `unlock` works from the
    /// block after.
    #[ink(message)]
    fn vote_lock_of(&self, account: AccountId) -> BlockNumber;
}

/// Proposing, voting, queueing, executing and cancelling.
#[ink::trait_definition]
pub trait Proposals {
    /// Proposes `calls` (1 to 8; each a target, a selector, SCALE arguments of at most 1 024
    /// bytes and JOY from the treasury) with a `description` (at most 512 bytes); returns the
    /// proposal's id. The caller needs the proposal threshold of voting power. Voting opens
    /// after the voting delay (votes weigh the power at the end of the snapshot block) and
    /// lasts the voting period. Calls to the governor itself (`set_params`, `set_guardians`)
    /// are checked now.
    ///
    /// # Errors
    /// `NoCalls`, `TooManyCalls`, `ArgumentsTooLong`, `DescriptionTooLong`, `BadOwnCall`,
    /// the parameter and guardian errors of a call to the governor itself,
    /// `BelowProposalThreshold`, `ArithmeticOverflow`, `LayoutMismatch`.
    ///
    /// # Events
    /// `ProposalCreated`.
    #[ink(message)]
    fn propose(&mut self, calls: Vec<ProposedCall>, description: String) -> Result<ProposalId, Error>;

    /// Votes on `proposal`, which must be active (`support`: for, against or abstain), with
    /// the caller's power at its snapshot. The caller's own locked JOY stays locked until the vote ends.
    ///
    /// # Errors
    /// `ProposalNotFound`, `VotingClosed`, `AlreadyVoted`, `NoVotingPower`,
    /// `ArithmeticOverflow`, `LayoutMismatch`.
    ///
    /// # Events
    /// `VoteCast`.
    #[ink(message)]
    fn vote(&mut self, proposal: ProposalId, support: Support) -> Result<(), Error>;

    /// Anyone queues `proposal`, which succeeded (by the grace period after its vote ends): it
    /// can be executed from the timelock delay after now until the grace period after that.
    ///
    /// # Errors
    /// `ProposalNotFound`, `ProposalNotSucceeded`, `ProposalExpired`, `ArithmeticOverflow`,
    /// `LayoutMismatch`.
    ///
    /// # Events
    /// `ProposalQueued`.
    #[ink(message)]
    fn queue(&mut self, proposal: ProposalId) -> Result<(), Error>;

    /// Anyone executes `proposal`, queued, whose timelock passed and whose grace period has not
    /// ended: its calls are made in order, all or none. The caller pays the gas and any
    /// storage deposit the calls need.
    ///
    /// # Errors
    /// `ProposalNotFound`, `ProposalNotQueued`, `TimelockNotPassed`, `ProposalExpired`,
    /// `CallFailed` (with the failing call's index), `TreasuryTooLow`, `BadOwnCall` and the
    /// parameter and guardian errors of a call to the governor itself, `JoyTransferFailed`,
    /// `LayoutMismatch`.
    ///
    /// # Events
    /// Those of the calls, `ParamsChanged` / `GuardiansChanged` for calls to the governor,
    /// `ProposalExecuted`.
    #[ink(message)]
    fn execute(&mut self, proposal: ProposalId) -> Result<(), Error>;

    /// Cancels `proposal` before its vote ends: the proposer may; anyone may once the
    /// proposer's voting power is below the proposal threshold. After the vote nobody may.
    ///
    /// # Errors
    /// `ProposalNotFound`, `ProposalNotCancellable`, `ProposerAboveThreshold`,
    /// `LayoutMismatch`.
    ///
    /// # Events
    /// `ProposalCanceled`.
    #[ink(message)]
    fn cancel(&mut self, proposal: ProposalId) -> Result<(), Error>;
}

/// What proposals there are and where they stand.
#[ink::trait_definition]
pub trait ProposalViews {
    /// How many proposals were made (ids are `0..proposal_count`).
    #[ink(message)]
    fn proposal_count(&self) -> ProposalId;

    /// Proposal `proposal`'s vote and progress.
    #[ink(message)]
    fn proposal(&self, proposal: ProposalId) -> Option<Proposal>;

    /// Proposal `proposal`'s calls and description.
    #[ink(message)]
    fn proposal_body(&self, proposal: ProposalId) -> Option<ProposalBody>;

    /// Proposal `proposal`'s state now.
    #[ink(message)]
    fn proposal_state(&self, proposal: ProposalId) -> Option<ProposalState>;

    /// The votes for and abstaining proposal `proposal` needs (`None` before its snapshot
    /// block has ended).
    #[ink(message)]
    fn quorum_of(&self, proposal: ProposalId) -> Option<Balance>;

    /// How `voter` voted on proposal `proposal`, if it did.
    #[ink(message)]
    fn receipt(&self, proposal: ProposalId, voter: AccountId) -> Option<Receipt>;
}

/// The governor's own settings: changed only by its proposals.
#[ink::trait_definition]
pub trait Settings {
    /// Only a proposal of this governor (a call to the governor itself): sets the
    /// parameters to `params`, each within its hard bounds. Proposals already made keep their snapshot,
    /// vote end and quorum; the new timelock and grace apply to proposals queued from now.
    ///
    /// # Errors
    /// `OnlyByProposal`, `VotingDelayOutOfBounds`, `VotingPeriodOutOfBounds`,
    /// `TimelockOutOfBounds`, `GracePeriodOutOfBounds`, `QuorumOutOfBounds`,
    /// `ThresholdOutOfBounds`.
    ///
    /// # Events
    /// `ParamsChanged`.
    #[ink(message)]
    fn set_params(&mut self, params: GovernorParams) -> Result<(), Error>;

    /// Only a proposal of this governor: replaces the guardians with `guardians` (at most 8,
    /// none twice; an empty set leaves no emergency freeze).
    ///
    /// # Errors
    /// `OnlyByProposal`, `TooManyGuardians`, `DuplicateGuardian`.
    ///
    /// # Events
    /// `GuardiansChanged`.
    #[ink(message)]
    fn set_guardians(&mut self, guardians: Vec<AccountId>) -> Result<(), Error>;

    /// The parameters in force.
    #[ink(message)]
    fn params(&self) -> GovernorParams;

    /// The accounts that may freeze the factory.
    #[ink(message)]
    fn guardians(&self) -> Vec<AccountId>;

    /// The factory the governor governs.
    #[ink(message)]
    fn factory(&self) -> AccountId;

    /// The governor's JOY beyond what voters locked: what proposals' calls may send.
    #[ink(message)]
    fn treasury(&self) -> Balance;
}

/// The factory's hand-over and the emergency freeze.
#[ink::trait_definition]
pub trait Emergency {
    /// A guardian freezes the factory at once (every state-changing token message stops;
    /// exits of the platform's other contracts keep working). Guardians can do nothing else:
    /// unfreezing is a proposal's call to the factory's `set_frozen_status(false)`.
    ///
    /// # Errors
    /// `NotGuardian`, `FactoryRefused` (the governor is not the factory's governance),
    /// `LayoutMismatch`.
    ///
    /// # Events
    /// `FactoryFrozen` (and the factory's `FrozenStatusUpdated`).
    #[ink(message)]
    fn freeze_factory(&mut self) -> Result<(), Error>;

    /// Anyone completes the factory's two-step hand-over: once the factory's governance
    /// proposed this governor (`propose_governance`), the governor accepts and governs the
    /// factory from then on.
    ///
    /// # Errors
    /// `FactoryRefused` (this governor is not the factory's proposed governance),
    /// `LayoutMismatch`.
    ///
    /// # Events
    /// The factory's `GovernanceChanged`.
    #[ink(message)]
    fn accept_factory_governance(&mut self) -> Result<(), Error>;
}
