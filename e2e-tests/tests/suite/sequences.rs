//! A seeded random sequence of transfers, burns, AMM trades, bond deposits and dusts,
//! governance freezes and parameter updates, and time, against the real contracts on
//! pallet-contracts. After every step the invariants of `docs/architecture.md` are checked through the
//! contracts' own queries; every refused message must have changed nothing (no token state,
//! no JOY); while frozen, every token message must be refused with `Frozen`.

use crate::common::*;
use crt::Error as TokenError;
use crt_tools::token_messages::*;
use crt_traits::{TokenConstraintsUpdate, TransferPolicy};
use ink::primitives::AccountId;
use ink_e2e::{ContractsBackend, Keypair};
use psp22::{PSP22Burnable, PSP22};

const T: u128 = 10_000_000_000;
const STEPS: usize = 60;
const SEED: u64 = 0x5EED_C0FF_EE00_0001;

/// xorshift64*: a fixed seed makes every run the same sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// An amount biased to the edges: 0, 1, everything, one more than everything, u128::MAX.
    fn amount(&mut self, held: u128) -> u128 {
        match self.below(6) {
            0 => 0,
            1 => 1,
            2 => held,
            3 => held.saturating_add(1),
            4 => u128::MAX,
            _ => u128::from(self.next()) % (held.max(1) * 2),
        }
    }
}

type Observed = (crt_logic::data::TokenInfo, Vec<u128>, Vec<u128>);

/// Everything a refused message must leave alone.
async fn observe(client: &mut Client, token: &TokenCall, accounts: &[AccountId]) -> E2EResult<Observed> {
    let alice = ink_e2e::alice();
    let info = client
        .call(&alice, &token.token_info())
        .dry_run()
        .await?
        .return_value();
    let mut balances = Vec::new();
    let mut joys = Vec::new();
    for account in accounts {
        balances.push(
            client
                .call(&alice, &token.balance_of(*account))
                .dry_run()
                .await?
                .return_value(),
        );
        joys.push(joy(client, *account).await);
    }
    Ok((info, balances, joys))
}

/// Checks invariants 1, 2, 3 and 5 on `seen`, an observation of `[holders.., token]`.
async fn check_invariants(
    client: &mut Client,
    token: &TokenCall,
    holders: &[AccountId],
    seen: &Observed,
    step: usize,
) -> E2EResult<()> {
    let alice = ink_e2e::alice();
    let (info, balances, joys) = seen;
    let token_joy = joys[holders.len()];
    // 1. Supply = Σ balances (the contract's own balance is the sale escrow).
    assert_eq!(
        info.total_supply,
        balances[..=holders.len()].iter().sum::<u128>(),
        "step {step}: invariant 1"
    );
    // 5. transferrable ≤ amount.
    for holder in holders {
        if let Some(account) = client
            .call(&alice, &token.account_info(*holder))
            .dry_run()
            .await?
            .return_value()
        {
            assert!(
                account.transferrable <= account.amount,
                "step {step}: invariant 5"
            );
        }
    }
    // 2. The contract's JOY covers bonds, the AMM reserve and split allocations.
    let liabilities = client
        .call(&alice, &token.joy_liabilities())
        .dry_run()
        .await?
        .return_value();
    assert!(token_joy >= liabilities, "step {step}: invariant 2");
    // 3. The reserve buys back every AMM-provided token.
    if let Some(amm) = client
        .call(&alice, &token.amm_state())
        .dry_run()
        .await?
        .return_value()
    {
        let buy_back = client
            .call(&alice, &token.quote_sell(amm.provided_supply))
            .dry_run()
            .await?
            .return_value()
            .expect("quote");
        assert!(amm.reserve >= buy_back.joy, "step {step}: invariant 3");
    }
    Ok(())
}

#[test]
fn random_sequence_keeps_the_invariants_on_pallet_contracts() {
    run(|mut client: Client| async move {
        let (factory_address, mut factory) = deploy_factory(&mut client).await?;
        let traders: [Keypair; 4] = [
            ink_e2e::bob(),
            ink_e2e::charlie(),
            ink_e2e::dave(),
            ink_e2e::eve(),
        ];
        let holders: Vec<AccountId> = traders.iter().map(id).collect();
        let issued = params(
            "RAND",
            vec![allocate(&traders[0], 1_000 * T), allocate(&traders[1], 100 * T)],
            TransferPolicy::Permissionless,
        );
        let (address, mut token) = issue(&mut client, &mut factory, &traders[0], issued).await?;
        let activated = client
            .call(&traders[0], &token.activate_amm(1_000_000, 1_000_000_000))
            .submit()
            .await?;
        assert_eq!(activated.return_value(), Ok(()));
        let mut watched = holders.clone();
        watched.extend([address, factory_address]);

        let mut rng = Rng(SEED);
        let mut frozen = false;
        let (mut accepted, mut refused) = (0, 0);
        for step in 0..STEPS {
            let who = &traders[rng.below(4) as usize];
            let other = holders[rng.below(4) as usize];
            let held = client
                .call(who, &token.balance_of(id(who)))
                .dry_run()
                .await?
                .return_value();
            let before = observe(&mut client, &token, &watched).await?;
            let amount = rng.amount(held);
            // (outcome, whether it is a token message)
            let (outcome, token_message): (Result<(), String>, bool) = match rng.below(10) {
                0 | 1 => {
                    let r = client
                        .call(who, &token.transfer(other, amount, vec![]))
                        .submit()
                        .await?;
                    (r.return_value().map_err(|e| format!("{e:?}")), true)
                }
                2 => {
                    let r = client.call(who, &token.burn(amount)).submit().await?;
                    (r.return_value().map_err(|e| format!("{e:?}")), true)
                }
                3 => {
                    let amount = amount % (50 * T);
                    let r = client
                        .call(who, &token.buy_on_amm(amount, None, None))
                        .value(10_000 * T)
                        .submit()
                        .await?;
                    (r.return_value().map_err(|e| format!("{e:?}")), true)
                }
                4 => {
                    let r = client
                        .call(who, &token.sell_on_amm(amount, 0, None))
                        .submit()
                        .await?;
                    (r.return_value().map_err(|e| format!("{e:?}")), true)
                }
                5 if rng.below(2) == 0 => {
                    let r = client.call(who, &token.dust_account(other)).submit().await?;
                    (r.return_value().map_err(|e| format!("{e:?}")), true)
                }
                5 => {
                    // Pays the bonds of accounts this holder's transfers create.
                    let r = client
                        .call(who, &token.deposit_for_bonds())
                        .value(3 * BOND)
                        .submit()
                        .await?;
                    (r.return_value().map_err(|e| format!("{e:?}")), true)
                }
                6 => {
                    // Governance, or a holder pretending to be it.
                    let caller = if rng.below(4) == 0 {
                        who.clone()
                    } else {
                        ink_e2e::alice()
                    };
                    let freeze = rng.below(3) == 0;
                    let r = client
                        .call(&caller, &factory.set_frozen_status(freeze))
                        .submit()
                        .await?;
                    let r = r.return_value().map_err(|e| format!("{e:?}"));
                    if r.is_ok() {
                        frozen = freeze;
                    }
                    (r, false)
                }
                7 => {
                    let bond = [0, BOND, 3 * BOND][rng.below(3) as usize];
                    let update = TokenConstraintsUpdate {
                        bloat_bond: Some(bond),
                        amm_buy_tx_fee: Some((rng.below(3) * 10_000) as u32),
                        ..Default::default()
                    };
                    let r = client
                        .call(&ink_e2e::alice(), &factory.update_token_constraints(update))
                        .submit()
                        .await?;
                    (r.return_value().map_err(|e| format!("{e:?}")), false)
                }
                8 => {
                    // Anyone carries governance's parameters over into the token.
                    let r = client.call(who, &token.sync_constraints()).submit().await?;
                    (r.return_value().map_err(|e| format!("{e:?}")), true)
                }
                _ => {
                    crt_tools::advance_blocks(rng.below(500) as u32);
                    (Ok(()), false)
                }
            };
            let after = observe(&mut client, &token, &watched).await?;
            match &outcome {
                Ok(()) => accepted += 1,
                Err(e) => {
                    refused += 1;
                    assert_eq!(after, before, "step {step}: refused ({e}) but changed state");
                }
            }
            if frozen && token_message {
                let expected = [
                    format!("{:?}", TokenError::Frozen),
                    "Custom(\"Frozen\")".to_string(),
                ];
                assert!(
                    outcome.as_ref().is_err_and(|e| expected.contains(e)),
                    "step {step}: a token message passed while frozen: {outcome:?}"
                );
            }
            check_invariants(&mut client, &token, &holders, &after, step).await?;
        }
        assert!(
            accepted > 10 && refused > 10,
            "a sequence that exercises both: {accepted} / {refused}"
        );
        Ok(())
    })
}
