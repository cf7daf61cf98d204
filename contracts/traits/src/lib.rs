//! Types and interfaces shared by the Creator Token (`crt`) and its `factory`.
//!
//! Rates are parts per million in plain `u32` (Contracts UI edits them as numbers; 10 000 = 1 %),
//! times are block numbers, and amounts are base units of one of two kinds: `Balance` for JOY,
//! the chain's currency (what clients show with the chain's decimals), `TokenAmount` for a
//! creator token (shown with the token's own decimals).
#![cfg_attr(not(feature = "std"), no_std, no_main)]

use ink::prelude::{string::String, vec::Vec};
use ink::primitives::{AccountId, Hash};

pub use crt_core::merkle::{ProofStep, Side, MAX_PROOF_LEN};
pub use crt_core::vesting::{VestingSchedule, VestingScheduleParams, VestingSource, MAX_VESTING_SCHEDULES};
pub use crt_core::Permill;

pub mod effects;
pub mod factory_link;
pub mod held;
pub mod issuance;
#[cfg(feature = "stand-ins")]
pub mod off_chain;
pub use issuance::{InitialAllocation, IssuanceError, IssuanceParams, TransferPolicy};

/// An amount of JOY, the chain's currency, in its base units.
pub type Balance = u128;
/// An amount of a creator token in its base units (`10^decimals` base units make one token).
/// A separate name from `Balance`, so that clients do not scale it by the chain's decimals.
pub type TokenAmount = u128;

/// The code a token runs by delegate call besides its own (uploaded once, never
/// instantiated, pinned by every token that uses it). One library per group of messages, so a
/// message loads only its group's code: pallet-contracts charges a call for all the code it
/// loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct TokenLibraries {
    /// `crt_library`: patronage, revenue split, sale, issuer role, bond deposits, held
    /// payouts, burn, queries.
    pub main: Hash,
    /// `amm_library`: the bonding-curve AMM.
    pub amm: Hash,
    /// `accounts_library`: `multi_transfer`, dusting, the whitelist join, the metadata
    /// queries.
    pub accounts: Hash,
}

impl TokenLibraries {
    pub fn hashes(&self) -> [Hash; 3] {
        [self.main, self.amm, self.accounts]
    }

    /// Whether the token's code and its libraries are all different code (a library must not
    /// be the token's own code, and each group needs its own).
    pub fn distinct_from(&self, token_code: Hash) -> bool {
        let [main, amm, accounts] = self.hashes();
        token_code != main
            && token_code != amm
            && token_code != accounts
            && main != amm
            && main != accounts
            && amm != accounts
    }
}
pub type BlockNumber = u32;
pub type TokenId = u64;

/// Most outputs in one `multi_transfer` / `issuer_transfer` (the runtime's `MaxOutputs`).
pub const MAX_OUTPUTS: usize = 24;
/// Most accounts an issuance may create.
pub const MAX_INITIAL_ALLOCATIONS: usize = 64;
/// Longest metadata (issuance, transfers) in bytes.
pub const MAX_METADATA_LEN: usize = 1024;
/// Longest token name in bytes.
pub const MAX_NAME_LEN: usize = 64;
/// Longest symbol (ASCII letters and digits).
pub const MAX_SYMBOL_LEN: usize = 12;
/// 100 % in parts per million.
pub const PERMILL_ONE: u32 = crt_core::math::PERMILL_ONE;

/// Hard caps on what governance may set, fixed in code so that no parameter update can take
/// more of a payment than users were told. A sale's platform fee: at most 10 %.
pub const SALE_PLATFORM_FEE_CAP: u32 = 100_000;
/// AMM buy and sell fees: at most 5 % each.
pub const AMM_TX_FEE_CAP: u32 = 50_000;
/// The AMM deactivation threshold: at most 5 % of the supply may be AMM-provided tokens when
/// the issuer deactivates (the reserve left then goes to the treasury, so this bounds the
/// share of holders whose tokens lose their buyer of last resort).
pub const AMM_DEACTIVATION_THRESHOLD_CAP: u32 = 50_000;
/// A revenue split starts at most 30 days (6-second blocks) after it is issued...
pub const REVENUE_SPLIT_TIME_TO_START_CAP: BlockNumber = 432_000;
/// ...and lasts at most about half a year: holders' stakes are locked no longer than that.
pub const REVENUE_SPLIT_DURATION_CAP: BlockNumber = 2_629_800;

/// The global parameters governance sets for every token (defaults: the Joystream pallet's production values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct TokenConstraints {
    /// JOY charged per new token account, refunded when the account is dusted.
    pub bloat_bond: Balance,
    /// Shortest fixed-price sale, in blocks.
    pub min_sale_duration: BlockNumber,
    /// Shortest revenue split, in blocks.
    pub min_revenue_split_duration: BlockNumber,
    /// Least delay between issuing a revenue split and its start, in blocks.
    pub min_revenue_split_time_to_start: BlockNumber,
    /// Longest delay between issuing a revenue split and its start, in blocks (at most
    /// `REVENUE_SPLIT_TIME_TO_START_CAP`).
    pub max_revenue_split_time_to_start: BlockNumber,
    /// Longest revenue split, in blocks (at most `REVENUE_SPLIT_DURATION_CAP`).
    pub max_revenue_split_duration: BlockNumber,
    /// Platform fee on sale payments, parts per million (at most `SALE_PLATFORM_FEE_CAP`).
    pub sale_platform_fee: u32,
    /// Largest AMM-provided share of supply that still allows deactivation, ppm (at most
    /// `AMM_DEACTIVATION_THRESHOLD_CAP`).
    pub amm_deactivation_threshold: u32,
    /// Fee on AMM buys, ppm (at most `AMM_TX_FEE_CAP`).
    pub amm_buy_tx_fee: u32,
    /// Fee on AMM sells, ppm (at most `AMM_TX_FEE_CAP`).
    pub amm_sell_tx_fee: u32,
    /// Highest yearly patronage rate a token may be issued with, ppm.
    pub max_yearly_patronage_rate: u32,
    /// Smallest AMM curve slope, JOY base units per whole token per whole token of AMM supply.
    pub min_amm_slope: Balance,
}

impl TokenConstraints {
    /// The reference's production values, with the chain-specific bloat bond.
    pub const fn defaults(bloat_bond: Balance) -> Self {
        Self {
            bloat_bond,
            min_sale_duration: 14_400,
            min_revenue_split_duration: 302_400,
            min_revenue_split_time_to_start: 0,
            max_revenue_split_time_to_start: 100_800,
            max_revenue_split_duration: 1_209_600,
            sale_platform_fee: 20_000,
            amm_deactivation_threshold: 0,
            amm_buy_tx_fee: 3_000,
            amm_sell_tx_fee: 3_000,
            max_yearly_patronage_rate: 150_000,
            min_amm_slope: 1_000_000,
        }
    }

    /// Every fee and the deactivation threshold within its hard cap, the patronage limit at
    /// most 100 %, and the revenue-split window bounds ordered and within their caps.
    pub fn is_valid(&self) -> bool {
        self.sale_platform_fee <= SALE_PLATFORM_FEE_CAP
            && self.amm_buy_tx_fee <= AMM_TX_FEE_CAP
            && self.amm_sell_tx_fee <= AMM_TX_FEE_CAP
            && self.amm_deactivation_threshold <= AMM_DEACTIVATION_THRESHOLD_CAP
            && self.max_yearly_patronage_rate <= PERMILL_ONE
            && self.min_revenue_split_time_to_start <= self.max_revenue_split_time_to_start
            && self.max_revenue_split_time_to_start <= REVENUE_SPLIT_TIME_TO_START_CAP
            && self.min_revenue_split_duration <= self.max_revenue_split_duration
            && self.max_revenue_split_duration <= REVENUE_SPLIT_DURATION_CAP
    }

    /// The sale platform fee, never above its cap (whatever was stored).
    pub fn sale_fee(&self) -> u32 {
        self.sale_platform_fee.min(SALE_PLATFORM_FEE_CAP)
    }

    /// The AMM buy fee, never above its cap.
    pub fn amm_buy_fee(&self) -> u32 {
        self.amm_buy_tx_fee.min(AMM_TX_FEE_CAP)
    }

    /// The AMM sell fee, never above its cap.
    pub fn amm_sell_fee(&self) -> u32 {
        self.amm_sell_tx_fee.min(AMM_TX_FEE_CAP)
    }

    /// The AMM deactivation threshold, never above its cap.
    pub fn amm_threshold(&self) -> u32 {
        self.amm_deactivation_threshold
            .min(AMM_DEACTIVATION_THRESHOLD_CAP)
    }

    /// The constraints with every `Some` field of `update` written over.
    pub fn updated(&self, update: &TokenConstraintsUpdate) -> Self {
        Self {
            bloat_bond: update.bloat_bond.unwrap_or(self.bloat_bond),
            min_sale_duration: update.min_sale_duration.unwrap_or(self.min_sale_duration),
            min_revenue_split_duration: update
                .min_revenue_split_duration
                .unwrap_or(self.min_revenue_split_duration),
            min_revenue_split_time_to_start: update
                .min_revenue_split_time_to_start
                .unwrap_or(self.min_revenue_split_time_to_start),
            max_revenue_split_time_to_start: update
                .max_revenue_split_time_to_start
                .unwrap_or(self.max_revenue_split_time_to_start),
            max_revenue_split_duration: update
                .max_revenue_split_duration
                .unwrap_or(self.max_revenue_split_duration),
            sale_platform_fee: update.sale_platform_fee.unwrap_or(self.sale_platform_fee),
            amm_deactivation_threshold: update
                .amm_deactivation_threshold
                .unwrap_or(self.amm_deactivation_threshold),
            amm_buy_tx_fee: update.amm_buy_tx_fee.unwrap_or(self.amm_buy_tx_fee),
            amm_sell_tx_fee: update.amm_sell_tx_fee.unwrap_or(self.amm_sell_tx_fee),
            max_yearly_patronage_rate: update
                .max_yearly_patronage_rate
                .unwrap_or(self.max_yearly_patronage_rate),
            min_amm_slope: update.min_amm_slope.unwrap_or(self.min_amm_slope),
        }
    }
}

/// A partial update of [`TokenConstraints`]: `None` keeps the current value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct TokenConstraintsUpdate {
    /// New bloat bond per account, JOY base units.
    pub bloat_bond: Option<Balance>,
    /// New shortest sale, blocks.
    pub min_sale_duration: Option<BlockNumber>,
    /// New shortest revenue split, blocks.
    pub min_revenue_split_duration: Option<BlockNumber>,
    /// New least delay before a split starts, blocks.
    pub min_revenue_split_time_to_start: Option<BlockNumber>,
    /// New longest delay before a split starts, blocks (capped).
    pub max_revenue_split_time_to_start: Option<BlockNumber>,
    /// New longest revenue split, blocks (capped).
    pub max_revenue_split_duration: Option<BlockNumber>,
    /// New sale platform fee, ppm (capped at 10 %).
    pub sale_platform_fee: Option<u32>,
    /// New AMM deactivation threshold, ppm of supply (capped at 5 %).
    pub amm_deactivation_threshold: Option<u32>,
    /// New AMM buy fee, ppm (capped at 5 %).
    pub amm_buy_tx_fee: Option<u32>,
    /// New AMM sell fee, ppm (capped at 5 %).
    pub amm_sell_tx_fee: Option<u32>,
    /// New highest yearly patronage rate for new tokens, ppm.
    pub max_yearly_patronage_rate: Option<u32>,
    /// New smallest AMM slope, JOY base units per whole token per whole token.
    pub min_amm_slope: Option<Balance>,
}

/// What a token needs from its factory when a message runs: one query, one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct TokenContext {
    /// Governance's emergency switch: while set, every state-changing token message fails.
    pub frozen: bool,
    /// Governance's current parameters.
    pub constraints: TokenConstraints,
    /// Blocks per year on this chain (patronage compounding).
    pub blocks_per_year: BlockNumber,
}

/// The factory interface tokens call. Selectors are those of `CrtFactory::<message>`.
#[ink::trait_definition]
pub trait CrtFactory {
    /// The frozen flag and the current governance parameters.
    #[ink(message)]
    fn token_context(&self) -> TokenContext;

    /// Called by a token when its issuer role changes hands, so the factory's index by issuer
    /// follows. Returns `false` (and changes nothing) unless the caller is the registered
    /// contract of `token_id`.
    #[ink(message)]
    fn record_issuer_change(&mut self, token_id: TokenId, new_issuer: AccountId) -> bool;
}

/// A token as the factory indexes it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct TokenRecord {
    /// The token's id, counting up from 0.
    pub token_id: TokenId,
    /// The token contract.
    pub address: AccountId,
    /// The token's symbol as issued.
    pub symbol: String,
    /// The current issuer.
    pub issuer: AccountId,
    /// Position in the issuer's list (internal bookkeeping for O(1) removal).
    pub issuer_slot: u32,
    /// Block of issuance.
    pub issued_at: BlockNumber,
}

/// The case-insensitive key of a symbol: ASCII letters and digits, upper-cased, or `None` when
/// the symbol is empty, too long or has any other character (no look-alike Unicode symbols).
pub fn symbol_key(symbol: &str) -> Option<Vec<u8>> {
    let bytes = symbol.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_SYMBOL_LEN {
        return None;
    }
    if !bytes.iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some(bytes.to_ascii_uppercase())
}

/// Code hash type re-exported for the factory's messages.
pub type CodeHash = Hash;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_keys_are_case_insensitive_and_strict() {
        assert_eq!(symbol_key("joy"), Some(b"JOY".to_vec()));
        assert_eq!(symbol_key("JoY"), symbol_key("jOy"));
        assert_eq!(symbol_key(""), None);
        assert_eq!(symbol_key("ABCDEFGHIJKLM"), None);
        assert_eq!(symbol_key("J Y"), None);
        assert_eq!(symbol_key("JÖY"), None);
        assert_eq!(symbol_key("A1"), Some(b"A1".to_vec()));
    }

    #[test]
    fn updates_overwrite_only_given_fields() {
        let base = TokenConstraints::defaults(100);
        let update = TokenConstraintsUpdate {
            bloat_bond: Some(7),
            amm_sell_tx_fee: Some(1),
            ..Default::default()
        };
        let new = base.updated(&update);
        assert_eq!(new.bloat_bond, 7);
        assert_eq!(new.amm_sell_tx_fee, 1);
        assert_eq!(
            TokenConstraints {
                bloat_bond: 100,
                amm_sell_tx_fee: 3_000,
                ..new
            },
            base
        );
        assert!(base.is_valid());
        assert!(!TokenConstraints {
            sale_platform_fee: SALE_PLATFORM_FEE_CAP + 1,
            ..base
        }
        .is_valid());
        assert!(!TokenConstraints {
            max_revenue_split_duration: base.min_revenue_split_duration - 1,
            ..base
        }
        .is_valid());
    }
}
