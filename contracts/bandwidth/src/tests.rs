//! Unit tests of the bandwidth contract on the off-chain engine: every message and error, the
//! JOY and tokens of every redemption and close to the unit, and "a rejected message changes
//! nothing". Vouchers are signed with secp256k1 keys as a downloader's client signs them; the
//! factory and tokens are `bandwidth_logic::links`' stand-ins.

use bandwidth_logic::channel::{
    Asset, Channel, ChannelId, Redemption, Role, SignerKey, VoucherSignature, MAX_REFERENCE_LEN,
};
use bandwidth_logic::events::{
    ChannelClosed, ChannelOpened, ChannelToppedUp, HeldPayoutWithdrawn, PayoutHeld, VoucherRedeemed,
};
use bandwidth_logic::links::stand_in::{token_balance, with_factory, with_world};
use bandwidth_logic::messages::{BandwidthGovernance, ChannelViews, Channels, HeldRefunds};
use bandwidth_logic::moves::Moves;
use bandwidth_logic::state::{BandwidthState, BANDWIDTH_FEE_CAP, MAX_CHALLENGE_PERIOD, MIN_CHALLENGE_PERIOD};
use bandwidth_logic::voucher::Voucher;
use bandwidth_logic::Error;
pub(crate) use crt_traits::off_chain::{as_caller, joy, pay};
use crt_traits::TokenRecord;
use ink::env::test::{
    callee, default_accounts, recorded_events, set_account_balance, set_block_number, set_callee,
    DefaultAccounts, EmittedEvent,
};
use ink::env::DefaultEnvironment as E;
use ink::primitives::AccountId;
use secp256k1::{SecretKey, SECP256K1};

use crate::bandwidth::Bandwidth;

const FACTORY: [u8; 32] = [0xFA; 32];
const TOKEN: [u8; 32] = [0x70; 32];
/// 2 % platform fee.
pub(crate) const FEE: u32 = 20_000;
pub(crate) const CHALLENGE: u32 = 50;
/// The off-chain engine's existential deposit: the contract keeps it.
pub(crate) const ED: u128 = 1_000_000;
pub(crate) const START_JOY: u128 = 1_000_000_000;
pub(crate) const START_TOKENS: u128 = 1_000_000;
/// Channels opened at block 1 expire here.
pub(crate) const EXPIRY: u32 = 100;

pub(crate) fn acc() -> DefaultAccounts<E> {
    default_accounts::<E>()
}

pub(crate) fn factory() -> AccountId {
    AccountId::from(FACTORY)
}

pub(crate) fn token() -> AccountId {
    AccountId::from(TOKEN)
}

fn events() -> Vec<EmittedEvent> {
    recorded_events().collect()
}

fn last_event<T: scale::Decode>() -> T {
    T::decode(&mut &events().last().expect("an event").data[..]).expect("event decodes")
}

/// The downloader's signing key number `n` and its compressed public key.
pub(crate) fn key(n: u8) -> (SecretKey, SignerKey) {
    let secret = SecretKey::from_slice(&[n; 32]).expect("a valid secret");
    (secret, secret.public_key(SECP256K1).serialize())
}

/// `secret`'s signature of the voucher for `cumulative` on `channel` of the contract at
/// `contract`.
pub(crate) fn sign_for(
    secret: &SecretKey,
    contract: AccountId,
    channel: ChannelId,
    cumulative: u128,
) -> VoucherSignature {
    Voucher {
        contract,
        channel,
        cumulative,
    }
    .sign(secret)
}

/// Key 1's signature for this contract.
pub(crate) fn sign(channel: ChannelId, cumulative: u128) -> VoucherSignature {
    sign_for(&key(1).0, callee::<E>(), channel, cumulative)
}

/// A bandwidth contract with a 2 % fee and a 50-block challenge period; alice issued the
/// token, django is governance; everyone holds `START_JOY` and `START_TOKENS`, the contract
/// its existential deposit; block 1; the caller is alice.
pub(crate) fn deploy() -> Bandwidth {
    let a = acc();
    with_factory(|f| {
        *f = Default::default();
        f.governance = Some(a.django);
        f.records.insert(
            token(),
            TokenRecord {
                token_id: 1,
                address: token(),
                symbol: "FAN".into(),
                issuer: a.alice,
                issuer_slot: 0,
                issued_at: 1,
            },
        );
    });
    with_world(|w| {
        *w = Default::default();
        for who in [a.alice, a.bob, a.charlie] {
            w.balances.insert((token(), who), START_TOKENS);
        }
    });
    set_block_number::<E>(1);
    set_callee::<E>(AccountId::from([0xC0; 32]));
    for who in [a.alice, a.bob, a.charlie, a.django, a.eve, factory()] {
        set_account_balance::<E>(who, START_JOY);
    }
    set_account_balance::<E>(callee::<E>(), ED);
    as_caller(a.alice);
    Bandwidth::new(factory(), FEE, CHALLENGE).expect("deploys")
}

/// Bob opens a JOY channel of `deposit` to charlie, signed by key 1, expiring at `EXPIRY`.
pub(crate) fn open_joy(bw: &mut Bandwidth, deposit: u128) -> ChannelId {
    pay(acc().bob, deposit);
    let id = bw
        .open_channel(acc().charlie, b"btih:c0ffee".to_vec(), key(1).1, EXPIRY)
        .expect("opens");
    as_caller(acc().bob);
    id
}

/// Bob opens a channel of `deposit` tokens to charlie, signed by key 1, expiring at `EXPIRY`.
fn open_tokens(bw: &mut Bandwidth, deposit: u128) -> ChannelId {
    as_caller(acc().bob);
    bw.open_token_channel(
        acc().charlie,
        b"btih:c0ffee".to_vec(),
        key(1).1,
        EXPIRY,
        token(),
        deposit,
    )
    .expect("opens")
}

type Snapshot = (
    Vec<Option<Channel>>,
    Vec<u128>,
    Vec<u128>,
    Vec<u128>,
    Vec<u32>,
    u32,
);

/// Everything observable: the first channels, the accounts' JOY, tokens, held refunds and
/// channel counts, and the fee.
fn snapshot(bw: &Bandwidth) -> Snapshot {
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
        (0..3).map(|id| bw.channel(id)).collect(),
        all.iter().map(|who| joy(*who)).collect(),
        all.iter().map(|who| token_balance(token(), *who)).collect(),
        all.iter().map(|who| bw.held_payout_of(*who)).collect(),
        all.iter()
            .flat_map(|who| [Role::Payer, Role::Seeder].map(|role| bw.channel_count_of(*who, role)))
            .collect(),
        bw.fee(),
    )
}

/// `f` fails with `expected`, changes nothing [`snapshot`] sees and emits nothing.
pub(crate) fn assert_rejected<T: core::fmt::Debug>(
    bw: &mut Bandwidth,
    expected: Error,
    f: impl FnOnce(&mut Bandwidth) -> Result<T, Error>,
) {
    crt_traits::off_chain::assert_rejected_by(bw, expected, snapshot, f)
}

#[ink::test]
fn deployment_checks_its_terms() {
    let _ = deploy();
    assert_eq!(
        Bandwidth::new(factory(), BANDWIDTH_FEE_CAP + 1, CHALLENGE).err(),
        Some(Error::FeeTooHigh)
    );
    for period in [MIN_CHALLENGE_PERIOD - 1, MAX_CHALLENGE_PERIOD + 1] {
        assert_eq!(
            Bandwidth::new(factory(), FEE, period).err(),
            Some(Error::ChallengePeriodOutOfBounds)
        );
    }
    let bw = Bandwidth::new(factory(), BANDWIDTH_FEE_CAP, MAX_CHALLENGE_PERIOD).expect("deploys");
    assert_eq!(
        (bw.fee(), bw.challenge_period(), bw.factory()),
        (BANDWIDTH_FEE_CAP, MAX_CHALLENGE_PERIOD, factory())
    );
    assert!(!bw.is_frozen());
    with_factory(|f| f.governance = None);
    assert_eq!(
        Bandwidth::new(factory(), FEE, CHALLENGE).err(),
        Some(Error::FactoryUnavailable)
    );
}

#[ink::test]
fn a_joy_channel_opens_with_its_terms() {
    let mut bw = deploy();
    let a = acc();
    let id = open_joy(&mut bw, 10_000);
    assert_eq!(id, 0);
    let channel = bw.channel(0).expect("stored");
    assert_eq!(
        channel,
        Channel {
            payer: a.bob,
            seeder: a.charlie,
            signer: key(1).1,
            reference: b"btih:c0ffee".to_vec(),
            asset: Asset::Joy,
            deposit: 10_000,
            redeemed: 0,
            fees: 0,
            fee_ppm: FEE,
            expires_at: EXPIRY,
            closed: false,
        }
    );
    let opened: ChannelOpened = last_event();
    assert_eq!(
        (
            opened.channel,
            opened.payer,
            opened.seeder,
            opened.deposit,
            opened.fee_ppm,
            opened.expires_at
        ),
        (0, a.bob, a.charlie, 10_000, FEE, EXPIRY)
    );
    assert_eq!(joy(callee::<E>()), ED + 10_000);
    assert_eq!(
        bw.channels_of(a.bob, Role::Payer, 0, 10),
        vec![(0, channel.clone())]
    );
    assert_eq!(bw.channels_of(a.charlie, Role::Seeder, 0, 10), vec![(0, channel)]);
    assert_eq!(bw.channel_count_of(a.charlie, Role::Payer), 0);
    assert_eq!(open_joy(&mut bw, 1), 1);
    assert_eq!(bw.channels_of(a.bob, Role::Payer, 1, 10).len(), 1);
    assert_eq!(bw.channel(7), None);
}

#[ink::test]
fn opening_refuses_bad_terms() {
    let mut bw = deploy();
    let a = acc();
    let signer = key(1).1;
    pay(a.bob, 500);
    assert_rejected(&mut bw, Error::ReferenceEmpty, |b| {
        b.open_channel(a.charlie, vec![], signer, EXPIRY)
    });
    assert_rejected(&mut bw, Error::ReferenceTooLong, |b| {
        b.open_channel(a.charlie, vec![7; MAX_REFERENCE_LEN + 1], signer, EXPIRY)
    });
    assert_rejected(&mut bw, Error::SeederIsPayer, |b| {
        b.open_channel(a.bob, b"r".to_vec(), signer, EXPIRY)
    });
    assert_rejected(&mut bw, Error::ExpiryNotInFuture, |b| {
        b.open_channel(a.charlie, b"r".to_vec(), signer, 1)
    });
    as_caller(a.bob);
    assert_rejected(&mut bw, Error::ZeroDeposit, |b| {
        b.open_channel(a.charlie, b"r".to_vec(), signer, EXPIRY)
    });
    with_factory(|f| f.frozen = true);
    pay(a.bob, 500);
    assert!(bw.is_frozen());
    assert_rejected(&mut bw, Error::Frozen, |b| {
        b.open_channel(a.charlie, b"r".to_vec(), signer, EXPIRY)
    });
    assert_rejected(&mut bw, Error::Frozen, |b| {
        b.open_token_channel(a.charlie, b"r".to_vec(), signer, EXPIRY, token(), 5)
    });
}

#[ink::test]
fn a_token_channel_moves_the_deposit_in_and_refuses_what_it_cannot() {
    let mut bw = deploy();
    let a = acc();
    let signer = key(1).1;
    let id = open_tokens(&mut bw, 40_000);
    assert_eq!(token_balance(token(), a.bob), START_TOKENS - 40_000);
    assert_eq!(token_balance(token(), callee::<E>()), 40_000);
    let channel = bw.channel(id).expect("stored");
    assert_eq!(
        (channel.asset, channel.deposit, channel.fee_ppm),
        (Asset::Token(token()), 40_000, 0)
    );
    assert_eq!(joy(callee::<E>()), ED);

    as_caller(a.bob);
    let stranger = AccountId::from([0x99; 32]);
    assert_rejected(&mut bw, Error::TokenNotRegistered, |b| {
        b.open_token_channel(a.charlie, b"r".to_vec(), signer, EXPIRY, stranger, 5)
    });
    with_factory(|f| f.governance = None);
    assert_rejected(&mut bw, Error::FactoryUnavailable, |b| {
        b.open_token_channel(a.charlie, b"r".to_vec(), signer, EXPIRY, token(), 5)
    });
    with_factory(|f| f.governance = Some(a.django));
    // More than bob holds (or has approved). The contract records the channel before it calls
    // the token; the chain reverts both when the call fails (the end-to-end suite checks it).
    assert_eq!(
        bw.open_token_channel(a.charlie, b"r".to_vec(), signer, EXPIRY, token(), START_TOKENS),
        Err(Error::TokenTransferFailed)
    );
}

#[ink::test]
fn the_payer_tops_up_and_extends_an_open_channel() {
    let mut bw = deploy();
    let a = acc();
    let id = open_joy(&mut bw, 1_000);
    pay(a.bob, 500);
    bw.top_up(id, Some(EXPIRY + 10)).expect("tops up");
    let topped: ChannelToppedUp = last_event();
    assert_eq!(
        (topped.amount, topped.deposit, topped.expires_at),
        (500, 1_500, EXPIRY + 10)
    );
    as_caller(a.bob);
    bw.top_up(id, Some(EXPIRY + 20)).expect("only extends");
    assert_eq!(
        bw.channel(id).map(|c| (c.deposit, c.expires_at)),
        Some((1_500, EXPIRY + 20))
    );
    assert_eq!(joy(callee::<E>()), ED + 1_500);

    assert_rejected(&mut bw, Error::ZeroDeposit, |b| b.top_up(id, None));
    assert_rejected(&mut bw, Error::ExpiryEarlier, |b| b.top_up(id, Some(EXPIRY)));
    assert_rejected(&mut bw, Error::ChannelNotFound, |b| b.top_up(9, None));
    assert_rejected(&mut bw, Error::WrongAsset, |b| b.top_up_tokens(id, 5, None));
    pay(a.eve, 5);
    assert_rejected(&mut bw, Error::NotPayer, |b| b.top_up(id, None));

    let tokens = open_tokens(&mut bw, 10);
    bw.top_up_tokens(tokens, 90, None).expect("tops up tokens");
    assert_eq!(bw.channel(tokens).map(|c| c.deposit), Some(100));
    assert_eq!(token_balance(token(), callee::<E>()), 100);
    pay(a.bob, 5);
    assert_rejected(&mut bw, Error::WrongAsset, |b| b.top_up(tokens, None));
    as_caller(a.bob);
    assert_rejected(&mut bw, Error::ChannelNotFound, |b| b.top_up_tokens(9, 5, None));
    // (The chain reverts the recorded top-up when the token refuses.)
    assert_eq!(
        bw.top_up_tokens(tokens, START_TOKENS, None),
        Err(Error::TokenTransferFailed)
    );

    with_factory(|f| f.frozen = true);
    pay(a.bob, 5);
    assert_rejected(&mut bw, Error::Frozen, |b| b.top_up(id, None));
    as_caller(a.bob);
    assert_rejected(&mut bw, Error::Frozen, |b| b.top_up_tokens(tokens, 5, None));
    with_factory(|f| f.frozen = false);

    set_block_number::<E>(EXPIRY + 20);
    pay(a.bob, 5);
    assert_rejected(&mut bw, Error::ChannelExpired, |b| {
        b.top_up(id, Some(EXPIRY + 900))
    });
    as_caller(a.charlie);
    bw.close(id).expect("the seeder closes");
    set_block_number::<E>(2);
    pay(a.bob, 5);
    assert_rejected(&mut bw, Error::ChannelClosed, |b| b.top_up(id, None));
}

#[ink::test]
fn the_seeder_redeems_the_latest_voucher_for_the_difference_less_the_fee() {
    let mut bw = deploy();
    let a = acc();
    let id = open_joy(&mut bw, 100_000);
    let charlie = joy(a.charlie);
    let treasury = joy(factory());
    as_caller(a.charlie);
    // 30 000 owed: 2 % fee = 600 to the treasury, 29 400 to charlie.
    assert_eq!(
        bw.redeemable(id, 30_000, sign(id, 30_000)),
        Ok(Redemption {
            redeemed: 30_000,
            gross: 30_000,
            fee: 600,
            net: 29_400
        })
    );
    assert_eq!(bw.redeem(id, 30_000, sign(id, 30_000)), Ok(29_400));
    let redeemed: VoucherRedeemed = last_event();
    assert_eq!(
        (
            redeemed.channel,
            redeemed.seeder,
            redeemed.redeemed,
            redeemed.gross,
            redeemed.fee,
            redeemed.net
        ),
        (id, a.charlie, 30_000, 30_000, 600, 29_400)
    );
    // 45 555 owed: 15 555 more, fee ⌊311.1⌋ = 311.
    assert_eq!(bw.redeem(id, 45_555, sign(id, 45_555)), Ok(15_244));
    assert_eq!(joy(a.charlie), charlie + 29_400 + 15_244);
    assert_eq!(joy(factory()), treasury + 600 + 311);
    assert_eq!(joy(callee::<E>()), ED + 100_000 - 45_555);
    let channel = bw.channel(id).expect("stored");
    assert_eq!((channel.redeemed, channel.fees), (45_555, 911));

    // Replays and older vouchers redeem nothing.
    assert_rejected(&mut bw, Error::VoucherNotNewer, |b| {
        b.redeem(id, 45_555, sign(id, 45_555))
    });
    assert_rejected(&mut bw, Error::VoucherNotNewer, |b| {
        b.redeem(id, 30_000, sign(id, 30_000))
    });
    assert_eq!(
        bw.redeemable(id, 30_000, sign(id, 30_000)),
        Err(Error::VoucherNotNewer)
    );
    as_caller(a.bob);
    assert_rejected(&mut bw, Error::NotSeeder, |b| {
        b.redeem(id, 50_000, sign(id, 50_000))
    });
    as_caller(a.charlie);
    assert_rejected(&mut bw, Error::ChannelNotFound, |b| {
        b.redeem(5, 50_000, sign(5, 50_000))
    });
}

#[ink::test]
fn only_the_channels_signer_over_this_exact_voucher_counts() {
    let mut bw = deploy();
    let a = acc();
    let id = open_joy(&mut bw, 100_000);
    let other = open_joy(&mut bw, 100_000);
    as_caller(a.charlie);
    let wrong_key = sign_for(&key(2).0, callee::<E>(), id, 10);
    assert_rejected(&mut bw, Error::BadSignature, |b| b.redeem(id, 10, wrong_key));
    let other_channel = sign(other, 10);
    assert_rejected(&mut bw, Error::BadSignature, |b| b.redeem(id, 10, other_channel));
    let other_contract = sign_for(&key(1).0, AccountId::from([0xC1; 32]), id, 10);
    assert_rejected(&mut bw, Error::BadSignature, |b| b.redeem(id, 10, other_contract));
    // A voucher for 10 presented as one for 11.
    assert_rejected(&mut bw, Error::BadSignature, |b| b.redeem(id, 11, sign(id, 10)));
    let mut bad_recovery_id = sign(id, 10);
    bad_recovery_id[64] = 4;
    assert_rejected(&mut bw, Error::BadSignature, |b| {
        b.redeem(id, 10, bad_recovery_id)
    });
    let mut flipped = sign(id, 10);
    flipped[64] ^= 1;
    assert_rejected(&mut bw, Error::BadSignature, |b| b.redeem(id, 10, flipped));
    assert_eq!(bw.redeemable(id, 10, wrong_key), Err(Error::BadSignature));
    // Ethereum-style recovery ids (27, 28) are the same signature.
    let mut eth_style = sign(id, 10);
    eth_style[64] += 27;
    assert_eq!(bw.redeem(id, 10, eth_style), Ok(10));
    assert_eq!(
        bw.voucher_hash(id, 10),
        Voucher {
            contract: callee::<E>(),
            channel: id,
            cumulative: 10
        }
        .signing_hash()
    );
}

#[ink::test]
fn a_voucher_above_the_deposit_redeems_the_deposit_then_the_rest_after_a_top_up() {
    let mut bw = deploy();
    let a = acc();
    let id = open_joy(&mut bw, 1_000);
    as_caller(a.charlie);
    assert_eq!(bw.redeem(id, 1_500, sign(id, 1_500)), Ok(980));
    assert_eq!(bw.channel(id).map(|c| c.redeemed), Some(1_000));
    assert_rejected(&mut bw, Error::DepositExhausted, |b| {
        b.redeem(id, 1_500, sign(id, 1_500))
    });
    assert_eq!(
        bw.redeemable(id, 2_000, sign(id, 2_000)),
        Err(Error::DepositExhausted)
    );
    pay(a.bob, 2_000);
    bw.top_up(id, None).expect("tops up");
    as_caller(a.charlie);
    assert_eq!(bw.redeem(id, 1_500, sign(id, 1_500)), Ok(490));
    assert_eq!(joy(callee::<E>()), ED + 1_500);
}

#[ink::test]
fn the_seeder_redeems_until_the_challenge_period_ends_and_the_payer_closes_after() {
    let mut bw = deploy();
    let a = acc();
    let id = open_joy(&mut bw, 10_000);
    let bob = joy(a.bob);
    as_caller(a.bob);
    assert_rejected(&mut bw, Error::ChallengeNotOver, |b| b.close(id));
    set_block_number::<E>(EXPIRY + CHALLENGE - 1);
    assert_rejected(&mut bw, Error::ChallengeNotOver, |b| b.close(id));
    as_caller(a.charlie);
    assert_eq!(bw.redeem(id, 4_000, sign(id, 4_000)), Ok(3_920));
    set_block_number::<E>(EXPIRY + CHALLENGE);
    assert_rejected(&mut bw, Error::RedeemWindowOver, |b| {
        b.redeem(id, 5_000, sign(id, 5_000))
    });
    as_caller(a.eve);
    assert_rejected(&mut bw, Error::NotParty, |b| b.close(id));
    as_caller(a.bob);
    bw.close(id).expect("the payer closes");
    let closed: ChannelClosed = last_event();
    assert_eq!(
        (closed.channel, closed.closed_by, closed.refund, closed.redeemed),
        (id, Role::Payer, 6_000, 4_000)
    );
    assert_eq!(joy(a.bob), bob + 6_000);
    assert_eq!(joy(callee::<E>()), ED);
    assert_rejected(&mut bw, Error::ChannelClosed, |b| b.close(id));
    as_caller(a.charlie);
    assert_rejected(&mut bw, Error::ChannelClosed, |b| {
        b.redeem(id, 5_000, sign(id, 5_000))
    });
    assert_rejected(&mut bw, Error::ChannelNotFound, |b| b.close(3));
}

#[ink::test]
fn the_seeder_closes_at_any_time_and_exits_work_while_frozen() {
    let mut bw = deploy();
    let a = acc();
    let id = open_joy(&mut bw, 10_000);
    let tokens = open_tokens(&mut bw, 700);
    let bob = joy(a.bob);
    with_factory(|f| f.frozen = true);
    as_caller(a.charlie);
    assert_eq!(bw.redeem(id, 2_500, sign(id, 2_500)), Ok(2_450));
    bw.close(id).expect("the seeder closes while frozen");
    let closed: ChannelClosed = last_event();
    assert_eq!((closed.closed_by, closed.refund), (Role::Seeder, 7_500));
    assert_eq!(joy(a.bob), bob + 7_500);
    with_factory(|f| f.frozen = false);
    // Token channels pay no fee: 300 of 700 to charlie, 400 back to bob.
    assert_eq!(bw.redeem(tokens, 300, sign(tokens, 300)), Ok(300));
    bw.close(tokens).expect("closes");
    assert_eq!(token_balance(token(), a.charlie), START_TOKENS + 300);
    assert_eq!(token_balance(token(), a.bob), START_TOKENS - 300);
    assert_eq!(token_balance(token(), callee::<E>()), 0);
    assert_eq!(token_balance(token(), factory()), 0);
}

#[ink::test]
fn token_payouts_the_token_refuses_fail_the_message() {
    let mut bw = deploy();
    let tokens = open_tokens(&mut bw, 700);
    // A frozen suite's tokens refuse transfers. The contract records the redemption or the
    // close before it calls the token; the chain reverts both when the call fails.
    with_world(|w| w.transfers_refused = true);
    as_caller(acc().charlie);
    assert_eq!(
        bw.redeem(tokens, 100, sign(tokens, 100)),
        Err(Error::TokenTransferFailed)
    );
    let mut bw = deploy();
    let tokens = open_tokens(&mut bw, 700);
    with_world(|w| w.transfers_refused = true);
    as_caller(acc().charlie);
    assert_eq!(bw.close(tokens), Err(Error::TokenTransferFailed));
}

#[ink::test]
fn a_refund_the_payers_account_refuses_is_held_for_it() {
    let mut bw = deploy();
    let a = acc();
    as_caller(a.bob);
    assert_rejected(&mut bw, Error::NothingHeld, |b| b.withdraw_held_payout());
    // What the contract's `apply` does when the chain refuses its transfers (the off-chain
    // engine refuses them from an account it never funded): the payer's refund is held, so
    // the seeder's close goes through; the seeder's own payout fails its redemption.
    set_callee::<E>(AccountId::from([0xC3; 32]));
    let mut state = BandwidthState::new(factory(), factory(), FEE, CHALLENGE).expect("state");
    let mut refund = Moves::new();
    refund.pay_third_party(Asset::Joy, a.bob, 10_000);
    assert_eq!(state.apply(refund), Ok(()));
    let held: PayoutHeld = last_event();
    assert_eq!((held.account, held.amount, held.held), (a.bob, 10_000, 10_000));
    assert_eq!(
        (state.data.held.of(a.bob), state.data.joy_liabilities()),
        (10_000, 10_000)
    );
    let mut payout = Moves::new();
    payout.pay(Asset::Joy, a.charlie, 1);
    assert_eq!(state.apply(payout), Err(Error::JoyTransferFailed));
    // Once the contract can pay, the payer withdraws (the message's own two steps).
    set_account_balance::<E>(callee::<E>(), ED + 10_000);
    let bob = joy(a.bob);
    let withdrawal = state.data.held.withdraw(a.bob).expect("something is held");
    assert_eq!(state.apply(withdrawal.into()), Ok(()));
    let withdrawn: HeldPayoutWithdrawn = last_event();
    assert_eq!((withdrawn.account, withdrawn.amount), (a.bob, 10_000));
    assert_eq!((joy(a.bob), state.data.held.of(a.bob)), (bob + 10_000, 0));
    assert!(state.data.held.withdraw(a.bob).is_none());
}

#[ink::test]
fn governance_sets_the_fee_for_channels_opened_later() {
    let mut bw = deploy();
    let a = acc();
    let first = open_joy(&mut bw, 10_000);
    as_caller(a.bob);
    assert_rejected(&mut bw, Error::NotGovernance, |b| b.set_fee(0));
    as_caller(a.django);
    assert_rejected(&mut bw, Error::FeeTooHigh, |b| b.set_fee(BANDWIDTH_FEE_CAP + 1));
    with_factory(|f| f.frozen = true);
    bw.set_fee(BANDWIDTH_FEE_CAP)
        .expect("governance sets the fee, frozen or not");
    with_factory(|f| f.frozen = false);
    assert_eq!(bw.fee(), BANDWIDTH_FEE_CAP);
    let second = open_joy(&mut bw, 10_000);
    as_caller(a.charlie);
    // The first channel keeps its 2 %; the second pays 10 %.
    assert_eq!(bw.redeem(first, 1_000, sign(first, 1_000)), Ok(980));
    assert_eq!(bw.redeem(second, 1_000, sign(second, 1_000)), Ok(900));
    with_factory(|f| f.governance = None);
    as_caller(a.django);
    assert_rejected(&mut bw, Error::FactoryUnavailable, |b| b.set_fee(0));
}

#[ink::test]
fn arithmetic_overflow_is_refused() {
    let _ = deploy();
    let a = acc();
    // A deposit at the top of `u128` (the engine does not check balances this large).
    let mut data = bandwidth_logic::data::BandwidthData::default();
    let call = bandwidth_logic::call::Call {
        caller: a.bob,
        now: 1,
        paid: u128::MAX,
        contract: callee::<E>(),
        fee_ppm: 0,
        challenge_period: CHALLENGE,
        treasury: factory(),
    };
    let opening = bandwidth_logic::channels::Opening {
        seeder: a.charlie,
        reference: b"r".to_vec(),
        signer: key(1).1,
        expires_at: EXPIRY,
        asset: Asset::Joy,
        deposit: u128::MAX,
    };
    let (big, _) = data.open(&call, opening.clone()).expect("opens");
    assert_eq!(data.open(&call, opening).err(), Some(Error::ArithmeticOverflow));
    assert_eq!(
        data.top_up(&call, big, bandwidth_logic::channels::TopUp::Joy(1), None)
            .err(),
        Some(Error::ArithmeticOverflow)
    );
    assert_eq!(data.channel(big).map(|c| c.deposit), Some(u128::MAX));
}

#[ink::test]
fn a_code_built_for_another_layout_refuses_to_move_money() {
    // The layout check runs before everything else on the exits; a state with another
    // layout version is what code built for it would see.
    let _ = deploy();
    let mut state =
        bandwidth_logic::state::BandwidthState::new(factory(), factory(), FEE, CHALLENGE).expect("state");
    state.layout += 1;
    assert_eq!(state.exit_call().err(), Some(Error::LayoutMismatch));
    assert_eq!(state.call().err(), Some(Error::LayoutMismatch));
}
