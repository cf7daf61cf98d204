//! Unit tests of patronage and revenue splits (off-chain engine; helpers from `tests`).

use crt_traits::{InitialAllocation, TokenConstraints, TransferPolicy};
use ink::env::test::{recorded_events, set_block_number, set_caller, set_value_transferred};
use ink::env::DefaultEnvironment as E;
use psp22::{PSP22Burnable, PSP22Error, PSP22};

use crate::tests::*;
use crt_logic::data::RevenueSplit;
use crt_logic::errors::Error;
use crt_logic::events::{
    PatronageCreditClaimed, RevenueSourceSet, RevenueSplitFinalized, UserParticipatedInSplit,
};

/// Governance minimums small enough for unit tests: splits ≥ 10 blocks, ≥ 5 blocks ahead.
fn short_split_rules() -> TokenConstraints {
    TokenConstraints {
        min_revenue_split_duration: 10,
        min_revenue_split_time_to_start: 5,
        ..TokenConstraints::defaults(BOND)
    }
}

#[ink::test]
fn a_year_of_patronage_mints_the_rate_to_the_issuer() {
    let a = acc();
    // Issuance rate: 1 % a year; supply 10^9.
    let mut token = permissionless(vec![(a.alice, 600_000_000), (a.bob, 400_000_000)]);
    set_block_number::<E>(1 + BPY);
    assert_eq!(token.claimable_patronage(), 10_000_000);
    set_caller::<E>(a.bob);
    assert_rejected(&mut token, Error::NotIssuer, |t| t.claim_patronage_credit());
    set_caller::<E>(a.alice);
    let start = recorded_events().count();
    token.claim_patronage_credit().unwrap();
    assert_eq!(token.balance_of(a.alice), 610_000_000);
    let info = token.token_info();
    assert_eq!(
        (info.total_supply, info.tokens_issued, info.patronage_tally),
        (1_010_000_000, 1_010_000_000, 0)
    );
    let evs: Vec<_> = recorded_events().skip(start).collect();
    assert_eq!(evs.len(), 2);
    let minted = decode::<psp22::Transfer>(&evs[0]).unwrap();
    assert_eq!(
        (minted.from, minted.to, minted.value),
        (None, Some(a.alice), 10_000_000)
    );
    let claimed = decode::<PatronageCreditClaimed>(&evs[1]).unwrap();
    assert_eq!((claimed.issuer, claimed.amount), (a.alice, 10_000_000));
    // Nothing more in the same block: a silent no-op.
    token.claim_patronage_credit().unwrap();
    assert_eq!(recorded_events().count(), start + 2);
    assert_eq!(token.claimable_patronage(), 0);
}

#[ink::test]
fn lowering_the_rate_keeps_the_credit_accrued_before() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 1_000_000_000)]);
    set_block_number::<E>(1 + BPY);
    set_caller::<E>(a.bob);
    assert_rejected(&mut token, Error::NotIssuer, |t| {
        t.reduce_patronage_rate_to(5_000)
    });
    set_caller::<E>(a.alice);
    assert_rejected(
        &mut token,
        Error::TargetPatronageRateIsHigherThanCurrentRate,
        |t| t.reduce_patronage_rate_to(10_001),
    );
    let start = recorded_events().count();
    token.reduce_patronage_rate_to(10_000).unwrap(); // same rate: no-op
    assert_eq!(recorded_events().count(), start);
    token.reduce_patronage_rate_to(5_000).unwrap();
    assert_eq!(
        (
            token.token_info().patronage_rate,
            token.token_info().patronage_tally
        ),
        (5_000, 10_000_000)
    );
    // A second year at 0.5 %: both periods are paid.
    set_block_number::<E>(1 + 2 * BPY);
    assert_eq!(token.claimable_patronage(), 15_000_000);
    token.claim_patronage_credit().unwrap();
    assert_eq!(token.balance_of(a.alice), 1_015_000_000);
}

#[ink::test]
fn patronage_compounds_on_the_supply_each_period_had() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 500_000_000), (a.bob, 500_000_000)]);
    set_block_number::<E>(1 + BPY);
    set_caller::<E>(a.bob);
    token.burn(500_000_000).unwrap(); // settles a year on 10^9 first
    set_block_number::<E>(1 + 2 * BPY);
    // 1 % of 10^9 for the first year, 1 % of 5·10^8 for the second.
    assert_eq!(token.claimable_patronage(), 15_000_000);
}

#[ink::test]
fn an_issuer_without_an_account_pays_its_bond_to_claim() {
    let a = acc();
    let mut token = permissionless(vec![(a.bob, 1_000_000_000)]);
    set_block_number::<E>(1 + BPY);
    set_caller::<E>(a.alice);
    assert_rejected(&mut token, Error::InsufficientBloatBond, |t| {
        t.claim_patronage_credit()
    });
    pay(a.alice, BOND + 5);
    let before = joy(a.alice);
    token.claim_patronage_credit().unwrap();
    assert_eq!(joy(a.alice), before + 5);
    let account = token.account_info(a.alice).unwrap();
    assert_eq!((account.amount, account.bloat_bond), (10_000_000, BOND));
    assert_eq!(token.joy_liabilities(), 2 * BOND);
}

/// Supply 1 000: alice (issuer) 600, bob 300, charlie 100 of which vesting-locked.
fn split_token() -> crate::crt::Crt {
    let a = acc();
    let locked = InitialAllocation {
        account: a.charlie,
        amount: 100,
        vesting: Some(vesting(1_000, 0, 10)),
    };
    let mut token = deploy(
        vec![alloc(a.alice, 600), alloc(a.bob, 300), locked],
        TransferPolicy::Permissionless,
    );
    use_constraints(&mut token, short_split_rules());
    token
}

#[ink::test]
fn issuing_a_split_validates_and_refunds_the_issuer_share() {
    let a = acc();
    let mut token = split_token();
    pay(a.bob, 10_000);
    assert_rejected(&mut token, Error::NotIssuer, |t| t.issue_revenue_split(None, 10));
    pay(a.alice, 1); // 50 % of 1 rounds to 0
    assert_rejected(&mut token, Error::CannotIssueSplitWithZeroAllocation, |t| {
        t.issue_revenue_split(None, 10)
    });
    pay(a.alice, 10_000);
    assert_rejected(&mut token, Error::RevenueSplitDurationTooShort, |t| {
        t.issue_revenue_split(None, 9)
    });
    assert_rejected(&mut token, Error::RevenueSplitTimeToStartTooShort, |t| {
        t.issue_revenue_split(Some(5), 10)
    });
    assert_rejected(&mut token, Error::BlockNumberOverflow, |t| {
        t.issue_revenue_split(Some(u32::MAX - 5), 10)
    });
    let before = joy(a.alice);
    token.issue_revenue_split(None, 10).unwrap();
    assert_eq!(joy(a.alice), before + 5_000);
    let split = token.revenue_split().unwrap();
    assert_eq!(
        split,
        RevenueSplit {
            id: 0,
            allocation: 5_000,
            start: 6,
            duration: 10,
            dividends_claimed: 0
        }
    );
    assert_eq!(token.joy_liabilities(), 3 * BOND + 5_000);
    pay(a.alice, 10_000);
    assert_rejected(&mut token, Error::RevenueSplitAlreadyActive, |t| {
        t.issue_revenue_split(None, 10)
    });
}

#[ink::test]
fn a_registered_revenue_source_funds_a_split_for_holders_alone() {
    let a = acc();
    let mut token = split_token();
    let source = a.frank;
    set_caller::<E>(a.bob);
    set_value_transferred::<E>(0);
    assert_rejected(&mut token, Error::NotIssuer, |t| {
        t.set_revenue_source(Some(source))
    });
    assert_eq!(token.revenue_source(), None);
    pay(source, 1_000);
    assert_rejected(&mut token, Error::NotRevenueSource, |t| {
        t.fund_revenue_split(None, 10)
    });
    set_caller::<E>(a.alice);
    set_value_transferred::<E>(0);
    token.set_revenue_source(Some(source)).unwrap();
    assert_eq!(token.revenue_source(), Some(source));
    let set: RevenueSourceSet = decode(events().last().unwrap()).unwrap();
    assert_eq!(set.source, Some(source));
    // The issuer is not the source: it issues its own splits.
    pay(a.alice, 1_000);
    assert_rejected(&mut token, Error::NotRevenueSource, |t| {
        t.fund_revenue_split(None, 10)
    });
    pay(source, 1_000);
    assert_rejected(&mut token, Error::RevenueSplitDurationTooShort, |t| {
        t.fund_revenue_split(None, 9)
    });
    let before = joy(source);
    token.fund_revenue_split(None, 10).unwrap();
    assert_eq!(joy(source), before, "nothing refunded: all of it is the holders'");
    let split = token.revenue_split().unwrap();
    assert_eq!((split.allocation, split.start, split.duration), (1_000, 6, 10));
    assert_eq!(token.joy_liabilities(), 3 * BOND + 1_000);
    pay(source, 1_000);
    assert_rejected(&mut token, Error::RevenueSplitAlreadyActive, |t| {
        t.fund_revenue_split(None, 10)
    });
    set_caller::<E>(a.alice);
    set_value_transferred::<E>(0);
    token.set_revenue_source(None).unwrap();
    assert_eq!(token.revenue_source(), None);
}

#[ink::test]
fn holders_stake_take_dividends_exit_and_anyone_finalizes() {
    let a = acc();
    let mut token = split_token();
    pay(a.alice, 10_000);
    token.issue_revenue_split(Some(11), 20).unwrap();
    set_value_transferred::<E>(0);
    set_caller::<E>(a.bob);
    assert_rejected(&mut token, Error::RevenueSplitNotOngoing, |t| {
        t.participate_in_split(300)
    });
    set_block_number::<E>(11);
    assert_rejected(&mut token, Error::ZeroAmount, |t| t.participate_in_split(0));
    assert_rejected(&mut token, Error::InsufficientBalanceForSplitParticipation, |t| {
        t.participate_in_split(301)
    });
    let before = joy(a.bob);
    token.participate_in_split(300).unwrap();
    assert_eq!(joy(a.bob), before + 1_500); // 300 / 1 000 × 5 000
    let event = decode::<UserParticipatedInSplit>(events().last().unwrap()).unwrap();
    assert_eq!(
        (event.account, event.split_id, event.staked, event.dividend),
        (a.bob, 0, 300, 1_500)
    );
    assert_rejected(&mut token, Error::UserAlreadyParticipating, |t| {
        t.participate_in_split(1)
    });
    // Staked tokens are locked.
    assert_eq!(
        token.transfer(a.alice, 1, vec![]),
        Err(PSP22Error::InsufficientBalance)
    );
    // Vesting-locked tokens may be staked.
    set_caller::<E>(a.charlie);
    token.participate_in_split(100).unwrap();
    set_caller::<E>(a.frank);
    assert_rejected(&mut token, Error::AccountDoesNotExist, |t| {
        t.participate_in_split(1)
    });
    assert_eq!(token.dividend_preview(600), 3_000);

    set_caller::<E>(a.bob);
    assert_rejected(&mut token, Error::RevenueSplitDidNotEnd, |t| {
        t.exit_revenue_split()
    });
    set_caller::<E>(a.alice);
    assert_rejected(&mut token, Error::RevenueSplitDidNotEnd, |t| {
        t.finalize_revenue_split()
    });
    set_block_number::<E>(31);
    set_caller::<E>(a.alice);
    assert_rejected(&mut token, Error::RevenueSplitNotOngoing, |t| {
        t.participate_in_split(600)
    });
    set_caller::<E>(a.bob);
    token.exit_revenue_split().unwrap();
    assert_eq!(token.account_info(a.bob).unwrap().transferrable, 300);
    assert_rejected(&mut token, Error::UserNotParticipatingInAnySplit, |t| {
        t.exit_revenue_split()
    });
    // Anyone finalizes after the end (here bob); the leftovers go to the issuer.
    set_caller::<E>(a.bob);
    let before = joy(a.alice);
    token.finalize_revenue_split().unwrap();
    // 5 000 − 1 500 − 500 left over.
    assert_eq!(joy(a.alice), before + 3_000);
    let finalized = decode::<RevenueSplitFinalized>(events().last().unwrap()).unwrap();
    assert_eq!((finalized.split_id, finalized.leftovers), (0, 3_000));
    assert_eq!(token.joy_liabilities(), 3 * BOND);
    assert_rejected(&mut token, Error::RevenueSplitNotActive, |t| {
        t.finalize_revenue_split()
    });
    assert_rejected(&mut token, Error::RevenueSplitNotActive, |t| {
        t.participate_in_split(1)
    });
    // Charlie exits after finalize; his stake stayed locked until then.
    set_caller::<E>(a.charlie);
    assert_eq!(token.account_info(a.charlie).unwrap().staked, 100);
    token.exit_revenue_split().unwrap();
    assert_eq!(token.dividend_preview(100), 0);
}

/// Joystream issue #4783: a holder staked 100 % of the supply, the supply then grew (patronage
/// claim) and a second stake was paid from other tokens' funds. Here nothing is minted while
/// the split is active and staked tokens stay in the supply, so Σ dividends never exceeds the
/// allocation.
#[ink::test]
fn issue_4783_supply_growth_during_a_split_is_impossible() {
    let a = acc();
    let mut token = deploy(vec![alloc(a.alice, 1_000)], TransferPolicy::Permissionless);
    use_constraints(&mut token, short_split_rules());
    pay(a.alice, 10_000);
    token.issue_revenue_split(None, 10).unwrap();
    set_value_transferred::<E>(0);
    set_block_number::<E>(1 + BPY / 2);
    // The split window has passed in this jump, so reopen a fresh one that is ongoing now.
    set_caller::<E>(a.alice);
    token.finalize_revenue_split().unwrap();
    pay(a.alice, 10_000);
    token.issue_revenue_split(None, 1_000).unwrap();
    set_value_transferred::<E>(0);
    set_block_number::<E>(1 + BPY / 2 + 5);
    token.participate_in_split(1_000).unwrap(); // 100 % of the supply: the whole allocation
    assert_eq!(token.revenue_split().unwrap().dividends_claimed, 5_000);
    // Minting patronage is refused until finalize; the staked tokens cannot be burned before
    // the end.
    assert!(token.claimable_patronage() > 0);
    assert_rejected(
        &mut token,
        Error::CannotModifySupplyWhenRevenueSplitsAreActive,
        |t| t.claim_patronage_credit(),
    );
    assert_eq!(
        token.burn(1),
        Err(PSP22Error::Custom("StakedTokensLockedUntilSplitEnds".into()))
    );
    // Nobody else can stake: there are no other tokens, and the allocation is spent exactly.
    assert_eq!(token.dividend_preview(1), 5);
    assert_eq!(token.joy_liabilities(), BOND);
}
