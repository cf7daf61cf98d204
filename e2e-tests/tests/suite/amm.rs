//! The bonding-curve AMM end to end: several buyers (new and existing accounts), sells,
//! slippage and deadline failures, deactivation refused then allowed. Every JOY movement
//! (trader, reserve, treasury, bond) asserted to the unit.

use crate::common::*;
use crt::Error as TokenError;
use crt_tools::token_messages::*;
use crt_traits::TransferPolicy;
use ink_e2e::{ContractsBackend, Keypair};

/// One token at 10 decimals.
const T: u128 = 10_000_000_000;
/// Governance's default AMM fees: 0.3 % on buys and sells.
const FEE_PPM: u128 = 3_000;

fn fee(joy: u128) -> u128 {
    joy * FEE_PPM / 1_000_000
}

/// Price per token at supply s tokens: 0.1 JOY + 10⁶ base units × s (the minimum slope).
const SLOPE: u128 = 1_000_000;
const INTERCEPT: u128 = 1_000_000_000;

/// The curve's exact cost from `from` to `to` tokens (whole tokens here, so no rounding):
/// INTERCEPT·Δ + SLOPE·(to² − from²)/2.
fn curve(from: u128, to: u128) -> u128 {
    INTERCEPT * (to - from) + SLOPE * (to * to - from * from) / 2
}

#[test]
fn amm_buys_sells_and_deactivation() {
    run(|mut client: Client| async move {
        let (factory_address, mut factory) = deploy_factory(&mut client).await?;
        let (bob, charlie, dave) = (ink_e2e::bob(), ink_e2e::charlie(), ink_e2e::dave());
        let issued = params(
            "CURVE",
            vec![allocate(&bob, 100 * T)],
            TransferPolicy::Permissionless,
        );
        let (address, mut token) = issue(&mut client, &mut factory, &bob, issued).await?;

        let stranger = client
            .call(&charlie, &token.activate_amm(SLOPE, INTERCEPT))
            .submit()
            .await?;
        assert_eq!(stranger.return_value(), Err(TokenError::NotIssuer));
        let shallow = client
            .call(&bob, &token.activate_amm(SLOPE - 1, INTERCEPT))
            .submit()
            .await?;
        assert_eq!(
            shallow.return_value(),
            Err(TokenError::CurveSlopeParametersTooLow)
        );
        assert_eq!(
            client
                .call(&bob, &token.activate_amm(SLOPE, INTERCEPT))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );

        let token_start = joy(&mut client, address).await;
        let treasury_start = joy(&mut client, factory_address).await;

        // Buy as a trader: curve cost + fee (+ bond for a new account); the excess comes back.
        async fn buy(
            client: &mut Client,
            token: &mut TokenCall,
            who: &Keypair,
            tokens: u128,
            cost: u128,
            new_account: bool,
        ) -> E2EResult<()> {
            let total = cost + fee(cost);
            let quote = client
                .call(who, &token.quote_buy(tokens * T))
                .dry_run()
                .await?
                .return_value()
                .expect("quote");
            assert_eq!((quote.joy, quote.fee), (cost, fee(cost)));
            let before = joy(client, id(who)).await;
            let bond = if new_account { BOND } else { 0 };
            let bought = client
                .call(who, &token.buy_on_amm(tokens * T, Some(total), None))
                .value(total + bond + 123)
                .submit()
                .await?;
            let charged = storage_charge(&bought.dry_run.exec_result.storage_deposit);
            assert_eq!(bought.return_value(), Ok(()));
            assert_eq!(
                joy(client, id(who)).await as i128,
                before as i128 - (total + bond) as i128 - charged
            );
            Ok(())
        }
        buy(&mut client, &mut token, &charlie, 5, curve(0, 5), true).await?;
        // Dave: slippage and deadline failures change nothing, then a buy.
        let cost = curve(5, 7);
        let dave_before = joy(&mut client, id(&dave)).await;
        let tight = client
            .call(&dave, &token.buy_on_amm(2 * T, Some(cost + fee(cost) - 1), None))
            .value(cost + fee(cost) + BOND)
            .submit()
            .await?;
        assert_eq!(tight.return_value(), Err(TokenError::SlippageToleranceExceeded));
        let late = client
            .call(
                &dave,
                &token.buy_on_amm(2 * T, None, Some(crt_tools::current_block() - 1)),
            )
            .value(cost + fee(cost) + BOND)
            .submit()
            .await?;
        assert_eq!(late.return_value(), Err(TokenError::DeadlineExpired));
        assert_eq!(joy(&mut client, id(&dave)).await, dave_before);
        buy(&mut client, &mut token, &dave, 2, cost, true).await?;
        buy(&mut client, &mut token, &bob, 1, curve(7, 8), false).await?;

        let bought_cost = curve(0, 8);
        let bought_fees = fee(curve(0, 5)) + fee(curve(5, 7)) + fee(curve(7, 8));
        let amm = client
            .call(&bob, &token.amm_state())
            .dry_run()
            .await?
            .return_value()
            .expect("active");
        assert_eq!((amm.provided_supply, amm.reserve), (8 * T, bought_cost));
        assert_eq!(
            joy(&mut client, address).await,
            token_start + bought_cost + 2 * BOND
        );
        assert_eq!(
            joy(&mut client, factory_address).await,
            treasury_start + bought_fees
        );

        // Governance's threshold is 0 %: with AMM tokens out, deactivation is refused.
        let refused = client.call(&bob, &token.deactivate_amm()).submit().await?;
        assert_eq!(
            refused.return_value(),
            Err(TokenError::OutstandingAmmProvidedSupplyTooLarge)
        );

        // Sells: proceeds minus the fee; a too-high minimum changes nothing.
        async fn sell(
            client: &mut Client,
            token: &mut TokenCall,
            who: &Keypair,
            tokens: u128,
            proceeds: u128,
        ) -> E2EResult<u128> {
            let net = proceeds - fee(proceeds);
            let greedy = client
                .call(who, &token.sell_on_amm(tokens * T, net + 1, None))
                .submit()
                .await?;
            assert_eq!(greedy.return_value(), Err(TokenError::SlippageToleranceExceeded));
            let before = joy(client, id(who)).await;
            let sold = client
                .call(who, &token.sell_on_amm(tokens * T, net, None))
                .submit()
                .await?;
            let charged = storage_charge(&sold.dry_run.exec_result.storage_deposit);
            assert_eq!(sold.return_value(), Ok(()));
            assert_eq!(
                joy(client, id(who)).await as i128,
                before as i128 + net as i128 - charged
            );
            Ok(fee(proceeds))
        }
        let mut sell_fees = sell(&mut client, &mut token, &charlie, 3, curve(5, 8)).await?;
        sell_fees += sell(&mut client, &mut token, &charlie, 2, curve(3, 5)).await?;
        sell_fees += sell(&mut client, &mut token, &dave, 2, curve(1, 3)).await?;
        let too_many = client
            .call(&bob, &token.sell_on_amm(2 * T, 0, None))
            .submit()
            .await?;
        assert_eq!(
            too_many.return_value(),
            Err(TokenError::NotEnoughTokenMintedByAmm)
        );
        sell_fees += sell(&mut client, &mut token, &bob, 1, curve(0, 1)).await?;

        // Every AMM token sold back: whole-token trades round nothing, the reserve is empty.
        let amm = client
            .call(&bob, &token.amm_state())
            .dry_run()
            .await?
            .return_value()
            .expect("active");
        assert_eq!((amm.provided_supply, amm.reserve), (0, 0));
        assert_eq!(joy(&mut client, address).await, token_start + 2 * BOND);
        assert_eq!(
            joy(&mut client, factory_address).await,
            treasury_start + bought_fees + sell_fees
        );
        assert_eq!(
            client
                .call(&bob, &token.deactivate_amm())
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        assert_eq!(
            client
                .call(&bob, &token.amm_state())
                .dry_run()
                .await?
                .return_value(),
            None
        );
        let gone = client
            .call(&charlie, &token.buy_on_amm(T, None, None))
            .value(10 * T)
            .submit()
            .await?;
        assert_eq!(gone.return_value(), Err(TokenError::NotInAmmState));
        Ok(())
    })
}

#[test]
fn amm_reserve_goes_to_the_treasury_on_deactivation() {
    run(|mut client: Client| async move {
        let (factory_address, mut factory) = deploy_factory(&mut client).await?;
        let (alice, bob, charlie) = (ink_e2e::alice(), ink_e2e::bob(), ink_e2e::charlie());
        let issued = params(
            "RES",
            vec![allocate(&bob, 1_000 * T)],
            TransferPolicy::Permissionless,
        );
        let (_, mut token) = issue(&mut client, &mut factory, &bob, issued).await?;
        // Governance allows deactivation with up to 5 % (the cap) of the supply from the AMM.
        let threshold = crt_traits::TokenConstraintsUpdate {
            amm_deactivation_threshold: Some(crt_traits::AMM_DEACTIVATION_THRESHOLD_CAP),
            ..Default::default()
        };
        assert_eq!(
            client
                .call(&alice, &factory.update_token_constraints(threshold))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        // The token applies it once someone syncs it (here a holder).
        assert_eq!(
            client
                .call(&charlie, &token.sync_constraints())
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        assert_eq!(
            client
                .call(&bob, &token.activate_amm(SLOPE, INTERCEPT))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let cost = curve(0, 50);
        let bought = client
            .call(&charlie, &token.buy_on_amm(50 * T, None, None))
            .value(cost + fee(cost) + BOND)
            .submit()
            .await?;
        assert_eq!(bought.return_value(), Ok(()));
        // 50 of 1 050 tokens (4.8 %) are within 5 %: the reserve backing them goes to the treasury.
        let treasury = joy(&mut client, factory_address).await;
        assert_eq!(
            client
                .call(&bob, &token.deactivate_amm())
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        assert_eq!(joy(&mut client, factory_address).await, treasury + cost);
        Ok(())
    })
}
