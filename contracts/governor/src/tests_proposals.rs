//! Unit tests of proposals: the whole life (pending, active, succeeded, queued, executed),
//! defeat, a missed quorum, expiry, cancellation, votes weighed at the snapshot, the
//! governor's own settings changed by proposal, the treasury, and every refusal.

use governor_logic::events::{
    GuardiansChanged, ParamsChanged, ProposalCreated, ProposalExecuted, ProposalQueued, VoteCast,
};
use governor_logic::links::stand_in::with_callees;
use governor_logic::messages::{Emergency, ProposalViews, Proposals, Settings, Voting, VotingViews};
use governor_logic::own_calls::{SET_GUARDIANS, SET_PARAMS};
use governor_logic::params::{GovernorParams, MAX_QUORUM, MIN_QUORUM};
use governor_logic::proposal::{
    Progress, ProposalId, ProposalState, ProposedCall, Receipt, Support, Tally, MAX_ARGS_LEN, MAX_CALLS,
    MAX_DESCRIPTION_LEN,
};
use governor_logic::Error;
use ink::env::test::{callee, set_account_balance};
use ink::env::DefaultEnvironment as E;
use ink::primitives::AccountId;
use scale::Encode;

use crate::governor::Governor;
use crate::tests::*;

const UPDATE: [u8; 4] = [0x11, 0x22, 0x33, 0x44];

/// A call of the factory's (stand-in) message `UPDATE` with `args`.
fn factory_call(args: &[u8]) -> ProposedCall {
    ProposedCall {
        target: factory(),
        selector: UPDATE,
        args: args.to_vec(),
        value: 0,
    }
}

/// A call of the governor's own message `selector` with `args`.
fn own_call(selector: [u8; 4], args: Vec<u8>) -> ProposedCall {
    ProposedCall {
        target: callee::<E>(),
        selector,
        args,
        value: 0,
    }
}

/// `who` proposes one factory call.
pub(crate) fn propose_noop(gov: &mut Governor, who: AccountId) -> ProposalId {
    propose(gov, who, vec![factory_call(&[7])])
}

fn propose(gov: &mut Governor, who: AccountId, calls: Vec<ProposedCall>) -> ProposalId {
    as_caller(who);
    gov.propose(calls, "lower the AMM fee".into()).expect("proposes")
}

fn state(gov: &Governor, id: ProposalId) -> ProposalState {
    gov.proposal_state(id).expect("a proposal")
}

/// Moves to the first block of `id`'s vote.
fn open_vote(gov: &Governor, id: ProposalId) {
    go_to(gov.proposal(id).expect("a proposal").snapshot + 1);
}

/// Moves to the first block after `id`'s vote.
fn end_vote(gov: &Governor, id: ProposalId) {
    go_to(gov.proposal(id).expect("a proposal").vote_end + 1);
}

fn vote(gov: &mut Governor, who: AccountId, id: ProposalId, support: Support) {
    as_caller(who);
    gov.vote(id, support).expect("votes");
}

/// Bob 1 000, charlie 500, django 300 locked in block 1.
fn three_voters() -> Governor {
    let a = acc();
    let mut gov = deploy();
    lock(&mut gov, a.bob, 1_000);
    lock(&mut gov, a.charlie, 500);
    lock(&mut gov, a.django, 300);
    gov
}

#[ink::test]
fn a_proposal_lives_from_pending_to_executed() {
    let a = acc();
    let mut gov = three_voters();
    go_to(2);
    let calls = vec![factory_call(&[1, 2, 3]), factory_call(&[4])];
    let id = propose(&mut gov, a.bob, calls.clone());
    let created: ProposalCreated = last_event();
    assert_eq!(
        (
            created.proposal,
            created.proposer,
            created.calls.clone(),
            created.snapshot,
            created.vote_end
        ),
        (0, a.bob, calls.clone(), 7, 27)
    );
    assert_eq!(
        gov.proposal_body(id).map(|b| (b.calls, b.description)),
        Some((calls.clone(), "lower the AMM fee".into()))
    );
    assert_eq!(
        (state(&gov, id), gov.quorum_of(id), gov.proposal_count()),
        (ProposalState::Pending, None, 1)
    );
    go_to(7);
    assert_eq!(state(&gov, id), ProposalState::Pending);
    assert_rejected(&mut gov, Error::VotingClosed, |g| g.vote(id, Support::For));
    go_to(8);
    assert_eq!(state(&gov, id), ProposalState::Active);
    // 4 % of the 1 800 locked at the snapshot, rounded up.
    assert_eq!(gov.quorum_of(id), Some(72));
    vote(&mut gov, a.bob, id, Support::For);
    let cast: VoteCast = last_event();
    assert_eq!(
        (cast.proposal, cast.voter, cast.support, cast.weight),
        (id, a.bob, Support::For, 1_000)
    );
    vote(&mut gov, a.charlie, id, Support::Against);
    vote(&mut gov, a.django, id, Support::Abstain);
    assert_eq!(
        gov.proposal(id).map(|p| p.tally),
        Some(Tally {
            for_votes: 1_000,
            against_votes: 500,
            abstain_votes: 300
        })
    );
    assert_eq!(
        gov.receipt(id, a.charlie),
        Some(Receipt {
            support: Support::Against,
            weight: 500
        })
    );
    as_caller(a.bob);
    assert_rejected(&mut gov, Error::AlreadyVoted, |g| g.vote(id, Support::Against));
    as_caller(a.frank);
    assert_rejected(&mut gov, Error::NoVotingPower, |g| g.vote(id, Support::For));
    assert_rejected(&mut gov, Error::ProposalNotSucceeded, |g| g.queue(id));
    assert_rejected(&mut gov, Error::ProposalNotQueued, |g| g.execute(id));
    go_to(27);
    assert_eq!(state(&gov, id), ProposalState::Active);
    go_to(28);
    assert_eq!(state(&gov, id), ProposalState::Succeeded);
    assert_rejected(&mut gov, Error::VotingClosed, |g| g.vote(id, Support::For));
    assert_rejected(&mut gov, Error::ProposalNotQueued, |g| g.execute(id));
    as_caller(a.frank);
    gov.queue(id).expect("anyone queues");
    let queued: ProposalQueued = last_event();
    assert_eq!((queued.eta, queued.deadline), (38, 48));
    assert_eq!(
        gov.proposal(id).map(|p| p.progress),
        Some(Progress::Queued {
            eta: 38,
            deadline: 48
        })
    );
    assert_rejected(&mut gov, Error::ProposalNotSucceeded, |g| g.queue(id));
    go_to(37);
    assert_rejected(&mut gov, Error::TimelockNotPassed, |g| g.execute(id));
    go_to(38);
    gov.execute(id).expect("anyone executes");
    let executed: ProposalExecuted = last_event();
    assert_eq!(executed.proposal, id);
    assert_eq!(with_callees(|c| c.calls.clone()), calls);
    assert_eq!(state(&gov, id), ProposalState::Executed);
    assert_rejected(&mut gov, Error::ProposalNotQueued, |g| g.execute(id));
    assert_rejected(&mut gov, Error::ProposalNotCancellable, |g| g.cancel(id));
}

#[ink::test]
fn more_against_than_for_defeats_a_proposal() {
    let a = acc();
    let mut gov = three_voters();
    let id = propose_noop(&mut gov, a.charlie);
    open_vote(&gov, id);
    vote(&mut gov, a.charlie, id, Support::For);
    vote(&mut gov, a.bob, id, Support::Against);
    end_vote(&gov, id);
    assert_eq!(state(&gov, id), ProposalState::Defeated);
    assert_rejected(&mut gov, Error::ProposalNotSucceeded, |g| g.queue(id));
    assert_rejected(&mut gov, Error::ProposalNotCancellable, |g| g.cancel(id));
    // A tie defeats it too: 500 for, 300 + 200 against.
    lock(&mut gov, a.frank, 200);
    let tie = propose_noop(&mut gov, a.bob);
    open_vote(&gov, tie);
    lock(&mut gov, a.eve, 1);
    vote(&mut gov, a.charlie, tie, Support::For);
    vote(&mut gov, a.django, tie, Support::Against);
    vote(&mut gov, a.frank, tie, Support::Against);
    as_caller(a.eve);
    assert_rejected(&mut gov, Error::NoVotingPower, |g| g.vote(tie, Support::For));
    end_vote(&gov, tie);
    assert_eq!(state(&gov, tie), ProposalState::Defeated);
}

#[ink::test]
fn the_quorum_counts_for_and_abstain_of_the_power_at_the_snapshot() {
    let a = acc();
    let mut gov = deploy();
    lock(&mut gov, a.bob, 10_000);
    lock(&mut gov, a.charlie, 300);
    lock(&mut gov, a.django, 200);
    // Quorum: 4 % of 10 500 = 420.
    let missed = propose_noop(&mut gov, a.charlie);
    let reached = propose_noop(&mut gov, a.charlie);
    open_vote(&gov, missed);
    assert_eq!(gov.quorum_of(missed), Some(420));
    // Power locked after the snapshot changes neither the quorum nor the votes.
    lock(&mut gov, a.frank, 50_000);
    assert_eq!(gov.quorum_of(missed), Some(420));
    vote(&mut gov, a.charlie, missed, Support::For);
    vote(&mut gov, a.charlie, reached, Support::For);
    vote(&mut gov, a.django, reached, Support::Abstain);
    end_vote(&gov, missed);
    assert_eq!(state(&gov, missed), ProposalState::Defeated);
    assert_eq!(state(&gov, reached), ProposalState::Succeeded);
}

#[ink::test]
fn a_queued_proposal_expires_after_its_grace_period() {
    let a = acc();
    let mut gov = three_voters();
    let id = propose_noop(&mut gov, a.bob);
    open_vote(&gov, id);
    vote(&mut gov, a.bob, id, Support::For);
    end_vote(&gov, id);
    gov.queue(id).expect("queues");
    let Some(Progress::Queued { deadline, .. }) = gov.proposal(id).map(|p| p.progress) else {
        panic!("queued")
    };
    go_to(deadline);
    assert_eq!(state(&gov, id), ProposalState::Queued);
    go_to(deadline + 1);
    assert_eq!(state(&gov, id), ProposalState::Expired);
    assert_rejected(&mut gov, Error::ProposalExpired, |g| g.execute(id));
    assert_rejected(&mut gov, Error::ProposalNotCancellable, |g| g.cancel(id));
    assert!(with_callees(|c| c.calls.is_empty()));
}

#[ink::test]
fn an_approval_nobody_queues_expires_after_the_grace_period() {
    let a = acc();
    let mut gov = three_voters();
    let id = propose_noop(&mut gov, a.bob);
    open_vote(&gov, id);
    vote(&mut gov, a.bob, id, Support::For);
    let proposal = gov.proposal(id).expect("made");
    assert_eq!(proposal.queue_by, proposal.vote_end + PARAMS.grace_period);
    go_to(proposal.queue_by);
    assert_eq!(state(&gov, id), ProposalState::Succeeded);
    go_to(proposal.queue_by + 1);
    assert_eq!(state(&gov, id), ProposalState::Expired);
    assert_rejected(&mut gov, Error::ProposalExpired, |g| g.queue(id));
    assert_rejected(&mut gov, Error::ProposalExpired, |g| g.execute(id));
    assert_rejected(&mut gov, Error::ProposalNotCancellable, |g| g.cancel(id));
}

#[ink::test]
fn the_proposer_cancels_before_the_vote_ends_and_anyone_once_it_lost_its_power() {
    let a = acc();
    let mut gov = three_voters();
    let pending = propose_noop(&mut gov, a.django);
    let active = propose_noop(&mut gov, a.django);
    let fell = propose_noop(&mut gov, a.django);
    let passed = propose_noop(&mut gov, a.django);
    as_caller(a.bob);
    assert_rejected(&mut gov, Error::ProposerAboveThreshold, |g| g.cancel(pending));
    as_caller(a.django);
    gov.cancel(pending).expect("cancels while pending");
    let canceled: governor_logic::events::ProposalCanceled = last_event();
    assert_eq!((canceled.proposal, canceled.by), (pending, a.django));
    assert_eq!(state(&gov, pending), ProposalState::Canceled);
    assert_rejected(&mut gov, Error::ProposalNotCancellable, |g| g.cancel(pending));
    open_vote(&gov, active);
    as_caller(a.bob);
    assert_rejected(&mut gov, Error::VotingClosed, |g| g.vote(pending, Support::For));
    assert_rejected(&mut gov, Error::ProposerAboveThreshold, |g| g.cancel(active));
    vote(&mut gov, a.bob, active, Support::For);
    vote(&mut gov, a.bob, passed, Support::For);
    as_caller(a.django);
    gov.cancel(active).expect("cancels while active");
    assert_rejected(&mut gov, Error::VotingClosed, |g| g.vote(active, Support::For));
    // The proposer's power falls below the threshold during the vote: anyone cancels.
    gov.unlock(250).expect("django did not vote");
    as_caller(a.frank);
    gov.cancel(fell).expect("anyone cancels");
    assert_eq!(state(&gov, fell), ProposalState::Canceled);
    // After the vote nobody cancels, not even with the proposer below the threshold.
    end_vote(&gov, passed);
    assert_eq!(state(&gov, passed), ProposalState::Succeeded);
    for who in [a.frank, a.django] {
        as_caller(who);
        assert_rejected(&mut gov, Error::ProposalNotCancellable, |g| g.cancel(passed));
    }
    gov.queue(passed).expect("queues");
    assert_rejected(&mut gov, Error::ProposalNotCancellable, |g| g.cancel(passed));
    go_to(now() + PARAMS.timelock_delay);
    gov.execute(passed).expect("executes");
}

#[ink::test]
fn votes_weigh_the_power_at_the_snapshot_so_joy_votes_once() {
    let a = acc();
    let mut gov = three_voters();
    // Charlie delegates to bob before the snapshot.
    as_caller(a.charlie);
    gov.delegate(a.bob).expect("delegates");
    let id = propose_noop(&mut gov, a.django);
    open_vote(&gov, id);
    // After the snapshot charlie takes its votes back and leaves; frank locks the same JOY.
    as_caller(a.charlie);
    gov.delegate(a.charlie).expect("takes back");
    gov.unlock(500).expect("did not vote itself");
    lock(&mut gov, a.frank, 500);
    vote(&mut gov, a.bob, id, Support::For);
    assert_eq!(gov.receipt(id, a.bob).map(|r| r.weight), Some(1_500));
    as_caller(a.charlie);
    assert_rejected(&mut gov, Error::NoVotingPower, |g| g.vote(id, Support::Against));
    as_caller(a.frank);
    assert_rejected(&mut gov, Error::NoVotingPower, |g| g.vote(id, Support::Against));
    vote(&mut gov, a.django, id, Support::Against);
    let tally = gov.proposal(id).expect("a proposal").tally;
    let snapshot = gov.proposal(id).expect("a proposal").snapshot;
    assert_eq!((tally.total(), gov.total_locked_at(snapshot)), (1_800, 1_800));
}

#[ink::test]
fn proposals_are_checked_before_anyone_votes_on_them() {
    let a = acc();
    let mut gov = three_voters();
    lock(&mut gov, a.frank, 99);
    let one = || vec![factory_call(&[1])];
    assert_rejected(&mut gov, Error::BelowProposalThreshold, |g| {
        g.propose(one(), String::new())
    });
    as_caller(a.bob);
    assert_rejected(&mut gov, Error::NoCalls, |g| g.propose(vec![], String::new()));
    assert_rejected(&mut gov, Error::TooManyCalls, |g| {
        g.propose(vec![factory_call(&[1]); MAX_CALLS + 1], String::new())
    });
    assert_rejected(&mut gov, Error::ArgumentsTooLong, |g| {
        g.propose(vec![factory_call(&[0; MAX_ARGS_LEN + 1])], String::new())
    });
    assert_rejected(&mut gov, Error::DescriptionTooLong, |g| {
        g.propose(one(), "x".repeat(MAX_DESCRIPTION_LEN + 1))
    });
    let mut params = PARAMS;
    params.quorum_ppm = MIN_QUORUM;
    let mut with_value = own_call(SET_PARAMS, params.encode());
    with_value.value = 1;
    let mut trailing = params.encode();
    trailing.push(0);
    for bad in [
        own_call([0, 0, 0, 0], vec![]),
        with_value,
        own_call(SET_PARAMS, vec![1, 2]),
        own_call(SET_PARAMS, trailing),
        own_call(SET_GUARDIANS, vec![0xFF]),
    ] {
        assert_rejected(&mut gov, Error::BadOwnCall, |g| {
            g.propose(vec![bad], String::new())
        });
    }
    params.quorum_ppm = MAX_QUORUM + 1;
    assert_rejected(&mut gov, Error::QuorumOutOfBounds, |g| {
        g.propose(vec![own_call(SET_PARAMS, params.encode())], String::new())
    });
    assert_rejected(&mut gov, Error::DuplicateGuardian, |g| {
        g.propose(
            vec![own_call(SET_GUARDIANS, vec![a.bob, a.bob].encode())],
            String::new(),
        )
    });
    // The largest proposal goes through.
    gov.propose(
        vec![factory_call(&[0; MAX_ARGS_LEN]); MAX_CALLS],
        "x".repeat(MAX_DESCRIPTION_LEN),
    )
    .expect("the largest proposal");
    assert_rejected(&mut gov, Error::ProposalNotFound, |g| g.vote(9, Support::For));
    assert_rejected(&mut gov, Error::ProposalNotFound, |g| g.queue(9));
    assert_rejected(&mut gov, Error::ProposalNotFound, |g| g.execute(9));
    assert_rejected(&mut gov, Error::ProposalNotFound, |g| g.cancel(9));
    assert_eq!(
        (gov.proposal_state(9), gov.quorum_of(9), gov.proposal_body(9)),
        (None, None, None)
    );
}

/// Proposes `calls` by bob, votes them through and queues them; returns at the eta.
fn pass(gov: &mut Governor, calls: Vec<ProposedCall>) -> ProposalId {
    let id = propose(gov, acc().bob, calls);
    open_vote(gov, id);
    vote(gov, acc().bob, id, Support::For);
    end_vote(gov, id);
    gov.queue(id).expect("queues");
    go_to(now() + PARAMS.timelock_delay);
    id
}

#[ink::test]
fn a_proposal_changes_the_governors_own_settings() {
    let a = acc();
    let mut gov = three_voters();
    let params = GovernorParams {
        voting_delay: 2,
        voting_period: 30,
        timelock_delay: 40,
        grace_period: 50,
        quorum_ppm: 100_000,
        proposal_threshold: 400,
    };
    let id = pass(
        &mut gov,
        vec![
            own_call(SET_PARAMS, params.encode()),
            own_call(SET_GUARDIANS, vec![a.frank].encode()),
        ],
    );
    gov.execute(id).expect("executes");
    let evs = events();
    let changed: ParamsChanged = scale::Decode::decode(&mut &evs[evs.len() - 3].data[..]).expect("decodes");
    let guardians: GuardiansChanged =
        scale::Decode::decode(&mut &evs[evs.len() - 2].data[..]).expect("decodes");
    assert_eq!((changed.params, guardians.guardians), (params, vec![a.frank]));
    assert_eq!((gov.params(), gov.guardians()), (params, vec![a.frank]));
    // Nothing was called outside the governor.
    assert!(with_callees(|c| c.calls.is_empty()));
    as_caller(a.eve);
    assert_rejected(&mut gov, Error::NotGuardian, |g| g.freeze_factory());
    as_caller(a.frank);
    gov.freeze_factory().expect("the new guardian freezes");
    // The new threshold and delays apply to the next proposal.
    assert_rejected(&mut gov, Error::BelowProposalThreshold, |g| {
        g.propose(vec![factory_call(&[1])], String::new())
    });
    let next = propose_noop(&mut gov, a.charlie);
    assert_eq!(
        gov.proposal(next)
            .map(|p| (p.snapshot - now(), p.vote_end - p.snapshot, p.quorum_ppm)),
        Some((2, 30, 100_000))
    );
}

#[ink::test]
fn a_failing_call_fails_the_execution_with_its_index() {
    let a = acc();
    let mut gov = three_voters();
    let calls = vec![
        factory_call(&[1]),
        ProposedCall {
            target: a.frank,
            ..factory_call(&[2])
        },
    ];
    let id = pass(&mut gov, calls);
    with_callees(|c| c.failing.push((a.frank, UPDATE)));
    // On chain the error reverts the message: the first call is undone and the proposal
    // stays queued (the end-to-end test shows it). The off-chain engine does not revert.
    assert_eq!(gov.execute(id), Err(Error::CallFailed { index: 1 }));
}

#[ink::test]
fn proposals_spend_the_treasury_never_the_locked_joy() {
    let a = acc();
    let mut gov = three_voters();
    // 5 000 000 JOY sent to the governor beside the 1 800 locked.
    set_account_balance::<E>(callee::<E>(), joy(callee::<E>()) + 5_000_000);
    assert_eq!(gov.treasury(), ED + 5_000_000);
    with_callees(|c| c.plain_accounts.push(a.frank));
    let pay_frank = |value| ProposedCall {
        target: a.frank,
        selector: [0; 4],
        args: vec![],
        value,
    };
    // Each call's value must be in the treasury when it is made. (On chain the error reverts
    // the message and the first payment with it; the off-chain engine does not revert.)
    let greedy = pass(&mut gov, vec![pay_frank(3_000_000), pay_frank(ED + 2_000_001)]);
    assert_eq!(gov.execute(greedy), Err(Error::TreasuryTooLow));
    assert_eq!(gov.treasury(), ED + 2_000_000);
    // A call naming a message to an account without a contract fails.
    let message_to_frank = ProposedCall {
        target: a.frank,
        ..factory_call(&[1])
    };
    let wrong = pass(&mut gov, vec![pay_frank(1), message_to_frank]);
    assert_eq!(gov.execute(wrong), Err(Error::CallFailed { index: 1 }));
    set_account_balance::<E>(a.frank, START_JOY);
    set_account_balance::<E>(callee::<E>(), ED + 1_800 + 5_000_000);
    let fair = pass(&mut gov, vec![pay_frank(3_000_000), pay_frank(2_000_000)]);
    let frank = joy(a.frank);
    gov.execute(fair).expect("executes");
    assert_eq!(
        (joy(a.frank), gov.treasury(), joy(callee::<E>())),
        (frank + 5_000_000, ED, ED + 1_800)
    );
    // Every voter can still leave.
    go_to(now() + 100);
    for who in [a.bob, a.charlie, a.django] {
        as_caller(who);
        gov.unlock(gov.locked_of(who)).expect("leaves");
    }
    assert_eq!((joy(callee::<E>()), gov.total_locked()), (ED, 0));
}
