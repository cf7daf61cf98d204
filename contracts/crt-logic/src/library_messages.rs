//! The bodies of the messages the token runs from its libraries' code (`crt-library`,
//! `amm-library`, `accounts-library`, by delegate call, so they read and write the token's own
//! storage and JOY): batch transfers, dusting, the whitelist join, the metadata queries,
//! patronage, revenue split, the fixed-price sale, the AMM, burning, the issuer role, bond
//! deposits, held payouts and the queries. Keeping them out of the token's code keeps every call to the token cheap,
//! since pallet-contracts charges each call for the code it loads.
//!
//! Each is declared, with its docs, in [`crate::messages`]; the token forwards it here (see
//! [`crate::forward`]). Unit tests run these directly: the off-chain engine cannot
//! delegate-call.

use crt_traits::{BlockNumber, ProofStep, TokenConstraints, TokenLibraries};
use ink::primitives::AccountId;
use psp22::PSP22Error;

use crate::amm::{AmmQuote, AmmState};
use crate::data::{RevenueSplit, TokenInfo};
use crate::errors::Error;
use crate::factory_link;
use crate::queries::{AccountInfo, TokenMetadata};
use crate::sale::{OfferingState, SaleAccessProof, SaleParams, SaleQuote, TokenSale};
use crate::state::{caller, now, paid, this, TokenState};
use crate::transfers::{MultiTransferOutput, TransferOutput};
use crate::{Balance, TokenAmount};
use ink::prelude::{string::String, vec::Vec};

impl TokenState {
    // ---- transfers, accounts and whitelist -------------------------------------------------

    pub fn multi_transfer(
        &mut self,
        outputs: Vec<MultiTransferOutput>,
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

    // ---- PSP22 allowance increments and PSP22Metadata --------------------------------------

    pub fn increase_allowance(&mut self, spender: AccountId, delta: TokenAmount) -> Result<(), PSP22Error> {
        self.context()?;
        let fx = self.data.increase_allowance(caller(), spender, delta)?;
        Ok(self.apply(fx)?)
    }

    pub fn decrease_allowance(&mut self, spender: AccountId, delta: TokenAmount) -> Result<(), PSP22Error> {
        self.context()?;
        let fx = self.data.decrease_allowance(caller(), spender, delta)?;
        Ok(self.apply(fx)?)
    }

    pub fn token_name(&self) -> Option<String> {
        Some(self.stored_metadata().name)
    }

    pub fn token_symbol(&self) -> Option<String> {
        Some(self.stored_metadata().symbol)
    }

    pub fn token_decimals(&self) -> u8 {
        self.stored_metadata().decimals
    }

    // ---- patronage -----------------------------------------------------------------------

    pub fn claim_patronage_credit(&mut self) -> Result<(), Error> {
        let bond = self.bond()?;
        let fx = self.data.claim_patronage_credit(caller(), now(), paid(), bond)?;
        self.apply(fx)
    }

    pub fn reduce_patronage_rate_to(&mut self, rate: u32) -> Result<(), Error> {
        self.context()?;
        let fx = self.data.reduce_patronage_rate_to(caller(), now(), rate)?;
        self.apply(fx)
    }

    pub fn claimable_patronage(&self) -> TokenAmount {
        self.data.claimable_patronage(now())
    }

    // ---- revenue split -------------------------------------------------------------------

    pub fn issue_revenue_split(
        &mut self,
        start: Option<BlockNumber>,
        duration: BlockNumber,
    ) -> Result<(), Error> {
        let context = self.context()?;
        let fx =
            self.data
                .issue_revenue_split(caller(), now(), paid(), &context.constraints, start, duration)?;
        self.apply(fx)
    }

    pub fn set_revenue_source(&mut self, source: Option<AccountId>) -> Result<(), Error> {
        self.context()?;
        let fx = self.data.set_revenue_source(caller(), source)?;
        self.apply(fx)
    }

    pub fn revenue_source(&self) -> Option<AccountId> {
        self.data.revenue_source()
    }

    pub fn fund_revenue_split(
        &mut self,
        start: Option<BlockNumber>,
        duration: BlockNumber,
    ) -> Result<(), Error> {
        let context = self.context()?;
        let fx =
            self.data
                .fund_revenue_split(caller(), now(), paid(), &context.constraints, start, duration)?;
        self.apply(fx)
    }

    pub fn participate_in_split(&mut self, amount: TokenAmount) -> Result<(), Error> {
        self.context()?;
        let fx = self.data.participate_in_split(caller(), now(), amount)?;
        self.apply(fx)
    }

    pub fn exit_revenue_split(&mut self) -> Result<(), Error> {
        self.context()?;
        let fx = self.data.exit_revenue_split(caller(), now())?;
        self.apply(fx)
    }

    pub fn finalize_revenue_split(&mut self) -> Result<(), Error> {
        self.context()?;
        let fx = self.data.finalize_revenue_split(now())?;
        self.apply(fx)
    }

    pub fn revenue_split(&self) -> Option<RevenueSplit> {
        self.data.info.revenue_split
    }

    pub fn dividend_preview(&self, amount: TokenAmount) -> Balance {
        self.data.dividend_preview(amount)
    }

    // ---- fixed-price sale ----------------------------------------------------------------

    pub fn init_token_sale(
        &mut self,
        params: SaleParams,
        earnings_destination: Option<AccountId>,
        auto_finalize: bool,
    ) -> Result<(), Error> {
        let call = self.call()?;
        let fx = self
            .data
            .init_token_sale(&call, params, earnings_destination, auto_finalize)?;
        self.apply(fx)
    }

    pub fn update_upcoming_sale(
        &mut self,
        new_start: Option<BlockNumber>,
        new_duration: Option<BlockNumber>,
    ) -> Result<(), Error> {
        let context = self.context()?;
        let fx =
            self.data
                .update_upcoming_sale(caller(), now(), &context.constraints, new_start, new_duration)?;
        self.apply(fx)
    }

    pub fn purchase_tokens_on_sale(
        &mut self,
        amount: TokenAmount,
        access: Option<SaleAccessProof>,
    ) -> Result<(), Error> {
        let call = self.call()?;
        let fx = self.data.purchase_tokens_on_sale(&call, amount, access)?;
        self.apply(fx)
    }

    pub fn finalize_token_sale(&mut self) -> Result<(), Error> {
        self.context()?;
        let fx = self.data.finalize_token_sale(caller(), now(), this())?;
        self.apply(fx)
    }

    /// Works while frozen and after deissue: it only returns what the caller is owed.
    pub fn withdraw_held_payout(&mut self) -> Result<(), Error> {
        self.ensure_layout()?;
        let fx = self.data.withdraw_held_payout(caller())?;
        self.apply(fx)
    }

    pub fn offering_state(&self) -> OfferingState {
        self.data.offering_state(now())
    }

    pub fn current_sale(&self) -> Option<TokenSale> {
        self.data.sale()
    }

    pub fn purchased_on_sale(&self, buyer: AccountId) -> TokenAmount {
        self.data.purchased_on_sale(buyer)
    }

    pub fn sale_quote(&self, amount: TokenAmount) -> Result<SaleQuote, Error> {
        self.data.sale_quote(amount, self.constraints.sale_fee())
    }

    // ---- bonding-curve AMM ---------------------------------------------------------------

    pub fn activate_amm(&mut self, slope: Balance, intercept: Balance) -> Result<(), Error> {
        let context = self.context()?;
        let fx = self
            .data
            .activate_amm(caller(), now(), &context.constraints, slope, intercept)?;
        self.apply(fx)
    }

    pub fn buy_on_amm(
        &mut self,
        amount: TokenAmount,
        max_cost: Option<Balance>,
        deadline: Option<BlockNumber>,
    ) -> Result<(), Error> {
        let call = self.call()?;
        let fx = self.data.buy_on_amm(&call, amount, max_cost, deadline)?;
        self.apply(fx)
    }

    pub fn sell_on_amm(
        &mut self,
        amount: TokenAmount,
        min_proceeds: Balance,
        deadline: Option<BlockNumber>,
    ) -> Result<(), Error> {
        let call = self.call()?;
        let fx = self.data.sell_on_amm(&call, amount, min_proceeds, deadline)?;
        self.apply(fx)
    }

    pub fn deactivate_amm(&mut self) -> Result<(), Error> {
        let context = self.context()?;
        let fx = self
            .data
            .deactivate_amm(caller(), self.factory, &context.constraints)?;
        self.apply(fx)
    }

    pub fn amm_state(&self) -> Option<AmmState> {
        self.data.amm()
    }

    pub fn quote_buy(&self, amount: TokenAmount) -> Result<AmmQuote, Error> {
        self.data.quote_buy(amount, self.constraints.amm_buy_fee())
    }

    pub fn quote_sell(&self, amount: TokenAmount) -> Result<AmmQuote, Error> {
        self.data.quote_sell(amount, self.constraints.amm_sell_fee())
    }

    pub fn max_buy_for_budget(&self, budget: Balance) -> Result<TokenAmount, Error> {
        self.data
            .max_buy_for_budget(budget, self.constraints.amm_buy_fee())
    }

    // ---- burning (settles patronage first, hence here) ----------------------------------

    /// PSP22Burnable's `burn`, with its error type.
    pub fn burn(&mut self, value: TokenAmount) -> Result<(), PSP22Error> {
        self.context()?;
        let fx = self.data.burn(caller(), now(), value)?;
        Ok(self.apply(fx)?)
    }
}

/// The issuer role, bond deposits, held payouts and queries (see `messages`).
impl TokenState {
    pub fn issuer_transfer(&mut self, outputs: Vec<TransferOutput>, metadata: Vec<u8>) -> Result<(), Error> {
        let call = self.call()?;
        let fx = self.data.issuer_transfer(&call, outputs, metadata)?;
        self.apply(fx)
    }

    pub fn change_to_permissionless(&mut self) -> Result<(), Error> {
        self.context()?;
        let fx = self.data.change_to_permissionless(caller())?;
        self.apply(fx)
    }

    pub fn propose_issuer(&mut self, new_issuer: Option<AccountId>) -> Result<(), Error> {
        self.context()?;
        let fx = self.data.propose_issuer(caller(), new_issuer)?;
        self.apply(fx)
    }

    pub fn accept_issuer(&mut self) -> Result<(), Error> {
        self.context()?;
        let caller = caller();
        // Validate, have the factory re-index, then change the role.
        self.data.ensure_pending_issuer(caller)?;
        factory_link::record_issuer_change(self.factory, self.data.info.token_id, caller)?;
        let fx = self.data.accept_issuer(caller)?;
        self.apply(fx)
    }

    pub fn deissue(&mut self, issuer: AccountId) -> Result<(), Error> {
        // No factory query here: the factory is the caller (it checked the frozen flag),
        // and pallet-contracts refuses the re-entrant call back into it.
        self.data.ensure_live()?;
        let fx = self.data.deissue(caller() == self.factory, issuer)?;
        self.apply(fx)
    }

    pub fn deposit_for_bonds(&mut self) -> Result<(), Error> {
        self.context()?;
        let fx = self.data.deposit_for_bonds(caller(), paid())?;
        self.apply(fx)
    }

    pub fn withdraw_bond_deposit(&mut self, amount: Balance) -> Result<(), Error> {
        let fx = self.data.withdraw_bond_deposit(caller(), amount)?;
        self.apply(fx)
    }

    pub fn bond_deposit_of(&self, owner: AccountId) -> Balance {
        self.data.bond_deposit_of(owner)
    }

    pub fn token_info(&self) -> TokenInfo {
        self.data.info.clone()
    }

    pub fn token_metadata(&self) -> TokenMetadata {
        self.stored_metadata()
    }

    pub fn factory(&self) -> AccountId {
        self.factory
    }

    pub fn libraries(&self) -> TokenLibraries {
        self.libraries
    }

    pub fn account_info(&self, owner: AccountId) -> Option<AccountInfo> {
        self.data.account_info(owner, now())
    }

    pub fn is_account(&self, owner: AccountId) -> bool {
        self.data.is_account(owner)
    }

    pub fn transferrable_at(&self, owner: AccountId, block: BlockNumber) -> TokenAmount {
        self.data.transferrable_at(owner, block)
    }

    pub fn vesting_locked_at(&self, owner: AccountId, block: BlockNumber) -> TokenAmount {
        self.data.vesting_locked_at(owner, block)
    }

    pub fn joy_liabilities(&self) -> Balance {
        self.data.joy_liabilities()
    }

    pub fn current_bloat_bond(&self) -> Balance {
        self.constraints.bloat_bond
    }

    pub fn token_constraints(&self) -> TokenConstraints {
        self.constraints
    }

    pub fn is_frozen(&self) -> bool {
        self.parameters().frozen
    }

    pub fn payout_held_for(&self, account: AccountId) -> Balance {
        self.data.payout_held_for(account)
    }
}
