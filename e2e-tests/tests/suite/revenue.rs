//! Patronage and revenue splits end to end, with blocks advancing on the real runtime and
//! every JOY movement asserted to the unit.

use crate::common::*;
use crt::Error as TokenError;
use crt_tools::token_messages::*;
use crt_traits::{InitialAllocation, Permill, TransferPolicy, VestingScheduleParams};
use ink_e2e::ContractsBackend;
use psp22::{PSP22Error, PSP22};

#[test]
fn revenue_split_opens_later_pays_three_holders_and_finalizes() {
    run(|mut client: Client| async move {
        let (_, mut factory) = deploy_factory(&mut client).await?;
        let (bob, charlie, dave, eve) = (
            ink_e2e::bob(),
            ink_e2e::charlie(),
            ink_e2e::dave(),
            ink_e2e::eve(),
        );
        // Supply 1 000 000: bob (issuer) 500 000, charlie 300 000, dave 150 000 vesting, eve 50 000.
        let locked = VestingScheduleParams {
            blocks_before_cliff: 1_000_000,
            cliff_percentage: Permill::from_percent(0),
            linear_vesting_duration: 10,
        };
        let allocation = vec![
            allocate(&bob, 500_000),
            allocate(&charlie, 300_000),
            InitialAllocation {
                account: id(&dave),
                amount: 150_000,
                vesting: Some(locked),
            },
            allocate(&eve, 50_000),
        ];
        let (address, mut token) = issue(
            &mut client,
            &mut factory,
            &bob,
            params("SPLIT", allocation, TransferPolicy::Permissionless),
        )
        .await?;

        // Revenue 2 000 000 JOY at 50 %: allocation 1 000 000, the other half back at once.
        let start = crt_tools::current_block() + 100;
        let duration = 302_400; // governance's minimum
        let bob_before = joy(&mut client, id(&bob)).await;
        let token_before = joy(&mut client, address).await;
        let issued = client
            .call(&bob, &token.issue_revenue_split(Some(start), duration))
            .value(2_000_000)
            .submit()
            .await?;
        let charged = storage_charge(&issued.dry_run.exec_result.storage_deposit);
        assert_eq!(issued.return_value(), Ok(()));
        assert_eq!(
            net(joy(&mut client, id(&bob)).await, bob_before, charged),
            -1_000_000
        );
        assert_eq!(joy(&mut client, address).await, token_before + 1_000_000);

        // Not open yet; nothing can be minted from now on (burns and sales stay possible).
        let early = client
            .call(&charlie, &token.participate_in_split(300_000))
            .submit()
            .await?;
        assert_eq!(early.return_value(), Err(TokenError::RevenueSplitNotOngoing));
        let mint = client
            .call(&bob, &token.claim_patronage_credit())
            .submit()
            .await?;
        assert_eq!(
            mint.return_value(),
            Err(TokenError::CannotModifySupplyWhenRevenueSplitsAreActive)
        );

        crt_tools::advance_blocks(100);
        for (holder, stake, dividend) in [
            (&charlie, 300_000, 300_000),
            (&dave, 150_000, 150_000),
            (&eve, 20_000, 20_000),
        ] {
            let before = joy(&mut client, id(holder)).await;
            let joined = client
                .call(holder, &token.participate_in_split(stake))
                .submit()
                .await?;
            let charged = storage_charge(&joined.dry_run.exec_result.storage_deposit);
            assert_eq!(joined.return_value(), Ok(()));
            assert_eq!(net(joy(&mut client, id(holder)).await, before, charged), dividend);
        }
        assert_eq!(
            joy(&mut client, address).await,
            token_before + 1_000_000 - 470_000
        );
        // Staked tokens are locked; eve's unstaked 30 000 are not.
        let locked = client
            .call(&charlie, &token.transfer(id(&bob), 1, vec![]))
            .submit()
            .await?;
        assert_eq!(locked.return_value(), Err(PSP22Error::InsufficientBalance));
        assert_eq!(
            client
                .call(&eve, &token.transfer(id(&bob), 30_000, vec![]))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let again = client.call(&eve, &token.participate_in_split(1)).submit().await?;
        assert_eq!(again.return_value(), Err(TokenError::UserAlreadyParticipating));

        crt_tools::advance_blocks(duration);
        let late = client.call(&bob, &token.participate_in_split(1)).submit().await?;
        assert_eq!(late.return_value(), Err(TokenError::RevenueSplitNotOngoing));
        assert_eq!(
            client
                .call(&charlie, &token.exit_revenue_split())
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        assert_eq!(
            client
                .call(&charlie, &token.transfer(id(&bob), 1, vec![]))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );

        let bob_before = joy(&mut client, id(&bob)).await;
        let finalized = client
            .call(&bob, &token.finalize_revenue_split())
            .submit()
            .await?;
        let charged = storage_charge(&finalized.dry_run.exec_result.storage_deposit);
        assert_eq!(finalized.return_value(), Ok(()));
        assert_eq!(
            net(joy(&mut client, id(&bob)).await, bob_before, charged),
            530_000
        );
        assert_eq!(joy(&mut client, address).await, token_before);
        assert_eq!(
            client
                .call(&bob, &token.revenue_split())
                .dry_run()
                .await?
                .return_value(),
            None
        );
        // Exits still work after finalize; the supply may change again.
        assert_eq!(
            client
                .call(&dave, &token.exit_revenue_split())
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        assert_eq!(
            client
                .call(&eve, &token.exit_revenue_split())
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let burn = client
            .call(&eve, &psp22::PSP22Burnable::burn(&mut token, 1))
            .submit()
            .await?;
        assert_eq!(burn.return_value(), Ok(()));
        Ok(())
    })
}

#[test]
fn patronage_after_a_year_and_after_a_rate_reduction() {
    run(|mut client: Client| async move {
        let (_, mut factory) = deploy_factory(&mut client).await?;
        let bob = ink_e2e::bob();
        let mut p = params(
            "PAT",
            vec![allocate(&bob, 1_000_000_000_000_000)],
            TransferPolicy::Permissionless,
        );
        p.patronage_rate = 150_000; // 15 %, governance's maximum
        let (_, mut token) = issue(&mut client, &mut factory, &bob, p).await?;

        // One year of blocks: exactly 15 % of 10^15 (the Joystream pallet's own test vector).
        crt_tools::advance_blocks(BLOCKS_PER_YEAR);
        let claimable = client
            .call(&bob, &token.claimable_patronage())
            .dry_run()
            .await?
            .return_value();
        assert_eq!(claimable, 150_000_000_000_000);
        assert_eq!(
            client
                .call(&bob, &token.claim_patronage_credit())
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        assert_eq!(
            client
                .call(&bob, &token.balance_of(id(&bob)))
                .dry_run()
                .await?
                .return_value(),
            1_150_000_000_000_000
        );

        // One day at 15 % (reference vector: 382 720 562 776 on 10^15; here on 1.15·10^15),
        // then the rate drops to 5 % for a year: the claim pays both periods.
        crt_tools::advance_blocks(14_400);
        let up = client
            .call(&bob, &token.reduce_patronage_rate_to(150_001))
            .submit()
            .await?;
        assert_eq!(
            up.return_value(),
            Err(TokenError::TargetPatronageRateIsHigherThanCurrentRate)
        );
        assert_eq!(
            client
                .call(&bob, &token.reduce_patronage_rate_to(50_000))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let day = client
            .call(&bob, &token.token_info())
            .dry_run()
            .await?
            .return_value()
            .patronage_tally;
        assert_eq!(day, 440_128_647_193); // ⌊1.15·10^15 × (1.15^(14 400 / 5 259 600) − 1)⌋
        crt_tools::advance_blocks(BLOCKS_PER_YEAR);
        let both = client
            .call(&bob, &token.claimable_patronage())
            .dry_run()
            .await?
            .return_value();
        assert_eq!(both, day + 57_500_000_000_000); // + 5 % of 1.15·10^15
        assert_eq!(
            client
                .call(&bob, &token.claim_patronage_credit())
                .submit()
                .await?
                .return_value(),
            Ok(())
        );
        let supply = client
            .call(&bob, &token.total_supply())
            .dry_run()
            .await?
            .return_value();
        assert_eq!(supply, 1_150_000_000_000_000 + day + 57_500_000_000_000);
        Ok(())
    })
}
