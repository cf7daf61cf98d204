//! Property test of the governor: over random sequences of locks, unlocks, delegations,
//! proposals, votes, queueing, executions, cancellations and blocks passing, the voting power of all accounts together is the JOY
//! locked (now and at every past block), no proposal counts more votes than the power locked
//! at its snapshot, the governor's JOY covers what is locked, and afterwards everyone can
//! take all of their JOY back: no sequence locks anyone's exit.

use governor_logic::messages::{ProposalViews, Proposals, Voting, VotingViews};
use governor_logic::proposal::{ProposedCall, Support};
use ink::env::test::{callee, set_account_balance};
use ink::env::DefaultEnvironment as E;
use ink::primitives::AccountId;
use proptest::prelude::*;

use crate::tests::*;

#[derive(Debug, Clone)]
enum Step {
    Lock { who: usize, amount: u128 },
    Unlock { who: usize, amount: u128 },
    Delegate { who: usize, to: usize },
    Propose { who: usize },
    Vote { who: usize, proposal: u32, support: u8 },
    Queue { proposal: u32 },
    Execute { proposal: u32 },
    Cancel { who: usize, proposal: u32 },
    Wait { blocks: u32 },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0usize..5, 1u128..5_000).prop_map(|(who, amount)| Step::Lock { who, amount }),
        2 => (0usize..5, 1u128..5_000).prop_map(|(who, amount)| Step::Unlock { who, amount }),
        2 => (0usize..5, 0usize..5).prop_map(|(who, to)| Step::Delegate { who, to }),
        1 => (0usize..5).prop_map(|who| Step::Propose { who }),
        4 => (0usize..5, 0u32..4, 0u8..3).prop_map(|(who, proposal, support)| Step::Vote { who, proposal, support }),
        1 => (0u32..4).prop_map(|proposal| Step::Queue { proposal }),
        1 => (0u32..4).prop_map(|proposal| Step::Execute { proposal }),
        1 => (0usize..5, 0u32..4).prop_map(|(who, proposal)| Step::Cancel { who, proposal }),
        2 => (1u32..12).prop_map(|blocks| Step::Wait { blocks }),
    ]
}

fn people() -> [AccountId; 5] {
    let a = acc();
    [a.alice, a.bob, a.charlie, a.django, a.frank]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn power_is_what_is_locked_and_every_exit_stays_open(steps in prop::collection::vec(step(), 1..60)) {
        ink::env::test::run_test::<E, _>(|_| {
            let mut gov = deploy();
            let who = people();
            let start: Vec<u128> = who.iter().map(|w| joy(*w)).collect();
            let mut blocks_seen = vec![1u32];
            for step in steps {
                match step {
                    Step::Lock { who: w, amount } => {
                        pay(who[w], amount);
                        if gov.lock().is_err() {
                            // The chain would return the JOY of a refused call.
                            let contract = callee::<E>();
                            set_account_balance::<E>(contract, joy(contract) - amount);
                            set_account_balance::<E>(who[w], joy(who[w]) + amount);
                        }
                    }
                    Step::Unlock { who: w, amount } => {
                        as_caller(who[w]);
                        let _ = gov.unlock(amount);
                    }
                    Step::Delegate { who: w, to } => {
                        as_caller(who[w]);
                        let _ = gov.delegate(who[to]);
                    }
                    Step::Propose { who: w } => {
                        as_caller(who[w]);
                        let call = ProposedCall { target: factory(), selector: [1, 2, 3, 4], args: vec![], value: 0 };
                        let _ = gov.propose(vec![call], String::new());
                    }
                    Step::Vote { who: w, proposal, support } => {
                        as_caller(who[w]);
                        let support = [Support::For, Support::Against, Support::Abstain][usize::from(support)];
                        let _ = gov.vote(proposal, support);
                    }
                    Step::Queue { proposal } => {
                        as_caller(who[0]);
                        let _ = gov.queue(proposal);
                    }
                    Step::Execute { proposal } => {
                        as_caller(who[0]);
                        let _ = gov.execute(proposal);
                    }
                    Step::Cancel { who: w, proposal } => {
                        as_caller(who[w]);
                        let _ = gov.cancel(proposal);
                    }
                    Step::Wait { blocks } => {
                        go_to(now() + blocks);
                        blocks_seen.push(now());
                    }
                }
                let locked: u128 = who.iter().map(|w| gov.locked_of(*w)).sum();
                let power: u128 = who.iter().map(|w| gov.votes_of(*w)).sum();
                assert_eq!((power, locked), (gov.total_locked(), gov.total_locked()), "power ≠ locked");
                for block in &blocks_seen {
                    let past: u128 = who.iter().map(|w| gov.votes_at(*w, *block)).sum();
                    assert_eq!(past, gov.total_locked_at(*block), "power ≠ locked at block {block}");
                }
                for id in 0..gov.proposal_count() {
                    let p = gov.proposal(id).expect("stored");
                    if now() > p.snapshot {
                        assert!(p.tally.total() <= gov.total_locked_at(p.snapshot), "votes beyond the power at the snapshot");
                    } else {
                        assert_eq!(p.tally.total(), 0, "votes before the vote opened");
                    }
                }
                assert!(joy(callee::<E>()) >= ED + gov.total_locked(), "locked JOY not covered");
            }
            // Every vote ends; then everyone leaves with all of their JOY.
            go_to(now() + PARAMS.voting_delay + PARAMS.voting_period + 1);
            for (i, w) in who.iter().enumerate() {
                as_caller(*w);
                let mine = gov.locked_of(*w);
                if mine > 0 {
                    gov.unlock(mine).expect("an exit is never locked");
                }
                assert_eq!(joy(*w), start[i], "JOY not all back");
            }
            assert_eq!((gov.total_locked(), joy(callee::<E>())), (0, ED));
            Ok(())
        })
        .expect("off-chain run");
    }
}
