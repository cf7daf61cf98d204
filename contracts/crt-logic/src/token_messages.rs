//! The bodies of the messages the token contract runs from its own code: deployment, PSP22
//! (transfers, allowances, balances, metadata), `multi_transfer`, `dust_account` and
//! `join_whitelist`. The token's `#[ink::contract]` module (metadata, unit tests, contracts
//! that call the token through `CrtRef`) and the token's Wasm entry points (`crt/src/entry.rs`)
//! both call these, so each body is written once.

use crt_core::bonds::bonds_for;
use crt_core::vesting::{VestingSchedule, VestingSource};
use crt_traits::{IssuanceParams, ProofStep, TokenConstraints, TokenLibraries, PERMILL_ONE};
use ink::prelude::vec::Vec;
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

/// The constructor `new`'s arguments, in its order (so the token's entry point decodes its
/// input straight into this).
#[derive(scale::Decode)]
pub struct Deployment {
    pub token_id: u64,
    pub issuer: AccountId,
    pub params: IssuanceParams,
    pub constraints: TokenConstraints,
    pub blocks_per_year: u32,
    pub libraries: TokenLibraries,
    pub live_marker: AccountId,
}

impl TokenState {
    /// A new token's state (the constructor `new`, documented on the contract): validates
    /// `params`, checks the endowment covers the bloat bonds, creates the initial accounts,
    /// pins the library's code, and emits the allocation events. The caller is the factory.
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
            pending_issuer: None,
            total_supply: supply,
            tokens_issued: supply,
            accounts_number: 0,
            transfer_policy: params.transfer_policy,
            bloat_bonds_held: 0,
            bond_deposits_total: 0,
            payouts_held_total: 0,
            patronage_rate: params.patronage_rate,
            patronage_tally: 0,
            patronage_tally_block: now,
            blocks_per_year: deployment.blocks_per_year.max(1),
            revenue_split_rate: params.revenue_split_rate,
            revenue_split: None,
            next_revenue_split_id: 0,
            next_sale_id: 0,
            decimals: params.decimals,
            issued_at: now,
            deissued: false,
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
        // Pins the libraries' code: pallet-contracts refuses `remove_code` while any contract
        // holds a dependency on it, and traps here if there is no such code. (The off-chain
        // engine of unit tests has no code to pin.)
        #[cfg(not(feature = "std"))]
        for library in deployment.libraries.hashes() {
            ink::env::lock_delegate_dependency::<ink::env::DefaultEnvironment>(&library);
        }
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

    /// PSP22 `balance_of`: the token contract's own balance includes the sale escrow.
    pub fn balance_of(&self, owner: AccountId) -> Balance {
        let held = self.data.account(owner).map(|a| a.amount).unwrap_or_default();
        if owner == this() {
            return held.saturating_add(self.data.escrow());
        }
        held
    }

    pub fn transfer(&mut self, to: AccountId, value: Balance) -> Result<(), PSP22Error> {
        let bond = self.bond()?;
        let caller = caller();
        let fx = self.data.psp22_transfer(caller, caller, to, value, now(), bond)?;
        Ok(self.apply(fx)?)
    }

    pub fn transfer_from(
        &mut self,
        from: AccountId,
        to: AccountId,
        value: Balance,
    ) -> Result<(), PSP22Error> {
        let bond = self.bond()?;
        let fx = self
            .data
            .psp22_transfer_from(caller(), from, to, value, now(), bond)?;
        Ok(self.apply(fx)?)
    }

    pub fn approve(&mut self, spender: AccountId, value: Balance) -> Result<(), PSP22Error> {
        self.context()?;
        let fx = self.data.approve(caller(), spender, value);
        Ok(self.apply(fx)?)
    }

    pub fn increase_allowance(&mut self, spender: AccountId, delta: Balance) -> Result<(), PSP22Error> {
        self.context()?;
        let fx = self.data.increase_allowance(caller(), spender, delta)?;
        Ok(self.apply(fx)?)
    }

    pub fn decrease_allowance(&mut self, spender: AccountId, delta: Balance) -> Result<(), PSP22Error> {
        self.context()?;
        let fx = self.data.decrease_allowance(caller(), spender, delta)?;
        Ok(self.apply(fx)?)
    }

    // ---- transfers, accounts and whitelist -------------------------------------------------

    pub fn multi_transfer(
        &mut self,
        outputs: Vec<(AccountId, Balance)>,
        metadata: Vec<u8>,
    ) -> Result<(), Error> {
        let call = self.call()?;
        let fx = self.data.multi_transfer(&call, outputs, metadata)?;
        self.apply(fx)
    }

    pub fn dust_account(&mut self, account: AccountId) -> Result<(), Error> {
        self.context()?;
        let fx = self.data.dust_account(caller(), account)?;
        self.apply(fx)
    }

    pub fn join_whitelist(&mut self, proof: Vec<ProofStep>) -> Result<(), Error> {
        let bond = self.bond()?;
        let fx = self.data.join_whitelist(caller(), paid(), bond, proof)?;
        self.apply(fx)
    }
}
