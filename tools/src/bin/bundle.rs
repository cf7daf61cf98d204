//! Builds the release (or, with `--debug`, debug) bundles of the suite's eight contracts —
//! `target/ink/<name>/<name>.contract`, `.json` and `.wasm` — through `contract-build`, the
//! library cargo-contract's CLI is made of, so no CLI needs installing. Prints each Wasm size
//! against its target: token ≤ 64 KiB and factory ≤ 24 KiB in release; every contract under the
//! sandbox's 123 KiB code cap in debug (which also bounds the two libraries in release).
//! `--strict` exits with 1 when a target is missed. `--code-only` builds the Wasm blobs alone
//! — no metadata, and without cargo-contract's clippy pass, which the suite's own lint covers —
//! in about half the time: what `scripts/demo.sh` plays.
//!
//! `scripts/build.sh` runs it.

use crt_tools::build::{bundle, contract, skip_contract_clippy, BuildMode};

/// The sandbox's code-size cap.
const CODE_CAP: u64 = 125_952;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let debug = args.iter().any(|a| a == "--debug");
    let strict = args.iter().any(|a| a == "--strict");
    let code_only = args.iter().any(|a| a == "--code-only");
    if let Some(unknown) = args
        .iter()
        .find(|a| !["--debug", "--strict", "--code-only"].contains(&a.as_str()))
    {
        eprintln!("unknown option {unknown}; usage: bundle [--debug] [--strict] [--code-only]");
        std::process::exit(2);
    }
    let mode = if debug {
        BuildMode::Debug
    } else {
        BuildMode::Release
    };
    if code_only {
        skip_contract_clippy();
    }
    let mut missed = false;
    for (dir, name) in [
        ("crt", "crt"),
        ("crt-library", "crt_library"),
        ("amm-library", "amm_library"),
        ("accounts-library", "accounts_library"),
        ("factory", "factory"),
        ("factory-library", "factory_library"),
        ("live-marker", "live_marker"),
        ("content", "content"),
        ("bandwidth", "bandwidth"),
        ("governor", "governor"),
    ] {
        let wasm = if code_only {
            contract(dir, mode)
        } else {
            bundle(dir, mode)
        };
        let size = std::fs::metadata(&wasm).expect("built Wasm").len();
        let target = match (name, debug) {
            ("crt", false) => 65_536,
            ("factory", false) => 24_576,
            _ => CODE_CAP,
        };
        let verdict = if size <= target {
            "within target"
        } else {
            missed = true;
            "OVER TARGET"
        };
        println!(
            "{name:<15} {size:>7} bytes ({:>5.1} KiB; target {:>3} KiB: {verdict})  target/ink/{name}/{name}.{}",
            size as f64 / 1024.0,
            target / 1024,
            if code_only { "wasm" } else { "contract" }
        );
    }
    if missed && strict {
        std::process::exit(1);
    }
}
