//! # Live marker
//!
//! A contract whose only meaning is its existence: while it exists, the suite is live; while it
//! does not, the suite is frozen. The factory creates it when it is deployed and whenever
//! governance unfreezes, and removes it when governance freezes.
//!
//! Why a contract rather than a flag in the factory: a token must check the flag on every
//! state-changing message, PSP22 transfers included. Asking the factory is a cross-contract call
//! that loads the factory's whole code (pallet-contracts charges ref_time per code byte and puts
//! the code into the proof); asking whether an account is a contract (`is_contract`) reads one
//! storage item and loads no code. The factory re-creates the marker from the same code, input
//! and salt, so it always has the same address, which every token is given at deployment.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract]
pub mod live_marker {
    #[ink(storage)]
    pub struct LiveMarker {
        /// The account that created the marker (the factory); only it can remove it.
        creator: AccountId,
    }

    // A constructor, not a value: the marker's creator is whoever instantiates it.
    #[allow(clippy::new_without_default)]
    impl LiveMarker {
        /// Created by the factory: the suite is live from now on.
        #[ink(constructor)]
        pub fn new() -> Self {
            Self {
                creator: Self::env().caller(),
            }
        }

        /// The creator only: removes the marker (the suite is frozen from now on) and returns
        /// its balance to the creator. Returns `false`, and changes nothing, for anyone else.
        #[ink(message)]
        pub fn remove(&mut self) -> bool {
            if self.env().caller() != self.creator {
                return false;
            }
            self.env().terminate_contract(self.creator)
        }

        /// The account that created the marker.
        #[ink(message)]
        pub fn creator(&self) -> AccountId {
            self.creator
        }
    }
}
