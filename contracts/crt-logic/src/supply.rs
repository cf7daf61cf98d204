//! The supply changes in one place each: [`TokenData::mint`] (AMM buys, patronage claims) and
//! [`TokenData::burn_from`] (burns, AMM sells). Both settle patronage first, since it compounds
//! on the supply as it was before the change, keep the supply totals, and emit the PSP22
//! `Transfer` from or to `None`. (Issuance creates the initial supply in the constructor.)

use ink::primitives::AccountId;

use crate::accounts::AccountData;
use crate::data::TokenData;
use crate::errors::Error;
use crate::events::{transfer_event, Effects};
use crate::Balance;

impl TokenData {
    /// Mints `amount` to `to`: into its `existing` account, or a new one holding `bond` (paid by
    /// `to`). Fails with `ArithmeticOverflow` before writing anything when the supply would
    /// overflow.
    pub(crate) fn mint(
        &mut self,
        now: u32,
        to: AccountId,
        existing: Option<AccountData>,
        bond: Balance,
        amount: Balance,
        fx: &mut Effects,
    ) -> Result<(), Error> {
        let total_supply = self
            .info
            .total_supply
            .checked_add(amount)
            .ok_or(Error::ArithmeticOverflow)?;
        // A running total that burns never lower: it may saturate, it must not block a mint.
        let tokens_issued = self.info.tokens_issued.saturating_add(amount);
        let created = existing.is_none();
        let mut account = existing.unwrap_or_else(|| AccountData::with_bond(bond));
        // Below the new total supply, so it cannot overflow.
        account.amount = account.amount.saturating_add(amount);
        self.settle_patronage(now);
        fx.push(transfer_event(None, Some(to), amount));
        self.save_account(to, &account, created, to, fx)?;
        self.info.total_supply = total_supply;
        self.info.tokens_issued = tokens_issued;
        Ok(())
    }

    /// Burns `amount` of `from`'s `account`, which the caller checked holds it (and whose locks
    /// it adjusted), and stores the account.
    pub(crate) fn burn_from(
        &mut self,
        now: u32,
        from: AccountId,
        account: &mut AccountData,
        amount: Balance,
        fx: &mut Effects,
    ) {
        self.settle_patronage(now);
        account.amount = account.amount.saturating_sub(amount);
        self.store(from, account);
        // The account held `amount`, so the supply does too.
        self.info.total_supply = self.info.total_supply.saturating_sub(amount);
        fx.push(transfer_event(Some(from), None, amount));
    }
}
