//! Moving tokens: PSP22 `transfer` / `transfer_from` and allowances, `multi_transfer`, and the
//! issuer's `issuer_transfer` (which may attach vesting and create accounts on permissioned
//! tokens).

use crt_core::bonds::{bonds_for, settle};
use crt_core::vesting::{VestingSchedule, VestingScheduleParams, VestingSource};
use crt_traits::{MAX_METADATA_LEN, MAX_OUTPUTS};
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::accounts::AccountData;
use crate::call::Call;
use crate::data::TokenData;
use crate::errors::Error;
use crate::events::{transfer_event, Approval, Effects, TokensTransferred, VestingScheduleAdded};
use crate::{Balance, TokenAmount};

/// One output of a `multi_transfer`: who receives how many tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct MultiTransferOutput {
    /// The receiving account (created by the transfer on a permissionless token, with its
    /// bloat bond paid by the sender).
    pub to: AccountId,
    /// Tokens to send, in base units.
    pub amount: TokenAmount,
}

impl MultiTransferOutput {
    /// The outputs for `(to, amount)` pairs, in order.
    pub fn list(pairs: impl IntoIterator<Item = (AccountId, TokenAmount)>) -> Vec<Self> {
        pairs
            .into_iter()
            .map(|(to, amount)| Self { to, amount })
            .collect()
    }
}

/// One output of an issuer transfer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct TransferOutput {
    /// The receiving account (an issuer transfer may create it even on a permissioned token).
    pub to: AccountId,
    /// Tokens to send, in base units.
    pub amount: TokenAmount,
    /// Vesting counted from the transfer's block.
    pub vesting: Option<VestingScheduleParams>,
}

/// A validated output, ready to apply.
struct PlannedOutput {
    to: AccountId,
    amount: Balance,
    /// `None`: the account is created by this transfer.
    existing: Option<AccountData>,
    vesting: Option<VestingSchedule>,
}

impl TokenData {
    /// `multi_transfer`: plain outputs paid from the caller's transferrable balance; the JOY
    /// sent (`paid`) covers the bonds of new accounts and the rest is refunded. An output to
    /// the caller itself is netted out (it moves nothing), as a PSP22 `transfer` to oneself.
    pub fn multi_transfer(
        &mut self,
        call: &Call,
        outputs: Vec<MultiTransferOutput>,
        metadata: Vec<u8>,
    ) -> Result<Effects, Error> {
        let outputs = outputs
            .into_iter()
            .map(|MultiTransferOutput { to, amount }| TransferOutput {
                to,
                amount,
                vesting: None,
            })
            .collect();
        self.transfer_outputs(call, outputs, metadata, false)
    }

    /// `issuer_transfer`: like `multi_transfer`, from the issuer's account, with optional
    /// vesting per output, and allowed to create accounts on a permissioned token.
    pub fn issuer_transfer(
        &mut self,
        call: &Call,
        outputs: Vec<TransferOutput>,
        metadata: Vec<u8>,
    ) -> Result<Effects, Error> {
        self.ensure_issuer(call.caller)?;
        self.transfer_outputs(call, outputs, metadata, true)
    }

    fn transfer_outputs(
        &mut self,
        call: &Call,
        outputs: Vec<TransferOutput>,
        metadata: Vec<u8>,
        by_issuer: bool,
    ) -> Result<Effects, Error> {
        let (source, now, paid, bond) = (call.caller, call.now, call.paid, call.bond());
        if metadata.len() > MAX_METADATA_LEN {
            return Err(Error::MetadataTooLong);
        }
        if outputs.is_empty() {
            return Err(Error::NoOutputs);
        }
        if outputs.len() > MAX_OUTPUTS {
            return Err(Error::TooManyOutputs);
        }
        let mut total: Balance = 0;
        for (i, output) in outputs.iter().enumerate() {
            if output.to == source && output.vesting.is_some() {
                // Netting it out would drop the schedule the issuer asked for.
                return Err(Error::TransferToSelf);
            }
            if outputs
                .iter()
                .skip(i.saturating_add(1))
                .any(|o| o.to == output.to)
            {
                return Err(Error::DuplicateOutput);
            }
            if output.to != source {
                total = total
                    .checked_add(output.amount)
                    .ok_or(Error::ArithmeticOverflow)?;
            }
        }
        let mut src = self.existing(source)?;
        if src.transferrable_at(now) < total {
            return Err(Error::InsufficientTransferrableBalance);
        }

        let mut plan = Vec::with_capacity(outputs.len());
        let mut new_accounts: u32 = 0;
        for output in outputs {
            // Zero-amount outputs and outputs to the sender move nothing (the sender's own
            // output is netted out, as PSP22 `transfer` to oneself) and never create accounts.
            if output.amount == 0 || output.to == source {
                continue;
            }
            let existing = self.account(output.to);
            if existing.is_none() {
                if self.is_permissioned() && !by_issuer {
                    return Err(Error::DestinationAccountDoesNotExist);
                }
                new_accounts = new_accounts.saturating_add(1);
            }
            let vesting = match &output.vesting {
                Some(params) => Some(VestingSchedule::from_params(now, output.amount, params)?),
                None => None,
            };
            if let (Some(account), Some(_)) = (&existing, &vesting) {
                let key = VestingSource::IssuerTransfer(account.next_vesting_transfer_id);
                account.vesting.ensure_can_add(&key, now)?;
            }
            plan.push(PlannedOutput {
                to: output.to,
                amount: output.amount,
                existing,
                vesting,
            });
        }
        let owed = bonds_for(new_accounts, bond).map_err(|_| Error::ArithmeticOverflow)?;
        let refund = settle(paid, owed).map_err(|_| Error::InsufficientBloatBond)?;

        // Everything is validated: apply.
        src.amount = src.amount.saturating_sub(total);
        self.store(source, &src);
        let mut fx = Effects::new();
        // At most MAX_OUTPUTS: the conversion cannot fail.
        let credited = u32::try_from(plan.len()).unwrap_or(u32::MAX);
        for planned in plan {
            self.credit(source, source, planned, now, bond, &mut fx)?;
        }
        fx.push(TokensTransferred {
            from: source,
            total,
            outputs: credited,
            by_issuer,
            metadata,
        });
        fx.pay(source, refund);
        Ok(fx)
    }

    /// Credits one planned output (creating the account when needed) and records its events.
    fn credit(
        &mut self,
        from: AccountId,
        payer: AccountId,
        planned: PlannedOutput,
        now: u32,
        bond: Balance,
        fx: &mut Effects,
    ) -> Result<(), Error> {
        let created = planned.existing.is_none();
        let mut account = planned.existing.unwrap_or_else(|| AccountData::with_bond(bond));
        // Amounts are bounded by the total supply, itself a u128: this cannot saturate.
        account.amount = account.amount.saturating_add(planned.amount);
        fx.push(transfer_event(Some(from), Some(planned.to), planned.amount));
        if let Some(schedule) = planned.vesting {
            let source = VestingSource::IssuerTransfer(account.next_vesting_transfer_id);
            account.vesting.add(source, schedule, now)?;
            account.next_vesting_transfer_id = account.next_vesting_transfer_id.saturating_add(1);
            fx.push(VestingScheduleAdded {
                account: planned.to,
                source,
                schedule,
            });
        }
        self.save_account(planned.to, &account, created, payer, fx)?;
        Ok(())
    }

    /// PSP22 transfer of transferrable tokens. Self-transfers and zero values are no-ops. A new
    /// destination's bond is drawn from `payer`'s bond deposit if it covers one; otherwise the
    /// account is created without a bond.
    pub fn psp22_transfer(
        &mut self,
        payer: AccountId,
        from: AccountId,
        to: AccountId,
        value: Balance,
        now: u32,
        bond: Balance,
    ) -> Result<Effects, Error> {
        if from == to || value == 0 {
            return Ok(Effects::new());
        }
        let mut src = self
            .account(from)
            .ok_or(Error::InsufficientTransferrableBalance)?;
        if src.transferrable_at(now) < value {
            return Err(Error::InsufficientTransferrableBalance);
        }
        let dest = self.account(to);
        if dest.is_none() && self.is_permissioned() {
            return Err(Error::DestinationAccountDoesNotExist);
        }
        // A new account's bond comes from the payer's deposit when it covers one. Otherwise
        // the account is created without a bond: PSP22 calls carry no JOY, pallet-contracts
        // already charges the transaction's signer a storage deposit for the new entry, and
        // a contract that never deposited (a DEX, a router) must still be able to pay users.
        let bond = if dest.is_none() && bond > 0 && self.bond_deposit_of(payer) >= bond {
            self.spend_bond_deposit(payer, bond);
            bond
        } else {
            0
        };
        src.amount = src.amount.saturating_sub(value);
        self.store(from, &src);
        let mut fx = Effects::new();
        let planned = PlannedOutput {
            to,
            amount: value,
            existing: dest,
            vesting: None,
        };
        self.credit(from, payer, planned, now, bond, &mut fx)?;
        Ok(fx)
    }

    /// PSP22 `transfer_from`: the caller spends `from`'s allowance (unless it is `from`).
    pub fn psp22_transfer_from(
        &mut self,
        caller: AccountId,
        from: AccountId,
        to: AccountId,
        value: Balance,
        now: u32,
        bond: Balance,
    ) -> Result<Effects, Error> {
        if from == to || value == 0 {
            return Ok(Effects::new());
        }
        if caller == from {
            return self.psp22_transfer(caller, from, to, value, now, bond);
        }
        let allowance = self.allowance(from, caller);
        let remaining = allowance.checked_sub(value).ok_or(Error::InsufficientAllowance)?;
        let transfer = self.psp22_transfer(caller, from, to, value, now, bond)?;
        self.set_allowance(from, caller, remaining);
        let mut fx = Effects::new().event(Approval {
            owner: from,
            spender: caller,
            amount: remaining,
        });
        fx.events.extend(transfer.events);
        Ok(fx)
    }

    /// PSP22 `approve`: sets the allowance; approving oneself is a no-op.
    pub fn approve(&mut self, owner: AccountId, spender: AccountId, value: Balance) -> Effects {
        if owner == spender {
            return Effects::new();
        }
        self.set_allowance(owner, spender, value);
        Effects::new().event(Approval {
            owner,
            spender,
            amount: value,
        })
    }

    /// PSP22 `increase_allowance`.
    pub fn increase_allowance(
        &mut self,
        owner: AccountId,
        spender: AccountId,
        delta: Balance,
    ) -> Result<Effects, Error> {
        self.change_allowance(owner, spender, |a| {
            a.checked_add(delta).ok_or(Error::ArithmeticOverflow)
        })
    }

    /// PSP22 `decrease_allowance`.
    pub fn decrease_allowance(
        &mut self,
        owner: AccountId,
        spender: AccountId,
        delta: Balance,
    ) -> Result<Effects, Error> {
        self.change_allowance(owner, spender, |a| {
            a.checked_sub(delta).ok_or(Error::InsufficientAllowance)
        })
    }

    /// Sets `owner`'s allowance to `spender` to `change(current)`; a zero change or one to
    /// oneself is a no-op (no event), as the PSP22 standard asks.
    fn change_allowance(
        &mut self,
        owner: AccountId,
        spender: AccountId,
        change: impl FnOnce(Balance) -> Result<Balance, Error>,
    ) -> Result<Effects, Error> {
        if owner == spender {
            return Ok(Effects::new());
        }
        let current = self.allowance(owner, spender);
        let amount = change(current)?;
        if amount == current {
            return Ok(Effects::new());
        }
        self.set_allowance(owner, spender, amount);
        Ok(Effects::new().event(Approval {
            owner,
            spender,
            amount,
        }))
    }
}
