//! The content chapter: governance deploys the content contract beside the factory; the creator
//! publishes a paid item and one gated on FAN; a fan buys access, a holder reads the gated one
//! free; the holders' share of the sale funds a FAN revenue split the holder is paid from.

use content::content::{Content, ContentRef};
use content_logic::item::{AccessTerms, TokenTerms};
use content_logic::messages::{Catalog as _, Payouts as _, Purchases as _};
use crt::crt::Crt;
use crt_tools::token_messages::*;
use crt_tools::E2EResult;
use ink::primitives::AccountId;
use ink_e2e::Keypair;
use psp22::PSP22 as _;

use crate::chain::{joy_of, Chain, Clock, OrFail, Timeline};
use crate::story::{crt, id, joy, ss58, Story, CRT, JOY};

/// The platform fee on purchases: 5 %.
const FEE_PPM: u32 = 50_000;

pub struct Cast<'a> {
    pub governance: &'a Keypair,
    pub creator: &'a Keypair,
    pub fan: &'a Keypair,
    pub holder: &'a Keypair,
}

#[allow(clippy::too_many_arguments)]
pub async fn chapter<C: Chain>(
    client: &mut C,
    story: &mut Story,
    clock: &Clock,
    time: &Timeline,
    factory: AccountId,
    token: &mut <Crt as ink::codegen::ContractCallBuilder>::Type,
    token_address: AccountId,
    cast: Cast<'_>,
) -> E2EResult<()> {
    let Cast {
        governance,
        creator,
        fan,
        holder,
    } = cast;
    let mut constructor = ContentRef::new(factory, FEE_PPM);
    let deployed = client
        .instantiate("content", governance, &mut constructor)
        .submit()
        .await
        .or_fail()?;
    story.record(
        "content: new",
        deployed.dry_run.contract_result.gas_required,
        &deployed.dry_run.contract_result.storage_deposit,
    );
    let content_address = deployed.account_id;
    let mut content = deployed.call_builder::<Content>();
    println!(
        "    content contract at {} (5 % platform fee)",
        ss58(&content_address)
    );

    let terms = |gate| {
        Some(TokenTerms {
            token: token_address,
            gate,
            holders_share: 300_000,
        })
    };
    let paid = call!(
        story,
        client,
        "content: publish (paid, 30 % to holders)",
        creator,
        content.publish(
            b"bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi".to_vec(),
            20 * JOY,
            AccessTerms::Permanent,
            terms(None)
        )
    )
    .map_err(|e| format!("publish: {e:?}"))?;
    let gated = call!(
        story,
        client,
        "content: publish (gated on 1 000 FAN)",
        creator,
        content.publish(
            crate::GATED_ITEM.to_vec(),
            5 * JOY,
            AccessTerms::Timed {
                blocks: time.split_duration
            },
            terms(Some(1_000 * CRT))
        )
    )
    .map_err(|e| format!("publish: {e:?}"))?;

    let (fan_before, creator_before) = (joy_of(client, id(fan)).await?, joy_of(client, id(creator)).await?);
    let quote = client
        .call(fan, &content.quote(paid))
        .dry_run()
        .await
        .or_fail()?
        .return_value()
        .map_err(|e| format!("quote: {e:?}"))?;
    call!(
        story,
        client,
        "content: purchase_access",
        fan,
        content.purchase_access(paid, quote.price),
        quote.price
    )
    .map_err(|e| format!("purchase: {e:?}"))?;
    let spent = fan_before.saturating_sub(joy_of(client, id(fan)).await?);
    println!(
        "    the fan paid the {} price (and {} for the storage of its access and the transaction): fee {} to the treasury, {} kept for FAN holders, {} to the creator",
        joy(quote.price),
        joy(spent.saturating_sub(quote.price)),
        joy(quote.fee),
        joy(quote.holders_share),
        joy(joy_of(client, id(creator)).await?.saturating_sub(creator_before))
    );
    for (name, who, item) in [("fan", fan, paid), ("holder", holder, gated), ("fan", fan, gated)] {
        let access = client
            .call(governance, &content.access_of(id(who), item))
            .dry_run()
            .await
            .or_fail()?
            .return_value()
            .map_err(|e| format!("access_of: {e:?}"))?;
        println!("    a seeder asks: may the {name} read item {item}? {access:?}");
    }

    println!(
        "    the creator registers the content contract on FAN and pays the holders' share into a split:"
    );
    call!(
        story,
        client,
        "token: set_revenue_source",
        creator,
        token.set_revenue_source(Some(content_address))
    )
    .map_err(|e| format!("set_revenue_source: {e:?}"))?;
    let start = clock.now().await? + time.split_delay;
    call!(
        story,
        client,
        "content: fund_revenue_split",
        creator,
        content.fund_revenue_split(token_address, Some(start), time.split_duration)
    )
    .map_err(|e| format!("fund_revenue_split: {e:?}"))?;
    clock.advance(client, time.split_delay).await?;
    let before = joy_of(client, id(holder)).await?;
    let stake = client
        .call(holder, &token.balance_of(id(holder)))
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    call!(
        story,
        client,
        "token: participate_in_split",
        holder,
        token.participate_in_split(stake)
    )
    .map_err(|e| format!("participate: {e:?}"))?;
    println!(
        "    the holder staked {} and received {} of the {} content revenue kept for holders",
        crt(stake),
        joy(joy_of(client, id(holder)).await?.saturating_sub(before)),
        joy(quote.holders_share)
    );
    Ok(())
}
