//! Events of the governor: one for every change, with the amounts to the unit.

use crt_traits::{Balance, BlockNumber};
use ink::prelude::{string::String, vec::Vec};
use ink::primitives::AccountId;

use crate::params::GovernorParams;
use crate::proposal::{ProposalId, ProposedCall, Support};

/// An account locked JOY for voting power.
#[ink::event]
pub struct Locked {
    /// The account that locked.
    #[ink(topic)]
    pub account: AccountId,
    /// Locked now, JOY base units.
    pub amount: Balance,
    /// The account's locked JOY afterwards.
    pub locked: Balance,
}

/// An account took locked JOY back.
#[ink::event]
pub struct Unlocked {
    /// The account paid.
    #[ink(topic)]
    pub account: AccountId,
    /// Unlocked now, JOY base units (paid to the account).
    pub amount: Balance,
    /// The account's locked JOY afterwards.
    pub locked: Balance,
}

/// An account's votes go to another delegate from now on.
#[ink::event]
pub struct DelegateChanged {
    /// The account whose votes moved.
    #[ink(topic)]
    pub delegator: AccountId,
    /// The delegate before (the delegator itself if it had not delegated).
    pub from_delegate: AccountId,
    /// The delegate now (the delegator itself: it votes with its own JOY again).
    pub to_delegate: AccountId,
}

/// An account's voting power changed (it locked, unlocked, or delegation moved power).
#[ink::event]
pub struct VotingPowerChanged {
    /// The account whose power changed.
    #[ink(topic)]
    pub account: AccountId,
    /// The power afterwards, JOY base units.
    pub power: Balance,
}

/// A proposal was made.
#[ink::event]
pub struct ProposalCreated {
    /// The new proposal's id.
    #[ink(topic)]
    pub proposal: ProposalId,
    /// Who proposed it.
    #[ink(topic)]
    pub proposer: AccountId,
    /// What it would do.
    pub calls: Vec<ProposedCall>,
    /// What the proposer says of it.
    pub description: String,
    /// Votes weigh the power at the end of this block.
    pub snapshot: BlockNumber,
    /// The last block of the vote.
    pub vote_end: BlockNumber,
}

/// A vote was cast.
#[ink::event]
pub struct VoteCast {
    /// The proposal voted on.
    #[ink(topic)]
    pub proposal: ProposalId,
    /// Who voted.
    #[ink(topic)]
    pub voter: AccountId,
    /// For, against or abstain.
    pub support: Support,
    /// The voter's power at the snapshot, JOY base units.
    pub weight: Balance,
}

/// A successful proposal was queued behind the timelock.
#[ink::event]
pub struct ProposalQueued {
    /// The proposal queued.
    #[ink(topic)]
    pub proposal: ProposalId,
    /// The first block it can be executed in.
    pub eta: BlockNumber,
    /// The last block it can be executed in.
    pub deadline: BlockNumber,
}

/// A proposal's calls were made.
#[ink::event]
pub struct ProposalExecuted {
    /// The proposal executed.
    #[ink(topic)]
    pub proposal: ProposalId,
}

/// A proposal was cancelled.
#[ink::event]
pub struct ProposalCanceled {
    /// The proposal cancelled.
    #[ink(topic)]
    pub proposal: ProposalId,
    /// Who cancelled it.
    pub by: AccountId,
}

/// A proposal changed the governor's parameters.
#[ink::event]
pub struct ParamsChanged {
    /// The parameters now in force.
    pub params: GovernorParams,
}

/// A proposal replaced the guardians.
#[ink::event]
pub struct GuardiansChanged {
    /// The guardians now.
    pub guardians: Vec<AccountId>,
}

/// A guardian froze the factory.
#[ink::event]
pub struct FactoryFrozen {
    /// The guardian that froze it.
    #[ink(topic)]
    pub guardian: AccountId,
}
