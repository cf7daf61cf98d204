//! A permissioned token from issuance to deissue attempts, across factory and token, with
//! every JOY movement asserted to the unit.

use crate::common::*;
use crt::Error as TokenError;
use crt_tools::token_messages::*;
use crt_traits::TransferPolicy;
use factory::Error as FactoryError;
use ink_e2e::ContractsBackend;
use psp22::{PSP22Burnable, PSP22Error, PSP22};

#[test]
fn permissioned_token_lifecycle() {
    run(|mut client: Client| async move {
        let (_, mut factory) = deploy_factory(&mut client).await?;
        let (code, library) = code_pair(&mut client, &factory).await?;
        let (alice, bob, charlie, dave, eve, ferdie) = (
            ink_e2e::alice(),
            ink_e2e::bob(),
            ink_e2e::charlie(),
            ink_e2e::dave(),
            ink_e2e::eve(),
            ink_e2e::ferdie(),
        );
        let (root, proofs) = whitelist(&[id(&charlie), id(&dave)]);

        // Issue: one account (bob), a zero allocation (eve) creates none; 3 bonds sent, 2 refunded.
        let issue_params = params(
            "FAN",
            vec![allocate(&bob, 1_000_000), allocate(&eve, 0)],
            TransferPolicy::Permissioned(root),
        );
        let bob_before = joy(&mut client, id(&bob)).await;
        let issued = client
            .call(&bob, &factory.issue_token(issue_params, code, library))
            .value(3 * BOND)
            .submit()
            .await?;
        let charged = storage_charge(&issued.dry_run.exec_result.storage_deposit);
        let (token_id, address) = issued.return_value().expect("issued");
        assert_eq!(
            joy(&mut client, id(&bob)).await as i128,
            bob_before as i128 - BOND as i128 - charged
        );
        let mut token = ink_e2e::create_call_builder::<crt::crt::Crt>(address);
        let record = client
            .call(&alice, &factory.token_by_symbol("fan".into()))
            .dry_run()
            .await?
            .return_value();
        let record = record.expect("indexed by symbol");
        assert_eq!(
            (record.token_id, record.address, record.issuer),
            (token_id, address, id(&bob))
        );
        let info = client
            .call(&alice, &token.token_info())
            .dry_run()
            .await?
            .return_value();
        assert_eq!(
            (info.total_supply, info.accounts_number, info.bloat_bonds_held),
            (1_000_000, 1, BOND)
        );
        assert!(!client
            .call(&alice, &token.is_account(id(&eve)))
            .dry_run()
            .await?
            .return_value());

        // Whitelist: charlie joins with his proof; ferdie cannot use dave's.
        let token_joy = joy(&mut client, address).await;
        let charlie_before = joy(&mut client, id(&charlie)).await;
        let joined = client
            .call(&charlie, &token.join_whitelist(proofs[0].clone()))
            .value(BOND + 7)
            .submit()
            .await?;
        let charged = storage_charge(&joined.dry_run.exec_result.storage_deposit);
        assert_eq!(joined.return_value(), Ok(()));
        assert_eq!(
            joy(&mut client, id(&charlie)).await as i128,
            charlie_before as i128 - BOND as i128 - charged
        );
        assert_eq!(joy(&mut client, address).await, token_joy + BOND);
        let ferdie_before = joy(&mut client, id(&ferdie)).await;
        let refused = client
            .call(&ferdie, &token.join_whitelist(proofs[1].clone()))
            .value(BOND)
            .submit()
            .await?;
        assert_eq!(
            refused.return_value(),
            Err(TokenError::MerkleProofVerificationFailure)
        );
        assert_eq!(joy(&mut client, id(&ferdie)).await, ferdie_before);

        // Permissioned transfers go only to accounts; the issuer may create them.
        let to_dave = client
            .call(
                &bob,
                &token.multi_transfer(
                    MultiTransferOutput::list(vec![(id(&charlie), 300), (id(&dave), 10)]),
                    vec![],
                ),
            )
            .submit()
            .await?;
        assert_eq!(
            to_dave.return_value(),
            Err(TokenError::DestinationAccountDoesNotExist)
        );
        let sent = client
            .call(
                &bob,
                &token.multi_transfer(
                    MultiTransferOutput::list(vec![(id(&charlie), 300)]),
                    b"hi".to_vec(),
                ),
            )
            .submit()
            .await?;
        assert_eq!(sent.return_value(), Ok(()));
        let by_issuer = crt_logic::transfers::TransferOutput {
            to: id(&dave),
            amount: 200,
            vesting: None,
        };
        let sent = client
            .call(&bob, &token.issuer_transfer(vec![by_issuer], vec![]))
            .value(BOND)
            .submit()
            .await?;
        assert_eq!(sent.return_value(), Ok(()));
        assert_eq!(
            client
                .call(&bob, &token.balance_of(id(&dave)))
                .dry_run()
                .await?
                .return_value(),
            200
        );
        assert_eq!(
            client
                .call(&bob, &token.balance_of(id(&bob)))
                .dry_run()
                .await?
                .return_value(),
            999_500
        );

        // Going permissionless is the issuer's, and one way.
        let not_issuer = client
            .call(&charlie, &token.change_to_permissionless())
            .submit()
            .await?;
        assert_eq!(not_issuer.return_value(), Err(TokenError::NotIssuer));
        assert_eq!(
            client
                .call(&bob, &token.change_to_permissionless())
                .submit()
                .await?
                .return_value(),
            Ok(())
        );

        // A PSP22 transfer to a new account draws the bond from the sender's deposit (without
        // one, the account is created bond-free: `hardening.rs`).
        assert_eq!(
            client
                .call(&charlie, &token.deposit_for_bonds())
                .value(BOND)
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        assert_eq!(
            client
                .call(&charlie, &token.transfer(id(&ferdie), 100, vec![]))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let events = crt_tools::contract_events();
        let transfer = events
            .iter()
            .find_map(|(_, data)| <psp22::Transfer as scale::DecodeAll>::decode_all(&mut &data[..]).ok())
            .expect("Transfer event");
        assert_eq!(
            (transfer.from, transfer.to, transfer.value),
            (Some(id(&charlie)), Some(id(&ferdie)), 100)
        );
        assert_eq!(
            client
                .call(&charlie, &token.bond_deposit_of(id(&charlie)))
                .dry_run()
                .await?
                .return_value(),
            0
        );

        // Burn, then anyone dusts the empty account and receives its bond.
        assert_eq!(
            client
                .call(&charlie, &token.burn(200))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let info = client
            .call(&alice, &token.token_info())
            .dry_run()
            .await?
            .return_value();
        assert_eq!((info.total_supply, info.accounts_number), (999_800, 4));
        let eve_before = joy(&mut client, id(&eve)).await;
        let token_joy = joy(&mut client, address).await;
        let dusted = client
            .call(&eve, &token.dust_account(id(&charlie)))
            .submit()
            .await?;
        let charged = storage_charge(&dusted.dry_run.exec_result.storage_deposit);
        assert_eq!(dusted.return_value(), Ok(()));
        assert_eq!(
            joy(&mut client, id(&eve)).await as i128,
            eve_before as i128 + BOND as i128 - charged
        );
        assert_eq!(joy(&mut client, address).await, token_joy - BOND);
        let not_empty = client.call(&eve, &token.dust_account(id(&dave))).submit().await?;
        assert_eq!(not_empty.return_value(), Err(TokenError::NonEmptyAccount));

        // Governance freezes everything; queries still work.
        assert_eq!(
            client
                .call(&alice, &factory.set_frozen_status(true))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let frozen = client
            .call(&bob, &token.transfer(id(&dave), 1, vec![]))
            .submit()
            .await?;
        assert_eq!(frozen.return_value(), Err(PSP22Error::Custom("Frozen".into())));
        let frozen = client
            .call(
                &bob,
                &token.multi_transfer(MultiTransferOutput::list(vec![(id(&dave), 1)]), vec![]),
            )
            .submit()
            .await?;
        assert_eq!(frozen.return_value(), Err(TokenError::Frozen));
        assert_eq!(
            client
                .call(&bob, &token.balance_of(id(&dave)))
                .dry_run()
                .await?
                .return_value(),
            200
        );
        assert_eq!(
            client
                .call(&alice, &factory.set_frozen_status(false))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        assert_eq!(
            client
                .call(&bob, &token.transfer(id(&dave), 1, vec![]))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );

        // Deissue needs the issuer and no accounts left.
        let by_stranger = client
            .call(&charlie, &factory.deissue_token(token_id))
            .submit()
            .await?;
        assert_eq!(
            by_stranger.return_value(),
            Err(FactoryError::Token(TokenError::NotIssuer))
        );
        let outstanding = client
            .call(&bob, &factory.deissue_token(token_id))
            .submit()
            .await?;
        assert_eq!(
            outstanding.return_value(),
            Err(FactoryError::Token(
                TokenError::CannotDeissueWithOutstandingAccounts
            ))
        );
        Ok(())
    })
}
