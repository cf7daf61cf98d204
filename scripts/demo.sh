#!/usr/bin/env bash
# The main job: builds the release Wasm blobs (code only: the demo needs no metadata), then plays a Creator Token's life, printing balances,
# JOY movements and gas.
#   scripts/demo.sh                             on the embedded pallet-contracts runtime (no node)
#   scripts/demo.sh --url ws://127.0.0.1:9944   on a running node (see scripts/node.sh)
#   add --no-build to play the blobs already in target/ink (as CI does after its build)
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
build=true
for arg in "$@"; do
    if [[ "$arg" == "--no-build" ]]; then build=false; else args+=("$arg"); fi
done
if $build; then scripts/build.sh --code-only; fi
cargo run --quiet -p crt-tools --bin demo -- "${args[@]}" target/ink/crt/crt.wasm \
    target/ink/crt_library/crt_library.wasm target/ink/amm_library/amm_library.wasm \
    target/ink/accounts_library/accounts_library.wasm \
    target/ink/factory/factory.wasm \
    target/ink/factory_library/factory_library.wasm target/ink/live_marker/live_marker.wasm \
    target/ink/content/content.wasm target/ink/bandwidth/bandwidth.wasm \
    target/ink/governor/governor.wasm
