//! The content contract's books: items, each creator's list, access bought, the holders'
//! shares kept per token and payouts held. The capability files add their methods:
//! `catalog.rs` (items), `access.rs` (purchases and access checks), `payouts.rs` (held payouts
//! and holders' shares).

use crt_traits::held::HeldPayouts;
use crt_traits::Balance;
use ink::primitives::AccountId;
use ink::storage::Mapping;

use crate::item::{Grant, Item, ItemId};

/// One cell per item, list slot, grant, token share and held payout; no message iterates over
/// buyers, items or tokens.
#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
#[derive(Default)]
pub struct ContentData {
    /// The id the next item gets.
    pub next_item_id: ItemId,
    /// Every item ever published, by id (unpublished ones stay, marked).
    pub(crate) items: Mapping<ItemId, Item>,
    /// Each creator's items by position, for paging.
    pub(crate) creator_items: Mapping<(AccountId, u32), ItemId>,
    /// How many items each creator has.
    pub(crate) creator_item_counts: Mapping<AccountId, u32>,
    /// Access bought, by `(item, account)`.
    pub(crate) grants: Mapping<(ItemId, AccountId), Grant>,
    /// JOY base units kept for each token's holders, until they fund a revenue split.
    pub(crate) holders_shares: Mapping<AccountId, Balance>,
    /// Σ `holders_shares`: JOY the contract holds for holders.
    pub holders_shares_total: Balance,
    /// Payouts a creator's account could not receive when paid, until withdrawn.
    pub held: HeldPayouts,
}

impl ContentData {
    /// JOY the contract must always hold: the holders' shares and the held payouts.
    pub fn joy_liabilities(&self) -> Balance {
        self.holders_shares_total.saturating_add(self.held.total)
    }
}
