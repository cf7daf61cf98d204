//! Property test of the content contract: over random purchases (items with and without a
//! token and holders' share, permanent and timed, buyers paying too little, exactly or more,
//! blocks passing), every JOY unit is accounted for — fees + creator payouts + holders' shares
//! equal what buyers paid net of refunds — and the contract's JOY covers what it keeps.

use content_logic::item::{AccessTerms, TokenTerms};
use content_logic::links::stand_in::with_factory;
use content_logic::messages::{Catalog, ContentGovernance, Payouts, Purchases};
use content_logic::state::CONTENT_FEE_CAP;
use ink::env::test::{advance_block, callee, set_caller, set_value_transferred};
use ink::env::DefaultEnvironment as E;
use proptest::prelude::*;

use crate::tests::{acc, deploy, factory, joy, pay, token, ED, START_JOY};

/// `(price, access, holders' share with alice's token, publisher is alice)` of the items.
const ITEMS: [(u128, AccessTerms, Option<u32>, bool); 4] = [
    (1_000_003, AccessTerms::Timed { blocks: 3 }, Some(300_000), true),
    (777, AccessTerms::Timed { blocks: 1 }, Some(1_000_000), true),
    (5_000, AccessTerms::Permanent, None, true),
    (0, AccessTerms::Timed { blocks: 2 }, None, false),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn purchases_account_for_every_joy_unit(
        fee in 0u32..=CONTENT_FEE_CAP,
        ops in prop::collection::vec((0usize..4, 0usize..3, 0u128..2_000_000, 0u32..3), 1..40),
    ) {
        ink::env::test::run_test::<E, _>(|_| {
            let mut content = deploy();
            let a = acc();
            with_factory(|f| f.governance = Some(a.django));
            set_caller::<E>(a.django);
            content.set_fee(fee).expect("governance sets the fee");
            let mut ids = Vec::new();
            for (price, access, share, by_alice) in ITEMS {
                set_caller::<E>(if by_alice { a.alice } else { a.eve });
                set_value_transferred::<E>(0);
                let terms = share.map(|holders_share| TokenTerms { token: token(), gate: None, holders_share });
                ids.push(content.publish(b"ref".to_vec(), price, access, terms).expect("publishes"));
            }
            let buyers = [a.bob, a.charlie, a.frank];
            let (alice_start, eve_start) = (joy(a.alice), joy(a.eve));
            let buyers_start: u128 = buyers.iter().map(|b| joy(*b)).sum();
            let (mut paid, mut fees, mut holders, mut to_alice, mut to_eve) = (0u128, 0, 0, 0, 0);
            for (item, buyer, sent, blocks) in ops {
                for _ in 0..blocks {
                    advance_block::<E>();
                }
                let quote = content.quote(ids[item]).expect("quote");
                pay(buyers[buyer], sent);
                match content.purchase_access(ids[item], u128::MAX) {
                    Ok(()) => {
                        paid += quote.price;
                        fees += quote.fee;
                        holders += quote.holders_share;
                        if ITEMS[item].3 { to_alice += quote.creator } else { to_eve += quote.creator }
                    }
                    Err(_) => {
                        // The chain reverts a refused call's value transfer: undo `pay`'s.
                        let contract = callee::<E>();
                        ink::env::test::set_account_balance::<E>(contract, joy(contract) - sent);
                        ink::env::test::set_account_balance::<E>(buyers[buyer], joy(buyers[buyer]) + sent);
                    }
                }
            }
            assert_eq!(fees + holders + to_alice + to_eve, paid);
            assert_eq!(buyers_start - buyers.iter().map(|b| joy(*b)).sum::<u128>(), paid);
            assert_eq!(joy(factory()) - START_JOY, fees);
            assert_eq!((joy(a.alice) - alice_start, joy(a.eve) - eve_start), (to_alice, to_eve));
            assert_eq!(content.holders_share_of(token()), holders);
            let kept = holders + content.held_payout_of(a.alice) + content.held_payout_of(a.eve);
            assert!(joy(callee::<E>()) >= ED + kept);
            assert_eq!(joy(callee::<E>()), ED + holders);
            Ok(())
        })
        .expect("off-chain run");
    }
}
