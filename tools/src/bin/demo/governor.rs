//! The governance chapter: the community takes the factory over. Governance deploys a governor
//! with a guardian and hands the factory to it in two steps; holders lock JOY; the creator
//! proposes lowering the AMM buy fee; holders vote; after the timelock anyone executes it. Then
//! the guardian freezes the platform in an emergency — and only a proposal unfreezes it.

use crt_tools::proposal::{call_of, SIX_SECOND_BLOCK_PARAMS};
use crt_tools::E2EResult;
use crt_traits::TokenConstraintsUpdate;
use factory::factory::Factory;
use governor::governor::{Governor, GovernorRef};
use governor_logic::messages::{Emergency as _, ProposalViews as _, Proposals as _, Voting as _};
use governor_logic::params::GovernorParams;
use governor_logic::proposal::{ProposalId, ProposedCall, Support};
use ink::primitives::AccountId;
use ink_e2e::Keypair;

use crate::chain::{Chain, Clock, OrFail};
use crate::story::{id, joy, ss58, Story};

type FactoryCall = <Factory as ink::codegen::ContractCallBuilder>::Type;
type GovernorCall = <Governor as ink::codegen::ContractCallBuilder>::Type;

/// The least the governor allows, on a node (where every block is a transaction).
const NODE_PARAMS: GovernorParams = GovernorParams {
    voting_delay: 1,
    voting_period: 10,
    timelock_delay: 10,
    grace_period: 10,
    ..SIX_SECOND_BLOCK_PARAMS
};

/// The AMM buy fee the community sets: 0.1 %.
const LOWER_BUY_FEE: u32 = 1_000;

pub struct Cast<'a> {
    pub governance: &'a Keypair,
    pub guardian: &'a Keypair,
    /// Lock JOY and vote; the first proposes.
    pub holders: [(&'a str, &'a Keypair, u128); 3],
}

pub async fn chapter<C: Chain>(
    client: &mut C,
    story: &mut Story,
    clock: &Clock,
    factory_address: AccountId,
    factory: &mut FactoryCall,
    cast: Cast<'_>,
) -> E2EResult<()> {
    let Cast {
        governance,
        guardian,
        holders,
    } = cast;
    let params = match clock {
        Clock::Sandbox => SIX_SECOND_BLOCK_PARAMS,
        Clock::Node(_) => NODE_PARAMS,
    };
    let mut constructor = GovernorRef::new(factory_address, params, vec![id(guardian)]);
    let deployed = client
        .instantiate("governor", governance, &mut constructor)
        .submit()
        .await
        .or_fail()?;
    story.record(
        "governor: new",
        deployed.dry_run.contract_result.gas_required,
        &deployed.dry_run.contract_result.storage_deposit,
    );
    let address = deployed.account_id;
    let mut governor = deployed.call_builder::<Governor>();
    println!(
        "    governor at {} (votes open after {} blocks and last {}, {}-block timelock, 10 % quorum, guardian {})",
        ss58(&address),
        params.voting_delay,
        params.voting_period,
        params.timelock_delay,
        ss58(&id(guardian))
    );
    call!(
        story,
        client,
        "factory: propose_governance",
        governance,
        factory.propose_governance(Some(address))
    )
    .map_err(|e| format!("propose_governance: {e:?}"))?;
    call!(
        story,
        client,
        "governor: accept_factory_governance",
        governance,
        governor.accept_factory_governance()
    )
    .map_err(|e| format!("accept_factory_governance: {e:?}"))?;
    let now_governs = client
        .call(governance, &factory.governance())
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    println!(
        "    the factory's governance is now the governor: {}",
        now_governs == address
    );
    for (name, holder, amount) in holders {
        call!(story, client, "governor: lock", holder, governor.lock(), amount)
            .map_err(|e| format!("lock: {e:?}"))?;
        println!("    the {name} locks {}", joy(amount));
    }

    let update = TokenConstraintsUpdate {
        amm_buy_tx_fee: Some(LOWER_BUY_FEE),
        ..Default::default()
    };
    let lower_fee = call_of(factory_address, factory.update_token_constraints(update));
    let fee_before = buy_fee(client, factory, governance).await?;
    let (proposer_name, proposer, _) = holders[0];
    let votes = [Support::For, Support::For, Support::Against];
    println!(
        "    the {proposer_name} proposes lowering the AMM buy fee from {} to {} ppm",
        fee_before, LOWER_BUY_FEE
    );
    let proposal = pass(
        client,
        story,
        clock,
        &mut governor,
        (proposer, lower_fee, "Lower the AMM buy fee to 0.1 %"),
        &holders,
        &votes,
        params,
    )
    .await?;
    let early = client
        .call(proposer, &governor.execute(proposal))
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    println!("    executing before the timelock → {early:?}");
    clock.advance(client, params.timelock_delay).await?;
    call!(
        story,
        client,
        "governor: execute",
        governance,
        governor.execute(proposal)
    )
    .map_err(|e| format!("execute: {e:?}"))?;
    println!(
        "    after the timelock anyone executes: the AMM buy fee is now {} ppm",
        buy_fee(client, factory, governance).await?
    );

    println!("    an emergency: the guardian freezes the platform at once");
    call!(
        story,
        client,
        "governor: freeze_factory",
        guardian,
        governor.freeze_factory()
    )
    .map_err(|e| format!("freeze_factory: {e:?}"))?;
    let unfreeze = client
        .call(guardian, &factory.set_frozen_status(false))
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    println!("    frozen; the guardian cannot unfreeze → {unfreeze:?}");
    let unfreeze = call_of(factory_address, factory.set_frozen_status(false));
    let proposal = pass(
        client,
        story,
        clock,
        &mut governor,
        (proposer, unfreeze, "Unfreeze: the incident is resolved"),
        &holders,
        &[Support::For; 3],
        params,
    )
    .await?;
    clock.advance(client, params.timelock_delay).await?;
    call!(
        story,
        client,
        "governor: execute (unfreeze)",
        governance,
        governor.execute(proposal)
    )
    .map_err(|e| format!("execute: {e:?}"))?;
    let frozen = client
        .call(governance, &factory.is_frozen())
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    println!("    the proposal unfroze the platform: frozen = {frozen}");
    Ok(())
}

/// Proposes `call`, lets the holders vote `votes` once voting opens, and queues it after the
/// vote; returns its id.
#[allow(clippy::too_many_arguments)]
async fn pass<C: Chain>(
    client: &mut C,
    story: &mut Story,
    clock: &Clock,
    governor: &mut GovernorCall,
    (proposer, call, description): (&Keypair, ProposedCall, &str),
    holders: &[(&str, &Keypair, u128); 3],
    votes: &[Support; 3],
    params: GovernorParams,
) -> E2EResult<ProposalId> {
    let proposal = call!(
        story,
        client,
        "governor: propose",
        proposer,
        governor.propose(vec![call], description.into())
    )
    .map_err(|e| format!("propose: {e:?}"))?;
    clock.advance(client, params.voting_delay + 1).await?;
    for ((name, holder, _), support) in holders.iter().zip(votes) {
        call!(
            story,
            client,
            "governor: vote",
            *holder,
            governor.vote(proposal, *support)
        )
        .map_err(|e| format!("vote: {e:?}"))?;
        println!("    the {name} votes {support:?}");
    }
    clock.advance(client, params.voting_period).await?;
    let state = client
        .call(proposer, &governor.proposal_state(proposal))
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    println!("    the vote is over: {state:?}");
    call!(
        story,
        client,
        "governor: queue",
        proposer,
        governor.queue(proposal)
    )
    .map_err(|e| format!("queue: {e:?}"))?;
    Ok(proposal)
}

async fn buy_fee<C: Chain>(client: &mut C, factory: &FactoryCall, who: &Keypair) -> E2EResult<u32> {
    Ok(client
        .call(who, &factory.token_constraints())
        .dry_run()
        .await
        .or_fail()?
        .return_value()
        .amm_buy_tx_fee)
}
