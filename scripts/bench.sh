#!/usr/bin/env bash
# Benchmarks on the embedded pallet-contracts runtime (no node): gas and storage deposit of every
# token and factory message, the psp22 crate's own token side by side, scaling with 10 and
# 10 000 holders, code sizes. Regenerates BENCHMARKS.md, bench/results.json and bench/gas.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
SECONDS=0
BENCH_DATE="$(date -u +%Y-%m-%d)" BENCH_RUSTC="$(rustc --version)" \
    cargo run --quiet -p crt-tools --bin bench
echo "bench.sh: ${SECONDS}s"
