//! One token's whole life, measuring every message of the token and of the factory once, in
//! a state where it succeeds.

use crt::crt::{Crt, SaleParams};
use crt_core::merkle::{leaf_of, Blake2x256, MerkleTree};
use crt_logic::transfers::TransferOutput;
use crt_tools::token_messages::*;
use crt_tools::{advance_blocks, current_block};
use crt_traits::{
    InitialAllocation, IssuanceParams, Permill, TokenLibraries, TransferPolicy, VestingScheduleParams,
};
use factory::factory::Factory;
use ink::primitives::{AccountId, Hash};
use psp22::{PSP22Burnable, PSP22Metadata, PSP22};
use scale::Encode;

use crate::bench::Bench;

pub const JOY: u128 = 10_000_000_000;
pub const CRT: u128 = 10_000_000_000;
pub const BOND: u128 = JOY / 6;
pub const BLOCKS_PER_YEAR: u32 = 5_259_600;

pub const GOVERNANCE: AccountId = AccountId([0x01; 32]);
pub const CREATOR: AccountId = AccountId([0x02; 32]);
pub const FAN: AccountId = AccountId([0x03; 32]);
pub const BACKER: AccountId = AccountId([0x04; 32]);
pub const TRADER: AccountId = AccountId([0x05; 32]);
pub const SPENDER: AccountId = AccountId([0x06; 32]);
pub const OTHER: AccountId = AccountId([0x07; 32]);
pub const NEWCOMER: AccountId = AccountId([0x08; 32]);

pub type TokenCalls = <Crt as ink::codegen::ContractCallBuilder>::Type;
pub type FactoryCalls = <Factory as ink::codegen::ContractCallBuilder>::Type;

/// Encoded call of an ink! constructor named `new`.
pub fn constructor_new(args: impl Encode) -> Vec<u8> {
    let mut input = ink::selector_bytes!("new").to_vec();
    args.encode_to(&mut input);
    input
}

/// Uploads the token, token libraries, factory, factory library and live marker code, deploys
/// the factory (recorded as `factory.new`) and returns the token and token library hashes and
/// its calls.
pub fn deploy_factory(bench: &mut Bench, codes: [&[u8]; 7]) -> ((Hash, TokenLibraries), FactoryCalls) {
    let [token_code, library_code, amm_library_code, accounts_library_code, factory_code, factory_library_code, live_marker_code] =
        codes;
    for account in [GOVERNANCE, CREATOR, FAN, BACKER, TRADER, SPENDER, OTHER, NEWCOMER] {
        bench.chain.fund(account);
    }
    let token_hash = bench.chain.upload(token_code, GOVERNANCE);
    let library_hash = TokenLibraries {
        main: bench.chain.upload(library_code, GOVERNANCE),
        amm: bench.chain.upload(amm_library_code, GOVERNANCE),
        accounts: bench.chain.upload(accounts_library_code, GOVERNANCE),
    };
    let factory_hash = bench.chain.upload(factory_code, GOVERNANCE);
    let factory_library_hash = bench.chain.upload(factory_library_code, GOVERNANCE);
    let live_marker_hash = bench.chain.upload(live_marker_code, GOVERNANCE);
    let (address, gas) = bench.chain.instantiate(
        factory_hash,
        constructor_new((
            token_hash,
            library_hash,
            factory_library_hash,
            live_marker_hash,
            BLOCKS_PER_YEAR,
            BOND,
        )),
        GOVERNANCE,
        0,
    );
    bench.record("factory.new", gas);
    (
        (token_hash, library_hash),
        ink_e2e::create_call_builder::<Factory>(address),
    )
}

pub fn vesting() -> VestingScheduleParams {
    VestingScheduleParams {
        blocks_before_cliff: 100,
        cliff_percentage: Permill::from_percent(25),
        linear_vesting_duration: 300,
    }
}

/// Issuance parameters with the creator holding `supply` (and an optional vested backer).
pub fn issuance(symbol: &str, supply: u128, policy: TransferPolicy, backer: bool) -> IssuanceParams {
    let mut initial_allocation = vec![InitialAllocation {
        account: CREATOR,
        amount: supply,
        vesting: None,
    }];
    if backer {
        initial_allocation.push(InitialAllocation {
            account: BACKER,
            amount: supply / 10,
            vesting: Some(vesting()),
        });
    }
    IssuanceParams {
        name: format!("{symbol} token"),
        symbol: symbol.into(),
        decimals: 10,
        initial_allocation,
        transfer_policy: policy,
        patronage_rate: 50_000,
        revenue_split_rate: 600_000,
        metadata: b"{\"channel\":42}".to_vec(),
    }
}

/// Issues a token through the factory (not recorded) and returns its calls.
pub fn issue(bench: &mut Bench, factory: &mut FactoryCalls, params: IssuanceParams) -> TokenCalls {
    let bonds = params.initial_allocation.len() as u128 * BOND;
    let (code, _) = bench.chain.query(CREATOR, &factory.token_code_hash());
    let (library, _) = bench.chain.query(CREATOR, &factory.token_libraries());
    let (_, address) = bench
        .run(CREATOR, &factory.issue_token(params, code, library), bonds)
        .expect("issue_token");
    ink_e2e::create_call_builder::<Crt>(address)
}

/// Every message of the token and of the factory, once each.
pub fn run(bench: &mut Bench, factory: &mut FactoryCalls, code_hashes: (Hash, TokenLibraries)) {
    let whitelist = MerkleTree::new::<Blake2x256>(vec![
        leaf_of::<Blake2x256, _>(&FAN),
        leaf_of::<Blake2x256, _>(&OTHER),
    ])
    .expect("whitelist");
    let params = issuance(
        "LIFE",
        1_000_000 * CRT,
        TransferPolicy::Permissioned(Hash::from(whitelist.root())),
        true,
    );
    let (token_id, address) = bench
        .call(
            "factory.issue_token[2 allocations]",
            CREATOR,
            &factory.issue_token(params, code_hashes.0, code_hashes.1),
            2 * BOND,
        )
        .expect("issue_token");
    let mut token = ink_e2e::create_call_builder::<Crt>(address);

    // Accounts, whitelist, transfers.
    let proof = whitelist.proof(0).expect("proof");
    bench
        .call(
            "token.join_whitelist[1 proof step]",
            FAN,
            &token.join_whitelist(proof),
            BOND,
        )
        .expect("join");
    bench
        .call(
            "token.multi_transfer[1 output]",
            CREATOR,
            &token.multi_transfer(MultiTransferOutput::list(vec![(FAN, 2_000 * CRT)]), vec![]),
            0,
        )
        .expect("multi_transfer");
    let reward = TransferOutput {
        to: FAN,
        amount: 1_000 * CRT,
        vesting: Some(vesting()),
    };
    bench
        .call(
            "token.issuer_transfer[1 vested output]",
            CREATOR,
            &token.issuer_transfer(vec![reward], vec![]),
            0,
        )
        .expect("issuer_transfer");
    bench
        .call(
            "token.change_to_permissionless",
            CREATOR,
            &token.change_to_permissionless(),
            0,
        )
        .expect("permissionless");
    let fresh: Vec<(AccountId, u128)> = (0..24u8).map(|i| (AccountId([0xA0 + i; 32]), CRT)).collect();
    bench
        .call(
            "token.multi_transfer[24 outputs, new accounts]",
            CREATOR,
            &token.multi_transfer(MultiTransferOutput::list(fresh.clone()), vec![]),
            24 * BOND,
        )
        .expect("multi_transfer");
    bench
        .call(
            "token.multi_transfer[24 outputs]",
            CREATOR,
            &token.multi_transfer(MultiTransferOutput::list(fresh), vec![]),
            0,
        )
        .expect("multi_transfer");
    bench
        .call(
            "token.deposit_for_bonds",
            FAN,
            &token.deposit_for_bonds(),
            2 * BOND,
        )
        .expect("deposit");
    bench
        .call(
            "token.withdraw_bond_deposit",
            FAN,
            &token.withdraw_bond_deposit(BOND),
            0,
        )
        .expect("withdraw deposit");
    bench
        .call(
            "token.transfer[new account]",
            FAN,
            &token.transfer(TRADER, 500 * CRT, vec![]),
            0,
        )
        .expect("transfer");
    bench
        .call(
            "token.transfer",
            FAN,
            &token.transfer(TRADER, 100 * CRT, vec![]),
            0,
        )
        .expect("transfer");
    bench
        .call("token.approve", FAN, &token.approve(SPENDER, 300 * CRT), 0)
        .expect("approve");
    bench
        .call(
            "token.increase_allowance",
            FAN,
            &token.increase_allowance(SPENDER, 100 * CRT),
            0,
        )
        .expect("increase");
    bench
        .call(
            "token.decrease_allowance",
            FAN,
            &token.decrease_allowance(SPENDER, 100 * CRT),
            0,
        )
        .expect("decrease");
    bench
        .call(
            "token.transfer_from",
            SPENDER,
            &token.transfer_from(FAN, TRADER, 100 * CRT, vec![]),
            0,
        )
        .expect("transfer_from");

    // PSP22 and account queries.
    bench.query("token.total_supply", FAN, &token.total_supply());
    bench.query("token.balance_of", FAN, &token.balance_of(FAN));
    bench.query("token.allowance", FAN, &token.allowance(FAN, SPENDER));
    bench.query("token.token_name", FAN, &token.token_name());
    bench.query("token.token_symbol", FAN, &token.token_symbol());
    bench.query("token.token_decimals", FAN, &token.token_decimals());
    bench.query("token.token_info", FAN, &token.token_info());
    bench.query("token.token_metadata", FAN, &token.token_metadata());
    bench.query("token.factory", FAN, &token.factory());
    bench.query("token.account_info", FAN, &token.account_info(FAN));
    bench.query("token.is_account", FAN, &token.is_account(FAN));
    bench.query(
        "token.transferrable_at",
        FAN,
        &token.transferrable_at(BACKER, 150),
    );
    bench.query(
        "token.vesting_locked_at",
        FAN,
        &token.vesting_locked_at(BACKER, 150),
    );
    bench.query("token.bond_deposit_of", FAN, &token.bond_deposit_of(FAN));
    bench.query("token.joy_liabilities", FAN, &token.joy_liabilities());
    bench.query("token.current_bloat_bond", FAN, &token.current_bloat_bond());
    bench.query("token.token_constraints", FAN, &token.token_constraints());
    bench.query("token.is_frozen", FAN, &token.is_frozen());
    bench
        .call("token.sync_constraints", OTHER, &token.sync_constraints(), 0)
        .expect("sync");
    bench.query("token.offering_state", FAN, &token.offering_state());

    // Issuer hand-over, there and back.
    bench
        .call(
            "token.propose_issuer",
            CREATOR,
            &token.propose_issuer(Some(OTHER)),
            0,
        )
        .expect("propose");
    bench
        .call("token.accept_issuer", OTHER, &token.accept_issuer(), 0)
        .expect("accept");
    bench
        .run(OTHER, &token.propose_issuer(Some(CREATOR)), 0)
        .expect("propose back");
    bench
        .run(CREATOR, &token.accept_issuer(), 0)
        .expect("accept back");

    sale(bench, &mut token);
    split(bench, &mut token);
    patronage(bench, &mut token);
    amm(bench, &mut token);

    // Burn everything, then anyone may dust the empty account.
    let held = bench.read(TRADER, &token.balance_of(TRADER));
    bench
        .call("token.burn", TRADER, &token.burn(held), 0)
        .expect("burn");
    bench
        .call("token.dust_account", CREATOR, &token.dust_account(TRADER), 0)
        .expect("dust");

    crate::governance::factory_messages(bench, factory, code_hashes, token_id, address);
}

fn sale(bench: &mut Bench, token: &mut TokenCalls) {
    let now = current_block();
    let params = SaleParams {
        unit_price: 1,
        quantity: 50_000 * CRT,
        start: Some(now + 50),
        duration: 14_400,
        vesting: None,
        cap_per_buyer: Some(30_000 * CRT),
        whitelist: None,
        metadata: b"season 1".to_vec(),
    };
    bench
        .call(
            "token.init_token_sale",
            CREATOR,
            &token.init_token_sale(params, None, false),
            0,
        )
        .expect("init sale");
    bench
        .call(
            "token.update_upcoming_sale",
            CREATOR,
            &token.update_upcoming_sale(Some(now + 100), None),
            0,
        )
        .expect("update sale");
    advance_blocks(100);
    bench.query("token.current_sale", TRADER, &token.current_sale());
    bench
        .query("token.sale_quote", TRADER, &token.sale_quote(10_000 * CRT))
        .expect("quote");
    bench
        .call(
            "token.purchase_tokens_on_sale",
            TRADER,
            &token.purchase_tokens_on_sale(10_000 * CRT, None),
            10_000 * CRT,
        )
        .expect("purchase");
    bench.query(
        "token.purchased_on_sale",
        TRADER,
        &token.purchased_on_sale(TRADER),
    );
    advance_blocks(14_400);
    bench
        .call(
            "token.finalize_token_sale",
            CREATOR,
            &token.finalize_token_sale(),
            0,
        )
        .expect("finalize sale");
}

fn split(bench: &mut Bench, token: &mut TokenCalls) {
    bench
        .call(
            "token.issue_revenue_split",
            CREATOR,
            &token.issue_revenue_split(Some(current_block() + 10), 302_400),
            10_000 * JOY,
        )
        .expect("issue split");
    bench.query("token.revenue_split", BACKER, &token.revenue_split());
    bench.query(
        "token.dividend_preview",
        BACKER,
        &token.dividend_preview(50_000 * CRT),
    );
    advance_blocks(10);
    bench
        .call(
            "token.participate_in_split",
            BACKER,
            &token.participate_in_split(50_000 * CRT),
            0,
        )
        .expect("participate");
    advance_blocks(302_400);
    bench
        .call("token.exit_revenue_split", BACKER, &token.exit_revenue_split(), 0)
        .expect("exit");
    bench
        .call(
            "token.finalize_revenue_split",
            CREATOR,
            &token.finalize_revenue_split(),
            0,
        )
        .expect("finalize split");
}

fn patronage(bench: &mut Bench, token: &mut TokenCalls) {
    advance_blocks(BLOCKS_PER_YEAR / 2);
    bench.query("token.claimable_patronage", CREATOR, &token.claimable_patronage());
    bench
        .call(
            "token.claim_patronage_credit",
            CREATOR,
            &token.claim_patronage_credit(),
            0,
        )
        .expect("claim");
    bench
        .call(
            "token.reduce_patronage_rate_to",
            CREATOR,
            &token.reduce_patronage_rate_to(20_000),
            0,
        )
        .expect("reduce");
}

fn amm(bench: &mut Bench, token: &mut TokenCalls) {
    bench
        .call(
            "token.activate_amm",
            CREATOR,
            &token.activate_amm(JOY / 1_000, JOY / 10),
            0,
        )
        .expect("activate");
    bench.query("token.amm_state", TRADER, &token.amm_state());
    let quote = bench
        .query("token.quote_buy", TRADER, &token.quote_buy(1_000 * CRT))
        .expect("quote buy");
    bench
        .query(
            "token.max_buy_for_budget",
            TRADER,
            &token.max_buy_for_budget(100 * JOY),
        )
        .expect("max buy");
    let cost = quote.joy + quote.fee;
    bench
        .call(
            "token.buy_on_amm",
            TRADER,
            &token.buy_on_amm(1_000 * CRT, Some(cost), None),
            cost,
        )
        .expect("buy");
    let quote = bench
        .read(NEWCOMER, &token.quote_buy(1_000 * CRT))
        .expect("quote buy");
    let cost = quote.joy + quote.fee + BOND;
    bench
        .call(
            "token.buy_on_amm[new account]",
            NEWCOMER,
            &token.buy_on_amm(1_000 * CRT, None, None),
            cost,
        )
        .expect("buy");
    bench
        .query("token.quote_sell", TRADER, &token.quote_sell(1_000 * CRT))
        .expect("quote sell");
    bench
        .call(
            "token.sell_on_amm",
            TRADER,
            &token.sell_on_amm(1_000 * CRT, 0, None),
            0,
        )
        .expect("sell");
    bench
        .run(NEWCOMER, &token.sell_on_amm(1_000 * CRT, 0, None), 0)
        .expect("sell");
    bench
        .call("token.deactivate_amm", CREATOR, &token.deactivate_amm(), 0)
        .expect("deactivate");
}
