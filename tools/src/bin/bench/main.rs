//! `scripts/bench.sh`: gas, storage deposit and code size of every token and factory message
//! on the embedded pallet-contracts runtime, side by side with the `psp22` crate's own token
//! and the Joystream pallet's weights; per-user messages at 10 and 10 000 holders.
//!
//! Writes `BENCHMARKS.md`, `bench/results.json` and `bench/gas.svg` at the workspace root and
//! prints a summary. Date and toolchain come from `BENCH_DATE` / `BENCH_RUSTC`.

mod bandwidth;
mod bench;
mod chain;
mod content;
mod floor;
mod governance;
mod governor;
mod lifecycle;
mod pallet;
mod report;
mod scaling;

use std::path::{Path, PathBuf};

use crt_tools::build::{self, BuildMode};

use crate::bench::Bench;
use crate::report::{CodeSizes, Context};

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).expect("built Wasm").len()
}

fn main() {
    // Debug and release builds write the same path: size the debug ones first.
    let token_debug = size(&build::contract("crt", BuildMode::Debug));
    let library_debug = size(&build::contract("crt-library", BuildMode::Debug));
    let amm_library_debug = size(&build::contract("amm-library", BuildMode::Debug));
    let accounts_library_debug = size(&build::contract("accounts-library", BuildMode::Debug));
    let factory_debug = size(&build::contract("factory", BuildMode::Debug));
    let factory_library_debug = size(&build::contract("factory-library", BuildMode::Debug));
    let content_debug = size(&build::contract("content", BuildMode::Debug));
    let bandwidth_debug = size(&build::contract("bandwidth", BuildMode::Debug));
    let governor_debug = size(&build::contract("governor", BuildMode::Debug));
    let token_code = std::fs::read(build::contract("crt", BuildMode::Release)).expect("token Wasm");
    let library_code =
        std::fs::read(build::contract("crt-library", BuildMode::Release)).expect("library Wasm");
    let amm_library_code =
        std::fs::read(build::contract("amm-library", BuildMode::Release)).expect("AMM library Wasm");
    let accounts_library_code = std::fs::read(build::contract("accounts-library", BuildMode::Release))
        .expect("accounts library Wasm");
    let factory_code = std::fs::read(build::contract("factory", BuildMode::Release)).expect("factory Wasm");
    let factory_library_code =
        std::fs::read(build::contract("factory-library", BuildMode::Release)).expect("factory library Wasm");
    let live_marker_code =
        std::fs::read(build::contract("live-marker", BuildMode::Release)).expect("live marker Wasm");
    let psp22_code = std::fs::read(build::psp22_reference(BuildMode::Release)).expect("psp22 Wasm");
    let content_code = std::fs::read(build::contract("content", BuildMode::Release)).expect("content Wasm");
    let bandwidth_code =
        std::fs::read(build::contract("bandwidth", BuildMode::Release)).expect("bandwidth Wasm");
    let governor_code =
        std::fs::read(build::contract("governor", BuildMode::Release)).expect("governor Wasm");
    let sizes = CodeSizes {
        token_release: token_code.len() as u64,
        token_debug,
        library_release: library_code.len() as u64,
        library_debug,
        amm_library_release: amm_library_code.len() as u64,
        amm_library_debug,
        accounts_library_release: accounts_library_code.len() as u64,
        accounts_library_debug,
        factory_release: factory_code.len() as u64,
        factory_debug,
        factory_library_release: factory_library_code.len() as u64,
        factory_library_debug,
        psp22_release: psp22_code.len() as u64,
        content_release: content_code.len() as u64,
        content_debug,
        bandwidth_release: bandwidth_code.len() as u64,
        bandwidth_debug,
        governor_release: governor_code.len() as u64,
        governor_debug,
    };

    let mut bench = Bench::new();
    let (code_hashes, mut factory) = lifecycle::deploy_factory(
        &mut bench,
        [
            &token_code,
            &library_code,
            &amm_library_code,
            &accounts_library_code,
            &factory_code,
            &factory_library_code,
            &live_marker_code,
        ],
    );
    eprintln!("bench: every message of a token's life");
    lifecycle::run(&mut bench, &mut factory, code_hashes);
    eprintln!("bench: psp22 reference token");
    scaling::psp22_reference(&mut bench, &psp22_code);
    eprintln!("bench: the floor of an AMM trade");
    let floor_code = std::fs::read(build::contract("amm-floor", BuildMode::Release)).expect("floor Wasm");
    floor::amm(&mut bench, &floor_code);
    let library_floor_code =
        std::fs::read(build::contract("library-floor", BuildMode::Release)).expect("library floor Wasm");
    floor::library(&mut bench, &mut factory, &library_floor_code);
    for holders in scaling::HOLDER_COUNTS {
        eprintln!("bench: per-user messages with {holders} holders");
        scaling::per_user(&mut bench, &mut factory, holders);
    }
    eprintln!("bench: content access");
    content::run(&mut bench, &mut factory, &content_code);
    eprintln!("bench: bandwidth channels");
    bandwidth::run(&mut bench, &mut factory, &bandwidth_code);
    eprintln!("bench: multi_transfer outputs, whitelist proof levels");
    scaling::outputs(&mut bench, &mut factory);
    scaling::proof_levels(&mut bench, &mut factory);
    // Last: the factory's governance goes to the governor.
    eprintln!("bench: governor");
    governor::run(&mut bench, &mut factory, &governor_code);

    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let baseline = std::fs::read(root.join("bench/before-redesign.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok());
    let ctx = Context {
        date: std::env::var("BENCH_DATE").unwrap_or_else(|_| "unknown date".into()),
        rustc: std::env::var("BENCH_RUSTC").unwrap_or_else(|_| "rustc (unknown version)".into()),
        sizes,
        baseline,
    };
    let derived = report::derive(&bench, &ctx);
    std::fs::create_dir_all(root.join("bench")).expect("bench dir");
    std::fs::write(
        root.join("BENCHMARKS.md"),
        report::markdown(&bench, &ctx, &derived),
    )
    .expect("write");
    let json = serde_json::to_string_pretty(&report::json(&bench, &ctx, &derived)).expect("json");
    std::fs::write(root.join("bench/results.json"), json + "\n").expect("write");
    std::fs::write(root.join("bench/gas.svg"), report::svg(&bench)).expect("write");

    println!("\nmessages measured: {}", bench.rows.len());
    for (message, r) in &derived.psp22 {
        println!("  {message:<14} {r:.2}× the psp22 reference (ref_time)");
    }
    for (message, r) in &derived.scaling {
        println!("  {message:<42} {r:.3}× at 10 000 vs 10 holders");
    }
    println!(
        "  multi_transfer per extra output: {:.0} ref_time; join_whitelist per proof level: {:.0}",
        derived.per_output, derived.per_level
    );
    for (target, measured, met) in &derived.targets {
        println!("  [{}] {target}: {measured}", if *met { "met" } else { "MISSED" });
    }
    println!("wrote BENCHMARKS.md, bench/results.json, bench/gas.svg");
}
