//! Builds the release (or, with `--debug`, debug) bundles of the suite's five contracts —
//! `target/ink/<name>/<name>.contract`, `.json` and `.wasm` — through `contract-build`, the
//! library cargo-contract's CLI is made of, so no CLI needs installing. Prints each Wasm size
//! against its target: token ≤ 64 KiB and factory ≤ 24 KiB in release; every contract under the
//! sandbox's 123 KiB code cap in debug (which also bounds the two libraries in release).
//! `--strict` exits with 1 when a target is missed.
//!
//! `scripts/build.sh` runs it.

use crt_tools::build::{bundle, BuildMode};

/// The sandbox's code-size cap.
const CODE_CAP: u64 = 125_952;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let debug = args.iter().any(|a| a == "--debug");
    let strict = args.iter().any(|a| a == "--strict");
    if let Some(unknown) = args.iter().find(|a| *a != "--debug" && *a != "--strict") {
        eprintln!("unknown option {unknown}; usage: bundle [--debug] [--strict]");
        std::process::exit(2);
    }
    let mode = if debug {
        BuildMode::Debug
    } else {
        BuildMode::Release
    };
    let mut missed = false;
    for (dir, name) in [
        ("crt", "crt"),
        ("crt-library", "crt_library"),
        ("factory", "factory"),
        ("factory-library", "factory_library"),
        ("live-marker", "live_marker"),
    ] {
        let wasm = bundle(dir, mode);
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
            "{name:<15} {size:>7} bytes ({:>5.1} KiB; target {:>3} KiB: {verdict})  target/ink/{name}/{name}.contract",
            size as f64 / 1024.0,
            target / 1024
        );
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let named = name_forwarded_arguments(&root.join("target/ink"));
    println!("crt: {named} forwarded message arguments named as the library declares them");
    if missed && strict {
        std::process::exit(1);
    }
}

/// The token's own code declares the arguments of the messages it forwards to its library as
/// `Arg<T>` (see `crt_logic::forward`), so its metadata names their type `Arg` where clients
/// look for `Balance`, `AccountId`, `Option`…: the types themselves are right. This gives each
/// such argument the display name the library's metadata has for the same message (same
/// selector: both implement the same trait), in `crt.json` and in `crt.contract`, and fails if
/// any is left. Returns how many arguments it named.
fn name_forwarded_arguments(ink_dir: &std::path::Path) -> usize {
    let read = |path: &std::path::Path| -> serde_json::Value {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str(&text).expect("metadata JSON")
    };
    let library = read(&ink_dir.join("crt_library/crt_library.json"));
    let names: std::collections::HashMap<&str, Vec<serde_json::Value>> = library["spec"]["messages"]
        .as_array()
        .expect("library messages")
        .iter()
        .map(|m| {
            let args = m["args"].as_array().expect("args");
            (
                m["selector"].as_str().expect("selector"),
                args.iter().map(|a| a["type"]["displayName"].clone()).collect(),
            )
        })
        .collect();
    let mut named = 0;
    for file in ["crt/crt.json", "crt/crt.contract"] {
        let path = ink_dir.join(file);
        let mut metadata = read(&path);
        named = 0;
        for message in metadata["spec"]["messages"]
            .as_array_mut()
            .expect("token messages")
        {
            let selector = message["selector"].as_str().expect("selector").to_string();
            let label = message["label"].as_str().unwrap_or_default().to_string();
            for (i, arg) in message["args"]
                .as_array_mut()
                .expect("args")
                .iter_mut()
                .enumerate()
            {
                if arg["type"]["displayName"] != serde_json::json!(["Arg"]) {
                    continue;
                }
                let name = names
                    .get(selector.as_str())
                    .and_then(|args| args.get(i))
                    .unwrap_or_else(|| panic!("{label}: argument {i} is not in the library's metadata"));
                arg["type"]["displayName"] = name.clone();
                named += 1;
            }
        }
        let text = serde_json::to_string_pretty(&metadata).expect("JSON");
        std::fs::write(&path, text + "\n").expect("write metadata");
    }
    named
}
