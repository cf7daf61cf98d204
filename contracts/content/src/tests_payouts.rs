//! Unit tests of the JOY the content contract keeps for others: payouts held for creators,
//! and the holders' share — paid into a revenue split of the token by its issuer, or to the
//! treasury once the token is deissued. Helpers from `tests`.

use content_logic::data::ContentData;
use content_logic::events::{PayoutHeld, RevenueSplitFunded};
use content_logic::item::AccessTerms;
use content_logic::links::stand_in::{with_factory, with_world};
use content_logic::messages::{Payouts, Purchases};
use content_logic::Error;

use crate::tests::*;

#[ink::test]
fn held_payouts_are_withdrawn_by_their_owner() {
    let mut content = deploy();
    as_caller(acc().bob);
    assert_rejected(&mut content, Error::NothingHeld, |c| c.withdraw_held_payout());
    // A creator's payout the chain refused: held (the logic the contract's `apply` runs).
    let mut data = ContentData::default();
    let fx = data.hold_payout(acc().alice, 70).expect("held");
    assert_eq!(data.held_for(acc().alice), 70);
    assert_eq!(data.joy_liabilities(), 70);
    assert!(!fx.events.is_empty());
    for event in fx.events {
        event.emit();
    }
    let held: PayoutHeld = decode(events().last().expect("event"));
    assert_eq!((held.account, held.amount, held.held), (acc().alice, 70, 70));
    let fx = data.withdraw_held_payout(acc().alice).expect("withdrawn");
    assert_eq!(fx.payouts, vec![(acc().alice, 70)]);
    assert_eq!((data.held_for(acc().alice), data.joy_liabilities()), (0, 0));
    assert_eq!(
        data.withdraw_held_payout(acc().alice).err(),
        Some(Error::NothingHeld)
    );
}

#[ink::test]
fn the_holders_share_is_paid_out_by_the_tokens_issuer_only() {
    let _ = deploy();
    let mut data = ContentData::default();
    let call = content_logic::call::Call {
        caller: acc().bob,
        now: 1,
        paid: 1_000,
        fee_ppm: 0,
        treasury: factory(),
    };
    let (id, _) = data
        .publish(
            &content_logic::call::Call {
                caller: acc().alice,
                ..call
            },
            b"cid".to_vec(),
            1_000,
            AccessTerms::Permanent,
            token_terms(None, 500_000),
            Some(record(acc().alice)),
        )
        .expect("publishes");
    assert_eq!(id, 0);
    assert_eq!(
        data.fundable_holders_share(acc().alice, token(), Some(record(acc().alice))),
        Err(Error::NoHoldersShare)
    );
    data.purchase_access(&call, 0, 1_000).expect("buys");
    assert_eq!(data.holders_share_of(token()), 500);
    assert_eq!(
        data.fundable_holders_share(acc().bob, token(), Some(record(acc().alice))),
        Err(Error::NotTokenIssuer)
    );
    assert_eq!(
        data.fundable_holders_share(acc().alice, token(), None),
        Err(Error::TokenNotRegistered)
    );
    assert_eq!(
        data.fundable_holders_share(acc().alice, token(), Some(record(acc().alice))),
        Ok(500)
    );
    assert_eq!(data.joy_liabilities(), 500, "asking changes nothing");
    data.clear_holders_share(token());
    assert_eq!((data.holders_share_of(token()), data.joy_liabilities()), (0, 0));
}

#[ink::test]
fn the_tokens_issuer_pays_the_holders_share_into_a_revenue_split() {
    let mut content = deploy();
    publish(&mut content, 1_000, AccessTerms::Permanent, None, 400_000);
    as_caller(acc().alice);
    assert_rejected(&mut content, Error::NoHoldersShare, |c| {
        c.fund_revenue_split(token(), None, 100)
    });
    pay(acc().bob, 1_000);
    content.purchase_access(0, 1_000).expect("buys");
    // 5 % fee: 50; 40 % of the 950 left: 380 kept for holders.
    assert_eq!(content.holders_share_of(token()), 380);
    as_caller(acc().bob);
    assert_rejected(&mut content, Error::NotTokenIssuer, |c| {
        c.fund_revenue_split(token(), None, 100)
    });
    as_caller(acc().alice);
    with_world(|w| w.split_refused = true);
    assert_rejected(&mut content, Error::RevenueSplitRefused, |c| {
        c.fund_revenue_split(token(), Some(9), 100)
    });
    with_world(|w| w.split_refused = false);
    with_factory(|f| f.frozen = true);
    assert_rejected(&mut content, Error::Frozen, |c| {
        c.fund_revenue_split(token(), None, 100)
    });
    with_factory(|f| f.frozen = false);
    content
        .fund_revenue_split(token(), Some(9), 100)
        .expect("funds the split");
    assert_eq!(
        with_world(|w| w.splits.clone()),
        vec![(token(), Some(9), 100, 380)]
    );
    assert_eq!(content.holders_share_of(token()), 0);
    let funded: RevenueSplitFunded = decode(events().last().expect("event"));
    assert_eq!(
        (
            funded.token,
            funded.issuer,
            funded.amount,
            funded.start,
            funded.duration
        ),
        (token(), acc().alice, 380, Some(9), 100)
    );
    with_factory(|f| f.records.clear());
    assert_rejected(&mut content, Error::TokenNotRegistered, |c| {
        c.fund_revenue_split(token(), None, 100)
    });
    with_factory(|f| f.governance = None);
    assert_rejected(&mut content, Error::FactoryUnavailable, |c| {
        c.fund_revenue_split(token(), None, 100)
    });
}

#[ink::test]
fn the_share_of_a_deissued_token_goes_to_the_treasury() {
    let mut content = deploy();
    publish(&mut content, 1_000, AccessTerms::Permanent, None, 400_000);
    as_caller(acc().eve);
    assert_rejected(&mut content, Error::TokenStillRegistered, |c| {
        c.release_holders_share(token())
    });
    pay(acc().bob, 1_000);
    content.purchase_access(0, 1_000).expect("buys");
    // The token is deissued: the factory no longer lists it.
    with_factory(|f| f.records.clear());
    let treasury = joy(factory());
    as_caller(acc().eve);
    content
        .release_holders_share(token())
        .expect("anyone releases it");
    assert_eq!(joy(factory()), treasury + 380);
    assert_eq!(content.holders_share_of(token()), 0);
    assert_rejected(&mut content, Error::NoHoldersShare, |c| {
        c.release_holders_share(token())
    });
}
