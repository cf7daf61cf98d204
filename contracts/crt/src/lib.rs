//! # Creator Token (CRT)
//!
//! One contract per token, deployed by the `factory`. PSP22 + PSP22Metadata + PSP22Burnable
//! (standard selectors from the `psp22` crate), vesting, bloat bonds, permissioned mode with a
//! Merkle whitelist, issuer hand-over.
//!
//! Two views of one contract:
//! - `entry.rs`: the token's Wasm entry points. They run the PSP22 messages from the token's
//!   own code, and hand every other message, undecoded, to one of its libraries by delegate
//!   call (`crt_logic::forward`): the AMM to `amm_library`; `multi_transfer`, dust, the
//!   whitelist join and the metadata queries to `accounts_library`; the rest, deployment
//!   included, to `crt_library`. A call loads only the code it needs.
//! - The `#[ink::contract]` module below: every message with its docs, as clients see it —
//!   the metadata, the off-chain unit tests (where the library messages run directly: the
//!   off-chain engine cannot delegate-call), and `CrtRef` for contracts calling the token. It
//!   is left out of the token's own Wasm.
//!
//! Both run the same bodies: `crt_logic::token_messages` for the token's own messages,
//! `crt_logic::library_messages` for the libraries'.
#![cfg_attr(not(feature = "std"), no_std, no_main)]
// Production code only: tests compute expected values with plain arithmetic.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_access;
#[cfg(test)]
mod tests_amm;
#[cfg(test)]
mod tests_hardening;
#[cfg(test)]
mod tests_hostile;
#[cfg(test)]
mod tests_invariants;
#[cfg(test)]
mod tests_revenue;
#[cfg(test)]
mod tests_sale;
#[cfg(test)]
mod tests_transfers;

pub use crt_logic::{Balance, Error, TokenAmount};

/// The token's own Wasm build: hand-written entry points (see `entry.rs`) instead of the ones
/// `#[ink::contract]` generates, which is then left out of that build.
#[cfg(all(target_arch = "wasm32", not(feature = "ink-as-dependency")))]
mod entry;

/// The body of a message the token's Wasm hands to a library (`entry.rs`): in the declaration
/// below, which clients and `CrtRef` see and which is never deployed, it only runs in unit
/// tests (the state method the library runs on chain, directly: the off-chain engine cannot
/// delegate-call).
#[cfg(not(all(target_arch = "wasm32", not(feature = "ink-as-dependency"))))]
macro_rules! in_library {
    ($self:ident, $message:ident($($arg:expr),*)) => {{
        #[cfg(not(test))]
        {
            let _ = ($(&$arg,)*);
            unreachable!("the token's entry points hand this message to a library")
        }
        #[cfg(test)]
        return $self.state.$message($($arg),*);
    }};
}

#[cfg(not(all(target_arch = "wasm32", not(feature = "ink-as-dependency"))))]
#[ink::contract]
pub mod crt {
    use crt_traits::{IssuanceParams, ProofStep, TokenConstraints, TokenLibraries};
    use ink::prelude::{string::String, vec::Vec};
    use psp22::{PSP22Burnable, PSP22Error, PSP22Metadata, PSP22};

    pub use crt_logic::amm::{AmmQuote, AmmState};
    #[cfg(test)]
    use crt_logic::data::TokenData;
    use crt_logic::data::{RevenueSplit, TokenInfo};
    use crt_logic::messages;
    use crt_logic::queries::{AccountInfo, TokenMetadata};
    pub use crt_logic::sale::{OfferingState, SaleAccessProof, SaleParams, SaleQuote, TokenSale};
    use crt_logic::state::TokenState;
    use crt_logic::token_messages::Deployment;
    pub use crt_logic::transfers::{MultiTransferOutput, TransferOutput};
    pub use crt_logic::{Error, TokenAmount};

    /// The token's storage is one [`TokenState`], shared with the library code (same names,
    /// same storage keys: see `state.rs`).
    #[ink(storage)]
    pub struct Crt {
        /// All of it; see `TokenState`.
        state: TokenState,
    }

    impl Crt {
        /// Deploys a token; called by the factory's `issue_token`, which validated `params`
        /// against `constraints` (governance's parameters, of which the token keeps a copy:
        /// see `sync_constraints`) and forwards the bloat bonds as the endowment.
        /// `blocks_per_year` is the chain's (patronage compounding); `live_marker` the
        /// factory's live marker (the suite is frozen while it does not exist); `libraries`
        /// the code hashes of the token libraries (`crt_library`, `amm_library`,
        /// `accounts_library`) the token's
        /// other messages run from, fixed for the token's life: the token takes a delegate
        /// dependency on each, so their code cannot be removed while the token exists (and a
        /// hash with no code makes the deployment fail).
        /// `token_id` and `issuer` are the factory's registry id for the token and its creator.
        /// The caller is recorded as the factory. Creates one account per non-zero allocation.
        ///
        /// # Errors
        /// `InvalidIssuanceParams` (malformed parameters), `InsufficientBloatBond` (endowment
        /// below the bloat bond × accounts), `InvalidVestingParams` / `BlockNumberOverflow`
        /// (an allocation's vesting), `ArithmeticOverflow`.
        ///
        /// # Events
        /// A PSP22 `Transfer` (from `None`) per allocation, `VestingScheduleAdded` per vested
        /// allocation, `BondCharged` per account when the bond is not zero.
        #[ink(constructor, payable)]
        pub fn new(
            libraries: TokenLibraries,
            token_id: u64,
            issuer: AccountId,
            params: IssuanceParams,
            constraints: TokenConstraints,
            blocks_per_year: BlockNumber,
            live_marker: AccountId,
        ) -> Result<Self, Error> {
            let deployment = Deployment {
                libraries,
                token_id,
                issuer,
                params,
                constraints,
                blocks_per_year,
                live_marker,
            };
            Ok(Self {
                state: TokenState::deploy(deployment)?,
            })
        }

        /// The logic behind the wiring, for unit tests of errors the PSP22 mapping hides.
        #[cfg(test)]
        pub(crate) fn data_mut(&mut self) -> &mut TokenData {
            &mut self.state.data
        }

        /// The whole state, for unit tests of methods no message of the declaration exposes.
        #[cfg(test)]
        pub(crate) fn state_mut(&mut self) -> &mut TokenState {
            &mut self.state
        }

        /// Pretends the token was deployed with another storage layout (unit tests).
        #[cfg(test)]
        pub(crate) fn set_layout_for_test(&mut self, layout: u32) {
            self.state.layout = layout;
        }
    }

    impl PSP22 for Crt {
        /// Circulating supply.
        #[ink(message)]
        fn total_supply(&self) -> TokenAmount {
            self.state.data.info.total_supply
        }

        /// Everything `owner` holds, vesting-locked and staked tokens included (see
        /// `account_info` for the transferrable part). The token contract's own balance is
        /// the sale escrow, so balances always add up to the supply.
        #[ink(message)]
        fn balance_of(&self, owner: AccountId) -> TokenAmount {
            self.state.balance_of(owner)
        }

        /// What `spender` may still move from `owner` with `transfer_from`.
        #[ink(message)]
        fn allowance(&self, owner: AccountId, spender: AccountId) -> TokenAmount {
            self.state.data.allowance(owner, spender)
        }

        /// Moves `value` of the caller's transferrable tokens to `to`; to oneself or zero:
        /// nothing moves. A new destination gets an account: its bloat bond comes from the
        /// caller's `deposit_for_bonds` when that covers it, and otherwise the account is
        /// created without a bond (the chain's storage deposit, which pallet-contracts charges
        /// the transaction's signer for the new entry, pays for it), so contracts that never
        /// deposited — DEXes, routers — can pay new addresses. Permissioned: `to` must exist.
        /// `value` is in token base units; `data` is not used.
        ///
        /// # Errors
        /// `InsufficientBalance` (transferrable too low), `Custom("Frozen")`,
        /// `Custom("DestinationAccountDoesNotExist")`.
        ///
        /// # Events
        /// `Transfer`, `BondCharged` when an account is created with a bond.
        #[ink(message)]
        fn transfer(&mut self, to: AccountId, value: TokenAmount, data: Vec<u8>) -> Result<(), PSP22Error> {
            drop(data);
            self.state.transfer(to, value)
        }

        /// As `transfer`: moves `value` tokens from `from` to `to` using the caller's
        /// allowance; the caller's bond deposit pays for a new destination; `data` is not used.
        ///
        /// # Errors
        /// `InsufficientAllowance`, then as `transfer`.
        ///
        /// # Events
        /// `Approval` (new allowance), `Transfer`.
        #[ink(message)]
        fn transfer_from(
            &mut self,
            from: AccountId,
            to: AccountId,
            value: TokenAmount,
            data: Vec<u8>,
        ) -> Result<(), PSP22Error> {
            drop(data);
            self.state.transfer_from(from, to, value)
        }

        /// Lets `spender` move up to `value` of the caller's tokens with `transfer_from`
        /// (replacing any allowance before).
        ///
        /// # Events
        /// `Approval`.
        #[ink(message)]
        fn approve(&mut self, spender: AccountId, value: TokenAmount) -> Result<(), PSP22Error> {
            self.state.approve(spender, value)
        }

        /// Raises `spender`'s allowance from the caller by `delta_value`.
        ///
        /// # Errors
        /// `Custom("ArithmeticOverflow")` past `u128::MAX`, `Custom("Frozen")`.
        ///
        /// # Events
        /// `Approval`.
        #[ink(message)]
        fn increase_allowance(
            &mut self,
            spender: AccountId,
            delta_value: TokenAmount,
        ) -> Result<(), PSP22Error> {
            in_library!(self, increase_allowance(spender, delta_value))
        }

        /// Lowers `spender`'s allowance from the caller by `delta_value`.
        ///
        /// # Errors
        /// `InsufficientAllowance`.
        ///
        /// # Events
        /// `Approval`.
        #[ink(message)]
        fn decrease_allowance(
            &mut self,
            spender: AccountId,
            delta_value: TokenAmount,
        ) -> Result<(), PSP22Error> {
            in_library!(self, decrease_allowance(spender, delta_value))
        }
    }

    impl PSP22Metadata for Crt {
        /// The token's name.
        #[ink(message)]
        fn token_name(&self) -> Option<String> {
            in_library!(self, token_name())
        }

        /// The token's symbol (unique among the factory's live tokens).
        #[ink(message)]
        fn token_symbol(&self) -> Option<String> {
            in_library!(self, token_symbol())
        }

        /// Decimals: one token is `10^decimals` base units.
        #[ink(message)]
        fn token_decimals(&self) -> u8 {
            in_library!(self, token_decimals())
        }
    }

    impl messages::Accounts for Crt {
        #[ink(message, payable)]
        fn multi_transfer(
            &mut self,
            outputs: Vec<MultiTransferOutput>,
            metadata: Vec<u8>,
        ) -> Result<(), Error> {
            in_library!(self, multi_transfer(outputs, metadata))
        }

        #[ink(message)]
        fn dust_account(&mut self, account: AccountId) -> Result<(), Error> {
            in_library!(self, dust_account(account))
        }

        #[ink(message, payable)]
        fn join_whitelist(&mut self, proof: Vec<ProofStep>) -> Result<(), Error> {
            in_library!(self, join_whitelist(proof))
        }
    }

    impl messages::Patronage for Crt {
        #[ink(message, payable)]
        fn claim_patronage_credit(&mut self) -> Result<(), Error> {
            in_library!(self, claim_patronage_credit())
        }

        #[ink(message)]
        fn reduce_patronage_rate_to(&mut self, rate: u32) -> Result<(), Error> {
            in_library!(self, reduce_patronage_rate_to(rate))
        }

        #[ink(message)]
        fn claimable_patronage(&self) -> TokenAmount {
            in_library!(self, claimable_patronage())
        }
    }

    impl messages::RevenueSplit for Crt {
        #[ink(message, payable)]
        fn issue_revenue_split(
            &mut self,
            start: Option<BlockNumber>,
            duration: BlockNumber,
        ) -> Result<(), Error> {
            in_library!(self, issue_revenue_split(start, duration))
        }

        #[ink(message)]
        fn set_revenue_source(&mut self, source: Option<AccountId>) -> Result<(), Error> {
            in_library!(self, set_revenue_source(source))
        }

        #[ink(message)]
        fn revenue_source(&self) -> Option<AccountId> {
            in_library!(self, revenue_source())
        }

        #[ink(message, payable)]
        fn fund_revenue_split(
            &mut self,
            start: Option<BlockNumber>,
            duration: BlockNumber,
        ) -> Result<(), Error> {
            in_library!(self, fund_revenue_split(start, duration))
        }

        #[ink(message)]
        fn participate_in_split(&mut self, amount: TokenAmount) -> Result<(), Error> {
            in_library!(self, participate_in_split(amount))
        }

        #[ink(message)]
        fn exit_revenue_split(&mut self) -> Result<(), Error> {
            in_library!(self, exit_revenue_split())
        }

        #[ink(message)]
        fn finalize_revenue_split(&mut self) -> Result<(), Error> {
            in_library!(self, finalize_revenue_split())
        }

        #[ink(message)]
        fn revenue_split(&self) -> Option<RevenueSplit> {
            in_library!(self, revenue_split())
        }

        #[ink(message)]
        fn dividend_preview(&self, amount: TokenAmount) -> Balance {
            in_library!(self, dividend_preview(amount))
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
            in_library!(self, update_upcoming_sale(new_start, new_duration))
        }

        #[ink(message, payable)]
        fn purchase_tokens_on_sale(
            &mut self,
            amount: TokenAmount,
            access: Option<SaleAccessProof>,
        ) -> Result<(), Error> {
            in_library!(self, purchase_tokens_on_sale(amount, access))
        }

        #[ink(message)]
        fn finalize_token_sale(&mut self) -> Result<(), Error> {
            in_library!(self, finalize_token_sale())
        }

        #[ink(message)]
        fn offering_state(&self) -> OfferingState {
            in_library!(self, offering_state())
        }

        #[ink(message)]
        fn current_sale(&self) -> Option<TokenSale> {
            in_library!(self, current_sale())
        }

        #[ink(message)]
        fn purchased_on_sale(&self, buyer: AccountId) -> TokenAmount {
            in_library!(self, purchased_on_sale(buyer))
        }

        #[ink(message)]
        fn sale_quote(&self, amount: TokenAmount) -> Result<SaleQuote, Error> {
            in_library!(self, sale_quote(amount))
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
            in_library!(self, buy_on_amm(amount, max_cost, deadline))
        }

        #[ink(message)]
        fn sell_on_amm(
            &mut self,
            amount: TokenAmount,
            min_proceeds: Balance,
            deadline: Option<BlockNumber>,
        ) -> Result<(), Error> {
            in_library!(self, sell_on_amm(amount, min_proceeds, deadline))
        }
    }

    impl messages::AmmCurve for Crt {
        #[ink(message)]
        fn activate_amm(&mut self, slope: Balance, intercept: Balance) -> Result<(), Error> {
            in_library!(self, activate_amm(slope, intercept))
        }

        #[ink(message)]
        fn deactivate_amm(&mut self) -> Result<(), Error> {
            in_library!(self, deactivate_amm())
        }

        #[ink(message)]
        fn amm_state(&self) -> Option<AmmState> {
            in_library!(self, amm_state())
        }

        #[ink(message)]
        fn quote_buy(&self, amount: TokenAmount) -> Result<AmmQuote, Error> {
            in_library!(self, quote_buy(amount))
        }

        #[ink(message)]
        fn quote_sell(&self, amount: TokenAmount) -> Result<AmmQuote, Error> {
            in_library!(self, quote_sell(amount))
        }

        #[ink(message)]
        fn max_buy_for_budget(&self, budget: Balance) -> Result<TokenAmount, Error> {
            in_library!(self, max_buy_for_budget(budget))
        }
    }

    impl messages::HeldPayouts for Crt {
        #[ink(message)]
        fn withdraw_held_payout(&mut self) -> Result<(), Error> {
            in_library!(self, withdraw_held_payout())
        }
        #[ink(message)]
        fn payout_held_for(&self, account: AccountId) -> Balance {
            in_library!(self, payout_held_for(account))
        }
    }

    impl messages::Governed for Crt {
        #[ink(message)]
        fn sync_constraints(&mut self) -> Result<(), Error> {
            in_library!(self, sync_constraints())
        }
    }

    impl messages::Issuer for Crt {
        #[ink(message, payable)]
        fn issuer_transfer(&mut self, outputs: Vec<TransferOutput>, metadata: Vec<u8>) -> Result<(), Error> {
            in_library!(self, issuer_transfer(outputs, metadata))
        }

        #[ink(message)]
        fn change_to_permissionless(&mut self) -> Result<(), Error> {
            in_library!(self, change_to_permissionless())
        }

        #[ink(message)]
        fn propose_issuer(&mut self, new_issuer: Option<AccountId>) -> Result<(), Error> {
            in_library!(self, propose_issuer(new_issuer))
        }

        #[ink(message)]
        fn accept_issuer(&mut self) -> Result<(), Error> {
            in_library!(self, accept_issuer())
        }

        #[ink(message)]
        fn deissue(&mut self, issuer: AccountId) -> Result<(), Error> {
            in_library!(self, deissue(issuer))
        }
    }

    impl messages::BondDeposits for Crt {
        #[ink(message, payable)]
        fn deposit_for_bonds(&mut self) -> Result<(), Error> {
            in_library!(self, deposit_for_bonds())
        }

        #[ink(message)]
        fn withdraw_bond_deposit(&mut self, amount: Balance) -> Result<(), Error> {
            in_library!(self, withdraw_bond_deposit(amount))
        }

        #[ink(message)]
        fn bond_deposit_of(&self, owner: AccountId) -> Balance {
            in_library!(self, bond_deposit_of(owner))
        }
    }

    impl messages::TokenQueries for Crt {
        #[ink(message)]
        fn token_info(&self) -> TokenInfo {
            in_library!(self, token_info())
        }

        #[ink(message)]
        fn token_metadata(&self) -> TokenMetadata {
            in_library!(self, token_metadata())
        }

        #[ink(message)]
        fn factory(&self) -> AccountId {
            in_library!(self, factory())
        }

        #[ink(message)]
        fn libraries(&self) -> TokenLibraries {
            in_library!(self, libraries())
        }

        #[ink(message)]
        fn account_info(&self, owner: AccountId) -> Option<AccountInfo> {
            in_library!(self, account_info(owner))
        }

        #[ink(message)]
        fn is_account(&self, owner: AccountId) -> bool {
            in_library!(self, is_account(owner))
        }

        #[ink(message)]
        fn transferrable_at(&self, owner: AccountId, block: BlockNumber) -> TokenAmount {
            in_library!(self, transferrable_at(owner, block))
        }

        #[ink(message)]
        fn vesting_locked_at(&self, owner: AccountId, block: BlockNumber) -> TokenAmount {
            in_library!(self, vesting_locked_at(owner, block))
        }

        #[ink(message)]
        fn joy_liabilities(&self) -> Balance {
            in_library!(self, joy_liabilities())
        }

        #[ink(message)]
        fn current_bloat_bond(&self) -> Balance {
            in_library!(self, current_bloat_bond())
        }

        #[ink(message)]
        fn token_constraints(&self) -> TokenConstraints {
            in_library!(self, token_constraints())
        }

        #[ink(message)]
        fn is_frozen(&self) -> bool {
            in_library!(self, is_frozen())
        }
    }

    impl PSP22Burnable for Crt {
        /// Burns `value` of the caller's tokens, vesting-locked ones first. Works during a
        /// revenue split, except on tokens staked in it before it ends. Zero is a no-op.
        ///
        /// # Errors
        /// `InsufficientBalance` (more than the account holds), `Custom("Frozen")`,
        /// `Custom("StakedTokensLockedUntilSplitEnds")`.
        ///
        /// # Events
        /// `Transfer` to `None`.
        #[ink(message)]
        fn burn(&mut self, value: TokenAmount) -> Result<(), PSP22Error> {
            in_library!(self, burn(value))
        }
    }
}
