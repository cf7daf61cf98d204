#!/usr/bin/env bash
# Builds the release bundles (target/ink/<contract>/<contract>.contract, .wasm, .json) and
# reports the Wasm sizes against the targets of DESIGN §7 (token ≤ 64 KiB, factory ≤ 24 KiB;
# debug builds ≤ 123 KiB, the sandbox's code-size cap, which also bounds the two libraries).
#   scripts/build.sh            release bundles
#   scripts/build.sh --debug    debug bundles
#   add --strict                fail when a size target is missed
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --cli

mode="--release"; limit_crt=65536; limit_factory=24576; strict=0
for arg in "$@"; do
    case "$arg" in
        --debug) mode=""; limit_crt=125952; limit_factory=125952 ;;
        --strict) strict=1 ;;
        *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
done

over=0
for crate in crt crt-library factory factory-library; do
    cargo contract build $mode --manifest-path "contracts/$crate/Cargo.toml" --quiet
    contract=${crate//-/_}
    wasm="target/ink/$contract/$contract.wasm"
    size=$(stat -c %s "$wasm")
    case $contract in
        crt) limit=$limit_crt ;;
        factory) limit=$limit_factory ;;
        *) limit=125952 ;;
    esac
    verdict="within target"
    if (( size > limit )); then verdict="OVER TARGET"; over=1; fi
    printf '%-15s %7d bytes (%5.1f KiB; target %3d KiB: %s)  %s\n' "$contract" "$size" \
        "$(awk "BEGIN{print $size/1024}")" $((limit / 1024)) "$verdict" "target/ink/$contract/$contract.contract"
done
if (( over && strict )); then exit 1; fi
