//! Fixed-price sales end to end: a whitelisted, vested sale that is rescheduled, then a public
//! capped sale that sells out and finalizes itself. Every JOY movement asserted to the unit.

use crate::common::*;
use crt::crt::{OfferingState, SaleAccessProof, SaleParams};
use crt::Error as TokenError;
use crt_tools::token_messages::*;
use crt_tools::whitelist::Kind;
use crt_traits::{Permill, TransferPolicy, VestingScheduleParams};
use ink_e2e::ContractsBackend;
use psp22::PSP22;

const PRICE: u128 = 1_000; // JOY base units per token base unit
const FEE_PPM: u128 = 20_000; // governance default: 2 %

#[test]
fn whitelisted_vested_sale_then_public_sell_out() {
    run(|mut client: Client| async move {
        let (factory_address, mut factory) = deploy_factory(&mut client).await?;
        let (bob, charlie, dave, eve, ferdie, one) = (
            ink_e2e::bob(),
            ink_e2e::charlie(),
            ink_e2e::dave(),
            ink_e2e::eve(),
            ink_e2e::ferdie(),
            ink_e2e::one(),
        );
        let issued = params(
            "SALE",
            vec![allocate(&bob, 100_000)],
            TransferPolicy::Permissionless,
        );
        let (address, mut token) = issue(&mut client, &mut factory, &bob, issued).await?;

        // Whitelist: charlie may buy up to 5 000, dave has no personal cap (the sale's 1 000).
        let members = [(id(&charlie), Some(5_000)), (id(&dave), None)];
        let (root, proofs) = sale_whitelist(&members, Kind::Sale);
        let access = |i: usize| {
            Some(SaleAccessProof {
                cap: members[i].1,
                proof: proofs[i].clone(),
            })
        };
        // Purchased tokens vest from the sale's end: 20 % after 1 000 blocks, the rest over 4 000.
        let vesting = VestingScheduleParams {
            blocks_before_cliff: 1_000,
            cliff_percentage: Permill::from_percent(20),
            linear_vesting_duration: 4_000,
        };
        let now = crt_tools::current_block();
        let sale = SaleParams {
            unit_price: PRICE,
            quantity: 10_000,
            start: Some(now + 100),
            duration: 14_400,
            vesting: Some(vesting),
            cap_per_buyer: Some(1_000),
            whitelist: Some(root),
            metadata: b"first drop".to_vec(),
        };
        let init = client
            .call(&bob, &token.init_token_sale(sale, Some(id(&one)), false))
            .submit()
            .await?;
        assert_eq!(init.return_value(), Ok(()));
        assert_eq!(
            client
                .call(&bob, &token.offering_state())
                .dry_run()
                .await?
                .return_value(),
            OfferingState::UpcomingSale
        );

        // Rescheduled: 200 blocks later.
        let start = now + 200;
        let moved = client
            .call(&bob, &token.update_upcoming_sale(Some(start), None))
            .submit()
            .await?;
        assert_eq!(moved.return_value(), Ok(()));
        crt_tools::advance_blocks(100);
        let early = client
            .call(&charlie, &token.purchase_tokens_on_sale(1, access(0)))
            .value(PRICE + BOND)
            .submit()
            .await?;
        assert_eq!(early.return_value(), Err(TokenError::NoActiveSale));
        crt_tools::advance_blocks(100);
        assert_eq!(
            client
                .call(&bob, &token.offering_state())
                .dry_run()
                .await?
                .return_value(),
            OfferingState::Sale
        );

        // Charlie buys exactly his personal cap; one more is refused.
        let (treasury_before, dest_before, token_before) = (
            joy(&mut client, factory_address).await,
            joy(&mut client, id(&one)).await,
            joy(&mut client, address).await,
        );
        let charlie_before = joy(&mut client, id(&charlie)).await;
        let cost = 5_000 * PRICE;
        let bought = client
            .call(&charlie, &token.purchase_tokens_on_sale(5_000, access(0)))
            .value(cost + BOND + 99)
            .submit()
            .await?;
        let charged = storage_charge(&bought.dry_run.exec_result.storage_deposit);
        assert_eq!(bought.return_value(), Ok(()));
        let fee = cost * FEE_PPM / 1_000_000;
        assert_eq!(
            net(joy(&mut client, id(&charlie)).await, charlie_before, charged),
            -((cost + BOND) as i128)
        );
        assert_eq!(joy(&mut client, factory_address).await, treasury_before + fee);
        assert_eq!(joy(&mut client, id(&one)).await, dest_before + cost - fee);
        assert_eq!(joy(&mut client, address).await, token_before + BOND);
        let over = client
            .call(&charlie, &token.purchase_tokens_on_sale(1, access(0)))
            .value(PRICE)
            .submit()
            .await?;
        assert_eq!(over.return_value(), Err(TokenError::SalePurchaseCapExceeded));

        // Dave is capped by the sale's 1 000; outsiders need a proof.
        let over = client
            .call(&dave, &token.purchase_tokens_on_sale(1_001, access(1)))
            .value(1_001 * PRICE + BOND)
            .submit()
            .await?;
        assert_eq!(over.return_value(), Err(TokenError::SalePurchaseCapExceeded));
        let ok = client
            .call(&dave, &token.purchase_tokens_on_sale(1_000, access(1)))
            .value(1_000 * PRICE + BOND)
            .submit()
            .await?;
        assert_eq!(ok.return_value(), Ok(()));
        let outsider = client
            .call(&eve, &token.purchase_tokens_on_sale(1, None))
            .value(PRICE + BOND)
            .submit()
            .await?;
        assert_eq!(outsider.return_value(), Err(TokenError::SaleAccessProofRequired));

        // Vesting from the sale's end (start + 14 400): nothing, then the cliff, then linear.
        let end = start + 14_400;
        for (block, transferrable) in [
            (end, 0),
            (end + 1_000, 1_000),
            (end + 3_000, 3_000),
            (end + 5_000, 5_000),
        ] {
            let at = client
                .call(&charlie, &token.transferrable_at(id(&charlie), block))
                .dry_run()
                .await?
                .return_value();
            assert_eq!(at, transferrable, "block {block}");
        }
        crt_tools::advance_blocks(14_400 + 1_000);
        let locked = client
            .call(&charlie, &token.transfer(id(&bob), 1_001, vec![]))
            .submit()
            .await?;
        assert_eq!(locked.return_value(), Err(psp22::PSP22Error::InsufficientBalance));
        assert_eq!(
            client
                .call(&charlie, &token.transfer(id(&bob), 1_000, vec![]))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );

        // Finalize: 4 000 unsold tokens return to bob; the event reports the JOY collected.
        let finalized = client.call(&bob, &token.finalize_token_sale()).submit().await?;
        assert_eq!(finalized.return_value(), Ok(()));
        let report = crt_tools::contract_events()
            .iter()
            .rev()
            .find_map(|(_, data)| {
                <crt_logic::events::TokenSaleFinalized as scale::DecodeAll>::decode_all(&mut &data[..]).ok()
            })
            .expect("TokenSaleFinalized");
        assert_eq!(
            (report.quantity_left, report.funds_collected),
            (4_000, 6_000 * PRICE)
        );
        assert_eq!(
            client
                .call(&bob, &token.balance_of(id(&bob)))
                .dry_run()
                .await?
                .return_value(),
            90_000 + 4_000 + 1_000
        );

        // A public sale, capped at 600 a buyer, that finalizes itself when sold out.
        let public = SaleParams {
            unit_price: PRICE,
            quantity: 1_000,
            start: None,
            duration: 14_400,
            vesting: None,
            cap_per_buyer: Some(600),
            whitelist: None,
            metadata: vec![],
        };
        assert_eq!(
            client
                .call(&bob, &token.init_token_sale(public, None, true))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let capped = client
            .call(&eve, &token.purchase_tokens_on_sale(601, None))
            .value(601 * PRICE + BOND)
            .submit()
            .await?;
        assert_eq!(capped.return_value(), Err(TokenError::SalePurchaseCapExceeded));
        let bob_before = joy(&mut client, id(&bob)).await;
        assert_eq!(
            client
                .call(&eve, &token.purchase_tokens_on_sale(600, None))
                .value(600 * PRICE + BOND)
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let last = client
            .call(&ferdie, &token.purchase_tokens_on_sale(400, None))
            .value(400 * PRICE + BOND)
            .submit()
            .await?;
        assert_eq!(last.return_value(), Ok(()));
        let report = crt_tools::contract_events()
            .iter()
            .find_map(|(_, data)| {
                <crt_logic::events::TokenSaleFinalized as scale::DecodeAll>::decode_all(&mut &data[..]).ok()
            })
            .expect("auto-finalized");
        assert_eq!((report.quantity_left, report.funds_collected), (0, 1_000 * PRICE));
        // Proceeds (no destination: the issuer) net of the 2 % fee.
        assert_eq!(
            joy(&mut client, id(&bob)).await,
            bob_before + 1_000 * PRICE - 1_000 * PRICE * FEE_PPM / 1_000_000
        );
        assert_eq!(
            client
                .call(&bob, &token.current_sale())
                .dry_run()
                .await?
                .return_value(),
            None
        );
        assert_eq!(
            client
                .call(&bob, &token.offering_state())
                .dry_run()
                .await?
                .return_value(),
            OfferingState::Idle
        );
        Ok(())
    })
}
