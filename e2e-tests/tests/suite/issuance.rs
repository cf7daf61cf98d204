//! The factory's side: symbol rules, index and pages, issuer hand-over, deissue, governance
//! and the treasury.

use crate::common::*;
use crt::Error as TokenError;
use crt_tools::token_messages::*;
use crt_traits::{TokenConstraintsUpdate, TransferPolicy};
use factory::Error as FactoryError;
use ink::primitives::Hash;
use ink_e2e::ContractsBackend;
use psp22::PSP22;

#[test]
fn factory_indexes_hands_over_and_deissues() {
    run(|mut client: Client| async move {
        let (factory_address, mut factory) = deploy_factory(&mut client).await?;
        let (code, library) = code_pair(&mut client, &factory).await?;
        let (alice, bob, charlie, dave, eve) = (
            ink_e2e::alice(),
            ink_e2e::bob(),
            ink_e2e::charlie(),
            ink_e2e::dave(),
            ink_e2e::eve(),
        );

        // Symbols: unique case-insensitively, strict characters; parameters checked.
        let (abc, mut abc_token) = issue(
            &mut client,
            &mut factory,
            &bob,
            params("ABC", vec![], TransferPolicy::Permissionless),
        )
        .await?;
        let taken = client
            .call(
                &charlie,
                &factory.issue_token(
                    params("abc", vec![], TransferPolicy::Permissionless),
                    code,
                    library,
                ),
            )
            .submit()
            .await?;
        assert_eq!(taken.return_value(), Err(FactoryError::SymbolTaken));
        let bad = client
            .call(
                &charlie,
                &factory.issue_token(
                    params("A-C", vec![], TransferPolicy::Permissionless),
                    code,
                    library,
                ),
            )
            .submit()
            .await?;
        assert_eq!(bad.return_value(), Err(FactoryError::InvalidSymbol));
        let mut greedy = params("RICH", vec![], TransferPolicy::Permissionless);
        greedy.patronage_rate = 150_001;
        let refused = client
            .call(&charlie, &factory.issue_token(greedy, code, library))
            .submit()
            .await?;
        assert_eq!(
            refused.return_value(),
            Err(FactoryError::YearlyPatronageRateLimitExceeded)
        );
        let unpaid = params(
            "PAY",
            vec![allocate(&charlie, 10)],
            TransferPolicy::Permissionless,
        );
        let unpaid = client
            .call(&charlie, &factory.issue_token(unpaid, code, library))
            .value(BOND - 1)
            .submit()
            .await?;
        assert_eq!(unpaid.return_value(), Err(FactoryError::InsufficientBloatBond));
        let (_, _) = issue(
            &mut client,
            &mut factory,
            &charlie,
            params("XYZ", vec![allocate(&charlie, 5)], TransferPolicy::Permissionless),
        )
        .await?;

        let listed = client
            .call(&alice, &factory.list_tokens(0, 10))
            .dry_run()
            .await?
            .return_value()
            .expect("page");
        assert_eq!(
            listed.iter().map(|r| r.symbol.as_str()).collect::<Vec<_>>(),
            vec!["ABC", "XYZ"]
        );
        let too_big = client
            .call(&alice, &factory.list_tokens(0, 51))
            .dry_run()
            .await?
            .return_value();
        assert_eq!(too_big, Err(FactoryError::PageTooLarge));
        let of_bob = client
            .call(&alice, &factory.tokens_of_issuer(id(&bob), 0, 10))
            .dry_run()
            .await?
            .return_value()
            .expect("page");
        assert_eq!(of_bob.iter().map(|r| r.address).collect::<Vec<_>>(), vec![abc]);

        // Issuer hand-over, two steps; the factory's index follows.
        assert_eq!(
            client
                .call(&bob, &abc_token.propose_issuer(Some(id(&charlie))))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let wrong = client.call(&dave, &abc_token.accept_issuer()).submit().await?;
        assert_eq!(wrong.return_value(), Err(TokenError::NotPendingIssuer));
        assert_eq!(
            client
                .call(&charlie, &abc_token.accept_issuer())
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        assert_eq!(
            client
                .call(&alice, &factory.issuer_token_count(id(&bob)))
                .dry_run()
                .await?
                .return_value(),
            0
        );
        assert_eq!(
            client
                .call(&alice, &factory.issuer_token_count(id(&charlie)))
                .dry_run()
                .await?
                .return_value(),
            2
        );
        let record = client
            .call(&alice, &factory.token_by_address(abc))
            .dry_run()
            .await?
            .return_value()
            .expect("indexed");
        assert_eq!(record.issuer, id(&charlie));

        // Deissue (no accounts): the symbol is free again and the token is retired.
        let by_old_issuer = client
            .call(&bob, &factory.deissue_token(record.token_id))
            .submit()
            .await?;
        assert_eq!(
            by_old_issuer.return_value(),
            Err(FactoryError::Token(TokenError::NotIssuer))
        );
        assert_eq!(
            client
                .call(&charlie, &factory.deissue_token(record.token_id))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        assert_eq!(
            client
                .call(&alice, &factory.token_by_symbol("ABC".into()))
                .dry_run()
                .await?
                .return_value(),
            None
        );
        let retired = client
            .call(&charlie, &abc_token.approve(id(&bob), 1))
            .submit()
            .await?;
        assert_eq!(
            retired.return_value(),
            Err(psp22::PSP22Error::Custom("TokenDeissued".into()))
        );
        let gone = client
            .call(&charlie, &factory.deissue_token(record.token_id))
            .submit()
            .await?;
        assert_eq!(gone.return_value(), Err(FactoryError::TokenNotFound));
        issue(
            &mut client,
            &mut factory,
            &bob,
            params("abc", vec![], TransferPolicy::Permissionless),
        )
        .await?;
        assert_eq!(
            client
                .call(&alice, &factory.token_count())
                .dry_run()
                .await?
                .return_value(),
            2
        );

        // Governance: parameters, hand-over, treasury, code hash.
        let not_gov = client
            .call(&bob, &factory.set_frozen_status(true))
            .submit()
            .await?;
        assert_eq!(not_gov.return_value(), Err(FactoryError::NotGovernance));
        let bad_fee = TokenConstraintsUpdate {
            sale_platform_fee: Some(1_000_001),
            ..Default::default()
        };
        let bad_fee = client
            .call(&alice, &factory.update_token_constraints(bad_fee))
            .submit()
            .await?;
        assert_eq!(bad_fee.return_value(), Err(FactoryError::InvalidConstraints));
        let new_bond = TokenConstraintsUpdate {
            bloat_bond: Some(2 * BOND),
            ..Default::default()
        };
        assert_eq!(
            client
                .call(&alice, &factory.update_token_constraints(new_bond))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let constraints = client
            .call(&alice, &factory.token_constraints())
            .dry_run()
            .await?
            .return_value();
        assert_eq!(
            (constraints.bloat_bond, constraints.sale_platform_fee),
            (2 * BOND, 20_000)
        );

        client
            .call(&dave, &factory.deposit_platform_fee())
            .value(5_000)
            .submit()
            .await?;
        let available = client
            .call(&alice, &factory.platform_fees_available())
            .dry_run()
            .await?
            .return_value();
        assert_eq!(available, 5_000);
        let eve_before = joy(&mut client, id(&eve)).await;
        let too_much = client
            .call(&alice, &factory.withdraw_platform_fees(id(&eve), 5_001))
            .submit()
            .await?;
        assert_eq!(
            too_much.return_value(),
            Err(FactoryError::InsufficientPlatformFees)
        );
        assert_eq!(
            client
                .call(&alice, &factory.withdraw_platform_fees(id(&eve), 5_000))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        assert_eq!(joy(&mut client, id(&eve)).await, eve_before + 5_000);
        assert!(joy(&mut client, factory_address).await > 0);

        assert_eq!(
            client
                .call(&alice, &factory.propose_governance(Some(id(&dave))))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let wrong = client.call(&eve, &factory.accept_governance()).submit().await?;
        assert_eq!(wrong.return_value(), Err(FactoryError::NotPendingGovernance));
        assert_eq!(
            client
                .call(&dave, &factory.accept_governance())
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let unknown_libraries = TokenLibraries {
            main: Hash::from([8; 32]),
            amm: Hash::from([9; 32]),
            accounts: Hash::from([10; 32]),
        };
        assert_eq!(
            client
                .call(
                    &dave,
                    &factory.set_token_code_hash(Hash::from([7; 32]), unknown_libraries)
                )
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        // An issuer who reviewed the previous code is refused before anything is deployed.
        let changed = client
            .call(
                &bob,
                &factory.issue_token(
                    params("NEW", vec![], TransferPolicy::Permissionless),
                    code,
                    library,
                ),
            )
            .submit()
            .await?;
        assert_eq!(changed.return_value(), Err(FactoryError::TokenCodeChanged));
        let no_code = client
            .call(
                &bob,
                &factory.issue_token(
                    params("NEW", vec![], TransferPolicy::Permissionless),
                    Hash::from([7; 32]),
                    unknown_libraries,
                ),
            )
            .submit()
            .await?;
        assert_eq!(
            no_code.return_value(),
            Err(FactoryError::TokenInstantiationFailed)
        );

        // The two libraries are code for delegate calls only: instantiating them fails.
        let token_library = client
            .instantiate("crt_library", &bob, &mut crt_library::crt_library::CrtRef::new())
            .dry_run()
            .await?;
        assert_eq!(
            token_library.constructor_result::<Result<(), crt::Error>>(),
            Ok(Err(crt::Error::LibraryCodeOnly))
        );
        let factory_library = client
            .instantiate(
                "factory_library",
                &bob,
                &mut factory_library::factory_library::FactoryRef::new(),
            )
            .dry_run()
            .await?;
        assert_eq!(
            factory_library.constructor_result::<Result<(), FactoryError>>(),
            Ok(Err(FactoryError::LibraryCodeOnly))
        );
        Ok(())
    })
}
