//! The token's state (`TokenData`, the analogue of `psp22::PSP22Data`): token-wide info plus
//! the per-account mappings. Its methods take the caller and the block as arguments and return
//! [`Effects`](crate::events::Effects) or an error; the capability files (`transfers.rs`,
//! `accounts.rs`, `whitelist.rs`, …) each add theirs. Every method validates fully before it
//! writes, so an error leaves the state untouched even outside a reverting runtime.

use crt_traits::TransferPolicy;
use ink::primitives::AccountId;
use ink::storage::{Lazy, Mapping};

use crate::accounts::AccountData;
use crate::amm::AmmState;
use crate::errors::Error;
use crate::sale::TokenSale;
use crate::{Balance, TokenAmount};

/// Token-wide state, stored in the contract's root cell (read by every message).
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct TokenInfo {
    /// The token's id in the factory's registry.
    pub token_id: u64,
    /// The creator who issued the token, or whoever accepted the role since.
    pub issuer: AccountId,
    /// Successor proposed by the issuer, until accepted.
    pub pending_issuer: Option<AccountId>,
    /// Circulating supply: Σ account amounts (+ tokens in sale escrow).
    pub total_supply: TokenAmount,
    /// Minted in total, ever (issuance, patronage, AMM buys); burns do not lower it. A
    /// statistic: it saturates at `u128::MAX` rather than refusing a mint.
    pub tokens_issued: TokenAmount,
    /// Accounts that exist now (each holds a bloat bond).
    pub accounts_number: u64,
    /// Permissionless, or permissioned with a whitelist commitment.
    pub transfer_policy: TransferPolicy,
    /// Σ bloat bonds held for existing accounts (JOY the token owes back on dusting).
    pub bloat_bonds_held: Balance,
    /// Σ JOY deposited by accounts to pay bonds of PSP22 transfers.
    pub bond_deposits_total: Balance,
    /// Σ payouts held for accounts that could not receive them when paid.
    pub payouts_held_total: Balance,
    /// Yearly patronage rate, ppm (the issuer may only lower it).
    pub patronage_rate: u32,
    /// Patronage accrued up to `patronage_tally_block` and not yet claimed (kept across rate
    /// reductions and supply changes).
    pub patronage_tally: TokenAmount,
    /// The block up to which `patronage_tally` is counted.
    pub patronage_tally_block: u32,
    /// Blocks per year on this chain, from the factory.
    pub blocks_per_year: u32,
    /// Holders' share of each revenue split, ppm.
    pub revenue_split_rate: u32,
    /// The revenue split from issue until finalize; while set, the supply cannot grow.
    pub revenue_split: Option<RevenueSplit>,
    /// Id the next revenue split will get.
    pub next_revenue_split_id: u32,
    /// Id the next sale will get.
    pub next_sale_id: u32,
    /// Base units per token: 10^decimals (the AMM prices whole tokens).
    pub decimals: u8,
    /// Block of issuance.
    pub issued_at: u32,
    /// Whether the token was deissued (then only queries and withdrawals work).
    pub deissued: bool,
}

/// Everything zero, empty or off: the state before deployment fills it in.
impl Default for TokenInfo {
    fn default() -> Self {
        Self {
            token_id: 0,
            issuer: AccountId::from([0; 32]),
            pending_issuer: None,
            total_supply: 0,
            tokens_issued: 0,
            accounts_number: 0,
            transfer_policy: TransferPolicy::Permissionless,
            bloat_bonds_held: 0,
            bond_deposits_total: 0,
            payouts_held_total: 0,
            patronage_rate: 0,
            patronage_tally: 0,
            patronage_tally_block: 0,
            blocks_per_year: 0,
            revenue_split_rate: 0,
            revenue_split: None,
            next_revenue_split_id: 0,
            next_sale_id: 0,
            decimals: 0,
            issued_at: 0,
            deissued: false,
        }
    }
}

/// A revenue split: JOY the issuer paid in for holders who stake during `[start, start + duration)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct RevenueSplit {
    /// The split's id.
    pub id: u32,
    /// Holders' part of the revenue (`revenue_split_rate` × the JOY paid in).
    pub allocation: Balance,
    /// First block in which holders may participate.
    pub start: u32,
    /// How many blocks participation stays open.
    pub duration: u32,
    /// Dividends paid so far; never more than `allocation`.
    pub dividends_claimed: Balance,
}

impl RevenueSplit {
    pub fn end(&self) -> u32 {
        self.start.saturating_add(self.duration)
    }

    pub fn is_ongoing(&self, now: u32) -> bool {
        self.start <= now && now < self.end()
    }

    pub fn has_ended(&self, now: u32) -> bool {
        self.end() <= now
    }

    /// JOY still owed to stakers or, at finalize, to the issuer.
    pub fn unclaimed(&self) -> Balance {
        self.allocation.saturating_sub(self.dividends_claimed)
    }
}

/// The token's books: the root record, then one storage cell per account, allowance,
/// deposit, purchase record and held payout, and the sale and AMM in cells of their own.
#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
pub struct TokenData {
    /// The token's totals, roles and rates (in the root cell).
    pub info: TokenInfo,
    /// Every holder's account.
    accounts: Mapping<AccountId, AccountData>,
    /// PSP22 allowances by `(owner, spender)`, token base units.
    allowances: Mapping<(AccountId, AccountId), TokenAmount>,
    /// JOY each account deposited to pay the bonds of accounts its PSP22 transfers create.
    bond_deposits: Mapping<AccountId, Balance>,
    /// Tokens each buyer bought in each sale, by `(sale id, buyer)`: kept apart from the
    /// account so that dusting an account never resets its purchases against a cap.
    sale_purchases: Mapping<(u32, AccountId), TokenAmount>,
    /// Payouts an account could not receive when paid (sale earnings, split leftovers below
    /// the existential deposit, say), until it withdraws them.
    payouts_held: Mapping<AccountId, Balance>,
    /// The current sale (its own cell: only sale messages read it).
    sale: Lazy<Option<TokenSale>>,
    /// The sale's `quantity_left`, in a cell of its own that only `set_sale` writes, so that
    /// PSP22 `balance_of` of the token contract reads a number rather than the whole sale.
    escrow: Lazy<TokenAmount>,
    /// The bonding-curve AMM while active (its own cell).
    amm: Lazy<Option<AmmState>>,
    /// The contract the issuer allows to fund revenue splits (its own cell: only the split
    /// messages read it).
    revenue_source: Lazy<Option<AccountId>>,
}

impl TokenData {
    pub fn new(info: TokenInfo) -> Self {
        Self {
            info,
            accounts: Default::default(),
            allowances: Default::default(),
            bond_deposits: Default::default(),
            sale_purchases: Default::default(),
            payouts_held: Default::default(),
            sale: Default::default(),
            escrow: Default::default(),
            amm: Default::default(),
            revenue_source: Default::default(),
        }
    }

    pub fn account(&self, who: AccountId) -> Option<AccountData> {
        self.accounts.get(who)
    }

    pub fn is_account(&self, who: AccountId) -> bool {
        self.accounts.contains(who)
    }

    pub(crate) fn existing(&self, who: AccountId) -> Result<AccountData, Error> {
        self.account(who).ok_or(Error::AccountDoesNotExist)
    }

    pub(crate) fn store(&mut self, who: AccountId, data: &AccountData) {
        self.accounts.insert(who, data);
    }

    /// Inserts a new account and counts it and its bond. Callers check that it is new.
    pub fn create_account(&mut self, who: AccountId, data: &AccountData) -> Result<(), Error> {
        let accounts_number = self
            .info
            .accounts_number
            .checked_add(1)
            .ok_or(Error::ArithmeticOverflow)?;
        let bonds = self
            .info
            .bloat_bonds_held
            .checked_add(data.bloat_bond)
            .ok_or(Error::ArithmeticOverflow)?;
        self.info.accounts_number = accounts_number;
        self.info.bloat_bonds_held = bonds;
        self.accounts.insert(who, data);
        Ok(())
    }

    pub(crate) fn remove_account(&mut self, who: AccountId, data: &AccountData) {
        // Both counters include this account, so neither can underflow.
        self.info.accounts_number = self.info.accounts_number.saturating_sub(1);
        self.info.bloat_bonds_held = self.info.bloat_bonds_held.saturating_sub(data.bloat_bond);
        self.accounts.remove(who);
    }

    /// Everything `owner` holds; the token contract's own balance (`this`) includes the sale
    /// escrow, so balances add up to the supply. Reads the account's and the escrow's cells
    /// only: it works on [`Self::new`] with any info, without the root cell.
    pub fn balance_of(&self, owner: AccountId, this: AccountId) -> Balance {
        let held = self.account(owner).map(|a| a.amount).unwrap_or_default();
        if owner == this {
            return held.saturating_add(self.escrow());
        }
        held
    }

    /// What `spender` may still move from `owner`; reads the allowance's cell only.
    pub fn allowance(&self, owner: AccountId, spender: AccountId) -> Balance {
        self.allowances.get((owner, spender)).unwrap_or_default()
    }

    pub(crate) fn set_allowance(&mut self, owner: AccountId, spender: AccountId, value: Balance) {
        if value == 0 {
            self.allowances.remove((owner, spender));
        } else {
            self.allowances.insert((owner, spender), &value);
        }
    }

    pub fn bond_deposit_of(&self, who: AccountId) -> Balance {
        self.bond_deposits.get(who).unwrap_or_default()
    }

    pub(crate) fn set_bond_deposit(&mut self, who: AccountId, value: Balance) {
        if value == 0 {
            self.bond_deposits.remove(who);
        } else {
            self.bond_deposits.insert(who, &value);
        }
    }

    /// Tokens `buyer` bought in sale `sale_id`.
    pub fn bought_in_sale(&self, sale_id: u32, buyer: AccountId) -> Balance {
        self.sale_purchases.get((sale_id, buyer)).unwrap_or_default()
    }

    pub(crate) fn set_bought_in_sale(&mut self, sale_id: u32, buyer: AccountId, amount: Balance) {
        self.sale_purchases.insert((sale_id, buyer), &amount);
    }

    /// Payouts held for `who` (see `withdraw_held_payout`).
    pub fn payout_held_for(&self, who: AccountId) -> Balance {
        self.payouts_held.get(who).unwrap_or_default()
    }

    pub(crate) fn set_payout_held(&mut self, who: AccountId, value: Balance) {
        if value == 0 {
            self.payouts_held.remove(who);
        } else {
            self.payouts_held.insert(who, &value);
        }
    }

    /// The sale from init until finalize.
    pub fn sale(&self) -> Option<TokenSale> {
        self.sale.get().flatten()
    }

    pub(crate) fn set_sale(&mut self, sale: Option<TokenSale>) {
        self.escrow
            .set(&sale.as_ref().map(|s| s.quantity_left).unwrap_or_default());
        self.sale.set(&sale);
    }

    /// The AMM while active.
    pub fn amm(&self) -> Option<AmmState> {
        self.amm.get().flatten()
    }

    pub(crate) fn set_amm(&mut self, amm: Option<AmmState>) {
        self.amm.set(&amm);
    }

    /// The contract allowed to fund revenue splits, if any.
    pub fn revenue_source(&self) -> Option<AccountId> {
        self.revenue_source.get().flatten()
    }

    pub(crate) fn set_revenue_source_cell(&mut self, source: Option<AccountId>) {
        self.revenue_source.set(&source);
    }

    /// Tokens held in escrow by the current sale (part of the supply, in no account).
    pub fn escrow(&self) -> Balance {
        self.escrow.get().unwrap_or_default()
    }

    pub fn is_permissioned(&self) -> bool {
        matches!(self.info.transfer_policy, TransferPolicy::Permissioned(_))
    }

    pub(crate) fn ensure_issuer(&self, caller: AccountId) -> Result<(), Error> {
        if caller != self.info.issuer {
            return Err(Error::NotIssuer);
        }
        Ok(())
    }

    /// Every token message but queries and deposit withdrawals needs a live token.
    pub fn ensure_live(&self) -> Result<(), Error> {
        if self.info.deissued {
            return Err(Error::TokenDeissued);
        }
        Ok(())
    }

    /// Supply increases (patronage claims, AMM buys) wait until the revenue split is
    /// finalized. Decreases need no wait: with no mint during the split, every token that will
    /// ever be staked in it exists when any stake is priced, and staked tokens cannot be burned
    /// before the split ends, so the supply a stake is priced against is never below Σ stakes
    /// and Σ dividends ≤ allocation (see `split.rs`).
    pub(crate) fn ensure_no_mint_during_split(&self) -> Result<(), Error> {
        if self.info.revenue_split.is_some() {
            return Err(Error::CannotModifySupplyWhenRevenueSplitsAreActive);
        }
        Ok(())
    }

    /// JOY the token must always hold: bonds, bond deposits, held payouts, the
    /// unclaimed revenue-split allocation and the AMM reserve.
    pub fn joy_liabilities(&self) -> Balance {
        let split = self.info.revenue_split.map(|s| s.unclaimed()).unwrap_or_default();
        let reserve = self.amm().map(|a| a.reserve).unwrap_or_default();
        self.info
            .bloat_bonds_held
            .saturating_add(self.info.bond_deposits_total)
            .saturating_add(self.info.payouts_held_total)
            .saturating_add(split)
            .saturating_add(reserve)
    }
}
