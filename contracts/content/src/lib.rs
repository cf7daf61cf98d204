//! # Content access
//!
//! One contract per platform, deployed beside the factory and bound to it: creators publish
//! items (an off-chain reference, a price, permanent or timed access, optionally their token
//! with a gate and a holders' share), consumers buy access with JOY, and distributors and
//! seeders ask `has_access` before serving. The factory's freeze applies, its treasury
//! receives the platform fee and its governance sets that fee (hard cap 20 %).
//!
//! This module is wiring: the messages are declared once, with their docs, in
//! `content_logic::messages`; the logic is `content_logic`'s, on `ContentState`; here each
//! message takes the context, asks other contracts what the logic needs, and carries out the
//! effects (JOY payouts, events) it returns.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_payouts;
#[cfg(test)]
mod tests_properties;

#[ink::contract]
pub mod content {
    use content_logic::events::RevenueSplitFunded;
    use content_logic::item::{Access, AccessTerms, Item, ItemId, PriceQuote, TokenTerms};
    use content_logic::messages::{Catalog, ContentGovernance, Payouts, Purchases};
    use content_logic::state::ContentState;
    use content_logic::{links, Error, TokenAmount};
    use crt_traits::effects::Effects;
    use ink::prelude::vec::Vec;

    /// The contract's storage (see `content_logic::state`).
    #[ink(storage)]
    pub struct Content {
        /// Everything the contract stores: the factory it is bound to, the fee, the items,
        /// access bought and the JOY kept for others.
        state: ContentState,
    }

    impl Content {
        /// Binds a new content contract to `factory` (its live marker, treasury, registry and
        /// governance) with a platform `fee` on purchases (ppm, at most 200 000).
        ///
        /// # Errors
        /// `FeeTooHigh`, `FactoryUnavailable`.
        #[ink(constructor)]
        pub fn new(factory: AccountId, fee: u32) -> Result<Self, Error> {
            let live_marker = links::live_marker(factory)?;
            Ok(Self {
                state: ContentState::new(factory, live_marker, fee)?,
            })
        }
    }

    impl Catalog for Content {
        #[ink(message)]
        fn publish(
            &mut self,
            reference: Vec<u8>,
            price: Balance,
            access: AccessTerms,
            token: Option<TokenTerms>,
        ) -> Result<ItemId, Error> {
            let call = self.state.call()?;
            let record = match token {
                Some(terms) => links::token_record(self.state.factory, terms.token)?,
                None => None,
            };
            let (id, fx) = self
                .state
                .data
                .publish(&call, reference, price, access, token, record)?;
            self.state.apply(fx)?;
            Ok(id)
        }

        #[ink(message)]
        fn set_price(&mut self, item: ItemId, price: Balance) -> Result<(), Error> {
            let call = self.state.call()?;
            let fx = self.state.data.set_price(&call, item, price)?;
            self.state.apply(fx)
        }

        #[ink(message)]
        fn set_gate(&mut self, item: ItemId, gate: Option<TokenAmount>) -> Result<(), Error> {
            let call = self.state.call()?;
            let fx = self.state.data.set_gate(&call, item, gate)?;
            self.state.apply(fx)
        }

        #[ink(message)]
        fn unpublish(&mut self, item: ItemId) -> Result<(), Error> {
            let call = self.state.call()?;
            let fx = self.state.data.unpublish(&call, item)?;
            self.state.apply(fx)
        }

        #[ink(message)]
        fn follow_issuer(&mut self, item: ItemId) -> Result<(), Error> {
            self.state.call()?;
            let token = self
                .state
                .data
                .item(item)
                .ok_or(Error::ItemNotFound)?
                .token
                .ok_or(Error::NoCreatorToken)?
                .token;
            let record = links::token_record(self.state.factory, token)?;
            let fx = self.state.data.follow_issuer(item, record)?;
            self.state.apply(fx)
        }

        #[ink(message)]
        fn item(&self, item: ItemId) -> Option<Item> {
            self.state.data.item(item)
        }

        #[ink(message)]
        fn items_of(&self, creator: AccountId, from: u32, max: u32) -> Vec<(ItemId, Item)> {
            self.state.data.items_of(creator, from, max)
        }

        #[ink(message)]
        fn item_count_of(&self, creator: AccountId) -> u32 {
            self.state.data.item_count_of(creator)
        }
    }

    impl Purchases for Content {
        #[ink(message, payable)]
        fn purchase_access(&mut self, item: ItemId, max_price: Balance) -> Result<(), Error> {
            let call = self.state.call()?;
            let fx = self.state.data.purchase_access(&call, item, max_price)?;
            self.state.apply(fx)
        }

        #[ink(message)]
        fn quote(&self, item: ItemId) -> Result<PriceQuote, Error> {
            self.state.data.quote(item, self.state.fee_ppm)
        }

        #[ink(message)]
        fn has_access(&self, account: AccountId, item: ItemId) -> bool {
            self.access_of(account, item).is_ok_and(|access| access.granted())
        }

        #[ink(message)]
        fn access_of(&self, account: AccountId, item: ItemId) -> Result<Access, Error> {
            let now = self.env().block_number();
            self.state.data.access_of(account, item, now, links::balance_of)
        }
    }

    impl Payouts for Content {
        #[ink(message)]
        fn withdraw_held_payout(&mut self) -> Result<(), Error> {
            let fx = self.state.data.withdraw_held_payout(self.env().caller())?;
            self.state.apply(fx)
        }

        #[ink(message)]
        fn fund_revenue_split(
            &mut self,
            token: AccountId,
            start: Option<BlockNumber>,
            duration: BlockNumber,
        ) -> Result<(), Error> {
            let call = self.state.call()?;
            let record = links::token_record(self.state.factory, token)?;
            let amount = self
                .state
                .data
                .fundable_holders_share(call.caller, token, record)?;
            // The token is a factory-registered token and this contract accepts no re-entry
            // while it calls it: the share is cleared once the token has accepted it.
            links::fund_split(token, start, duration, amount)?;
            self.state.data.clear_holders_share(token);
            self.state.apply(Effects::new().event(RevenueSplitFunded {
                token,
                issuer: call.caller,
                amount,
                start,
                duration,
            }))
        }

        #[ink(message)]
        fn release_holders_share(&mut self, token: AccountId) -> Result<(), Error> {
            let call = self.state.call()?;
            let record = links::token_record(self.state.factory, token)?;
            let fx = self.state.data.release_holders_share(&call, token, record)?;
            self.state.apply(fx)
        }

        #[ink(message)]
        fn held_payout_of(&self, account: AccountId) -> Balance {
            self.state.data.held_for(account)
        }

        #[ink(message)]
        fn holders_share_of(&self, token: AccountId) -> Balance {
            self.state.data.holders_share_of(token)
        }
    }

    impl ContentGovernance for Content {
        #[ink(message)]
        fn set_fee(&mut self, fee: u32) -> Result<(), Error> {
            self.state.set_fee(fee)
        }

        #[ink(message)]
        fn fee(&self) -> u32 {
            self.state.fee_ppm
        }

        #[ink(message)]
        fn factory(&self) -> AccountId {
            self.state.factory
        }

        #[ink(message)]
        fn is_frozen(&self) -> bool {
            self.state.is_frozen()
        }
    }
}
