//! The suite's core path on a real node: ink_e2e spawns the `substrate-contracts-node` binary
//! named by `CONTRACTS_NODE` (`scripts/node.sh install` provides one) on a free port, and the
//! test uploads the token code, deploys the factory, issues a token, transfers, trades on the
//! AMM, sells to a buyer whose earnings destination cannot receive (the node has a real
//! existential deposit), and checks that a governance freeze stops the token. Without `CONTRACTS_NODE` the test
//! says so and passes (the sandbox suite covers the same messages in depth).
//!
//! `CONTRACTS_NODE=$(command -v substrate-contracts-node) cargo test -p e2e-tests --test node`
//!
//! Calls add 25 % to the dry run's gas: a transaction runs a block after its dry run, and
//! block-dependent work can cost slightly more (a trade failed `OutOfGas` without it).

use crt::crt::{Crt, SaleParams};
use crt_tools::deploy::upload_suite_code;
use crt_tools::token_messages::*;
use crt_traits::{InitialAllocation, IssuanceParams, TransferPolicy};
use factory::factory::{Factory, FactoryRef};
use ink::env::DefaultEnvironment;
use ink::primitives::AccountId;
use ink_e2e::{ChainBackend, ContractsBackend, PolkadotConfig, TestNodeProcess};
use psp22::PSP22;

const BOND: u128 = 1_000_000;
const T: u128 = 10_000_000_000;

fn id(keypair: &ink_e2e::Keypair) -> AccountId {
    AccountId::from(keypair.public_key().0)
}

#[test]
fn token_life_on_a_node() {
    let Ok(node_path) = std::env::var("CONTRACTS_NODE") else {
        eprintln!("skipped: set CONTRACTS_NODE to a substrate-contracts-node binary");
        return;
    };
    let contracts = crt_tools::build::contracts();
    let runtime = ink_e2e::tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(async move {
        let node = TestNodeProcess::<PolkadotConfig>::build(node_path)
            .spawn()
            .await
            .expect("node starts");
        let mut client = ink_e2e::Client::<PolkadotConfig, DefaultEnvironment>::new(node.rpc(), contracts)
            .await
            .expect("client");
        let (alice, bob, charlie) = (ink_e2e::alice(), ink_e2e::bob(), ink_e2e::charlie());

        let code = upload_suite_code(&mut client, &alice)
            .await
            .expect("code uploads");
        let mut constructor = FactoryRef::new(
            code.token,
            code.token_libraries,
            code.factory_library,
            code.live_marker,
            5_259_600,
            BOND,
        );
        let mut factory = client
            .instantiate("factory", &alice, &mut constructor)
            .extra_gas_portion(25)
            .submit()
            .await
            .expect("factory deploys")
            .call_builder::<Factory>();

        let params = IssuanceParams {
            name: "Node token".into(),
            symbol: "NODE".into(),
            decimals: 10,
            initial_allocation: vec![InitialAllocation {
                account: id(&bob),
                amount: 1_000 * T,
                vesting: None,
            }],
            transfer_policy: TransferPolicy::Permissionless,
            patronage_rate: 0,
            revenue_split_rate: 500_000,
            metadata: vec![],
        };
        let (_, address) = client
            .call(
                &bob,
                &factory.issue_token(params, code.token, code.token_libraries),
            )
            .value(BOND)
            .extra_gas_portion(25)
            .submit()
            .await
            .expect("issue_token")
            .return_value()
            .expect("issued");
        let mut token = ink_e2e::create_call_builder::<Crt>(address);

        let sent = client
            .call(
                &bob,
                &token.multi_transfer(MultiTransferOutput::list(vec![(id(&charlie), 10 * T)]), vec![]),
            )
            .value(BOND)
            .extra_gas_portion(25)
            .submit()
            .await
            .expect("transfer");
        assert_eq!(sent.return_value(), Ok(()));
        let charlie_balance = client
            .call(&alice, &token.balance_of(id(&charlie)))
            .dry_run()
            .await
            .expect("query");
        assert_eq!(charlie_balance.return_value(), 10 * T);

        let activated = client
            .call(&bob, &token.activate_amm(1_000_000, 1_000_000_000))
            .extra_gas_portion(25)
            .submit()
            .await
            .expect("activate");
        assert_eq!(activated.return_value(), Ok(()));
        let quote = client
            .call(&charlie, &token.quote_buy(5 * T))
            .dry_run()
            .await
            .expect("quote")
            .return_value()
            .expect("quote");
        let bought = client
            .call(
                &charlie,
                &token.buy_on_amm(5 * T, Some(quote.joy + quote.fee), None),
            )
            .value(quote.joy + quote.fee)
            .extra_gas_portion(25)
            .submit()
            .await
            .expect("buy");
        assert_eq!(bought.return_value(), Ok(()));
        let sold = client
            .call(&charlie, &token.sell_on_amm(5 * T, 0, None))
            .extra_gas_portion(25)
            .submit()
            .await
            .expect("sell");
        assert_eq!(sold.return_value(), Ok(()));
        let amm = client
            .call(&alice, &token.amm_state())
            .dry_run()
            .await
            .expect("query")
            .return_value();
        let amm = amm.expect("AMM active");
        assert_eq!(amm.provided_supply, 0);
        // Whole tokens price exactly on this curve: the round trip leaves the reserve empty.
        assert_eq!(amm.reserve, 0);

        // A sale's earnings destination that cannot receive (a fresh account, a share below
        // the node's existential deposit) never fails the buyer: the share is held for it.
        let deactivated = client
            .call(&bob, &token.deactivate_amm())
            .extra_gas_portion(25)
            .submit()
            .await
            .expect("deactivate");
        assert_eq!(deactivated.return_value(), Ok(()));
        let destination = AccountId::from([0x55; 32]);
        let sale = SaleParams {
            unit_price: 1,
            quantity: 100,
            start: None,
            duration: 14_400,
            vesting: None,
            cap_per_buyer: None,
            whitelist: None,
            metadata: vec![],
        };
        let init = client
            .call(&bob, &token.init_token_sale(sale, Some(destination), false))
            .extra_gas_portion(25)
            .submit()
            .await
            .expect("init sale");
        assert_eq!(init.return_value(), Ok(()));
        // 1 base unit of JOY: a 2 % fee rounds to 0, the destination's share is 1.
        let bought = client
            .call(&charlie, &token.purchase_tokens_on_sale(1, None))
            .value(1)
            .extra_gas_portion(25)
            .submit()
            .await
            .expect("purchase");
        assert_eq!(bought.return_value(), Ok(()));
        let held = client
            .call(&alice, &token.payout_held_for(destination))
            .dry_run()
            .await
            .expect("query")
            .return_value();
        assert_eq!(held, 1, "the destination's share is held, not lost or refused");
        assert_eq!(client.free_balance(destination).await.expect("balance"), 0);

        let frozen = client
            .call(&alice, &factory.set_frozen_status(true))
            .extra_gas_portion(25)
            .submit()
            .await
            .expect("freeze");
        assert_eq!(frozen.return_value(), Ok(()));
        let refused = client
            .call(
                &bob,
                &token.multi_transfer(MultiTransferOutput::list(vec![(id(&charlie), T)]), vec![]),
            )
            .dry_run()
            .await
            .expect("dry run")
            .return_value();
        assert_eq!(refused, Err(crt::Error::Frozen));
        let charlie_balance = client
            .call(&alice, &token.balance_of(id(&charlie)))
            .dry_run()
            .await
            .expect("query");
        // The 10 tokens transferred, and the base unit bought on the sale.
        assert_eq!(charlie_balance.return_value(), 10 * T + 1);
    });
}
