//! Builds the suite's contracts (debug Wasm, as on a development chain) once per test process.
//!
//! `#[ink_e2e::test]` would build every crate in the dependency graph that declares an
//! `ink-as-dependency` feature, and the `psp22` crate (whose traits and events the token
//! implements) declares one but does not pass cargo-contract 5's clippy gate. So the suite
//! builds exactly its two contracts and hands them to the sandbox client itself.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use contract_build::{
    BuildArtifacts, BuildMode, ExecuteArgs, Features, ImageVariant, ManifestPath, Network,
    OptimizationPasses, OutputType, Target, UnstableFlags, Verbosity, DEFAULT_MAX_MEMORY_PAGES,
};

/// The contracts of the suite, by crate directory under `contracts/`.
pub const CONTRACTS: [&str; 2] = ["crt", "factory"];

/// Paths of the built Wasm blobs (built on first use; later calls wait for and reuse them).
pub fn contracts() -> Vec<PathBuf> {
    static BUILT: OnceLock<Vec<PathBuf>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            CONTRACTS
                .iter()
                .map(|name| build(&contracts_dir().join(name)))
                .collect()
        })
        .clone()
}

fn contracts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("contracts")
}

fn build(crate_dir: &Path) -> PathBuf {
    let manifest = crate_dir.join("Cargo.toml");
    let manifest_path = ManifestPath::new(&manifest)
        .unwrap_or_else(|e| panic!("invalid manifest {}: {e}", manifest.display()));
    let args = ExecuteArgs {
        manifest_path,
        verbosity: Verbosity::Default,
        build_mode: BuildMode::Debug,
        features: Features::default(),
        network: Network::Online,
        // The sandbox needs only the code; skipping metadata saves a host build per contract.
        build_artifact: BuildArtifacts::CodeOnly,
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
    result
        .dest_wasm
        .expect("the build writes a Wasm blob")
        .canonicalize()
        .expect("the Wasm blob exists")
}
