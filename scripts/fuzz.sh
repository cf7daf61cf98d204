#!/usr/bin/env bash
# Fuzzes every crt-core entry point (math, bonds, AMM curve, patronage, vesting, Merkle proofs)
# with random inputs biased towards 0, 1 and the maxima, for a bounded time per target, and
# fails on any panic or broken property (the failing input is printed).
#   scripts/fuzz.sh                      60 s per target
#   FUZZ_SECONDS=600 scripts/fuzz.sh     longer
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
echo "fuzz: ${FUZZ_SECONDS}s per target"
cargo test --release -p crt-core --test fuzz -- --ignored --nocapture
