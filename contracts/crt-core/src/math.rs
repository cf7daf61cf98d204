//! Rates in parts per million and exact, overflow-free rational products.

use scale::{Decode, Encode};
use scale_info::TypeInfo;

/// One million parts: 100 %.
pub const PERMILL_ONE: u32 = 1_000_000;

/// Arithmetic that does not fit the representable range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MathError {
    Overflow,
}

/// A rate in parts per million (`Permill`): 10 000 is 1 %, 1 000 000 is 100 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Encode, Decode, TypeInfo)]
pub struct Permill(pub u32);

impl Permill {
    pub const ZERO: Permill = Permill(0);
    pub const ONE: Permill = Permill(PERMILL_ONE);

    /// Whole percent, e.g. `from_percent(15)` is 15 %.
    pub const fn from_percent(percent: u32) -> Permill {
        Permill(percent.saturating_mul(10_000))
    }

    /// A rate is valid when it is at most 100 %.
    pub const fn is_valid(self) -> bool {
        self.0 <= PERMILL_ONE
    }

    /// `⌊x · self⌋`, exact for every `x` (valid rates only: the result never exceeds `x`).
    pub fn mul_floor(self, x: u128) -> u128 {
        mul_ratio_floor(x, u128::from(self.0.min(PERMILL_ONE)), u128::from(PERMILL_ONE))
    }

    /// `⌈x · self⌉`, exact for every `x` (valid rates only).
    pub fn mul_ceil(self, x: u128) -> u128 {
        mul_ratio_ceil(x, u128::from(self.0.min(PERMILL_ONE)), u128::from(PERMILL_ONE))
    }
}

/// `⌊x · num / den⌋` for `num ≤ den`, `den > 0`, `den < 2^64`, without overflow.
///
/// Splits `x = q·den + r`, so `x·num/den = q·num + r·num/den` where `q·num ≤ x` and
/// `r·num < den² < 2^128`.
pub fn mul_ratio_floor(x: u128, num: u128, den: u128) -> u128 {
    debug_assert!(num <= den && den > 0 && den <= u128::from(u64::MAX));
    let (q, r) = (x.checked_div(den).unwrap_or(0), x.checked_rem(den).unwrap_or(0));
    q.saturating_mul(num)
        .saturating_add(r.saturating_mul(num).checked_div(den).unwrap_or(0))
}

/// `⌈x · num / den⌉` under the same conditions as [`mul_ratio_floor`].
pub fn mul_ratio_ceil(x: u128, num: u128, den: u128) -> u128 {
    let floor = mul_ratio_floor(x, num, den);
    let r = x.checked_rem(den).unwrap_or(0);
    let exact = r.saturating_mul(num).checked_rem(den).unwrap_or(0) == 0;
    if exact {
        floor
    } else {
        floor.saturating_add(1)
    }
}

/// `⌊a · b / c⌋` exactly, through a 256-bit product; `Overflow` if `c = 0` or the quotient
/// does not fit a `u128`.
pub fn mul_div_floor(a: u128, b: u128, c: u128) -> Result<u128, MathError> {
    use primitive_types::U256;
    // Two u128 factors: the product always fits 256 bits.
    let product = U256::from(a)
        .checked_mul(U256::from(b))
        .ok_or(MathError::Overflow)?;
    let quotient = product.checked_div(U256::from(c)).ok_or(MathError::Overflow)?;
    u128::try_from(quotient).map_err(|_| MathError::Overflow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn mul_div_is_exact_and_checked() {
        assert_eq!(mul_div_floor(1_000_000, 10_000_000, 1_000_000_000), Ok(10_000));
        assert_eq!(mul_div_floor(u128::MAX, u128::MAX, u128::MAX), Ok(u128::MAX));
        assert_eq!(mul_div_floor(u128::MAX, 2, 3), Ok(u128::MAX / 3 * 2)); // 3 divides 2^128 − 1
        assert_eq!(mul_div_floor(7, 5, 3), Ok(11));
        assert_eq!(mul_div_floor(1, 1, 0), Err(MathError::Overflow));
        assert_eq!(mul_div_floor(u128::MAX, 2, 1), Err(MathError::Overflow));
    }

    #[test]
    fn permill_products_round_as_named() {
        assert_eq!(Permill::from_percent(30).mul_floor(99), 29);
        assert_eq!(Permill::from_percent(30).mul_ceil(99), 30);
        assert_eq!(Permill::from_percent(30).mul_floor(1), 0);
        assert_eq!(Permill::ONE.mul_floor(u128::MAX), u128::MAX);
        assert_eq!(Permill(500_000).mul_ceil(u128::MAX), u128::MAX / 2 + 1);
        assert_eq!(Permill::ZERO.mul_ceil(u128::MAX), 0);
        assert!(Permill::ONE.is_valid());
        assert!(!Permill(1_000_001).is_valid());
    }

    proptest! {
        #[test]
        fn mul_ratio_matches_wide_arithmetic(x in any::<u128>(), den in 1u128..=u128::from(u32::MAX), num_frac in 0u32..=1_000_000) {
            let num = den * u128::from(num_frac) / 1_000_000;
            // Reference: 256-bit schoolbook via two 128-bit halves.
            let (hi, lo) = (x >> 64, x & u128::from(u64::MAX));
            let hi_p = hi * num; // < 2^96
            let lo_p = lo * num; // < 2^96
            // x·num = hi_p·2^64 + lo_p; divide by den step by step.
            let q_hi = hi_p / den;
            let r_hi = hi_p % den;
            let mid = (r_hi << 64) + lo_p; // r_hi < 2^32 so this fits
            let q = (q_hi << 64) + mid / den;
            let rem = mid % den;
            prop_assert_eq!(mul_ratio_floor(x, num, den), q);
            prop_assert_eq!(mul_ratio_ceil(x, num, den), if rem == 0 { q } else { q + 1 });
        }
    }
}
