//! The bodies of the messages the token contract runs from its own code — the PSP22 transfers,
//! allowances and balances — and of its deployment (which its entry point hands to the main
//! library). The token's `#[ink::contract]` module (metadata, unit tests, contracts
//! that call the token through `CrtRef`) and the token's Wasm entry points (`crt/src/entry.rs`)
//! both call these, so each body is written once.

use crt_core::bonds::bonds_for;
use crt_core::vesting::{VestingSchedule, VestingSource};
use crt_traits::{IssuanceParams, TokenConstraints, TokenLibraries, PERMILL_ONE};
use ink::primitives::AccountId;
use ink::storage::Lazy;
use psp22::PSP22Error;

use crate::accounts::AccountData;
use crate::data::{TokenData, TokenInfo};
use crate::errors::Error;
use crate::events::{transfer_event, Effects, VestingScheduleAdded};
use crate::queries::TokenMetadata;
use crate::state::{caller, now, paid, this, TokenState, LAYOUT_VERSION};
use crate::Balance;

/// The constructor `new`'s arguments, in its order: the libraries first, so the token's entry
/// point reads them without decoding the rest, which the main library decodes whole into this.
#[derive(Debug, Clone)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct Deployment {
    /// The library code the token delegates to.
    pub libraries: TokenLibraries,
    /// The token's id in the factory's registry.
    pub token_id: u64,
    /// The creator.
    pub issuer: AccountId,
    /// What the issuer asked for.
    pub params: IssuanceParams,
    /// Governance's parameters at issuance.
    pub constraints: TokenConstraints,
    /// Blocks per year on this chain.
    pub blocks_per_year: u32,
    /// The factory's live marker (its existence means not frozen).
    pub live_marker: AccountId,
}

impl TokenState {
    /// What the token's `deploy` entry point stores before the main library runs
    /// [`Self::fill_in`]: an empty state in the shape the library's code loads, with layout 0,
    /// which no deployed token has.
    pub fn before_deployment(libraries: TokenLibraries) -> Self {
        TokenState {
            layout: 0,
            factory: AccountId::from([0; 32]),
            libraries,
            live_marker: AccountId::from([0; 32]),
            constraints: TokenConstraints::defaults(0),
            data: TokenData::new(TokenInfo::default()),
            metadata: Lazy::new(),
        }
    }

    /// The deployment the token's `deploy` entry point hands to the main library (the token's
    /// code holds none of it): refused unless the state is [`Self::before_deployment`]'s, so
    /// it runs once per token.
    pub fn fill_in(&mut self, deployment: Deployment) -> Result<(), Error> {
        if self.layout != 0 {
            return Err(Error::TokenAlreadyDeployed);
        }
        *self = Self::deploy(deployment)?;
        Ok(())
    }

    /// A new token's state (the constructor `new`, documented on the contract): validates
    /// `params`, checks the endowment covers the bloat bonds, creates the initial accounts,
    /// and emits the allocation events. The caller is the factory. (The token's entry point
    /// pins the libraries' code before this runs.)
    pub fn deploy(deployment: Deployment) -> Result<Self, Error> {
        let Deployment {
            params,
            constraints,
            issuer,
            ..
        } = deployment;
        // Governance's patronage cap is the factory's to enforce; here only the shape.
        let shape_only = TokenConstraints {
            max_yearly_patronage_rate: PERMILL_ONE,
            ..constraints
        };
        let bloat_bond = constraints.bloat_bond;
        let accounts = params
            .validate(&shape_only)
            .map_err(|_| Error::InvalidIssuanceParams)?;
        let owed = bonds_for(accounts, bloat_bond).map_err(|_| Error::ArithmeticOverflow)?;
        if paid() < owed {
            return Err(Error::InsufficientBloatBond);
        }
        let now = now();
        let supply = params.initial_supply();
        let mut data = TokenData::new(TokenInfo {
            token_id: deployment.token_id,
            issuer,
            total_supply: supply,
            tokens_issued: supply,
            transfer_policy: params.transfer_policy,
            patronage_rate: params.patronage_rate,
            patronage_tally_block: now,
            blocks_per_year: deployment.blocks_per_year.max(1),
            revenue_split_rate: params.revenue_split_rate,
            decimals: params.decimals,
            issued_at: now,
            ..TokenInfo::default()
        });
        let mut fx = Effects::new();
        for allocation in params.initial_allocation.iter().filter(|a| a.amount > 0) {
            let mut account = AccountData::with_bond(bloat_bond);
            account.amount = allocation.amount;
            if let Some(params) = &allocation.vesting {
                let schedule = VestingSchedule::from_params(now, allocation.amount, params)?;
                account
                    .vesting
                    .add(VestingSource::InitialIssuance, schedule, now)?;
                fx.push(VestingScheduleAdded {
                    account: allocation.account,
                    source: VestingSource::InitialIssuance,
                    schedule,
                });
            }
            fx.push(transfer_event(None, Some(allocation.account), allocation.amount));
            data.save_account(allocation.account, &account, true, issuer, &mut fx)?;
        }
        let mut metadata = Lazy::new();
        metadata.set(&TokenMetadata {
            name: params.name,
            symbol: params.symbol,
            decimals: params.decimals,
            metadata: params.metadata,
        });
        let mut state = TokenState {
            layout: LAYOUT_VERSION,
            factory: caller(),
            libraries: deployment.libraries,
            live_marker: deployment.live_marker,
            constraints,
            data,
            metadata,
        };
        state.apply(fx)?;
        Ok(state)
    }

    // ---- PSP22 ---------------------------------------------------------------------------

    /// PSP22 `balance_of` (see [`TokenData::balance_of`]).
    pub fn balance_of(&self, owner: AccountId) -> Balance {
        self.data.balance_of(owner, this())
    }

    pub fn transfer(&mut self, to: AccountId, value: Balance) -> Result<(), PSP22Error> {
        self.psp22_message(|state| {
            let bond = state.bond()?;
            let caller = caller();
            state.data.psp22_transfer(caller, caller, to, value, now(), bond)
        })
    }

    pub fn transfer_from(
        &mut self,
        from: AccountId,
        to: AccountId,
        value: Balance,
    ) -> Result<(), PSP22Error> {
        self.psp22_message(|state| {
            let bond = state.bond()?;
            state
                .data
                .psp22_transfer_from(caller(), from, to, value, now(), bond)
        })
    }

    pub fn approve(&mut self, spender: AccountId, value: Balance) -> Result<(), PSP22Error> {
        self.psp22_message(|state| {
            state.context()?;
            Ok(state.data.approve(caller(), spender, value))
        })
    }

    /// Runs a PSP22 message's logic, emits its events, and reports its error as PSP22 does
    /// ([`psp22_error`]).
    fn psp22_message(
        &mut self,
        logic: impl FnOnce(&mut Self) -> Result<Effects, Error>,
    ) -> Result<(), PSP22Error> {
        let fx = logic(self).map_err(psp22_error)?;
        self.emit_events(fx);
        Ok(())
    }

    /// Emits the events of a PSP22 message. These messages move no JOY (a new account's bond
    /// comes from the sender's deposit, already in the token), so the token's code carries
    /// no payout logic; were a change to make one pay, this would trap — failing the message
    /// and its tests — rather than drop the payout.
    fn emit_events(&self, fx: Effects) {
        assert!(
            fx.payouts.is_empty() && fx.pay_or_hold.is_empty(),
            "a PSP22 message pays no JOY"
        );
        for event in fx.events {
            event.emit();
        }
    }
}

/// The errors the token's own PSP22 messages can raise, as PSP22 reports them: the same as
/// `PSP22Error::from` (a unit test holds each to it), spelled out here so that the token's
/// code carries these few names rather than every variant's. The suite's liveness check,
/// `context`, the balance and allowance checks, the permissioned policy and account creation
/// are the only sources of error on these paths.
pub fn psp22_error(error: Error) -> PSP22Error {
    let name = match error {
        Error::InsufficientTransferrableBalance => return PSP22Error::InsufficientBalance,
        Error::InsufficientAllowance => return PSP22Error::InsufficientAllowance,
        Error::Frozen => "Frozen",
        Error::TokenDeissued => "TokenDeissued",
        Error::LibraryLayoutMismatch => "LibraryLayoutMismatch",
        Error::DestinationAccountDoesNotExist => "DestinationAccountDoesNotExist",
        Error::ArithmeticOverflow => "ArithmeticOverflow",
        // No other error arises on these paths.
        _ => "Unexpected",
    };
    PSP22Error::Custom(ink::prelude::string::String::from(name))
}

/// Every error the token's PSP22 messages can raise reads as `PSP22Error::from` has it.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn psp22_error_matches_the_general_mapping_on_the_errors_of_the_psp22_path() {
        for error in [
            Error::InsufficientTransferrableBalance,
            Error::InsufficientAllowance,
            Error::Frozen,
            Error::TokenDeissued,
            Error::LibraryLayoutMismatch,
            Error::DestinationAccountDoesNotExist,
            Error::ArithmeticOverflow,
        ] {
            assert_eq!(psp22_error(error), PSP22Error::from(error), "{error:?}");
        }
        assert_eq!(
            psp22_error(Error::NoOutputs),
            PSP22Error::Custom("Unexpected".into())
        );
    }
}
