//! Fixed-price sales: the issuer puts tokens in escrow at a unit price for a window; buyers pay
//! JOY (platform fee to the factory treasury, the rest to the earnings destination) and get the
//! tokens, optionally vested from the sale's end; the issuer finalizes to take back what is
//! unsold. Escrowed tokens count in the supply and show as the token contract's own balance.

use crt_core::bonds::settle;
use crt_core::math::Permill;
use crt_core::merkle::{leaf_of, verify, ProofStep, MAX_PROOF_LEN};
use crt_core::vesting::{VestingSchedule, VestingScheduleParams, VestingSource};
use crt_traits::{TokenConstraints, MAX_METADATA_LEN};
use ink::prelude::vec::Vec;
use ink::primitives::{AccountId, Hash};

use crate::accounts::AccountData;
use crate::call::Call;
use crate::data::TokenData;
use crate::errors::Error;
use crate::events::{
    transfer_event, Effects, TokenSaleFinalized, TokenSaleInitialized, TokensPurchasedOnSale,
    UpcomingTokenSaleUpdated, VestingScheduleAdded,
};
use crate::whitelist::HostBlake2x256;
use crate::{Balance, TokenAmount};

/// What the issuer offers.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct SaleParams {
    /// JOY per token base unit.
    pub unit_price: Balance,
    /// Tokens put in escrow from the issuer's transferrable balance.
    pub quantity: TokenAmount,
    /// First block of the sale (default: now; never in the past).
    pub start: Option<u32>,
    /// Length of the sale in blocks (at least governance's minimum).
    pub duration: u32,
    /// Vesting of purchased tokens, counted from the sale's end.
    pub vesting: Option<VestingScheduleParams>,
    /// Most one buyer may buy in this sale.
    pub cap_per_buyer: Option<TokenAmount>,
    /// Merkle root over `(buyer, personal cap)` leaves: only they may buy, each up to its own
    /// cap (or `cap_per_buyer` when the leaf has none).
    pub whitelist: Option<Hash>,
    /// The issuer's note on the sale, at most 1024 bytes.
    pub metadata: Vec<u8>,
}

/// A buyer's proof of being on the sale's whitelist.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct SaleAccessProof {
    /// The personal cap the leaf commits to.
    pub cap: Option<TokenAmount>,
    /// The Merkle proof of the `(buyer, cap)` leaf, at most 32 steps.
    pub proof: Vec<ProofStep>,
}

/// The current sale, from init until finalized.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct TokenSale {
    /// The sale's id.
    pub id: u32,
    /// JOY base units per token base unit.
    pub unit_price: Balance,
    /// Tokens still in escrow.
    pub quantity_left: TokenAmount,
    /// JOY paid by buyers, fees included.
    pub funds_collected: Balance,
    /// The account the escrow came from and returns to.
    pub source: AccountId,
    /// Receives the proceeds net of the platform fee (the issuer when `None`).
    pub earnings_destination: Option<AccountId>,
    /// First block of the sale.
    pub start: u32,
    /// Length in blocks.
    pub duration: u32,
    /// Vesting of purchased tokens, counted from the sale's end.
    pub vesting: Option<VestingScheduleParams>,
    /// Most one buyer may buy, token base units.
    pub cap_per_buyer: Option<TokenAmount>,
    /// Merkle root of the buyers allowed, if any.
    pub whitelist: Option<Hash>,
    /// Finalize automatically when sold out.
    pub auto_finalize: bool,
}
crate::packed_storage_layout!(TokenSale);

impl TokenSale {
    pub fn end(&self) -> u32 {
        self.start.saturating_add(self.duration)
    }

    pub fn is_upcoming(&self, now: u32) -> bool {
        now < self.start
    }

    pub fn is_ongoing(&self, now: u32) -> bool {
        self.start <= now && now < self.end()
    }

    /// Cost of `amount` tokens, split into the platform fee and the destination's share.
    pub fn quote(&self, amount: Balance, fee_ppm: u32) -> Result<SaleQuote, Error> {
        let cost = self
            .unit_price
            .checked_mul(amount)
            .ok_or(Error::ArithmeticOverflow)?;
        let platform_fee = Permill(fee_ppm).mul_floor(cost);
        Ok(SaleQuote {
            cost,
            platform_fee,
            to_destination: cost.saturating_sub(platform_fee),
        })
    }

    /// Finalizable: ended, or sold out.
    pub fn is_over(&self, now: u32) -> bool {
        self.end() <= now || self.quantity_left == 0
    }
}

/// What the token is offering right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub enum OfferingState {
    /// No sale and no AMM: the issuer may start either.
    Idle,
    /// A sale is set up and has not started.
    UpcomingSale,
    /// A sale is running.
    Sale,
    /// Ended or sold out, waiting for `finalize_token_sale`.
    SaleEnded,
    /// The bonding-curve AMM is active.
    Amm,
}

/// The price of buying an amount on the current sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct SaleQuote {
    /// `unit_price × amount`, what the buyer pays (plus a bloat bond if new).
    pub cost: Balance,
    /// Part of the cost that goes to the platform treasury.
    pub platform_fee: Balance,
    /// Part of the cost that goes to the earnings destination.
    pub to_destination: Balance,
}

fn check_duration(duration: u32, constraints: &TokenConstraints) -> Result<(), Error> {
    if duration == 0 {
        return Err(Error::SaleDurationIsZero);
    }
    if duration < constraints.min_sale_duration {
        return Err(Error::SaleDurationTooShort);
    }
    Ok(())
}

impl TokenData {
    pub fn offering_state(&self, now: u32) -> OfferingState {
        if self.amm().is_some() {
            return OfferingState::Amm;
        }
        match self.sale() {
            Some(sale) if sale.is_upcoming(now) => OfferingState::UpcomingSale,
            Some(sale) if sale.is_ongoing(now) && sale.quantity_left > 0 => OfferingState::Sale,
            Some(_) => OfferingState::SaleEnded,
            None => OfferingState::Idle,
        }
    }

    /// Issuer: opens a sale, moving `quantity` from the issuer's transferrable balance into
    /// escrow (shown as the balance of `this`, the token contract).
    pub fn init_token_sale(
        &mut self,
        call: &Call,
        params: SaleParams,
        earnings_destination: Option<AccountId>,
        auto_finalize: bool,
    ) -> Result<Effects, Error> {
        let (caller, now, this) = (call.caller, call.now, call.this);
        let constraints = &call.constraints;
        self.ensure_issuer(caller)?;
        if params.unit_price == 0 {
            return Err(Error::SaleUnitPriceIsZero);
        }
        if params.quantity == 0 {
            return Err(Error::SaleQuantityIsZero);
        }
        let start = params.start.unwrap_or(now);
        if start < now {
            return Err(Error::SaleStartingBlockInThePast);
        }
        check_duration(params.duration, constraints)?;
        start
            .checked_add(params.duration)
            .ok_or(Error::BlockNumberOverflow)?;
        if params.cap_per_buyer == Some(0) {
            return Err(Error::SaleCapPerBuyerIsZero);
        }
        if params.metadata.len() > MAX_METADATA_LEN {
            return Err(Error::MetadataTooLong);
        }
        if let Some(vesting) = &params.vesting {
            vesting.validate()?;
        }
        match self.offering_state(now) {
            OfferingState::Idle => {}
            OfferingState::SaleEnded => return Err(Error::PreviousSaleNotFinalized),
            _ => return Err(Error::TokenIssuanceNotInIdleState),
        }
        let mut source = self.existing(caller)?;
        if source.transferrable_at(now) < params.quantity {
            return Err(Error::InsufficientTransferrableBalance);
        }
        let id = self.info.next_sale_id;
        let next_id = id.checked_add(1).ok_or(Error::ArithmeticOverflow)?;
        source.amount = source.amount.saturating_sub(params.quantity);
        self.store(caller, &source);
        self.info.next_sale_id = next_id;
        let sale = TokenSale {
            id,
            unit_price: params.unit_price,
            quantity_left: params.quantity,
            funds_collected: 0,
            source: caller,
            earnings_destination,
            start,
            duration: params.duration,
            vesting: params.vesting,
            cap_per_buyer: params.cap_per_buyer,
            whitelist: params.whitelist,
            auto_finalize,
        };
        self.set_sale(Some(sale.clone()));
        Ok(Effects::new()
            .event(transfer_event(Some(caller), Some(this), params.quantity))
            .event(TokenSaleInitialized {
                sale_id: id,
                sale,
                metadata: params.metadata,
            }))
    }

    /// Issuer: moves the start and/or the duration of a sale that has not started.
    pub fn update_upcoming_sale(
        &mut self,
        caller: AccountId,
        now: u32,
        constraints: &TokenConstraints,
        new_start: Option<u32>,
        new_duration: Option<u32>,
    ) -> Result<Effects, Error> {
        self.ensure_issuer(caller)?;
        let mut sale = match self.sale() {
            Some(sale) if sale.is_upcoming(now) => sale,
            _ => return Err(Error::NoUpcomingSale),
        };
        if let Some(duration) = new_duration {
            check_duration(duration, constraints)?;
            sale.duration = duration;
        }
        if let Some(start) = new_start {
            if start < now {
                return Err(Error::SaleStartingBlockInThePast);
            }
            sale.start = start;
        }
        sale.start
            .checked_add(sale.duration)
            .ok_or(Error::BlockNumberOverflow)?;
        let event = UpcomingTokenSaleUpdated {
            sale_id: sale.id,
            start: sale.start,
            duration: sale.duration,
        };
        self.set_sale(Some(sale));
        Ok(Effects::new().event(event))
    }

    /// Cost, platform fee and destination share of buying `amount` now.
    pub fn sale_quote(&self, amount: Balance, fee_ppm: u32) -> Result<SaleQuote, Error> {
        self.sale().ok_or(Error::NoActiveSale)?.quote(amount, fee_ppm)
    }

    /// Tokens `who` bought in the current sale (dusting the account does not reset it).
    pub fn purchased_on_sale(&self, who: AccountId) -> Balance {
        self.sale()
            .map(|sale| self.bought_in_sale(sale.id, who))
            .unwrap_or_default()
    }

    /// Buys `amount` tokens with the JOY sent (`paid`): cost, plus a bond for a new account;
    /// the excess is refunded. `treasury` (the factory) receives the platform fee.
    pub fn purchase_tokens_on_sale(
        &mut self,
        call: &Call,
        amount: Balance,
        access: Option<SaleAccessProof>,
    ) -> Result<Effects, Error> {
        let (caller, now, this, treasury, paid) =
            (call.caller, call.now, call.this, call.treasury, call.paid);
        let constraints = &call.constraints;
        if amount == 0 {
            return Err(Error::SalePurchaseAmountIsZero);
        }
        let mut sale = match self.sale() {
            Some(sale) if sale.is_ongoing(now) => sale,
            _ => return Err(Error::NoActiveSale),
        };
        if sale.quantity_left < amount {
            return Err(Error::NotEnoughTokensOnSale);
        }
        let cap = match sale.whitelist {
            None => sale.cap_per_buyer,
            Some(root) => {
                let access = access.ok_or(Error::SaleAccessProofRequired)?;
                if access.proof.len() > MAX_PROOF_LEN {
                    return Err(Error::MerkleProofTooLong);
                }
                let leaf = leaf_of::<HostBlake2x256, _>(&(caller, access.cap));
                if !verify::<HostBlake2x256>(&root.into(), leaf, &access.proof) {
                    return Err(Error::MerkleProofVerificationFailure);
                }
                access.cap.or(sale.cap_per_buyer)
            }
        };
        let existing = self.account(caller);
        if existing.is_none() && self.is_permissioned() {
            return Err(Error::DestinationAccountDoesNotExist);
        }
        let bought = self.bought_in_sale(sale.id, caller);
        let total_bought = bought.checked_add(amount).ok_or(Error::ArithmeticOverflow)?;
        if cap.is_some_and(|cap| total_bought > cap) {
            return Err(Error::SalePurchaseCapExceeded);
        }
        let created = existing.is_none();
        let bond = constraints.bloat_bond;
        let mut account = existing.unwrap_or_else(|| AccountData::with_bond(bond));
        let schedule = match &sale.vesting {
            Some(params) => {
                let schedule = VestingSchedule::from_params(sale.end(), amount, params)?;
                account
                    .vesting
                    .ensure_can_add(&VestingSource::Sale(sale.id), now)?;
                Some(schedule)
            }
            None => None,
        };
        let quote = sale.quote(amount, constraints.sale_fee())?;
        let owed = if created {
            quote.cost.checked_add(bond).ok_or(Error::ArithmeticOverflow)?
        } else {
            quote.cost
        };
        let refund = settle(paid, owed).map_err(|_| Error::InsufficientPayment)?;
        let funds_collected = sale
            .funds_collected
            .checked_add(quote.cost)
            .ok_or(Error::ArithmeticOverflow)?;

        // Everything is validated: apply.
        let mut fx = Effects::new().event(transfer_event(Some(this), Some(caller), amount));
        if let Some(schedule) = schedule {
            let source = VestingSource::Sale(sale.id);
            account.vesting.add(source, schedule, now)?;
            fx.push(VestingScheduleAdded {
                account: caller,
                source,
                schedule,
            });
        }
        // Bounded by the supply: cannot saturate.
        account.amount = account.amount.saturating_add(amount);
        self.save_account(caller, &account, created, caller, &mut fx)?;
        self.set_bought_in_sale(sale.id, caller, total_bought);
        sale.quantity_left = sale.quantity_left.saturating_sub(amount);
        sale.funds_collected = funds_collected;
        fx.push(TokensPurchasedOnSale {
            sale_id: sale.id,
            buyer: caller,
            amount,
            cost: quote.cost,
            platform_fee: quote.platform_fee,
        });
        fx.pay(treasury, quote.platform_fee);
        fx.pay_or_hold(
            sale.earnings_destination.unwrap_or(self.info.issuer),
            quote.to_destination,
        );
        fx.pay(caller, refund);
        if sale.quantity_left == 0 && sale.auto_finalize {
            fx.push(TokenSaleFinalized {
                sale_id: sale.id,
                quantity_left: 0,
                funds_collected,
            });
            self.set_sale(None);
        } else {
            self.set_sale(Some(sale));
        }
        Ok(fx)
    }

    /// Issuer, once the sale ended or sold out: unsold tokens return to their source.
    pub fn finalize_token_sale(
        &mut self,
        caller: AccountId,
        now: u32,
        this: AccountId,
    ) -> Result<Effects, Error> {
        self.ensure_issuer(caller)?;
        let sale = self.sale().ok_or(Error::NoSaleToFinalize)?;
        if !sale.is_over(now) {
            return Err(Error::SaleNotEnded);
        }
        let mut fx = Effects::new();
        if sale.quantity_left > 0 {
            // The source cannot be dusted while the sale exists.
            let mut source = self.existing(sale.source)?;
            source.amount = source.amount.saturating_add(sale.quantity_left);
            self.store(sale.source, &source);
            fx.push(transfer_event(Some(this), Some(sale.source), sale.quantity_left));
        }
        self.set_sale(None);
        fx.push(TokenSaleFinalized {
            sale_id: sale.id,
            quantity_left: sale.quantity_left,
            funds_collected: sale.funds_collected,
        });
        Ok(fx)
    }
}
