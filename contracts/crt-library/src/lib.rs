//! # Creator Token library
//!
//! Code, uploaded once and never instantiated, that every token contract runs by delegate
//! call for its sale, AMM, revenue-split, patronage and burn messages (`crt-logic/src/library_messages.rs`
//! holds their logic; the token's messages of the same names forward here). Under a delegate
//! call this code works on the calling token's storage, balance, caller and value, so its
//! storage is declared exactly as the token's: a root struct named `Crt` with one
//! `TokenState` field named `state` (ink! derives storage keys from those names).
//!
//! Its messages implement the traits of `crt_logic::messages` (and `PSP22Burnable`), as the
//! token's forwarding stubs do: the compiler checks the two against each other, and the
//! selectors are the same by construction. The traits' docs are the reference.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract]
pub mod crt_library {
    use crt_logic::amm::{AmmQuote, AmmState};
    use crt_logic::data::RevenueSplit;
    use crt_logic::messages;
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
    }

    impl messages::Patronage for Crt {
        #[ink(message, payable)]
        fn claim_patronage_credit(&mut self) -> Result<(), Error> {
            self.state.claim_patronage_credit()
        }

        #[ink(message)]
        fn reduce_patronage_rate_to(&mut self, rate: u32) -> Result<(), Error> {
            self.state.reduce_patronage_rate_to(rate)
        }

        #[ink(message)]
        fn claimable_patronage(&self) -> Balance {
            self.state.claimable_patronage()
        }
    }

    impl messages::RevenueSplit for Crt {
        #[ink(message, payable)]
        fn issue_revenue_split(
            &mut self,
            start: Option<BlockNumber>,
            duration: BlockNumber,
        ) -> Result<(), Error> {
            self.state.issue_revenue_split(start, duration)
        }

        #[ink(message)]
        fn participate_in_split(&mut self, amount: Balance) -> Result<(), Error> {
            self.state.participate_in_split(amount)
        }

        #[ink(message)]
        fn exit_revenue_split(&mut self) -> Result<(), Error> {
            self.state.exit_revenue_split()
        }

        #[ink(message)]
        fn finalize_revenue_split(&mut self) -> Result<(), Error> {
            self.state.finalize_revenue_split()
        }

        #[ink(message)]
        fn revenue_split(&self) -> Option<RevenueSplit> {
            self.state.revenue_split()
        }

        #[ink(message)]
        fn dividend_preview(&self, amount: Balance) -> Balance {
            self.state.dividend_preview(amount)
        }
    }

    impl messages::Sale for Crt {
        #[ink(message)]
        fn init_token_sale(
            &mut self,
            params: SaleParams,
            earnings_destination: Option<AccountId>,
            auto_finalize: bool,
        ) -> Result<(), Error> {
            self.state
                .init_token_sale(params, earnings_destination, auto_finalize)
        }

        #[ink(message)]
        fn update_upcoming_sale(
            &mut self,
            new_start: Option<BlockNumber>,
            new_duration: Option<BlockNumber>,
        ) -> Result<(), Error> {
            self.state.update_upcoming_sale(new_start, new_duration)
        }

        #[ink(message, payable)]
        fn purchase_tokens_on_sale(
            &mut self,
            amount: Balance,
            access: Option<SaleAccessProof>,
        ) -> Result<(), Error> {
            self.state.purchase_tokens_on_sale(amount, access)
        }

        #[ink(message)]
        fn finalize_token_sale(&mut self) -> Result<(), Error> {
            self.state.finalize_token_sale()
        }

        #[ink(message)]
        fn offering_state(&self) -> OfferingState {
            self.state.offering_state()
        }

        #[ink(message)]
        fn current_sale(&self) -> Option<TokenSale> {
            self.state.current_sale()
        }

        #[ink(message)]
        fn purchased_on_sale(&self, buyer: AccountId) -> Balance {
            self.state.purchased_on_sale(buyer)
        }

        #[ink(message)]
        fn sale_quote(&self, amount: Balance) -> Result<SaleQuote, Error> {
            self.state.sale_quote(amount)
        }
    }

    impl messages::Amm for Crt {
        #[ink(message)]
        fn activate_amm(&mut self, slope: Balance, intercept: Balance) -> Result<(), Error> {
            self.state.activate_amm(slope, intercept)
        }

        #[ink(message, payable)]
        fn buy_on_amm(
            &mut self,
            amount: Balance,
            max_cost: Option<Balance>,
            deadline: Option<BlockNumber>,
        ) -> Result<(), Error> {
            self.state.buy_on_amm(amount, max_cost, deadline)
        }

        #[ink(message)]
        fn sell_on_amm(
            &mut self,
            amount: Balance,
            min_proceeds: Balance,
            deadline: Option<BlockNumber>,
        ) -> Result<(), Error> {
            self.state.sell_on_amm(amount, min_proceeds, deadline)
        }

        #[ink(message)]
        fn deactivate_amm(&mut self) -> Result<(), Error> {
            self.state.deactivate_amm()
        }

        #[ink(message)]
        fn amm_state(&self) -> Option<AmmState> {
            self.state.amm_state()
        }

        #[ink(message)]
        fn quote_buy(&self, amount: Balance) -> Result<AmmQuote, Error> {
            self.state.quote_buy(amount)
        }

        #[ink(message)]
        fn quote_sell(&self, amount: Balance) -> Result<AmmQuote, Error> {
            self.state.quote_sell(amount)
        }

        #[ink(message)]
        fn max_buy_for_budget(&self, budget: Balance) -> Result<Balance, Error> {
            self.state.max_buy_for_budget(budget)
        }
    }

    impl messages::HeldPayouts for Crt {
        #[ink(message)]
        fn withdraw_held_payout(&mut self) -> Result<(), Error> {
            self.state.withdraw_held_payout()
        }
    }

    impl messages::Governed for Crt {
        #[ink(message)]
        fn sync_constraints(&mut self) -> Result<(), Error> {
            self.state.sync_constraints()
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
