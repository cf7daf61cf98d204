//! # Creator Token library
//!
//! Code, uploaded once and never instantiated, that every token contract runs by delegate
//! call for its sale, revenue-split, patronage, issuer, bond-deposit, held-payout, burn and
//! query messages, the AMM's activation, deactivation and quotes, and deployment
//! (`crt-logic/src/library_messages.rs` holds their logic; the token forwards their calls
//! here). The AMM's trades have their own library, `amm_library`, and the account messages
//! theirs, `accounts_library`. Under a delegate
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
    use crt_logic::data::{RevenueSplit, TokenInfo};
    use crt_logic::messages;
    use crt_logic::queries::{AccountInfo, TokenMetadata};
    use crt_logic::sale::{OfferingState, SaleAccessProof, SaleParams, SaleQuote, TokenSale};
    use crt_logic::state::TokenState;
    use crt_logic::token_messages::Deployment;
    use crt_logic::transfers::TransferOutput;
    use crt_logic::{Error, TokenAmount};
    use crt_traits::{TokenConstraints, TokenLibraries};
    use ink::prelude::vec::Vec;
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

        /// A token's deployment, run by the token's `deploy` entry point with the arguments
        /// of its constructor `new`, in order: fills in the empty state the entry point
        /// stored. Documented on the token's constructor.
        ///
        /// # Errors
        /// `TokenAlreadyDeployed` on a token that holds state (anyone may send this selector
        /// to a live token), then the constructor's.
        #[ink(message, payable)]
        pub fn deploy_token(&mut self, deployment: Deployment) -> Result<(), Error> {
            self.state.fill_in(deployment)
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
        fn claimable_patronage(&self) -> TokenAmount {
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
        fn set_revenue_source(&mut self, source: Option<AccountId>) -> Result<(), Error> {
            self.state.set_revenue_source(source)
        }

        #[ink(message)]
        fn revenue_source(&self) -> Option<AccountId> {
            self.state.revenue_source()
        }

        #[ink(message, payable)]
        fn fund_revenue_split(
            &mut self,
            start: Option<BlockNumber>,
            duration: BlockNumber,
        ) -> Result<(), Error> {
            self.state.fund_revenue_split(start, duration)
        }

        #[ink(message)]
        fn participate_in_split(&mut self, amount: TokenAmount) -> Result<(), Error> {
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
        fn dividend_preview(&self, amount: TokenAmount) -> Balance {
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
            amount: TokenAmount,
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
        fn purchased_on_sale(&self, buyer: AccountId) -> TokenAmount {
            self.state.purchased_on_sale(buyer)
        }

        #[ink(message)]
        fn sale_quote(&self, amount: TokenAmount) -> Result<SaleQuote, Error> {
            self.state.sale_quote(amount)
        }
    }

    impl messages::AmmCurve for Crt {
        #[ink(message)]
        fn activate_amm(&mut self, slope: Balance, intercept: Balance) -> Result<(), Error> {
            self.state.activate_amm(slope, intercept)
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
        fn quote_buy(&self, amount: TokenAmount) -> Result<AmmQuote, Error> {
            self.state.quote_buy(amount)
        }

        #[ink(message)]
        fn quote_sell(&self, amount: TokenAmount) -> Result<AmmQuote, Error> {
            self.state.quote_sell(amount)
        }

        #[ink(message)]
        fn max_buy_for_budget(&self, budget: Balance) -> Result<TokenAmount, Error> {
            self.state.max_buy_for_budget(budget)
        }
    }

    impl messages::HeldPayouts for Crt {
        #[ink(message)]
        fn withdraw_held_payout(&mut self) -> Result<(), Error> {
            self.state.withdraw_held_payout()
        }
        #[ink(message)]
        fn payout_held_for(&self, account: AccountId) -> Balance {
            self.state.payout_held_for(account)
        }
    }

    impl messages::Governed for Crt {
        #[ink(message)]
        fn sync_constraints(&mut self) -> Result<(), Error> {
            self.state.sync_constraints()
        }
    }

    impl messages::Issuer for Crt {
        #[ink(message, payable)]
        fn issuer_transfer(&mut self, outputs: Vec<TransferOutput>, metadata: Vec<u8>) -> Result<(), Error> {
            self.state.issuer_transfer(outputs, metadata)
        }

        #[ink(message)]
        fn change_to_permissionless(&mut self) -> Result<(), Error> {
            self.state.change_to_permissionless()
        }

        #[ink(message)]
        fn propose_issuer(&mut self, new_issuer: Option<AccountId>) -> Result<(), Error> {
            self.state.propose_issuer(new_issuer)
        }

        #[ink(message)]
        fn accept_issuer(&mut self) -> Result<(), Error> {
            self.state.accept_issuer()
        }

        #[ink(message)]
        fn deissue(&mut self, issuer: AccountId) -> Result<(), Error> {
            self.state.deissue(issuer)
        }
    }

    impl messages::BondDeposits for Crt {
        #[ink(message, payable)]
        fn deposit_for_bonds(&mut self) -> Result<(), Error> {
            self.state.deposit_for_bonds()
        }

        #[ink(message)]
        fn withdraw_bond_deposit(&mut self, amount: Balance) -> Result<(), Error> {
            self.state.withdraw_bond_deposit(amount)
        }

        #[ink(message)]
        fn bond_deposit_of(&self, owner: AccountId) -> Balance {
            self.state.bond_deposit_of(owner)
        }
    }

    impl messages::TokenQueries for Crt {
        #[ink(message)]
        fn token_info(&self) -> TokenInfo {
            self.state.token_info()
        }

        #[ink(message)]
        fn token_metadata(&self) -> TokenMetadata {
            self.state.token_metadata()
        }

        #[ink(message)]
        fn factory(&self) -> AccountId {
            self.state.factory()
        }

        #[ink(message)]
        fn libraries(&self) -> TokenLibraries {
            self.state.libraries()
        }

        #[ink(message)]
        fn account_info(&self, owner: AccountId) -> Option<AccountInfo> {
            self.state.account_info(owner)
        }

        #[ink(message)]
        fn is_account(&self, owner: AccountId) -> bool {
            self.state.is_account(owner)
        }

        #[ink(message)]
        fn transferrable_at(&self, owner: AccountId, block: BlockNumber) -> TokenAmount {
            self.state.transferrable_at(owner, block)
        }

        #[ink(message)]
        fn vesting_locked_at(&self, owner: AccountId, block: BlockNumber) -> TokenAmount {
            self.state.vesting_locked_at(owner, block)
        }

        #[ink(message)]
        fn joy_liabilities(&self) -> Balance {
            self.state.joy_liabilities()
        }

        #[ink(message)]
        fn current_bloat_bond(&self) -> Balance {
            self.state.current_bloat_bond()
        }

        #[ink(message)]
        fn token_constraints(&self) -> TokenConstraints {
            self.state.token_constraints()
        }

        #[ink(message)]
        fn is_frozen(&self) -> bool {
            self.state.is_frozen()
        }
    }

    impl PSP22Burnable for Crt {
        /// The token's `PSP22Burnable::burn`.
        #[ink(message)]
        fn burn(&mut self, value: TokenAmount) -> Result<(), PSP22Error> {
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

        /// The token's `deploy` entry point calls `deploy_token` by this selector.
        #[test]
        fn the_deployment_message_has_the_selector_the_token_calls() {
            assert_eq!(
                ink::selector_bytes!("deploy_token"),
                crt_logic::forward::DEPLOY_TOKEN
            );
        }
    }
}
