//! The floor of an AMM trade: `amm_floor` (a contract doing a buy's or a sell's storage and
//! JOY work with nothing else) measured in the same run, its cells sized as the token's.

use amm_floor::amm_floor::AmmFloor;
use crt_core::amm::Curve;
use crt_logic::accounts::AccountData;
use crt_logic::amm::AmmState;
use crt_logic::state::TokenState;
use crt_traits::TokenLibraries;
use ink::primitives::Hash;
use ink::storage::traits::Storable;
use scale::Encode;

use crate::bench::Bench;
use crate::lifecycle::{constructor_new, BOND, CRT, GOVERNANCE, JOY, TRADER};

/// Deploys the floor contract and records `floor.buy_on_amm` and `floor.sell_on_amm`.
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
    bench.call("floor.buy_on_amm", TRADER, &floor.buy(1_000 * CRT), JOY);
    bench.call("floor.sell_on_amm", TRADER, &floor.sell(1_000 * CRT, JOY / 2), 0);
}
