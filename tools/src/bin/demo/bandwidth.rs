//! The bandwidth chapter: governance deploys the bandwidth contract beside the factory; the fan
//! opens a JOY channel to a seeder for the gated item, signs a voucher for each of 10 pieces,
//! the seeder redeems twice; the creator pays for the distribution of the same item in FAN; after
//! expiry and the challenge period both payers close and take back the rest.

use bandwidth::bandwidth::{Bandwidth, BandwidthRef};
use bandwidth_logic::messages::{ChannelViews as _, Channels as _};
use bandwidth_logic::voucher::Voucher;
use crt::crt::Crt;
use crt_tools::voucher::{generate, sign, to_hex};
use crt_tools::E2EResult;
use ink::primitives::AccountId;
use ink_e2e::Keypair;
use psp22::PSP22 as _;

use crate::chain::{joy_of, Chain, Clock, OrFail};
use crate::story::{crt, id, joy, ss58, Story, CRT, JOY};

/// The platform fee on JOY redemptions: 1 %.
const FEE_PPM: u32 = 10_000;
/// Blocks after expiry in which a seeder may still redeem (the least allowed).
const CHALLENGE: u32 = 10;
/// Channels expire this many blocks after they open.
const OPEN_FOR: u32 = 6;

pub struct Cast<'a> {
    pub governance: &'a Keypair,
    pub creator: &'a Keypair,
    pub downloader: &'a Keypair,
    pub seeder: &'a Keypair,
}

type TokenCall = <Crt as ink::codegen::ContractCallBuilder>::Type;

pub async fn chapter<C: Chain>(
    client: &mut C,
    story: &mut Story,
    clock: &Clock,
    factory: AccountId,
    token: (&mut TokenCall, AccountId),
    reference: &[u8],
    cast: Cast<'_>,
) -> E2EResult<()> {
    let Cast {
        governance,
        creator,
        downloader,
        seeder,
    } = cast;
    let (token, token_address) = token;
    let mut constructor = BandwidthRef::new(factory, FEE_PPM, CHALLENGE);
    let deployed = client
        .instantiate("bandwidth", governance, &mut constructor)
        .submit()
        .await
        .or_fail()?;
    story.record(
        "bandwidth: new",
        deployed.dry_run.contract_result.gas_required,
        &deployed.dry_run.contract_result.storage_deposit,
    );
    let address = deployed.account_id;
    let mut bandwidth = deployed.call_builder::<Bandwidth>();
    println!(
        "    bandwidth contract at {} (1 % fee on JOY channels, {CHALLENGE}-block challenge period)",
        ss58(&address)
    );

    let (secret, signer) = generate()?;
    println!(
        "    the fan's client made a voucher key: signer {}",
        to_hex(&signer)
    );
    let expires_at = clock.now().await? + OPEN_FOR;
    let channel = call!(
        story,
        client,
        "bandwidth: open_channel (10 JOY)",
        downloader,
        bandwidth.open_channel(id(seeder), reference.to_vec(), signer, expires_at),
        10 * JOY
    )
    .map_err(|e| format!("open_channel: {e:?}"))?;
    let piece = JOY / 2;
    let vouchers: Vec<_> = (1..=10u128)
        .map(|n| {
            let voucher = Voucher {
                contract: address,
                channel,
                cumulative: n * piece,
            };
            (voucher.cumulative, sign(&secret, &voucher))
        })
        .collect();
    println!(
        "    10 pieces of {} arrive; after each the fan signs a voucher for the total (the last: {})",
        joy(piece),
        joy(vouchers[9].0)
    );
    let seeder_before = joy_of(client, id(seeder)).await?;
    for (label, (cumulative, signature)) in [("after piece 4", vouchers[3]), ("after piece 10", vouchers[9])]
    {
        let check = client
            .call(seeder, &bandwidth.redeemable(channel, cumulative, signature))
            .dry_run()
            .await
            .or_fail()?
            .return_value()
            .map_err(|e| format!("redeemable: {e:?}"))?;
        println!(
            "    the seeder checks the voucher for {} ({label}): it pays {} after a {} fee",
            joy(cumulative),
            joy(check.net),
            joy(check.fee)
        );
        call!(
            story,
            client,
            "bandwidth: redeem",
            seeder,
            bandwidth.redeem(channel, cumulative, signature)
        )
        .map_err(|e| format!("redeem: {e:?}"))?;
    }
    let replay = client
        .call(seeder, &bandwidth.redeem(channel, vouchers[3].0, vouchers[3].1))
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    println!(
        "    the seeder received {} (transaction costs included); an old voucher again → {replay:?}",
        joy(joy_of(client, id(seeder)).await?.saturating_sub(seeder_before))
    );

    println!("    the creator pays for the distribution of the same item in FAN:");
    call!(
        story,
        client,
        "token: approve",
        creator,
        token.approve(address, 100 * CRT)
    )
    .map_err(|e| format!("approve: {e:?}"))?;
    let expires_at = clock.now().await? + OPEN_FOR;
    let fan_channel = call!(
        story,
        client,
        "bandwidth: open_token_channel (100 FAN)",
        creator,
        bandwidth.open_token_channel(
            id(seeder),
            reference.to_vec(),
            signer,
            expires_at,
            token_address,
            100 * CRT
        )
    )
    .map_err(|e| format!("open_token_channel: {e:?}"))?;
    let voucher = Voucher {
        contract: address,
        channel: fan_channel,
        cumulative: 30 * CRT,
    };
    call!(
        story,
        client,
        "bandwidth: redeem (FAN)",
        seeder,
        bandwidth.redeem(fan_channel, voucher.cumulative, sign(&secret, &voucher))
    )
    .map_err(|e| format!("redeem: {e:?}"))?;
    let seeder_fan = fan_balance(client, token, id(seeder)).await?;
    println!(
        "    the seeder holds {} (token channels pay no fee)",
        crt(seeder_fan)
    );

    let early = client
        .call(downloader, &bandwidth.close(channel))
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    println!("    the fan tries to close before the challenge period after expiry is over → {early:?}");
    clock.advance(client, OPEN_FOR + CHALLENGE).await?;
    let fan_before = joy_of(client, id(downloader)).await?;
    let creator_before = fan_balance(client, token, id(creator)).await?;
    call!(
        story,
        client,
        "bandwidth: close (payer)",
        downloader,
        bandwidth.close(channel)
    )
    .map_err(|e| format!("close: {e:?}"))?;
    call!(
        story,
        client,
        "bandwidth: close (FAN)",
        creator,
        bandwidth.close(fan_channel)
    )
    .map_err(|e| format!("close: {e:?}"))?;
    println!(
        "    after expiry and the challenge period: the fan got {} back (less the transaction), the creator {}",
        joy(joy_of(client, id(downloader)).await?.saturating_sub(fan_before)),
        crt(fan_balance(client, token, id(creator)).await?.saturating_sub(creator_before))
    );
    Ok(())
}

async fn fan_balance<C: Chain>(client: &mut C, token: &TokenCall, who: AccountId) -> E2EResult<u128> {
    Ok(client
        .call(&ink_e2e::alice(), &token.balance_of(who))
        .dry_run()
        .await
        .or_fail()?
        .return_value())
}
