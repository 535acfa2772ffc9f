#!/usr/bin/env bash
# Network figures for `make bench`, against real local nodes (py-evm):
#  1. batch payouts: `sigil send --batch` of N rows (default 1000, median of SIGIL_BENCH_PAYOUT_ROUNDS
#     rounds, default 9, as one round's share swings by about 13 points either way with py-evm;
#     then SIGIL_BENCH_PAYOUTS_LARGE, default 10000, SIGIL_BENCH_PAYOUT_ROUNDS_LARGE rounds,
#     default 3, whose per-row time is compared with N's) to one node, against the node's
#     time alone: the very same signed transactions (read back from Sigil's journal) sent straight
#     to the same node, reverted to the same state, by a small Python client
#     (scripts/bench/send_raw.py), the two taking turns going first. Sigil's share is the
#     wall time it adds over the node alone, as a fraction of its wall time (target <= 5%); also
#     Sigil's own CPU time per payment and the node's CPU time in both runs;
#  2. broadcast to 16 loopback responders that each answer after 50 ms without executing anything
#     (scripts/bench/loopback_rpc.py: one process, 16 ports), against broadcast to one of them;
#  3. verified reads (issue 13): `sigil balance` against 3 honest proxies (faultpeer.py --mode
#     honest) in front of one devnode, verified vs --no-verify: requests per run (at the node and
#     at each peer), round trips (target: at most one more than --no-verify) and Sigil's own CPU
#     time (target: at most 2 ms more), by scripts/bench/verified_balance.py;
#  4. `sigil logs` over 10,000 blocks holding 20,000 Transfer logs, served by a loopback responder
#     that slices pre-generated log text (scripts/bench/logs_responder.py: no work per log), against
#     a minimal Python client making the same eth_getLogs requests with the same 2,000-block chunks
#     over one keep-alive connection and parsing each answer (target: wall <= 1.2x).
#  5. a hung peer: `sigil send --agree 1` with a hung peer (faultpeer.py --mode hang) listed first
#     and an honest one second, against the same send with the honest peer alone (target <= 1.2x);
#     the first such send, which waits the peer's grace once, is printed on its own.
# Any failed run stops the script with its error: nothing that failed is timed.
set -euo pipefail
shopt -s inherit_errexit
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${SIGIL_BIN_DIR:?set SIGIL_BIN_DIR}"
rows="${SIGIL_BENCH_PAYOUTS:-1000}"
# The second, larger batch (per-row cost must not grow with rows); 0 skips it. 10,000 rows take
# a few minutes with py-evm.
rows_large="${SIGIL_BENCH_PAYOUTS_LARGE:-10000}"
work="$(mktemp -d)"
peer_pids=()
cleanup() {
    for pid in "${peer_pids[@]+"${peer_pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
    for nodes in "$work/batch-node" "$work/verify"; do "$here/devnode.sh" stop "$nodes" >/dev/null 2>&1 || true; done
    [ -f "$work/loopback.pid" ] && kill "$(cat "$work/loopback.pid")" 2>/dev/null || true
    [ -f "$work/logs.pid" ] && kill "$(cat "$work/logs.pid")" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
python="${SIGIL_PYTHON:-$here/../.venv/bin/python}"
export SIGIL_HOME="$work/home"
umask 077
printf '0x%064x\n' 3 > "$work/key"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime of a process, in clock ticks
hz=$(getconf CLK_TCK)

# rpc URL METHOD [JSON-PARAMS]: one JSON-RPC call to a devnode; prints its result.
rpc() {
    "$python" -c 'import json, sys, urllib.request
body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": sys.argv[2], "params": json.loads(sys.argv[3])}).encode()
answer = json.load(urllib.request.urlopen(urllib.request.Request(sys.argv[1], body, {"Content-Type": "application/json"})))
sys.exit("bench: %s: %s" % (sys.argv[2], answer["error"])) if "error" in answer else print(answer["result"])' "$1" "$2" "${3:-[]}"
}

# sigil_batch ROWS RUN URL PID: one `sigil send --batch` of ROWS payouts from a fresh data
# directory (RUN/home); writes "wall user sys nodecpu" (seconds) to RUN/sigil.
sigil_batch() {
    local rows=$1 run=$2 url=$3 pid=$4 before after start end user sys
    mkdir -p "$run"
    { echo "id,to,value"; for ((i = 0; i < rows; i++)); do printf 'p%d,0x%040x,1gwei\n' "$i" $((0x70000 + i)); done; } > "$run/payouts.csv"
    before=$(cpu_ticks "$pid")
    start=$(date +%s%N)
    SIGIL_HOME="$run/home" /usr/bin/time -f '%U %S' -o "$run/time" "$bin/sigil" send --batch "$run/payouts.csv" \
        --private-key-file "$work/key" --yes --rpc "$url" >"$run/batch.out" 2>"$run/batch.err" \
        || { echo "bench: sigil send --batch failed:" >&2; tail -n 5 "$run/batch.err" >&2; exit 1; }
    end=$(date +%s%N)
    after=$(cpu_ticks "$pid")
    grep -qx "sent $rows, rebroadcast 0, skipped 0, failed 0" "$run/batch.out" \
        || { echo "bench: the batch did not send every row: $(cat "$run/batch.out")" >&2; exit 1; }
    read -r user sys < "$run/time"
    echo "$(awk -v ns=$((end - start)) 'BEGIN { printf "%.6f", ns / 1e9 }') $user $sys $(awk -v t=$((after - before)) -v hz="$hz" 'BEGIN { printf "%.6f", t / hz }')" > "$run/sigil"
}

# client_batch ROWS JOURNAL RUN URL PID: the journaled transactions sent by the minimal client;
# writes "wall nodecpu" (seconds) to RUN/alone.
client_batch() {
    local rows=$1 journal=$2 run=$3 url=$4 pid=$5 before after sent seconds
    before=$(cpu_ticks "$pid")
    "$python" "$here/bench/send_raw.py" "$url" "$journal" >"$run/alone.out" \
        || { echo "bench: sending the journaled transactions straight to the node failed" >&2; exit 1; }
    after=$(cpu_ticks "$pid")
    read -r sent seconds <"$run/alone.out"
    [ "$sent" -eq "$rows" ] || { echo "bench: the journal holds $sent transactions, expected $rows" >&2; exit 1; }
    echo "$seconds $(awk -v t=$((after - before)) -v hz="$hz" 'BEGIN { printf "%.6f", t / hz }')" > "$run/alone"
}

# batch_rounds ROWS ROUNDS: ROUNDS rounds on ONE node process, put back to the same snapshot before
# every run, so Sigil and the client meet the same node in the same state (py-evm's speed differs
# by about a fifth from one fresh process to the next, which swamped the difference measured
# when each side had its own node). Round 1 runs Sigil then the client (on the transactions Sigil
# signed); later rounds alternate which goes first, so a drift of the node's speed falls on
# both. The node (shared by both sizes) is warmed up before. Appends "wall alone user sys
# nodecpu alonecpu" per round to $work/rounds-ROWS.
batch_rounds() {
    local rows=$1 rounds=$2 dir="$work/batch-$1" r journal=""
    local url=$batch_url pid=$batch_pid snapshot=$batch_snapshot
    for ((r = 1; r <= rounds; r++)); do
        local run="$dir/round-$r"
        mkdir -p "$run"
        if ((r % 2 == 1)); then
            sigil_batch "$rows" "$run" "$url" "$pid"
            rpc "$url" devnode_revert "[\"$snapshot\"]" >/dev/null
            [ "$r" -gt 1 ] || journal="$(ls "$run"/home/journal/*/*.jsonl)"   # round 1's, kept for every round
            client_batch "$rows" "$journal" "$run" "$url" "$pid"
        else
            client_batch "$rows" "$journal" "$run" "$url" "$pid"
            rpc "$url" devnode_revert "[\"$snapshot\"]" >/dev/null
            sigil_batch "$rows" "$run" "$url" "$pid"
        fi
        rpc "$url" devnode_revert "[\"$snapshot\"]" >/dev/null
        local wall user sys nodecpu alone alonecpu
        read -r wall user sys nodecpu < "$run/sigil"
        read -r alone alonecpu < "$run/alone"
        echo "$wall $alone $user $sys $nodecpu $alonecpu" >> "$work/rounds-$rows"
        # Keep the journal the client replays; the rest of the round is done with.
        [ "$r" -eq 1 ] || rm -rf "$run"
    done
    rm -rf "$dir"
}

# batch_row ROWS ROUNDS: batch_rounds, then the medians over the rounds
# and records the median per-payment wall times in $work/per-row-ROWS and $work/alone-row-ROWS.
batch_row() {
    local rows=$1 rounds=$2
    batch_rounds "$rows" "$rounds"
    awk -v rows="$rows" -v rounds="$rounds" -v out="$work/per-row-$rows" -v alone_out="$work/alone-row-$rows" -v cpu_out="$work/cpu-row-$rows" '
        function median(a, n,   i, j, t) {
            for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        { n++; wall[n] = $1; alone[n] = $2; sigil[n] = $3 + $4; node[n] = $5; alonecpu[n] = $6
          share[n] = ($1 - $2) / $1; shares = shares sprintf("%s%.1f%%", n > 1 ? ", " : "", 100 * share[n])
          outside[n] = ($1 - $5) / $1; outalone[n] = ($2 - $6) / $2 }
        END {
            w = median(wall, n); a = median(alone, n); c = median(sigil, n); nc = median(node, n); ac = median(alonecpu, n); sh = median(share, n)
            printf "batch payouts (%d rows; median of %d rounds on one node process, reverted to the same state before each run)\n", rows, rounds
            printf "  wall, with sigil            %8.3f s   %7.3f ms per payment\n", w, w * 1000 / rows
            printf "  wall, node alone            %8.3f s   %7.3f ms per payment (same signed txs, same node and state, Python client)\n", a, a * 1000 / rows
            printf "  sigil CPU (user+sys)        %8.3f s   %7.3f ms per payment\n", c, c * 1000 / rows
            printf "  node CPU, with sigil        %8.3f s   %7.3f ms per payment\n", nc, nc * 1000 / rows
            printf "  node CPU, alone             %8.3f s   %7.3f ms per payment\n", ac, ac * 1000 / rows
            printf "  sigil share: (wall - node alone) / wall = %.1f%% (target <= 5%%: %s; rounds: %s); sigil CPU / wall = %.1f%%\n",
                100 * sh, (sh <= 0.05 ? "pass" : "MISS"), shares, 100 * c / w
            printf "  wall outside the node'"'"'s CPU: with sigil %.1f%%, with the minimal client %.1f%% \n",
                100 * median(outside, n), 100 * median(outalone, n)
            printf "%.6f\n", w * 1000 / rows > out
            printf "%.6f\n", a * 1000 / rows > alone_out
            printf "%.6f\n", c * 1000 / rows > cpu_out
        }' "$work/rounds-$rows"
}

# One node process for both sizes (so the per-row comparison of 1,000 and 10,000 rows is not a
# comparison of two py-evm processes), warmed up, not timed: a fresh py-evm process runs its first
# few hundred transactions slower, which would fall on whoever goes first in round 1.
"$here/devnode.sh" start "$work/batch-node" --count 1 >/dev/null
batch_url="$(cat "$work"/batch-node/node-1.url)"
batch_pid="$(cat "$work"/batch-node/node-1.pid)"
batch_snapshot="$(rpc "$batch_url" devnode_snapshot)"
sigil_batch 200 "$work/warm-up" "$batch_url" "$batch_pid"
rpc "$batch_url" devnode_revert "[\"$batch_snapshot\"]" >/dev/null
rm -rf "$work/warm-up"
batch_row "$rows" "${SIGIL_BENCH_PAYOUT_ROUNDS:-9}"
if [ "$rows_large" -gt 0 ]; then
    batch_row "$rows_large" "${SIGIL_BENCH_PAYOUT_ROUNDS_LARGE:-3}"
    awk -v small="$(cat "$work/per-row-$rows")" -v large="$(cat "$work/per-row-$rows_large")" \
        -v asmall="$(cat "$work/alone-row-$rows")" -v alarge="$(cat "$work/alone-row-$rows_large")" -v n="$rows" -v m="$rows_large" \
        -v csmall="$(cat "$work/cpu-row-$rows")" -v clarge="$(cat "$work/cpu-row-$rows_large")" 'BEGIN {
        printf "batch payouts, per-row wall time at %d rows vs %d rows: %.2fx (target <= 1.1x: %s; the node alone: %.2fx; sigil CPU per row: %.2fx)\n",
            m, n, large / small, (large / small <= 1.1 ? "pass" : "MISS"), alarge / asmall, clarge / csmall
        # py-evm itself slows as the chain and its state grow; this takes that growth out.
        printf "  the same with the node alone'"'"'s growth taken out (with sigil / node alone): %.2fx\n", (large / small) / (alarge / asmall)
    }'
fi
"$here/devnode.sh" stop "$work/batch-node" >/dev/null

export SIGIL_HOME="$work/home"
# 16 loopback responders in one process, answering after 50 ms without executing: 16 py-evm
# processes on this machine's cores would time the machine's CPU, not Sigil's fan-out.
mkdir -p "$work/slow"
"$python" "$here/bench/loopback_rpc.py" --count 16 --delay-ms 50 --chain-id 1337 --out "$work/slow" >/dev/null 2>&1 &
echo $! > "$work/loopback.pid"
for _ in $(seq 100); do [ -f "$work/slow/node-16.url" ] && break; sleep 0.05; done
[ -f "$work/slow/node-16.url" ] || { echo "bench: the loopback responders did not start" >&2; exit 1; }
mapfile -t urls < <(cat "$work"/slow/node-*.url)
printf '0x%064x\n' 4 > "$work/key4"
broadcast_ms() {   # broadcast_ms KEY NONCE URL... : wall ms of one `sigil broadcast` (every peer accepts it)
    local key=$1 nonce=$2; shift 2
    local args=() raw
    for u in "$@"; do args+=(--rpc "$u"); done
    raw=$(printf '{"format":"sigil.unsigned-tx/1","type":"0x2","chainId":"0x539","nonce":"%s","to":"0x000000000000000000000000000000000000dEaD","value":"1","data":"0x","gas":"21000","maxFeePerGas":"20000000000","maxPriorityFeePerGas":"1","accessList":[]}' "$nonce" \
        | "$bin/sigil" sign tx - --private-key-file "$key")
    local t0 t1
    t0=$(date +%s%N)
    "$bin/sigil" broadcast "$raw" "${args[@]}" >/dev/null 2>"$work/broadcast.err" \
        || { echo "bench: sigil broadcast to $# peer(s) failed:" >&2; cat "$work/broadcast.err" >&2; exit 1; }
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
}
one=() all=()
for n in 0 1 2; do one+=("$(broadcast_ms "$work/key4" "$n" "${urls[0]}")"); all+=("$(broadcast_ms "$work/key" "$n" "${urls[@]}")"); done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
awk -v one="$(median "${one[@]}")" -v all="$(median "${all[@]}")" 'BEGIN {
    printf "broadcast, peers answering after 50 ms (median of 3)\n"
    printf "  1 peer   %5d ms\n  16 peers %5d ms   ratio %.2fx (target <= 1.3x: %s)\n", one, all, all / one, (all / one <= 1.3 ? "pass" : "MISS")
}'

# 3. Verified reads: the same release `sigil balance`, verified (header + account proof from every
# peer in one batch each) and --no-verify, alternately, through 3 honest proxies of one node.
kill "$(cat "$work/loopback.pid")" 2>/dev/null || true
rm -f "$work/loopback.pid"
"$here/devnode.sh" start "$work/verify" --count 1 >/dev/null
verify_node="$(cat "$work"/verify/node-1.url)"
verify_runs="${SIGIL_BENCH_VERIFY_RUNS:-30}"
peer_args=()
for i in 1 2 3; do
    "$python" "$here/../Tests/Support/devnode/faultpeer.py" --upstream "$verify_node" --mode honest --verbose --port 0 \
        >"$work/peer-$i.url" 2>"$work/peer-$i.log" &
    peer_pids+=($!)
done
for i in 1 2 3; do
    for _ in $(seq 100); do [ -s "$work/peer-$i.url" ] && break; sleep 0.05; done
    [ -s "$work/peer-$i.url" ] || { echo "bench: faultpeer $i did not start" >&2; cat "$work/peer-$i.log" >&2; exit 1; }
    peer_args+=("$(head -n 1 "$work/peer-$i.url")=$work/peer-$i.log")
done
"$python" "$here/bench/verified_balance.py" "$bin/sigil" "$verify_node" "$verify_runs" 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf \
    "${peer_args[@]}" >"$work/verify.out" || exit 1
awk '
    { for (i = 2; i < NF; i += 2) v[$1, $i] = $(i + 1) }
    END {
        extra_rounds = v["verified", "rounds"] - v["no-verify", "rounds"]
        extra_cpu = v["verified", "cpu_ms"] - v["no-verify", "cpu_ms"]
        printf "sigil balance, 3 honest peers (faultpeer.py) in front of one node (mean of %d runs each, alternated)\n", v["verified", "runs"]
        printf "  %-11s  %13s  %17s  %11s  %12s  %9s\n", "", "node requests", "requests per peer", "round trips", "sigil CPU", "wall"
        for (n = 1; n <= 2; n++) {
            name = n == 1 ? "verified" : "no-verify"
            printf "  %-11s  %13.2f  %17s  %11.2f  %9.3f ms  %6.2f ms\n", (n == 1 ? "verified" : "--no-verify"), v[name, "node_requests"],
                v[name, "per_peer"], v[name, "rounds"], v[name, "cpu_ms"], v[name, "wall_ms"]
        }
        printf "  extra round trips %.2f (target <= 1: %s); extra sigil CPU %+.3f ms, ratio %.2fx (target <= 2 ms: %s)\n",
            extra_rounds, (extra_rounds <= 1 ? "pass" : "MISS"), extra_cpu, v["verified", "cpu_ms"] / v["no-verify", "cpu_ms"],
            (extra_cpu <= 2 ? "pass" : "MISS")
    }' "$work/verify.out"

# 4. Logs: `sigil logs` (decoded Transfer lines to /dev/null) and the minimal client, alternately,
# against one loopback responder; median of 3 wall times each.
"$python" "$here/bench/logs_responder.py" serve --blocks 10000 --logs 20000 --out "$work/logs.url" >"$work/logs.log" 2>&1 &
echo $! > "$work/logs.pid"
for _ in $(seq 200); do [ -f "$work/logs.url" ] && break; sleep 0.05; done
[ -f "$work/logs.url" ] || { echo "bench: the logs responder did not start" >&2; cat "$work/logs.log" >&2; exit 1; }
logs_url="$(cat "$work/logs.url")"
wall_ms() {   # wall_ms EXPECTED_LOGS COMMAND...: wall ms of one run; its stdout must hold EXPECTED_LOGS lines (or the number)
    local expected=$1 t0 t1 got; shift
    t0=$(date +%s%N)
    "$@" >"$work/logs.out" 2>"$work/logs.err" || { echo "bench: $1 failed:" >&2; cat "$work/logs.err" >&2; exit 1; }
    t1=$(date +%s%N)
    got=$(wc -l <"$work/logs.out")
    [ "$got" = 1 ] && got=$(cat "$work/logs.out")
    [ "$got" = "$expected" ] || { echo "bench: $1 returned $got logs, not $expected" >&2; exit 1; }
    echo $(((t1 - t0) / 1000000))
}
sigil_logs=() client_logs=()
for _ in 1 2 3; do
    sigil_logs+=("$(wall_ms 20000 "$bin/sigil" logs --address 0x5fbdb2315678afecb367f032d93f642f64180aa3 \
        --event "Transfer(address indexed from, address indexed to, uint256 value)" --from-block 1 --to-block 10000 \
        --chunk-size 2000 --rpc "$logs_url")")
    client_logs+=("$(wall_ms 20000 "$python" "$here/bench/logs_responder.py" client "$logs_url" 1 10000 2000)")
done
awk -v sigil="$(median "${sigil_logs[@]}")" -v client="$(median "${client_logs[@]}")" 'BEGIN {
    printf "sigil logs, 20,000 Transfer logs over 10,000 blocks, 2,000-block chunks (median of 3)\n"
    printf "  minimal client %5d ms\n  sigil logs     %5d ms   ratio %.2fx (target <= 1.2x: %s)\n", client, sigil, sigil / client, (sigil / client <= 1.2 ? "pass" : "MISS")
}'

# 5. A hung peer listed first: it must cost a short grace, never its --timeout (10 s here).
"$python" "$here/../Tests/Support/devnode/faultpeer.py" --upstream "$verify_node" --mode hang --port 0 >"$work/hung.url" 2>/dev/null &
peer_pids+=($!)
for _ in $(seq 100); do [ -s "$work/hung.url" ] && break; sleep 0.05; done
hung="$(head -n 1 "$work/hung.url")"
send_ms() {   # send_ms VALUE URL... : wall ms of one `sigil send --agree 1` of VALUE wei
    local value=$1; shift
    local args=() t0 t1
    for u in "$@"; do args+=(--rpc "$u"); done
    t0=$(date +%s%N)
    "$bin/sigil" send --to 0x000000000000000000000000000000000000dEaD --value "${value}wei" --private-key-file "$work/key" --yes \
        --agree 1 --timeout 10 "${args[@]}" >/dev/null 2>"$work/send.err" \
        || { echo "bench: sigil send to $* failed:" >&2; cat "$work/send.err" >&2; exit 1; }
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
}
alone=() hung_first=()
for n in 1 2 3 4 5; do
    alone+=("$(send_ms "$((2 * n))" "$verify_node")")
    hung_first+=("$(send_ms "$((2 * n + 1))" "$hung" "$verify_node")")
done
median5() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
awk -v one="$(median5 "${alone[@]}")" -v hung="$(median5 "${hung_first[@]}")" -v first="${hung_first[0]}" 'BEGIN {
    printf "sigil send --agree 1, a hung peer listed first (median of 5, --timeout 10)\n"
    printf "  honest peer alone        %5d ms\n  hung first, then honest  %5d ms   ratio %.2fx (target <= 1.2x: %s)\n",
        one, hung, hung / one, (hung / one <= 1.2 ? "pass" : "MISS")
    printf "  the first of those sends %5d ms   (it waits the 0.25 s grace and marks the peer in SIGIL_HOME/peers/standing;\n", first
    printf "                                     the sends after it, for 10 minutes, do not wait for it)\n"
}'
