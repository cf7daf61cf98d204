//! Builds the suite's contracts (debug Wasm, as on a development chain) once per test process,
//! and, for the benchmarks, release builds and the `psp22` crate's own reference token.
//!
//! `#[ink_e2e::test]` would build every crate in the dependency graph that declares an
//! `ink-as-dependency` feature, and the `psp22` crate (whose traits and events the token
//! implements) declares one but does not pass cargo-contract 5's clippy gate. So the suite
//! builds exactly its two contracts and hands them to the sandbox client itself.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use contract_build::BuildMode;
use contract_build::{
    BuildArtifacts, ExecuteArgs, Features, ImageVariant, ManifestPath, Network, OptimizationPasses,
    OutputType, Target, UnstableFlags, Verbosity, DEFAULT_MAX_MEMORY_PAGES,
};

/// The contracts of the suite, by crate directory under `contracts/`.
/// `psp22-router` is a test contract: a minimal router that pays tokens out with PSP22 calls.
pub const CONTRACTS: [&str; 11] = [
    "crt",
    "crt-library",
    "amm-library",
    "accounts-library",
    "factory",
    "factory-library",
    "live-marker",
    "psp22-router",
    "content",
    "bandwidth",
    "governor",
];

/// Paths of the built Wasm blobs (built on first use; later calls wait for and reuse them).
/// The contracts clients call — token, factory, content, bandwidth, governor — are built with
/// their metadata too
/// ([`metadata`]).
pub fn contracts() -> Vec<PathBuf> {
    static BUILT: OnceLock<Vec<PathBuf>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            CONTRACTS
                .iter()
                .map(|name| {
                    let artifacts = if ["crt", "factory", "content", "bandwidth", "governor"].contains(name) {
                        BuildArtifacts::All
                    } else {
                        BuildArtifacts::CodeOnly
                    };
                    build_artifacts(&contracts_dir().join(name), BuildMode::Debug, artifacts)
                })
                .collect()
        })
        .clone()
}

/// The token's metadata (`target/ink/crt/crt.json`) as [`contracts`] built it.
pub fn token_metadata() -> serde_json::Value {
    metadata("crt")
}

/// The metadata of `crt`, `factory`, `content`, `bandwidth` or `governor`
/// (`target/ink/<name>/<name>.json`)
/// as [`contracts`] built it.
pub fn metadata(name: &str) -> serde_json::Value {
    contracts();
    let path = workspace_dir().join(format!("target/ink/{name}/{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("metadata JSON")
}

fn contracts_dir() -> PathBuf {
    workspace_dir().join("contracts")
}

fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Builds one of the suite's contracts (a directory under `contracts/`) and returns its Wasm blob.
/// Debug and release builds write the same path, so read the blob before the next build.
pub fn contract(name: &str, mode: BuildMode) -> PathBuf {
    build(&contracts_dir().join(name), mode)
}

/// Builds the reference token of the `psp22` crate this workspace depends on (its
/// `lib.rs` is itself a contract), from the crate's own sources, into `target/psp22-reference`.
///
/// cargo-contract runs `cargo clippy` on a crate before building it, with
/// `-D clippy::arithmetic_side_effects` and the cast lints. The reference crate does not pass
/// them (it is not ours to change), and the check would compile its whole native dependency
/// tree once more, so for this build only it is skipped ([`skip_contract_clippy`]). The Wasm
/// build is cargo-contract's own.
pub fn psp22_reference(mode: BuildMode) -> PathBuf {
    let metadata = std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(workspace_dir().join("Cargo.toml"))
        .output()
        .expect("cargo metadata runs");
    assert!(metadata.status.success(), "cargo metadata failed");
    let metadata: serde_json::Value = serde_json::from_slice(&metadata.stdout).expect("cargo metadata JSON");
    let manifest = metadata["packages"]
        .as_array()
        .and_then(|packages| packages.iter().find(|p| p["name"] == "psp22"))
        .and_then(|p| p["manifest_path"].as_str())
        .map(PathBuf::from)
        .expect("the workspace depends on the psp22 crate");
    let target_dir = workspace_dir().join("target").join("psp22-reference");
    let cargo = skip_contract_clippy();
    std::env::set_var("CARGO_TARGET_DIR", &target_dir);
    let wasm = build(manifest.parent().expect("crate dir"), mode);
    std::env::set_var("CARGO", cargo);
    std::env::remove_var("CARGO_TARGET_DIR");
    wasm
}

/// From now on in this process, contract builds skip the `cargo clippy` pass cargo-contract
/// runs before each build: `cargo` becomes a wrapper that exits at once for `clippy` and runs
/// every other subcommand unchanged. Returns the real `cargo` (restore `CARGO` to it to undo).
/// For single-threaded tools only (it sets environment variables). The suite's own lint
/// (`cargo clippy --workspace -D warnings`, CI's lint phase) checks the contracts' code.
pub fn skip_contract_clippy() -> String {
    let dir = workspace_dir().join("target");
    std::fs::create_dir_all(&dir).expect("target dir");
    let wrapper = dir.join("cargo-without-clippy");
    std::fs::write(
        &wrapper,
        "#!/bin/sh\n[ \"$1\" = clippy ] && exit 0\nexec \"$REAL_CARGO\" \"$@\"\n",
    )
    .expect("write the cargo wrapper");
    std::fs::set_permissions(&wrapper, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("make the wrapper executable");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    std::env::set_var("REAL_CARGO", &cargo);
    std::env::set_var("CARGO", &wrapper);
    cargo
}

/// Builds one of the suite's contracts into a full bundle — `<name>.contract` (code and
/// metadata), `<name>.json`, `<name>.wasm` under `target/ink/<name>/` — as cargo-contract's CLI
/// would (this is its library), and returns the Wasm blob's path.
pub fn bundle(name: &str, mode: BuildMode) -> PathBuf {
    build_artifacts(&contracts_dir().join(name), mode, BuildArtifacts::All)
}

fn build(crate_dir: &Path, build_mode: BuildMode) -> PathBuf {
    // The sandbox needs only the code; skipping metadata saves a host build per contract.
    build_artifacts(crate_dir, build_mode, BuildArtifacts::CodeOnly)
}

fn build_artifacts(crate_dir: &Path, build_mode: BuildMode, build_artifact: BuildArtifacts) -> PathBuf {
    let manifest = crate_dir.join("Cargo.toml");
    let manifest_path = ManifestPath::new(&manifest)
        .unwrap_or_else(|e| panic!("invalid manifest {}: {e}", manifest.display()));
    let args = ExecuteArgs {
        manifest_path,
        verbosity: Verbosity::Default,
        build_mode,
        features: Features::default(),
        network: Network::Online,
        build_artifact,
        unstable_flags: UnstableFlags::default(),
        optimization_passes: Some(OptimizationPasses::default()),
        keep_debug_symbols: false,
        extra_lints: false,
        output_type: OutputType::HumanReadable,
        skip_wasm_validation: false,
        target: Target::Wasm,
        max_memory_pages: DEFAULT_MAX_MEMORY_PAGES,
        image: ImageVariant::Default,
    };
    let result = contract_build::execute(args)
        .unwrap_or_else(|e| panic!("building {} failed: {e}", manifest.display()));
    if let Some(artifacts) = &result.metadata_result {
        let docs = trait_docs();
        for file in [&artifacts.dest_metadata, &artifacts.dest_bundle] {
            crate::metadata::add_trait_docs(file, &docs);
        }
    }
    result
        .dest_wasm
        .expect("the build writes a Wasm blob")
        .canonicalize()
        .expect("the Wasm blob exists")
}

/// The docs of the suite's trait messages, from the files that declare them (see
/// [`crate::metadata::trait_message_docs`]).
fn trait_docs() -> std::collections::HashMap<String, Vec<String>> {
    let mut docs = std::collections::HashMap::new();
    for file in [
        "crt-logic/src/messages.rs",
        "traits/src/lib.rs",
        "content-logic/src/messages.rs",
        "bandwidth-logic/src/messages.rs",
        "governor-logic/src/messages.rs",
    ] {
        let path = contracts_dir().join(file);
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        docs.extend(crate::metadata::trait_message_docs(&source));
    }
    docs
}
