//! Time-bounded fuzzing of every `crt-core` entry point (`scripts/fuzz.sh`): each target draws
//! random inputs — biased towards 0, 1 and the type's maximum — until its budget
//! (`FUZZ_SECONDS`, default 10) runs out, and checks that nothing panics and that each
//! answer keeps its contract. A failure prints the input. Ignored by `cargo test`; run with
//! `--ignored`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use crt_core::amm::Curve;
use crt_core::bonds::{bonds_for, settle};
use crt_core::math::{mul_div_floor, mul_ratio_ceil, mul_ratio_floor, MathError, Permill};
use crt_core::merkle::{compute_root, leaf_of, verify, Blake2x256, MerkleTree, ProofStep, Side};
use crt_core::patronage::{credit, growth_minus_one};
use crt_core::vesting::{VestingSchedule, VestingScheduleParams, VestingSchedules, VestingSource};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

fn budget() -> Duration {
    let seconds = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    Duration::from_secs(seconds)
}

/// Runs `check` on inputs from `strategy` until the budget is spent; panics with the input on
/// the first failure.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(&S::Value))
where
    S::Value: std::fmt::Debug,
{
    let deadline = Instant::now() + budget();
    let mut runner = TestRunner::default();
    let mut runs = 0u64;
    while Instant::now() < deadline {
        let input = strategy.new_tree(&mut runner).expect("input").current();
        if catch_unwind(AssertUnwindSafe(|| check(&input))).is_err() {
            panic!("{name}: failed on input {input:?} after {runs} inputs");
        }
        runs += 1;
    }
    println!("{name}: {runs} inputs, no failure");
}

fn edgy_u128() -> impl Strategy<Value = u128> {
    prop_oneof![
        Just(0u128),
        Just(1),
        Just(u128::MAX),
        Just(u128::MAX - 1),
        0u128..1_000_000,
        any::<u128>(),
        (0u32..128).prop_map(|b| 1u128 << b)
    ]
}

fn edgy_u32() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0u32),
        Just(1),
        Just(u32::MAX),
        Just(u32::MAX - 1),
        0u32..10_000_000,
        any::<u32>()
    ]
}

fn ppm() -> impl Strategy<Value = u32> {
    prop_oneof![Just(0u32), Just(1_000_000), 0u32..=1_000_000, any::<u32>()]
}

#[test]
#[ignore]
fn fuzz_math() {
    fuzz(
        "math",
        (edgy_u128(), edgy_u128(), edgy_u128(), ppm()),
        |&(a, b, c, p)| {
            match mul_div_floor(a, b, c) {
                Ok(q) => {
                    assert!(c != 0);
                    // q = ⌊a·b/c⌋: q·c ≤ a·b checked where it fits.
                    if let (Some(qc), Some(ab)) = (q.checked_mul(c), a.checked_mul(b)) {
                        assert!(qc <= ab);
                    }
                }
                Err(MathError::Overflow) => {}
            }
            // Documented domain: num ≤ den, 0 < den < 2^64.
            if c != 0 && b <= c && c <= u128::from(u64::MAX) {
                assert!(mul_ratio_floor(a, b, c) <= a);
                assert!(mul_ratio_floor(a, b, c) <= mul_ratio_ceil(a, b, c));
            }
            let rate = Permill(p);
            if rate.is_valid() {
                assert!(rate.mul_floor(a) <= a && rate.mul_floor(a) <= rate.mul_ceil(a));
            }
        },
    );
}

#[test]
#[ignore]
fn fuzz_bonds() {
    fuzz(
        "bonds",
        (edgy_u32(), edgy_u128(), edgy_u128(), edgy_u128()),
        |&(n, bond, paid, owed)| {
            if let Ok(total) = bonds_for(n, bond) {
                assert_eq!(Some(total), bond.checked_mul(u128::from(n)));
            }
            match settle(paid, owed) {
                Ok(refund) => assert_eq!(refund, paid - owed),
                Err(missing) => assert!(paid < owed && missing == owed - paid),
            }
        },
    );
}

#[test]
#[ignore]
fn fuzz_amm_curve() {
    let input = (
        edgy_u128(),
        edgy_u128(),
        edgy_u128(),
        edgy_u128(),
        0u8..=30,
        edgy_u128(),
    );
    fuzz(
        "amm",
        input,
        |&(slope, intercept, provided, amount, decimals, budget)| {
            let curve = Curve { slope, intercept };
            let buy = curve.buy_cost(provided, amount, decimals);
            if let (Ok(cost), Some(after)) = (buy, provided.checked_add(amount)) {
                // Selling straight back never pays more than the purchase cost.
                if let Ok(Some(back)) = curve.sell_proceeds(after, amount, decimals) {
                    assert!(back <= cost);
                }
                if let (Ok(v0), Ok(v1)) = (
                    curve.value_of_supply(provided, decimals),
                    curve.value_of_supply(after, decimals),
                ) {
                    assert!(v1 >= v0 && cost >= v1 - v0);
                }
            }
            if let Ok(Some(proceeds)) = curve.sell_proceeds(provided, amount, decimals) {
                assert!(amount <= provided);
                if let Ok(value) = curve.value_of_supply(provided, decimals) {
                    assert!(proceeds <= value);
                }
            }
            let best = curve.max_buy_for_budget(provided, budget, decimals, |c| c / 100);
            if best > 0 {
                let cost = curve
                    .buy_cost(provided, best, decimals)
                    .expect("a returned amount is priced");
                assert!(cost + cost / 100 <= budget);
            }
        },
    );
}

#[test]
#[ignore]
fn fuzz_patronage() {
    let input = (
        edgy_u128(),
        ppm(),
        edgy_u32(),
        prop_oneof![Just(0u32), Just(1), 1u32..10_000_000, any::<u32>()],
    );
    fuzz("patronage", input, |&(supply, rate, blocks, per_year)| {
        let Ok(minted) = credit(supply, rate, blocks, per_year) else {
            return;
        };
        if rate == 0 || blocks == 0 || supply == 0 {
            assert_eq!(minted, 0);
        }
        // More time never mints less; a longer period needs a larger growth factor.
        if let Ok(later) = credit(supply, rate, blocks.saturating_add(1), per_year) {
            assert!(later >= minted);
        }
        if let (Ok(g0), Ok(g1)) = (
            growth_minus_one(rate, blocks, per_year),
            growth_minus_one(rate, blocks.saturating_add(1), per_year),
        ) {
            assert!(g1 >= g0);
        }
        // Within a year at a rate of at most 100 %, the credit is at most the supply.
        if per_year > 0 && blocks <= per_year && rate <= 1_000_000 {
            assert!(minted <= supply);
        }
    });
}

#[test]
#[ignore]
fn fuzz_vesting() {
    let params = (edgy_u32(), ppm(), edgy_u32());
    let input = (edgy_u32(), edgy_u128(), params, edgy_u32(), edgy_u128());
    fuzz(
        "vesting",
        input,
        |&(init, amount, (cliff_blocks, cliff, duration), now, burn)| {
            let params = VestingScheduleParams {
                blocks_before_cliff: cliff_blocks,
                cliff_percentage: Permill(cliff),
                linear_vesting_duration: duration,
            };
            let Ok(schedule) = VestingSchedule::from_params(init, amount, &params) else {
                return;
            };
            assert!(schedule.locked_at(now) <= amount);
            assert!(
                schedule.locked_at(now) >= schedule.locked_at(now.saturating_add(1)),
                "unlocks monotonically"
            );
            assert_eq!(schedule.locked_at(schedule.end()), 0);
            let mut all = VestingSchedules::new();
            if all.add(VestingSource::IssuerTransfer(1), schedule, now).is_ok() {
                let before = all.locked_at(now);
                all.burn(burn, now);
                assert_eq!(all.locked_at(now), before.saturating_sub(burn));
            }
        },
    );
}

#[test]
#[ignore]
fn fuzz_merkle() {
    let input = (
        1usize..64,
        any::<usize>(),
        prop::collection::vec((any::<[u8; 32]>(), any::<bool>()), 0..40),
        any::<u64>(),
    );
    fuzz("merkle", input, |(size, pick, junk, stranger)| {
        let leaves: Vec<_> = (0..*size as u64).map(|i| leaf_of::<Blake2x256, _>(&i)).collect();
        let tree = MerkleTree::new::<Blake2x256>(leaves.clone()).expect("non-empty");
        let index = pick % size;
        let proof = tree.proof(index).expect("index in range");
        assert!(verify::<Blake2x256>(&tree.root(), leaves[index], &proof));
        let junk: Vec<ProofStep> = junk
            .iter()
            .map(|(hash, left)| ProofStep {
                hash: *hash,
                side: if *left { Side::Left } else { Side::Right },
            })
            .collect();
        let _ = compute_root::<Blake2x256>(leaves[index], &junk);
        if *stranger >= *size as u64 {
            let outsider = leaf_of::<Blake2x256, _>(stranger);
            assert!(!verify::<Blake2x256>(&tree.root(), outsider, &proof));
            assert!(!verify::<Blake2x256>(&tree.root(), outsider, &junk));
        }
    });
}
