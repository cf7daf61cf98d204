//! A proposal's life: made, voted on, queued behind the timelock, executed or cancelled.
//! Each check comes before any change, so a refused call changes nothing.

use crt_traits::effects::Effects;
use ink::prelude::{string::String, vec::Vec};

use crate::call::Call;
use crate::data::GovernorData;
use crate::errors::Error;
use crate::events::{ProposalCanceled, ProposalCreated, ProposalQueued, VoteCast};
use crate::own_calls::OwnCall;
use crate::proposal::{
    Progress, Proposal, ProposalBody, ProposalId, ProposalState, ProposedCall, Receipt, Support, Tally,
    MAX_ARGS_LEN, MAX_CALLS, MAX_DESCRIPTION_LEN,
};

impl GovernorData {
    /// The caller, with at least the proposal threshold of power, proposes `calls`: its vote
    /// opens after the voting delay and lasts the voting period.
    pub fn propose(
        &mut self,
        call: &Call,
        calls: Vec<ProposedCall>,
        description: String,
    ) -> Result<(ProposalId, Effects), Error> {
        if calls.is_empty() {
            return Err(Error::NoCalls);
        }
        if calls.len() > MAX_CALLS {
            return Err(Error::TooManyCalls);
        }
        if calls.iter().any(|c| c.args.len() > MAX_ARGS_LEN) {
            return Err(Error::ArgumentsTooLong);
        }
        if description.len() > MAX_DESCRIPTION_LEN {
            return Err(Error::DescriptionTooLong);
        }
        for own in calls.iter().filter(|c| c.target == call.contract) {
            OwnCall::parse(own)?;
        }
        if self.power.votes_of(call.caller) < self.params.proposal_threshold {
            return Err(Error::BelowProposalThreshold);
        }
        let id = self.next_proposal_id;
        let next = id.checked_add(1).ok_or(Error::ArithmeticOverflow)?;
        let snapshot = call
            .now
            .checked_add(self.params.voting_delay)
            .ok_or(Error::ArithmeticOverflow)?;
        let vote_end = snapshot
            .checked_add(self.params.voting_period)
            .ok_or(Error::ArithmeticOverflow)?;
        let queue_by = vote_end
            .checked_add(self.params.grace_period)
            .ok_or(Error::ArithmeticOverflow)?;
        let proposal = Proposal {
            proposer: call.caller,
            snapshot,
            vote_end,
            queue_by,
            quorum_ppm: self.params.quorum_ppm,
            tally: Tally::default(),
            progress: Progress::Open,
        };
        let event = ProposalCreated {
            proposal: id,
            proposer: call.caller,
            calls: calls.clone(),
            description: description.clone(),
            snapshot,
            vote_end,
        };
        self.proposals.insert(id, &proposal);
        self.bodies.insert(id, &ProposalBody { calls, description });
        self.next_proposal_id = next;
        Ok((id, Effects::new().event(event)))
    }

    /// The caller votes on an active proposal with its power at the proposal's snapshot; its
    /// own locked JOY stays locked until the vote ends.
    pub fn vote(&mut self, call: &Call, id: ProposalId, support: Support) -> Result<Effects, Error> {
        let mut proposal = self.proposal(id).ok_or(Error::ProposalNotFound)?;
        if self.state_of(&proposal, call.now) != ProposalState::Active {
            return Err(Error::VotingClosed);
        }
        if self.receipts.contains((id, call.caller)) {
            return Err(Error::AlreadyVoted);
        }
        let weight = self.power.votes_at(call.caller, proposal.snapshot);
        if weight == 0 {
            return Err(Error::NoVotingPower);
        }
        proposal.tally = proposal.tally.with(support, weight)?;
        self.proposals.insert(id, &proposal);
        self.receipts
            .insert((id, call.caller), &Receipt { support, weight });
        self.power.extend_vote_lock(call.caller, proposal.vote_end);
        Ok(Effects::new().event(VoteCast {
            proposal: id,
            voter: call.caller,
            support,
            weight,
        }))
    }

    /// Anyone queues a proposal that succeeded: executable after the timelock in force now,
    /// until the grace period after that ends.
    pub fn queue(&mut self, call: &Call, id: ProposalId) -> Result<Effects, Error> {
        let mut proposal = self.proposal(id).ok_or(Error::ProposalNotFound)?;
        match self.state_of(&proposal, call.now) {
            ProposalState::Succeeded => {}
            ProposalState::Expired => return Err(Error::ProposalExpired),
            _ => return Err(Error::ProposalNotSucceeded),
        }
        let eta = call
            .now
            .checked_add(self.params.timelock_delay)
            .ok_or(Error::ArithmeticOverflow)?;
        let deadline = eta
            .checked_add(self.params.grace_period)
            .ok_or(Error::ArithmeticOverflow)?;
        proposal.progress = Progress::Queued { eta, deadline };
        self.proposals.insert(id, &proposal);
        Ok(Effects::new().event(ProposalQueued {
            proposal: id,
            eta,
            deadline,
        }))
    }

    /// Starts executing queued proposal `id` if it can be executed now (its timelock passed,
    /// its grace period not over): marks it executed, before its calls are made (so none of
    /// them can execute it again), and hands back the calls. Checks come first: a refusal
    /// changes nothing.
    pub fn start_execution(&mut self, call: &Call, id: ProposalId) -> Result<Vec<ProposedCall>, Error> {
        let mut proposal = self.proposal(id).ok_or(Error::ProposalNotFound)?;
        let eta = match (self.state_of(&proposal, call.now), proposal.progress) {
            (ProposalState::Queued, Progress::Queued { eta, .. }) => eta,
            (ProposalState::Expired, _) => return Err(Error::ProposalExpired),
            _ => return Err(Error::ProposalNotQueued),
        };
        if call.now < eta {
            return Err(Error::TimelockNotPassed);
        }
        let body = self.proposal_body(id).ok_or(Error::ProposalNotFound)?;
        proposal.progress = Progress::Executed;
        self.proposals.insert(id, &proposal);
        Ok(body.calls)
    }

    /// Cancels a proposal before its vote ends: its proposer may; anyone may once the
    /// proposer's power fell below the proposal threshold (a proposer keeps the power it
    /// proposed with through the vote). Once the vote is over the holders have decided: nobody
    /// cancels a proposal that passed (a delegator taking its power back cannot undo a vote).
    pub fn cancel(&mut self, call: &Call, id: ProposalId) -> Result<Effects, Error> {
        let mut proposal = self.proposal(id).ok_or(Error::ProposalNotFound)?;
        if !matches!(
            self.state_of(&proposal, call.now),
            ProposalState::Pending | ProposalState::Active
        ) {
            return Err(Error::ProposalNotCancellable);
        }
        let proposer_fell = self.power.votes_of(proposal.proposer) < self.params.proposal_threshold;
        if call.caller != proposal.proposer && !proposer_fell {
            return Err(Error::ProposerAboveThreshold);
        }
        proposal.progress = Progress::Canceled;
        self.proposals.insert(id, &proposal);
        Ok(Effects::new().event(ProposalCanceled {
            proposal: id,
            by: call.caller,
        }))
    }
}
