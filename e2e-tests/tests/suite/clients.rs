//! What clients (Contracts UI, polkadot.js, a dApp) read in the built metadata of the
//! contracts they call (token, factory, content, bandwidth, governor): every message, argument, type,
//! field and event explained, and no token amount typed `Balance` (which clients would scale by
//! the chain's decimals as JOY).

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

/// The content contract's arguments that are JOY amounts.
const CONTENT_JOY_ARGUMENTS: [&str; 3] = ["publish::price", "set_price::price", "purchase_access::max_price"];

/// The bandwidth contract takes JOY only as the value sent with a message: a channel's amounts
/// are in its asset's base units (JOY or a token), so none is typed `Balance`.
const BANDWIDTH_JOY_ARGUMENTS: [&str; 0] = [];

/// The governor's arguments that are JOY amounts (voting power is locked JOY).
const GOVERNOR_JOY_ARGUMENTS: [&str; 1] = ["unlock::amount"];

/// Fails with every finding of the checks on `<contract>.json`.
fn assert_explained_to_clients(contract: &str, joy_arguments: &[&str]) {
    let found = findings(&metadata(contract), joy_arguments);
    assert!(
        found.is_empty(),
        "{} findings in {contract}.json:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_token_metadata_explains_every_message_type_and_event_to_clients() {
    assert_explained_to_clients("crt", &TOKEN_JOY_ARGUMENTS);
}

#[test]
fn the_factory_metadata_explains_every_message_type_and_event_to_clients() {
    assert_explained_to_clients("factory", &FACTORY_JOY_ARGUMENTS);
}

#[test]
fn the_content_metadata_explains_every_message_type_and_event_to_clients() {
    assert_explained_to_clients("content", &CONTENT_JOY_ARGUMENTS);
}

#[test]
fn the_bandwidth_metadata_explains_every_message_type_and_event_to_clients() {
    assert_explained_to_clients("bandwidth", &BANDWIDTH_JOY_ARGUMENTS);
}

#[test]
fn the_governor_metadata_explains_every_message_type_and_event_to_clients() {
    assert_explained_to_clients("governor", &GOVERNOR_JOY_ARGUMENTS);
}
