//! The bonding curve: a linear price over the AMM-provided supply, priced per whole token.
//!
//! With `U = 10^decimals` base units per token, `intercept` (JOY base units per whole token at
//! supply 0) and `slope` (JOY base units per whole token, per whole token of supply), the price
//! at supply `s` base units is `P(s) = intercept + slope · s / U` per whole token, and moving
//! the supply from `x` to `y` costs the exact integral
//!
//! ```text
//! ∫ₓʸ P(s)/U ds = (2·U·intercept·(y − x) + slope·(y − x)·(y + x)) / (2·U²)
//! ```
//!
//! evaluated once, in checked 256-bit arithmetic (`primitive-types`), and rounded once: **up** for
//! buys, **down** for sells. Every buy puts at least the exact integral in the reserve and
//! every sell takes at most it out, so the reserve always covers selling every AMM-provided
//! token back (reserve ≥ ∫₀ˢ). Results beyond `u128` are `Overflow`, never a panic.

use primitive_types::U256;
use scale::{Decode, Encode};
use scale_info::TypeInfo;

use crate::math::MathError;

/// Most decimals a token may have for its AMM math (`10^decimals` base units per token).
pub const MAX_DECIMALS: u8 = 18;

/// A linear bonding curve, per whole token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct Curve {
    /// Price increase, in JOY base units per whole token, per whole token of AMM supply.
    pub slope: u128,
    /// Price at zero AMM supply, in JOY base units per whole token.
    pub intercept: u128,
}

#[derive(Clone, Copy)]
enum Rounding {
    Up,
    Down,
}

fn unit(decimals: u8) -> Result<U256, MathError> {
    if decimals > MAX_DECIMALS {
        return Err(MathError::Overflow);
    }
    Ok(U256::exp10(usize::from(decimals)))
}

impl Curve {
    /// The exact integral of the price between supplies `lo ≤ hi`, rounded as asked.
    fn integral(&self, lo: u128, hi: u128, decimals: u8, rounding: Rounding) -> Result<u128, MathError> {
        let u = unit(decimals)?;
        let (lo, hi) = (U256::from(lo), U256::from(hi));
        let overflow = || MathError::Overflow;
        let delta = hi.checked_sub(lo).ok_or_else(overflow)?;
        let sum = hi.checked_add(lo).ok_or_else(overflow)?;
        // 2·U·intercept·Δ + slope·Δ·(x + y), over 2·U². Checked: the specified range (10^12
        // tokens at 18 decimals, up to 10^6 JOY per token) stays far inside 256 bits.
        let linear = u
            .checked_mul(U256::from(2u8))
            .and_then(|x| x.checked_mul(U256::from(self.intercept)))
            .and_then(|x| x.checked_mul(delta))
            .ok_or_else(overflow)?;
        let quadratic = delta
            .checked_mul(sum)
            .and_then(|x| x.checked_mul(U256::from(self.slope)))
            .ok_or_else(overflow)?;
        let numerator = linear.checked_add(quadratic).ok_or_else(overflow)?;
        let denominator = u
            .checked_mul(u)
            .and_then(|x| x.checked_mul(U256::from(2u8)))
            .ok_or_else(overflow)?;
        let (quotient, remainder) = numerator.div_mod(denominator);
        let quotient = match rounding {
            Rounding::Up if !remainder.is_zero() => quotient.checked_add(U256::one()).ok_or_else(overflow)?,
            _ => quotient,
        };
        u128::try_from(quotient).map_err(|_| MathError::Overflow)
    }

    /// JOY to mint `amount` more tokens at AMM supply `provided` (rounded up).
    pub fn buy_cost(&self, provided: u128, amount: u128, decimals: u8) -> Result<u128, MathError> {
        let after = provided.checked_add(amount).ok_or(MathError::Overflow)?;
        self.integral(provided, after, decimals, Rounding::Up)
    }

    /// JOY paid out for burning `amount` tokens at AMM supply `provided` (rounded down);
    /// `None` when `amount` exceeds what the AMM provided.
    pub fn sell_proceeds(
        &self,
        provided: u128,
        amount: u128,
        decimals: u8,
    ) -> Result<Option<u128>, MathError> {
        let Some(after) = provided.checked_sub(amount) else {
            return Ok(None);
        };
        self.integral(after, provided, decimals, Rounding::Down).map(Some)
    }

    /// The exact value of the AMM supply, `∫₀ˢ` rounded down (what the reserve must cover).
    pub fn value_of_supply(&self, provided: u128, decimals: u8) -> Result<u128, MathError> {
        self.integral(0, provided, decimals, Rounding::Down)
    }

    /// The largest amount whose `cost(amount) + fee(cost)` fits `budget`, where `fee` is
    /// monotone in the cost. Binary search over the monotone total (≤ 128 steps).
    pub fn max_buy_for_budget(
        &self,
        provided: u128,
        budget: u128,
        decimals: u8,
        fee: impl Fn(u128) -> u128,
    ) -> u128 {
        let fits = |amount: u128| match self.buy_cost(provided, amount, decimals) {
            Ok(cost) => cost.checked_add(fee(cost)).is_some_and(|total| total <= budget),
            Err(_) => false,
        };
        let (mut lo, mut hi) = (0u128, u128::MAX.saturating_sub(provided));
        if fits(hi) {
            return hi;
        }
        // Invariant: fits(lo), !fits(hi).
        while hi.saturating_sub(lo) > 1 {
            let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
            if fits(mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TOKEN: u128 = 1_000_000_000_000_000_000; // 18 decimals

    #[test]
    fn integral_matches_hand_computation() {
        // 10 decimals: price 1 000 + 2 000·s per token; 0 → 3 tokens costs 3 000 + 9 000.
        let curve = Curve {
            slope: 2_000,
            intercept: 1_000,
        };
        let t = 10_000_000_000u128;
        assert_eq!(curve.buy_cost(0, 3 * t, 10), Ok(12_000));
        assert_eq!(curve.sell_proceeds(3 * t, 3 * t, 10), Ok(Some(12_000)));
        assert_eq!(curve.sell_proceeds(3 * t, 3 * t + 1, 10), Ok(None));
        // From 2 to 3 tokens: 1 000 + 2 000·2.5 = 6 000.
        assert_eq!(curve.buy_cost(2 * t, t, 10), Ok(6_000));
        assert_eq!(curve.buy_cost(5, 0, 10), Ok(0));
    }

    #[test]
    fn rounding_favours_the_reserve() {
        // One base unit of an 18-decimal token on a curve of 1 JOY unit per token.
        let curve = Curve {
            slope: 1,
            intercept: 1,
        };
        assert_eq!(curve.buy_cost(0, 1, 18), Ok(1));
        assert_eq!(curve.sell_proceeds(1, 1, 18), Ok(Some(0)));
    }

    #[test]
    fn extreme_but_realistic_curves_are_representable() {
        // 10^12 tokens at 18 decimals, prices from 10^-6 JOY to 10^6 JOY (10 JOY decimals).
        let supply = 1_000_000_000_000 * TOKEN;
        let cheap = Curve {
            slope: 0,
            intercept: 10_000,
        };
        assert_eq!(cheap.buy_cost(0, supply, 18), Ok(10_000 * 1_000_000_000_000));
        let steep = Curve {
            slope: 1,
            intercept: 10_000_000_000_000_000,
        };
        let cost = steep.buy_cost(0, supply, 18).unwrap();
        assert_eq!(
            cost,
            10_000_000_000_000_000 * 1_000_000_000_000 + 500_000_000_000_000_000_000_000
        );
        // Beyond u128: an error, not a panic.
        let absurd = Curve {
            slope: u128::MAX,
            intercept: u128::MAX,
        };
        assert_eq!(absurd.buy_cost(0, u128::MAX, 18), Err(MathError::Overflow));
        assert_eq!(absurd.buy_cost(u128::MAX, 1, 18), Err(MathError::Overflow));
        assert_eq!(absurd.buy_cost(0, 1, 19), Err(MathError::Overflow));
    }

    #[test]
    fn max_buy_fits_the_budget_exactly() {
        let curve = Curve {
            slope: 2_000,
            intercept: 1_000,
        };
        let fee = |cost: u128| cost / 100;
        let amount = curve.max_buy_for_budget(0, 1_000_000, 10, fee);
        let cost = curve.buy_cost(0, amount, 10).unwrap();
        assert!(cost + fee(cost) <= 1_000_000);
        let more = curve.buy_cost(0, amount + 1, 10).unwrap();
        assert!(more + fee(more) > 1_000_000);
        assert_eq!(curve.max_buy_for_budget(0, 0, 10, fee), 0);
    }

    fn curve() -> impl Strategy<Value = Curve> {
        (0u128..1_000_000_000_000_000_000, 0u128..1_000_000_000_000_000_000)
            .prop_map(|(slope, intercept)| Curve { slope, intercept })
    }

    proptest! {
        #[test]
        fn round_trips_never_profit_the_trader(c in curve(), provided in 0u128..1_000_000 * TOKEN, amount in 0u128..1_000_000 * TOKEN) {
            let paid = c.buy_cost(provided, amount, 18).unwrap();
            let back = c.sell_proceeds(provided + amount, amount, 18).unwrap().unwrap();
            prop_assert!(back <= paid);
            prop_assert!(paid - back <= 1);
        }

        #[test]
        fn reserve_covers_the_supply_after_any_sequence(
            c in curve(),
            trades in proptest::collection::vec((any::<bool>(), 0u128..1_000 * TOKEN), 1..40),
        ) {
            let (mut provided, mut reserve) = (0u128, 0u128);
            for (buy, amount) in trades {
                if buy {
                    reserve += c.buy_cost(provided, amount, 18).unwrap();
                    provided += amount;
                } else if let Some(out) = c.sell_proceeds(provided, amount.min(provided), 18).unwrap() {
                    reserve -= out;
                    provided -= amount.min(provided);
                }
                prop_assert!(reserve >= c.value_of_supply(provided, 18).unwrap());
                prop_assert!(reserve >= c.sell_proceeds(provided, provided, 18).unwrap().unwrap());
            }
        }

        #[test]
        fn splitting_a_buy_never_costs_less(c in curve(), provided in 0u128..1_000 * TOKEN, a in 0u128..1_000 * TOKEN, b in 0u128..1_000 * TOKEN) {
            let whole = c.buy_cost(provided, a + b, 18).unwrap();
            let parts = c.buy_cost(provided, a, 18).unwrap() + c.buy_cost(provided + a, b, 18).unwrap();
            prop_assert!(parts >= whole);
        }
    }
}
