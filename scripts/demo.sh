#!/usr/bin/env bash
# The main job: builds the release bundles, then plays a Creator Token's life on the embedded
# pallet-contracts runtime (no node needed), printing balances, JOY movements and gas.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
cargo run --quiet -p e2e-tests --bin demo -- target/ink/crt/crt.wasm target/ink/factory/factory.wasm
