//! Every factory message: the index and parameter queries, governance's updates, freeze,
//! code roll-out and hand-over, the treasury, and deissuing a token without accounts.

use crt_traits::{CrtFactory, IssuanceParams, TokenConstraintsUpdate, TokenLibraries, TransferPolicy};
use ink::primitives::{AccountId, Hash};

use crate::bench::Bench;
use crate::lifecycle::{issuance, FactoryCalls, CREATOR, GOVERNANCE, JOY, OTHER};

pub fn factory_messages(
    bench: &mut Bench,
    factory: &mut FactoryCalls,
    (token_hash, library_hash): (Hash, TokenLibraries),
    token_id: u64,
    address: AccountId,
) {
    bench.query("factory.governance", OTHER, &factory.governance());
    bench.query("factory.pending_governance", OTHER, &factory.pending_governance());
    bench.query("factory.token_constraints", OTHER, &factory.token_constraints());
    bench.query("factory.is_frozen", OTHER, &factory.is_frozen());
    bench.query("factory.token_code_hash", OTHER, &factory.token_code_hash());
    bench.query("factory.token_libraries", OTHER, &factory.token_libraries());
    bench.query("factory.blocks_per_year", OTHER, &factory.blocks_per_year());
    bench.query("factory.token_count", OTHER, &factory.token_count());
    bench.query("factory.next_token_id", OTHER, &factory.next_token_id());
    bench.query("factory.token", OTHER, &factory.token(token_id));
    bench.query(
        "factory.token_by_symbol",
        OTHER,
        &factory.token_by_symbol("life".into()),
    );
    bench.query(
        "factory.token_by_address",
        OTHER,
        &factory.token_by_address(address),
    );
    bench
        .query("factory.list_tokens[10]", OTHER, &factory.list_tokens(0, 10))
        .expect("list");
    bench
        .query(
            "factory.tokens_of_issuer[10]",
            OTHER,
            &factory.tokens_of_issuer(CREATOR, 0, 10),
        )
        .expect("list");
    bench.query(
        "factory.issuer_token_count",
        OTHER,
        &factory.issuer_token_count(CREATOR),
    );
    bench.query(
        "factory.platform_fees_available",
        OTHER,
        &factory.platform_fees_available(),
    );
    bench.query("factory.token_context", address, &factory.token_context());

    let update = TokenConstraintsUpdate {
        sale_platform_fee: Some(10_000),
        ..Default::default()
    };
    bench
        .call(
            "factory.update_token_constraints[1 field]",
            GOVERNANCE,
            &factory.update_token_constraints(update),
            0,
        )
        .expect("update");
    bench
        .call(
            "factory.set_frozen_status",
            GOVERNANCE,
            &factory.set_frozen_status(true),
            0,
        )
        .expect("freeze");
    bench
        .call(
            "factory.set_frozen_status[unfreeze]",
            GOVERNANCE,
            &factory.set_frozen_status(false),
            0,
        )
        .expect("unfreeze");
    bench
        .call(
            "factory.set_token_code_hash",
            GOVERNANCE,
            &factory.set_token_code_hash(token_hash, library_hash),
            0,
        )
        .expect("code hash");
    bench
        .call(
            "factory.propose_governance",
            GOVERNANCE,
            &factory.propose_governance(Some(OTHER)),
            0,
        )
        .expect("propose");
    bench
        .call(
            "factory.accept_governance",
            OTHER,
            &factory.accept_governance(),
            0,
        )
        .expect("accept");
    bench
        .run(OTHER, &factory.propose_governance(Some(GOVERNANCE)), 0)
        .expect("propose back");
    bench
        .run(GOVERNANCE, &factory.accept_governance(), 0)
        .expect("accept back");
    bench.call(
        "factory.deposit_platform_fee",
        OTHER,
        &factory.deposit_platform_fee(),
        JOY,
    );
    let fees = bench.read(GOVERNANCE, &factory.platform_fees_available());
    bench
        .call(
            "factory.withdraw_platform_fees",
            GOVERNANCE,
            &factory.withdraw_platform_fees(GOVERNANCE, fees),
            0,
        )
        .expect("withdraw");

    // A token without accounts can be deissued (the factory calls the token's `deissue`).
    let empty = issuance("GONE", 0, TransferPolicy::Permissionless, false);
    let empty = IssuanceParams {
        initial_allocation: vec![],
        ..empty
    };
    let (gone_id, _) = bench
        .run(CREATOR, &factory.issue_token(empty, token_hash, library_hash), 0)
        .expect("issue");
    bench
        .call(
            "factory.deissue_token",
            CREATOR,
            &factory.deissue_token(gone_id),
            0,
        )
        .expect("deissue");
}
