//! Floors, measured in the same run as the token: `amm_floor` (a contract doing a buy's or a
//! sell's storage and JOY work with nothing else, its cells sized as the token's) and
//! `library_floor` (a token library that reads the root and returns: what the library layout
//! costs a message before any work of its own).

use amm_floor::amm_floor::AmmFloor;
use crt_core::amm::Curve;
use crt_logic::accounts::AccountData;
use crt_logic::amm::AmmState;
use crt_logic::state::TokenState;
use crt_tools::token_messages::*;
use crt_traits::{TokenLibraries, TransferPolicy};
use ink::primitives::Hash;
use ink::storage::traits::Storable;
use scale::Encode;

use crate::bench::Bench;
use crate::lifecycle::{
    constructor_new, issuance, issue, FactoryCalls, BOND, CREATOR, CRT, GOVERNANCE, JOY, TRADER,
};

/// Deploys the floor contract and records `floor.noop` (a message doing nothing),
/// `floor.buy_on_amm` and `floor.sell_on_amm`.
pub fn amm(bench: &mut Bench, code: &[u8]) {
    let hashes = TokenLibraries {
        main: Hash::from([1; 32]),
        amm: Hash::from([2; 32]),
        accounts: Hash::from([3; 32]),
    };
    // A permissionless token's root cell has this length whatever its values.
    let mut root = Vec::new();
    Storable::encode(&TokenState::before_deployment(hashes), &mut root);
    let account = Encode::encoded_size(&AccountData::with_bond(BOND));
    let amm = Encode::encoded_size(&Some(AmmState {
        curve: Curve {
            slope: 1,
            intercept: 1,
        },
        provided_supply: 0,
        reserve: 0,
    }));
    let lengths = [root.len(), account, amm].map(|len| u32::try_from(len).expect("cell length"));
    let code_hash = bench.chain.upload(code, GOVERNANCE);
    let input = constructor_new((GOVERNANCE, lengths[0], lengths[1], lengths[2]));
    let (address, _) = bench.chain.instantiate(code_hash, input, GOVERNANCE, 0);
    let mut floor = ink_e2e::create_call_builder::<AmmFloor>(address);
    // Once to create the trader's cell (as the token's trader already holds an account).
    bench.run(TRADER, &floor.buy(1_000 * CRT), JOY);
    bench.call("floor.noop", TRADER, &floor.noop(), 0);
    bench.call("floor.buy_on_amm", TRADER, &floor.buy(1_000 * CRT), JOY);
    bench.call("floor.sell_on_amm", TRADER, &floor.sell(1_000 * CRT, JOY / 2), 0);
}

/// Issues a token whose AMM library is `library_floor` and records its `buy_on_amm` as
/// `layout.buy_on_amm`: the token's entry point, the delegate call and a library's root read,
/// with no work. The factory's code hashes are restored afterwards.
pub fn library(bench: &mut Bench, factory: &mut FactoryCalls, code: &[u8]) {
    let floor = bench.chain.upload(code, GOVERNANCE);
    let (token_code, _) = bench.chain.query(GOVERNANCE, &factory.token_code_hash());
    let (libraries, _) = bench.chain.query(GOVERNANCE, &factory.token_libraries());
    let floored = TokenLibraries {
        amm: floor,
        ..libraries
    };
    bench
        .run(GOVERNANCE, &factory.set_token_code_hash(token_code, floored), 0)
        .expect("library floor as the AMM library");
    let mut token = issue(
        bench,
        factory,
        issuance("FLOOR", 1_000_000 * CRT, TransferPolicy::Permissionless, false),
    );
    bench
        .run(CREATOR, &token.activate_amm(JOY / 1_000, JOY / 10), 0)
        .expect("activate");
    bench
        .call(
            "layout.buy_on_amm",
            TRADER,
            &token.buy_on_amm(1_000 * CRT, None, None),
            0,
        )
        .expect("the library floor answers Ok");
    bench
        .run(GOVERNANCE, &factory.set_token_code_hash(token_code, libraries), 0)
        .expect("code hashes restored");
}
