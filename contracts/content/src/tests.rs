//! Unit tests of the content contract on the off-chain engine: every message and error, the
//! JOY of every purchase to the unit, and "a rejected message changes nothing". The factory
//! and the gate token are `content_logic::links`' stand-ins.

use content_logic::events::{AccessPurchased, CreatorChanged, ItemPublished};
use content_logic::item::{Access, AccessTerms, Item, ItemId, PriceQuote, TokenTerms, MAX_REFERENCE_LEN};
use content_logic::links::stand_in::{with_factory, with_world};
use content_logic::messages::{Catalog, ContentGovernance, Payouts, Purchases};
use content_logic::state::{ContentState, CONTENT_FEE_CAP};
use content_logic::Error;
pub(crate) use crt_traits::off_chain::{as_caller, joy, pay};
use crt_traits::TokenRecord;
use ink::env::test::{
    callee, default_accounts, recorded_events, set_account_balance, set_block_number, set_callee, set_caller,
    set_value_transferred, DefaultAccounts, EmittedEvent,
};
use ink::env::DefaultEnvironment as E;
use ink::primitives::AccountId;

use crate::content::Content;

const FACTORY: [u8; 32] = [0xFA; 32];
const TOKEN: [u8; 32] = [0x70; 32];
/// 5 % platform fee.
const FEE: u32 = 50_000;
/// The off-chain engine's existential deposit: the contract keeps it.
pub(crate) const ED: u128 = 1_000_000;
pub(crate) const START_JOY: u128 = 1_000_000_000;

pub(crate) fn acc() -> DefaultAccounts<E> {
    default_accounts::<E>()
}

pub(crate) fn factory() -> AccountId {
    AccountId::from(FACTORY)
}

pub(crate) fn token() -> AccountId {
    AccountId::from(TOKEN)
}

pub(crate) fn events() -> Vec<EmittedEvent> {
    recorded_events().collect()
}

pub(crate) fn decode<T: scale::Decode>(event: &EmittedEvent) -> T {
    T::decode(&mut &event.data[..]).expect("event decodes")
}

pub(crate) fn record(issuer: AccountId) -> TokenRecord {
    TokenRecord {
        token_id: 3,
        address: token(),
        symbol: "FAN".into(),
        issuer,
        issuer_slot: 0,
        issued_at: 1,
    }
}

/// A content contract with a 5 % fee; alice issues the token, django is governance; everyone
/// holds `START_JOY`, the contract its existential deposit; the caller is alice.
pub(crate) fn deploy() -> Content {
    let content = deploy_unfunded();
    set_account_balance::<E>(callee::<E>(), ED);
    content
}

/// As `deploy`, but the contract's account holds no JOY at all (the engine refuses its
/// transfers).
fn deploy_unfunded() -> Content {
    with_world(|w| *w = Default::default());
    with_factory(|f| {
        *f = Default::default();
        f.governance = Some(acc().django);
        f.records.insert(token(), record(acc().alice));
    });
    set_block_number::<E>(1);
    set_callee::<E>(AccountId::from([0xC0; 32]));
    let a = acc();
    for who in [a.alice, a.bob, a.charlie, a.django, a.eve, a.frank, factory()] {
        set_account_balance::<E>(who, START_JOY);
    }
    set_caller::<E>(a.alice);
    set_value_transferred::<E>(0);
    Content::new(factory(), FEE).expect("deploys")
}

pub(crate) fn token_terms(gate: Option<u128>, holders_share: u32) -> Option<TokenTerms> {
    Some(TokenTerms {
        token: token(),
        gate,
        holders_share,
    })
}

/// Alice publishes an item of her token at `price`.
pub(crate) fn publish(
    content: &mut Content,
    price: u128,
    access: AccessTerms,
    gate: Option<u128>,
    share: u32,
) -> ItemId {
    as_caller(acc().alice);
    content
        .publish(b"bafy-cid".to_vec(), price, access, token_terms(gate, share))
        .expect("publishes")
}

type Snapshot = (Vec<Option<Item>>, Vec<Access>, Vec<u128>, Vec<u128>, u128, u32);

/// Everything observable: the first items, the default accounts' access to item 0, their
/// held payouts and JOY, the token's holders' share and the fee.
fn snapshot(content: &Content) -> Snapshot {
    let a = acc();
    let all = [
        a.alice,
        a.bob,
        a.charlie,
        a.django,
        a.eve,
        callee::<E>(),
        factory(),
    ];
    (
        (0..3).map(|id| content.item(id)).collect(),
        all.iter()
            .map(|who| content.access_of(*who, 0).unwrap_or(Access::None))
            .collect(),
        all.iter().map(|who| content.held_payout_of(*who)).collect(),
        all.iter().map(|who| joy(*who)).collect(),
        content.holders_share_of(token()),
        content.fee(),
    )
}

/// `f` fails with `expected`, changes nothing [`snapshot`] sees and emits nothing.
pub(crate) fn assert_rejected<T: core::fmt::Debug>(
    content: &mut Content,
    expected: Error,
    f: impl FnOnce(&mut Content) -> Result<T, Error>,
) {
    crt_traits::off_chain::assert_rejected_by(content, expected, snapshot, f)
}

#[ink::test]
fn constructor_binds_to_the_factory_with_a_capped_fee() {
    let content = deploy();
    assert_eq!(
        (content.fee(), content.factory(), content.is_frozen()),
        (FEE, factory(), false)
    );
    assert_eq!(
        Content::new(factory(), CONTENT_FEE_CAP + 1).err(),
        Some(Error::FeeTooHigh)
    );
    assert!(Content::new(factory(), CONTENT_FEE_CAP).is_ok());
    with_factory(|f| f.governance = None);
    assert_eq!(
        Content::new(factory(), FEE).err(),
        Some(Error::FactoryUnavailable)
    );
}

#[ink::test]
fn publish_stores_the_item_for_its_creator() {
    let mut content = deploy();
    let id = publish(&mut content, 1_000, AccessTerms::Permanent, Some(500), 300_000);
    assert_eq!(id, 0);
    let item = content.item(0).expect("stored");
    assert_eq!(
        (item.creator, item.price, item.published),
        (acc().alice, 1_000, true)
    );
    assert_eq!(item.token, token_terms(Some(500), 300_000));
    let published: ItemPublished = decode(events().last().expect("event"));
    assert_eq!(
        (published.item, published.creator, published.reference),
        (0, acc().alice, b"bafy-cid".to_vec())
    );
    // An item of no token, by anyone.
    as_caller(acc().eve);
    let second = content
        .publish(b"magnet".to_vec(), 0, AccessTerms::Timed { blocks: 10 }, None)
        .expect("publishes");
    assert_eq!(second, 1);
    assert_eq!(
        (
            content.item_count_of(acc().alice),
            content.item_count_of(acc().eve)
        ),
        (1, 1)
    );
    assert_eq!(
        content
            .items_of(acc().eve, 0, 10)
            .iter()
            .map(|(id, _)| *id)
            .collect::<Vec<_>>(),
        vec![1]
    );
}

#[ink::test]
fn publish_refuses_bad_terms_and_other_peoples_tokens() {
    let mut content = deploy();
    let permanent = AccessTerms::Permanent;
    as_caller(acc().alice);
    assert_rejected(&mut content, Error::ReferenceEmpty, |c| {
        c.publish(vec![], 1, permanent, None)
    });
    assert_rejected(&mut content, Error::ReferenceTooLong, |c| {
        c.publish(vec![1; MAX_REFERENCE_LEN + 1], 1, permanent, None)
    });
    assert_rejected(&mut content, Error::InvalidAccessTerms, |c| {
        c.publish(b"cid".to_vec(), 1, AccessTerms::Timed { blocks: 0 }, None)
    });
    assert_rejected(&mut content, Error::HoldersShareTooHigh, |c| {
        c.publish(b"cid".to_vec(), 1, permanent, token_terms(None, 1_000_001))
    });
    let unknown = Some(TokenTerms {
        token: AccountId::from([0x71; 32]),
        gate: None,
        holders_share: 0,
    });
    assert_rejected(&mut content, Error::TokenNotRegistered, |c| {
        c.publish(b"cid".to_vec(), 1, permanent, unknown)
    });
    as_caller(acc().bob);
    assert_rejected(&mut content, Error::NotTokenIssuer, |c| {
        c.publish(b"cid".to_vec(), 1, permanent, token_terms(None, 0))
    });
    with_factory(|f| f.governance = None);
    as_caller(acc().alice);
    assert_rejected(&mut content, Error::FactoryUnavailable, |c| {
        c.publish(b"cid".to_vec(), 1, permanent, token_terms(None, 0))
    });
    with_factory(|f| f.frozen = true);
    assert_rejected(&mut content, Error::Frozen, |c| {
        c.publish(b"cid".to_vec(), 1, permanent, None)
    });
}

#[ink::test]
fn purchase_splits_the_price_to_the_unit_and_refunds_the_excess() {
    let mut content = deploy();
    publish(&mut content, 1_001, AccessTerms::Permanent, None, 300_000);
    let quote = content.quote(0).expect("quote");
    assert_eq!(
        quote,
        PriceQuote {
            price: 1_001,
            fee: 50,
            holders_share: 285,
            creator: 666
        }
    );
    let (alice, bob) = (joy(acc().alice), joy(acc().bob));
    pay(acc().bob, 1_500);
    content.purchase_access(0, 1_001).expect("buys");
    assert_eq!(joy(acc().bob), bob - 1_001, "499 refunded");
    assert_eq!(joy(acc().alice), alice + 666);
    assert_eq!(joy(factory()), START_JOY + 50);
    assert_eq!(
        joy(callee::<E>()),
        ED + 285,
        "the contract keeps the holders' share"
    );
    assert_eq!(content.holders_share_of(token()), 285);
    assert_eq!(content.access_of(acc().bob, 0), Ok(Access::Permanent));
    assert!(content.has_access(acc().bob, 0));
    let purchased: AccessPurchased = decode(events().last().expect("event"));
    assert_eq!(
        (
            purchased.buyer,
            purchased.price,
            purchased.fee,
            purchased.holders_share,
            purchased.creator_payout,
            purchased.until
        ),
        (acc().bob, 1_001, 50, 285, 666, None)
    );
    pay(acc().bob, 1_001);
    assert_rejected(&mut content, Error::AlreadyHasAccess, |c| {
        c.purchase_access(0, 1_001)
    });
}

#[ink::test]
fn purchase_refusals() {
    let mut content = deploy();
    publish(&mut content, 1_000, AccessTerms::Permanent, None, 0);
    pay(acc().bob, 1_000);
    assert_rejected(&mut content, Error::PriceAboveMax, |c| c.purchase_access(0, 999));
    assert_rejected(&mut content, Error::ItemNotFound, |c| c.purchase_access(7, 1_000));
    pay(acc().bob, 999);
    assert_rejected(&mut content, Error::InsufficientPayment, |c| {
        c.purchase_access(0, 1_000)
    });
    pay(acc().alice, 1_000);
    assert_rejected(&mut content, Error::CreatorHasAccess, |c| {
        c.purchase_access(0, 1_000)
    });
    with_factory(|f| f.frozen = true);
    pay(acc().bob, 1_000);
    assert_rejected(&mut content, Error::Frozen, |c| c.purchase_access(0, 1_000));
    with_factory(|f| f.frozen = false);
    as_caller(acc().alice);
    content.unpublish(0).expect("unpublishes");
    pay(acc().bob, 1_000);
    assert_rejected(&mut content, Error::ItemUnpublished, |c| {
        c.purchase_access(0, 1_000)
    });
}

#[ink::test]
fn a_price_change_placed_before_a_purchase_is_refused_by_max_price() {
    let mut content = deploy();
    publish(&mut content, 1_000, AccessTerms::Permanent, None, 0);
    as_caller(acc().bob);
    assert_rejected(&mut content, Error::NotCreator, |c| c.set_price(0, 1));
    as_caller(acc().alice);
    content.set_price(0, 5_000).expect("creator sets the price");
    pay(acc().bob, 5_000);
    assert_rejected(&mut content, Error::PriceAboveMax, |c| {
        c.purchase_access(0, 1_000)
    });
    assert_rejected(&mut content, Error::ItemNotFound, |c| c.set_price(9, 1));
}

#[ink::test]
fn timed_access_expires_and_renewals_extend_it() {
    let mut content = deploy();
    publish(&mut content, 100, AccessTerms::Timed { blocks: 100 }, None, 0);
    set_block_number::<E>(10);
    pay(acc().bob, 100);
    content.purchase_access(0, 100).expect("buys");
    assert_eq!(content.access_of(acc().bob, 0), Ok(Access::Until(110)));
    set_block_number::<E>(50);
    pay(acc().bob, 100);
    content.purchase_access(0, 100).expect("renews");
    assert_eq!(content.access_of(acc().bob, 0), Ok(Access::Until(210)));
    set_block_number::<E>(209);
    assert!(content.has_access(acc().bob, 0));
    set_block_number::<E>(210);
    assert!(!content.has_access(acc().bob, 0));
    // Expired: a renewal counts from now.
    set_block_number::<E>(300);
    pay(acc().bob, 100);
    content.purchase_access(0, 100).expect("buys again");
    assert_eq!(content.access_of(acc().bob, 0), Ok(Access::Until(400)));
    // A grant beyond the last block number.
    set_block_number::<E>(u32::MAX - 5);
    pay(acc().charlie, 100);
    assert_rejected(&mut content, Error::ArithmeticOverflow, |c| {
        c.purchase_access(0, 100)
    });
}

#[ink::test]
fn gated_access_follows_the_holders_balance_while_published() {
    let mut content = deploy();
    publish(&mut content, 1_000, AccessTerms::Permanent, Some(500), 0);
    let set_balance =
        |who: AccountId, amount: u128| with_world(|w| w.balances.insert((token(), who), amount));
    set_balance(acc().charlie, 500);
    assert_eq!(content.access_of(acc().charlie, 0), Ok(Access::Holder));
    set_balance(acc().charlie, 499);
    assert_eq!(content.access_of(acc().charlie, 0), Ok(Access::None));
    set_balance(acc().charlie, 10_000);
    assert!(content.has_access(acc().charlie, 0));
    assert_eq!(content.access_of(acc().alice, 0), Ok(Access::Creator));
    assert_eq!(content.access_of(acc().charlie, 5), Err(Error::ItemNotFound));
    assert!(!content.has_access(acc().charlie, 5));
    // The creator raises the gate, then removes it.
    as_caller(acc().alice);
    content.set_gate(0, Some(20_000)).expect("gate raised");
    assert!(!content.has_access(acc().charlie, 0));
    content.set_gate(0, Some(10_000)).expect("gate lowered");
    assert!(content.has_access(acc().charlie, 0));
    // A buyer keeps access after unpublishing; a holder does not.
    pay(acc().bob, 1_000);
    content.purchase_access(0, 1_000).expect("buys");
    as_caller(acc().alice);
    content.unpublish(0).expect("unpublishes");
    assert!(content.has_access(acc().bob, 0));
    assert!(!content.has_access(acc().charlie, 0));
    assert_rejected(&mut content, Error::ItemUnpublished, |c| c.unpublish(0));
    assert_rejected(&mut content, Error::ItemUnpublished, |c| c.set_gate(0, None));
}

#[ink::test]
fn gates_need_a_creator_token() {
    let mut content = deploy();
    as_caller(acc().alice);
    content
        .publish(b"cid".to_vec(), 1, AccessTerms::Permanent, None)
        .expect("publishes");
    assert_rejected(&mut content, Error::NoCreatorToken, |c| c.set_gate(0, Some(1)));
    assert_rejected(&mut content, Error::NoCreatorToken, |c| c.follow_issuer(0));
    as_caller(acc().bob);
    assert_rejected(&mut content, Error::NotCreator, |c| c.set_gate(0, Some(1)));
    assert_rejected(&mut content, Error::NotCreator, |c| c.unpublish(0));
}

#[ink::test]
fn items_follow_the_tokens_issuer() {
    let mut content = deploy();
    publish(&mut content, 10, AccessTerms::Permanent, None, 0);
    publish(&mut content, 20, AccessTerms::Permanent, None, 0);
    // Nothing changed hands: nothing happens.
    let before = recorded_events().count();
    content.follow_issuer(0).expect("no-op");
    assert_eq!(recorded_events().count(), before);
    with_factory(|f| f.records.insert(token(), record(acc().frank)));
    as_caller(acc().eve);
    content.follow_issuer(0).expect("anyone may carry it over");
    let changed: CreatorChanged = decode(events().last().expect("event"));
    assert_eq!(
        (changed.item, changed.from, changed.to),
        (0, acc().alice, acc().frank)
    );
    assert_eq!(content.item(0).map(|i| i.creator), Some(acc().frank));
    // Alice's list kept item 1 (moved into the freed slot), Frank's has item 0.
    let ids = |who| {
        content
            .items_of(who, 0, 32)
            .iter()
            .map(|(id, _)| *id)
            .collect::<Vec<_>>()
    };
    assert_eq!((ids(acc().alice), ids(acc().frank)), (vec![1], vec![0]));
    as_caller(acc().frank);
    content.set_price(0, 99).expect("the new issuer prices it");
    as_caller(acc().alice);
    assert_rejected(&mut content, Error::NotCreator, |c| c.set_price(0, 1));
    with_factory(|f| f.records.clear());
    assert_rejected(&mut content, Error::TokenNotRegistered, |c| c.follow_issuer(1));
    assert_rejected(&mut content, Error::ItemNotFound, |c| c.follow_issuer(9));
}

#[ink::test]
fn pages_are_bounded() {
    let mut content = deploy();
    for _ in 0..40 {
        publish(&mut content, 1, AccessTerms::Permanent, None, 0);
    }
    assert_eq!(content.items_of(acc().alice, 0, 100).len(), 32);
    assert_eq!(content.items_of(acc().alice, 32, 100).len(), 8);
    assert_eq!(
        content.items_of(acc().alice, 39, 1).first().map(|(id, _)| *id),
        Some(39)
    );
    assert!(content.items_of(acc().alice, 40, 10).is_empty());
}

#[ink::test]
fn governance_sets_the_fee_within_its_cap() {
    let mut content = deploy();
    as_caller(acc().bob);
    assert_rejected(&mut content, Error::NotGovernance, |c| c.set_fee(0));
    as_caller(acc().django);
    assert_rejected(&mut content, Error::FeeTooHigh, |c| {
        c.set_fee(CONTENT_FEE_CAP + 1)
    });
    // Governance's own switch: works while frozen.
    with_factory(|f| f.frozen = true);
    content.set_fee(CONTENT_FEE_CAP).expect("governance sets the fee");
    assert_eq!(content.fee(), CONTENT_FEE_CAP);
    with_factory(|f| f.governance = None);
    assert_rejected(&mut content, Error::FactoryUnavailable, |c| c.set_fee(0));
}

#[ink::test]
fn a_refund_the_contract_cannot_pay_fails_the_purchase() {
    let mut content = deploy_unfunded();
    publish(&mut content, 100, AccessTerms::Permanent, None, 0);
    set_caller::<E>(acc().bob);
    set_value_transferred::<E>(500);
    assert_eq!(content.purchase_access(0, 100), Err(Error::JoyTransferFailed));
}

#[ink::test]
fn code_built_for_another_layout_changes_nothing() {
    let _ = deploy();
    let mut state = ContentState::new(factory(), AccountId::from([0xEE; 32]), FEE).expect("state");
    assert!(state.call().is_ok());
    state.layout = 0;
    assert_eq!(state.call().err(), Some(Error::LayoutMismatch));
}
