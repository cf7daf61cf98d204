//! # Creator Token factory library
//!
//! Code, uploaded once and never instantiated, that the factory runs by delegate call for
//! issuing and deissuing tokens, governance, the treasury withdrawal and every query
//! (`factory/src/library_messages.rs` holds their logic; the factory's messages of the same names
//! forward here). Under a delegate call this code works on the factory's storage, balance,
//! caller and value, so its storage is declared exactly as the factory's: a root struct named
//! `Factory` with one `FactoryState` field named `state` (ink! derives storage keys from those
//! names).
//!
//! Messages carry the factory's selectors and return its types; the factory's message docs are
//! the reference for errors and events.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract]
pub mod factory_library {
    use crt_traits::{
        IssuanceParams, TokenConstraints, TokenConstraintsUpdate, TokenId, TokenLibraries, TokenRecord,
    };
    use factory::state::FactoryState;
    use factory::Error;
    use ink::prelude::{string::String, vec::Vec};

    /// The factory's storage (see the crate docs for why the names must stay as they are).
    #[ink(storage)]
    pub struct Factory {
        state: FactoryState,
    }

    impl Factory {
        /// Refuses: this code only runs inside the factory, by delegate call. Upload it and
        /// give its code hash to the factory's constructor.
        ///
        /// # Errors
        /// `LibraryCodeOnly`, always.
        #[ink(constructor)]
        pub fn new() -> Result<Self, Error> {
            Err(Error::LibraryCodeOnly)
        }

        /// The factory's `issue_token`.
        #[ink(message, payable)]
        pub fn issue_token(
            &mut self,
            params: IssuanceParams,
            expected_code_hash: Hash,
            expected_libraries: TokenLibraries,
        ) -> Result<(TokenId, AccountId), Error> {
            self.state
                .issue_token(params, expected_code_hash, expected_libraries)
        }

        /// The factory's `deissue_token`.
        #[ink(message)]
        pub fn deissue_token(&mut self, token_id: TokenId) -> Result<(), Error> {
            self.state.deissue_token(token_id)
        }

        /// The factory's `update_token_constraints`.
        #[ink(message)]
        pub fn update_token_constraints(&mut self, update: TokenConstraintsUpdate) -> Result<(), Error> {
            self.state.update_token_constraints(update)
        }

        /// The factory's `set_frozen_status`.
        #[ink(message)]
        pub fn set_frozen_status(&mut self, frozen: bool) -> Result<(), Error> {
            self.state.set_frozen_status(frozen)
        }

        /// The factory's `set_token_code_hash`.
        #[ink(message)]
        pub fn set_token_code_hash(
            &mut self,
            code_hash: Hash,
            libraries: TokenLibraries,
        ) -> Result<(), Error> {
            self.state.set_token_code_hash(code_hash, libraries)
        }

        /// The factory's `propose_governance`.
        #[ink(message)]
        pub fn propose_governance(&mut self, new_governance: Option<AccountId>) -> Result<(), Error> {
            self.state.propose_governance(new_governance)
        }

        /// The factory's `accept_governance`.
        #[ink(message)]
        pub fn accept_governance(&mut self) -> Result<(), Error> {
            self.state.accept_governance()
        }

        /// The factory's `withdraw_platform_fees`.
        #[ink(message)]
        pub fn withdraw_platform_fees(&mut self, to: AccountId, amount: Balance) -> Result<(), Error> {
            self.state.withdraw_platform_fees(to, amount)
        }

        /// The factory's `governance`.
        #[ink(message)]
        pub fn governance(&self) -> AccountId {
            self.state.governance()
        }

        /// The factory's `pending_governance`.
        #[ink(message)]
        pub fn pending_governance(&self) -> Option<AccountId> {
            self.state.pending_governance()
        }

        /// The factory's `token_constraints`.
        #[ink(message)]
        pub fn token_constraints(&self) -> TokenConstraints {
            self.state.token_constraints()
        }

        /// The factory's `is_frozen`.
        #[ink(message)]
        pub fn is_frozen(&self) -> bool {
            self.state.is_frozen()
        }

        /// The factory's `token_code_hash`.
        #[ink(message)]
        pub fn token_code_hash(&self) -> Hash {
            self.state.token_code_hash()
        }

        /// The factory's `token_libraries`.
        #[ink(message)]
        pub fn token_libraries(&self) -> TokenLibraries {
            self.state.token_libraries()
        }

        /// The factory's `blocks_per_year`.
        #[ink(message)]
        pub fn blocks_per_year(&self) -> BlockNumber {
            self.state.blocks_per_year()
        }

        /// The factory's `token_count`.
        #[ink(message)]
        pub fn token_count(&self) -> u64 {
            self.state.token_count()
        }

        /// The factory's `next_token_id`.
        #[ink(message)]
        pub fn next_token_id(&self) -> TokenId {
            self.state.next_token_id()
        }

        /// The factory's `token`.
        #[ink(message)]
        pub fn token(&self, token_id: TokenId) -> Option<TokenRecord> {
            self.state.token(token_id)
        }

        /// The factory's `token_by_symbol`.
        #[ink(message)]
        pub fn token_by_symbol(&self, symbol: String) -> Option<TokenRecord> {
            self.state.token_by_symbol(symbol)
        }

        /// The factory's `token_by_address`.
        #[ink(message)]
        pub fn token_by_address(&self, address: AccountId) -> Option<TokenRecord> {
            self.state.token_by_address(address)
        }

        /// The factory's `list_tokens`.
        #[ink(message)]
        pub fn list_tokens(&self, start: TokenId, limit: u32) -> Result<Vec<TokenRecord>, Error> {
            self.state.list_tokens(start, limit)
        }

        /// The factory's `tokens_of_issuer`.
        #[ink(message)]
        pub fn tokens_of_issuer(
            &self,
            issuer: AccountId,
            offset: u32,
            limit: u32,
        ) -> Result<Vec<TokenRecord>, Error> {
            self.state.tokens_of_issuer(issuer, offset, limit)
        }

        /// The factory's `issuer_token_count`.
        #[ink(message)]
        pub fn issuer_token_count(&self, issuer: AccountId) -> u32 {
            self.state.issuer_token_count(issuer)
        }

        /// The factory's `platform_fees_available`.
        #[ink(message)]
        pub fn platform_fees_available(&self) -> Balance {
            self.state.platform_fees_available()
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn cannot_be_instantiated() {
            assert_eq!(Factory::new().err(), Some(Error::LibraryCodeOnly));
        }
    }
}
