//! The governor's messages: locking JOY for votes, delegating, proposing a factory parameter
//! change, voting (the first vote on a proposal, and another), queueing, executing (the
//! factory's `update_token_constraints` called by the governor), cancelling, unlocking, and the
//! guardian's freeze. Runs last: it hands the benchmark's factory to the governor.

use crt_tools::advance_blocks;
use crt_tools::proposal::{call_of, SIX_SECOND_BLOCK_PARAMS as PARAMS};
use crt_traits::TokenConstraintsUpdate;
use governor::governor::Governor;
use governor_logic::messages::{Emergency as _, Proposals as _, Voting as _};
use governor_logic::proposal::Support;
use ink::ToAccountId;

use crate::bench::Bench;
use crate::lifecycle::{constructor_new, FactoryCalls, BACKER, CREATOR, FAN, GOVERNANCE, JOY, OTHER, TRADER};

pub fn run(bench: &mut Bench, factory: &mut FactoryCalls, code: &[u8]) {
    let code_hash = bench.chain.upload(code, GOVERNANCE);
    let input = constructor_new((factory.to_account_id(), PARAMS, vec![OTHER]));
    let (address, gas) = bench.chain.instantiate(code_hash, input, GOVERNANCE, 0);
    bench.record("governor.new", gas);
    let mut governor = ink_e2e::create_call_builder::<Governor>(address);
    bench
        .run(GOVERNANCE, &factory.propose_governance(Some(address)), 0)
        .expect("offers");
    bench
        .call(
            "governor.accept_factory_governance",
            TRADER,
            &governor.accept_factory_governance(),
            0,
        )
        .expect("accepts");
    bench
        .call("governor.lock", CREATOR, &governor.lock(), 1_000 * JOY)
        .expect("locks");
    bench
        .call("governor.lock[again]", CREATOR, &governor.lock(), 100 * JOY)
        .expect("locks");
    bench.run(FAN, &governor.lock(), 400 * JOY).expect("locks");
    bench.run(BACKER, &governor.lock(), 300 * JOY).expect("locks");
    bench
        .call("governor.delegate", BACKER, &governor.delegate(FAN), 0)
        .expect("delegates");

    let update = TokenConstraintsUpdate {
        amm_buy_tx_fee: Some(1_000),
        ..Default::default()
    };
    let lower_fee = call_of(factory.to_account_id(), factory.update_token_constraints(update));
    let proposal = bench
        .call(
            "governor.propose",
            CREATOR,
            &governor.propose(vec![lower_fee.clone()], "Lower the AMM buy fee to 0.1 %".into()),
            0,
        )
        .expect("proposes");
    let cancelled = bench
        .run(CREATOR, &governor.propose(vec![lower_fee], String::new()), 0)
        .expect("proposes");
    bench
        .call("governor.cancel", CREATOR, &governor.cancel(cancelled), 0)
        .expect("cancels");
    advance_blocks(PARAMS.voting_delay + 1);
    bench
        .call(
            "governor.vote",
            CREATOR,
            &governor.vote(proposal, Support::For),
            0,
        )
        .expect("votes");
    bench
        .call(
            "governor.vote[delegate]",
            FAN,
            &governor.vote(proposal, Support::Against),
            0,
        )
        .expect("votes");
    advance_blocks(PARAMS.voting_period);
    bench
        .call("governor.queue", TRADER, &governor.queue(proposal), 0)
        .expect("queues");
    advance_blocks(PARAMS.timelock_delay);
    bench
        .call(
            "governor.execute[update_token_constraints]",
            TRADER,
            &governor.execute(proposal),
            0,
        )
        .expect("executes");
    bench
        .call("governor.unlock", CREATOR, &governor.unlock(100 * JOY), 0)
        .expect("unlocks");
    bench
        .call("governor.freeze_factory", OTHER, &governor.freeze_factory(), 0)
        .expect("freezes");
}
