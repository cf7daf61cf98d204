//! # Creator Token AMM library
//!
//! Code, uploaded once and never instantiated, that every token contract runs by delegate
//! call for the messages of the `Amm` trait: bonding-curve buys and sells. It is its own
//! library, apart from `crt_library` (which runs the curve's activation, deactivation and
//! quotes), so that a buy or a sell loads the trade's code and nothing else: pallet-contracts
//! charges a call for all the code it loads.
//!
//! Under a delegate call this code works on the calling token's storage, balance, caller and
//! value, so its storage is declared exactly as the token's: a root struct named `Crt` with one
//! `TokenState` field (same cells). Its messages implement `crt_logic::messages::Amm`, as the
//! token's declaration does, so selectors, arguments and `payable` match by construction. The
//! trait's docs are the reference; the bodies are in `crt_logic::library_messages`.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract]
pub mod amm_library {
    use crt_logic::messages;
    use crt_logic::state::TokenState;
    use crt_logic::{Error, TokenAmount};

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

    impl messages::Amm for Crt {
        #[ink(message, payable)]
        fn buy_on_amm(
            &mut self,
            amount: TokenAmount,
            max_cost: Option<Balance>,
            deadline: Option<BlockNumber>,
        ) -> Result<(), Error> {
            self.state.buy_on_amm(amount, max_cost, deadline)
        }

        #[ink(message)]
        fn sell_on_amm(
            &mut self,
            amount: TokenAmount,
            min_proceeds: Balance,
            deadline: Option<BlockNumber>,
        ) -> Result<(), Error> {
            self.state.sell_on_amm(amount, min_proceeds, deadline)
        }
    }
}
