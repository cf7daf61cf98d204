//! The governor's one error enum. Variants are appended, never reordered: the SCALE index is
//! the wire format front ends decode.

/// Why a governor message was refused. A refused message changes nothing and moves nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub enum Error {
    /// A lock without JOY, or an unlock of nothing.
    ZeroAmount,
    /// The account has less JOY locked than it asked to unlock.
    InsufficientLocked,
    /// The account voted on a proposal whose vote is still open: its JOY stays locked until
    /// the block after that vote ends (`vote_lock_of`).
    LockedByVote,
    /// The account's votes already go to that delegate.
    DelegateUnchanged,
    /// The caller's voting power is below the proposal threshold.
    BelowProposalThreshold,
    /// A proposal with no calls.
    NoCalls,
    /// More calls than `MAX_CALLS` (8) in one proposal.
    TooManyCalls,
    /// A call's encoded arguments are longer than `MAX_ARGS_LEN` (1 024 bytes).
    ArgumentsTooLong,
    /// The description is longer than `MAX_DESCRIPTION_LEN` (512 bytes).
    DescriptionTooLong,
    /// A call to the governor itself names no message a proposal may call (`set_params`,
    /// `set_guardians`), sends JOY, or carries arguments that do not decode.
    BadOwnCall,
    /// No proposal has this id.
    ProposalNotFound,
    /// The proposal is not open for votes (voting has not started or has ended, or it was
    /// cancelled).
    VotingClosed,
    /// The account already voted on this proposal.
    AlreadyVoted,
    /// The account had no voting power when the proposal's vote opened (its snapshot).
    NoVotingPower,
    /// Only a proposal that succeeded (quorum reached, more for than against, vote over) can
    /// be queued.
    ProposalNotSucceeded,
    /// Only a queued proposal can be executed.
    ProposalNotQueued,
    /// The timelock has not passed: the proposal can be executed from its `eta` block.
    TimelockNotPassed,
    /// A grace period is over: the proposal succeeded but was not queued in the grace period
    /// after its vote, or was queued but not executed in the grace period after its timelock.
    ProposalExpired,
    /// A call of the proposal failed (reverted, trapped or ran out of gas); the whole
    /// execution was undone.
    CallFailed {
        /// The failing call's position in the proposal (0: the first).
        index: u32,
    },
    /// A call would send more JOY than the governor's treasury holds when it is made (its JOY
    /// beyond what voters locked); the whole execution was undone.
    TreasuryTooLow,
    /// The proposal's vote is over (or it was cancelled): it can no longer be cancelled.
    ProposalNotCancellable,
    /// Only the proposer may cancel, unless the proposer's power fell below the proposal
    /// threshold.
    ProposerAboveThreshold,
    /// Only a guardian may do this.
    NotGuardian,
    /// Only a proposal of this governor may do this.
    OnlyByProposal,
    /// The factory refused the governor's call (is the governor its governance, or its
    /// proposed governance?).
    FactoryRefused,
    /// The voting delay is outside `MIN_VOTING_DELAY..=MAX_VOTING_DELAY` blocks.
    VotingDelayOutOfBounds,
    /// The voting period is outside `MIN_VOTING_PERIOD..=MAX_VOTING_PERIOD` blocks.
    VotingPeriodOutOfBounds,
    /// The timelock delay is outside `MIN_TIMELOCK..=MAX_TIMELOCK` blocks.
    TimelockOutOfBounds,
    /// The grace period is outside `MIN_GRACE_PERIOD..=MAX_GRACE_PERIOD` blocks.
    GracePeriodOutOfBounds,
    /// The quorum is outside `MIN_QUORUM..=MAX_QUORUM` (1 % to 20 % of the power locked).
    QuorumOutOfBounds,
    /// The proposal threshold is outside `MIN_PROPOSAL_THRESHOLD..=MAX_PROPOSAL_THRESHOLD`.
    ThresholdOutOfBounds,
    /// More guardians than `MAX_GUARDIANS` (8).
    TooManyGuardians,
    /// An account named twice among the guardians.
    DuplicateGuardian,
    /// A JOY transfer the message needed failed.
    JoyTransferFailed,
    /// A computed amount, id or block number does not fit its type.
    ArithmeticOverflow,
    /// Code that is not the governor's runs on its storage (an upgrade built for another
    /// layout).
    LayoutMismatch,
}
