//! Hostile inputs, as one table: amounts 0, 1 and `u128::MAX`, too many / duplicate / self
//! outputs, oversized metadata, malformed and foreign Merkle proofs, zero durations, starts in
//! the past, block numbers near `u32::MAX`. Every row names its expected error; each is
//! refused with exactly that error, changes nothing and emits nothing, and nothing panics.

use crt_core::merkle::{leaf_of, Blake2x256, MerkleTree, ProofStep, Side, MAX_PROOF_LEN};
use crt_traits::{Permill, TransferPolicy, VestingScheduleParams, MAX_METADATA_LEN, MAX_OUTPUTS};
use ink::env::test::{set_block_number, set_caller};
use ink::env::DefaultEnvironment as E;
use ink::primitives::AccountId;
use psp22::{PSP22Burnable, PSP22Error, PSP22};

use crate::crt::{Crt, SaleParams, TransferOutput};
use crate::tests::*;
use crt_logic::errors::Error;

type Call = Box<dyn Fn(&mut Crt) -> Result<(), Error>>;

const MAX: u128 = u128::MAX;

fn bob() -> AccountId {
    acc().bob
}

fn sale(f: impl Fn(&mut SaleParams)) -> SaleParams {
    let mut params = public_sale(100);
    f(&mut params);
    params
}

/// Rows on a permissionless token: alice (issuer) holds 1 000, bob 10; block 10; alice calls
/// and sends 1 000 000 JOY with every message. `Ok` rows are defined no-ops.
fn permissionless_rows() -> Vec<(&'static str, Call, Result<(), Error>)> {
    let many: Vec<(AccountId, u128)> = (0..=MAX_OUTPUTS as u8)
        .map(|i| (AccountId::from([100 + i; 32]), 1))
        .collect();
    vec![
        (
            "transfer 0 (a zero output is skipped)",
            Box::new(|t| t.multi_transfer(MultiTransferOutput::list(vec![(bob(), 0)]), vec![])),
            Ok(()),
        ),
        (
            "transfer u128::MAX",
            Box::new(|t| t.multi_transfer(MultiTransferOutput::list(vec![(bob(), MAX)]), vec![])),
            Err(Error::InsufficientTransferrableBalance),
        ),
        (
            "outputs summing past u128::MAX",
            Box::new(|t| {
                t.multi_transfer(
                    MultiTransferOutput::list(vec![(bob(), MAX), (acc().charlie, 2)]),
                    vec![],
                )
            }),
            Err(Error::ArithmeticOverflow),
        ),
        (
            "MAX_OUTPUTS + 1 outputs",
            Box::new(move |t| t.multi_transfer(MultiTransferOutput::list(many.clone()), vec![])),
            Err(Error::TooManyOutputs),
        ),
        (
            "no outputs",
            Box::new(|t| t.multi_transfer(MultiTransferOutput::list(vec![]), vec![])),
            Err(Error::NoOutputs),
        ),
        (
            "duplicate outputs",
            Box::new(|t| t.multi_transfer(MultiTransferOutput::list(vec![(bob(), 1), (bob(), 1)]), vec![])),
            Err(Error::DuplicateOutput),
        ),
        (
            "self-transfer (netted out)",
            Box::new(|t| t.multi_transfer(MultiTransferOutput::list(vec![(acc().alice, 1)]), vec![])),
            Ok(()),
        ),
        (
            "oversized transfer metadata",
            Box::new(|t| {
                t.multi_transfer(
                    MultiTransferOutput::list(vec![(bob(), 1)]),
                    vec![0; MAX_METADATA_LEN + 1],
                )
            }),
            Err(Error::MetadataTooLong),
        ),
        (
            "issuer transfer with a cliff above 100 %",
            Box::new(|t| {
                t.issuer_transfer(
                    vec![TransferOutput {
                        to: bob(),
                        amount: 1,
                        vesting: Some(VestingScheduleParams {
                            cliff_percentage: Permill(u32::MAX),
                            ..vesting(0, 0, 1)
                        }),
                    }],
                    vec![],
                )
            }),
            Err(Error::InvalidVestingParams),
        ),
        (
            "issuer transfer vesting past u32::MAX",
            Box::new(|t| {
                t.issuer_transfer(
                    vec![TransferOutput {
                        to: bob(),
                        amount: 1,
                        vesting: Some(vesting(u32::MAX, 0, 10)),
                    }],
                    vec![],
                )
            }),
            Err(Error::BlockNumberOverflow),
        ),
        (
            "withdraw 0 bond deposit",
            Box::new(|t| t.withdraw_bond_deposit(0)),
            Err(Error::ZeroAmount),
        ),
        (
            "withdraw u128::MAX bond deposit",
            Box::new(|t| t.withdraw_bond_deposit(MAX)),
            Err(Error::InsufficientBondDeposit),
        ),
        (
            "dust a stranger",
            Box::new(|t| t.dust_account(acc().eve)),
            Err(Error::AccountDoesNotExist),
        ),
        (
            "dust a holder",
            Box::new(|t| t.dust_account(bob())),
            Err(Error::NonEmptyAccount),
        ),
        (
            "join the whitelist of a permissionless token",
            Box::new(|t| t.join_whitelist(vec![])),
            Err(Error::NotPermissioned),
        ),
        (
            "split of zero duration",
            Box::new(|t| t.issue_revenue_split(None, 0)),
            Err(Error::RevenueSplitDurationTooShort),
        ),
        (
            "split starting in the past",
            Box::new(|t| t.issue_revenue_split(Some(9), 302_400)),
            Err(Error::RevenueSplitTimeToStartTooShort),
        ),
        (
            "split ending past u32::MAX",
            Box::new(|t| t.issue_revenue_split(Some(u32::MAX - 10), 302_400)),
            Err(Error::BlockNumberOverflow),
        ),
        (
            "participate u128::MAX without a split",
            Box::new(|t| t.participate_in_split(MAX)),
            Err(Error::RevenueSplitNotActive),
        ),
        (
            "sale of zero duration",
            Box::new(|t| t.init_token_sale(sale(|s| s.duration = 0), None, false)),
            Err(Error::SaleDurationIsZero),
        ),
        (
            "sale starting in the past",
            Box::new(|t| t.init_token_sale(sale(|s| s.start = Some(9)), None, false)),
            Err(Error::SaleStartingBlockInThePast),
        ),
        (
            "sale ending past u32::MAX",
            Box::new(|t| t.init_token_sale(sale(|s| s.start = Some(u32::MAX - 10)), None, false)),
            Err(Error::BlockNumberOverflow),
        ),
        (
            "sale of 0 tokens",
            Box::new(|t| t.init_token_sale(sale(|s| s.quantity = 0), None, false)),
            Err(Error::SaleQuantityIsZero),
        ),
        (
            "sale of u128::MAX tokens",
            Box::new(|t| t.init_token_sale(sale(|s| s.quantity = MAX), None, false)),
            Err(Error::InsufficientTransferrableBalance),
        ),
        (
            "sale at price 0",
            Box::new(|t| t.init_token_sale(sale(|s| s.unit_price = 0), None, false)),
            Err(Error::SaleUnitPriceIsZero),
        ),
        (
            "oversized sale metadata",
            Box::new(|t| {
                t.init_token_sale(sale(|s| s.metadata = vec![0; MAX_METADATA_LEN + 1]), None, false)
            }),
            Err(Error::MetadataTooLong),
        ),
        (
            "buy u128::MAX on no sale",
            Box::new(|t| t.purchase_tokens_on_sale(MAX, None)),
            Err(Error::NoActiveSale),
        ),
        (
            "AMM with slope 0",
            Box::new(|t| t.activate_amm(0, 0)),
            Err(Error::CurveSlopeParametersTooLow),
        ),
        (
            "sell u128::MAX without an AMM",
            Box::new(|t| t.sell_on_amm(MAX, 0, None)),
            Err(Error::NotInAmmState),
        ),
        (
            "patronage rate u32::MAX",
            Box::new(|t| t.reduce_patronage_rate_to(u32::MAX)),
            Err(Error::TargetPatronageRateIsHigherThanCurrentRate),
        ),
        (
            "finalize a sale that never was",
            Box::new(|t| t.finalize_token_sale()),
            Err(Error::NoSaleToFinalize),
        ),
    ]
}

fn setup_permissionless() -> Crt {
    let token = permissionless(vec![(acc().alice, 1_000), (acc().bob, 10)]);
    set_block_number::<E>(10);
    token
}

#[ink::test]
fn hostile_inputs_are_refused_with_their_error_and_change_nothing() {
    let mut token = setup_permissionless();
    let mut wrong = Vec::new();
    for (name, call, expected) in permissionless_rows() {
        pay(acc().alice, 1_000_000);
        let before = snapshot(&token);
        let result = call(&mut token);
        if result != expected {
            wrong.push(format!("{name}: {result:?} instead of {expected:?}"));
        }
        let after = snapshot(&token);
        // A refused message keeps the payment too (the chain reverts it); a no-op refunds it.
        let unchanged = if expected.is_err() {
            after == before
        } else {
            (&after.0, &after.1) == (&before.0, &before.1)
        };
        assert!(unchanged, "{name} changed the token");
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[ink::test]
fn amm_amounts_at_u128_max_overflow_instead_of_trapping() {
    let mut token = setup_permissionless();
    token.activate_amm(MAX, MAX).expect("any slope above the minimum");
    assert_eq!(token.quote_buy(MAX).map(|_| ()), Err(Error::ArithmeticOverflow));
    assert_eq!(
        token.max_buy_for_budget(MAX).map(|_| ()),
        Ok(()),
        "a budget bounds the answer"
    );
    pay(acc().bob, 1_000_000);
    assert_rejected(&mut token, Error::ArithmeticOverflow, |t| {
        t.buy_on_amm(MAX, None, None)
    });
    assert_rejected(&mut token, Error::ArithmeticOverflow, |t| {
        t.buy_on_amm(1 << 100, None, None)
    });
    // A single base unit costs at least one JOY base unit (rounded up), never zero.
    let quote = token.quote_buy(1).expect("quote");
    assert!(quote.joy >= 1);
}

#[ink::test]
fn psp22_messages_take_extreme_amounts_without_trapping() {
    let mut token = setup_permissionless();
    let a = acc();
    assert_eq!(
        token.transfer(a.bob, MAX, vec![]),
        Err(PSP22Error::InsufficientBalance)
    );
    assert_eq!(token.burn(MAX), Err(PSP22Error::InsufficientBalance));
    assert_eq!(token.burn(0), Ok(()), "burning nothing is the standard's no-op");
    assert_eq!(
        token.transfer_from(a.bob, a.charlie, 1, vec![]),
        Err(PSP22Error::InsufficientAllowance)
    );
    assert_eq!(token.approve(a.bob, MAX), Ok(()));
    assert_eq!(token.allowance(a.alice, a.bob), MAX);
    assert_eq!(
        token.increase_allowance(a.bob, 1),
        Err(PSP22Error::Custom("ArithmeticOverflow".into()))
    );
    assert_eq!(
        token.allowance(a.alice, a.bob),
        MAX,
        "unchanged by the refused increase"
    );
    // Queries at the last block number answer (every schedule has ended by then).
    assert_eq!(token.transferrable_at(a.bob, u32::MAX), 10);
    assert_eq!(token.vesting_locked_at(a.bob, u32::MAX), 0);
}

#[ink::test]
fn malformed_foreign_and_oversized_proofs_are_refused() {
    let a = acc();
    let members = [a.bob, a.charlie, a.django];
    let tree =
        MerkleTree::new::<Blake2x256>(members.iter().map(leaf_of::<Blake2x256, _>).collect()).expect("tree");
    let foreign = MerkleTree::new::<Blake2x256>(vec![
        leaf_of::<Blake2x256, _>(&a.eve),
        leaf_of::<Blake2x256, _>(&a.bob),
    ])
    .expect("tree");
    let mut token = deploy(
        vec![alloc(a.alice, 1_000)],
        TransferPolicy::Permissioned(tree.root().into()),
    );
    let good = tree.proof(0).expect("bob's proof");
    let mut flipped = good.clone();
    flipped[0].side = match flipped[0].side {
        Side::Left => Side::Right,
        Side::Right => Side::Left,
    };
    let too_long = vec![
        ProofStep {
            hash: [0; 32],
            side: Side::Left,
        };
        MAX_PROOF_LEN + 1
    ];
    let cases: Vec<(&str, AccountId, Vec<ProofStep>, Error)> = vec![
        (
            "empty proof",
            a.bob,
            vec![],
            Error::MerkleProofVerificationFailure,
        ),
        (
            "flipped side",
            a.bob,
            flipped,
            Error::MerkleProofVerificationFailure,
        ),
        (
            "proof from another whitelist",
            a.bob,
            foreign.proof(1).expect("proof"),
            Error::MerkleProofVerificationFailure,
        ),
        (
            "someone else's proof",
            a.eve,
            good.clone(),
            Error::MerkleProofVerificationFailure,
        ),
        ("oversized proof", a.bob, too_long, Error::MerkleProofTooLong),
    ];
    for (name, caller, proof, expected) in cases {
        pay(caller, BOND);
        let before = snapshot(&token);
        assert_eq!(token.join_whitelist(proof), Err(expected), "{name}");
        assert_eq!(snapshot(&token), before, "{name} changed the token");
    }
    pay(a.bob, BOND);
    assert_eq!(
        token.join_whitelist(good.clone()),
        Ok(()),
        "the genuine proof still works"
    );
    pay(a.bob, BOND);
    assert_rejected(&mut token, Error::AccountAlreadyExists, |t| {
        t.join_whitelist(good)
    });
    set_caller::<E>(a.alice);
}
