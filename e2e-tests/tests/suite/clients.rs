//! What clients (Contracts UI, polkadot.js, a dApp) read in the built metadata of the two
//! contracts they call: every message, argument, type, field and event explained, and no token
//! amount typed `Balance` (which clients would scale by the chain's decimals as JOY).

use crt_tools::build::metadata;
use crt_tools::metadata::findings;

/// The token's arguments that are JOY amounts, in the chain's currency.
const TOKEN_JOY_ARGUMENTS: [&str; 6] = [
    "buy_on_amm::max_cost",
    "sell_on_amm::min_proceeds",
    "activate_amm::slope",
    "activate_amm::intercept",
    "max_buy_for_budget::budget",
    "withdraw_bond_deposit::amount",
];

/// The factory's arguments that are JOY amounts.
const FACTORY_JOY_ARGUMENTS: [&str; 2] = ["new::bloat_bond", "withdraw_platform_fees::amount"];

#[test]
fn the_token_metadata_explains_every_message_type_and_event_to_clients() {
    let found = findings(&metadata("crt"), &TOKEN_JOY_ARGUMENTS);
    assert!(
        found.is_empty(),
        "{} findings in crt.json:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_factory_metadata_explains_every_message_type_and_event_to_clients() {
    let found = findings(&metadata("factory"), &FACTORY_JOY_ARGUMENTS);
    assert!(
        found.is_empty(),
        "{} findings in factory.json:\n{}",
        found.len(),
        found.join("\n")
    );
}
