//! Hostile-reviewer findings: each test shows one way an issuer, governance or a third party
//! could lock or take holders' money, and that it no longer can (off-chain engine; helpers
//! from `tests`). The end-to-end suite repeats the ones that need the real runtime.

use crt_traits::{TokenConstraints, TransferPolicy};
use ink::env::test::{set_block_number, set_caller, set_value_transferred};
use ink::env::DefaultEnvironment as E;
use psp22::{PSP22Burnable, PSP22};

use crate::crt::{Crt, SaleParams};
use crate::tests::*;
use crt_logic::errors::Error;

/// One token = 10^10 base units.
const T: u128 = 10_000_000_000;

/// Short minimums so tests can reach every window: sales and splits ≥ 10 blocks, AMM slope
/// ≥ 1 000, no deactivation threshold.
fn rules() -> TokenConstraints {
    TokenConstraints {
        min_sale_duration: 10,
        min_revenue_split_duration: 10,
        min_amm_slope: 1_000,
        ..TokenConstraints::defaults(BOND)
    }
}

/// A permissionless token with these holders and a revenue split of 5 000 JOY (10 000 paid
/// at a 50 % rate) open from block 1 to 11.
fn with_split(holders: Vec<(ink::primitives::AccountId, u128)>) -> Crt {
    let mut token = permissionless(holders);
    use_constraints(&mut token, rules());
    pay(acc().alice, 10_000);
    token.issue_revenue_split(None, 10).unwrap();
    token
}

/// A public sale of 100 tokens at 1 JOY per base unit, starting now, for 10 blocks.
fn hundred_at_one() -> SaleParams {
    SaleParams {
        unit_price: 1,
        quantity: 100,
        start: None,
        duration: 10,
        vesting: None,
        cap_per_buyer: None,
        whitelist: None,
        metadata: vec![],
    }
}

fn at(block: u32, who: ink::primitives::AccountId) {
    set_block_number::<E>(block);
    set_caller::<E>(who);
    set_value_transferred::<E>(0);
}

/// Alice (issuer) 100 tokens, bob 10, an AMM at 1 000 + 2 000 × supply per token.
fn token_with_amm() -> Crt {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 100 * T), (a.bob, 10 * T)]);
    use_constraints(&mut token, rules());
    set_caller::<E>(a.alice);
    token.activate_amm(2_000, 1_000).unwrap();
    token
}

fn buy(token: &mut Crt, who: ink::primitives::AccountId, amount: u128) {
    let cost = token.quote_buy(amount).unwrap();
    pay(who, cost.joy + cost.fee + BOND);
    token.buy_on_amm(amount, None, None).unwrap();
    set_value_transferred::<E>(0);
}

#[ink::test]
fn finding_01_a_revenue_split_never_blocks_a_holders_burn_or_amm_sale() {
    let a = acc();
    let mut token = token_with_amm();
    buy(&mut token, a.bob, T);
    pay(a.alice, 10_000);
    token.issue_revenue_split(None, 10).unwrap();
    // During the split, holders leave: burn and sell back.
    at(1, a.bob);
    token.burn(T).unwrap();
    let proceeds = token.quote_sell(T / 2).unwrap();
    token
        .sell_on_amm(T / 2, proceeds.joy - proceeds.fee, None)
        .unwrap();
    assert_eq!(token.balance_of(a.bob), 10 * T - T / 2);
    // Minting still waits: the AMM buy and the patronage claim.
    let quote = token.quote_buy(T).unwrap();
    pay(a.bob, quote.joy + quote.fee);
    assert_rejected(
        &mut token,
        Error::CannotModifySupplyWhenRevenueSplitsAreActive,
        |t| t.buy_on_amm(T, None, None),
    );
    set_block_number::<E>(1 + BPY);
    pay(a.alice, 0);
    assert_rejected(
        &mut token,
        Error::CannotModifySupplyWhenRevenueSplitsAreActive,
        |t| t.claim_patronage_credit(),
    );
}

#[ink::test]
fn finding_01_staked_tokens_wait_for_the_end_of_their_split_the_rest_burns() {
    let a = acc();
    // Bob and charlie hold half the supply each.
    let mut token = with_split(vec![(a.bob, 50), (a.charlie, 50)]);
    at(1, a.bob);
    token.participate_in_split(30).unwrap(); // 30 / 100 × 5 000
                                             // Bob's 20 unstaked tokens burn; his 30 staked ones must stay in the supply: if he burned
                                             // them, charlie's 50 would be priced against a supply of 50 and take the whole allocation
                                             // on top of bob's 1 500.
    token.burn(20).unwrap();
    let before = snapshot(&token);
    assert_eq!(
        token.burn(1),
        Err(psp22::PSP22Error::Custom(
            "StakedTokensLockedUntilSplitEnds".into()
        ))
    );
    assert_eq!(snapshot(&token), before);
    at(1, a.charlie);
    let before = joy(a.charlie);
    token.participate_in_split(50).unwrap(); // 50 / 80 × 5 000
    assert_eq!(joy(a.charlie), before + 3_125);
    let split = token.revenue_split().unwrap();
    assert!(split.dividends_claimed <= split.allocation);
    // After the end the stake burns too.
    at(11, a.bob);
    token.burn(30).unwrap();
    assert_eq!(token.account_info(a.bob).unwrap().staked, 0);
}

#[ink::test]
fn finding_01_a_split_far_in_the_future_is_refused() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 100), (a.bob, 10)]);
    use_constraints(&mut token, rules());
    pay(a.alice, 2);
    // Defaults: at most 100 800 blocks ahead and 1 209 600 long.
    assert_rejected(&mut token, Error::RevenueSplitTimeToStartTooLong, |t| {
        t.issue_revenue_split(Some(50_000_000), 10)
    });
    assert_rejected(&mut token, Error::RevenueSplitTimeToStartTooLong, |t| {
        t.issue_revenue_split(Some(1 + 100_801), 10)
    });
    assert_rejected(&mut token, Error::RevenueSplitDurationTooLong, |t| {
        t.issue_revenue_split(None, 1_209_601)
    });
    token.issue_revenue_split(Some(1 + 100_800), 1_209_600).unwrap();
}

#[ink::test]
fn finding_01_anyone_finalizes_an_ended_split_and_the_issuer_gets_the_leftovers() {
    let a = acc();
    let mut token = with_split(vec![(a.alice, 100), (a.bob, 10)]);
    let issuer_before = joy(a.alice);
    at(10, a.bob);
    assert_rejected(&mut token, Error::RevenueSplitDidNotEnd, |t| {
        t.finalize_revenue_split()
    });
    at(11, a.bob);
    let bob_before = joy(a.bob);
    token.finalize_revenue_split().unwrap();
    assert_eq!(joy(a.alice), issuer_before + 5_000);
    assert_eq!(joy(a.bob), bob_before);
    assert_eq!(token.revenue_split(), None);
    assert_eq!(token.joy_liabilities(), 2 * BOND);
}

#[ink::test]
fn finding_03_a_sale_cap_survives_dusting() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 1_000)]);
    use_constraints(&mut token, rules());
    let offer = SaleParams {
        cap_per_buyer: Some(10),
        ..hundred_at_one()
    };
    token.init_token_sale(offer, None, false).unwrap();
    pay(a.bob, 10 + BOND);
    token.purchase_tokens_on_sale(10, None).unwrap();
    // Move the tokens away, dust the account, buy the cap again.
    at(1, a.bob);
    token.transfer(a.alice, 10, vec![]).unwrap();
    token.dust_account(a.bob).unwrap();
    pay(a.bob, 10 + BOND);
    assert_rejected(&mut token, Error::SalePurchaseCapExceeded, |t| {
        t.purchase_tokens_on_sale(1, None)
    });
    assert_eq!(token.purchased_on_sale(a.bob), 10);
}

#[ink::test]
fn finding_05_a_burn_outside_the_amm_leaves_other_holders_prices_alone() {
    let a = acc();
    let mut token = deploy(vec![], TransferPolicy::Permissionless);
    use_constraints(&mut token, rules());
    set_caller::<E>(a.alice);
    token.activate_amm(2_000, 1_000).unwrap();
    buy(&mut token, a.bob, 10 * T);
    buy(&mut token, a.charlie, 10 * T);
    let charlie_quote = token.quote_sell(10 * T).unwrap();
    at(1, a.bob);
    token.burn(10 * T).unwrap();
    // Charlie still sells the top of the curve he bought.
    assert_eq!(token.quote_sell(10 * T).unwrap(), charlie_quote);
    assert_eq!(token.amm_state().unwrap().provided_supply, 20 * T);
    // Deactivation counts the AMM supply at most as the supply left (10 of 10: refused).
    at(1, a.alice);
    assert_rejected(&mut token, Error::OutstandingAmmProvidedSupplyTooLarge, |t| {
        t.deactivate_amm()
    });
}

#[ink::test]
fn finding_05_an_amm_whose_tokens_were_burned_can_be_deactivated() {
    let a = acc();
    let mut token = deploy(vec![], TransferPolicy::Permissionless);
    use_constraints(&mut token, rules());
    set_caller::<E>(a.alice);
    token.activate_amm(2_000, 1_000).unwrap();
    buy(&mut token, a.bob, 10 * T);
    at(1, a.bob);
    token.burn(10 * T).unwrap();
    at(1, a.alice);
    let treasury_before = joy(a.django);
    let reserve = token.amm_state().unwrap().reserve;
    token.deactivate_amm().unwrap();
    assert_eq!(joy(a.django), treasury_before + reserve);
    assert_eq!(token.joy_liabilities(), BOND);
}

#[ink::test]
fn finding_06_deissue_is_refused_while_a_split_holds_joy() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 100)]);
    use_constraints(&mut token, rules());
    token.burn(100).unwrap();
    token.dust_account(a.alice).unwrap();
    pay(a.alice, 10_000);
    token.issue_revenue_split(None, 10).unwrap();
    set_caller::<E>(a.django);
    assert_rejected(&mut token, Error::CannotDeissueWithActiveRevenueSplit, |t| {
        t.deissue(a.alice)
    });
    // Once it is finalized (by anyone) the allocation is back with the issuer.
    at(11, a.bob);
    token.finalize_revenue_split().unwrap();
    assert_eq!(token.joy_liabilities(), 0);
    set_caller::<E>(a.django);
    token.deissue(a.alice).unwrap();
}

#[ink::test]
fn finding_06_deissue_is_refused_while_an_amm_holds_a_reserve() {
    let a = acc();
    let mut token = deploy(vec![], TransferPolicy::Permissionless);
    use_constraints(&mut token, rules());
    set_caller::<E>(a.alice);
    token.activate_amm(2_000, 1_000).unwrap();
    buy(&mut token, a.bob, T);
    at(1, a.bob);
    let proceeds = token.quote_sell(T / 2).unwrap();
    token
        .sell_on_amm(T / 2, proceeds.joy - proceeds.fee, None)
        .unwrap();
    token.burn(T / 2).unwrap();
    token.dust_account(a.bob).unwrap();
    assert!(token.amm_state().unwrap().reserve > 0);
    set_caller::<E>(a.django);
    assert_rejected(&mut token, Error::CannotDeissueWithActiveAmm, |t| {
        t.deissue(a.alice)
    });
    set_caller::<E>(a.alice);
    token.deactivate_amm().unwrap();
    assert_eq!(token.joy_liabilities(), 0);
    set_caller::<E>(a.django);
    token.deissue(a.alice).unwrap();
}

/// A 40-block "year", supply 10^15 at 15 %: the unclaimed credit leaves `u128` after
/// ~15 200 blocks.
fn token_with_a_short_year() -> Crt {
    let a = acc();
    set_context(BOND, false);
    set_block_number::<E>(1);
    set_caller::<E>(a.django);
    set_value_transferred::<E>(2 * BOND);
    let mut params = issuance(
        vec![alloc(a.alice, 10u128.pow(15) - 1_000), alloc(a.bob, 1_000)],
        TransferPolicy::Permissionless,
    );
    params.patronage_rate = 150_000;
    let mut token = Crt::new(
        libraries(),
        7,
        a.alice,
        params,
        current_constraints(),
        40,
        MARKER.into(),
    )
    .unwrap();
    use_constraints(&mut token, rules());
    token
}

#[ink::test]
fn finding_07_patronage_credit_beyond_u128_blocks_nothing() {
    let a = acc();
    let mut token = token_with_a_short_year();
    at(20_000, a.bob);
    assert_eq!(token.claimable_patronage(), u128::MAX - 10u128.pow(15));
    token.burn(1).unwrap();
    at(20_000, a.alice);
    token.reduce_patronage_rate_to(0).unwrap();
    token.claim_patronage_credit().unwrap();
    // The credit was capped when bob's burn settled it (at `u128::MAX − supply then`), so the
    // supply grew to one below the most a u128 holds, and nothing is left to claim.
    assert_eq!(token.total_supply(), u128::MAX - 1);
    assert_eq!(token.claimable_patronage(), 0);
    at(20_001, a.bob);
    token.burn(1).unwrap();
}

#[ink::test]
fn finding_10_the_issuer_cannot_fill_a_holders_vesting_slots() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 1_000), (a.bob, 10)]);
    use_constraints(&mut token, rules());
    // Century-long one-unit vested transfers, one schedule each: the third is refused.
    let century = || crate::crt::TransferOutput {
        to: a.bob,
        amount: 1,
        vesting: Some(vesting(0, 0, 52_596_000)),
    };
    token.issuer_transfer(vec![century()], vec![]).unwrap();
    token.issuer_transfer(vec![century()], vec![]).unwrap();
    assert_rejected(&mut token, Error::MaxIssuerVestingSchedulesReached, |t| {
        t.issuer_transfer(vec![century()], vec![])
    });
    // Unvested transfers still arrive.
    token
        .issuer_transfer(
            vec![crate::crt::TransferOutput {
                to: a.bob,
                amount: 1,
                vesting: None,
            }],
            vec![],
        )
        .unwrap();
    let offer = SaleParams {
        vesting: Some(vesting(5, 0, 5)),
        ..hundred_at_one()
    };
    token.init_token_sale(offer, None, false).unwrap();
    pay(a.bob, 10);
    token.purchase_tokens_on_sale(10, None).unwrap();
    assert_eq!(token.account_info(a.bob).unwrap().vesting_schedules.len(), 3);
}

#[ink::test]
fn finding_12_a_transfer_listing_the_sender_nets_that_output_out() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 100), (a.bob, 10)]);
    use_constraints(&mut token, rules());
    token
        .multi_transfer(MultiTransferOutput::list(vec![(a.alice, 5), (a.bob, 5)]), vec![])
        .unwrap();
    assert_eq!((token.balance_of(a.alice), token.balance_of(a.bob)), (95, 15));
    let sent = decode::<crt_logic::events::TokensTransferred>(events().last().unwrap()).unwrap();
    assert_eq!((sent.total, sent.outputs), (5, 1));
    // An output list with only the sender moves nothing and costs no bond.
    token
        .multi_transfer(MultiTransferOutput::list(vec![(a.alice, 50)]), vec![])
        .unwrap();
    assert_eq!(token.balance_of(a.alice), 95);
    // PSP22 agrees: a transfer to oneself moves nothing.
    token.transfer(a.alice, 5, vec![]).unwrap();
    assert_eq!(token.balance_of(a.alice), 95);
}

#[ink::test]
fn finding_11_a_psp22_transfer_to_a_new_address_needs_no_bond_deposit() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 100), (a.bob, 10)]);
    use_constraints(&mut token, rules());
    // Alice never deposited: the new account is created without a bond.
    token.transfer(a.charlie, 7, vec![]).unwrap();
    let charlie = token.account_info(a.charlie).unwrap();
    assert_eq!((charlie.amount, charlie.bloat_bond), (7, 0));
    assert_eq!(token.joy_liabilities(), 2 * BOND);
    // With a deposit, the bond is drawn from it and refunded to whoever dusts the account.
    pay(a.alice, BOND);
    token.deposit_for_bonds().unwrap();
    set_value_transferred::<E>(0);
    token.transfer(a.django, 3, vec![]).unwrap();
    assert_eq!(token.account_info(a.django).unwrap().bloat_bond, BOND);
    assert_eq!(token.bond_deposit_of(a.alice), 0);
    // A bond-less account dusts like any other; its duster receives nothing.
    at(1, a.charlie);
    token.transfer(a.bob, 7, vec![]).unwrap();
    let before = joy(a.eve);
    set_caller::<E>(a.eve);
    token.dust_account(a.charlie).unwrap();
    assert_eq!(joy(a.eve), before);
    assert!(!token.is_account(a.charlie));
}

#[ink::test]
fn finding_08_a_sale_payout_the_chain_refuses_is_held_and_the_purchase_succeeds() {
    let a = acc();
    // The contract account has no balance entry here, so the engine refuses every transfer
    // from it, as the chain refuses one that would leave a recipient below the existential
    // deposit. With no fee and an exact payment, the earnings are the only payout.
    let mut token = deploy_unfunded(
        vec![alloc(a.alice, 1_000), alloc(a.bob, 10)],
        TransferPolicy::Permissionless,
    );
    use_constraints(
        &mut token,
        TokenConstraints {
            sale_platform_fee: 0,
            ..rules()
        },
    );
    let offer = hundred_at_one();
    token.init_token_sale(offer, Some(a.frank), false).unwrap();
    set_caller::<E>(a.bob);
    set_value_transferred::<E>(7);
    token.purchase_tokens_on_sale(7, None).unwrap();
    assert_eq!(token.balance_of(a.bob), 17);
    assert_eq!(token.payout_held_for(a.frank), 7);
    assert_eq!(token.joy_liabilities(), 2 * BOND + 7);
    let held = decode::<crt_logic::events::PayoutHeld>(events().last().unwrap()).unwrap();
    assert_eq!((held.account, held.amount, held.held), (a.frank, 7, 7));
}

#[ink::test]
fn finding_08_held_payouts_are_withdrawn_by_their_account() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 1_000)]);
    use_constraints(&mut token, rules());
    // The off-chain engine never refuses a transfer, so hold directly what the runtime would
    // (the node test shows a refused destination end to end).
    token.data_mut().hold_payout(a.frank, 40).unwrap();
    token.data_mut().hold_payout(a.frank, 2).unwrap();
    assert_eq!(token.payout_held_for(a.frank), 42);
    assert_eq!(token.joy_liabilities(), BOND + 42);
    set_callee_balance(ED + BOND + 42);
    at(1, a.bob);
    assert_rejected(&mut token, Error::NoPayoutHeld, |t| t.withdraw_held_payout());
    at(1, a.frank);
    let before = joy(a.frank);
    token.withdraw_held_payout().unwrap();
    assert_eq!(joy(a.frank), before + 42);
    assert_eq!(token.payout_held_for(a.frank), 0);
    assert_eq!(token.joy_liabilities(), BOND);
    let withdrawn = decode::<crt_logic::events::HeldPayoutWithdrawn>(events().last().unwrap()).unwrap();
    assert_eq!((withdrawn.account, withdrawn.amount), (a.frank, 42));
}

fn set_callee_balance(value: u128) {
    ink::env::test::set_account_balance::<E>(ink::env::test::callee::<E>(), value);
}

#[ink::test]
fn finding_09_code_built_for_another_layout_refuses_to_change_the_token() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 100)]);
    use_constraints(&mut token, rules());
    token.set_layout_for_test(crt_logic::state::LAYOUT_VERSION + 1);
    assert_rejected(&mut token, Error::LibraryLayoutMismatch, |t| {
        t.claim_patronage_credit()
    });
    assert_rejected(&mut token, Error::LibraryLayoutMismatch, |t| {
        t.withdraw_held_payout()
    });
    assert_eq!(token.libraries(), libraries());
}
