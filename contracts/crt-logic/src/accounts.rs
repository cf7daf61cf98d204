//! Accounts: what one holder has, dusting empty accounts, JOY deposits for the bonds of PSP22
//! transfers (which cannot carry JOY themselves), and payouts held for accounts that could not
//! receive them.

use crt_core::vesting::{transferrable, VestingSchedules};
use ink::primitives::AccountId;

use crate::data::TokenData;
use crate::errors::Error;
use crate::events::{
    AccountDusted, BondCharged, BondDepositChanged, Effects, HeldPayoutWithdrawn, PayoutHeld,
};
use crate::{Balance, TokenAmount};

/// One holder's account.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct AccountData {
    /// Everything the account holds, vesting-locked and staked tokens included.
    pub amount: TokenAmount,
    /// Vesting schedules, at most `MAX_VESTING_SCHEDULES`.
    pub vesting: VestingSchedules,
    /// Tokens staked in a revenue split (locked until the account exits it).
    pub staked: TokenAmount,
    /// The split the stake belongs to.
    pub staked_in: Option<u32>,
    /// JOY paid when the account was created; paid to whoever dusts it.
    pub bloat_bond: Balance,
    /// Key of the next issuer-transfer vesting schedule.
    pub next_vesting_transfer_id: u64,
}
crate::packed_storage_layout!(AccountData);

impl AccountData {
    pub fn with_bond(bloat_bond: Balance) -> Self {
        Self {
            bloat_bond,
            ..Default::default()
        }
    }

    pub fn vesting_locked_at(&self, now: u32) -> Balance {
        self.vesting.locked_at(now)
    }

    /// `amount − max(vesting-locked, staked)` at block `now`.
    pub fn transferrable_at(&self, now: u32) -> Balance {
        transferrable(self.amount, self.vesting_locked_at(now), self.staked)
    }
}

impl TokenData {
    /// Removes an empty account and pays its bond to the duster. Permissionless tokens: anyone
    /// may dust; permissioned: only the account itself (it could not rejoin without a proof).
    pub fn dust_account(&mut self, caller: AccountId, account: AccountId) -> Result<Effects, Error> {
        let data = self.existing(account)?;
        if data.amount != 0 {
            return Err(Error::NonEmptyAccount);
        }
        if self.is_permissioned() && caller != account {
            return Err(Error::NotAccountOwnerInPermissionedMode);
        }
        if self.sale().is_some_and(|sale| sale.source == account) {
            // Unsold tokens return to this account at finalize.
            return Err(Error::CannotDustSaleSource);
        }
        self.remove_account(account, &data);
        let mut fx = Effects::new().event(AccountDusted {
            account,
            duster: caller,
            bloat_bond: data.bloat_bond,
        });
        fx.pay(caller, data.bloat_bond);
        Ok(fx)
    }

    /// Writes `account` back; a `created` one is counted with its bond, and a non-zero bond is
    /// reported as paid by `payer`.
    pub fn save_account(
        &mut self,
        who: AccountId,
        account: &AccountData,
        created: bool,
        payer: AccountId,
        fx: &mut Effects,
    ) -> Result<(), Error> {
        if !created {
            self.store(who, account);
            return Ok(());
        }
        self.create_account(who, account)?;
        if account.bloat_bond > 0 {
            fx.push(BondCharged {
                account: who,
                payer,
                amount: account.bloat_bond,
            });
        }
        Ok(())
    }

    /// Adds `value` JOY to the caller's deposit for PSP22-transfer bonds.
    pub fn deposit_for_bonds(&mut self, caller: AccountId, value: Balance) -> Result<Effects, Error> {
        if value == 0 {
            return Err(Error::ZeroAmount);
        }
        let deposit = self
            .bond_deposit_of(caller)
            .checked_add(value)
            .ok_or(Error::ArithmeticOverflow)?;
        let total = self
            .info
            .bond_deposits_total
            .checked_add(value)
            .ok_or(Error::ArithmeticOverflow)?;
        self.set_bond_deposit(caller, deposit);
        self.info.bond_deposits_total = total;
        Ok(Effects::new().event(BondDepositChanged {
            account: caller,
            deposit,
        }))
    }

    /// Pays `amount` of the caller's unused bond deposit back.
    pub fn withdraw_bond_deposit(&mut self, caller: AccountId, amount: Balance) -> Result<Effects, Error> {
        if amount == 0 {
            return Err(Error::ZeroAmount);
        }
        let deposit = self
            .bond_deposit_of(caller)
            .checked_sub(amount)
            .ok_or(Error::InsufficientBondDeposit)?;
        self.spend_bond_deposit(caller, amount);
        let mut fx = Effects::new().event(BondDepositChanged {
            account: caller,
            deposit,
        });
        fx.pay(caller, amount);
        Ok(fx)
    }

    /// Takes `amount` from `payer`'s deposit (checked by the caller to be enough).
    pub(crate) fn spend_bond_deposit(&mut self, payer: AccountId, amount: Balance) {
        let deposit = self.bond_deposit_of(payer).saturating_sub(amount);
        self.set_bond_deposit(payer, deposit);
        self.info.bond_deposits_total = self.info.bond_deposits_total.saturating_sub(amount);
    }

    /// Keeps a payout `account` could not receive, until it withdraws it.
    pub fn hold_payout(&mut self, account: AccountId, amount: Balance) -> Result<Effects, Error> {
        let held = self
            .payout_held_for(account)
            .checked_add(amount)
            .ok_or(Error::ArithmeticOverflow)?;
        let total = self
            .info
            .payouts_held_total
            .checked_add(amount)
            .ok_or(Error::ArithmeticOverflow)?;
        self.set_payout_held(account, held);
        self.info.payouts_held_total = total;
        Ok(Effects::new().event(PayoutHeld {
            account,
            amount,
            held,
        }))
    }

    /// Pays the caller the payouts held for it. Works while frozen and after deissue: it only
    /// returns what the caller is owed.
    pub fn withdraw_held_payout(&mut self, caller: AccountId) -> Result<Effects, Error> {
        let amount = self.payout_held_for(caller);
        if amount == 0 {
            return Err(Error::NoPayoutHeld);
        }
        self.set_payout_held(caller, 0);
        self.info.payouts_held_total = self.info.payouts_held_total.saturating_sub(amount);
        let mut fx = Effects::new().event(HeldPayoutWithdrawn {
            account: caller,
            amount,
        });
        fx.pay(caller, amount);
        Ok(fx)
    }
}
