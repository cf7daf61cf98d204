//! Unit tests of the governor on the off-chain engine: voting power (lock, unlock, delegate,
//! checkpoints, the vote lock), the settings, the guardian's freeze and the factory hand-over,
//! with the JOY of every lock and unlock to the unit and "a rejected message changes nothing".
//! The contracts a proposal calls are `governor_logic::links`' stand-ins. Proposals are in
//! `tests_proposals.rs`.

pub(crate) use crt_traits::off_chain::{as_caller, joy, pay};
use governor_logic::events::{DelegateChanged, Locked, Unlocked, VotingPowerChanged};
use governor_logic::links::stand_in::with_callees;
use governor_logic::links::{FACTORY_ACCEPT_GOVERNANCE, FACTORY_SET_FROZEN_STATUS};
use governor_logic::messages::{Emergency, ProposalViews, Proposals, Settings, Voting, VotingViews};
use governor_logic::params::*;
use governor_logic::proposal::{Proposal, ProposedCall, Receipt, Support};
use governor_logic::state::GovernorState;
use governor_logic::Error;
use ink::env::test::{
    callee, default_accounts, recorded_events, set_account_balance, set_block_number, set_callee,
    set_value_transferred, DefaultAccounts, EmittedEvent,
};
use ink::env::DefaultEnvironment as E;
use ink::primitives::AccountId;

use crate::governor::Governor;

pub(crate) const FACTORY: [u8; 32] = [0xFA; 32];
/// The off-chain engine's existential deposit: the contract keeps it.
pub(crate) const ED: u128 = 1_000_000;
pub(crate) const START_JOY: u128 = 1_000_000_000;
/// The parameters of the tests: votes open 5 blocks after a proposal and last 20 blocks, a
/// 10-block timelock, 10 blocks of grace, a 4 % quorum, 100 units of power to propose.
pub(crate) const PARAMS: GovernorParams = GovernorParams {
    voting_delay: 5,
    voting_period: 20,
    timelock_delay: 10,
    grace_period: 10,
    quorum_ppm: 40_000,
    proposal_threshold: 100,
};

pub(crate) fn acc() -> DefaultAccounts<E> {
    default_accounts::<E>()
}

pub(crate) fn factory() -> AccountId {
    AccountId::from(FACTORY)
}

pub(crate) fn events() -> Vec<EmittedEvent> {
    recorded_events().collect()
}

pub(crate) fn last_event<T: scale::Decode>() -> T {
    T::decode(&mut &events().last().expect("an event").data[..]).expect("event decodes")
}

pub(crate) fn now() -> u32 {
    ink::env::block_number::<E>()
}

pub(crate) fn go_to(block: u32) {
    set_block_number::<E>(block);
}

/// A governor of `factory()` with `PARAMS` and eve as the one guardian; everyone holds
/// `START_JOY`, the contract its existential deposit; block 1; the caller is alice.
pub(crate) fn deploy() -> Governor {
    let a = acc();
    with_callees(|c| *c = Default::default());
    go_to(1);
    set_callee::<E>(AccountId::from([0xC0; 32]));
    for who in [a.alice, a.bob, a.charlie, a.django, a.eve, a.frank, factory()] {
        set_account_balance::<E>(who, START_JOY);
    }
    set_account_balance::<E>(callee::<E>(), ED);
    as_caller(a.alice);
    Governor::new(factory(), PARAMS, vec![a.eve]).expect("deploys")
}

/// `who` locks `amount` JOY.
pub(crate) fn lock(gov: &mut Governor, who: AccountId, amount: u128) {
    pay(who, amount);
    gov.lock().expect("locks");
    as_caller(who);
}

pub(crate) type Snapshot = (
    Vec<Option<Proposal>>,
    Vec<Option<Receipt>>,
    Vec<(u128, u128, AccountId, u32, u128)>,
    (u128, u32, GovernorParams, Vec<AccountId>, usize),
);

/// Everything observable: the first proposals and their votes, every account's JOY, locked
/// JOY, delegate, vote lock and power, the total locked, the proposal count, the settings and
/// the calls made.
pub(crate) fn snapshot(gov: &Governor) -> Snapshot {
    let a = acc();
    let all = [
        a.alice,
        a.bob,
        a.charlie,
        a.django,
        a.eve,
        a.frank,
        callee::<E>(),
        factory(),
    ];
    (
        (0..3).map(|id| gov.proposal(id)).collect(),
        (0..3)
            .flat_map(|id| all.map(|who| gov.receipt(id, who)))
            .collect(),
        all.iter()
            .map(|who| {
                (
                    joy(*who),
                    gov.locked_of(*who),
                    gov.delegate_of(*who),
                    gov.vote_lock_of(*who),
                    gov.votes_of(*who),
                )
            })
            .collect(),
        (
            gov.total_locked(),
            gov.proposal_count(),
            gov.params(),
            gov.guardians(),
            with_callees(|c| c.calls.len()),
        ),
    )
}

/// `f` fails with `expected`, changes nothing [`snapshot`] sees and emits nothing.
pub(crate) fn assert_rejected<T: core::fmt::Debug>(
    gov: &mut Governor,
    expected: Error,
    f: impl FnOnce(&mut Governor) -> Result<T, Error>,
) {
    crt_traits::off_chain::assert_rejected_by(gov, expected, snapshot, f)
}

#[ink::test]
fn deployment_checks_every_bound() {
    let gov = deploy();
    assert_eq!(
        (gov.params(), gov.guardians(), gov.factory(), gov.total_locked()),
        (PARAMS, vec![acc().eve], factory(), 0)
    );
    type Change = fn(&mut GovernorParams);
    let out_of_bounds: [(Change, Error); 12] = [
        (
            |p| p.voting_delay = MIN_VOTING_DELAY - 1,
            Error::VotingDelayOutOfBounds,
        ),
        (
            |p| p.voting_delay = MAX_VOTING_DELAY + 1,
            Error::VotingDelayOutOfBounds,
        ),
        (
            |p| p.voting_period = MIN_VOTING_PERIOD - 1,
            Error::VotingPeriodOutOfBounds,
        ),
        (
            |p| p.voting_period = MAX_VOTING_PERIOD + 1,
            Error::VotingPeriodOutOfBounds,
        ),
        (
            |p| p.timelock_delay = MIN_TIMELOCK - 1,
            Error::TimelockOutOfBounds,
        ),
        (
            |p| p.timelock_delay = MAX_TIMELOCK + 1,
            Error::TimelockOutOfBounds,
        ),
        (
            |p| p.grace_period = MIN_GRACE_PERIOD - 1,
            Error::GracePeriodOutOfBounds,
        ),
        (
            |p| p.grace_period = MAX_GRACE_PERIOD + 1,
            Error::GracePeriodOutOfBounds,
        ),
        (|p| p.quorum_ppm = MIN_QUORUM - 1, Error::QuorumOutOfBounds),
        (|p| p.quorum_ppm = MAX_QUORUM + 1, Error::QuorumOutOfBounds),
        (
            |p| p.proposal_threshold = MIN_PROPOSAL_THRESHOLD - 1,
            Error::ThresholdOutOfBounds,
        ),
        (
            |p| p.proposal_threshold = MAX_PROPOSAL_THRESHOLD + 1,
            Error::ThresholdOutOfBounds,
        ),
    ];
    for (change, error) in out_of_bounds {
        let mut params = PARAMS;
        change(&mut params);
        assert_eq!(Governor::new(factory(), params, vec![]).err(), Some(error));
    }
    let edges = [
        GovernorParams {
            voting_delay: MIN_VOTING_DELAY,
            voting_period: MIN_VOTING_PERIOD,
            timelock_delay: MIN_TIMELOCK,
            grace_period: MIN_GRACE_PERIOD,
            quorum_ppm: MIN_QUORUM,
            proposal_threshold: MIN_PROPOSAL_THRESHOLD,
        },
        GovernorParams {
            voting_delay: MAX_VOTING_DELAY,
            voting_period: MAX_VOTING_PERIOD,
            timelock_delay: MAX_TIMELOCK,
            grace_period: MAX_GRACE_PERIOD,
            quorum_ppm: MAX_QUORUM,
            proposal_threshold: MAX_PROPOSAL_THRESHOLD,
        },
    ];
    for params in edges {
        assert_eq!(
            Governor::new(factory(), params, vec![]).map(|g| g.params()).ok(),
            Some(params)
        );
    }
    let nine: Vec<AccountId> = (0..9u8).map(|i| AccountId::from([i; 32])).collect();
    assert_eq!(
        Governor::new(factory(), PARAMS, nine.clone()).err(),
        Some(Error::TooManyGuardians)
    );
    assert_eq!(
        Governor::new(factory(), PARAMS, nine[..8].to_vec())
            .map(|g| g.guardians().len())
            .ok(),
        Some(8)
    );
    let twice = vec![acc().eve, acc().bob, acc().eve];
    assert_eq!(
        Governor::new(factory(), PARAMS, twice).err(),
        Some(Error::DuplicateGuardian)
    );
}

#[ink::test]
fn locking_adds_power_to_the_unit_and_unlocking_pays_it_back() {
    let a = acc();
    let mut gov = deploy();
    go_to(3);
    lock(&mut gov, a.bob, 700);
    let locked: Locked = last_event();
    assert_eq!((locked.account, locked.amount, locked.locked), (a.bob, 700, 700));
    lock(&mut gov, a.bob, 300);
    assert_eq!((joy(a.bob), joy(callee::<E>())), (START_JOY - 1_000, ED + 1_000));
    assert_eq!(
        (gov.locked_of(a.bob), gov.votes_of(a.bob), gov.total_locked()),
        (1_000, 1_000, 1_000)
    );
    go_to(6);
    as_caller(a.bob);
    gov.unlock(400).expect("unlocks");
    let unlocked: Unlocked = last_event();
    assert_eq!((unlocked.amount, unlocked.locked), (400, 600));
    assert_eq!((joy(a.bob), joy(callee::<E>())), (START_JOY - 600, ED + 600));
    assert_eq!((gov.votes_of(a.bob), gov.total_locked()), (600, 600));
    // History: two locks in block 3 make one checkpoint.
    assert_eq!(
        [2, 3, 5, 6].map(|b| (gov.votes_at(a.bob, b), gov.total_locked_at(b))),
        [(0, 0), (1_000, 1_000), (1_000, 1_000), (600, 600)]
    );
    assert_eq!(gov.treasury(), ED);
}

#[ink::test]
fn lock_and_unlock_refuse_bad_amounts() {
    let a = acc();
    let mut gov = deploy();
    as_caller(a.bob);
    assert_rejected(&mut gov, Error::ZeroAmount, |g| g.lock());
    lock(&mut gov, a.bob, 500);
    assert_rejected(&mut gov, Error::ZeroAmount, |g| g.unlock(0));
    assert_rejected(&mut gov, Error::InsufficientLocked, |g| g.unlock(501));
    as_caller(a.charlie);
    assert_rejected(&mut gov, Error::InsufficientLocked, |g| g.unlock(1));
}

#[ink::test]
fn delegation_moves_power_and_history_keeps_the_past() {
    let a = acc();
    let mut gov = deploy();
    lock(&mut gov, a.bob, 500);
    lock(&mut gov, a.charlie, 200);
    go_to(4);
    as_caller(a.bob);
    gov.delegate(a.charlie).expect("delegates");
    let changed: DelegateChanged = last_event();
    assert_eq!(
        (changed.delegator, changed.from_delegate, changed.to_delegate),
        (a.bob, a.bob, a.charlie)
    );
    let powers: Vec<VotingPowerChanged> = events()
        .iter()
        .rev()
        .skip(1)
        .take(2)
        .map(|e| scale::Decode::decode(&mut &e.data[..]).expect("decodes"))
        .collect();
    assert_eq!(
        powers.iter().map(|p| (p.account, p.power)).collect::<Vec<_>>(),
        vec![(a.charlie, 700), (a.bob, 0)]
    );
    assert_eq!(
        (
            gov.votes_of(a.bob),
            gov.votes_of(a.charlie),
            gov.delegate_of(a.bob)
        ),
        (0, 700, a.charlie)
    );
    // Locking more while delegated adds to the delegate; the total is unchanged by delegating.
    go_to(6);
    lock(&mut gov, a.bob, 100);
    assert_eq!(
        (gov.locked_of(a.bob), gov.votes_of(a.charlie), gov.total_locked()),
        (600, 800, 800)
    );
    assert_rejected(&mut gov, Error::DelegateUnchanged, |g| g.delegate(a.charlie));
    go_to(8);
    gov.delegate(a.bob).expect("takes its votes back");
    assert_eq!(
        (
            gov.votes_of(a.bob),
            gov.votes_of(a.charlie),
            gov.delegate_of(a.bob)
        ),
        (600, 200, a.bob)
    );
    assert_rejected(&mut gov, Error::DelegateUnchanged, |g| g.delegate(a.bob));
    assert_eq!(
        [1, 3, 4, 6, 8].map(|b| (gov.votes_at(a.bob, b), gov.votes_at(a.charlie, b))),
        [(500, 200), (500, 200), (0, 700), (0, 800), (600, 200)]
    );
    // Delegating with nothing locked moves no power.
    as_caller(a.django);
    gov.delegate(a.bob).expect("delegates nothing");
    assert_eq!((gov.votes_of(a.bob), gov.delegate_of(a.django)), (600, a.bob));
}

#[ink::test]
fn history_lookups_find_every_checkpoint() {
    let a = acc();
    let mut gov = deploy();
    // 40 changes in blocks 1, 4, 7, …; power after the k-th is 10·(k+1).
    for k in 0..40u32 {
        go_to(1 + 3 * k);
        lock(&mut gov, a.bob, 10);
    }
    for block in 0..130u32 {
        let expected = if block == 0 {
            0
        } else {
            10 * (((block - 1) / 3).min(39) as u128 + 1)
        };
        assert_eq!(gov.votes_at(a.bob, block), expected, "block {block}");
        assert_eq!(gov.total_locked_at(block), expected, "block {block}");
    }
}

#[ink::test]
fn a_joy_transfer_the_chain_refuses_fails_the_message() {
    let a = acc();
    let _ = deploy();
    // What `apply` does when the chain refuses its transfer (the off-chain engine refuses
    // transfers from an account it never funded): the unlock's payout fails the unlock.
    set_callee::<E>(AccountId::from([0xC3; 32]));
    let mut state = GovernorState::new(factory(), PARAMS, vec![]).expect("state");
    let mut payout = crt_traits::effects::Effects::new();
    payout.pay(a.bob, 500);
    assert_eq!(state.apply(payout), Err(Error::JoyTransferFailed));
}

#[ink::test]
fn sums_that_overflow_are_refused() {
    let a = acc();
    let mut gov = deploy();
    // The engine does not move the JOY sent: the contract is told it received it.
    as_caller(a.bob);
    set_value_transferred::<E>(u128::MAX);
    gov.lock().expect("locks everything");
    as_caller(a.charlie);
    set_value_transferred::<E>(1);
    assert_rejected(&mut gov, Error::ArithmeticOverflow, |g| g.lock());
    as_caller(a.bob);
    set_value_transferred::<E>(1);
    assert_rejected(&mut gov, Error::ArithmeticOverflow, |g| g.lock());
}

#[ink::test]
fn settings_change_only_by_proposal() {
    let a = acc();
    let mut gov = deploy();
    let mut lower = PARAMS;
    lower.quorum_ppm = MIN_QUORUM;
    // Not even a guardian: a proposal's call to the governor runs inside `execute`.
    for who in [a.alice, a.eve] {
        as_caller(who);
        assert_rejected(&mut gov, Error::OnlyByProposal, |g| g.set_params(lower));
        assert_rejected(&mut gov, Error::OnlyByProposal, |g| g.set_guardians(vec![a.bob]));
        let mut bad = PARAMS;
        bad.quorum_ppm = 0;
        assert_rejected(&mut gov, Error::OnlyByProposal, |g| g.set_params(bad));
    }
}

#[ink::test]
fn a_guardian_freezes_the_factory_and_can_do_nothing_else() {
    let a = acc();
    let mut gov = deploy();
    as_caller(a.bob);
    assert_rejected(&mut gov, Error::NotGuardian, |g| g.freeze_factory());
    with_callees(|c| c.failing.push((factory(), FACTORY_SET_FROZEN_STATUS)));
    as_caller(a.eve);
    assert_rejected(&mut gov, Error::FactoryRefused, |g| g.freeze_factory());
    with_callees(|c| c.failing.clear());
    gov.freeze_factory().expect("freezes");
    let frozen: governor_logic::events::FactoryFrozen = last_event();
    assert_eq!(frozen.guardian, a.eve);
    assert_eq!(
        with_callees(|c| c.calls.clone()),
        vec![ProposedCall {
            target: factory(),
            selector: FACTORY_SET_FROZEN_STATUS,
            args: scale::Encode::encode(&true),
            value: 0,
        }]
    );
    // The guardian's other powers: none.
    assert_rejected(&mut gov, Error::OnlyByProposal, |g| g.set_guardians(vec![]));
    assert_rejected(&mut gov, Error::BelowProposalThreshold, |g| {
        g.propose(
            vec![ProposedCall {
                target: factory(),
                selector: FACTORY_SET_FROZEN_STATUS,
                args: scale::Encode::encode(&false),
                value: 0,
            }],
            "unfreeze".into(),
        )
    });
}

#[ink::test]
fn anyone_completes_the_factory_hand_over() {
    let mut gov = deploy();
    as_caller(acc().frank);
    with_callees(|c| c.failing.push((factory(), FACTORY_ACCEPT_GOVERNANCE)));
    assert_rejected(&mut gov, Error::FactoryRefused, |g| g.accept_factory_governance());
    with_callees(|c| c.failing.clear());
    gov.accept_factory_governance().expect("accepts");
    assert_eq!(
        with_callees(|c| c.calls.clone()),
        vec![ProposedCall {
            target: factory(),
            selector: FACTORY_ACCEPT_GOVERNANCE,
            args: vec![],
            value: 0,
        }]
    );
}

#[ink::test]
fn code_built_for_another_layout_refuses_to_change_state() {
    let _ = deploy();
    let mut state = GovernorState::new(factory(), PARAMS, vec![]).expect("state");
    state.layout += 1;
    assert_eq!(state.call().err(), Some(Error::LayoutMismatch));
    assert_eq!(state.accept_factory_governance(), Err(Error::LayoutMismatch));
}

#[ink::test]
fn votes_keep_the_voters_joy_in_until_the_vote_ends() {
    let a = acc();
    let mut gov = deploy();
    lock(&mut gov, a.bob, 1_000);
    lock(&mut gov, a.charlie, 500);
    let id = crate::tests_proposals::propose_noop(&mut gov, a.bob);
    let end = gov.proposal(id).expect("made").vote_end;
    go_to(gov.proposal(id).expect("made").snapshot + 1);
    as_caller(a.bob);
    gov.vote(id, Support::For).expect("votes");
    assert_eq!(gov.vote_lock_of(a.bob), end);
    for block in [now(), end] {
        go_to(block);
        assert_rejected(&mut gov, Error::LockedByVote, |g| g.unlock(1));
    }
    // Charlie did not vote: free to leave at any time.
    as_caller(a.charlie);
    gov.unlock(500).expect("unlocks");
    go_to(end + 1);
    as_caller(a.bob);
    gov.unlock(1_000).expect("unlocks once the vote is over");
    assert_eq!((joy(a.bob), gov.total_locked()), (START_JOY, 0));
}
