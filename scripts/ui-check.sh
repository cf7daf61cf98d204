#!/usr/bin/env bash
# Checks the suite in Contracts UI, in headless Chromium, against a fresh development node:
# deploys the factory through the Upload-and-Instantiate page, issues a token, adds it by
# address, transfers, reads a balance, activates the AMM and buys on it, all by clicking and
# typing in the app. Screenshots of every step go to docs/ui/ (UI_CHECK_SHOTS overrides).
#
#   CONTRACTS_NODE=/path/to/substrate-contracts-node scripts/ui-check.sh <contracts-ui-dist> <bundle-dir>
#
# <contracts-ui-dist> is a production build of Contracts UI (`yarn build` in use-ink/contracts-ui;
# its in-page dev-account signing needs the wasm-crypto fix the README's "Contracts UI" describes).
# <bundle-dir> holds <name>/<name>.wasm for crt, crt_library, amm_library, accounts_library,
# factory_library and live_marker, factory/factory.contract and crt/crt.json, as target/ink/
# after scripts/build.sh.
# Needs Node >= 20 and Chromium (CHROMIUM, default /usr/bin/chromium; Debian: apt-get install chromium).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
client="$root/clients/ui-check"
if [ $# -ne 2 ] || [ ! -f "$1/index.html" ] || [ ! -d "$2" ]; then
    echo "usage: CONTRACTS_NODE=<substrate-contracts-node> $0 <contracts-ui-dist> <bundle-dir>" >&2
    exit 2
fi
dist=$(cd "$1" && pwd)
bundles=$(cd "$2" && pwd)
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
    echo "no Chromium at $CHROMIUM: install it (Debian: apt-get install chromium) or set CHROMIUM" >&2
    exit 2
fi
for f in crt/crt.json factory/factory.contract crt/crt.wasm crt_library/crt_library.wasm \
    amm_library/amm_library.wasm accounts_library/accounts_library.wasm \
    factory_library/factory_library.wasm live_marker/live_marker.wasm; do
    [ -f "$bundles/$f" ] || { echo "missing $bundles/$f (scripts/build.sh builds the bundles)" >&2; exit 2; }
done
shots=${UI_CHECK_SHOTS:-$root/docs/ui}
mkdir -p "$shots"
rm -f "$shots"/error-*.png

if [ ! -d "$client/node_modules" ]; then
    (cd "$client" && npm ci --no-audit --no-fund)
fi

work=$(mktemp -d -t ui-check.XXXXXX)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
app_port=$(free_port)
node "$client/serve.mjs" "$dist" "$app_port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
    (exec 3<>"/dev/tcp/127.0.0.1/$app_port") 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { echo "the app server exited:" >&2; cat "$work/serve.log" >&2; exit 1; }
    sleep 0.5
done
echo "Contracts UI on http://127.0.0.1:$app_port"

# The node on 9944 when that port is free: the app labels only that endpoint "Local Node".
if python3 -c 'import socket; socket.socket().bind(("127.0.0.1", 9944))' 2>/dev/null; then
    export NODE_RPC_PORT=9944
fi
export CLIENT="$client" BUNDLES="$bundles" SHOTS="$shots" APP="http://127.0.0.1:$app_port"
"$root/scripts/on-node.sh" bash -c 'set -euo pipefail
    started=$SECONDS
    echo "uploading the codes the factory uses (code hash = blake2-256 of the Wasm):"
    node "$CLIENT/upload.mjs" "$NODE_URL" "$BUNDLES" | sed "s/^/  /"
    echo "driving Contracts UI (screenshots in $SHOTS):"
    node "$CLIENT/check.mjs" "$APP" "$NODE_URL" "$BUNDLES" "$SHOTS"
    echo "ui-check: all steps passed in $((SECONDS - started)) s"'
