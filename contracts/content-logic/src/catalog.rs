//! The catalog: items by id and by creator (paged), publishing, the creator's changes, and the
//! hand-over of a token's items to the token's new issuer.

use crt_traits::{Balance, TokenAmount, TokenRecord};
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::call::Call;
use crate::data::ContentData;
use crate::errors::Error;
use crate::events::{CreatorChanged, GateChanged, ItemPublished, ItemUnpublished, PriceChanged};
use crate::item::{AccessTerms, Item, ItemId, TokenTerms};
use crt_traits::effects::Effects;

/// Most items one `items_of` page returns.
pub const MAX_PAGE: u32 = 32;

impl ContentData {
    /// Publishes an item for the caller. An item of a token needs the factory's `record` of
    /// that token, naming the caller as its issuer.
    pub fn publish(
        &mut self,
        call: &Call,
        reference: Vec<u8>,
        price: Balance,
        access: AccessTerms,
        token: Option<TokenTerms>,
        record: Option<TokenRecord>,
    ) -> Result<(ItemId, Effects), Error> {
        Item::validate_terms(&reference, &access, &token)?;
        if let Some(terms) = token {
            let record = record
                .filter(|r| r.address == terms.token)
                .ok_or(Error::TokenNotRegistered)?;
            if record.issuer != call.caller {
                return Err(Error::NotTokenIssuer);
            }
        }
        let id = self.next_item_id;
        self.next_item_id = id.checked_add(1).ok_or(Error::ArithmeticOverflow)?;
        let item = Item {
            creator: call.caller,
            reference: reference.clone(),
            price,
            access,
            token,
            published: true,
            creator_slot: 0,
        };
        self.insert_for_creator(id, item)?;
        let fx = Effects::new().event(ItemPublished {
            item: id,
            creator: call.caller,
            reference,
            price,
            access,
            token,
        });
        Ok((id, fx))
    }

    /// The creator sets a published item's price (purchases placed before see it through
    /// their `max_price`).
    pub fn set_price(&mut self, call: &Call, id: ItemId, price: Balance) -> Result<Effects, Error> {
        let mut item = self.creators_published(call.caller, id)?;
        item.price = price;
        self.items.insert(id, &item);
        Ok(Effects::new().event(PriceChanged { item: id, price }))
    }

    /// The creator sets or removes the gate of a published item of a token.
    pub fn set_gate(&mut self, call: &Call, id: ItemId, gate: Option<TokenAmount>) -> Result<Effects, Error> {
        let mut item = self.creators_published(call.caller, id)?;
        let mut terms = item.token.ok_or(Error::NoCreatorToken)?;
        terms.gate = gate;
        item.token = Some(terms);
        self.items.insert(id, &item);
        Ok(Effects::new().event(GateChanged { item: id, gate }))
    }

    /// The creator withdraws an item: no purchase or gate access from now on; access bought
    /// stays valid.
    pub fn unpublish(&mut self, call: &Call, id: ItemId) -> Result<Effects, Error> {
        let mut item = self.creators_published(call.caller, id)?;
        item.published = false;
        self.items.insert(id, &item);
        Ok(Effects::new().event(ItemUnpublished { item: id }))
    }

    /// Anyone: makes the item's creator the current issuer of its token, as the factory's
    /// `record` says (the issuer role changed hands since). Already the issuer: nothing.
    pub fn follow_issuer(&mut self, id: ItemId, record: Option<TokenRecord>) -> Result<Effects, Error> {
        let item = self.existing(id)?;
        let terms = item.token.ok_or(Error::NoCreatorToken)?;
        let record = record
            .filter(|r| r.address == terms.token)
            .ok_or(Error::TokenNotRegistered)?;
        if record.issuer == item.creator {
            return Ok(Effects::new());
        }
        let from = item.creator;
        self.remove_from_creator(&item);
        let moved = Item {
            creator: record.issuer,
            ..item
        };
        self.insert_for_creator(id, moved)?;
        Ok(Effects::new().event(CreatorChanged {
            item: id,
            from,
            to: record.issuer,
        }))
    }

    pub fn item(&self, id: ItemId) -> Option<Item> {
        self.items.get(id)
    }

    pub(crate) fn existing(&self, id: ItemId) -> Result<Item, Error> {
        self.item(id).ok_or(Error::ItemNotFound)
    }

    /// How many items `creator` has (published or not).
    pub fn item_count_of(&self, creator: AccountId) -> u32 {
        self.creator_item_counts.get(creator).unwrap_or_default()
    }

    /// Up to `max` (at most [`MAX_PAGE`]) of `creator`'s items from position `from`.
    pub fn items_of(&self, creator: AccountId, from: u32, max: u32) -> Vec<(ItemId, Item)> {
        let end = from
            .saturating_add(max.min(MAX_PAGE))
            .min(self.item_count_of(creator));
        (from..end)
            .filter_map(|slot| self.creator_items.get((creator, slot)))
            .filter_map(|id| self.item(id).map(|item| (id, item)))
            .collect()
    }

    fn creators_published(&self, caller: AccountId, id: ItemId) -> Result<Item, Error> {
        let item = self.existing(id)?;
        if item.creator != caller {
            return Err(Error::NotCreator);
        }
        if !item.published {
            return Err(Error::ItemUnpublished);
        }
        Ok(item)
    }

    fn insert_for_creator(&mut self, id: ItemId, mut item: Item) -> Result<(), Error> {
        let slot = self.item_count_of(item.creator);
        let count = slot.checked_add(1).ok_or(Error::ArithmeticOverflow)?;
        item.creator_slot = slot;
        self.creator_items.insert((item.creator, slot), &id);
        self.creator_item_counts.insert(item.creator, &count);
        self.items.insert(id, &item);
        Ok(())
    }

    /// Swap-remove from the creator's list: their last item takes the freed slot.
    fn remove_from_creator(&mut self, item: &Item) {
        let creator = item.creator;
        let last = self.item_count_of(creator).saturating_sub(1);
        if item.creator_slot != last {
            if let Some(moved_id) = self.creator_items.get((creator, last)) {
                self.creator_items.insert((creator, item.creator_slot), &moved_id);
                if let Some(mut moved) = self.item(moved_id) {
                    moved.creator_slot = item.creator_slot;
                    self.items.insert(moved_id, &moved);
                }
            }
        }
        self.creator_items.remove((creator, last));
        if last == 0 {
            self.creator_item_counts.remove(creator);
        } else {
            self.creator_item_counts.insert(creator, &last);
        }
    }
}
