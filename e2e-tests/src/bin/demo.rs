//! The main job: a Creator Token's life on the embedded pallet-contracts runtime, told step by
//! step with balances, JOY movements and the gas of every call.
//!
//! `scripts/demo.sh` builds the release bundles and runs this with their Wasm paths.

use std::path::PathBuf;

use crt::crt::Crt;
use crt::transfers::TransferOutput;
use crt_core::merkle::{leaf_of, Blake2x256, MerkleTree};
use crt_traits::{InitialAllocation, IssuanceParams, Permill, TransferPolicy, VestingScheduleParams};
use e2e_tests::{advance_blocks, current_block, Client, E2EResult};
use factory::factory::{Factory, FactoryRef};
use ink::primitives::{AccountId, Hash};
use ink_e2e::{ChainBackend, ContractsBackend, Keypair};
use ink_sandbox::pallet_contracts::StorageDeposit;
use psp22::{PSP22Burnable, PSP22};

/// 1 JOY in base units (10 decimals, like Joystream's HAPI).
const JOY: u128 = 10_000_000_000;
/// 1 CRT in base units (10 decimals).
const CRT: u128 = 10_000_000_000;
const BOND: u128 = JOY / 6; // ≈ 0.1667 JOY, the runtime's bloat bond

struct Step {
    name: String,
    ref_time: u64,
    proof_size: u64,
    deposit: i128,
}

struct Story {
    steps: Vec<Step>,
}

impl Story {
    fn record(&mut self, name: &str, gas: ink_sandbox::Weight, deposit: &StorageDeposit<u128>) {
        let deposit = match deposit {
            StorageDeposit::Charge(x) => *x as i128,
            StorageDeposit::Refund(x) => -(*x as i128),
        };
        println!(
            "    gas: ref_time {:>13}  proof_size {:>7}  storage deposit {:>+8}",
            gas.ref_time(),
            gas.proof_size(),
            deposit
        );
        self.steps.push(Step {
            name: name.into(),
            ref_time: gas.ref_time(),
            proof_size: gas.proof_size(),
            deposit,
        });
    }
}

fn id(keypair: &Keypair) -> AccountId {
    AccountId::from(keypair.public_key().0)
}

fn crt(amount: u128) -> String {
    format!("{}.{:04} CRT", amount / CRT, (amount % CRT) / (CRT / 10_000))
}

fn joy(amount: u128) -> String {
    format!("{}.{:04} JOY", amount / JOY, (amount % JOY) / (JOY / 10_000))
}

macro_rules! call {
    ($story:expr, $client:expr, $name:expr, $caller:expr, $message:expr) => {
        call!($story, $client, $name, $caller, $message, 0)
    };
    ($story:expr, $client:expr, $name:expr, $caller:expr, $message:expr, $value:expr) => {{
        println!("  > {}", $name);
        let result = $client.call($caller, &$message).value($value).submit().await?;
        $story.record(
            $name,
            result.dry_run.exec_result.gas_required,
            &result.dry_run.exec_result.storage_deposit,
        );
        result.return_value()
    }};
}

async fn balance_line(
    client: &mut Client,
    token: &<Crt as ink::codegen::ContractCallBuilder>::Type,
    who: &[(&str, &Keypair)],
) -> E2EResult<()> {
    let mut parts = Vec::new();
    for (name, keypair) in who {
        let info = client
            .call(keypair, &token.account_info(id(keypair)))
            .dry_run()
            .await?
            .return_value();
        parts.push(match info {
            Some(a) => format!(
                "{name} {} ({} transferrable)",
                crt(a.amount),
                crt(a.transferrable)
            ),
            None => format!("{name} —"),
        });
    }
    println!("    balances: {}", parts.join(", "));
    Ok(())
}

async fn play(mut client: Client) -> E2EResult<()> {
    let mut story = Story { steps: Vec::new() };
    let (governance, creator, fan, backer, trader) = (
        ink_e2e::alice(),
        ink_e2e::bob(),
        ink_e2e::charlie(),
        ink_e2e::dave(),
        ink_e2e::eve(),
    );

    println!(
        "\n1. Governance uploads the token code and deploys the factory (block {}).",
        current_block()
    );
    let upload = ContractsBackend::<ink::env::DefaultEnvironment>::upload(&mut client, "crt", &governance)
        .submit()
        .await?;
    println!("    token code hash {:?}", upload.code_hash);
    let mut constructor = FactoryRef::new(upload.code_hash, 5_259_600, BOND);
    let deployed = client
        .instantiate("factory", &governance, &mut constructor)
        .submit()
        .await?;
    story.record(
        "factory: new",
        deployed.dry_run.contract_result.gas_required,
        &deployed.dry_run.contract_result.storage_deposit,
    );
    let mut factory = deployed.call_builder::<Factory>();

    println!("\n2. The creator issues FAN, permissioned, with a vested allocation for an early backer.");
    let (root, proofs) = {
        let members = [id(&fan)];
        let tree =
            MerkleTree::new::<Blake2x256>(members.iter().map(|m| leaf_of::<Blake2x256, _>(m)).collect())
                .expect("whitelist");
        (Hash::from(tree.root()), vec![tree.proof(0).expect("proof")])
    };
    let vesting = VestingScheduleParams {
        blocks_before_cliff: 100,
        cliff_percentage: Permill::from_percent(25),
        linear_vesting_duration: 300,
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
    let creator_joy = client.free_balance(id(&creator)).await?;
    let (token_id, address) = call!(
        story,
        client,
        "factory: issue_token (2 accounts)",
        &creator,
        factory.issue_token(params),
        2 * BOND
    )
    .map_err(|e| format!("issue_token: {e:?}"))?;
    let paid = creator_joy - client.free_balance(id(&creator)).await?;
    println!(
        "    token #{token_id} at {address:?}; creator paid {} (2 bonds of {} + storage)",
        joy(paid),
        joy(BOND)
    );
    let mut token = ink_e2e::create_call_builder::<Crt>(address);
    balance_line(&mut client, &token, &[("creator", &creator), ("backer", &backer)]).await?;

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
        token.multi_transfer(vec![(id(&fan), 2_000 * CRT)], b"welcome".to_vec())
    )
    .map_err(|e| format!("multi_transfer: {e:?}"))?;
    balance_line(&mut client, &token, &[("creator", &creator), ("fan", &fan)]).await?;

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
    balance_line(&mut client, &token, &[("fan", &fan), ("trader", &trader)]).await?;

    println!("\n5. Time passes: vesting unlocks.");
    for blocks in [100, 150, 150] {
        advance_blocks(blocks);
        println!("    block {}:", current_block());
        balance_line(&mut client, &token, &[("backer", &backer), ("fan", &fan)]).await?;
    }
    call!(
        story,
        client,
        "token: transfer (unlocked)",
        &backer,
        token.transfer(id(&creator), 100_000 * CRT, vec![])
    )
    .map_err(|e| format!("transfer: {e:?}"))?;

    println!("\n6. The trader burns everything; anyone may dust the empty account and earns its bond.");
    call!(story, client, "token: burn", &trader, token.burn(600 * CRT))
        .map_err(|e| format!("burn: {e:?}"))?;
    let before = client.free_balance(id(&creator)).await?;
    call!(
        story,
        client,
        "token: dust_account",
        &creator,
        token.dust_account(id(&trader))
    )
    .map_err(|e| format!("dust: {e:?}"))?;
    println!(
        "    duster received {} (bond) net of storage refunds: {:+}",
        joy(BOND),
        client.free_balance(id(&creator)).await? as i128 - before as i128
    );
    let info = client
        .call(&creator, &token.token_info())
        .dry_run()
        .await?
        .return_value();
    println!(
        "    supply {}, {} accounts, bonds held {}",
        crt(info.total_supply),
        info.accounts_number,
        joy(info.bloat_bonds_held)
    );

    println!("\n7. Governance freezes the suite; a transfer is refused, queries still answer.");
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
        .await?
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

    println!("\nSummary (gas of each call, from its dry run):");
    println!(
        "  {:<40} {:>14} {:>11} {:>10}",
        "step", "ref_time", "proof_size", "deposit"
    );
    for step in &story.steps {
        println!(
            "  {:<40} {:>14} {:>11} {:>+10}",
            step.name, step.ref_time, step.proof_size, step.deposit
        );
    }
    Ok(())
}

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let contracts = if paths.is_empty() {
        e2e_tests::build::contracts()
    } else {
        paths
    };
    let client = Client::new(contracts);
    let result = ink_e2e::tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
        .block_on(play(client));
    if let Err(e) = result {
        eprintln!("demo failed: {e}");
        std::process::exit(1);
    }
}
