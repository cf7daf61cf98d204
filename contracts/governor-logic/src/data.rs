//! The governor's books: parameters, guardians, voting power, proposals (vote apart from
//! body) and votes cast. `proposals.rs` adds the messages' logic.

use crt_traits::effects::Effects;
use crt_traits::{Balance, BlockNumber};
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;
use ink::storage::{Lazy, Mapping};

use crate::events::{GuardiansChanged, ParamsChanged};
use crate::own_calls::OwnCall;
use crate::params::GovernorParams;
use crate::power::VotingPower;
use crate::proposal::{Proposal, ProposalBody, ProposalId, ProposalState, Receipt};

/// One cell per proposal, body and vote; no message iterates over them.
#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
pub struct GovernorData {
    /// The parameters in force.
    pub params: GovernorParams,
    /// Accounts that may freeze the factory (read by the freeze only).
    pub(crate) guardians: Lazy<Vec<AccountId>>,
    /// Locked JOY, delegation and voting power over time.
    pub power: VotingPower,
    /// The id the next proposal gets.
    pub next_proposal_id: ProposalId,
    /// Each proposal's vote and progress.
    pub(crate) proposals: Mapping<ProposalId, Proposal>,
    /// Each proposal's calls and description.
    pub(crate) bodies: Mapping<ProposalId, ProposalBody>,
    /// The votes cast, by proposal and voter.
    pub(crate) receipts: Mapping<(ProposalId, AccountId), Receipt>,
}

impl GovernorData {
    /// Fresh books with checked parameters and guardians.
    pub fn new(params: GovernorParams, guardians: Vec<AccountId>) -> Result<Self, crate::Error> {
        let mut data = Self {
            params: params.checked()?,
            guardians: Lazy::new(),
            power: VotingPower::default(),
            next_proposal_id: 0,
            proposals: Mapping::new(),
            bodies: Mapping::new(),
            receipts: Mapping::new(),
        };
        data.guardians.set(&crate::params::checked_guardians(guardians)?);
        Ok(data)
    }

    pub fn guardians(&self) -> Vec<AccountId> {
        self.guardians.get().unwrap_or_default()
    }

    pub fn is_guardian(&self, account: AccountId) -> bool {
        self.guardians().contains(&account)
    }

    pub fn proposal(&self, id: ProposalId) -> Option<Proposal> {
        self.proposals.get(id)
    }

    pub fn proposal_body(&self, id: ProposalId) -> Option<ProposalBody> {
        self.bodies.get(id)
    }

    pub fn receipt(&self, id: ProposalId, voter: AccountId) -> Option<Receipt> {
        self.receipts.get((id, voter))
    }

    /// `proposal`'s state at block `now`.
    pub fn state_of(&self, proposal: &Proposal, now: BlockNumber) -> ProposalState {
        proposal.state(now, || self.power.total_at(proposal.snapshot))
    }

    /// The votes for and abstaining proposal `id` needs (`None`: no such proposal, or its
    /// snapshot block has not ended, so the power locked then is not final).
    pub fn quorum_of(&self, id: ProposalId, now: BlockNumber) -> Option<Balance> {
        let proposal = self.proposal(id)?;
        (now > proposal.snapshot).then(|| proposal.quorum(self.power.total_at(proposal.snapshot)))
    }

    /// Runs a proposal's call to the governor itself.
    pub fn apply_own(&mut self, own: OwnCall) -> Effects {
        match own {
            OwnCall::SetParams(params) => {
                self.params = params;
                Effects::new().event(ParamsChanged { params })
            }
            OwnCall::SetGuardians(guardians) => {
                self.guardians.set(&guardians);
                Effects::new().event(GuardiansChanged { guardians })
            }
        }
    }
}
