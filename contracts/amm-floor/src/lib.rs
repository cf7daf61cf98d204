//! # AMM floor
//!
//! Not part of the suite: the benchmark's measure of what an AMM buy or sell must cost on
//! pallet-contracts whatever the code, for comparison with the token's. It does the same
//! storage and balance work as a token's `buy_on_amm` / `sell_on_amm` and nothing else: it
//! reads and writes a root cell, the trader's account cell and the AMM's cell, each of the
//! size the token's are (given to the constructor), moves the JOY (the reserve stays in the
//! contract, the platform fee goes to the treasury, a sale's proceeds to the seller), and
//! emits one event with a topic. No pricing, no checks, no library: its code is as small as
//! an ink! contract gets.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract]
pub mod amm_floor {
    use ink::prelude::{vec, vec::Vec};
    use ink::storage::{Lazy, Mapping};

    fn zeros(len: u32) -> Vec<u8> {
        vec![0; usize::try_from(len).unwrap_or_default()]
    }

    #[ink(storage)]
    pub struct AmmFloor {
        treasury: AccountId,
        /// Stands for the token's root cell.
        root: Vec<u8>,
        accounts: Mapping<AccountId, Vec<u8>>,
        amm: Lazy<Vec<u8>>,
        account_len: u32,
    }

    #[ink(event)]
    pub struct Traded {
        #[ink(topic)]
        trader: AccountId,
        amount: Balance,
        joy: Balance,
    }

    impl AmmFloor {
        /// Cells of `root_len`, `account_len` and `amm_len` bytes; fees go to `treasury`.
        #[ink(constructor)]
        pub fn new(treasury: AccountId, root_len: u32, account_len: u32, amm_len: u32) -> Self {
            let mut amm = Lazy::new();
            amm.set(&zeros(amm_len));
            Self {
                treasury,
                root: zeros(root_len),
                accounts: Mapping::new(),
                amm,
                account_len,
            }
        }

        /// Nothing: what any message of this contract costs before its work (the call, the
        /// code loaded, the root cell read and decoded, as ink! does for every message).
        #[ink(message)]
        pub fn noop(&self) {}

        /// A buy's work: the JOY sent is the reserve's part and a 1 % fee.
        #[ink(message, payable)]
        pub fn buy(&mut self, amount: Balance) {
            let paid = self.env().transferred_value();
            let fee = paid / 100;
            self.trade(amount, paid);
            self.env().transfer(self.treasury, fee).expect("fee");
        }

        /// A sale's work: `proceeds` JOY to the seller and a 1 % fee to the treasury.
        #[ink(message)]
        pub fn sell(&mut self, amount: Balance, proceeds: Balance) {
            self.trade(amount, proceeds);
            let fee = proceeds / 100;
            self.env()
                .transfer(self.env().caller(), proceeds)
                .expect("proceeds");
            self.env().transfer(self.treasury, fee).expect("fee");
        }

        fn trade(&mut self, amount: Balance, joy: Balance) {
            let trader = self.env().caller();
            let mut account = self
                .accounts
                .get(trader)
                .unwrap_or_else(|| zeros(self.account_len));
            account[0] = account[0].wrapping_add(1);
            self.accounts.insert(trader, &account);
            let mut amm = self.amm.get().unwrap_or_default();
            if let Some(byte) = amm.first_mut() {
                *byte = byte.wrapping_add(1);
            }
            self.amm.set(&amm);
            if let Some(byte) = self.root.first_mut() {
                *byte = byte.wrapping_add(1);
            }
            self.env().emit_event(Traded { trader, amount, joy });
        }
    }
}
