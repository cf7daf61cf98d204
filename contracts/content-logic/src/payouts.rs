//! JOY the contract keeps for others: payouts a creator's account could not receive (held
//! until withdrawn, so a buyer is never refused because of the creator's account), and the
//! holders' share of each token's sales.

use crt_traits::{Balance, TokenRecord};
use ink::primitives::AccountId;

use crate::call::Call;
use crate::data::ContentData;
use crate::errors::Error;
use crate::events::HoldersShareReleased;
use crt_traits::effects::Effects;

impl ContentData {
    /// Keeps a payout `to`'s account refused, for `to` to withdraw.
    pub fn hold_payout(&mut self, to: AccountId, amount: Balance) -> Result<Effects, Error> {
        self.held.hold(to, amount).ok_or(Error::ArithmeticOverflow)
    }

    /// Pays the caller everything held for it (works while the suite is frozen).
    pub fn withdraw_held_payout(&mut self, caller: AccountId) -> Result<Effects, Error> {
        self.held.withdraw(caller).ok_or(Error::NothingHeld)
    }

    pub fn held_for(&self, account: AccountId) -> Balance {
        self.held.of(account)
    }

    /// JOY kept for the holders of `token`.
    pub fn holders_share_of(&self, token: AccountId) -> Balance {
        self.holders_shares.get(token).unwrap_or_default()
    }

    /// Everything kept for `token`'s holders, for its issuer to pay into a revenue split of
    /// the token: the caller must be the issuer the factory's `record` names. Changes nothing
    /// (the contract pays first, then [`Self::clear_holders_share`]).
    pub fn fundable_holders_share(
        &self,
        caller: AccountId,
        token: AccountId,
        record: Option<TokenRecord>,
    ) -> Result<Balance, Error> {
        let record = record
            .filter(|r| r.address == token)
            .ok_or(Error::TokenNotRegistered)?;
        if record.issuer != caller {
            return Err(Error::NotTokenIssuer);
        }
        let amount = self.holders_share_of(token);
        if amount == 0 {
            return Err(Error::NoHoldersShare);
        }
        Ok(amount)
    }

    /// Anyone: the share kept for a token the factory no longer lists (`record` is `None`: a
    /// deissued token, which has no holders) goes to the treasury rather than staying locked.
    pub fn release_holders_share(
        &mut self,
        call: &Call,
        token: AccountId,
        record: Option<TokenRecord>,
    ) -> Result<Effects, Error> {
        if record.is_some() {
            return Err(Error::TokenStillRegistered);
        }
        let amount = self.holders_share_of(token);
        if amount == 0 {
            return Err(Error::NoHoldersShare);
        }
        self.clear_holders_share(token);
        let mut fx = Effects::new().event(HoldersShareReleased { token, amount });
        fx.pay(call.treasury, amount);
        Ok(fx)
    }

    /// Forgets `token`'s holders' share once it has been paid out.
    pub fn clear_holders_share(&mut self, token: AccountId) {
        let amount = self.holders_share_of(token);
        self.holders_shares.remove(token);
        self.holders_shares_total = self.holders_shares_total.saturating_sub(amount);
    }
}
