//! Turns the measurements into `BENCHMARKS.md`, `bench/results.json` and `bench/gas.svg`.

use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use crate::bench::Bench;
use crate::pallet;
use crate::scaling::{slope, HOLDER_COUNTS, OUTPUT_COUNTS, PER_USER, PROOF_LEVELS};

pub const PSP22_TARGET: f64 = 1.3;
pub const SCALING_TARGET: f64 = 1.05;
pub const TOKEN_RELEASE_TARGET: u64 = 64 * 1024;
pub const FACTORY_RELEASE_TARGET: u64 = 24 * 1024;
pub const DEBUG_CAP: u64 = 123 * 1024;

/// Wasm sizes in bytes.
pub struct CodeSizes {
    pub token_release: u64,
    pub token_debug: u64,
    pub library_release: u64,
    pub library_debug: u64,
    pub amm_library_release: u64,
    pub amm_library_debug: u64,
    pub accounts_library_release: u64,
    pub accounts_library_debug: u64,
    pub factory_release: u64,
    pub factory_debug: u64,
    pub factory_library_release: u64,
    pub factory_library_debug: u64,
    pub psp22_release: u64,
    pub content_release: u64,
    pub content_debug: u64,
    pub bandwidth_release: u64,
    pub bandwidth_debug: u64,
    pub governor_release: u64,
    pub governor_debug: u64,
}

pub struct Context {
    pub date: String,
    pub rustc: String,
    pub sizes: CodeSizes,
    /// `bench/before-redesign.json`: the results of the token before the redesign of its
    /// layout (no factory call per message, declared-once library messages), for comparison.
    pub baseline: Option<Value>,
}

/// Everything derived from the rows: ratios, slopes and whether each target is met.
pub struct Derived {
    pub psp22: Vec<(&'static str, f64)>,
    pub scaling: Vec<(&'static str, f64)>,
    pub per_output: f64,
    pub per_level: f64,
    pub targets: Vec<(String, String, bool)>,
}

fn ratio(bench: &Bench, ours: &str, theirs: &str) -> f64 {
    let ours = bench
        .gas(ours)
        .unwrap_or_else(|| panic!("{ours} measured"))
        .ref_time as f64;
    let theirs = bench
        .gas(theirs)
        .unwrap_or_else(|| panic!("{theirs} measured"))
        .ref_time as f64;
    ours / theirs
}

/// `ours / theirs` in ref_time and in proof_size.
fn ratios(bench: &Bench, ours: &str, theirs: &str) -> (f64, f64) {
    let ours = bench.gas(ours).unwrap_or_else(|| panic!("{ours} measured"));
    let theirs = bench.gas(theirs).unwrap_or_else(|| panic!("{theirs} measured"));
    (
        ours.ref_time as f64 / theirs.ref_time as f64,
        ours.proof_size as f64 / theirs.proof_size as f64,
    )
}

/// The least a buy run from a token library can cost, as ratios to the reference `transfer`
/// (ref_time, proof_size): the layout's own cost (`layout.buy_on_amm`) plus the floor's trade
/// work beyond a message doing nothing (`floor.buy_on_amm` − `floor.noop`).
fn library_trade_bound(bench: &Bench) -> (f64, f64) {
    let gas = |key: &str| bench.gas(key).unwrap_or_else(|| panic!("{key} measured"));
    let (layout, buy, noop, reference) = (
        gas("layout.buy_on_amm"),
        gas("floor.buy_on_amm"),
        gas("floor.noop"),
        gas("psp22.transfer"),
    );
    let bound = |layout: u64, buy: u64, noop: u64, reference: u64| {
        (layout.saturating_add(buy).saturating_sub(noop)) as f64 / reference as f64
    };
    (
        bound(layout.ref_time, buy.ref_time, noop.ref_time, reference.ref_time),
        bound(
            layout.proof_size,
            buy.proof_size,
            noop.proof_size,
            reference.proof_size,
        ),
    )
}

/// The hot user messages held to `HOT_TARGET` × the reference `transfer`, by their rows.
const HOT_MESSAGES: [&str; 9] = [
    "token.buy_on_amm",
    "token.sell_on_amm",
    "token.purchase_tokens_on_sale",
    "token.participate_in_split",
    "token.exit_revenue_split",
    "token.claim_patronage_credit",
    "token.join_whitelist[1 proof step]",
    "token.multi_transfer[1 output]",
    "token.dust_account",
];
const HOT_TARGET: f64 = 1.6;

pub fn derive(bench: &Bench, ctx: &Context) -> Derived {
    let psp22: Vec<_> = ["transfer", "approve", "transfer_from"]
        .into_iter()
        .map(|m| (m, ratio(bench, &format!("token.{m}"), &format!("psp22.{m}"))))
        .collect();
    let [few, many] = HOLDER_COUNTS;
    let scaling: Vec<_> = PER_USER
        .into_iter()
        .map(|m| {
            (
                m,
                ratio(
                    bench,
                    &format!("scaling.{many}.{m}"),
                    &format!("scaling.{few}.{m}"),
                ),
            )
        })
        .collect();
    let points = |prefix: &str, xs: &[u32]| -> Vec<_> {
        xs.iter()
            .map(|x| {
                (
                    f64::from(*x),
                    bench.gas(&format!("{prefix}.{x}")).expect("measured"),
                )
            })
            .collect()
    };
    let per_output = slope(&points("multi_transfer.outputs", &OUTPUT_COUNTS));
    let per_level = slope(&points("join_whitelist.levels", &PROOF_LEVELS));
    let worst_scaling = scaling.iter().map(|(_, r)| *r).fold(0.0, f64::max);
    let s = &ctx.sizes;
    let mut targets = Vec::new();
    for m in ["transfer", "approve", "transfer_from", "balance_of"] {
        let (time, proof) = ratios(bench, &format!("token.{m}"), &format!("psp22.{m}"));
        targets.push((
            format!("PSP22 `{m}` ≤ {PSP22_TARGET}× the psp22 reference (ref_time / proof_size)"),
            format!("{time:.2}× / {proof:.2}×"),
            time <= PSP22_TARGET && proof <= PSP22_TARGET,
        ));
    }
    for key in HOT_MESSAGES {
        let (time, proof) = ratios(bench, key, "psp22.transfer");
        targets.push((
            format!("`{key}` ≤ {HOT_TARGET}× the reference `transfer` (ref_time / proof_size)"),
            format!("{time:.2}× / {proof:.2}×"),
            time <= HOT_TARGET && proof <= HOT_TARGET,
        ));
    }
    targets.extend([
        (
            format!("per-user messages at {many} vs {few} holders ≤ {SCALING_TARGET}×"),
            format!("worst {worst_scaling:.3}×"),
            worst_scaling <= SCALING_TARGET,
        ),
        (
            "release token ≤ 64 KiB".into(),
            format!("{} B", s.token_release),
            s.token_release <= TOKEN_RELEASE_TARGET,
        ),
        (
            "release factory ≤ 24 KiB".into(),
            format!("{} B", s.factory_release),
            s.factory_release <= FACTORY_RELEASE_TARGET,
        ),
        (
            "debug builds < 123 KiB (sandbox cap)".into(),
            format!(
                "{} B / {} B / {} B / {} B / {} B / {} B",
                s.token_debug,
                s.library_debug,
                s.amm_library_debug,
                s.accounts_library_debug,
                s.factory_debug,
                s.factory_library_debug
            ),
            [
                s.token_debug,
                s.library_debug,
                s.amm_library_debug,
                s.accounts_library_debug,
                s.factory_debug,
                s.factory_library_debug,
            ]
            .iter()
            .all(|&size| size < DEBUG_CAP),
        ),
    ]);
    Derived {
        psp22,
        scaling,
        per_output,
        per_level,
        targets,
    }
}

fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn signed(n: i128) -> String {
    match n {
        0 => "0".into(),
        n if n > 0 => format!("+{}", group(n as u64)),
        n => format!("−{}", group(n.unsigned_abs() as u64)),
    }
}

pub fn markdown(bench: &Bench, ctx: &Context, d: &Derived) -> String {
    let mut md = String::new();
    let [few, many] = HOLDER_COUNTS;
    let _ = writeln!(md, "# Benchmarks\n");
    let _ = writeln!(
        md,
        "Generated by `scripts/bench.sh` on {} with {}, ink! 5.1.1, on the pallet-contracts runtime \
         embedded by `ink_sandbox` 5.1.1 (no node), from release builds. `ref_time` is in picoseconds \
         (10⁶ = 1 µs), `proof_size` in bytes, the storage deposit in JOY base units (10⁻¹⁰ JOY; \
         negative = refunded). Each figure is pallet-contracts' `gas_required` for one message. \
         Machine-readable: [`bench/results.json`](bench/results.json).\n",
        ctx.date, ctx.rustc
    );
    let _ = writeln!(md, "![gas per message](bench/gas.svg)\n");
    let _ = writeln!(
        md,
        "## Targets (docs/architecture.md)\n\n| Target | Measured | Met |\n|---|---|---|"
    );
    for (target, measured, met) in &d.targets {
        let _ = writeln!(
            md,
            "| {target} | {measured} | {} |",
            if *met { "yes" } else { "**no**" }
        );
    }
    let _ = writeln!(
        md,
        "\n**The floor of an AMM trade.** `amm_floor` (a test contract) does a buy's and a sale's \
         storage and JOY work and nothing else — it reads and writes a root, an account and an \
         AMM cell of the token's sizes, moves the reserve's JOY and the fee, emits one event — \
         with no pricing, checks, freeze check or library. Against the reference `transfer`:"
    );
    for m in ["buy_on_amm", "sell_on_amm"] {
        let (floor_time, floor_proof) = ratios(bench, &format!("floor.{m}"), "psp22.transfer");
        let (time, proof) = ratios(bench, &format!("token.{m}"), &format!("floor.{m}"));
        let _ = writeln!(
            md,
            "- `{m}`: the floor is {floor_time:.2}× / {floor_proof:.2}× (ref_time / proof_size); \
             the token's is {time:.2}× / {proof:.2}× the floor."
        );
    }
    let (layout_time, layout_proof) = ratios(bench, "layout.buy_on_amm", "psp22.transfer");
    let (bound_time, bound_proof) = library_trade_bound(bench);
    let per_kb = 1024.0
        / bench
            .gas("psp22.transfer")
            .map_or(f64::NAN, |g| g.proof_size as f64);
    let _ = writeln!(
        md,
        "\n**What the library layout costs.** `library_floor` (a test library) answers whatever \
         the token forwards to it by reading the root cell and returning `Ok`, with no other \
         code. A `buy_on_amm` run through it — the token's code and entry point, the delegate \
         call, the library's root read, no work — costs {layout_time:.2}× / {layout_proof:.2}× \
         the reference `transfer`. Add the floor's trade work (its buy less its `noop`) and a \
         buy run from any library of this token costs at least **{bound_time:.2}× / \
         {bound_proof:.2}×** the reference `transfer`, before a byte of the library's own code \
         (each KB of which adds 1 024 B of proof, {per_kb:.3}× of the reference's), against the \
         {HOT_TARGET}× target."
    );

    let s = &ctx.sizes;
    let _ = writeln!(
        md,
        "\n## Code size (Wasm bytes)\n\n| Contract | Release | Debug |\n|---|---|---|"
    );
    for (contract, release, debug) in [
        ("token (`crt`)", s.token_release, s.token_debug),
        (
            "token library (`crt_library`, delegate-called)",
            s.library_release,
            s.library_debug,
        ),
        (
            "AMM library (`amm_library`, delegate-called)",
            s.amm_library_release,
            s.amm_library_debug,
        ),
        (
            "accounts library (`accounts_library`, delegate-called)",
            s.accounts_library_release,
            s.accounts_library_debug,
        ),
        ("factory", s.factory_release, s.factory_debug),
        (
            "factory library (`factory_library`, delegate-called)",
            s.factory_library_release,
            s.factory_library_debug,
        ),
    ] {
        let _ = writeln!(md, "| {contract} | {} | {} |", group(release), group(debug));
    }
    let _ = writeln!(
        md,
        "| content access (`content`) | {} | {} |",
        group(s.content_release),
        group(s.content_debug)
    );
    let _ = writeln!(
        md,
        "| bandwidth channels (`bandwidth`) | {} | {} |",
        group(s.bandwidth_release),
        group(s.bandwidth_debug)
    );
    let _ = writeln!(
        md,
        "| governor (`governor`) | {} | {} |",
        group(s.governor_release),
        group(s.governor_debug)
    );
    let _ = writeln!(md, "| `psp22` reference token | {} | – |", group(s.psp22_release));

    let _ = writeln!(
        md,
        "\n## PSP22 side by side with the `psp22` crate's own token\n\n\
         Same state on both: the sender holds tokens, the recipient already has an account.\n\n\
         | Message | CRT ref_time | reference ref_time | ratio | CRT proof_size | reference proof_size |\n|---|---|---|---|---|---|"
    );
    for (message, r) in &d.psp22 {
        let ours = bench.gas(&format!("token.{message}")).expect("measured");
        let theirs = bench.gas(&format!("psp22.{message}")).expect("measured");
        let _ = writeln!(
            md,
            "| `{message}` | {} | {} | {r:.2}× | {} | {} |",
            group(ours.ref_time),
            group(theirs.ref_time),
            group(ours.proof_size),
            group(theirs.proof_size)
        );
    }

    let _ = writeln!(
        md,
        "\n## Scaling: per-user messages with {few} and with {many} holders\n\n\
         | Message | ref_time @ {few} | ref_time @ {many} | ratio | proof_size @ {few} | proof_size @ {many} |\n|---|---|---|---|---|---|"
    );
    for (message, r) in &d.scaling {
        let a = bench.gas(&format!("scaling.{few}.{message}")).expect("measured");
        let b = bench.gas(&format!("scaling.{many}.{message}")).expect("measured");
        let _ = writeln!(
            md,
            "| `{message}` | {} | {} | {r:.3}× | {} | {} |",
            group(a.ref_time),
            group(b.ref_time),
            group(a.proof_size),
            group(b.proof_size)
        );
    }
    let _ = writeln!(
        md,
        "\n`multi_transfer` costs **{} ref_time per extra output** (existing accounts; least squares over {:?} outputs); \
         `join_whitelist` costs **{} ref_time per proof level** (over {:?} levels).",
        group(d.per_output.round() as u64),
        OUTPUT_COUNTS,
        group(d.per_level.round() as u64),
        PROOF_LEVELS
    );

    if let Some(baseline) = &ctx.baseline {
        before_after(&mut md, bench, ctx, baseline);
    }

    let _ = writeln!(
        md,
        "\n## Every message\n\n\
         `pallet` is the Joystream pallet's benchmarked weight for the same operation (base + DB reads and \
         writes, without the extrinsic base); `×pallet` is what running as a contract costs in comparison. \
         `per block` is how many of the message fit one block of 2 s of ref_time and a 5 MiB proof, and \
         which of the two bounds it (the whole block, before a chain's share for normal transactions).\n\n\
         | Message | ref_time | proof_size | storage deposit | per block | pallet extrinsic | pallet ref_time | ×pallet |\n|---|---|---|---|---|---|---|---|"
    );
    for row in bench.rows.iter().filter(|r| {
        ["token.", "factory.", "content.", "bandwidth.", "governor."]
            .iter()
            .any(|p| r.key.starts_with(p))
    }) {
        let (name, theirs, times) = match pallet::ref_time(&row.key) {
            Some((name, t)) => (
                name.to_string(),
                group(t),
                format!("{:.1}×", row.gas.ref_time as f64 / t as f64),
            ),
            None => ("–".into(), "–".into(), "–".into()),
        };
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} | {} | {name} | {theirs} | {times} |",
            row.key,
            group(row.gas.ref_time),
            group(row.gas.proof_size),
            signed(row.gas.deposit),
            per_block(row.gas.ref_time, row.gas.proof_size)
        );
    }
    let _ = writeln!(
        md,
        "\nNot measured on their own: the token's `deissue` (called by the factory inside \
         `factory.deissue_token`) and the factory's `record_issuer_change` (called by the token inside \
         `token.accept_issuer`); their cost is part of those rows."
    );
    md
}

/// The rows compared with the baseline.
const COMPARED: [&str; 13] = [
    "token.transfer",
    "token.approve",
    "token.transfer_from",
    "token.balance_of",
    "token.buy_on_amm",
    "token.sell_on_amm",
    "token.purchase_tokens_on_sale",
    "token.participate_in_split",
    "token.claim_patronage_credit",
    "token.multi_transfer[1 output]",
    "token.join_whitelist[1 proof step]",
    "token.dust_account",
    "token.burn",
];

fn before_after(md: &mut String, bench: &Bench, ctx: &Context, baseline: &Value) {
    let _ = writeln!(
        md,
        "\n## Before and after the redesign\n\n\
         Before: the token as it was when every message asked the factory for the frozen flag and \
         the parameters, and the library's messages were re-encoded by 28 stubs (`bench/before-redesign.json`, \
         generated {}). After: this run.\n\n\
         | | before | after | change |\n|---|---|---|---|",
        baseline["generated"].as_str().unwrap_or("?")
    );
    let sizes = &baseline["code_size"];
    for (label, key, now) in [
        ("token Wasm (release)", "token.release", ctx.sizes.token_release),
        (
            "token library Wasm (release)",
            "library.release",
            ctx.sizes.library_release,
        ),
        (
            "factory Wasm (release)",
            "factory.release",
            ctx.sizes.factory_release,
        ),
    ] {
        if let Some(before) = sizes[key].as_u64() {
            let _ = writeln!(
                md,
                "| {label} | {} B | {} B | {} |",
                group(before),
                group(now),
                change(before, now)
            );
        }
    }
    for key in COMPARED {
        let before = &baseline["messages"][key];
        let (Some(time), Some(proof), Some(now)) = (
            before["ref_time"].as_u64(),
            before["proof_size"].as_u64(),
            bench.gas(key),
        ) else {
            continue;
        };
        let _ = writeln!(
            md,
            "| `{key}` ref_time | {} | {} | {} |\n| `{key}` proof_size | {} | {} | {} |",
            group(time),
            group(now.ref_time),
            change(time, now.ref_time),
            group(proof),
            group(now.proof_size),
            change(proof, now.proof_size)
        );
    }
}

fn change(before: u64, after: u64) -> String {
    format!("{:+.1} %", (after as f64 / before as f64 - 1.0) * 100.0)
}

/// A block's budget: 2 s of ref_time (in ps) and a 5 MiB proof of validity.
const BLOCK_REF_TIME: u64 = 2_000_000_000_000;
const BLOCK_PROOF_SIZE: u64 = 5 * 1024 * 1024;

/// How many calls of this cost fit one block, and which budget runs out first.
fn per_block(ref_time: u64, proof_size: u64) -> String {
    let by_time = BLOCK_REF_TIME / ref_time.max(1);
    let by_proof = BLOCK_PROOF_SIZE / proof_size.max(1);
    if by_proof <= by_time {
        format!("{} (proof)", group(by_proof))
    } else {
        format!("{} (time)", group(by_time))
    }
}

pub fn json(bench: &Bench, ctx: &Context, d: &Derived) -> Value {
    let mut messages = Map::new();
    for row in &bench.rows {
        messages.insert(
            row.key.clone(),
            json!({"ref_time": row.gas.ref_time, "proof_size": row.gas.proof_size, "storage_deposit": row.gas.deposit}),
        );
    }
    let mut ratios = Map::new();
    for (message, r) in &d.psp22 {
        ratios.insert(format!("psp22.{message}.ref_time"), json!(r));
    }
    for (message, r) in &d.scaling {
        ratios.insert(format!("scaling.{message}.ref_time"), json!(r));
    }
    for row in &bench.rows {
        if let Some((_, t)) = pallet::ref_time(&row.key) {
            ratios.insert(
                format!("pallet.{}.ref_time", row.key),
                json!(row.gas.ref_time as f64 / t as f64),
            );
        }
    }
    let (bound_time, bound_proof) = library_trade_bound(bench);
    ratios.insert("bound.library_buy_on_amm.ref_time".into(), json!(bound_time));
    ratios.insert("bound.library_buy_on_amm.proof_size".into(), json!(bound_proof));
    let s = &ctx.sizes;
    json!({
        "generated": ctx.date,
        "toolchain": {"rustc": ctx.rustc, "ink": "5.1.1", "runtime": "ink_sandbox 5.1.1 DefaultSandbox"},
        "messages": messages,
        "ratios": ratios,
        "slopes": {
            "multi_transfer.per_output.ref_time": d.per_output,
            "join_whitelist.per_level.ref_time": d.per_level,
        },
        "code_size": {
            "token.release": s.token_release, "token.debug": s.token_debug,
            "library.release": s.library_release, "library.debug": s.library_debug,
            "amm_library.release": s.amm_library_release, "amm_library.debug": s.amm_library_debug,
            "accounts_library.release": s.accounts_library_release, "accounts_library.debug": s.accounts_library_debug,
            "factory.release": s.factory_release, "factory.debug": s.factory_debug,
            "factory_library.release": s.factory_library_release,
            "factory_library.debug": s.factory_library_debug,
            "psp22_reference.release": s.psp22_release,
            "content.release": s.content_release, "content.debug": s.content_debug,
            "bandwidth.release": s.bandwidth_release, "bandwidth.debug": s.bandwidth_debug,
            "governor.release": s.governor_release, "governor.debug": s.governor_debug,
        },
        "targets": d.targets.iter().map(|(t, m, ok)| json!({"target": t, "measured": m, "met": ok})).collect::<Vec<_>>(),
    })
}

/// Horizontal bars on a log scale: our ref_time per message beside the pallet's and the
/// `psp22` reference's where they exist.
pub fn svg(bench: &Bench) -> String {
    let mut bars: Vec<(String, u64, Option<u64>, Option<u64>)> = Vec::new();
    for row in bench
        .rows
        .iter()
        .filter(|r| r.key.starts_with("token.") || r.key.starts_with("factory."))
    {
        let pallet = pallet::ref_time(&row.key).map(|(_, t)| t);
        let reference = bench
            .gas(&row.key.replacen("token.", "psp22.", 1))
            .map(|g| g.ref_time);
        let reference = reference.filter(|_| row.key.starts_with("token."));
        if pallet.is_some() || reference.is_some() {
            bars.push((row.key.clone(), row.gas.ref_time, pallet, reference));
        }
    }
    let (label_w, plot_w, row_h) = (330.0, 560.0, 30.0);
    let (lo, hi) = (7.0_f64, 11.0_f64); // 10^7 .. 10^11 ps
    let x = |v: u64| label_w + plot_w * (((v.max(1) as f64).log10() - lo) / (hi - lo)).clamp(0.0, 1.0);
    let height = 60.0 + row_h * bars.len() as f64 + 40.0;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{height}" font-family="sans-serif" font-size="11">"#,
        label_w + plot_w + 20.0
    );
    let _ = writeln!(svg, r##"<rect width="100%" height="100%" fill="#fff"/>"##);
    let _ = writeln!(
        svg,
        r#"<text x="10" y="20" font-size="14">ref_time per message (log scale, ps): CRT contract vs Joystream pallet vs psp22 reference</text>"#
    );
    for (i, (colour, label)) in [
        ("#3b6fb6", "CRT (this suite)"),
        ("#e08a2e", "Joystream pallet"),
        ("#4a9a4a", "psp22 reference"),
    ]
    .iter()
    .enumerate()
    {
        let lx = 10.0 + 170.0 * i as f64;
        let _ = writeln!(
            svg,
            r#"<rect x="{lx}" y="30" width="12" height="10" fill="{colour}"/><text x="{}" y="39">{label}</text>"#,
            lx + 16.0
        );
    }
    for exp in 7..=11 {
        let gx = x(10u64.pow(exp));
        let _ = writeln!(
            svg,
            r##"<line x1="{gx}" y1="50" x2="{gx}" y2="{}" stroke="#ccc"/><text x="{gx}" y="{}" text-anchor="middle">1e{exp}</text>"##,
            height - 30.0,
            height - 15.0
        );
    }
    for (i, (key, ours, pallet, reference)) in bars.iter().enumerate() {
        let y = 55.0 + row_h * i as f64;
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="end">{key}</text>"#,
            label_w - 6.0,
            y + 14.0
        );
        let mut bar = |v: u64, dy: f64, colour: &str| {
            let _ = writeln!(
                svg,
                r#"<rect x="{label_w}" y="{}" width="{:.1}" height="8" fill="{colour}"/>"#,
                y + dy,
                x(v) - label_w
            );
        };
        bar(*ours, 2.0, "#3b6fb6");
        if let Some(p) = pallet {
            bar(*p, 11.0, "#e08a2e");
        }
        if let Some(r) = reference {
            bar(*r, 20.0, "#4a9a4a");
        }
    }
    svg.push_str("</svg>\n");
    svg
}
