//! The governor's whole storage and what every message needs: the call context, execution of
//! a proposal's calls, the guardian's freeze, and `apply`, which pays out JOY and emits the
//! events a logic call returned. The governor ignores the suite's freeze: governance must
//! work while the suite is frozen (to unfreeze it), and so must leaving.

use crt_traits::effects::Effects;
use crt_traits::Balance;
use ink::env::DefaultEnvironment;
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::call::Call;
use crate::data::GovernorData;
use crate::errors::Error;
use crate::events::{FactoryFrozen, ProposalExecuted};
use crate::links;
use crate::own_calls::OwnCall;
use crate::params::GovernorParams;
use crate::proposal::ProposalId;

/// Version of this storage layout; code built for another refuses to change state.
pub const LAYOUT_VERSION: u32 = 1;

/// Everything the governor stores.
#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
pub struct GovernorState {
    /// [`LAYOUT_VERSION`] of the code that deployed the contract.
    pub layout: u32,
    /// The factory the guardians may freeze (and whose governance the governor accepts).
    pub factory: AccountId,
    /// Parameters, guardians, voting power, proposals and votes.
    pub data: GovernorData,
}

impl GovernorState {
    pub fn new(factory: AccountId, params: GovernorParams, guardians: Vec<AccountId>) -> Result<Self, Error> {
        Ok(Self {
            layout: LAYOUT_VERSION,
            factory,
            data: GovernorData::new(params, guardians)?,
        })
    }

    /// The context of a state-changing message.
    pub fn call(&self) -> Result<Call, Error> {
        if self.layout != LAYOUT_VERSION {
            return Err(Error::LayoutMismatch);
        }
        Ok(Call {
            caller: ink::env::caller::<DefaultEnvironment>(),
            now: ink::env::block_number::<DefaultEnvironment>(),
            paid: ink::env::transferred_value::<DefaultEnvironment>(),
            contract: ink::env::account_id::<DefaultEnvironment>(),
        })
    }

    /// The governor's JOY beyond what voters locked: what proposals may spend.
    pub fn treasury(&self) -> Balance {
        ink::env::balance::<DefaultEnvironment>().saturating_sub(self.data.power.total_locked)
    }

    /// Executes queued proposal `id` whose timelock passed: makes its calls in order, all or
    /// none (a failing call fails the message, and the chain undoes the calls before it).
    pub fn execute(&mut self, call: &Call, id: ProposalId) -> Result<(), Error> {
        let calls = self.data.start_execution(call, id)?;
        for (index, proposed) in calls.iter().enumerate() {
            let failed = || Error::CallFailed {
                index: u32::try_from(index).unwrap_or(u32::MAX),
            };
            if proposed.target == call.contract {
                let own = OwnCall::parse(proposed)?;
                // Emitted now, in the order of the calls, like the events of the others.
                for event in self.data.apply_own(own).events {
                    event.emit();
                }
            } else {
                // Checked at each call, so a proposal may first bring JOY in (the factory's
                // `withdraw_platform_fees` to the governor) and then pay it out.
                if proposed.value > self.treasury() {
                    return Err(Error::TreasuryTooLow);
                }
                links::invoke(proposed).map_err(|_| failed())?;
            }
        }
        self.apply(Effects::new().event(ProposalExecuted { proposal: id }))
    }

    /// A guardian freezes the factory. Nothing else is in a guardian's power.
    pub fn freeze_factory(&mut self, call: &Call) -> Result<(), Error> {
        if !self.data.is_guardian(call.caller) {
            return Err(Error::NotGuardian);
        }
        links::freeze_factory(self.factory).map_err(|_| Error::FactoryRefused)?;
        self.apply(Effects::new().event(FactoryFrozen {
            guardian: call.caller,
        }))
    }

    /// Anyone completes the factory's hand-over of its governance to this governor.
    pub fn accept_factory_governance(&mut self) -> Result<(), Error> {
        self.call()?;
        links::accept_factory_governance(self.factory).map_err(|_| Error::FactoryRefused)
    }

    /// Pays out JOY, then emits the events, of a successful logic call.
    pub fn apply(&mut self, fx: Effects) -> Result<(), Error> {
        for (to, amount) in fx.payouts.into_iter().chain(fx.pay_or_hold) {
            ink::env::transfer::<DefaultEnvironment>(to, amount).map_err(|_| Error::JoyTransferFailed)?;
        }
        for event in fx.events {
            event.emit();
        }
        Ok(())
    }
}
