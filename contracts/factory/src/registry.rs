//! The factory's index of live tokens: by id, by symbol (case-insensitive, unique), by address
//! and by current issuer, with bounded pages. Removal is O(1) (swap-remove in the issuer list).

use crt_traits::{symbol_key, BlockNumber, TokenId, TokenRecord};
use ink::prelude::{string::String, vec::Vec};
use ink::primitives::AccountId;
use ink::storage::Mapping;

/// Largest page a listing returns.
pub const MAX_PAGE: u32 = 50;

/// The index of live tokens: by id, contract address, symbol and issuer.
#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
pub struct Registry {
    /// Id of the next token issued (ids are never reused).
    pub next_token_id: TokenId,
    /// Tokens issued and not deissued.
    pub live_tokens: u64,
    /// Each live token by id.
    tokens: Mapping<TokenId, TokenRecord>,
    /// Token ids by contract address.
    by_address: Mapping<AccountId, TokenId>,
    /// Token ids by upper-cased symbol.
    by_symbol: Mapping<Vec<u8>, TokenId>,
    /// Each issuer's token ids by position, for paging.
    issuer_tokens: Mapping<(AccountId, u32), TokenId>,
    /// How many live tokens each issuer has.
    issuer_counts: Mapping<AccountId, u32>,
}

impl Default for Registry {
    fn default() -> Self {
        Self::new()
    }
}

impl Registry {
    pub fn new() -> Self {
        Self {
            next_token_id: 0,
            live_tokens: 0,
            tokens: Default::default(),
            by_address: Default::default(),
            by_symbol: Default::default(),
            issuer_tokens: Default::default(),
            issuer_counts: Default::default(),
        }
    }

    /// Whether a live token has this symbol's key.
    pub fn is_symbol_taken(&self, key: &[u8]) -> bool {
        self.by_symbol.contains(key)
    }

    /// Indexes a freshly deployed token under the next id, which it returns.
    pub fn insert(
        &mut self,
        address: AccountId,
        symbol: String,
        issuer: AccountId,
        now: BlockNumber,
    ) -> TokenId {
        let token_id = self.next_token_id;
        // u64 ids cannot run out: one issuance per block for 10^12 years.
        self.next_token_id = token_id.saturating_add(1);
        self.live_tokens = self.live_tokens.saturating_add(1);
        if let Some(key) = symbol_key(&symbol) {
            self.by_symbol.insert(key, &token_id);
        }
        self.by_address.insert(address, &token_id);
        let issuer_slot = self.push_issuer_token(issuer, token_id);
        let record = TokenRecord {
            token_id,
            address,
            symbol,
            issuer,
            issuer_slot,
            issued_at: now,
        };
        self.tokens.insert(token_id, &record);
        token_id
    }

    /// Removes a token from every index and frees its symbol.
    pub fn remove(&mut self, token_id: TokenId) -> Option<TokenRecord> {
        let record = self.tokens.take(token_id)?;
        if let Some(key) = symbol_key(&record.symbol) {
            self.by_symbol.remove(key);
        }
        self.by_address.remove(record.address);
        self.remove_issuer_token(record.issuer, record.issuer_slot);
        self.live_tokens = self.live_tokens.saturating_sub(1);
        Some(record)
    }

    /// Moves a token from its issuer's list to `new_issuer`'s.
    pub fn change_issuer(&mut self, token_id: TokenId, new_issuer: AccountId) -> Option<TokenRecord> {
        let mut record = self.tokens.get(token_id)?;
        self.remove_issuer_token(record.issuer, record.issuer_slot);
        record.issuer_slot = self.push_issuer_token(new_issuer, token_id);
        record.issuer = new_issuer;
        self.tokens.insert(token_id, &record);
        Some(record)
    }

    fn push_issuer_token(&mut self, issuer: AccountId, token_id: TokenId) -> u32 {
        let slot = self.issuer_token_count(issuer);
        self.issuer_tokens.insert((issuer, slot), &token_id);
        self.issuer_counts.insert(issuer, &slot.saturating_add(1));
        slot
    }

    /// Swap-remove: the issuer's last token takes the freed slot.
    fn remove_issuer_token(&mut self, issuer: AccountId, slot: u32) {
        let count = self.issuer_token_count(issuer);
        let last = count.saturating_sub(1);
        if slot != last {
            if let Some(moved_id) = self.issuer_tokens.get((issuer, last)) {
                self.issuer_tokens.insert((issuer, slot), &moved_id);
                if let Some(mut moved) = self.tokens.get(moved_id) {
                    moved.issuer_slot = slot;
                    self.tokens.insert(moved_id, &moved);
                }
            }
        }
        self.issuer_tokens.remove((issuer, last));
        if last == 0 {
            self.issuer_counts.remove(issuer);
        } else {
            self.issuer_counts.insert(issuer, &last);
        }
    }

    pub fn token(&self, token_id: TokenId) -> Option<TokenRecord> {
        self.tokens.get(token_id)
    }

    pub fn by_symbol(&self, symbol: &str) -> Option<TokenRecord> {
        let key = symbol_key(symbol)?;
        self.by_symbol.get(key).and_then(|id| self.token(id))
    }

    pub fn by_address(&self, address: AccountId) -> Option<TokenRecord> {
        self.by_address.get(address).and_then(|id| self.token(id))
    }

    pub fn issuer_token_count(&self, issuer: AccountId) -> u32 {
        self.issuer_counts.get(issuer).unwrap_or_default()
    }

    /// Live tokens with ids in `[start, start + limit)` (deissued ids are skipped).
    pub fn list(&self, start: TokenId, limit: u32) -> Vec<TokenRecord> {
        let end = start.saturating_add(u64::from(limit)).min(self.next_token_id);
        (start..end).filter_map(|id| self.token(id)).collect()
    }

    /// The issuer's tokens in slots `[offset, offset + limit)`. Slots are dense but a removal
    /// moves the last token into the freed slot.
    pub fn of_issuer(&self, issuer: AccountId, offset: u32, limit: u32) -> Vec<TokenRecord> {
        let end = offset.saturating_add(limit).min(self.issuer_token_count(issuer));
        (offset..end)
            .filter_map(|slot| self.issuer_tokens.get((issuer, slot)))
            .filter_map(|id| self.token(id))
            .collect()
    }
}
