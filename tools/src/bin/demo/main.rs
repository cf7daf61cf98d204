//! The main job: a Creator Token's life on the embedded pallet-contracts runtime (or, with
//! `--url`, on a node), told step by step with balances, JOY movements and the gas of every
//! call.
//!
//! `scripts/demo.sh` builds the release Wasm blobs and runs this with their paths.

mod chain;
#[macro_use]
mod story;
// After `story`, whose `call!` they use.
mod bandwidth;
mod content;
mod governor;

use crt_tools::token_messages::*;
use std::path::PathBuf;

use crt::crt::{Crt, SaleParams};
use crt_core::merkle::{leaf_of, Blake2x256, MerkleTree};
use crt_logic::transfers::TransferOutput;
use crt_tools::deploy::upload_suite_code;
use crt_tools::{Client, E2EResult};
use crt_traits::{
    InitialAllocation, IssuanceParams, Permill, TokenConstraintsUpdate, TransferPolicy, VestingScheduleParams,
};
use factory::factory::{Factory, FactoryRef};
use ink::env::DefaultEnvironment;
use ink::primitives::Hash;
use ink_e2e::subxt::backend::legacy::LegacyRpcMethods;
use ink_e2e::subxt::PolkadotConfig;
use psp22::{PSP22Burnable, PSP22};

use crate::chain::{joy_of, Chain, Clock, OrFail, NODE_TIMELINE, SANDBOX_TIMELINE};
use crate::story::{balance_line, crt, hex, id, joy, ss58, Story, CRT, JOY};

const BOND: u128 = JOY / 6; // ≈ 0.1667 JOY, the runtime's bloat bond
/// The reference of the creator's gated item: what chapter 11 sells and chapter 12 seeds.
const GATED_ITEM: &[u8] = b"magnet:?xt=urn:btih:c9e15763f722f23e98a29decdfae341b98d53056";

async fn play<C: Chain>(client: &mut C, clock: Clock) -> E2EResult<()> {
    let time = match clock {
        Clock::Sandbox => &SANDBOX_TIMELINE,
        Clock::Node(_) => &NODE_TIMELINE,
    };
    let mut story = Story { steps: Vec::new() };
    let (governance, creator, fan, backer, trader) = (
        ink_e2e::alice(),
        ink_e2e::bob(),
        ink_e2e::charlie(),
        ink_e2e::dave(),
        ink_e2e::eve(),
    );

    println!(
        "\n1. Governance uploads the token, token libraries and factory library code and deploys the factory (block {}).",
        clock.now().await?
    );
    let code = upload_suite_code(client, &governance).await?;
    println!("    token code hash {}", hex(&code.token));
    println!("    token library code hash {}", hex(&code.token_libraries.main));
    println!("    AMM library code hash {}", hex(&code.token_libraries.amm));
    println!(
        "    accounts library code hash {}",
        hex(&code.token_libraries.accounts)
    );
    println!("    factory library code hash {}", hex(&code.factory_library));
    let mut constructor = FactoryRef::new(
        code.token,
        code.token_libraries,
        code.factory_library,
        code.live_marker,
        time.blocks_per_year,
        BOND,
    );
    let deployed = client
        .instantiate("factory", &governance, &mut constructor)
        .submit()
        .await
        .or_fail()?;
    let factory_address = deployed.account_id;
    story.record(
        "factory: new",
        deployed.dry_run.contract_result.gas_required,
        &deployed.dry_run.contract_result.storage_deposit,
    );
    let mut factory = deployed.call_builder::<Factory>();
    if let Clock::Node(_) = clock {
        println!("    (live node: governance shortens the minimum sale and split durations to fit the short timeline)");
        let shorter = TokenConstraintsUpdate {
            min_sale_duration: Some(1),
            min_revenue_split_duration: Some(1),
            ..Default::default()
        };
        call!(
            story,
            client,
            "factory: update_token_constraints",
            &governance,
            factory.update_token_constraints(shorter)
        )
        .map_err(|e| format!("update_token_constraints: {e:?}"))?;
    }

    println!("\n2. The creator issues FAN, permissioned, with a vested allocation for an early backer.");
    let (root, proofs) = {
        let members = [id(&fan)];
        let tree = MerkleTree::new::<Blake2x256>(members.iter().map(leaf_of::<Blake2x256, _>).collect())
            .expect("whitelist");
        (Hash::from(tree.root()), vec![tree.proof(0).expect("proof")])
    };
    let vesting = VestingScheduleParams {
        blocks_before_cliff: time.cliff,
        cliff_percentage: Permill::from_percent(25),
        linear_vesting_duration: time.linear,
    };
    let params = IssuanceParams {
        name: "Fan Club".into(),
        symbol: "FAN".into(),
        decimals: 10,
        initial_allocation: vec![
            InitialAllocation {
                account: id(&creator),
                amount: 1_000_000 * CRT,
                vesting: None,
            },
            InitialAllocation {
                account: id(&backer),
                amount: 100_000 * CRT,
                vesting: Some(vesting),
            },
        ],
        transfer_policy: TransferPolicy::Permissioned(root),
        patronage_rate: 50_000,
        revenue_split_rate: 600_000,
        metadata: b"{\"channel\":42}".to_vec(),
    };
    let creator_joy = joy_of(client, id(&creator)).await?;
    let issued_at = clock.now().await?;
    let (token_id, address) = call!(
        story,
        client,
        "factory: issue_token (2 accounts)",
        &creator,
        factory.issue_token(params, code.token, code.token_libraries),
        2 * BOND
    )
    .map_err(|e| format!("issue_token: {e:?}"))?;
    let paid = creator_joy - joy_of(client, id(&creator)).await?;
    println!(
        "    token #{token_id} at {}; creator paid {} (2 bonds of {} + storage)",
        ss58(&address),
        joy(paid),
        joy(BOND)
    );
    let mut token = ink_e2e::create_call_builder::<Crt>(address);
    balance_line(client, &token, &[("creator", &creator), ("backer", &backer)]).await?;

    println!("\n3. A fan joins the whitelist with a Merkle proof, paying the bond.");
    call!(
        story,
        client,
        "token: join_whitelist",
        &fan,
        token.join_whitelist(proofs[0].clone()),
        BOND
    )
    .map_err(|e| format!("join: {e:?}"))?;
    call!(
        story,
        client,
        "token: multi_transfer (1 output)",
        &creator,
        token.multi_transfer(
            MultiTransferOutput::list(vec![(id(&fan), 2_000 * CRT)]),
            b"welcome".to_vec()
        )
    )
    .map_err(|e| format!("multi_transfer: {e:?}"))?;
    balance_line(client, &token, &[("creator", &creator), ("fan", &fan)]).await?;

    println!("\n4. The creator rewards the fan with vested tokens, then opens the token to everyone.");
    let reward = TransferOutput {
        to: id(&fan),
        amount: 1_000 * CRT,
        vesting: Some(vesting),
    };
    call!(
        story,
        client,
        "token: issuer_transfer (vested)",
        &creator,
        token.issuer_transfer(vec![reward], vec![])
    )
    .map_err(|e| format!("issuer_transfer: {e:?}"))?;
    call!(
        story,
        client,
        "token: change_to_permissionless",
        &creator,
        token.change_to_permissionless()
    )
    .map_err(|e| format!("permissionless: {e:?}"))?;
    call!(
        story,
        client,
        "token: deposit_for_bonds",
        &fan,
        token.deposit_for_bonds(),
        BOND
    )
    .map_err(|e| format!("deposit: {e:?}"))?;
    call!(
        story,
        client,
        "token: transfer (PSP22, new account)",
        &fan,
        token.transfer(id(&trader), 500 * CRT, vec![])
    )
    .map_err(|e| format!("transfer: {e:?}"))?;
    call!(
        story,
        client,
        "token: transfer (PSP22)",
        &fan,
        token.transfer(id(&trader), 100 * CRT, vec![])
    )
    .map_err(|e| format!("transfer: {e:?}"))?;
    balance_line(client, &token, &[("fan", &fan), ("trader", &trader)]).await?;

    println!("\n5. An upcoming sale of 50 000 FAN at 1 JOY each is rescheduled, runs and is finalized.");
    let now = clock.now().await?;
    let sale = SaleParams {
        // JOY base units per FAN base unit: both have 10 decimals, so 1 JOY per FAN.
        unit_price: 1,
        quantity: 50_000 * CRT,
        start: Some(now + time.sale_start),
        duration: time.sale_duration,
        vesting: None,
        cap_per_buyer: Some(30_000 * CRT),
        whitelist: None,
        metadata: b"season 1".to_vec(),
    };
    let price = sale.unit_price;
    call!(
        story,
        client,
        "token: init_token_sale",
        &creator,
        token.init_token_sale(sale, None, false)
    )
    .map_err(|e| format!("init_token_sale: {e:?}"))?;
    call!(
        story,
        client,
        "token: update_upcoming_sale",
        &creator,
        token.update_upcoming_sale(Some(now + time.sale_rescheduled), None)
    )
    .map_err(|e| format!("update_upcoming_sale: {e:?}"))?;
    clock.advance(client, time.sale_rescheduled).await?;
    let treasury_before = joy_of(client, factory_address).await?;
    call!(
        story,
        client,
        "token: purchase_tokens_on_sale",
        &trader,
        token.purchase_tokens_on_sale(30_000 * CRT, None),
        30_000 * CRT * price
    )
    .map_err(|e| format!("purchase: {e:?}"))?;
    call!(
        story,
        client,
        "token: purchase_tokens_on_sale",
        &fan,
        token.purchase_tokens_on_sale(10_000 * CRT, None),
        10_000 * CRT * price
    )
    .map_err(|e| format!("purchase: {e:?}"))?;
    println!(
        "    platform fee to the treasury: {}",
        joy(joy_of(client, factory_address).await? - treasury_before)
    );
    clock.advance(client, time.sale_duration).await?;
    call!(
        story,
        client,
        "token: finalize_token_sale",
        &creator,
        token.finalize_token_sale()
    )
    .map_err(|e| format!("finalize_token_sale: {e:?}"))?;
    balance_line(
        client,
        &token,
        &[("creator", &creator), ("trader", &trader), ("fan", &fan)],
    )
    .await?;

    println!("\n6. Time passes: vesting unlocks.");
    for blocks in time.vesting_checks {
        clock.advance(client, blocks).await?;
        println!("    block {}:", clock.now().await?);
        balance_line(client, &token, &[("backer", &backer), ("fan", &fan)]).await?;
    }

    println!("\n7. The creator pays 10 000 JOY of revenue into a split; holders stake and take their share.");
    call!(
        story,
        client,
        "token: issue_revenue_split",
        &creator,
        token.issue_revenue_split(Some(clock.now().await? + time.split_delay), time.split_duration),
        10_000 * JOY
    )
    .map_err(|e| format!("issue_revenue_split: {e:?}"))?;
    clock.advance(client, time.split_delay).await?;
    for (name, who, stake) in [
        ("backer", &backer, 100_000 * CRT),
        ("trader", &trader, 30_000 * CRT),
    ] {
        let before = joy_of(client, id(who)).await?;
        call!(
            story,
            client,
            "token: participate_in_split",
            who,
            token.participate_in_split(stake)
        )
        .map_err(|e| format!("participate: {e:?}"))?;
        println!(
            "    {name} staked {} and received {}",
            crt(stake),
            joy(joy_of(client, id(who)).await?.saturating_sub(before))
        );
    }
    clock.advance(client, time.split_duration).await?;
    call!(
        story,
        client,
        "token: exit_revenue_split",
        &backer,
        token.exit_revenue_split()
    )
    .map_err(|e| format!("exit: {e:?}"))?;
    call!(
        story,
        client,
        "token: exit_revenue_split",
        &trader,
        token.exit_revenue_split()
    )
    .map_err(|e| format!("exit: {e:?}"))?;
    let before = joy_of(client, id(&creator)).await?;
    call!(
        story,
        client,
        "token: finalize_revenue_split",
        &creator,
        token.finalize_revenue_split()
    )
    .map_err(|e| format!("finalize split: {e:?}"))?;
    println!(
        "    unclaimed allocation back to the creator: {}",
        joy(joy_of(client, id(&creator)).await?.saturating_sub(before))
    );

    println!("\n8. About a year after issuance the creator claims the 5 % patronage, then lowers the rate.");
    let since_issuance = clock.now().await?.saturating_sub(issued_at);
    clock
        .advance(client, time.blocks_per_year.saturating_sub(since_issuance))
        .await?;
    let claimable = client
        .call(&creator, &token.claimable_patronage())
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    println!(
        "    claimable at block {}: {}",
        clock.now().await?,
        crt(claimable)
    );
    call!(
        story,
        client,
        "token: claim_patronage_credit",
        &creator,
        token.claim_patronage_credit()
    )
    .map_err(|e| format!("claim: {e:?}"))?;
    call!(
        story,
        client,
        "token: reduce_patronage_rate_to",
        &creator,
        token.reduce_patronage_rate_to(20_000)
    )
    .map_err(|e| format!("reduce: {e:?}"))?;

    println!("\n9. The creator opens a bonding-curve AMM; the trader buys and sells.");
    call!(
        story,
        client,
        "token: activate_amm",
        &creator,
        token.activate_amm(JOY / 1_000, JOY / 10)
    )
    .map_err(|e| format!("activate_amm: {e:?}"))?;
    let quote = client
        .call(&trader, &token.quote_buy(1_000 * CRT))
        .dry_run()
        .await
        .or_fail()?
        .return_value()
        .map_err(|e| format!("{e:?}"))?;
    println!("    1 000 FAN cost {} + fee {}", joy(quote.joy), joy(quote.fee));
    call!(
        story,
        client,
        "token: buy_on_amm",
        &trader,
        token.buy_on_amm(1_000 * CRT, Some(quote.joy + quote.fee), None),
        quote.joy + quote.fee
    )
    .map_err(|e| format!("buy: {e:?}"))?;
    let refused = client
        .call(&creator, &token.deactivate_amm())
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    println!("    deactivation with AMM tokens out → {refused:?}");
    let quote = client
        .call(&trader, &token.quote_sell(1_000 * CRT))
        .dry_run()
        .await
        .or_fail()?
        .return_value()
        .map_err(|e| format!("{e:?}"))?;
    call!(
        story,
        client,
        "token: sell_on_amm",
        &trader,
        token.sell_on_amm(1_000 * CRT, quote.joy - quote.fee, None)
    )
    .map_err(|e| format!("sell: {e:?}"))?;
    println!(
        "    sold back for {} (fee {})",
        joy(quote.joy - quote.fee),
        joy(quote.fee)
    );
    call!(
        story,
        client,
        "token: deactivate_amm",
        &creator,
        token.deactivate_amm()
    )
    .map_err(|e| format!("deactivate: {e:?}"))?;

    println!("\n10. The trader burns everything; anyone may dust the empty account and earns its bond.");
    let held = client
        .call(&trader, &token.balance_of(id(&trader)))
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    call!(story, client, "token: burn", &trader, token.burn(held)).map_err(|e| format!("burn: {e:?}"))?;
    call!(
        story,
        client,
        "token: dust_account",
        &creator,
        token.dust_account(id(&trader))
    )
    .map_err(|e| format!("dust: {e:?}"))?;
    let info = client
        .call(&creator, &token.token_info())
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    println!(
        "    supply {}, {} accounts, bonds held {}",
        crt(info.total_supply),
        info.accounts_number,
        joy(info.bloat_bonds_held)
    );

    println!("\n11. Content on the platform: the creator sells an item and gates another on FAN; the holders' share funds a split.");
    let cast = content::Cast {
        governance: &governance,
        creator: &creator,
        fan: &fan,
        holder: &backer,
    };
    content::chapter(
        client,
        &mut story,
        &clock,
        time,
        factory_address,
        &mut token,
        address,
        cast,
    )
    .await?;

    println!(
        "\n12. Seeders earn for bandwidth: payment channels in JOY and in FAN, vouchers signed off chain."
    );
    let cast = bandwidth::Cast {
        governance: &governance,
        creator: &creator,
        downloader: &fan,
        seeder: &trader,
    };
    bandwidth::chapter(
        client,
        &mut story,
        &clock,
        factory_address,
        (&mut token, address),
        GATED_ITEM,
        cast,
    )
    .await?;

    println!("\n13. Governance freezes the suite (a transfer is refused, queries answer), unfreezes, withdraws fees.");
    call!(
        story,
        client,
        "factory: set_frozen_status",
        &governance,
        factory.set_frozen_status(true)
    )
    .map_err(|e| format!("freeze: {e:?}"))?;
    let refused = client
        .call(&creator, &token.transfer(id(&fan), CRT, vec![]))
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    println!("    transfer while frozen → {refused:?}");
    call!(
        story,
        client,
        "factory: set_frozen_status",
        &governance,
        factory.set_frozen_status(false)
    )
    .map_err(|e| format!("unfreeze: {e:?}"))?;
    let fees = client
        .call(&governance, &factory.platform_fees_available())
        .dry_run()
        .await
        .or_fail()?
        .return_value();
    call!(
        story,
        client,
        "factory: withdraw_platform_fees",
        &governance,
        factory.withdraw_platform_fees(id(&governance), fees)
    )
    .map_err(|e| format!("withdraw: {e:?}"))?;
    println!("    governance withdrew {} of platform fees", joy(fees));

    println!("\n14. The community takes over: a governor owns the factory; holders vote a lower AMM fee; the guardian freezes, a proposal unfreezes.");
    let cast = governor::Cast {
        governance: &governance,
        guardian: &ink_e2e::ferdie(),
        holders: [
            ("creator", &creator, 1_000 * JOY),
            ("fan", &fan, 400 * JOY),
            ("backer", &backer, 300 * JOY),
        ],
    };
    governor::chapter(client, &mut story, &clock, factory_address, &mut factory, cast).await?;

    story.print_summary();
    Ok(())
}

fn main() {
    // demo [--url ws://host:port] [crt.wasm crt_library.wasm amm_library.wasm accounts_library.wasm factory.wasm factory_library.wasm live_marker.wasm content.wasm
    //       bandwidth.wasm governor.wasm]
    let mut url = None;
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--url" => url = Some(args.next().expect("--url needs a ws:// address")),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let contracts = if paths.is_empty() {
        crt_tools::build::contracts()
    } else {
        paths
    };
    let runtime = ink_e2e::tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let result = runtime.block_on(async {
        match url {
            None => {
                println!("Playing on the embedded pallet-contracts runtime (no node).");
                play(&mut Client::new(contracts), Clock::Sandbox).await
            }
            Some(url) => {
                println!("Playing on the node at {url}.");
                let rpc = ink_e2e::RpcClient::from_url(&url).await?;
                let api = LegacyRpcMethods::<PolkadotConfig>::new(rpc.clone());
                let mut client =
                    ink_e2e::Client::<PolkadotConfig, DefaultEnvironment>::new(rpc, contracts).await?;
                play(&mut client, Clock::Node(api)).await
            }
        }
    });
    if let Err(e) = result {
        eprintln!("demo failed: {e}");
        std::process::exit(1);
    }
}
