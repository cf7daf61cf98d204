//! The content contract's messages: publishing (with a creator token, which asks the factory,
//! and without), a purchase that creates a grant, a renewal of timed access, and the access
//! checks a seeder makes — on a purchased item (one cell) and on a gated one (a PSP22
//! `balance_of` call into the token).

use content::content::Content;
use content_logic::item::{AccessTerms, TokenTerms};
use content_logic::messages::{Catalog as _, Purchases as _};
use crt_traits::TransferPolicy;
use ink::ToAccountId;

use crate::bench::Bench;
use crate::lifecycle::{
    constructor_new, issuance, issue, FactoryCalls, BACKER, CREATOR, CRT, FAN, GOVERNANCE, JOY,
};

/// The platform fee of the benchmark's content contract: 5 %.
const FEE_PPM: u32 = 50_000;

pub fn run(bench: &mut Bench, factory: &mut FactoryCalls, code: &[u8]) {
    let token = issue(
        bench,
        factory,
        issuance("READ", 1_000_000 * CRT, TransferPolicy::Permissionless, true),
    );
    let token = token.to_account_id();
    let code_hash = bench.chain.upload(code, GOVERNANCE);
    let input = constructor_new((factory.to_account_id(), FEE_PPM));
    let (address, gas) = bench.chain.instantiate(code_hash, input, GOVERNANCE, 0);
    bench.record("content.new", gas);
    let mut content = ink_e2e::create_call_builder::<Content>(address);
    let terms = |gate| {
        Some(TokenTerms {
            token,
            gate,
            holders_share: 300_000,
        })
    };
    let paid = bench
        .call(
            "content.publish[creator token]",
            CREATOR,
            &content.publish(
                b"bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi".to_vec(),
                JOY,
                AccessTerms::Permanent,
                terms(None),
            ),
            0,
        )
        .expect("publishes");
    let timed = bench
        .call(
            "content.publish[no token]",
            CREATOR,
            &content.publish(
                b"magnet:?xt=urn:btih:c9e15763f722f23e98a29decdfae341b98d53056".to_vec(),
                JOY / 10,
                AccessTerms::Timed { blocks: 14_400 },
                None,
            ),
            0,
        )
        .expect("publishes");
    let gated = bench
        .run(
            CREATOR,
            &content.publish(
                b"bafy-gated".to_vec(),
                JOY,
                AccessTerms::Permanent,
                terms(Some(CRT)),
            ),
            0,
        )
        .expect("publishes");
    bench
        .call(
            "content.purchase_access",
            FAN,
            &content.purchase_access(paid, JOY),
            JOY,
        )
        .expect("buys");
    bench
        .run(FAN, &content.purchase_access(timed, JOY / 10), JOY / 10)
        .expect("buys");
    bench
        .call(
            "content.purchase_access[renewal]",
            FAN,
            &content.purchase_access(timed, JOY / 10),
            JOY / 10,
        )
        .expect("renews");
    bench
        .query("content.quote", FAN, &content.quote(paid))
        .expect("quote");
    assert!(bench.query(
        "content.has_access[purchased]",
        GOVERNANCE,
        &content.has_access(FAN, paid)
    ));
    assert!(bench.query(
        "content.has_access[gated]",
        GOVERNANCE,
        &content.has_access(BACKER, gated)
    ));
}
