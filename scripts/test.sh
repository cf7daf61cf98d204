#!/usr/bin/env bash
# Runs every test: unit and property tests of all crates, then the end-to-end suite on the
# pallet-contracts sandbox runtime (which builds the contracts once, in debug mode).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

step() { echo; echo "==> $*"; }
SECONDS=0
step "unit and property tests (crt-core, traits, both contracts and their libraries)"
cargo test --workspace --exclude e2e-tests
unit_time=$SECONDS

# The node test runs on a real substrate-contracts-node when CONTRACTS_NODE names one
# (`scripts/node.sh install` builds it); without it, that test says so and passes.
step "end-to-end suite (ink_e2e sandbox, time travel; node test: ${CONTRACTS_NODE:-skipped})"
cargo test -p e2e-tests
echo
echo "test.sh: unit ${unit_time}s, e2e $((SECONDS - unit_time))s, total ${SECONDS}s"
