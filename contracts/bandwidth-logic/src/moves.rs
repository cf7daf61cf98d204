//! What a successful bandwidth logic call asks the contract to do: emit events, pay JOY
//! (`Effects`) and move tokens. Logic never moves anything itself, so a call that fails has
//! done nothing, and unit tests read what it would do.

use crt_traits::effects::Effects;
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::channel::{Amount, Asset};

/// A token transfer from this contract: `(token, to, amount)`.
pub type TokenPayout = (AccountId, AccountId, Amount);

#[derive(Default)]
pub struct Moves {
    /// Events and JOY payouts.
    pub fx: Effects,
    /// Token transfers, in order.
    pub tokens: Vec<TokenPayout>,
}

impl Moves {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn event<E: ink::env::Event + 'static>(mut self, e: E) -> Self {
        self.fx.push(e);
        self
    }

    /// Pays `amount` of `asset` to `to`; a refused payment fails the message. Zero amounts are
    /// dropped.
    pub fn pay(&mut self, asset: Asset, to: AccountId, amount: Amount) {
        match asset {
            Asset::Joy => self.fx.pay(to, amount),
            Asset::Token(token) if amount > 0 => self.tokens.push((token, to, amount)),
            Asset::Token(_) => {}
        }
    }

    /// Pays `amount` of `asset` to a third party: JOY its account refuses is held for it. A
    /// token payout cannot be held (the token refuses transfers only while the suite is
    /// frozen), so it fails the message like `pay`.
    pub fn pay_third_party(&mut self, asset: Asset, to: AccountId, amount: Amount) {
        match asset {
            Asset::Joy => self.fx.pay_or_hold(to, amount),
            Asset::Token(_) => self.pay(asset, to, amount),
        }
    }
}

impl From<crt_traits::effects::Effects> for Moves {
    fn from(fx: crt_traits::effects::Effects) -> Self {
        Self {
            fx,
            tokens: Vec::new(),
        }
    }
}
