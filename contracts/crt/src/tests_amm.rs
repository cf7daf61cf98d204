//! Unit tests of the bonding-curve AMM (off-chain engine; helpers from `tests`).

use crt_traits::{TokenConstraints, TokenContext, TransferPolicy};
use ink::env::test::{recorded_events, set_block_number, set_caller, set_value_transferred};
use ink::env::DefaultEnvironment as E;
use ink::primitives::Hash;
use psp22::PSP22;

use crate::crt::{AmmQuote, Crt, OfferingState, SaleParams};
use crate::tests::*;
use crt_logic::errors::Error;
use crt_logic::events::{AmmDeactivated, TokensBoughtOnAmm, TokensSoldOnAmm};
use crt_logic::factory_link::stand_in;

/// One token = 10^10 base units (the test tokens have 10 decimals).
const T: u128 = 10_000_000_000;

/// Slope ≥ 1 000, fees 0.3 % / 0.3 %, deactivation threshold 5 % (the cap), splits ≥ 10 blocks.
fn amm_rules() -> TokenConstraints {
    TokenConstraints {
        min_amm_slope: 1_000,
        amm_deactivation_threshold: crt_traits::AMM_DEACTIVATION_THRESHOLD_CAP,
        min_revenue_split_duration: 10,
        ..TokenConstraints::defaults(BOND)
    }
}

/// Governance's parameters for these tests, synced into `token`.
fn use_rules(token: &mut Crt) {
    stand_in::set_context(Some(TokenContext {
        frozen: false,
        constraints: amm_rules(),
        blocks_per_year: BPY,
    }));
    token.sync_constraints().expect("syncs");
}

/// Alice (issuer) holds 100 tokens, bob 10; an AMM at 1 000 + 2 000 × supply per token.
fn token_with_amm() -> Crt {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 100 * T), (a.bob, 10 * T)]);
    use_rules(&mut token);
    set_caller::<E>(a.alice);
    token.activate_amm(2_000, 1_000).unwrap();
    token
}

#[ink::test]
fn activation_needs_the_issuer_an_idle_token_and_a_steep_enough_slope() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 100 * T)]);
    use_rules(&mut token);
    set_caller::<E>(a.bob);
    assert_rejected(&mut token, Error::NotIssuer, |t| t.activate_amm(2_000, 1_000));
    set_caller::<E>(a.alice);
    assert_rejected(&mut token, Error::CurveSlopeParametersTooLow, |t| {
        t.activate_amm(999, 1_000)
    });
    // Not while a sale exists (even one that has not started).
    let sale = SaleParams {
        unit_price: 1,
        quantity: T,
        start: Some(100),
        duration: 14_400,
        vesting: None,
        cap_per_buyer: None,
        whitelist: None,
        metadata: vec![],
    };
    token.init_token_sale(sale.clone(), None, false).unwrap();
    assert_rejected(&mut token, Error::TokenIssuanceNotInIdleState, |t| {
        t.activate_amm(2_000, 1_000)
    });
    set_block_number::<E>(100 + 14_400);
    token.finalize_token_sale().unwrap();
    token.activate_amm(2_000, 1_000).unwrap();
    assert_eq!(token.offering_state(), OfferingState::Amm);
    assert_rejected(&mut token, Error::TokenIssuanceNotInIdleState, |t| {
        t.activate_amm(2_000, 1_000)
    });
    let sale = SaleParams { start: None, ..sale };
    assert_rejected(&mut token, Error::TokenIssuanceNotInIdleState, |t| {
        t.init_token_sale(sale, None, false)
    });
}

#[ink::test]
fn buying_mints_at_the_curve_price_and_pays_the_fee_to_the_treasury() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 100 * T)]);
    use_rules(&mut token);
    set_caller::<E>(a.charlie);
    assert_rejected(&mut token, Error::NotInAmmState, |t| t.buy_on_amm(T, None, None));
    set_caller::<E>(a.alice);
    token.activate_amm(2_000, 1_000).unwrap();
    // 3 tokens from supply 0: 3 × 1 000 + 2 000 × 3² / 2 = 12 000, fee 0.3 % = 36.
    assert_eq!(token.quote_buy(3 * T), Ok(AmmQuote { joy: 12_000, fee: 36 }));
    set_block_number::<E>(10);
    pay(a.charlie, 20_000);
    assert_rejected(&mut token, Error::DeadlineExpired, |t| {
        t.buy_on_amm(3 * T, None, Some(9))
    });
    assert_rejected(&mut token, Error::SlippageToleranceExceeded, |t| {
        t.buy_on_amm(3 * T, Some(12_035), None)
    });
    pay(a.charlie, 12_036 + BOND - 1);
    assert_rejected(&mut token, Error::InsufficientPayment, |t| {
        t.buy_on_amm(3 * T, None, None)
    });
    let (treasury, contract_joy) = (joy(a.django), joy(contract()));
    pay(a.charlie, 12_036 + BOND + 4);
    let before = joy(a.charlie);
    token.buy_on_amm(3 * T, Some(12_036), Some(10)).unwrap();
    assert_eq!(joy(a.charlie), before + 4);
    assert_eq!(joy(a.django), treasury + 36);
    assert_eq!(joy(contract()), contract_joy + 12_036 + BOND + 4 - 36 - 4);
    assert_eq!(token.balance_of(a.charlie), 3 * T);
    let info = token.token_info();
    assert_eq!((info.total_supply, info.tokens_issued), (103 * T, 103 * T));
    let amm = token.amm_state().unwrap();
    assert_eq!((amm.provided_supply, amm.reserve), (3 * T, 12_000));
    assert_eq!(token.joy_liabilities(), 2 * BOND + 12_000);
    let bought = decode::<TokensBoughtOnAmm>(events().last().unwrap()).unwrap();
    assert_eq!(
        (bought.buyer, bought.amount, bought.cost, bought.fee),
        (a.charlie, 3 * T, 12_000, 36)
    );
    // The next token costs more: 1 000 + 2 000 × 3.5.
    assert_eq!(token.quote_buy(T), Ok(AmmQuote { joy: 8_000, fee: 24 }));
    // Zero: nothing happens, the JOY comes back.
    pay(a.charlie, 77);
    let start = recorded_events().count();
    let before = joy(a.charlie);
    token.buy_on_amm(0, None, None).unwrap();
    assert_eq!((joy(a.charlie), recorded_events().count()), (before + 77, start));
}

#[ink::test]
fn budget_query_matches_the_price() {
    let token = token_with_amm();
    let amount = token.max_buy_for_budget(12_036).unwrap();
    assert_eq!(amount, 3 * T);
    let more = token.quote_buy(amount + 1).unwrap();
    assert!(more.joy + more.fee > 12_036);
}

#[ink::test]
fn selling_burns_into_the_curve_and_pays_proceeds_minus_the_fee() {
    let a = acc();
    let mut token = token_with_amm();
    pay(a.charlie, 100_000);
    token.buy_on_amm(3 * T, None, None).unwrap();
    set_value_transferred::<E>(0);
    // Bob's tokens came from issuance, but the AMM only provided 3.
    set_caller::<E>(a.bob);
    assert_rejected(&mut token, Error::NotEnoughTokenMintedByAmm, |t| {
        t.sell_on_amm(4 * T, 0, None)
    });
    set_caller::<E>(a.frank);
    assert_rejected(&mut token, Error::AccountDoesNotExist, |t| {
        t.sell_on_amm(T, 0, None)
    });
    set_caller::<E>(a.charlie);
    assert_rejected(&mut token, Error::InsufficientTransferrableBalance, |t| {
        t.sell_on_amm(4 * T, 0, None)
    });
    // 1 token from 3 to 2: 1 000 + 2 000 × 2.5 = 6 000, fee 18.
    assert_eq!(token.quote_sell(T), Ok(AmmQuote { joy: 6_000, fee: 18 }));
    assert_rejected(&mut token, Error::SlippageToleranceExceeded, |t| {
        t.sell_on_amm(T, 5_983, None)
    });
    set_block_number::<E>(5);
    assert_rejected(&mut token, Error::DeadlineExpired, |t| {
        t.sell_on_amm(T, 0, Some(4))
    });
    let (before, treasury) = (joy(a.charlie), joy(a.django));
    token.sell_on_amm(T, 5_982, Some(5)).unwrap();
    assert_eq!((joy(a.charlie), joy(a.django)), (before + 5_982, treasury + 18));
    let amm = token.amm_state().unwrap();
    assert_eq!((amm.provided_supply, amm.reserve), (2 * T, 6_000));
    assert_eq!(token.total_supply(), 112 * T);
    let sold = decode::<TokensSoldOnAmm>(events().last().unwrap()).unwrap();
    assert_eq!(
        (sold.seller, sold.amount, sold.proceeds, sold.fee),
        (a.charlie, T, 5_982, 18)
    );
    let start = recorded_events().count();
    token.sell_on_amm(0, 0, None).unwrap();
    assert_eq!(recorded_events().count(), start);
    assert_eq!(token.quote_sell(3 * T), Err(Error::NotEnoughTokenMintedByAmm));
}

#[ink::test]
fn buying_waits_for_a_revenue_split_to_be_finalized_selling_does_not() {
    let a = acc();
    let mut token = token_with_amm();
    pay(a.charlie, 100_000);
    token.buy_on_amm(T, None, None).unwrap();
    pay(a.alice, 10_000);
    token.issue_revenue_split(None, 10).unwrap();
    pay(a.charlie, 100_000);
    assert_rejected(
        &mut token,
        Error::CannotModifySupplyWhenRevenueSplitsAreActive,
        |t| t.buy_on_amm(T, None, None),
    );
    set_value_transferred::<E>(0);
    token.sell_on_amm(T, 0, None).unwrap();
    assert_eq!(token.balance_of(a.charlie), 0);
    assert_eq!(token.amm_state().unwrap().provided_supply, 0);
}

#[ink::test]
fn deactivation_respects_the_threshold_and_sends_the_reserve_to_the_treasury() {
    let a = acc();
    let mut token = token_with_amm();
    pay(a.charlie, 1_000_000);
    token.buy_on_amm(20 * T, None, None).unwrap();
    set_value_transferred::<E>(0);
    set_caller::<E>(a.bob);
    assert_rejected(&mut token, Error::NotIssuer, |t| t.deactivate_amm());
    // 20 of 130 tokens (15 %) came from the AMM: above the 5 % threshold.
    set_caller::<E>(a.alice);
    assert_rejected(&mut token, Error::OutstandingAmmProvidedSupplyTooLarge, |t| {
        t.deactivate_amm()
    });
    set_caller::<E>(a.charlie);
    token.sell_on_amm(15 * T, 0, None).unwrap();
    // 5 of 115 (4.3 %): allowed; the reserve left goes to the treasury.
    let reserve = token.amm_state().unwrap().reserve;
    assert!(reserve > 0);
    set_caller::<E>(a.alice);
    let treasury = joy(a.django);
    token.deactivate_amm().unwrap();
    assert_eq!(joy(a.django), treasury + reserve);
    let event = decode::<AmmDeactivated>(events().last().unwrap()).unwrap();
    assert_eq!(event.reserve_to_treasury, reserve);
    assert_eq!(token.offering_state(), OfferingState::Idle);
    assert_rejected(&mut token, Error::NotInAmmState, |t| t.deactivate_amm());
}

#[ink::test]
fn an_amm_with_no_supply_can_always_stop_even_with_zero_total_supply() {
    let a = acc();
    let mut token = permissionless(vec![]);
    use_rules(&mut token);
    set_caller::<E>(a.alice);
    token.activate_amm(2_000, 1_000).unwrap();
    assert_eq!(token.total_supply(), 0);
    token.deactivate_amm().unwrap();
}

#[ink::test]
fn permissioned_tokens_sell_on_the_amm_only_to_accounts() {
    let a = acc();
    let mut token = deploy(
        vec![alloc(a.alice, T)],
        TransferPolicy::Permissioned(Hash::from([1; 32])),
    );
    use_rules(&mut token);
    set_caller::<E>(a.alice);
    token.activate_amm(2_000, 1_000).unwrap();
    pay(a.charlie, 100_000);
    assert_rejected(&mut token, Error::DestinationAccountDoesNotExist, |t| {
        t.buy_on_amm(T, None, None)
    });
}
