#!/usr/bin/env bash
# Builds the release bundles (target/ink/<contract>/<contract>.contract, .wasm, .json) and
# checks the Wasm sizes against the targets (token ≤ 64 KiB, factory ≤ 24 KiB).
#   scripts/build.sh           release bundles
#   scripts/build.sh --debug   debug bundles (the token must fit the sandbox's 123 KiB cap)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --cli

mode="--release"; limit_crt=65536; limit_factory=24576
if [[ "${1:-}" == "--debug" ]]; then mode=""; limit_crt=125952; limit_factory=125952; fi

status=0
for contract in crt factory; do
    cargo contract build $mode --manifest-path "contracts/$contract/Cargo.toml" --quiet
    wasm="target/ink/$contract/$contract.wasm"
    size=$(stat -c %s "$wasm")
    limit=$([[ $contract == crt ]] && echo $limit_crt || echo $limit_factory)
    printf '%-8s %7d bytes (%5.1f KiB, limit %d KiB)  %s\n' "$contract" "$size" "$(awk "BEGIN{print $size/1024}")" $((limit / 1024)) "target/ink/$contract/$contract.contract"
    if (( size > limit )); then echo "  over the size target"; status=1; fi
done
exit $status
