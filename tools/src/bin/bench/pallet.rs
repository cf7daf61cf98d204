//! The Joystream `project-token` pallet's benchmarked weights for the same operations
//! (`weights.rs` of the pallet and of the content pallet, generated 2024-04-08 on the
//! prod-test chain): base + per-component · component + reads · R + writes · W, at the
//! component values our measurement uses, in picoseconds like pallet-contracts' ref_time.
//! The extrinsic base weight is excluded on both sides.

const READ: u64 = 4_968_000;
const WRITE: u64 = 64_373_000;

const fn weight(base: u64, components: u64, reads: u64, writes: u64) -> u64 {
    base + components + reads * READ + writes * WRITE
}

/// `transfer(o, m)` with `o` outputs and 1 KB of metadata.
const fn transfer(outputs: u64) -> u64 {
    weight(
        102_180_892,
        10_772_221 * outputs + 1_002_797,
        7 + 2 * outputs,
        4 + outputs,
    )
}

/// The pallet's ref_time for the operation measured under `key`, with the extrinsic's name.
pub fn ref_time(key: &str) -> Option<(&'static str, u64)> {
    Some(match key {
        "token.transfer" | "token.multi_transfer[1 output]" => ("transfer(o=1)", transfer(1)),
        "token.multi_transfer[24 outputs]" => ("transfer(o=24)", transfer(24)),
        "token.dust_account" => ("dust_account", weight(62_869_000, 0, 6, 4)),
        "token.join_whitelist[1 proof step]" => ("join_whitelist(h=1)", weight(81_029_024, 948_122, 7, 4)),
        "token.purchase_tokens_on_sale" => ("purchase_tokens_on_sale", weight(109_418_000, 0, 9, 5)),
        "token.participate_in_split" => ("participate_in_split", weight(76_074_000, 0, 6, 4)),
        "token.exit_revenue_split" => ("exit_revenue_split", weight(44_494_000, 0, 4, 1)),
        "token.burn" => ("burn", weight(44_789_000, 0, 4, 2)),
        "token.buy_on_amm" => ("buy_on_amm (existing account)", weight(99_328_000, 0, 8, 4)),
        "token.buy_on_amm[new account]" => ("buy_on_amm (account creation)", weight(99_896_000, 0, 8, 4)),
        "token.sell_on_amm" => ("sell_on_amm", weight(89_517_000, 0, 7, 4)),
        "factory.set_frozen_status" => ("set_frozen_status", weight(10_506_000, 0, 0, 1)),
        "factory.update_token_constraints[1 field]" => {
            ("update_token_constraints", weight(20_220_000, 0, 0, 9))
        }
        // Issuer-side operations, through the content pallet.
        "factory.issue_token[2 allocations]" => (
            "issue_creator_token(a=2)",
            weight(98_087_219, 10_802_152 * 2, 11, 7),
        ),
        "token.issuer_transfer[1 vested output]" => (
            "creator_token_issuer_transfer(a=1)",
            weight(239_612_642, 12_404_421 + 1_124_562, 11, 5),
        ),
        "token.init_token_sale" => ("init_creator_token_sale", weight(186_191_859, 981_609, 7, 2)),
        "token.update_upcoming_sale" => ("update_upcoming_creator_token_sale", weight(168_120_000, 0, 6, 1)),
        "token.change_to_permissionless" => {
            ("make_creator_token_permissionless", weight(160_201_000, 0, 5, 1))
        }
        "token.reduce_patronage_rate_to" => (
            "reduce_creator_token_patronage_rate_to",
            weight(189_604_000, 0, 5, 1),
        ),
        "token.claim_patronage_credit" => (
            "claim_creator_token_patronage_credit",
            weight(131_207_000, 0, 5, 2),
        ),
        "token.issue_revenue_split" => ("issue_revenue_split", weight(217_245_000, 0, 10, 4)),
        "token.finalize_revenue_split" => ("finalize_revenue_split", weight(197_021_000, 0, 7, 3)),
        "token.finalize_token_sale" => ("finalize_creator_token_sale", weight(182_103_000, 0, 7, 3)),
        "factory.deissue_token" => ("deissue_creator_token", weight(179_188_000, 0, 5, 2)),
        "token.activate_amm" => ("activate_amm", weight(192_189_000, 0, 7, 2)),
        "token.deactivate_amm" => ("deactivate_amm", weight(166_906_000, 0, 7, 1)),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_match_the_reference_table() {
        // "Total (derived)" column: 480.5 µs, 2 437 µs, 350.2 µs, 599.6 µs.
        assert_eq!(transfer(1), 480_532_910);
        assert_eq!(transfer(24) / 1_000_000, 2_437);
        assert_eq!(ref_time("token.dust_account").unwrap().1 / 100_000, 3_501);
        assert_eq!(
            ref_time("factory.update_token_constraints[1 field]").unwrap().1 / 100_000,
            5_995
        );
    }
}
