//! Content access end to end, on the real factory, token and content contracts: a creator
//! publishes a paid item and a gated timed one; a fan buys access (every JOY movement to the
//! unit: buyer, creator, treasury, the holders' share the contract keeps); timed access expires
//! with time travel; gated access is granted and lost as a holder's token balance crosses the
//! gate (a real PSP22 `balance_of` call into the token); a price change placed before a
//! purchase is refused by `max_price`; the holders' share funds a revenue split of the token
//! that a holder is paid from; the freeze stops purchases but not access checks.

use crate::common::*;
use content::content::{Content, ContentRef};
use content_logic::item::{Access, AccessTerms, TokenTerms};
use content_logic::messages::{Catalog as _, ContentGovernance as _, Payouts as _, Purchases as _};
use content_logic::Error as ContentError;
use crt_tools::token_messages::*;
use crt_traits::TransferPolicy;
use ink::primitives::AccountId;
use ink_e2e::ContractsBackend;
use psp22::PSP22 as _;

/// One token at 10 decimals.
const T: u128 = 10_000_000_000;
/// The platform fee on purchases: 5 %.
const FEE_PPM: u32 = 50_000;

type ContentCall = <Content as ink::codegen::ContractCallBuilder>::Type;

async fn deploy_content(client: &mut Client, factory: AccountId) -> E2EResult<(AccountId, ContentCall)> {
    let mut constructor = ContentRef::new(factory, FEE_PPM);
    let content = client
        .instantiate("content", &ink_e2e::alice(), &mut constructor)
        .submit()
        .await?;
    Ok((content.account_id, content.call_builder::<Content>()))
}

/// `has_access(who, item)`, as a seeder would ask it.
async fn has_access(
    client: &mut Client,
    content: &ContentCall,
    who: AccountId,
    item: u64,
) -> E2EResult<bool> {
    Ok(client
        .call(&ink_e2e::alice(), &content.has_access(who, item))
        .dry_run()
        .await?
        .return_value())
}

#[test]
fn content_purchases_timed_and_gated_access() {
    run(|mut client: Client| async move {
        let (factory_address, mut factory) = deploy_factory(&mut client).await?;
        let (bob, charlie, dave, eve) = (
            ink_e2e::bob(),
            ink_e2e::charlie(),
            ink_e2e::dave(),
            ink_e2e::eve(),
        );
        let issued = params(
            "FANS",
            vec![allocate(&bob, 1_000 * T), allocate(&charlie, 600 * T)],
            TransferPolicy::Permissionless,
        );
        let (token_address, mut token) = issue(&mut client, &mut factory, &bob, issued).await?;
        let (content_address, mut content) = deploy_content(&mut client, factory_address).await?;
        let alice = ink_e2e::alice();
        assert_eq!(
            client
                .call(&alice, &content.fee())
                .dry_run()
                .await?
                .return_value(),
            FEE_PPM
        );

        // Only the token's issuer may publish an item of it.
        let terms = |gate| {
            Some(TokenTerms {
                token: token_address,
                gate,
                holders_share: 300_000,
            })
        };
        let foreign = client
            .call(
                &dave,
                &content.publish(b"bafy-paid".to_vec(), 1_001, AccessTerms::Permanent, terms(None)),
            )
            .submit()
            .await?;
        assert_eq!(foreign.return_value(), Err(ContentError::NotTokenIssuer));
        let paid_item = client
            .call(
                &bob,
                &content.publish(
                    b"bafy-paid".to_vec(),
                    1_001_000,
                    AccessTerms::Permanent,
                    terms(None),
                ),
            )
            .submit()
            .await?
            .return_value()
            .expect("publishes the paid item");
        let gated_item = client
            .call(
                &bob,
                &content.publish(
                    b"bafy-gated".to_vec(),
                    5_000,
                    AccessTerms::Timed { blocks: 100 },
                    terms(Some(500 * T)),
                ),
            )
            .submit()
            .await?
            .return_value()
            .expect("publishes the gated item");
        assert_eq!((paid_item, gated_item), (0, 1));

        // Dave buys the paid item, sending more than the price: 5 % fee 50 050 to the
        // treasury, 30 % of the remaining 950 950 = 285 285 kept for holders, 665 665 to Bob.
        let (dave_before, bob_before) = (
            joy(&mut client, id(&dave)).await,
            joy(&mut client, id(&bob)).await,
        );
        let treasury_before = joy(&mut client, factory_address).await;
        let content_before = joy(&mut client, content_address).await;
        let bought = client
            .call(&dave, &content.purchase_access(paid_item, 1_001_000))
            .value(2_000_000)
            .submit()
            .await?;
        let charged = storage_charge(&bought.dry_run.exec_result.storage_deposit);
        assert_eq!(bought.return_value(), Ok(()));
        assert_eq!(
            net(joy(&mut client, id(&dave)).await, dave_before, charged),
            -1_001_000
        );
        assert_eq!(joy(&mut client, id(&bob)).await, bob_before + 665_665);
        assert_eq!(joy(&mut client, factory_address).await, treasury_before + 50_050);
        assert_eq!(joy(&mut client, content_address).await, content_before + 285_285);
        assert_eq!(
            client
                .call(&alice, &content.holders_share_of(token_address))
                .dry_run()
                .await?
                .return_value(),
            285_285
        );
        assert_eq!(
            client
                .call(&alice, &content.access_of(id(&dave), paid_item))
                .dry_run()
                .await?
                .return_value(),
            Ok(Access::Permanent)
        );
        let again = client
            .call(&dave, &content.purchase_access(paid_item, 1_001_000))
            .value(1_001_000)
            .submit()
            .await?;
        assert_eq!(again.return_value(), Err(ContentError::AlreadyHasAccess));

        // A price change lands before Eve's purchase: her max_price refuses it, nothing moves.
        client
            .call(&bob, &content.set_price(paid_item, 2_000_000))
            .submit()
            .await?
            .return_value()
            .expect("price raised");
        let eve_before = joy(&mut client, id(&eve)).await;
        let refused = client
            .call(&eve, &content.purchase_access(paid_item, 1_001_000))
            .value(2_000_000)
            .submit()
            .await?;
        assert_eq!(refused.return_value(), Err(ContentError::PriceAboveMax));
        assert_eq!(joy(&mut client, id(&eve)).await, eve_before);

        // Timed access: bought at block b for 100 blocks, expired at b + 100.
        let start = crt_tools::current_block();
        client
            .call(&eve, &content.purchase_access(gated_item, 5_000))
            .value(5_000)
            .submit()
            .await?
            .return_value()
            .expect("buys timed access");
        assert!(has_access(&mut client, &content, id(&eve), gated_item).await?);
        crt_tools::advance_blocks(99);
        assert!(has_access(&mut client, &content, id(&eve), gated_item).await?);
        crt_tools::advance_blocks(1);
        assert_eq!(crt_tools::current_block(), start + 100);
        assert!(!has_access(&mut client, &content, id(&eve), gated_item).await?);

        // Gated access follows Charlie's balance of the token: 600 tokens ≥ 500.
        assert_eq!(
            client
                .call(&alice, &content.access_of(id(&charlie), gated_item))
                .dry_run()
                .await?
                .return_value(),
            Ok(Access::Holder)
        );
        client
            .call(&charlie, &token.transfer(id(&bob), 101 * T, vec![]))
            .submit()
            .await?
            .return_value()
            .expect("transfer");
        assert!(
            !has_access(&mut client, &content, id(&charlie), gated_item).await?,
            "499 tokens: below the gate"
        );
        client
            .call(&bob, &token.transfer(id(&charlie), T, vec![]))
            .submit()
            .await?
            .return_value()
            .expect("transfer");
        assert!(
            has_access(&mut client, &content, id(&charlie), gated_item).await?,
            "500 tokens: at the gate"
        );
        assert!(
            !has_access(&mut client, &content, id(&dave), gated_item).await?,
            "no tokens, no purchase"
        );

        // The holders' share funds a revenue split of the token: 285 285 from Dave's purchase
        // and, from Eve's 5 000 (fee 250), 30 % of 4 750 = 1 425.
        let share = 285_285 + 1_425;
        assert_eq!(
            client
                .call(&alice, &content.holders_share_of(token_address))
                .dry_run()
                .await?
                .return_value(),
            share
        );
        let not_issuer = client
            .call(&dave, &content.fund_revenue_split(token_address, None, 302_400))
            .submit()
            .await?;
        assert_eq!(not_issuer.return_value(), Err(ContentError::NotTokenIssuer));
        // The token takes split funding only from the source its issuer registered.
        let unregistered = client
            .call(&bob, &content.fund_revenue_split(token_address, None, 302_400))
            .submit()
            .await?;
        assert_eq!(
            unregistered.return_value(),
            Err(ContentError::RevenueSplitRefused)
        );
        client
            .call(&bob, &token.set_revenue_source(Some(content_address)))
            .submit()
            .await?
            .return_value()
            .expect("the issuer registers the content contract");
        let (content_joy, token_joy) = (
            joy(&mut client, content_address).await,
            joy(&mut client, token_address).await,
        );
        client
            .call(&bob, &content.fund_revenue_split(token_address, None, 302_400))
            .submit()
            .await?
            .return_value()
            .expect("funds the split");
        assert_eq!(joy(&mut client, content_address).await, content_joy - share);
        assert_eq!(joy(&mut client, token_address).await, token_joy + share);
        assert_eq!(
            client
                .call(&alice, &content.holders_share_of(token_address))
                .dry_run()
                .await?
                .return_value(),
            0
        );
        let split = client
            .call(&alice, &token.revenue_split())
            .dry_run()
            .await?
            .return_value()
            .expect("a split is open");
        assert_eq!(split.allocation, share, "all of it is the holders'");
        // Charlie stakes his 500 of the 1 600 tokens: ⌊500 · 286 710 / 1 600⌋ = 89 596.
        let charlie_before = joy(&mut client, id(&charlie)).await;
        let staked = client
            .call(&charlie, &token.participate_in_split(500 * T))
            .submit()
            .await?;
        let charged = storage_charge(&staked.dry_run.exec_result.storage_deposit);
        assert_eq!(staked.return_value(), Ok(()));
        assert_eq!(
            net(joy(&mut client, id(&charlie)).await, charlie_before, charged),
            89_596
        );

        // The freeze stops purchases; access checks keep answering.
        client
            .call(&alice, &factory.set_frozen_status(true))
            .submit()
            .await?
            .return_value()
            .expect("frozen");
        let frozen = client
            .call(&eve, &content.purchase_access(gated_item, 5_000))
            .value(5_000)
            .submit()
            .await?;
        assert_eq!(frozen.return_value(), Err(ContentError::Frozen));
        assert!(has_access(&mut client, &content, id(&charlie), gated_item).await?);
        assert!(has_access(&mut client, &content, id(&dave), paid_item).await?);
        Ok(())
    });
}
