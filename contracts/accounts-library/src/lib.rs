//! # Creator Token accounts library
//!
//! Code, uploaded once and never instantiated, that every token contract runs by delegate
//! call for its account messages beyond PSP22 (`Accounts`: `multi_transfer`, `dust_account`,
//! `join_whitelist`), PSP22's allowance increments and the PSP22Metadata queries. They live apart from the token's own code
//! so that a PSP22 call loads only the PSP22 path, and apart from the main library so that they
//! load little besides: pallet-contracts charges a call for all the code it loads.
//!
//! Under a delegate call this code works on the calling token's storage, balance, caller and
//! value, so its storage is declared exactly as the token's: a root struct named `Crt` with one
//! `TokenState` field (same cells). Its messages implement the same traits as the token's
//! declaration, so selectors, arguments and `payable` match by construction; the traits' docs
//! are the reference, the bodies are in `crt_logic::library_messages`.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract]
pub mod accounts_library {
    use crt_logic::messages;
    use crt_logic::state::TokenState;
    use crt_logic::transfers::MultiTransferOutput;
    use crt_logic::{Error, TokenAmount};
    use crt_traits::ProofStep;
    use ink::prelude::{string::String, vec::Vec};
    use psp22::{PSP22Error, PSP22Metadata, PSP22};

    /// The token's storage (see the crate docs).
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

    impl messages::Accounts for Crt {
        #[ink(message, payable)]
        fn multi_transfer(
            &mut self,
            outputs: Vec<MultiTransferOutput>,
            metadata: Vec<u8>,
        ) -> Result<(), Error> {
            self.state.multi_transfer(outputs, metadata)
        }

        #[ink(message)]
        fn dust_account(&mut self, account: AccountId) -> Result<(), Error> {
            self.state.dust_account(account)
        }

        #[ink(message, payable)]
        fn join_whitelist(&mut self, proof: Vec<ProofStep>) -> Result<(), Error> {
            self.state.join_whitelist(proof)
        }
    }

    /// The token runs PSP22's transfers, allowances and balances from its own code and hands
    /// only the allowance increments here, so the other messages of the trait (which ink!
    /// needs implemented whole) are never reached and carry no code.
    impl PSP22 for Crt {
        #[ink(message)]
        fn increase_allowance(
            &mut self,
            spender: AccountId,
            delta_value: TokenAmount,
        ) -> Result<(), PSP22Error> {
            self.state.increase_allowance(spender, delta_value)
        }

        #[ink(message)]
        fn decrease_allowance(
            &mut self,
            spender: AccountId,
            delta_value: TokenAmount,
        ) -> Result<(), PSP22Error> {
            self.state.decrease_allowance(spender, delta_value)
        }

        #[ink(message)]
        fn total_supply(&self) -> TokenAmount {
            unreachable!("run by the token itself")
        }

        #[ink(message)]
        fn balance_of(&self, _owner: AccountId) -> TokenAmount {
            unreachable!("run by the token itself")
        }

        #[ink(message)]
        fn allowance(&self, _owner: AccountId, _spender: AccountId) -> TokenAmount {
            unreachable!("run by the token itself")
        }

        #[ink(message)]
        fn transfer(
            &mut self,
            _to: AccountId,
            _value: TokenAmount,
            _data: Vec<u8>,
        ) -> Result<(), PSP22Error> {
            unreachable!("run by the token itself")
        }

        #[ink(message)]
        fn transfer_from(
            &mut self,
            _from: AccountId,
            _to: AccountId,
            _value: TokenAmount,
            _data: Vec<u8>,
        ) -> Result<(), PSP22Error> {
            unreachable!("run by the token itself")
        }

        #[ink(message)]
        fn approve(&mut self, _spender: AccountId, _value: TokenAmount) -> Result<(), PSP22Error> {
            unreachable!("run by the token itself")
        }
    }

    impl PSP22Metadata for Crt {
        #[ink(message)]
        fn token_name(&self) -> Option<String> {
            self.state.token_name()
        }

        #[ink(message)]
        fn token_symbol(&self) -> Option<String> {
            self.state.token_symbol()
        }

        #[ink(message)]
        fn token_decimals(&self) -> u8 {
            self.state.token_decimals()
        }
    }
}
