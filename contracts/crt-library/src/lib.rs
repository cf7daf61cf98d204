//! # Creator Token library
//!
//! Code, uploaded once and never instantiated, that every token contract runs by delegate
//! call for its sale, AMM, revenue-split, patronage and burn messages (`crt-logic/src/library_messages.rs`
//! holds their logic; the token's messages of the same names forward here). Under a delegate
//! call this code works on the calling token's storage, balance, caller and value, so its
//! storage is declared exactly as the token's: a root struct named `Crt` with one
//! `TokenState` field named `state` (ink! derives storage keys from those names).
//!
//! Messages carry the token's selectors (same names, and `PSP22Burnable::burn`) and return
//! the token's types; the token's message docs are the reference for errors and events.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract]
pub mod crt_library {
    use crt_logic::amm::{AmmQuote, AmmState};
    use crt_logic::data::RevenueSplit;
    use crt_logic::sale::{OfferingState, SaleAccessProof, SaleParams, SaleQuote, TokenSale};
    use crt_logic::state::TokenState;
    use crt_logic::Error;
    use psp22::{PSP22Burnable, PSP22Error};

    /// The token's storage (see the crate docs for why the names must stay as they are).
    #[ink(storage)]
    pub struct Crt {
        state: TokenState,
    }

    impl Crt {
        /// Refuses: this code only runs inside a token, by delegate call. Upload it and give
        /// its code hash to the factory.
        ///
        /// # Errors
        /// `LibraryCodeOnly`, always.
        #[ink(constructor)]
        pub fn new() -> Result<Self, Error> {
            Err(Error::LibraryCodeOnly)
        }

        /// The token's `claim_patronage_credit`.
        #[ink(message, payable)]
        pub fn claim_patronage_credit(&mut self) -> Result<(), Error> {
            self.state.claim_patronage_credit()
        }

        /// The token's `reduce_patronage_rate_to`.
        #[ink(message)]
        pub fn reduce_patronage_rate_to(&mut self, rate: u32) -> Result<(), Error> {
            self.state.reduce_patronage_rate_to(rate)
        }

        /// The token's `claimable_patronage`.
        #[ink(message)]
        pub fn claimable_patronage(&self) -> Balance {
            self.state.claimable_patronage()
        }

        /// The token's `issue_revenue_split`.
        #[ink(message, payable)]
        pub fn issue_revenue_split(
            &mut self,
            start: Option<BlockNumber>,
            duration: BlockNumber,
        ) -> Result<(), Error> {
            self.state.issue_revenue_split(start, duration)
        }

        /// The token's `participate_in_split`.
        #[ink(message)]
        pub fn participate_in_split(&mut self, amount: Balance) -> Result<(), Error> {
            self.state.participate_in_split(amount)
        }

        /// The token's `exit_revenue_split`.
        #[ink(message)]
        pub fn exit_revenue_split(&mut self) -> Result<(), Error> {
            self.state.exit_revenue_split()
        }

        /// The token's `finalize_revenue_split`.
        #[ink(message)]
        pub fn finalize_revenue_split(&mut self) -> Result<(), Error> {
            self.state.finalize_revenue_split()
        }

        /// The token's `revenue_split`.
        #[ink(message)]
        pub fn revenue_split(&self) -> Option<RevenueSplit> {
            self.state.revenue_split()
        }

        /// The token's `dividend_preview`.
        #[ink(message)]
        pub fn dividend_preview(&self, amount: Balance) -> Balance {
            self.state.dividend_preview(amount)
        }

        /// The token's `init_token_sale`.
        #[ink(message)]
        pub fn init_token_sale(
            &mut self,
            params: SaleParams,
            earnings_destination: Option<AccountId>,
            auto_finalize: bool,
        ) -> Result<(), Error> {
            self.state
                .init_token_sale(params, earnings_destination, auto_finalize)
        }

        /// The token's `update_upcoming_sale`.
        #[ink(message)]
        pub fn update_upcoming_sale(
            &mut self,
            new_start: Option<BlockNumber>,
            new_duration: Option<BlockNumber>,
        ) -> Result<(), Error> {
            self.state.update_upcoming_sale(new_start, new_duration)
        }

        /// The token's `purchase_tokens_on_sale`.
        #[ink(message, payable)]
        pub fn purchase_tokens_on_sale(
            &mut self,
            amount: Balance,
            access: Option<SaleAccessProof>,
        ) -> Result<(), Error> {
            self.state.purchase_tokens_on_sale(amount, access)
        }

        /// The token's `finalize_token_sale`.
        #[ink(message)]
        pub fn finalize_token_sale(&mut self) -> Result<(), Error> {
            self.state.finalize_token_sale()
        }

        /// The token's `sync_constraints`.
        #[ink(message)]
        pub fn sync_constraints(&mut self) -> Result<(), Error> {
            self.state.sync_constraints()
        }

        /// The token's `withdraw_held_payout`.
        #[ink(message)]
        pub fn withdraw_held_payout(&mut self) -> Result<(), Error> {
            self.state.withdraw_held_payout()
        }

        /// The token's `offering_state`.
        #[ink(message)]
        pub fn offering_state(&self) -> OfferingState {
            self.state.offering_state()
        }

        /// The token's `current_sale`.
        #[ink(message)]
        pub fn current_sale(&self) -> Option<TokenSale> {
            self.state.current_sale()
        }

        /// The token's `purchased_on_sale`.
        #[ink(message)]
        pub fn purchased_on_sale(&self, buyer: AccountId) -> Balance {
            self.state.purchased_on_sale(buyer)
        }

        /// The token's `sale_quote`.
        #[ink(message)]
        pub fn sale_quote(&self, amount: Balance) -> Result<SaleQuote, Error> {
            self.state.sale_quote(amount)
        }

        /// The token's `activate_amm`.
        #[ink(message)]
        pub fn activate_amm(&mut self, slope: Balance, intercept: Balance) -> Result<(), Error> {
            self.state.activate_amm(slope, intercept)
        }

        /// The token's `buy_on_amm`.
        #[ink(message, payable)]
        pub fn buy_on_amm(
            &mut self,
            amount: Balance,
            max_cost: Option<Balance>,
            deadline: Option<BlockNumber>,
        ) -> Result<(), Error> {
            self.state.buy_on_amm(amount, max_cost, deadline)
        }

        /// The token's `sell_on_amm`.
        #[ink(message)]
        pub fn sell_on_amm(
            &mut self,
            amount: Balance,
            min_proceeds: Balance,
            deadline: Option<BlockNumber>,
        ) -> Result<(), Error> {
            self.state.sell_on_amm(amount, min_proceeds, deadline)
        }

        /// The token's `deactivate_amm`.
        #[ink(message)]
        pub fn deactivate_amm(&mut self) -> Result<(), Error> {
            self.state.deactivate_amm()
        }

        /// The token's `amm_state`.
        #[ink(message)]
        pub fn amm_state(&self) -> Option<AmmState> {
            self.state.amm_state()
        }

        /// The token's `quote_buy`.
        #[ink(message)]
        pub fn quote_buy(&self, amount: Balance) -> Result<AmmQuote, Error> {
            self.state.quote_buy(amount)
        }

        /// The token's `quote_sell`.
        #[ink(message)]
        pub fn quote_sell(&self, amount: Balance) -> Result<AmmQuote, Error> {
            self.state.quote_sell(amount)
        }

        /// The token's `max_buy_for_budget`.
        #[ink(message)]
        pub fn max_buy_for_budget(&self, budget: Balance) -> Result<Balance, Error> {
            self.state.max_buy_for_budget(budget)
        }
    }

    impl PSP22Burnable for Crt {
        /// The token's `PSP22Burnable::burn`.
        #[ink(message)]
        fn burn(&mut self, value: Balance) -> Result<(), PSP22Error> {
            self.state.burn(value)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn cannot_be_instantiated() {
            assert_eq!(Crt::new().err(), Some(Error::LibraryCodeOnly));
        }
    }
}
