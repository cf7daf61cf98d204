//! The governor end to end, on the real factory and governor contracts: the factory's
//! governance handed to the governor in two steps; holders lock JOY; a proposal that lowers
//! the factory's AMM buy fee (`update_token_constraints`) voted through, refused before its
//! timelock and executed after it; double votes and an unlock during the vote refused; a
//! proposal short of its quorum, one defeated, one cancelled, one expired; the guardian's
//! freeze (and its refused unfreeze); a proposal that changes the governor's own parameters,
//! unfreezes and then fails, undone as a whole; a proposal that unfreezes; and one that brings
//! platform fees into the treasury, pays a plain account from it and changes the parameters.

use crate::common::*;
use crt_tools::proposal::call_of;
use crt_tools::Message;
use crt_traits::TokenConstraintsUpdate;
use governor::governor::{Governor, GovernorRef};
use governor_logic::messages::{
    Emergency as _, ProposalViews as _, Proposals as _, Settings as _, Voting as _, VotingViews as _,
};
use governor_logic::params::GovernorParams;
use governor_logic::proposal::{ProposalId, ProposalState, ProposedCall, Support};
use governor_logic::Error as GovernorError;
use ink::primitives::AccountId;
use ink_e2e::{ContractsBackend, Keypair};
use scale::Encode;

type GovernorCall = <Governor as ink::codegen::ContractCallBuilder>::Type;

/// Votes open 2 blocks after a proposal and last 20; a 30-block timelock and 20 blocks of
/// grace; a 20 % quorum; 1 000 000 units of power to propose.
const PARAMS: GovernorParams = GovernorParams {
    voting_delay: 2,
    voting_period: 20,
    timelock_delay: 30,
    grace_period: 20,
    quorum_ppm: 200_000,
    proposal_threshold: 1_000_000,
};

/// The AMM buy fee the proposal sets: 0.1 % (the default is 0.3 %).
const LOWER_BUY_FEE: u32 = 1_000;

struct Platform {
    factory_address: AccountId,
    factory: FactoryCall,
    address: AccountId,
    governor: GovernorCall,
}

/// The factory and a governor with eve as guardian, governing the factory; bob, charlie and
/// dave locked 5, 3 and 1 million units of JOY.
async fn governed_platform(client: &mut Client) -> E2EResult<Platform> {
    let (factory_address, mut factory) = deploy_factory(client).await?;
    let mut constructor = GovernorRef::new(factory_address, PARAMS, vec![id(&ink_e2e::eve())]);
    let deployed = client
        .instantiate("governor", &ink_e2e::alice(), &mut constructor)
        .submit()
        .await?;
    let (address, mut governor) = (deployed.account_id, deployed.call_builder::<Governor>());
    // Before the factory offers its governance, the governor cannot take it.
    let early = client
        .call(&ink_e2e::ferdie(), &governor.accept_factory_governance())
        .submit()
        .await?;
    assert_eq!(early.return_value(), Err(GovernorError::FactoryRefused));
    let offered = client
        .call(&ink_e2e::alice(), &factory.propose_governance(Some(address)))
        .submit()
        .await?;
    assert_eq!(offered.return_value(), Ok(()));
    let accepted = client
        .call(&ink_e2e::ferdie(), &governor.accept_factory_governance())
        .submit()
        .await?;
    assert_eq!(accepted.return_value(), Ok(()));
    let governance = client
        .call(&ink_e2e::alice(), &factory.governance())
        .dry_run()
        .await?;
    assert_eq!(governance.return_value(), address);
    for (who, amount) in [
        (ink_e2e::bob(), 5_000_000),
        (ink_e2e::charlie(), 3_000_000),
        (ink_e2e::dave(), 1_000_000),
    ] {
        let locked = client.call(&who, &governor.lock()).value(amount).submit().await?;
        assert_eq!(locked.return_value(), Ok(()));
    }
    Ok(Platform {
        factory_address,
        factory,
        address,
        governor,
    })
}

async fn propose(
    client: &mut Client,
    p: &mut Platform,
    who: &Keypair,
    calls: Vec<ProposedCall>,
) -> E2EResult<ProposalId> {
    let made = client
        .call(who, &p.governor.propose(calls, "e2e".into()))
        .submit()
        .await?;
    Ok(made.return_value().expect("proposes"))
}

async fn vote(
    client: &mut Client,
    p: &mut Platform,
    who: &Keypair,
    proposal: ProposalId,
    support: Support,
) -> E2EResult<Result<(), GovernorError>> {
    Ok(client
        .call(who, &p.governor.vote(proposal, support))
        .submit()
        .await?
        .return_value())
}

async fn state(
    client: &mut Client,
    p: &mut Platform,
    proposal: ProposalId,
) -> E2EResult<Option<ProposalState>> {
    Ok(client
        .call(&ink_e2e::alice(), &p.governor.proposal_state(proposal))
        .dry_run()
        .await?
        .return_value())
}

async fn governor_call<R: scale::Decode + Send>(
    client: &mut Client,
    who: &Keypair,
    message: &Message<impl Encode + Send + Sync + Clone, R>,
) -> E2EResult<R> {
    Ok(client.call(who, message).submit().await?.return_value())
}

async fn buy_fee(client: &mut Client, p: &mut Platform) -> E2EResult<u32> {
    Ok(client
        .call(&ink_e2e::alice(), &p.factory.token_constraints())
        .dry_run()
        .await?
        .return_value()
        .amm_buy_tx_fee)
}

async fn params(client: &mut Client, p: &mut Platform) -> E2EResult<GovernorParams> {
    Ok(client
        .call(&ink_e2e::alice(), &p.governor.params())
        .dry_run()
        .await?
        .return_value())
}

async fn is_frozen(client: &mut Client, p: &mut Platform) -> E2EResult<bool> {
    Ok(client
        .call(&ink_e2e::alice(), &p.factory.is_frozen())
        .dry_run()
        .await?
        .return_value())
}

#[test]
fn a_proposal_lowers_the_amm_fee_after_its_timelock() {
    run(|mut client: Client| async move {
        let mut p = governed_platform(&mut client).await?;
        let (alice, bob, charlie, dave) = (
            ink_e2e::alice(),
            ink_e2e::bob(),
            ink_e2e::charlie(),
            ink_e2e::dave(),
        );
        let locked = joy(&mut client, p.address).await;
        // Alice is no longer governance.
        let update = TokenConstraintsUpdate {
            amm_buy_tx_fee: Some(LOWER_BUY_FEE),
            ..Default::default()
        };
        let refused = client
            .call(&alice, &p.factory.update_token_constraints(update))
            .submit()
            .await?;
        assert_eq!(refused.return_value(), Err(factory::Error::NotGovernance));
        assert_eq!(buy_fee(&mut client, &mut p).await?, 3_000);

        let call = call_of(p.factory_address, p.factory.update_token_constraints(update));
        let proposal = propose(&mut client, &mut p, &bob, vec![call]).await?;
        assert_eq!(
            state(&mut client, &mut p, proposal).await?,
            Some(ProposalState::Pending)
        );
        assert_eq!(
            vote(&mut client, &mut p, &charlie, proposal, Support::For).await?,
            Err(GovernorError::VotingClosed)
        );
        crt_tools::advance_blocks(PARAMS.voting_delay + 1);
        assert_eq!(
            state(&mut client, &mut p, proposal).await?,
            Some(ProposalState::Active)
        );
        assert_eq!(
            vote(&mut client, &mut p, &bob, proposal, Support::For).await?,
            Ok(())
        );
        assert_eq!(
            vote(&mut client, &mut p, &charlie, proposal, Support::Against).await?,
            Ok(())
        );
        assert_eq!(
            vote(&mut client, &mut p, &dave, proposal, Support::For).await?,
            Ok(())
        );
        // Double vote, and an unlock during the vote: refused.
        assert_eq!(
            vote(&mut client, &mut p, &bob, proposal, Support::For).await?,
            Err(GovernorError::AlreadyVoted)
        );
        let unlock = governor_call(&mut client, &bob, &p.governor.unlock(1)).await?;
        assert_eq!(unlock, Err(GovernorError::LockedByVote));
        let tally = client
            .call(&alice, &p.governor.proposal(proposal))
            .dry_run()
            .await?
            .return_value()
            .expect("a proposal")
            .tally;
        assert_eq!(
            (tally.for_votes, tally.against_votes, tally.abstain_votes),
            (6_000_000, 3_000_000, 0)
        );
        let queue_early = governor_call(&mut client, &alice, &p.governor.queue(proposal)).await?;
        assert_eq!(queue_early, Err(GovernorError::ProposalNotSucceeded));

        crt_tools::advance_blocks(PARAMS.voting_period);
        assert_eq!(
            state(&mut client, &mut p, proposal).await?,
            Some(ProposalState::Succeeded)
        );
        assert_eq!(
            governor_call(&mut client, &alice, &p.governor.queue(proposal)).await?,
            Ok(())
        );
        // Executed too early: refused, and the fee is unchanged.
        crt_tools::advance_blocks(PARAMS.timelock_delay - 1);
        let early = governor_call(&mut client, &alice, &p.governor.execute(proposal)).await?;
        assert_eq!(early, Err(GovernorError::TimelockNotPassed));
        assert_eq!(buy_fee(&mut client, &mut p).await?, 3_000);
        crt_tools::advance_blocks(1);
        assert_eq!(
            governor_call(&mut client, &alice, &p.governor.execute(proposal)).await?,
            Ok(())
        );
        assert_eq!(buy_fee(&mut client, &mut p).await?, LOWER_BUY_FEE);
        assert_eq!(
            state(&mut client, &mut p, proposal).await?,
            Some(ProposalState::Executed)
        );
        let again = governor_call(&mut client, &alice, &p.governor.execute(proposal)).await?;
        assert_eq!(again, Err(GovernorError::ProposalNotQueued));

        // The vote is over: bob takes his 5 000 000 back, to the unit.
        let before = joy(&mut client, id(&bob)).await;
        let unlocked = client.call(&bob, &p.governor.unlock(5_000_000)).submit().await?;
        let charged = storage_charge(&unlocked.dry_run.exec_result.storage_deposit);
        assert_eq!(unlocked.return_value(), Ok(()));
        assert_eq!(net(joy(&mut client, id(&bob)).await, before, charged), 5_000_000);
        assert_eq!(joy(&mut client, p.address).await, locked - 5_000_000);
        let total = client
            .call(&alice, &p.governor.total_locked())
            .dry_run()
            .await?
            .return_value();
        assert_eq!(total, 4_000_000);
        Ok(())
    })
}

#[test]
fn proposals_fail_as_they_should_and_the_guardian_only_freezes() {
    run(|mut client: Client| async move {
        let mut p = governed_platform(&mut client).await?;
        let (bob, charlie, dave, eve) = (
            ink_e2e::bob(),
            ink_e2e::charlie(),
            ink_e2e::dave(),
            ink_e2e::eve(),
        );
        let update = |fee| TokenConstraintsUpdate {
            amm_buy_tx_fee: Some(fee),
            ..Default::default()
        };
        let lower = call_of(
            p.factory_address,
            p.factory.update_token_constraints(update(LOWER_BUY_FEE)),
        );
        // Four proposals in one vote: short of quorum, defeated, cancelled, and one that passes
        // and then expires.
        let short = propose(&mut client, &mut p, &dave, vec![lower.clone()]).await?;
        let defeated = propose(&mut client, &mut p, &charlie, vec![lower.clone()]).await?;
        let cancelled = propose(&mut client, &mut p, &bob, vec![lower.clone()]).await?;
        let expiring = propose(&mut client, &mut p, &bob, vec![lower.clone()]).await?;
        assert_eq!(
            governor_call(&mut client, &bob, &p.governor.cancel(cancelled)).await?,
            Ok(())
        );
        crt_tools::advance_blocks(PARAMS.voting_delay + 1);
        // 1 000 000 of 9 000 000 for: below the 20 % quorum of 1 800 000.
        assert_eq!(
            vote(&mut client, &mut p, &dave, short, Support::For).await?,
            Ok(())
        );
        assert_eq!(
            vote(&mut client, &mut p, &charlie, defeated, Support::For).await?,
            Ok(())
        );
        assert_eq!(
            vote(&mut client, &mut p, &bob, defeated, Support::Against).await?,
            Ok(())
        );
        assert_eq!(
            vote(&mut client, &mut p, &bob, cancelled, Support::For).await?,
            Err(GovernorError::VotingClosed)
        );
        assert_eq!(
            vote(&mut client, &mut p, &bob, expiring, Support::For).await?,
            Ok(())
        );
        crt_tools::advance_blocks(PARAMS.voting_period);
        for (proposal, expected) in [
            (short, ProposalState::Defeated),
            (defeated, ProposalState::Defeated),
            (cancelled, ProposalState::Canceled),
            (expiring, ProposalState::Succeeded),
        ] {
            assert_eq!(state(&mut client, &mut p, proposal).await?, Some(expected));
        }
        assert_eq!(
            governor_call(&mut client, &dave, &p.governor.queue(short)).await?,
            Err(GovernorError::ProposalNotSucceeded)
        );
        assert_eq!(
            governor_call(&mut client, &dave, &p.governor.queue(expiring)).await?,
            Ok(())
        );
        crt_tools::advance_blocks(PARAMS.timelock_delay + PARAMS.grace_period + 1);
        assert_eq!(
            state(&mut client, &mut p, expiring).await?,
            Some(ProposalState::Expired)
        );
        assert_eq!(
            governor_call(&mut client, &dave, &p.governor.execute(expiring)).await?,
            Err(GovernorError::ProposalExpired)
        );
        assert_eq!(buy_fee(&mut client, &mut p).await?, 3_000);

        // The guardian freezes at once; nobody else can, and the guardian cannot unfreeze.
        assert_eq!(
            governor_call(&mut client, &bob, &p.governor.freeze_factory()).await?,
            Err(GovernorError::NotGuardian)
        );
        assert_eq!(
            governor_call(&mut client, &eve, &p.governor.freeze_factory()).await?,
            Ok(())
        );
        assert!(is_frozen(&mut client, &mut p).await?);
        let unfreeze = client
            .call(&eve, &p.factory.set_frozen_status(false))
            .submit()
            .await?;
        assert_eq!(unfreeze.return_value(), Err(factory::Error::NotGovernance));
        assert!(is_frozen(&mut client, &mut p).await?);

        // Three proposals in one vote. `broken` changes the governor's own parameters,
        // unfreezes, then sets a fee above its cap: the third call fails, so the parameters
        // and the unfreeze are undone too and the proposal stays queued. `fixed` unfreezes.
        // `spend` brings the JOY charlie gave the treasury in from the factory, pays 1 500 000
        // of it to ferdie's plain account and changes the parameters.
        client
            .call(&charlie, &p.factory.deposit_platform_fee())
            .value(2_000_000)
            .submit()
            .await?;
        let fees = client
            .call(&charlie, &p.factory.platform_fees_available())
            .dry_run()
            .await?
            .return_value();
        assert!(fees >= 2_000_000);
        let new_params = GovernorParams {
            voting_period: 30,
            quorum_ppm: 150_000,
            ..PARAMS
        };
        let set_params = call_of(p.address, p.governor.set_params(new_params));
        let unfreeze = call_of(p.factory_address, p.factory.set_frozen_status(false));
        let above_cap = call_of(
            p.factory_address,
            p.factory.update_token_constraints(update(1_000_000)),
        );
        let pay_ferdie = ProposedCall {
            target: id(&ink_e2e::ferdie()),
            selector: [0; 4],
            args: vec![],
            value: 1_500_000,
        };
        let broken = vec![set_params.clone(), unfreeze.clone(), above_cap];
        let spend = vec![
            call_of(
                p.factory_address,
                p.factory.withdraw_platform_fees(p.address, fees),
            ),
            pay_ferdie,
            set_params,
        ];
        let broken = propose(&mut client, &mut p, &bob, broken).await?;
        let fixed = propose(&mut client, &mut p, &bob, vec![unfreeze]).await?;
        let spend = propose(&mut client, &mut p, &bob, spend).await?;
        crt_tools::advance_blocks(PARAMS.voting_delay + 1);
        for proposal in [broken, fixed, spend] {
            assert_eq!(
                vote(&mut client, &mut p, &bob, proposal, Support::For).await?,
                Ok(())
            );
        }
        crt_tools::advance_blocks(PARAMS.voting_period);
        for proposal in [broken, fixed, spend] {
            assert_eq!(
                governor_call(&mut client, &dave, &p.governor.queue(proposal)).await?,
                Ok(())
            );
        }
        crt_tools::advance_blocks(PARAMS.timelock_delay);
        let failed = governor_call(&mut client, &dave, &p.governor.execute(broken)).await?;
        assert_eq!(failed, Err(GovernorError::CallFailed { index: 2 }));
        assert!(is_frozen(&mut client, &mut p).await?);
        assert_eq!(params(&mut client, &mut p).await?, PARAMS);
        assert_eq!(
            state(&mut client, &mut p, broken).await?,
            Some(ProposalState::Queued)
        );
        assert_eq!(
            governor_call(&mut client, &dave, &p.governor.execute(fixed)).await?,
            Ok(())
        );
        assert!(!is_frozen(&mut client, &mut p).await?);

        let locked = joy(&mut client, p.address).await;
        let ferdie = joy(&mut client, id(&ink_e2e::ferdie())).await;
        assert_eq!(
            governor_call(&mut client, &dave, &p.governor.execute(spend)).await?,
            Ok(())
        );
        assert_eq!(joy(&mut client, id(&ink_e2e::ferdie())).await, ferdie + 1_500_000);
        assert_eq!(joy(&mut client, p.address).await, locked + fees - 1_500_000);
        assert_eq!(params(&mut client, &mut p).await?, new_params);
        Ok(())
    })
}
