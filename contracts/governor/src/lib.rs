//! # Governor
//!
//! The platform's community governance, meant to be the factory's governance: JOY holders
//! lock JOY for voting power (and may delegate it), propose lists of calls, vote; a proposal
//! that wins is queued, and its calls run only after the timelock, so users see every change
//! of the platform's parameters coming. Guardians named at deployment (replaced only by a
//! proposal) may freeze the factory at once; unfreezing is a proposal.
//!
//! This module is wiring: the messages are declared once, with their docs, in
//! `governor_logic::messages`; the logic is `governor_logic`'s, on `GovernorState`; here each
//! message takes the context, runs the logic, and carries out the effects it returns.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_properties;
#[cfg(test)]
mod tests_proposals;

#[ink::contract]
pub mod governor {
    use governor_logic::messages::{Emergency, ProposalViews, Proposals, Settings, Voting, VotingViews};
    use governor_logic::own_calls::OwnCall;
    use governor_logic::params::GovernorParams;
    use governor_logic::proposal::{
        Proposal, ProposalBody, ProposalId, ProposalState, ProposedCall, Receipt, Support,
    };
    use governor_logic::state::GovernorState;
    use governor_logic::Error;
    use ink::prelude::{string::String, vec::Vec};

    /// The contract's storage (see `governor_logic::state`).
    #[ink(storage)]
    pub struct Governor {
        /// Everything the governor stores: the factory, parameters, guardians, voting power,
        /// proposals and votes.
        state: GovernorState,
    }

    impl Governor {
        /// A governor for `factory` with `params` (each within its hard bounds) and
        /// `guardians` (at most 8, none twice; empty: no emergency freeze). The factory's
        /// governance then proposes the governor (`propose_governance`) and anyone calls
        /// `accept_factory_governance`.
        ///
        /// # Errors
        /// `VotingDelayOutOfBounds`, `VotingPeriodOutOfBounds`, `TimelockOutOfBounds`,
        /// `GracePeriodOutOfBounds`, `QuorumOutOfBounds`, `ThresholdOutOfBounds`,
        /// `TooManyGuardians`, `DuplicateGuardian`.
        #[ink(constructor)]
        pub fn new(
            factory: AccountId,
            params: GovernorParams,
            guardians: Vec<AccountId>,
        ) -> Result<Self, Error> {
            Ok(Self {
                state: GovernorState::new(factory, params, guardians)?,
            })
        }

        /// Runs one of the governor's own messages, which only its proposals may call. A
        /// proposal's call to the governor runs inside `execute` instead of arriving here
        /// (the chain refuses a contract calling back into itself), so from outside this is
        /// always refused; the messages exist so clients can encode such calls.
        fn by_proposal(&mut self, own: impl FnOnce() -> Result<OwnCall, Error>) -> Result<(), Error> {
            if self.env().caller() != self.env().account_id() {
                return Err(Error::OnlyByProposal);
            }
            let fx = self.state.data.apply_own(own()?);
            self.state.apply(fx)
        }
    }

    impl Voting for Governor {
        #[ink(message, payable)]
        fn lock(&mut self) -> Result<(), Error> {
            let call = self.state.call()?;
            let fx = self.state.data.power.lock(&call)?;
            self.state.apply(fx)
        }

        #[ink(message)]
        fn unlock(&mut self, amount: Balance) -> Result<(), Error> {
            let call = self.state.call()?;
            let fx = self.state.data.power.unlock(&call, amount)?;
            self.state.apply(fx)
        }

        #[ink(message)]
        fn delegate(&mut self, to: AccountId) -> Result<(), Error> {
            let call = self.state.call()?;
            let fx = self.state.data.power.delegate(&call, to)?;
            self.state.apply(fx)
        }
    }

    impl VotingViews for Governor {
        #[ink(message)]
        fn locked_of(&self, account: AccountId) -> Balance {
            self.state.data.power.locked_of(account)
        }

        #[ink(message)]
        fn delegate_of(&self, account: AccountId) -> AccountId {
            self.state.data.power.delegate_of(account)
        }

        #[ink(message)]
        fn votes_of(&self, account: AccountId) -> Balance {
            self.state.data.power.votes_of(account)
        }

        #[ink(message)]
        fn votes_at(&self, account: AccountId, block: BlockNumber) -> Balance {
            self.state.data.power.votes_at(account, block)
        }

        #[ink(message)]
        fn total_locked(&self) -> Balance {
            self.state.data.power.total_locked
        }

        #[ink(message)]
        fn total_locked_at(&self, block: BlockNumber) -> Balance {
            self.state.data.power.total_at(block)
        }

        #[ink(message)]
        fn vote_lock_of(&self, account: AccountId) -> BlockNumber {
            self.state.data.power.vote_lock_of(account)
        }
    }

    impl Proposals for Governor {
        #[ink(message)]
        fn propose(&mut self, calls: Vec<ProposedCall>, description: String) -> Result<ProposalId, Error> {
            let call = self.state.call()?;
            let (id, fx) = self.state.data.propose(&call, calls, description)?;
            self.state.apply(fx)?;
            Ok(id)
        }

        #[ink(message)]
        fn vote(&mut self, proposal: ProposalId, support: Support) -> Result<(), Error> {
            let call = self.state.call()?;
            let fx = self.state.data.vote(&call, proposal, support)?;
            self.state.apply(fx)
        }

        #[ink(message)]
        fn queue(&mut self, proposal: ProposalId) -> Result<(), Error> {
            let call = self.state.call()?;
            let fx = self.state.data.queue(&call, proposal)?;
            self.state.apply(fx)
        }

        #[ink(message)]
        fn execute(&mut self, proposal: ProposalId) -> Result<(), Error> {
            let call = self.state.call()?;
            self.state.execute(&call, proposal)
        }

        #[ink(message)]
        fn cancel(&mut self, proposal: ProposalId) -> Result<(), Error> {
            let call = self.state.call()?;
            let fx = self.state.data.cancel(&call, proposal)?;
            self.state.apply(fx)
        }
    }

    impl ProposalViews for Governor {
        #[ink(message)]
        fn proposal_count(&self) -> ProposalId {
            self.state.data.next_proposal_id
        }

        #[ink(message)]
        fn proposal(&self, proposal: ProposalId) -> Option<Proposal> {
            self.state.data.proposal(proposal)
        }

        #[ink(message)]
        fn proposal_body(&self, proposal: ProposalId) -> Option<ProposalBody> {
            self.state.data.proposal_body(proposal)
        }

        #[ink(message)]
        fn proposal_state(&self, proposal: ProposalId) -> Option<ProposalState> {
            let found = self.state.data.proposal(proposal)?;
            Some(self.state.data.state_of(&found, self.env().block_number()))
        }

        #[ink(message)]
        fn quorum_of(&self, proposal: ProposalId) -> Option<Balance> {
            self.state.data.quorum_of(proposal, self.env().block_number())
        }

        #[ink(message)]
        fn receipt(&self, proposal: ProposalId, voter: AccountId) -> Option<Receipt> {
            self.state.data.receipt(proposal, voter)
        }
    }

    impl Settings for Governor {
        #[ink(message)]
        fn set_params(&mut self, params: GovernorParams) -> Result<(), Error> {
            self.by_proposal(|| Ok(OwnCall::SetParams(params.checked()?)))
        }

        #[ink(message)]
        fn set_guardians(&mut self, guardians: Vec<AccountId>) -> Result<(), Error> {
            self.by_proposal(|| {
                Ok(OwnCall::SetGuardians(governor_logic::params::checked_guardians(
                    guardians,
                )?))
            })
        }

        #[ink(message)]
        fn params(&self) -> GovernorParams {
            self.state.data.params
        }

        #[ink(message)]
        fn guardians(&self) -> Vec<AccountId> {
            self.state.data.guardians()
        }

        #[ink(message)]
        fn factory(&self) -> AccountId {
            self.state.factory
        }

        #[ink(message)]
        fn treasury(&self) -> Balance {
            self.state.treasury()
        }
    }

    impl Emergency for Governor {
        #[ink(message)]
        fn freeze_factory(&mut self) -> Result<(), Error> {
            let call = self.state.call()?;
            self.state.freeze_factory(&call)
        }

        #[ink(message)]
        fn accept_factory_governance(&mut self) -> Result<(), Error> {
            self.state.accept_factory_governance()
        }
    }
}
