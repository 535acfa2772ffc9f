#!/usr/bin/env bash
# `make demo`: a real payment on a local Ethereum node (py-evm), as a user would make it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${SIGIL_BIN_DIR:?set by make}"
sigil="$bin/sigil"
signer="$bin/sigil-signer"
work="$(mktemp -d)"
export SIGIL_HOME="$work/home"
nodes="$work/nodes"
peer_pid=""
cleanup() {
    [ -n "$peer_pid" ] && kill "$peer_pid" 2>/dev/null || true
    "$here/devnode.sh" stop "$nodes" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n$ %s\n' "$*"; }

# The funded development account: private key 1 (a public test key; never use it for real funds).
umask 077
printf '0x%064x\n' 1 > "$work/dev.key"
export SIGIL_PASSWORD="demo password"

echo "Offline first: a key file, amounts and hashes, no node involved."

step sigil key inspect --private-key-file dev.key
"$sigil" key inspect --private-key-file "$work/dev.key"

step sigil-signer address --private-key-file dev.key
"$signer" address --private-key-file "$work/dev.key"

step sigil units 1.5ether
"$sigil" units 1.5ether

step sigil units 30gwei --to ether
"$sigil" units 30gwei --to ether

step "sigil hash keccak 'transfer(address,uint256)'   # text; its first 4 bytes are the ERC-20 selector"
"$sigil" hash keccak 'transfer(address,uint256)'

step sigil hash keccak 0xdeadbeef
"$sigil" hash keccak 0xdeadbeef

echo
echo "Starting two local Ethereum nodes (py-evm via eth-tester, same genesis)…"
"$here/devnode.sh" start "$nodes" --count 2 >/dev/null
rpc=()
for url in "$nodes"/node-*.url; do rpc+=(--rpc "$(cat "$url")"); done

step sigil key import --private-key-file dev.key --name dev --light
"$sigil" key import --private-key-file "$work/dev.key" --name dev --light

step sigil key new --name alice --light
"$sigil" key new --name alice --light
alice="$("$sigil" key inspect alice --json | sed -n 's/.*"address": "\(0x[0-9a-fA-F]*\)".*/\1/p')"

step sigil chain-id "${rpc[@]}"
"$sigil" chain-id "${rpc[@]}"

step "sigil balance 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf   # dev's address"
"$sigil" balance 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf "${rpc[@]}"

step "sigil tx build --from dev --to $alice --value 1.5ether -o request.json"
"$sigil" tx build --from dev --to "$alice" --value 1.5ether -o "$work/request.json" "${rpc[@]}"
cat "$work/request.json"

step "sigil sign tx request.json --from dev -o signed.json; sigil tx decode signed.json"
"$sigil" sign tx "$work/request.json" --from dev --json -o "$work/signed.json"
"$sigil" tx decode "$work/signed.json"

step "sigil send --to $alice --value 1.5ether --from dev --wait   # preview, sign, journal, broadcast to both peers, wait"
"$sigil" send --to "$alice" --value 1.5ether --from dev --yes --wait "${rpc[@]}"

step "sigil balance $alice   # alice's address"
"$sigil" balance "$alice" "${rpc[@]}"
step "sigil balance 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf   # dev's address"
"$sigil" balance 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf "${rpc[@]}"

# Straight to an Ethereum peer over devp2p (RLPx + eth/68): a test peer built on trinity's
# independent RLPx code, in front of the first node, which it hands what it receives.
root="$(cd "$here/.." && pwd)"
if [ -x "$root/.venv-p2p/bin/python" ]; then
    echo
    echo "Starting a devp2p peer (trinity's RLPx, not Sigil's code) in front of the first node…"
    first="$(cat "$nodes/node-1.url")"
    "$root/.venv-p2p/bin/python" "$root/Tests/Support/p2ppeer/peer.py" --rpc "$first" --die-with-parent \
        >"$work/peer.out" 2>"$work/peer.err" </dev/null &
    peer_pid=$!
    enode=""
    for _ in $(seq 1 120); do
        enode="$(sed -n 's/^READY \(enode:.*\)$/\1/p' "$work/peer.out" | head -1)"
        [ -n "$enode" ] && break
        sleep 0.5
    done
    [ -n "$enode" ] || { echo "the devp2p peer did not start:" >&2; cat "$work/peer.err" >&2; exit 1; }

    step sigil p2p ping "${enode:0:24}…"
    "$sigil" p2p ping "$enode"

    step "sigil send --to $alice --value 0.25ether --from dev --peer enode://… --p2p-only --wait   # devp2p only; RPC for reads"
    "$sigil" send --to "$alice" --value 0.25ether --from dev --yes --wait --peer "$enode" --p2p-only --rpc "$first"

    step "sigil balance $alice   # alice: 1.5 + 0.25: the peer handed the transaction to its node, which mined it"
    "$sigil" balance "$alice" "${rpc[@]}"
fi

step "sigil units 1.0000000000000000001ether   # more decimals than ether has: refused"
"$sigil" units 1.0000000000000000001ether || echo "(exit code $?)"
echo
echo "Stopping the nodes."
