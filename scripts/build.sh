#!/usr/bin/env bash
# Builds the bundles (target/ink/<contract>/<contract>.contract, .wasm, .json) of the eight
# contracts through contract-build (cargo-contract's library, so no CLI is installed) and
# reports the Wasm sizes against the targets (token ≤ 64 KiB, factory ≤ 24 KiB in release;
# every contract under the sandbox's 123 KiB code cap in debug, which also bounds the libraries).
#   scripts/build.sh            release bundles
#   scripts/build.sh --debug    debug bundles
#   add --strict                fail when a size target is missed
#   add --code-only             the .wasm blobs only, no metadata (what scripts/demo.sh plays)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo run --quiet -p crt-tools --bin bundle -- "$@"
