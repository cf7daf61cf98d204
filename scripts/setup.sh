#!/usr/bin/env bash
# Installs everything the project needs, idempotently.
#   scripts/setup.sh          the pinned Rust toolchain with rust-src, clippy and the Wasm target
#   scripts/setup.sh --cli    also cargo-contract (the CLI that writes .contract bundles)
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLCHAIN="$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)"
CARGO_CONTRACT_VERSION="5.0.3"

# rustup never installs toolchains on its own here (RUSTUP_AUTO_INSTALL=0): do it explicitly.
if ! rustup toolchain list | grep -q "^${TOOLCHAIN}[-.]"; then
    rustup toolchain install "$TOOLCHAIN" --profile minimal
fi
rustup component add --toolchain "$TOOLCHAIN" rust-src clippy rustfmt >/dev/null
rustup target add --toolchain "$TOOLCHAIN" wasm32-unknown-unknown >/dev/null

if [[ "${1:-}" == "--cli" ]]; then
    if ! cargo "+$TOOLCHAIN" contract --version 2>/dev/null | grep -q "cargo-contract-contract ${CARGO_CONTRACT_VERSION}"; then
        cargo "+$TOOLCHAIN" install cargo-contract --version "$CARGO_CONTRACT_VERSION" --locked
    fi
fi
echo "setup: Rust $TOOLCHAIN ready$([[ "${1:-}" == "--cli" ]] && echo ", cargo-contract $CARGO_CONTRACT_VERSION")"
