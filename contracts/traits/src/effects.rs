//! What a successful logic call hands back to the contract that runs it: the events to emit
//! and the JOY to pay out. Logic never emits or moves JOY itself, so a logic call that fails
//! has done nothing, and unit tests read what it would do. Also the two events of payouts a
//! contract holds for an account that refused them (the token's and the content contract's).

use ink::prelude::{boxed::Box, vec::Vec};
use ink::primitives::AccountId;

use crate::Balance;

/// An event waiting to be emitted. The emitting code is a closure made where the event is
/// pushed, so a contract carries the encoders of the events its own code pushes only (the
/// token's Wasm does not hold those of its library's messages, and the other way round).
pub struct PendingEvent(Box<dyn FnOnce()>);

impl PendingEvent {
    pub fn new<E: ink::env::Event + 'static>(event: E) -> Self {
        Self(Box::new(move || {
            ink::env::emit_event::<ink::env::DefaultEnvironment, E>(event)
        }))
    }

    /// Emits the event from the running contract.
    pub fn emit(self) {
        (self.0)()
    }
}

/// What a successful logic call asks the contract to do: emit these events and send these
/// JOY payouts (refunds, bonds, withdrawals). Logic never moves JOY itself.
#[derive(Default)]
pub struct Effects {
    pub events: Vec<PendingEvent>,
    pub payouts: Vec<(AccountId, Balance)>,
    /// Payouts to third parties: paid like `payouts`, but a refused transfer is held for the
    /// account instead of failing the message (a caller cannot be blocked by someone else's
    /// account).
    pub pay_or_hold: Vec<(AccountId, Balance)>,
}

impl Effects {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn event<E: ink::env::Event + 'static>(mut self, e: E) -> Self {
        self.push(e);
        self
    }

    pub fn push<E: ink::env::Event + 'static>(&mut self, e: E) {
        self.events.push(PendingEvent::new(e));
    }

    /// Queues a JOY payout; zero amounts are dropped.
    pub fn pay(&mut self, to: AccountId, amount: Balance) {
        if amount > 0 {
            self.payouts.push((to, amount));
        }
    }

    /// Queues a payout to a third party; if the transfer is refused it is held for the
    /// account (`withdraw_held_payout`). Zero amounts are dropped.
    pub fn pay_or_hold(&mut self, to: AccountId, amount: Balance) {
        if amount > 0 {
            self.pay_or_hold.push((to, amount));
        }
    }
}

/// A payout to a third party (a sale's earnings destination, the issuer's split leftovers, a
/// creator's sale of content) was refused by the chain (e.g. below the existential deposit):
/// the contract holds it until the account withdraws it (`withdraw_held_payout`), so the
/// message that paid it still succeeds.
#[ink::event]
pub struct PayoutHeld {
    /// The account the payout is for.
    #[ink(topic)]
    pub account: AccountId,
    /// This payout, JOY base units.
    pub amount: Balance,
    /// Everything now held for the account, JOY base units.
    pub held: Balance,
}

/// An account withdrew the payouts held for it.
#[ink::event]
pub struct HeldPayoutWithdrawn {
    /// The account.
    #[ink(topic)]
    pub account: AccountId,
    /// JOY paid out, base units.
    pub amount: Balance,
}
