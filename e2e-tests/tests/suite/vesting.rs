//! Vesting end to end, with blocks advancing on the real runtime.

use crate::common::*;
use crt_tools::token_messages::*;
use crt_traits::{InitialAllocation, Permill, TransferPolicy, VestingScheduleParams};
use ink_e2e::ContractsBackend;
use psp22::{PSP22Error, PSP22};

#[test]
fn vested_allocation_unlocks_as_blocks_pass() {
    run(|mut client: Client| async move {
        let (_, mut factory) = deploy_factory(&mut client).await?;
        let (bob, charlie) = (ink_e2e::bob(), ink_e2e::charlie());
        // 10 000 tokens: 20 % at the cliff 10 blocks after issuance, the rest over 100 blocks.
        let vesting = VestingScheduleParams {
            blocks_before_cliff: 10,
            cliff_percentage: Permill::from_percent(20),
            linear_vesting_duration: 100,
        };
        let allocation = vec![
            InitialAllocation {
                account: id(&charlie),
                amount: 10_000,
                vesting: Some(vesting),
            },
            allocate(&bob, 1),
        ];
        let issued_at = crt_tools::current_block();
        let (_, mut token) = issue(
            &mut client,
            &mut factory,
            &bob,
            params("VEST", allocation, TransferPolicy::Permissionless),
        )
        .await?;
        let cliff = issued_at + 10;

        let too_early = client
            .call(&charlie, &token.transfer(id(&bob), 1, vec![]))
            .submit()
            .await?;
        assert_eq!(too_early.return_value(), Err(PSP22Error::InsufficientBalance));
        let at_cliff = client
            .call(&charlie, &token.transferrable_at(id(&charlie), cliff))
            .dry_run()
            .await?
            .return_value();
        assert_eq!(at_cliff, 2_000);

        crt_tools::advance_blocks(10);
        assert_eq!(crt_tools::current_block(), cliff);
        let over = client
            .call(&charlie, &token.transfer(id(&bob), 2_001, vec![]))
            .submit()
            .await?;
        assert_eq!(over.return_value(), Err(PSP22Error::InsufficientBalance));
        assert_eq!(
            client
                .call(&charlie, &token.transfer(id(&bob), 2_000, vec![]))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );

        // Half-way through the linear part: 4 000 of 8 000 still locked.
        crt_tools::advance_blocks(50);
        let info = client
            .call(&charlie, &token.account_info(id(&charlie)))
            .dry_run()
            .await?
            .return_value()
            .expect("account");
        assert_eq!(
            (info.amount, info.vesting_locked, info.transferrable),
            (8_000, 4_000, 4_000)
        );
        let over = client
            .call(&charlie, &token.transfer(id(&bob), 4_001, vec![]))
            .submit()
            .await?;
        assert_eq!(over.return_value(), Err(PSP22Error::InsufficientBalance));
        assert_eq!(
            client
                .call(&charlie, &token.transfer(id(&bob), 4_000, vec![]))
                .submit()
                .await?
                .return_value(),
            Ok(())
        );

        // At the end everything is free.
        crt_tools::advance_blocks(50);
        assert_eq!(
            client
                .call(&charlie, &token.transfer(id(&bob), 4_000, vec![]))
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
            10_001
        );
        assert_eq!(
            client
                .call(&bob, &token.balance_of(id(&charlie)))
                .dry_run()
                .await?
                .return_value(),
            0
        );
        Ok(())
    })
}
