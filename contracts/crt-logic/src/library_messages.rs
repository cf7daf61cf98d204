//! The messages the token runs from its library code (`crt-library`, by delegate call, so
//! they read and write the token's own storage and JOY): patronage, revenue split, the
//! fixed-price sale, the AMM and burning. Keeping them out of the token's code keeps the
//! token within its size target and makes every other message cheaper, since
//! pallet-contracts charges each call for the code it loads.
//!
//! The token's messages of the same names forward here (see `forward` in `lib.rs`); their
//! docs are the reference. Unit tests run these directly: the off-chain engine cannot
//! delegate-call.

use crt_traits::BlockNumber;
use ink::primitives::AccountId;
use psp22::PSP22Error;

use crate::amm::{AmmQuote, AmmState};
use crate::data::RevenueSplit;
use crate::errors::Error;
use crate::sale::{OfferingState, SaleAccessProof, SaleParams, SaleQuote, TokenSale};
use crate::state::{caller, now, paid, this, TokenState};
use crate::Balance;

impl TokenState {
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

    pub fn claimable_patronage(&self) -> Balance {
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

    pub fn participate_in_split(&mut self, amount: Balance) -> Result<(), Error> {
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

    pub fn dividend_preview(&self, amount: Balance) -> Balance {
        self.data.dividend_preview(amount)
    }

    // ---- fixed-price sale ----------------------------------------------------------------

    pub fn init_token_sale(
        &mut self,
        params: SaleParams,
        earnings_destination: Option<AccountId>,
        auto_finalize: bool,
    ) -> Result<(), Error> {
        let context = self.context()?;
        let fx = self.data.init_token_sale(
            caller(),
            now(),
            this(),
            &context.constraints,
            params,
            earnings_destination,
            auto_finalize,
        )?;
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
        amount: Balance,
        access: Option<SaleAccessProof>,
    ) -> Result<(), Error> {
        let context = self.context()?;
        let fx = self.data.purchase_tokens_on_sale(
            caller(),
            now(),
            this(),
            self.factory,
            &context.constraints,
            paid(),
            amount,
            access,
        )?;
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

    pub fn purchased_on_sale(&self, buyer: AccountId) -> Balance {
        self.data.purchased_on_sale(buyer)
    }

    pub fn sale_quote(&self, amount: Balance) -> Result<SaleQuote, Error> {
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
        amount: Balance,
        max_cost: Option<Balance>,
        deadline: Option<BlockNumber>,
    ) -> Result<(), Error> {
        let context = self.context()?;
        let fx = self.data.buy_on_amm(
            caller(),
            now(),
            self.factory,
            &context.constraints,
            paid(),
            amount,
            max_cost,
            deadline,
        )?;
        self.apply(fx)
    }

    pub fn sell_on_amm(
        &mut self,
        amount: Balance,
        min_proceeds: Balance,
        deadline: Option<BlockNumber>,
    ) -> Result<(), Error> {
        let context = self.context()?;
        let fx = self.data.sell_on_amm(
            caller(),
            now(),
            self.factory,
            &context.constraints,
            amount,
            min_proceeds,
            deadline,
        )?;
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

    pub fn quote_buy(&self, amount: Balance) -> Result<AmmQuote, Error> {
        self.data.quote_buy(amount, self.constraints.amm_buy_fee())
    }

    pub fn quote_sell(&self, amount: Balance) -> Result<AmmQuote, Error> {
        self.data.quote_sell(amount, self.constraints.amm_sell_fee())
    }

    pub fn max_buy_for_budget(&self, budget: Balance) -> Result<Balance, Error> {
        self.data
            .max_buy_for_budget(budget, self.constraints.amm_buy_fee())
    }

    // ---- burning (settles patronage first, hence here) ----------------------------------

    /// PSP22Burnable's `burn`, with its error type.
    pub fn burn(&mut self, value: Balance) -> Result<(), PSP22Error> {
        self.context()?;
        let fx = self.data.burn(caller(), now(), value)?;
        Ok(self.apply(fx)?)
    }
}
