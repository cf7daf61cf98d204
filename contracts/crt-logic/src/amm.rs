//! The bonding-curve AMM: once the issuer activates it, anyone buys newly minted tokens at the
//! curve's price and sells tokens back into it. The token holds the reserve; buy and sell fees
//! go to the factory treasury. Slippage is a max cost / min proceeds (fees included) plus an
//! optional deadline block. Fees are read from governance at execution but never above their
//! hard caps, and a seller always states the least JOY it accepts, so a parameter change
//! placed before a trade can never take more than the trader agreed to.

use crt_core::amm::Curve;
use crt_core::bonds::settle;
use crt_core::math::{mul_div_floor, Permill, PERMILL_ONE};
use crt_traits::TokenConstraints;
use ink::primitives::AccountId;

use crate::call::Call;
use crate::data::TokenData;
use crate::errors::Error;
use crate::events::{AmmActivated, AmmDeactivated, Effects, TokensBoughtOnAmm, TokensSoldOnAmm};
use crate::sale::OfferingState;
use crate::{Balance, TokenAmount};

/// The active AMM.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct AmmState {
    /// The price curve set at activation.
    pub curve: Curve,
    /// Tokens minted by the AMM minus tokens burned into it.
    pub provided_supply: TokenAmount,
    /// JOY the token holds for the AMM (buy costs in, sell proceeds out).
    pub reserve: Balance,
}
crate::packed_storage_layout!(AmmState);

/// JOY for a trade and the platform fee on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct AmmQuote {
    /// Buy: the curve cost (into the reserve). Sell: the curve proceeds (out of the reserve).
    pub joy: Balance,
    /// Buy: added on top. Sell: taken off.
    pub fee: Balance,
}

impl AmmState {
    /// Curve cost of minting `amount` at the current AMM supply, and the fee on top.
    pub fn quote_buy(&self, amount: Balance, decimals: u8, fee_ppm: u32) -> Result<AmmQuote, Error> {
        let joy = self
            .curve
            .buy_cost(self.provided_supply, amount, decimals)
            .map_err(|_| Error::ArithmeticOverflow)?;
        Ok(AmmQuote {
            joy,
            fee: Permill(fee_ppm).mul_floor(joy),
        })
    }

    /// Curve proceeds of burning `amount` at the current AMM supply, and the fee taken off.
    pub fn quote_sell(&self, amount: Balance, decimals: u8, fee_ppm: u32) -> Result<AmmQuote, Error> {
        let joy = self
            .curve
            .sell_proceeds(self.provided_supply, amount, decimals)
            .map_err(|_| Error::ArithmeticOverflow)?
            .ok_or(Error::NotEnoughTokenMintedByAmm)?;
        Ok(AmmQuote {
            joy,
            fee: Permill(fee_ppm).mul_floor(joy),
        })
    }
}

fn check_deadline(now: u32, deadline: Option<u32>) -> Result<(), Error> {
    match deadline {
        Some(deadline) if now > deadline => Err(Error::DeadlineExpired),
        _ => Ok(()),
    }
}

impl TokenData {
    fn active_amm(&self) -> Result<AmmState, Error> {
        self.amm().ok_or(Error::NotInAmmState)
    }

    /// Issuer: starts the AMM on `intercept + slope · supply` (per whole token). Only when
    /// idle: no sale at all (not even an unfinalized one) and no AMM.
    pub fn activate_amm(
        &mut self,
        caller: AccountId,
        now: u32,
        constraints: &TokenConstraints,
        slope: Balance,
        intercept: Balance,
    ) -> Result<Effects, Error> {
        self.ensure_issuer(caller)?;
        if self.offering_state(now) != OfferingState::Idle {
            return Err(Error::TokenIssuanceNotInIdleState);
        }
        if slope < constraints.min_amm_slope {
            return Err(Error::CurveSlopeParametersTooLow);
        }
        let curve = Curve { slope, intercept };
        self.set_amm(Some(AmmState {
            curve,
            provided_supply: 0,
            reserve: 0,
        }));
        Ok(Effects::new().event(AmmActivated {
            issuer: caller,
            slope,
            intercept,
        }))
    }

    /// What buying `amount` costs now, and the fee on top. Fees passed here are governance's,
    /// already capped (`TokenConstraints::amm_buy_fee` / `amm_sell_fee`).
    pub fn quote_buy(&self, amount: Balance, fee_ppm: u32) -> Result<AmmQuote, Error> {
        self.active_amm()?.quote_buy(amount, self.info.decimals, fee_ppm)
    }

    /// What selling `amount` pays now, and the fee taken off.
    pub fn quote_sell(&self, amount: Balance, fee_ppm: u32) -> Result<AmmQuote, Error> {
        self.active_amm()?.quote_sell(amount, self.info.decimals, fee_ppm)
    }

    /// The most tokens `budget` JOY buys now, fee included.
    pub fn max_buy_for_budget(&self, budget: Balance, fee_ppm: u32) -> Result<Balance, Error> {
        let amm = self.active_amm()?;
        let fee = |cost| Permill(fee_ppm).mul_floor(cost);
        Ok(amm
            .curve
            .max_buy_for_budget(amm.provided_supply, budget, self.info.decimals, fee))
    }

    /// Mints `amount` to the caller at the curve's price. `paid` covers cost + fee (+ a bond
    /// for a new account); the rest is refunded. Zero: nothing happens but the refund.
    pub fn buy_on_amm(
        &mut self,
        call: &Call,
        amount: Balance,
        max_cost: Option<Balance>,
        deadline: Option<u32>,
    ) -> Result<Effects, Error> {
        let (caller, now, paid, treasury) = (call.caller, call.now, call.paid, call.treasury);
        let constraints = &call.constraints;
        let mut fx = Effects::new();
        if amount == 0 {
            fx.pay(caller, paid);
            return Ok(fx);
        }
        check_deadline(now, deadline)?;
        self.ensure_no_mint_during_split()?;
        let mut amm = self.active_amm()?;
        let quote = amm.quote_buy(amount, self.info.decimals, constraints.amm_buy_fee())?;
        let total = quote
            .joy
            .checked_add(quote.fee)
            .ok_or(Error::ArithmeticOverflow)?;
        if max_cost.is_some_and(|max| total > max) {
            return Err(Error::SlippageToleranceExceeded);
        }
        let existing = self.account(caller);
        if existing.is_none() && self.is_permissioned() {
            return Err(Error::DestinationAccountDoesNotExist);
        }
        let created = existing.is_none();
        let bond = constraints.bloat_bond;
        let owed = if created {
            total.checked_add(bond).ok_or(Error::ArithmeticOverflow)?
        } else {
            total
        };
        let refund = settle(paid, owed).map_err(|_| Error::InsufficientPayment)?;
        amm.provided_supply = amm
            .provided_supply
            .checked_add(amount)
            .ok_or(Error::ArithmeticOverflow)?;
        amm.reserve = amm
            .reserve
            .checked_add(quote.joy)
            .ok_or(Error::ArithmeticOverflow)?;
        self.mint(now, caller, existing, bond, amount, &mut fx)?;
        self.set_amm(Some(amm));
        fx.push(TokensBoughtOnAmm {
            buyer: caller,
            amount,
            cost: quote.joy,
            fee: quote.fee,
        });
        fx.pay(treasury, quote.fee);
        fx.pay(caller, refund);
        Ok(fx)
    }

    /// Burns `amount` of the caller's transferrable tokens into the curve and pays the
    /// proceeds minus the sell fee, if at least `min_proceeds`. Allowed during a revenue split
    /// (it only lowers the supply; staked tokens are not transferrable). Zero: nothing happens.
    pub fn sell_on_amm(
        &mut self,
        call: &Call,
        amount: Balance,
        min_proceeds: Balance,
        deadline: Option<u32>,
    ) -> Result<Effects, Error> {
        let (caller, now, treasury) = (call.caller, call.now, call.treasury);
        let constraints = &call.constraints;
        if amount == 0 {
            return Ok(Effects::new());
        }
        check_deadline(now, deadline)?;
        let mut amm = self.active_amm()?;
        let mut account = self.existing(caller)?;
        if account.transferrable_at(now) < amount {
            return Err(Error::InsufficientTransferrableBalance);
        }
        let quote = amm.quote_sell(amount, self.info.decimals, constraints.amm_sell_fee())?;
        let net = quote.joy.saturating_sub(quote.fee);
        if net < min_proceeds {
            return Err(Error::SlippageToleranceExceeded);
        }
        // The reserve covers the whole AMM supply (rounding favours it): this cannot fail.
        amm.reserve = amm
            .reserve
            .checked_sub(quote.joy)
            .ok_or(Error::ArithmeticOverflow)?;
        amm.provided_supply = amm.provided_supply.saturating_sub(amount);
        let mut fx = Effects::new();
        self.burn_from(now, caller, &mut account, amount, &mut fx);
        self.set_amm(Some(amm));
        fx.push(TokensSoldOnAmm {
            seller: caller,
            amount,
            proceeds: net,
            fee: quote.fee,
        });
        fx.pay(caller, net);
        fx.pay(treasury, quote.fee);
        Ok(fx)
    }

    /// Issuer: stops the AMM when its supply is at most governance's threshold share of the
    /// total (capped at `AMM_DEACTIVATION_THRESHOLD_CAP`; none at all always qualifies); the
    /// reserve left goes to the treasury. The AMM supply counts at most as the whole supply
    /// (tokens it sold may have been burned outside it), so an AMM outlives no token supply.
    pub fn deactivate_amm(
        &mut self,
        caller: AccountId,
        treasury: AccountId,
        constraints: &TokenConstraints,
    ) -> Result<Effects, Error> {
        self.ensure_issuer(caller)?;
        let amm = self.active_amm()?;
        // Tokens the AMM sold may have been burned outside it: what is still out is at most
        // the whole supply.
        let outstanding = amm.provided_supply.min(self.info.total_supply);
        if outstanding > 0 {
            let allowed = mul_div_floor(
                self.info.total_supply,
                u128::from(constraints.amm_threshold()),
                u128::from(PERMILL_ONE),
            )
            .map_err(|_| Error::ArithmeticOverflow)?;
            if outstanding > allowed {
                return Err(Error::OutstandingAmmProvidedSupplyTooLarge);
            }
        }
        self.set_amm(None);
        let mut fx = Effects::new().event(AmmDeactivated {
            issuer: caller,
            reserve_to_treasury: amm.reserve,
        });
        fx.pay(treasury, amm.reserve);
        Ok(fx)
    }
}
