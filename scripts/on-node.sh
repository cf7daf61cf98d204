#!/usr/bin/env bash
# Runs a command against a fresh development node of its own: starts substrate-contracts-node
# `--dev --tmp` (instant seal, a new chain each time) on free ports, waits for its RPC port,
# runs the command with NODE_URL=ws://127.0.0.1:<port> in its environment, and stops the node
# however the command ends. The exit code is the command's.
#
#   CONTRACTS_NODE=/path/to/substrate-contracts-node scripts/on-node.sh <command> [args…]
#   scripts/on-node.sh bash -c 'scripts/demo.sh --url "$NODE_URL"'
#
# Without CONTRACTS_NODE it uses the node `scripts/node.sh install` installed. NODE_RPC_PORT
# asks for a given RPC port (Contracts UI names only ws://127.0.0.1:9944 "Local Node").
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: CONTRACTS_NODE=<substrate-contracts-node> $0 <command> [args…]" >&2
    exit 2
fi
contracts_node=${CONTRACTS_NODE:-${CARGO_HOME:-$HOME/.cargo}/bin/substrate-contracts-node}
if [ ! -x "$contracts_node" ]; then
    echo "no node at $contracts_node: set CONTRACTS_NODE, or run scripts/node.sh install" >&2
    exit 2
fi

# Ports the OS has free right now (RPC and p2p); prometheus is off so its port cannot clash.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
rpc_port=${NODE_RPC_PORT:-$(free_port)}
p2p_port=$(free_port)
while [ "$p2p_port" = "$rpc_port" ]; do p2p_port=$(free_port); done
log=$(mktemp -t contracts-node.XXXXXX.log)

"$contracts_node" --dev --tmp --rpc-port "$rpc_port" --port "$p2p_port" --no-prometheus --no-telemetry \
    >"$log" 2>&1 &
node_pid=$!
stop_node() {
    kill "$node_pid" 2>/dev/null || true
    wait "$node_pid" 2>/dev/null || true
    rm -f "$log"
}
trap stop_node EXIT

# The node opens its RPC port once its database and runtime are ready (a few seconds).
opened=false
for _ in $(seq 1 120); do
    if ! kill -0 "$node_pid" 2>/dev/null; then
        echo "the node exited before opening its RPC port:" >&2
        tail -n 20 "$log" >&2
        exit 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$rpc_port") 2>/dev/null; then
        opened=true
        break
    fi
    sleep 0.5
done
if ! $opened; then
    echo "the node's RPC port $rpc_port did not open within 60 s:" >&2
    tail -n 20 "$log" >&2
    exit 1
fi
export NODE_URL="ws://127.0.0.1:$rpc_port"
echo "node: $("$contracts_node" --version) on $NODE_URL"

status=0
"$@" || status=$?
exit "$status"
