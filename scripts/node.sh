#!/usr/bin/env bash
# A local development node (substrate-contracts-node, crates.io `contracts-node` 0.42.0).
#   scripts/node.sh install   builds and installs it (about an hour on 2 cores, once)
#   scripts/node.sh start     starts `--dev` on ws://127.0.0.1:9944 (installs first if needed)
#   scripts/node.sh stop      stops the node started by `start`
#   scripts/node.sh status    prints whether it runs and its best block
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION="0.42.0"
NODE_BIN="${CARGO_HOME:-$HOME/.cargo}/bin/substrate-contracts-node"
# Outside the project: cargo would otherwise take the unpacked node crate for a workspace member.
WORK_DIR="${NODE_WORK_DIR:-$HOME/.cache/crt-contracts-node}"
PORT="${NODE_PORT:-9944}"
TOOLCHAIN="$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)"

installed() { [[ -x "$NODE_BIN" ]] && "$NODE_BIN" --version 2>/dev/null | grep -q "$NODE_VERSION"; }

install() {
    if installed; then echo "node: $("$NODE_BIN" --version) already installed"; return; fi
    scripts/setup.sh
    # The node's native build needs protoc (libp2p) and libclang (rocksdb bindings).
    local missing=()
    command -v protoc >/dev/null || missing+=(protobuf-compiler)
    command -v clang >/dev/null || missing+=(clang)
    [[ -n "$(ls /usr/lib/llvm-*/lib/libclang.so* 2>/dev/null)" ]] || missing+=(libclang-dev)
    if ((${#missing[@]})); then
        echo "node: installing Debian packages: ${missing[*]}"
        local sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
    fi
    # Build from the published source with its own Cargo.lock. The runtime's nested Wasm build
    # resolves its dependencies afresh unless WASM_BUILD_WORKSPACE_HINT points at the folder that
    # holds that lockfile (without it, it picks substrate-bip39 0.6.1, which does not compile).
    mkdir -p "$WORK_DIR"
    local src="$WORK_DIR/contracts-node-$NODE_VERSION"
    if [[ ! -f "$src/Cargo.lock" ]]; then
        curl -sSfL "https://static.crates.io/crates/contracts-node/contracts-node-$NODE_VERSION.crate" \
            | tar -xz -C "$WORK_DIR"
    fi
    local started=$SECONDS
    WASM_BUILD_WORKSPACE_HINT="$(cd "$src" && pwd)" \
        cargo "+$TOOLCHAIN" install --locked --path "$src" --root "${CARGO_HOME:-$HOME/.cargo}" \
            --target-dir "$WORK_DIR/target"
    echo "node: installed $("$NODE_BIN" --version) in $((SECONDS - started))s"
}

running() { [[ -f "$WORK_DIR/node.pid" ]] && kill -0 "$(cat "$WORK_DIR/node.pid")" 2>/dev/null; }

rpc() {
    curl -sS -H 'Content-Type: application/json' \
        -d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":[]}" "http://127.0.0.1:$PORT"
}

start() {
    installed || install
    if running; then echo "node: already running (pid $(cat "$WORK_DIR/node.pid"))"; return; fi
    mkdir -p "$WORK_DIR"
    "$NODE_BIN" --dev --rpc-port "$PORT" >"$WORK_DIR/node.log" 2>&1 &
    echo $! >"$WORK_DIR/node.pid"
    for _ in $(seq 1 60); do
        if rpc system_health >/dev/null 2>&1; then
            echo "node: ws://127.0.0.1:$PORT ready (pid $(cat "$WORK_DIR/node.pid"), log $WORK_DIR/node.log)"
            return
        fi
        sleep 1
    done
    echo "node: did not answer on port $PORT within 60s; see $WORK_DIR/node.log" >&2
    exit 1
}

stop() {
    if running; then kill "$(cat "$WORK_DIR/node.pid")"; echo "node: stopped"; else echo "node: not running"; fi
    rm -f "$WORK_DIR/node.pid"
}

status() {
    if running; then echo "node: running, $(rpc chain_getHeader | grep -o '"number":"[^"]*"')"; else echo "node: not running"; fi
}

case "${1:-start}" in
    install) install ;;
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: scripts/node.sh [install|start|stop|status]" >&2; exit 2 ;;
esac
