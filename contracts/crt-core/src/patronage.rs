//! Patronage: the issuer's yearly compound interest on the supply, minted on claim.
//!
//! `credit = supply × ((1 + r)^(blocks / blocks_per_year) − 1)`, computed deterministically in
//! 256-bit fixed point with 27 decimals: `(1 + r)^n` for whole years by exact-rounding
//! squaring, the fractional year as `expm1(f · ln(1 + r))` by series (no `1 + tiny − 1`
//! cancellation, so a one-block claim is as precise as a century). Every step floors, so the
//! credit never exceeds the exact value; the relative error is below 10⁻²⁰ for periods up to
//! 100 years (the pallet's FixedU128/Perquintill approximation is good to about 10⁻¹⁴).

use primitive_types::U256;

use crate::math::{MathError, PERMILL_ONE};

/// 10^27: one in the fixed-point representation.
const SCALE: u128 = 1_000_000_000_000_000_000_000_000_000;

fn scale() -> U256 {
    U256::from(SCALE)
}

/// `⌊a · b / SCALE⌋`.
fn mul(a: U256, b: U256) -> Result<U256, MathError> {
    mul_div(a, b, scale())
}

/// `⌊a · b / c⌋`; `Overflow` when the product leaves 256 bits (growth factors beyond ~10^23,
/// i.e. credits no `u128` supply could hold anyway).
fn mul_div(a: U256, b: U256, c: U256) -> Result<U256, MathError> {
    a.checked_mul(b)
        .and_then(|p| p.checked_div(c))
        .ok_or(MathError::Overflow)
}

fn add(a: U256, b: U256) -> Result<U256, MathError> {
    a.checked_add(b).ok_or(MathError::Overflow)
}

fn div(a: U256, b: u32) -> Result<U256, MathError> {
    a.checked_div(U256::from(b)).ok_or(MathError::Overflow)
}

/// `ln(1 + r)` for `r = rate / 10⁶ ∈ [0, 1]`, as `2·atanh(z)` with `z = r / (2 + r) ≤ 1/3`.
pub fn ln_one_plus(rate_ppm: u32) -> Result<U256, MathError> {
    let rate = U256::from(rate_ppm.min(PERMILL_ONE));
    let z = mul_div(rate, scale(), add(U256::from(2 * PERMILL_ONE), rate)?)?;
    let z2 = mul(z, z)?;
    let (mut term, mut sum, mut odd) = (z, U256::zero(), 1u32);
    while !term.is_zero() {
        sum = add(sum, div(term, odd)?)?;
        term = mul(term, z2)?;
        odd = odd.checked_add(2).ok_or(MathError::Overflow)?;
    }
    add(sum, sum)
}

/// `e^y − 1` for `0 ≤ y < 1` (fixed point), by its Taylor series without the leading one.
fn exp_m1(y: U256) -> Result<U256, MathError> {
    let (mut term, mut sum, mut k) = (y, U256::zero(), 1u32);
    while !term.is_zero() {
        sum = add(sum, term)?;
        k = k.checked_add(1).ok_or(MathError::Overflow)?;
        term = div(mul(term, y)?, k)?;
    }
    Ok(sum)
}

/// `(1 + r)^(blocks / blocks_per_year) − 1` in fixed point (10^27 = 1).
pub fn growth_minus_one(rate_ppm: u32, blocks: u32, blocks_per_year: u32) -> Result<U256, MathError> {
    let rate_ppm = rate_ppm.min(PERMILL_ONE);
    if rate_ppm == 0 || blocks == 0 {
        return Ok(U256::zero());
    }
    let blocks_per_year = blocks_per_year.max(1);
    let years = blocks.checked_div(blocks_per_year).unwrap_or(0);
    let rest = blocks.checked_rem(blocks_per_year).unwrap_or(0);
    // (1 + r)^years by squaring.
    let base = add(
        scale(),
        mul_div(U256::from(rate_ppm), scale(), U256::from(PERMILL_ONE))?,
    )?;
    let (mut power, mut acc, mut e) = (base, scale(), years);
    while e > 0 {
        if e & 1 == 1 {
            acc = mul(acc, power)?;
        }
        e >>= 1;
        if e > 0 {
            power = mul(power, power)?;
        }
    }
    // (1 + r)^(rest / blocks_per_year) − 1 = expm1(rest / blocks_per_year · ln(1 + r)).
    let y = mul_div(
        ln_one_plus(rate_ppm)?,
        U256::from(rest),
        U256::from(blocks_per_year),
    )?;
    let fraction = exp_m1(y)?;
    // (1 + r)^t − 1 = (acc − 1) + acc · fraction, where acc ≥ 1.
    let whole_years = acc.checked_sub(scale()).ok_or(MathError::Overflow)?;
    add(whole_years, mul(acc, fraction)?)
}

/// The patronage credit on `supply` after `blocks` blocks at `rate_ppm` a year, floored.
pub fn credit(supply: u128, rate_ppm: u32, blocks: u32, blocks_per_year: u32) -> Result<u128, MathError> {
    // Nothing accrues on nothing, at rate 0, or in no time (and the 256-bit math is skipped
    // for every settlement within the block of the last one).
    if supply == 0 || rate_ppm == 0 || blocks == 0 {
        return Ok(0);
    }
    let growth = growth_minus_one(rate_ppm, blocks, blocks_per_year)?;
    // Any product beyond 256 bits is a credit beyond u128 too.
    let credit = mul(U256::from(supply), growth)?;
    u128::try_from(credit).map_err(|_| MathError::Overflow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const RUNTIME_BPY: u32 = 5_259_600;
    const MOCK_BPY: u32 = 5_259_487;

    fn to_f64(x: U256) -> f64 {
        // Exact enough for comparisons at 1e-12: split into high and low parts.
        let s = x.to_string();
        s.parse::<f64>().unwrap() / 1e27
    }

    #[test]
    fn ln_matches_reference_values() {
        // 50-digit decimals: ln(1.15) = 0.139761942375158697371…, ln(1.10) = 0.095310179804324860043…
        // (the pallet's series gives …158 699 and …324 858).
        assert_eq!(
            ln_one_plus(150_000).unwrap() / U256::from(1_000_000_000u64),
            U256::from(139_761_942_375_158_697u128)
        );
        assert_eq!(
            ln_one_plus(100_000).unwrap() / U256::from(1_000_000_000u64),
            U256::from(95_310_179_804_324_860u128)
        );
        assert_eq!(ln_one_plus(0), Ok(U256::zero()));
    }

    #[test]
    fn reference_vectors() {
        // Reference §3.5 test vectors (the pallet's approximations agree to the unit here).
        assert_eq!(credit(1_000_000_000, 100_000, 10, MOCK_BPY), Ok(181));
        assert_eq!(
            credit(1_000_000_000, 100_000, 10 * MOCK_BPY + 10, MOCK_BPY),
            Ok(1_593_742_930)
        );
        assert_eq!(
            credit(1_000_000_000_000_000, 150_000, RUNTIME_BPY, RUNTIME_BPY),
            Ok(150_000_000_000_000)
        );
        assert_eq!(credit(10_000_000_000, 10_000, 1, RUNTIME_BPY), Ok(18));
        // One day at 15 %: the pallet gives 382 720 562 776; the exact value is
        // 382 720 562 776.55… (computed with 50-digit decimals).
        assert_eq!(
            credit(1_000_000_000_000_000, 150_000, 14_400, RUNTIME_BPY),
            Ok(382_720_562_776)
        );
        // 10 % for 10 blocks on 10^30 (pallet: 181 215 750 585 · 10^12; exact: …585 898 368…).
        // 27 fixed-point decimals leave the last three digits of a 10^30 supply's credit out.
        let big = credit(10u128.pow(30), 100_000, 10, MOCK_BPY).unwrap();
        assert_eq!(big / 1_000, 181_215_750_585_898_368_181);
    }

    #[test]
    fn high_precision_vectors() {
        // (1.15)^(1234567 / 5259600) − 1 and (1.12)^3.45 − 1, 50-digit decimal arithmetic.
        let g = growth_minus_one(150_000, 1_234_567, RUNTIME_BPY).unwrap();
        assert_eq!(
            g / U256::from(1_000_000_000u64),
            U256::from(33_349_862_121_485_536u128)
        );
        let g = growth_minus_one(120_000, 345, 100).unwrap();
        assert_eq!(
            g / U256::from(1_000_000_000u64),
            U256::from(478_434_805_499_594_623u128)
        );
    }

    #[test]
    fn zero_rate_or_time_or_supply_gives_nothing() {
        assert_eq!(credit(1_000, 0, 1_000_000, RUNTIME_BPY), Ok(0));
        assert_eq!(credit(1_000, 150_000, 0, RUNTIME_BPY), Ok(0));
        assert_eq!(credit(0, 150_000, u32::MAX, RUNTIME_BPY), Ok(0));
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        // 100 % a year for ~4 000 years (u32::MAX blocks at 1 block a year... capped by u32).
        assert_eq!(
            credit(u128::MAX, 1_000_000, u32::MAX, 1),
            Err(MathError::Overflow)
        );
        assert_eq!(
            credit(u128::MAX, 150_000, 10 * RUNTIME_BPY, RUNTIME_BPY),
            Err(MathError::Overflow)
        );
    }

    proptest! {
        #[test]
        fn growth_matches_f64_within_1e12(
            rate in 1u32..=1_000_000, years_x1000 in 0u32..100_000, bpy in 1_000u32..10_000_000,
        ) {
            let blocks = ((u64::from(years_x1000) * u64::from(bpy)) / 1_000).min(u64::from(u32::MAX)) as u32;
            prop_assume!(blocks > 0);
            let ours = growth_minus_one(rate, blocks, bpy);
            let t = f64::from(blocks) / f64::from(bpy);
            let exact = (t * (f64::from(rate) / 1e6).ln_1p()).exp_m1();
            match ours {
                Ok(g) => {
                    let g = to_f64(g);
                    prop_assert!((g - exact).abs() <= 1e-12 * exact + 1e-26, "rate {rate} blocks {blocks} bpy {bpy}: {g} vs {exact}");
                }
                Err(_) => prop_assert!(exact > 1e20),
            }
        }

        #[test]
        fn credit_grows_with_time_and_never_exceeds_f64(
            supply in 0u128..1_000_000_000_000_000_000_000_000u128, rate in 0u32..=150_000,
            a in 0u32..100_000_000, d in 0u32..100_000_000,
        ) {
            let b = a.saturating_add(d);
            let (ca, cb) = (credit(supply, rate, a, RUNTIME_BPY).unwrap(), credit(supply, rate, b, RUNTIME_BPY).unwrap());
            prop_assert!(ca <= cb);
        }
    }
}
