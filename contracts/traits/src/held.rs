//! Payouts a contract keeps for accounts that could not receive them when paid (a transfer
//! the chain refused, e.g. below the existential deposit), until each account withdraws its
//! own. Used by the contracts that pay third parties (content, bandwidth), so that nobody's
//! message fails because of someone else's account.

use ink::primitives::AccountId;
use ink::storage::Mapping;

use crate::effects::{Effects, HeldPayoutWithdrawn, PayoutHeld};
use crate::Balance;

/// One cell per account; the total is what the contract must keep in JOY for them.
#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
#[derive(Default)]
pub struct HeldPayouts {
    /// JOY base units held for each account.
    held: Mapping<AccountId, Balance>,
    /// Σ held, JOY base units.
    pub total: Balance,
}

impl HeldPayouts {
    /// Keeps `amount` for `to`; `None` if a sum would overflow (nothing changes then).
    pub fn hold(&mut self, to: AccountId, amount: Balance) -> Option<Effects> {
        let held = self.of(to).checked_add(amount)?;
        let total = self.total.checked_add(amount)?;
        self.held.insert(to, &held);
        self.total = total;
        Some(Effects::new().event(PayoutHeld {
            account: to,
            amount,
            held,
        }))
    }

    /// Pays `caller` everything held for it; `None` if nothing is.
    pub fn withdraw(&mut self, caller: AccountId) -> Option<Effects> {
        let amount = self.of(caller);
        if amount == 0 {
            return None;
        }
        self.held.remove(caller);
        self.total = self.total.saturating_sub(amount);
        let mut fx = Effects::new().event(HeldPayoutWithdrawn {
            account: caller,
            amount,
        });
        fx.pay(caller, amount);
        Some(fx)
    }

    /// JOY base units held for `account`.
    pub fn of(&self, account: AccountId) -> Balance {
        self.held.get(account).unwrap_or_default()
    }
}
