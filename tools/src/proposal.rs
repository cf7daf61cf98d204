//! Proposals for the governor, built from the call builders of the contracts they call: a
//! message built the way a client calls it (`factory.update_token_constraints(update)`)
//! becomes the governor's `ProposedCall` (target, selector, SCALE arguments), so the demo, the
//! benchmarks and the tests never encode a selector by hand.

use governor_logic::params::GovernorParams;
use governor_logic::proposal::ProposedCall;
use ink::primitives::AccountId;
use scale::Encode;

use crate::Message;

/// A message the call builder of a contract at `target` built, as a call of a proposal.
pub fn call_of<Args: Encode, R>(target: AccountId, message: Message<Args, R>) -> ProposedCall {
    // An execution input encodes as the selector followed by the arguments.
    let input = message.params().exec_input().encode();
    let (selector, args) = input.split_at(4);
    ProposedCall {
        target,
        selector: selector.try_into().expect("a 4-byte selector"),
        args: args.to_vec(),
        value: 0,
    }
}

/// A governor's parameters for a chain of 6-second blocks, as the demo and the benchmarks
/// deploy it on the sandbox (which travels in time): a day before a vote opens, a week of
/// voting, two days of timelock, a week to queue and to execute; a 10 % quorum; 100 JOY of
/// power to propose.
pub const SIX_SECOND_BLOCK_PARAMS: GovernorParams = GovernorParams {
    voting_delay: 14_400,
    voting_period: 100_800,
    timelock_delay: 28_800,
    grace_period: 100_800,
    quorum_ppm: 100_000,
    proposal_threshold: 1_000_000_000_000,
};
