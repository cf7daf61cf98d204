//! Purchases and access checks: a buyer pays the price (the fee to the treasury, the holders'
//! share kept for the item's token, the rest to the creator) and gets permanent access or
//! access until a block, extended by each renewal; a holder of at least the gate's amount of
//! the item's token reads a published gated item free.

use crt_core::bonds::settle;
use crt_traits::{Balance, BlockNumber, TokenAmount};
use ink::primitives::AccountId;

use crate::call::Call;
use crate::data::ContentData;
use crate::errors::Error;
use crate::events::AccessPurchased;
use crate::item::{Access, Grant, ItemId, PriceQuote};
use crt_traits::effects::Effects;

impl ContentData {
    /// The caller buys access to a published item at its price, if at most `max_price`; the
    /// JOY sent beyond the price is refunded.
    pub fn purchase_access(&mut self, call: &Call, id: ItemId, max_price: Balance) -> Result<Effects, Error> {
        let item = self.existing(id)?;
        if !item.published {
            return Err(Error::ItemUnpublished);
        }
        if item.creator == call.caller {
            return Err(Error::CreatorHasAccess);
        }
        if item.price > max_price {
            return Err(Error::PriceAboveMax);
        }
        let refund = settle(call.paid, item.price).map_err(|_| Error::InsufficientPayment)?;
        let current = self.grants.get((id, call.caller));
        let grant = item
            .access
            .grant_after(current, call.now)?
            .ok_or(Error::AlreadyHasAccess)?;
        let quote = item.quote(call.fee_ppm);
        let holders_total = self
            .holders_shares_total
            .checked_add(quote.holders_share)
            .ok_or(Error::ArithmeticOverflow)?;
        if let Some(terms) = item.token.filter(|_| quote.holders_share > 0) {
            let share = self
                .holders_share_of(terms.token)
                .checked_add(quote.holders_share)
                .ok_or(Error::ArithmeticOverflow)?;
            self.holders_shares.insert(terms.token, &share);
        }
        self.holders_shares_total = holders_total;
        self.grants.insert((id, call.caller), &grant);
        let mut fx = Effects::new().event(AccessPurchased {
            item: id,
            buyer: call.caller,
            price: quote.price,
            fee: quote.fee,
            holders_share: quote.holders_share,
            creator_payout: quote.creator,
            until: match grant {
                Grant::Permanent => None,
                Grant::Until(until) => Some(until),
            },
        });
        fx.pay(call.treasury, quote.fee);
        fx.pay(call.caller, refund);
        fx.pay_or_hold(item.creator, quote.creator);
        Ok(fx)
    }

    /// Where a purchase of the item would send the JOY now.
    pub fn quote(&self, id: ItemId, fee_ppm: u32) -> Result<PriceQuote, Error> {
        Ok(self.existing(id)?.quote(fee_ppm))
    }

    /// The access `account` has to the item at block `now`. `balance_of(token, account)` is
    /// asked only for a published gated item the account has no other access to.
    pub fn access_of(
        &self,
        account: AccountId,
        id: ItemId,
        now: BlockNumber,
        balance_of: impl FnOnce(AccountId, AccountId) -> TokenAmount,
    ) -> Result<Access, Error> {
        let item = self.existing(id)?;
        if item.creator == account {
            return Ok(Access::Creator);
        }
        match self.grants.get((id, account)) {
            Some(Grant::Permanent) => return Ok(Access::Permanent),
            Some(Grant::Until(until)) if now < until => return Ok(Access::Until(until)),
            _ => {}
        }
        if let Some((token, min)) = item.open_gate() {
            if balance_of(token, account) >= min {
                return Ok(Access::Holder);
            }
        }
        Ok(Access::None)
    }
}
