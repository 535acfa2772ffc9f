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
proxy_pids=()
cleanup() {
    [ -n "$peer_pid" ] && kill "$peer_pid" 2>/dev/null || true
    for pid in "${proxy_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
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
echo "Starting a local Ethereum node (py-evm via eth-tester) and a second, independent-looking"
echo "peer in front of it (a proxy: same chain, separate endpoint)…"
"$here/devnode.sh" start "$nodes" --count 1 >/dev/null
root="$(cd "$here/.." && pwd)"
first="$(cat "$nodes/node-1.url")"
# Starts Tests/Support/devnode/faultpeer.py in front of the node (from this shell, not a
# subshell: it dies with its parent); sets $proxy_url.
proxy() {
    local out="$work/proxy-${#proxy_pids[@]}.out"
    "$root/.venv/bin/python" "$root/Tests/Support/devnode/faultpeer.py" --upstream "$first" "$@" --die-with-parent \
        >"$out" 2>/dev/null </dev/null &
    proxy_pids+=($!)
    for _ in $(seq 1 100); do [ -s "$out" ] && break; sleep 0.1; done
    proxy_url="$(head -1 "$out")"
}
proxy --mode honest
second="$proxy_url"
rpc=(--rpc "$first" --rpc "$second")

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

step "sigil send --to $alice --value 1.5ether --from dev --wait   # preview, sign, journal, broadcast to both peers, wait for a proved receipt"
"$sigil" send --to "$alice" --value 1.5ether --from dev --yes --wait "${rpc[@]}"

step "sigil balance $alice   # alice's address: proved by an account proof against a header both peers agree on"
"$sigil" balance "$alice" "${rpc[@]}"

echo
echo "A dishonest peer: it adds 1000 ether to every balance it reports (its Merkle proof stays real)."
proxy --mode inflate-balance
liar="$proxy_url"
step "sigil balance $alice --rpc LIAR   # the liar alone: its claim does not match its own proof (exit 11)"
"$sigil" balance "$alice" --rpc "$liar" || echo "(exit code $?)"
step "sigil balance $alice --rpc LIAR --rpc node --rpc peer   # listed first: named, and outvoted by the proof"
"$sigil" balance "$alice" --rpc "$liar" "${rpc[@]}"
step "sigil balance $alice --rpc LIAR --no-verify   # what a wallet that believes its node would show"
"$sigil" balance "$alice" --rpc "$liar" --no-verify

step "sigil tx proof HASH -o proof.json; sigil-signer verify receipt proof.json   # an auditor's offline check"
last="$("$sigil" tx list --json | sed -n 's/.*"hash": "\(0x[0-9a-f]*\)".*/\1/p' | tail -1)"
"$sigil" tx proof "$last" -o "$work/proof.json" "${rpc[@]}"
"$signer" verify receipt "$work/proof.json"

echo
echo "Reading the chain as cast does, with Sigil's manners (proved where it can be, exit codes)."
step "sigil receipt HASH   # any transaction's receipt, proved against the agreed block"
"$sigil" receipt "$last" "${rpc[@]}"
# A contract compiled with Vyper (Tests/Support/contracts), deployed through the dev node's helper.
reverter="$("$sigil" rpc devnode_deployArtifact Reverter --rpc "$first" --json | sed -n 's/.*"address": *"\(0x[0-9a-fA-F]*\)".*/\1/p')"
step "sigil call REVERTER 'info()(uint256,address,string,bool)'   # decoded return values"
"$sigil" call "$reverter" 'info()(uint256,address,string,bool)' "${rpc[@]}"
step "sigil call REVERTER 'failWithPanic(uint256)' 17   # a revert: the panic decoded, exit 7"
"$sigil" call "$reverter" 'failWithPanic(uint256)' 17 "${rpc[@]}" || echo "(exit code $?)"
step "sigil block-number; sigil code REVERTER | head -c 40"
"$sigil" block-number "${rpc[@]}"
"$sigil" code "$reverter" "${rpc[@]}" | head -c 40; echo …
step "sigil ens namehash Alice.eth   # ENSIP-15 normalized, EIP-137 hashed, offline"
"$sigil" ens namehash Alice.eth

# Straight to an Ethereum peer over devp2p (RLPx + eth/68): a test peer built on trinity's
# independent RLPx code, in front of the first node, which it hands what it receives.
if [ -x "$root/.venv-p2p/bin/python" ]; then
    echo
    echo "Starting a devp2p peer (trinity's RLPx, not Sigil's code) in front of the node…"
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
echo "Stopping the node and its peers."
