#!/usr/bin/env bash
# Network figures for `make bench`, against real local nodes (py-evm):
#  1. batch payouts: `sigil send --batch` of N rows (default 1000) to one node: Sigil's own CPU
#     time per payment, the node's CPU time, the wall time, and Sigil's share of the wall time;
#  2. broadcast to 16 nodes that each answer after 50 ms, against broadcast to one such node.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${SIGIL_BIN_DIR:?set SIGIL_BIN_DIR}"
rows="${SIGIL_BENCH_PAYOUTS:-1000}"
work="$(mktemp -d)"
trap '"$here/devnode.sh" stop "$work/one" >/dev/null 2>&1 || true; "$here/devnode.sh" stop "$work/slow" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export SIGIL_HOME="$work/home"
umask 077
printf '0x%064x\n' 3 > "$work/key"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime of a process, in clock ticks
hz=$(getconf CLK_TCK)

"$here/devnode.sh" start "$work/one" --count 1 >/dev/null
url="$(cat "$work"/one/node-1.url)"
node_pid="$(cat "$work"/one/node-1.pid)"
{ echo "id,to,value"; for ((i = 0; i < rows; i++)); do printf 'p%d,0x%040x,1gwei\n' "$i" $((0x70000 + i)); done; } > "$work/payouts.csv"
node_before=$(cpu_ticks "$node_pid")
start=$(date +%s%N)
/usr/bin/time -f '%U %S' -o "$work/time" "$bin/sigil" send --batch "$work/payouts.csv" --private-key-file "$work/key" --yes --rpc "$url" >/dev/null 2>&1
end=$(date +%s%N)
node_after=$(cpu_ticks "$node_pid")
read -r user sys < "$work/time"
awk -v rows="$rows" -v u="$user" -v s="$sys" -v wall_ns=$((end - start)) -v node=$((node_after - node_before)) -v hz="$hz" 'BEGIN {
    sigil = u + s; wall = wall_ns / 1e9; nodecpu = node / hz
    printf "batch payouts (%d rows, one local node)\n", rows
    printf "  sigil CPU      %8.3f s   %7.3f ms per payment\n", sigil, sigil * 1000 / rows
    printf "  node CPU       %8.3f s   %7.3f ms per payment\n", nodecpu, nodecpu * 1000 / rows
    printf "  wall           %8.3f s   %7.3f ms per payment\n", wall, wall * 1000 / rows
    printf "  sigil share of the wall time: %.1f%% (target <= 5%%: %s)\n", 100 * sigil / wall, (sigil / wall <= 0.05 ? "pass" : "MISS")
}'

"$here/devnode.sh" start "$work/slow" --count 16 --delay-ms 50 >/dev/null
mapfile -t urls < <(cat "$work"/slow/node-*.url)
printf '0x%064x\n' 4 > "$work/key4"
broadcast_ms() {   # broadcast_ms KEY NONCE URL... : wall ms of one `sigil broadcast` (every peer accepts it)
    local key=$1 nonce=$2; shift 2
    local args=() raw
    for u in "$@"; do args+=(--rpc "$u"); done
    raw=$(printf '{"format":"sigil.unsigned-tx/1","type":"0x2","chainId":"0x539","nonce":"%s","to":"0x000000000000000000000000000000000000dEaD","value":"1","data":"0x","gas":"21000","maxFeePerGas":"20000000000","maxPriorityFeePerGas":"1","accessList":[]}' "$nonce" \
        | "$bin/sigil" sign tx - --private-key-file "$key")
    local t0 t1
    t0=$(date +%s%N); "$bin/sigil" broadcast "$raw" "${args[@]}" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
}
one=() all=()
for n in 0 1 2; do one+=("$(broadcast_ms "$work/key4" "$n" "${urls[0]}")"); all+=("$(broadcast_ms "$work/key" "$n" "${urls[@]}")"); done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
awk -v one="$(median "${one[@]}")" -v all="$(median "${all[@]}")" 'BEGIN {
    printf "broadcast, peers answering after 50 ms (median of 3)\n"
    printf "  1 peer   %5d ms\n  16 peers %5d ms   ratio %.2fx (target <= 1.3x: %s)\n", one, all, all / one, (all / one <= 1.3 ? "pass" : "MISS")
}'
