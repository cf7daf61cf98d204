#!/usr/bin/env bash
# Runs the JavaScript client (run.mjs) against a fresh development node of its own
# (scripts/on-node.sh), installing the client's packages first when node_modules is missing.
# The exit code is the client's.
#
#   CONTRACTS_NODE=/path/to/substrate-contracts-node clients/js/run.sh <bundle-dir>
#
# <bundle-dir> holds <name>/<name>.wasm (and .json or .contract for crt and factory), as
# target/ink/ after scripts/build.sh.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: CONTRACTS_NODE=<substrate-contracts-node> $0 <bundle-dir>" >&2
    exit 2
fi
bundles=$(cd "$1" && pwd)

if [ ! -d "$here/node_modules" ]; then
    (cd "$here" && npm ci --no-audit --no-fund)
fi
export CLIENT="$here/run.mjs" BUNDLES="$bundles"
exec "$here/../../scripts/on-node.sh" bash -c 'node "$CLIENT" "$NODE_URL" "$BUNDLES"'
