//! # PSP22 router
//!
//! The smallest contract that does what DEXes, routers and payment contracts do with a PSP22
//! token: it receives tokens at its own address and later pays them out to an address of a
//! user's choosing, with a plain PSP22 `transfer` (no JOY, no knowledge of the token beyond
//! the standard). The end-to-end suite deploys it to check that Creator Tokens compose with
//! such contracts, including payments to addresses that hold no account yet.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract]
pub mod psp22_router {
    use ink::prelude::vec::Vec;
    use psp22::{PSP22Error, PSP22};

    #[ink(storage)]
    #[derive(Default)]
    pub struct Psp22Router {}

    impl Psp22Router {
        /// A router with no state: it only forwards what it holds.
        #[ink(constructor)]
        pub fn new() -> Self {
            Self {}
        }

        /// Pays `value` of `token`, held by this router, to `to` with a PSP22 `transfer`, and
        /// returns the token's answer.
        #[ink(message)]
        pub fn pay_out(&mut self, token: AccountId, to: AccountId, value: u128) -> Result<(), PSP22Error> {
            let mut token: ink::contract_ref!(PSP22) = token.into();
            token.transfer(to, value, Vec::new())
        }
    }
}
