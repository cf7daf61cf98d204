//! Hostile-reviewer findings on the real runtime: an issuer, a code uploader or governance must
//! not be able to lock or take holders' money, and tokens must compose with other contracts.
//! Every JOY movement asserted to the unit.

use crate::common::*;
use crt::crt::SaleParams;
use crt_tools::deploy::upload_suite_code;
use crt_tools::token_messages::*;
use crt_traits::{TokenConstraintsUpdate, TransferPolicy};
use ink::primitives::AccountId;
use ink_e2e::subxt::dynamic::Value;
use ink_e2e::{ChainBackend, ContractsBackend};
use live_marker::live_marker::LiveMarker;
use psp22::{PSP22Burnable, PSP22};
use psp22_router::psp22_router::{Psp22Router, Psp22RouterRef};

/// One token at 10 decimals.
const T: u128 = 10_000_000_000;
const SLOPE: u128 = 1_000_000;
const INTERCEPT: u128 = 1_000_000_000;

/// The issuer activates the AMM and `buyer` buys `amount` at the quoted price (plus `bond`
/// for a new account).
async fn activate_and_buy(
    client: &mut Client,
    token: &mut TokenCall,
    issuer: &ink_e2e::Keypair,
    buyer: &ink_e2e::Keypair,
    amount: u128,
    bond: u128,
) -> E2EResult<()> {
    let activated = client
        .call(issuer, &token.activate_amm(SLOPE, INTERCEPT))
        .submit()
        .await?;
    assert_eq!(activated.return_value(), Ok(()));
    let quote = client
        .call(buyer, &token.quote_buy(amount))
        .dry_run()
        .await?
        .return_value()
        .expect("quote");
    let bought = client
        .call(buyer, &token.buy_on_amm(amount, None, None))
        .value(quote.joy + quote.fee + bond)
        .submit()
        .await?;
    assert_eq!(bought.return_value(), Ok(()));
    Ok(())
}

#[test]
fn finding_01_a_split_neither_starts_years_ahead_nor_blocks_exits() {
    run(|mut client: Client| async move {
        let (_, mut factory) = deploy_factory(&mut client).await?;
        let (bob, charlie, dave) = (ink_e2e::bob(), ink_e2e::charlie(), ink_e2e::dave());
        let issued = params(
            "EXIT",
            vec![allocate(&bob, 100 * T), allocate(&charlie, 10 * T)],
            TransferPolicy::Permissionless,
        );
        let (address, mut token) = issue(&mut client, &mut factory, &bob, issued).await?;
        activate_and_buy(&mut client, &mut token, &bob, &charlie, T, 0).await?;

        // Two base units of revenue, starting in ~9.5 years: refused.
        let now = crt_tools::current_block();
        let far = client
            .call(&bob, &token.issue_revenue_split(Some(now + 50_000_000), 302_400))
            .value(2)
            .submit()
            .await?;
        assert_eq!(
            far.return_value(),
            Err(crt::Error::RevenueSplitTimeToStartTooLong)
        );

        // A split within governance's window: holders still burn and sell during it.
        let revenue = 1_000_000_000;
        let split = client
            .call(&bob, &token.issue_revenue_split(None, 302_400))
            .value(revenue)
            .submit()
            .await?;
        assert_eq!(split.return_value(), Ok(()));
        let burned = client.call(&charlie, &token.burn(T)).submit().await?;
        assert_eq!(burned.return_value(), Ok(()));
        let sell = client
            .call(&charlie, &token.quote_sell(T / 2))
            .dry_run()
            .await?
            .return_value()
            .expect("quote");
        let before = joy(&mut client, id(&charlie)).await;
        let sold = client
            .call(&charlie, &token.sell_on_amm(T / 2, sell.joy - sell.fee, None))
            .submit()
            .await?;
        let charged = storage_charge(&sold.dry_run.exec_result.storage_deposit);
        assert_eq!(sold.return_value(), Ok(()));
        assert_eq!(
            net(joy(&mut client, id(&charlie)).await, before, charged),
            (sell.joy - sell.fee) as i128
        );
        assert_eq!(
            client
                .call(&charlie, &token.balance_of(id(&charlie)))
                .dry_run()
                .await?
                .return_value(),
            10 * T - T / 2
        );

        // After the end anyone finalizes; the unclaimed half of the revenue goes to the issuer.
        crt_tools::advance_blocks(302_400);
        let issuer_before = joy(&mut client, id(&bob)).await;
        let token_before = joy(&mut client, address).await;
        let finalized = client
            .call(&dave, &token.finalize_revenue_split())
            .submit()
            .await?;
        assert_eq!(finalized.return_value(), Ok(()));
        assert_eq!(joy(&mut client, id(&bob)).await, issuer_before + revenue / 2);
        assert_eq!(joy(&mut client, address).await, token_before - revenue / 2);
        Ok(())
    })
}

/// `Contracts::remove_code` by `who`, as its error text (or `Ok`).
async fn remove_code(
    client: &mut Client,
    who: &ink_e2e::Keypair,
    code: ink::primitives::Hash,
) -> Result<(), String> {
    client
        .runtime_call(
            who,
            "Contracts",
            "remove_code",
            vec![Value::from_bytes(code.as_ref())],
        )
        .await
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}

/// `Contracts::instantiate` of the uploaded factory code with these three code hashes, as its
/// error text (or `Ok`): the client's own instantiate panics on a failed dry run.
async fn instantiate_factory(
    client: &mut Client,
    who: &ink_e2e::Keypair,
    hashes: (
        ink::primitives::Hash,
        TokenLibraries,
        ink::primitives::Hash,
        ink::primitives::Hash,
    ),
) -> Result<(), String> {
    let factory_code = ContractsBackend::<ink::env::DefaultEnvironment>::upload(client, "factory", who)
        .submit()
        .await
        .map_err(|e| format!("{e:?}"))?
        .code_hash;
    let mut data = ink::selector_bytes!("new").to_vec();
    data.extend(scale::Encode::encode(&(
        hashes.0,
        hashes.1,
        hashes.2,
        hashes.3,
        BLOCKS_PER_YEAR,
        BOND,
    )));
    let gas = Value::named_composite(vec![
        ("ref_time", Value::u128(500_000_000_000)),
        ("proof_size", Value::u128(3_000_000)),
    ]);
    client
        .runtime_call(
            who,
            "Contracts",
            "instantiate",
            vec![
                Value::u128(0),
                gas,
                Value::unnamed_variant("None", vec![]),
                Value::from_bytes(factory_code.as_ref()),
                Value::from_bytes(data),
                Value::from_bytes([0x0F]),
            ],
        )
        .await
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}

#[test]
fn finding_02_an_uploader_cannot_delete_library_code_under_live_contracts() {
    run(|mut client: Client| async move {
        // Eve uploads the public bundles first, so she owns their code.
        let eve = ink_e2e::eve();
        let code = upload_suite_code(&mut client, &eve).await?;
        let alice = ink_e2e::alice();
        let (_, mut factory) = deploy_factory(&mut client).await?;
        let bob = ink_e2e::bob();
        let issued = params("LIB", vec![allocate(&bob, 100)], TransferPolicy::Permissionless);
        let (_, mut token) = issue(&mut client, &mut factory, &bob, issued).await?;

        // The live marker's code too: without it, a frozen suite could never be unfrozen.
        let libraries = code.token_libraries;
        for library in [
            libraries.main,
            libraries.amm,
            libraries.accounts,
            code.factory_library,
            code.live_marker,
        ] {
            let removed = remove_code(&mut client, &eve, library).await;
            assert!(
                removed.as_ref().is_err_and(|e| e.contains("CodeInUse")),
                "{removed:?}"
            );
        }
        // The library messages still run, from each token library.
        let burned = client.call(&bob, &token.burn(1)).submit().await?;
        assert_eq!(burned.return_value(), Ok(()));
        let amm = client.call(&bob, &token.amm_state()).dry_run().await?;
        assert_eq!(amm.return_value(), None);
        let name = client
            .call(&bob, &psp22::PSP22Metadata::token_name(&token))
            .dry_run()
            .await?;
        assert_eq!(name.return_value(), Some("LIB token".into()));

        // A library hash with no code behind it: neither a factory nor a token deploys.
        let nowhere = ink::primitives::Hash::from([0x77; 32]);
        let orphan = instantiate_factory(
            &mut client,
            &alice,
            (code.token, code.token_libraries, nowhere, code.live_marker),
        )
        .await;
        assert!(
            orphan.as_ref().is_err_and(|e| e.contains("CodeNotFound")),
            "{orphan:?}"
        );
        // The same factory code with the real library deploys: the failure was the hash.
        let deployed = instantiate_factory(
            &mut client,
            &alice,
            (
                code.token,
                code.token_libraries,
                code.factory_library,
                code.live_marker,
            ),
        )
        .await;
        assert_eq!(deployed, Ok(()));
        // Either token library missing: no token deploys.
        for missing in [
            TokenLibraries {
                main: nowhere,
                ..libraries
            },
            TokenLibraries {
                amm: nowhere,
                ..libraries
            },
            TokenLibraries {
                accounts: nowhere,
                ..libraries
            },
        ] {
            let rolled = client
                .call(&alice, &factory.set_token_code_hash(code.token, missing))
                .submit()
                .await?;
            assert_eq!(rolled.return_value(), Ok(()));
            let issued = client
                .call(
                    &bob,
                    &factory.issue_token(
                        params("NOLIB", vec![], TransferPolicy::Permissionless),
                        code.token,
                        missing,
                    ),
                )
                .submit()
                .await?;
            assert_eq!(
                issued.return_value(),
                Err(factory::Error::TokenInstantiationFailed)
            );
        }
        Ok(())
    })
}

#[test]
fn finding_03_a_sale_cap_survives_dusting() {
    run(|mut client: Client| async move {
        let (_, mut factory) = deploy_factory(&mut client).await?;
        let (bob, charlie) = (ink_e2e::bob(), ink_e2e::charlie());
        let issued = params(
            "CAP",
            vec![allocate(&bob, 100_000)],
            TransferPolicy::Permissionless,
        );
        let (_, mut token) = issue(&mut client, &mut factory, &bob, issued).await?;
        let sale = SaleParams {
            unit_price: 1_000,
            quantity: 10_000,
            start: None,
            duration: 14_400,
            vesting: None,
            cap_per_buyer: Some(100),
            whitelist: None,
            metadata: vec![],
        };
        let init = client
            .call(&bob, &token.init_token_sale(sale, None, false))
            .submit()
            .await?;
        assert_eq!(init.return_value(), Ok(()));
        let bought = client
            .call(&charlie, &token.purchase_tokens_on_sale(100, None))
            .value(100 * 1_000 + BOND)
            .submit()
            .await?;
        assert_eq!(bought.return_value(), Ok(()));
        // Move the tokens away and dust the account: the cap is still spent.
        let moved = client
            .call(&charlie, &token.transfer(id(&bob), 100, vec![]))
            .submit()
            .await?;
        assert_eq!(moved.return_value(), Ok(()));
        let dusted = client
            .call(&charlie, &token.dust_account(id(&charlie)))
            .submit()
            .await?;
        assert_eq!(dusted.return_value(), Ok(()));
        let again = client
            .call(&charlie, &token.purchase_tokens_on_sale(1, None))
            .value(1_000 + BOND)
            .submit()
            .await?;
        assert_eq!(again.return_value(), Err(crt::Error::SalePurchaseCapExceeded));
        assert_eq!(
            client
                .call(&charlie, &token.purchased_on_sale(id(&charlie)))
                .dry_run()
                .await?
                .return_value(),
            100
        );
        Ok(())
    })
}

#[test]
fn finding_04_governance_cannot_raise_fees_beyond_their_caps() {
    run(|mut client: Client| async move {
        let (factory_address, mut factory) = deploy_factory(&mut client).await?;
        let (alice, bob, charlie) = (ink_e2e::alice(), ink_e2e::bob(), ink_e2e::charlie());
        let issued = params(
            "FEE",
            vec![allocate(&bob, 100 * T)],
            TransferPolicy::Permissionless,
        );
        let (_, mut token) = issue(&mut client, &mut factory, &bob, issued).await?;
        activate_and_buy(&mut client, &mut token, &bob, &charlie, 2 * T, BOND).await?;
        // Charlie quotes a sale at the 0.3 % fee...
        let sell = client
            .call(&charlie, &token.quote_sell(2 * T))
            .dry_run()
            .await?
            .return_value()
            .expect("quote");
        // ...governance's update lands first, and is synced into the token: the fee goes to its
        // cap, 5 %...
        let raised = client
            .call(
                &alice,
                &factory.update_token_constraints(TokenConstraintsUpdate {
                    amm_sell_tx_fee: Some(crt_traits::AMM_TX_FEE_CAP),
                    ..Default::default()
                }),
            )
            .submit()
            .await?;
        assert_eq!(raised.return_value(), Ok(()));
        let synced = client.call(&alice, &token.sync_constraints()).submit().await?;
        assert_eq!(synced.return_value(), Ok(()));
        // ...and the sale, which must state the least JOY it accepts, is refused unchanged.
        let before = joy(&mut client, id(&charlie)).await;
        let treasury_before = joy(&mut client, factory_address).await;
        let refused = client
            .call(&charlie, &token.sell_on_amm(2 * T, sell.joy - sell.fee, None))
            .submit()
            .await?;
        let charged = storage_charge(&refused.dry_run.exec_result.storage_deposit);
        assert_eq!(refused.return_value(), Err(crt::Error::SlippageToleranceExceeded));
        assert_eq!(net(joy(&mut client, id(&charlie)).await, before, charged), 0);
        assert_eq!(joy(&mut client, factory_address).await, treasury_before);
        // Above the caps, governance is refused outright.
        for update in [
            TokenConstraintsUpdate {
                amm_sell_tx_fee: Some(1_000_000),
                ..Default::default()
            },
            TokenConstraintsUpdate {
                amm_deactivation_threshold: Some(1_000_000),
                ..Default::default()
            },
        ] {
            let refused = client
                .call(&alice, &factory.update_token_constraints(update))
                .submit()
                .await?;
            assert_eq!(refused.return_value(), Err(factory::Error::InvalidConstraints));
        }
        Ok(())
    })
}

#[test]
fn finding_11_a_router_contract_pays_tokens_out_to_a_new_address() {
    run(|mut client: Client| async move {
        let (_, mut factory) = deploy_factory(&mut client).await?;
        let (alice, bob, charlie) = (ink_e2e::alice(), ink_e2e::bob(), ink_e2e::charlie());
        let issued = params(
            "ROUTE",
            vec![allocate(&bob, 1_000), allocate(&charlie, 1_000)],
            TransferPolicy::Permissionless,
        );
        let (token_address, mut token) = issue(&mut client, &mut factory, &bob, issued).await?;
        let mut constructor = Psp22RouterRef::new();
        let router = client
            .instantiate("psp22_router", &alice, &mut constructor)
            .submit()
            .await?;
        let router_address = router.account_id;
        let mut router = router.call_builder::<Psp22Router>();

        // A user pays the router with a PSP22 transfer: the router's account is new, and
        // neither of them deposited JOY for bonds.
        let paid = client
            .call(&charlie, &token.transfer(router_address, 300, vec![]))
            .submit()
            .await?;
        assert_eq!(paid.return_value(), Ok(()));

        // The router pays a fresh address with a plain PSP22 transfer.
        let fresh = AccountId::from([0x42; 32]);
        let routed = client
            .call(&alice, &router.pay_out(token_address, fresh, 200))
            .submit()
            .await?;
        let charged = storage_charge(&routed.dry_run.exec_result.storage_deposit);
        assert_eq!(routed.return_value(), Ok(()));
        for (who, amount) in [(router_address, 100), (fresh, 200)] {
            let account = client
                .call(&alice, &token.account_info(who))
                .dry_run()
                .await?
                .return_value()
                .expect("account created");
            // Created without a bloat bond: the signer paid the chain's storage deposit.
            assert_eq!((account.amount, account.bloat_bond), (amount, 0));
        }
        assert!(
            charged > 0,
            "the signer pays the storage deposit of the new account"
        );
        Ok(())
    })
}

#[test]
fn the_live_marker_obeys_only_its_factory_and_freezes_every_token_at_once() {
    run(|mut client: Client| async move {
        let (_, mut factory) = deploy_factory(&mut client).await?;
        let (alice, bob, eve) = (ink_e2e::alice(), ink_e2e::bob(), ink_e2e::eve());
        let issued = params(
            "LIVE",
            vec![allocate(&bob, 1_000)],
            TransferPolicy::Permissionless,
        );
        let (_, mut token) = issue(&mut client, &mut factory, &bob, issued).await?;
        let marker = client
            .call(&eve, &factory.live_marker())
            .dry_run()
            .await?
            .return_value();
        // Eve cannot remove the marker to freeze the suite.
        let mut marker_calls = ink_e2e::create_call_builder::<LiveMarker>(marker);
        let refused = client.call(&eve, &marker_calls.remove()).submit().await?;
        assert!(!refused.return_value());
        let frozen = client
            .call(&eve, &token.is_frozen())
            .dry_run()
            .await?
            .return_value();
        assert!(!frozen);
        let sent = client
            .call(&bob, &token.transfer(id(&eve), 1, vec![]))
            .submit()
            .await?;
        assert_eq!(sent.return_value(), Ok(()));
        // Governance freezes: the marker is gone and the token refuses changes at once.
        let froze = client
            .call(&alice, &factory.set_frozen_status(true))
            .submit()
            .await?;
        assert_eq!(froze.return_value(), Ok(()));
        let frozen = client
            .call(&eve, &token.is_frozen())
            .dry_run()
            .await?
            .return_value();
        assert!(frozen);
        let refused = client
            .call(&bob, &token.transfer(id(&eve), 1, vec![]))
            .submit()
            .await?;
        assert_eq!(
            refused.return_value(),
            Err(psp22::PSP22Error::Custom("Frozen".into()))
        );
        // Unfreezing brings the marker back at the same address.
        let thawed = client
            .call(&alice, &factory.set_frozen_status(false))
            .submit()
            .await?;
        assert_eq!(thawed.return_value(), Ok(()));
        let again = client
            .call(&eve, &factory.live_marker())
            .dry_run()
            .await?
            .return_value();
        assert_eq!(again, marker);
        let creator = client
            .call(&eve, &marker_calls.creator())
            .dry_run()
            .await?
            .return_value();
        assert_eq!(
            creator,
            client
                .call(&eve, &token.factory())
                .dry_run()
                .await?
                .return_value()
        );
        let sent = client
            .call(&bob, &token.transfer(id(&eve), 1, vec![]))
            .submit()
            .await?;
        assert_eq!(sent.return_value(), Ok(()));
        let held = client
            .call(&eve, &token.balance_of(id(&eve)))
            .dry_run()
            .await?
            .return_value();
        assert_eq!(held, 2);
        Ok(())
    })
}
