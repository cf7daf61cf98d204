//! Per-user messages with few and with many holders, the cost of each extra `multi_transfer`
//! output and of each extra whitelist proof level, and the `psp22` reference token side by side.

use crt::crt::{Crt, SaleParams};
use crt_core::merkle::{leaf_of, Blake2x256, MerkleTree};
use crt_tools::advance_blocks;
use crt_tools::token_messages::*;
use crt_traits::{TransferPolicy, MAX_OUTPUTS};
use ink::primitives::{AccountId, Hash};
use psp22::{PSP22Burnable, PSP22};

use crate::bench::Bench;
use crate::chain::Gas;
use crate::lifecycle::{
    constructor_new, issuance, issue, FactoryCalls, TokenCalls, BACKER, BOND, CREATOR, CRT, FAN, JOY,
    SPENDER, TRADER,
};

/// Holder counts the per-user messages are measured at.
pub const HOLDER_COUNTS: [u32; 2] = [10, 10_000];

/// The per-user messages, as measured by [`per_user`].
pub const PER_USER: [&str; 9] = [
    "transfer",
    "multi_transfer[1 output]",
    "multi_transfer[24 outputs, new accounts]",
    "participate_in_split",
    "purchase_tokens_on_sale",
    "buy_on_amm",
    "sell_on_amm",
    "dust_account",
    "claim_patronage_credit",
];

/// `multi_transfer` output counts measured for the per-output cost.
pub const OUTPUT_COUNTS: [u32; 6] = [1, 2, 4, 8, 16, 24];
/// Whitelist proof lengths measured for the per-level cost (a tree of 2^d members).
pub const PROOF_LEVELS: [u32; 5] = [1, 2, 4, 7, 10];

const DUSTEE: AccountId = AccountId([0x09; 32]);

/// A holder account that no test actor uses: `tag` keeps different populations apart.
fn holder(tag: u8, index: u32) -> AccountId {
    let mut bytes = [0xEE; 32];
    bytes[0] = tag;
    bytes[1..5].copy_from_slice(&index.to_le_bytes());
    AccountId(bytes)
}

/// Creates `count` accounts in `token`, `MAX_OUTPUTS` per `multi_transfer`, starting at
/// `holder(tag, first)`.
fn populate(bench: &mut Bench, token: &mut TokenCalls, tag: u8, first: u32, count: u32) {
    let mut next = first;
    while next < first + count {
        let batch: Vec<(AccountId, u128)> = (next..(next + MAX_OUTPUTS as u32).min(first + count))
            .map(|i| (holder(tag, i), CRT))
            .collect();
        next += batch.len() as u32;
        let value = batch.len() as u128 * BOND;
        bench
            .run(
                CREATOR,
                &token.multi_transfer(MultiTransferOutput::list(batch), vec![]),
                value,
            )
            .expect("populate");
    }
}

/// Measures every [`PER_USER`] message on a fresh token with `holders` accounts, recorded as
/// `scaling.<holders>.<message>`.
pub fn per_user(bench: &mut Bench, factory: &mut FactoryCalls, holders: u32) {
    let key = |message: &str| format!("scaling.{holders}.{message}");
    let mut token = issue(
        bench,
        factory,
        issuance(
            &format!("H{holders}"),
            1_000_000_000 * CRT,
            TransferPolicy::Permissionless,
            false,
        ),
    );
    // CREATOR, FAN, TRADER and BACKER, plus anonymous holders up to `holders`.
    let named = vec![
        (FAN, 10_000 * CRT),
        (TRADER, 10_000 * CRT),
        (BACKER, 100_000 * CRT),
    ];
    bench
        .run(
            CREATOR,
            &token.multi_transfer(MultiTransferOutput::list(named), vec![]),
            3 * BOND,
        )
        .expect("named holders");
    populate(bench, &mut token, 0x10, 0, holders - 4);
    assert_eq!(
        bench.read(CREATOR, &token.token_info()).accounts_number,
        u64::from(holders)
    );

    // Patronage first, so both populations claim over the same number of blocks.
    advance_blocks(1_000);
    bench
        .call(
            &key("claim_patronage_credit"),
            CREATOR,
            &token.claim_patronage_credit(),
            0,
        )
        .expect("claim");
    bench
        .call(&key("transfer"), FAN, &token.transfer(TRADER, CRT, vec![]), 0)
        .expect("transfer");
    bench
        .call(
            &key("multi_transfer[1 output]"),
            FAN,
            &token.multi_transfer(MultiTransferOutput::list(vec![(TRADER, CRT)]), vec![]),
            0,
        )
        .expect("multi_transfer");
    let fresh: Vec<(AccountId, u128)> = (0..24).map(|i| (holder(0x20, i), CRT)).collect();
    bench
        .call(
            &key("multi_transfer[24 outputs, new accounts]"),
            CREATOR,
            &token.multi_transfer(MultiTransferOutput::list(fresh), vec![]),
            24 * BOND,
        )
        .expect("multi_transfer");

    bench
        .run(CREATOR, &token.deposit_for_bonds(), BOND)
        .expect("deposit");
    bench
        .run(CREATOR, &token.transfer(DUSTEE, CRT, vec![]), 0)
        .expect("to dustee");
    bench.run(DUSTEE, &token.burn(CRT), 0).expect("burn");
    bench
        .call(&key("dust_account"), FAN, &token.dust_account(DUSTEE), 0)
        .expect("dust");

    let sale = SaleParams {
        unit_price: 1,
        quantity: 10_000 * CRT,
        start: None,
        duration: 14_400,
        vesting: None,
        cap_per_buyer: None,
        whitelist: None,
        metadata: vec![],
    };
    bench
        .run(CREATOR, &token.init_token_sale(sale, None, false), 0)
        .expect("sale");
    bench
        .call(
            &key("purchase_tokens_on_sale"),
            TRADER,
            &token.purchase_tokens_on_sale(1_000 * CRT, None),
            1_000 * CRT,
        )
        .expect("purchase");
    advance_blocks(14_400);
    bench
        .run(CREATOR, &token.finalize_token_sale(), 0)
        .expect("finalize");

    bench
        .run(CREATOR, &token.issue_revenue_split(None, 302_400), 1_000 * JOY)
        .expect("split");
    bench
        .call(
            &key("participate_in_split"),
            BACKER,
            &token.participate_in_split(50_000 * CRT),
            0,
        )
        .expect("participate");
    advance_blocks(302_400);
    bench.run(BACKER, &token.exit_revenue_split(), 0).expect("exit");
    bench
        .run(CREATOR, &token.finalize_revenue_split(), 0)
        .expect("finalize");

    bench
        .run(CREATOR, &token.activate_amm(JOY / 1_000, JOY / 10), 0)
        .expect("amm");
    let quote = bench.read(TRADER, &token.quote_buy(100 * CRT)).expect("quote");
    bench
        .call(
            &key("buy_on_amm"),
            TRADER,
            &token.buy_on_amm(100 * CRT, None, None),
            quote.joy + quote.fee,
        )
        .expect("buy");
    bench
        .call(
            &key("sell_on_amm"),
            TRADER,
            &token.sell_on_amm(100 * CRT, 0, None),
            0,
        )
        .expect("sell");
    bench
        .run(CREATOR, &token.deactivate_amm(), 0)
        .expect("deactivate");
}

/// `multi_transfer` to 1..24 existing accounts, recorded as `multi_transfer.outputs.<n>`.
pub fn outputs(bench: &mut Bench, factory: &mut FactoryCalls) {
    let mut token = issue(
        bench,
        factory,
        issuance("OUTS", 1_000_000 * CRT, TransferPolicy::Permissionless, false),
    );
    populate(bench, &mut token, 0x30, 0, 24);
    for n in OUTPUT_COUNTS {
        let outputs: Vec<_> = (0..n).map(|i| (holder(0x30, i), CRT)).collect();
        bench
            .call(
                &format!("multi_transfer.outputs.{n}"),
                CREATOR,
                &token.multi_transfer(MultiTransferOutput::list(outputs), vec![]),
                0,
            )
            .expect("multi_transfer");
    }
}

/// `join_whitelist` with proofs of 1..10 steps (a whitelist of 2^d members), recorded as
/// `join_whitelist.levels.<d>`.
pub fn proof_levels(bench: &mut Bench, factory: &mut FactoryCalls) {
    for depth in PROOF_LEVELS {
        let mut members = vec![leaf_of::<Blake2x256, _>(&FAN)];
        members.extend((1..1u32 << depth).map(|i| leaf_of::<Blake2x256, _>(&holder(0x40, i))));
        let tree = MerkleTree::new::<Blake2x256>(members).expect("tree");
        let proof = tree.proof(0).expect("proof");
        assert_eq!(proof.len(), depth as usize);
        let policy = TransferPolicy::Permissioned(Hash::from(tree.root()));
        let mut token = issue(
            bench,
            factory,
            issuance(&format!("W{depth}"), 1_000 * CRT, policy, false),
        );
        bench
            .call(
                &format!("join_whitelist.levels.{depth}"),
                FAN,
                &token.join_whitelist(proof),
                BOND,
            )
            .expect("join");
    }
}

/// The `psp22` crate's own token against the same messages, recorded as `psp22.<message>`.
pub fn psp22_reference(bench: &mut Bench, code: &[u8]) {
    let code_hash = bench.chain.upload(code, CREATOR);
    let input = constructor_new((
        1_000_000 * CRT,
        Some(String::from("Reference")),
        Some(String::from("REF")),
        10u8,
    ));
    let (address, gas) = bench.chain.instantiate(code_hash, input, CREATOR, 0);
    bench.record("psp22.new", gas);
    // Same selectors and arguments as the CRT's PSP22 messages.
    let mut reference: TokenCalls = ink_e2e::create_call_builder::<Crt>(address);
    bench
        .call(
            "psp22.transfer[new account]",
            CREATOR,
            &reference.transfer(TRADER, 500 * CRT, vec![]),
            0,
        )
        .expect("transfer");
    bench
        .call(
            "psp22.transfer",
            CREATOR,
            &reference.transfer(TRADER, 100 * CRT, vec![]),
            0,
        )
        .expect("transfer");
    bench
        .call(
            "psp22.approve",
            CREATOR,
            &reference.approve(SPENDER, 300 * CRT),
            0,
        )
        .expect("approve");
    bench
        .call(
            "psp22.transfer_from",
            SPENDER,
            &reference.transfer_from(CREATOR, TRADER, 100 * CRT, vec![]),
            0,
        )
        .expect("transfer_from");
    bench.query("psp22.balance_of", CREATOR, &reference.balance_of(CREATOR));
}

/// Least-squares slope of gas over `x`.
pub fn slope(points: &[(f64, Gas)]) -> f64 {
    let n = points.len() as f64;
    let mean_x = points.iter().map(|(x, _)| x).sum::<f64>() / n;
    let mean_y = points.iter().map(|(_, g)| g.ref_time as f64).sum::<f64>() / n;
    let cov: f64 = points
        .iter()
        .map(|(x, g)| (x - mean_x) * (g.ref_time as f64 - mean_y))
        .sum();
    let var: f64 = points.iter().map(|(x, _)| (x - mean_x) * (x - mean_x)).sum();
    cov / var
}
