//! Property test of the bandwidth contract: over random sequences of vouchers (newer, older,
//! replayed, above the deposit, badly signed), top-ups, blocks passing and closes by either
//! side, every channel keeps paid ≤ deposit with the redeemed amount never going down, and when
//! all are closed every unit is accounted for: refunds + seeder payouts + fees = deposits. The
//! contract's JOY always covers the deposits it holds.

use bandwidth_logic::messages::{ChannelViews, Channels};
use ink::env::test::{callee, set_block_number};
use ink::env::DefaultEnvironment as E;
use proptest::prelude::*;

use crate::tests::*;

#[derive(Debug, Clone)]
enum Step {
    /// The seeder redeems a voucher for this amount (signed by key 1, or by key 2 if `forged`).
    Redeem {
        channel: usize,
        cumulative: u128,
        forged: bool,
    },
    /// The payer adds JOY.
    TopUp { channel: usize, amount: u128 },
    /// Blocks pass.
    Wait { blocks: u32 },
    /// The seeder (or, if `by_payer`, the payer) tries to close.
    Close { channel: usize, by_payer: bool },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0usize..3, 0u128..60_000, prop::bool::weighted(0.1))
            .prop_map(|(channel, cumulative, forged)| Step::Redeem { channel, cumulative, forged }),
        1 => (0usize..3, 1u128..20_000).prop_map(|(channel, amount)| Step::TopUp { channel, amount }),
        1 => (1u32..60).prop_map(|blocks| Step::Wait { blocks }),
        1 => (0usize..3, any::<bool>()).prop_map(|(channel, by_payer)| Step::Close { channel, by_payer }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_unit_of_every_channel_is_accounted_for(
        deposits in prop::collection::vec(1u128..50_000, 3),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        ink::env::test::run_test::<E, _>(|_| {
            let mut bw = deploy();
            let a = acc();
            let ids: Vec<_> = deposits.iter().map(|d| open_joy(&mut bw, *d)).collect();
            let mut deposited: u128 = deposits.iter().sum();
            let start = (joy(a.bob), joy(a.charlie), joy(factory()));
            let mut now = 1;
            let mut last_redeemed = vec![0u128; ids.len()];
            for step in steps {
                match step {
                    Step::Redeem { channel, cumulative, forged } => {
                        let id = ids[channel];
                        let key_number = if forged { 2 } else { 1 };
                        let signature = sign_for(&key(key_number).0, callee::<E>(), id, cumulative);
                        as_caller(a.charlie);
                        let _ = bw.redeem(id, cumulative, signature);
                    }
                    Step::TopUp { channel, amount } => {
                        pay(a.bob, amount);
                        if bw.top_up(ids[channel], None).is_ok() {
                            deposited += amount;
                        } else {
                            // The chain would return the JOY of a refused call.
                            let contract = callee::<E>();
                            ink::env::test::set_account_balance::<E>(contract, joy(contract) - amount);
                            ink::env::test::set_account_balance::<E>(a.bob, joy(a.bob) + amount);
                        }
                    }
                    Step::Wait { blocks } => {
                        now += blocks;
                        set_block_number::<E>(now);
                    }
                    Step::Close { channel, by_payer } => {
                        as_caller(if by_payer { a.bob } else { a.charlie });
                        let _ = bw.close(ids[channel]);
                    }
                }
                let mut in_channels = 0;
                for (i, id) in ids.iter().enumerate() {
                    let c = bw.channel(*id).expect("stored");
                    assert!(c.redeemed <= c.deposit, "paid beyond the deposit");
                    assert!(c.redeemed >= last_redeemed[i], "the redeemed amount went down");
                    last_redeemed[i] = c.redeemed;
                    if !c.closed {
                        in_channels += c.unredeemed();
                    }
                }
                assert!(joy(callee::<E>()) >= ED + in_channels, "the contract's JOY does not cover the deposits");
            }
            // Everyone closes what is still open, after the challenge period.
            set_block_number::<E>(now + EXPIRY + CHALLENGE);
            as_caller(a.bob);
            for id in &ids {
                let _ = bw.close(*id);
            }
            // Bob paid the top-ups after `start`: add them back to see his refunds.
            let topped_up = deposited - deposits.iter().sum::<u128>();
            let refunds = joy(a.bob) + topped_up - start.0;
            let seeder = joy(a.charlie) - start.1;
            let fees = joy(factory()) - start.2;
            assert_eq!(refunds + seeder + fees, deposited, "refunds + payouts + fees ≠ deposits");
            assert_eq!(joy(callee::<E>()), ED);
            let fees_recorded: u128 = ids.iter().map(|id| bw.channel(*id).expect("stored").fees).sum();
            assert_eq!(fees, fees_recorded);
            Ok(())
        })
        .expect("off-chain run");
    }
}
