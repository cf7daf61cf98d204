//! Bandwidth payment channels end to end, on the real factory, token and bandwidth contracts,
//! with vouchers signed by the voucher tool's code (`crt_tools::voucher`): a JOY channel whose
//! seeder redeems twice (every JOY unit: seeder, treasury, contract), replays, older amounts,
//! forged and wrong-key signatures and vouchers of another channel or contract refused; a
//! top-up; the payer's close refused until the challenge period after expiry is over, the
//! seeder redeeming inside it; a channel in the creator's token with its PSP22 movements; the
//! freeze stopping new channels but not the seeder's payout.

use crate::common::*;
use bandwidth::bandwidth::{Bandwidth, BandwidthRef};
use bandwidth_logic::channel::{Asset, Role};
use bandwidth_logic::messages::{BandwidthGovernance as _, ChannelViews as _, Channels as _};
use bandwidth_logic::voucher::Voucher;
use bandwidth_logic::Error as BandwidthError;
use crt_tools::voucher::{generate, sign};
use crt_traits::TransferPolicy;
use ink::primitives::AccountId;
use ink_e2e::ContractsBackend;
use psp22::PSP22 as _;

/// One token at 10 decimals.
const T: u128 = 10_000_000_000;
/// The platform fee on JOY redemptions: 1 %.
const FEE_PPM: u32 = 10_000;
/// Blocks after expiry in which the seeder may still redeem.
const CHALLENGE: u32 = 20;

type BandwidthCall = <Bandwidth as ink::codegen::ContractCallBuilder>::Type;

async fn deploy_bandwidth(client: &mut Client, factory: AccountId) -> E2EResult<(AccountId, BandwidthCall)> {
    let mut constructor = BandwidthRef::new(factory, FEE_PPM, CHALLENGE);
    let bandwidth = client
        .instantiate("bandwidth", &ink_e2e::alice(), &mut constructor)
        .submit()
        .await?;
    Ok((bandwidth.account_id, bandwidth.call_builder::<Bandwidth>()))
}

#[test]
fn bandwidth_channels_in_joy_and_in_a_creator_token() {
    run(|mut client: Client| async move {
        let (factory_address, mut factory) = deploy_factory(&mut client).await?;
        let (alice, bob, charlie, dave) = (
            ink_e2e::alice(),
            ink_e2e::bob(),
            ink_e2e::charlie(),
            ink_e2e::dave(),
        );
        let (address, mut bandwidth) = deploy_bandwidth(&mut client, factory_address).await?;
        assert_eq!(
            client
                .call(&alice, &bandwidth.challenge_period())
                .dry_run()
                .await?
                .return_value(),
            CHALLENGE
        );
        // The contract's account keeps the chain's minimum balance.
        let base = joy(&mut client, address).await;
        let (secret, signer) = generate()?;
        let (stranger, _) = generate()?;
        let voucher = |channel, cumulative| Voucher {
            contract: address,
            channel,
            cumulative,
        };

        // Bob, the downloader, opens a JOY channel of 1 000 000 to charlie, the seeder.
        let expires_at = crt_tools::current_block() + 50;
        let channel = client
            .call(
                &bob,
                &bandwidth.open_channel(id(&charlie), b"btih:demo".to_vec(), signer, expires_at),
            )
            .value(1_000_000)
            .submit()
            .await?
            .return_value()
            .expect("opens");
        assert_eq!(joy(&mut client, address).await, base + 1_000_000);

        // Ten pieces of 40 000: charlie redeems after four, then after seven.
        let (charlie_before, treasury_before) = (
            joy(&mut client, id(&charlie)).await,
            joy(&mut client, factory_address).await,
        );
        let first = client
            .call(
                &charlie,
                &bandwidth.redeem(channel, 160_000, sign(&secret, &voucher(channel, 160_000))),
            )
            .submit()
            .await?;
        let charged = storage_charge(&first.dry_run.exec_result.storage_deposit);
        assert_eq!(first.return_value(), Ok(158_400));
        let second = client
            .call(
                &charlie,
                &bandwidth.redeem(channel, 280_000, sign(&secret, &voucher(channel, 280_000))),
            )
            .submit()
            .await?;
        let charged = charged + storage_charge(&second.dry_run.exec_result.storage_deposit);
        assert_eq!(second.return_value(), Ok(118_800));
        // 280 000 redeemed: 1 % = 2 800 to the treasury, 277 200 to charlie.
        assert_eq!(
            net(joy(&mut client, id(&charlie)).await, charlie_before, charged),
            277_200
        );
        assert_eq!(joy(&mut client, factory_address).await, treasury_before + 2_800);
        assert_eq!(joy(&mut client, address).await, base + 1_000_000 - 280_000);

        // Refused, and nothing moves: a replay, an older voucher, a forged signature, a voucher
        // of another channel or of another contract.
        let state = client
            .call(&alice, &bandwidth.channel(channel))
            .dry_run()
            .await?
            .return_value();
        let other_contract = Voucher {
            contract: AccountId::from([9; 32]),
            ..voucher(channel, 400_000)
        };
        let mut garbage = [7; 65];
        garbage[64] = 0;
        for (cumulative, signature, expected) in [
            (
                280_000,
                sign(&secret, &voucher(channel, 280_000)),
                BandwidthError::VoucherNotNewer,
            ),
            (
                160_000,
                sign(&secret, &voucher(channel, 160_000)),
                BandwidthError::VoucherNotNewer,
            ),
            (
                400_000,
                sign(&stranger, &voucher(channel, 400_000)),
                BandwidthError::BadSignature,
            ),
            (
                400_000,
                sign(&secret, &voucher(channel + 1, 400_000)),
                BandwidthError::BadSignature,
            ),
            (
                400_000,
                sign(&secret, &other_contract),
                BandwidthError::BadSignature,
            ),
            (400_000, [7; 65], BandwidthError::BadSignature),
            (400_000, garbage, BandwidthError::BadSignature),
        ] {
            let refused = client
                .call(&charlie, &bandwidth.redeem(channel, cumulative, signature))
                .submit()
                .await?;
            assert_eq!(refused.return_value(), Err(expected));
        }
        let refused = client
            .call(
                &dave,
                &bandwidth.redeem(channel, 400_000, sign(&secret, &voucher(channel, 400_000))),
            )
            .submit()
            .await?;
        assert_eq!(refused.return_value(), Err(BandwidthError::NotSeeder));
        assert_eq!(
            client
                .call(&alice, &bandwidth.channel(channel))
                .dry_run()
                .await?
                .return_value(),
            state
        );
        assert_eq!(joy(&mut client, address).await, base + 720_000);

        // A top-up; the payer cannot close before the challenge period after expiry is over.
        client
            .call(&bob, &bandwidth.top_up(channel, None))
            .value(200_000)
            .submit()
            .await?
            .return_value()
            .expect("tops up");
        crt_tools::advance_blocks(expires_at - crt_tools::current_block());
        let early = client.call(&bob, &bandwidth.close(channel)).submit().await?;
        assert_eq!(early.return_value(), Err(BandwidthError::ChallengeNotOver));
        crt_tools::advance_blocks(CHALLENGE - 1);
        let early = client.call(&bob, &bandwidth.close(channel)).submit().await?;
        assert_eq!(early.return_value(), Err(BandwidthError::ChallengeNotOver));
        // Inside the challenge period the seeder redeems the last voucher (all ten pieces).
        let last = client
            .call(
                &charlie,
                &bandwidth.redeem(channel, 400_000, sign(&secret, &voucher(channel, 400_000))),
            )
            .submit()
            .await?;
        assert_eq!(last.return_value(), Ok(118_800));
        crt_tools::advance_blocks(1);
        let late = client
            .call(
                &charlie,
                &bandwidth.redeem(channel, 440_000, sign(&secret, &voucher(channel, 440_000))),
            )
            .submit()
            .await?;
        assert_eq!(late.return_value(), Err(BandwidthError::RedeemWindowOver));
        let bob_before = joy(&mut client, id(&bob)).await;
        let closed = client.call(&bob, &bandwidth.close(channel)).submit().await?;
        let charged = storage_charge(&closed.dry_run.exec_result.storage_deposit);
        assert_eq!(closed.return_value(), Ok(()));
        // 1 200 000 deposited, 400 000 redeemed: 800 000 back to bob.
        assert_eq!(
            net(joy(&mut client, id(&bob)).await, bob_before, charged),
            800_000
        );
        assert_eq!(joy(&mut client, address).await, base);

        // A channel in the creator's token: dave issued FANS; bob holds 1 000.
        let issued = params(
            "FANS",
            vec![allocate(&bob, 1_000 * T)],
            TransferPolicy::Permissionless,
        );
        let (token_address, mut token) = issue(&mut client, &mut factory, &dave, issued).await?;
        let expires_at = crt_tools::current_block() + 100;
        let open = |b: &mut BandwidthCall, amount| {
            b.open_token_channel(
                id(&charlie),
                b"btih:demo".to_vec(),
                signer,
                expires_at,
                token_address,
                amount,
            )
        };
        let unapproved = client.call(&bob, &open(&mut bandwidth, 300 * T)).submit().await?;
        assert_eq!(
            unapproved.return_value(),
            Err(BandwidthError::TokenTransferFailed)
        );
        assert_eq!(
            client
                .call(&alice, &bandwidth.channel_count_of(id(&bob), Role::Payer))
                .dry_run()
                .await?
                .return_value(),
            1,
            "the refused channel left nothing behind"
        );
        client
            .call(&bob, &token.approve(address, 300 * T))
            .submit()
            .await?
            .return_value()
            .expect("approves");
        let token_channel = client
            .call(&bob, &open(&mut bandwidth, 300 * T))
            .submit()
            .await?
            .return_value()
            .expect("opens a token channel");
        assert_eq!(tokens_of(&mut client, &token, id(&bob)).await?, 700 * T);
        assert_eq!(tokens_of(&mut client, &token, address).await?, 300 * T);
        let stored = client
            .call(&alice, &bandwidth.channel(token_channel))
            .dry_run()
            .await?
            .return_value();
        assert_eq!(
            stored.map(|c| (c.asset, c.fee_ppm)),
            Some((Asset::Token(token_address), 0))
        );
        let paid = client
            .call(
                &charlie,
                &bandwidth.redeem(
                    token_channel,
                    120 * T,
                    sign(&secret, &voucher(token_channel, 120 * T)),
                ),
            )
            .submit()
            .await?;
        assert_eq!(paid.return_value(), Ok(120 * T), "token channels pay no fee");
        client
            .call(&charlie, &bandwidth.close(token_channel))
            .submit()
            .await?
            .return_value()
            .expect("the seeder closes at any time");
        assert_eq!(tokens_of(&mut client, &token, id(&charlie)).await?, 120 * T);
        assert_eq!(tokens_of(&mut client, &token, id(&bob)).await?, 880 * T);
        assert_eq!(tokens_of(&mut client, &token, address).await?, 0);

        // The freeze stops new channels; a seeder's payout still goes through.
        let open_channel = client
            .call(
                &bob,
                &bandwidth.open_channel(id(&charlie), b"btih:demo".to_vec(), signer, expires_at),
            )
            .value(50_000)
            .submit()
            .await?
            .return_value()
            .expect("opens");
        client
            .call(&alice, &factory.set_frozen_status(true))
            .submit()
            .await?
            .return_value()
            .expect("frozen");
        let frozen = client
            .call(
                &bob,
                &bandwidth.open_channel(id(&charlie), b"btih:demo".to_vec(), signer, expires_at),
            )
            .value(50_000)
            .submit()
            .await?;
        assert_eq!(frozen.return_value(), Err(BandwidthError::Frozen));
        let paid = client
            .call(
                &charlie,
                &bandwidth.redeem(
                    open_channel,
                    10_000,
                    sign(&secret, &voucher(open_channel, 10_000)),
                ),
            )
            .submit()
            .await?;
        assert_eq!(paid.return_value(), Ok(9_900));
        Ok(())
    });
}

/// `who`'s balance of the token, in base units.
async fn tokens_of(client: &mut Client, token: &TokenCall, who: AccountId) -> E2EResult<u128> {
    Ok(client
        .call(&ink_e2e::alice(), &token.balance_of(who))
        .dry_run()
        .await?
        .return_value())
}
