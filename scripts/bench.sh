#!/usr/bin/env bash
# make bench: Sigil's hot paths against C baselines (SigilBench, in-process), then the cold
# start of the executables against a C "hello" built with cc -O2, then the start-up of a
# networked command (`sigil balance` against a local devnode) against a C client built here
# that makes the same single JSON-RPC request over a plain socket (scripts/bench/rpc_client.c).
#
#   SIGIL_BIN_DIR=<release bin dir> scripts/bench.sh [SigilBench arguments, e.g. --json]
#   SIGIL_BENCH_RUNS=200   runs per cold-start command
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${SIGIL_BIN_DIR:?set SIGIL_BIN_DIR to the release bin directory (make bench does)}"
runs="${SIGIL_BENCH_RUNS:-200}"
target_ms=10

for exe in SigilBench sigil sigil-signer; do
    [ -x "$bin/$exe" ] || { echo "bench: $bin/$exe missing; build with: swift build -c release" >&2; exit 1; }
done

"$bin/SigilBench" "$@"
echo

root="$(cd "$here/.." && pwd)"
tmp="$(mktemp -d)"
proxy_pid=""
cleanup() {
    [ -z "$proxy_pid" ] || kill "$proxy_pid" 2>/dev/null || true
    "$here/devnode.sh" stop "$tmp/node" >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT

printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' > "$tmp/hello.c"
cc -O2 -o "$tmp/hello" "$tmp/hello.c"
cc -O2 -o "$tmp/rpc_client" "$here/bench/rpc_client.c"
printf '0x%064x\n' 1 > "$tmp/key.hex"
chmod 600 "$tmp/key.hex"

# hyperfine if available (installing it is allowed and idempotent); otherwise a plain loop.
if ! command -v hyperfine >/dev/null 2>&1; then
    "$here/install-deps.sh" hyperfine >/dev/null 2>&1 || true
fi
if command -v hyperfine >/dev/null 2>&1; then
    method="hyperfine -N, 10 warm-up runs"
else
    method="shell loop timed with date +%s%N"
fi

labels=()
means=()
kinds=()   # baseline | absolute (mean <= target) | over:I (mean - means[I] <= target)

# cold_start LABEL COMMAND [ARGS...]: mean wall-clock milliseconds per start, over $runs runs.
cold_start() {
    local label="$1"
    shift
    "$@" >/dev/null 2>"$tmp/check.err" || { echo "bench: '$label' failed: $*" >&2; cat "$tmp/check.err" >&2; exit 1; }
    local mean
    if command -v hyperfine >/dev/null 2>&1; then
        local quoted
        quoted="$(printf '%q ' "$@")"
        hyperfine -N --style none --warmup 10 --runs "$runs" --export-csv "$tmp/run.csv" -- "$quoted" \
            >"$tmp/hyperfine.log" 2>&1 || { cat "$tmp/hyperfine.log" >&2; exit 1; }
        # CSV: command,mean,stddev,median,user,system,min,max (seconds); count from the end
        # because the command column may itself contain commas.
        mean="$(awk -F, 'NR == 2 { printf "%.3f", $(NF - 6) * 1000 }' "$tmp/run.csv")"
    else
        local start end
        for _ in 1 2 3 4 5 6 7 8 9 10; do "$@" >/dev/null 2>&1 || exit 1; done
        start="$(date +%s%N)"
        for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1 || { echo "bench: '$label' failed during the runs" >&2; exit 1; }; done
        end="$(date +%s%N)"
        mean="$(awk -v ns="$((end - start))" -v n="$runs" 'BEGIN { printf "%.3f", ns / n / 1e6 }')"
    fi
    labels+=("$label")
    means+=("$mean")
    kinds+=("${kind:-absolute}")
}

# The first row is the baseline; add a command with one line.
kind=baseline cold_start "C hello (cc -O2)" "$tmp/hello"
cold_start "sigil --version" "$bin/sigil" --version
cold_start "sigil-signer --version" "$bin/sigil-signer" --version
cold_start "sigil key inspect" "$bin/sigil" key inspect --private-key-file "$tmp/key.hex"
cold_start "sigil-signer address" "$bin/sigil-signer" address --private-key-file "$tmp/key.hex"

# A networked command: `sigil balance` against a local devnode, and what it adds of its own
# before (and around) its one request, measured against a C client that sends the very same
# request body (captured from Sigil through a one-shot forwarding proxy) to the same node.
"$here/devnode.sh" start "$tmp/node" >/dev/null
node_url="$(cat "$tmp/node/node-1.url")"
python="${SIGIL_PYTHON:-$root/.venv/bin/python}"
"$python" - "$node_url" "$tmp/bodies" >"$tmp/proxy.url" 2>"$tmp/proxy.err" <<'PY' &
import sys, urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
upstream, log = sys.argv[1], sys.argv[2]
class Forward(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with open(log, "ab") as f: f.write(body + b"\n")
        request = urllib.request.Request(upstream, body, {"Content-Type": "application/json"})
        answer = urllib.request.urlopen(request).read()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)
server = HTTPServer(("127.0.0.1", 0), Forward)
print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
server.serve_forever()
PY
proxy_pid=$!
for _ in $(seq 100); do [ -s "$tmp/proxy.url" ] && break; sleep 0.05; done
[ -s "$tmp/proxy.url" ] || { echo "bench: the capture proxy did not start" >&2; cat "$tmp/proxy.err" >&2; exit 1; }
address=0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf
"$bin/sigil" balance "$address" --rpc "$(cat "$tmp/proxy.url")" >/dev/null
kill "$proxy_pid" 2>/dev/null || true
wait "$proxy_pid" 2>/dev/null || true
proxy_pid=""
requests="$(wc -l <"$tmp/bodies")"
[ "$requests" -eq 1 ] || { echo "bench: sigil balance made $requests requests, expected 1" >&2; exit 1; }
head -c -1 "$tmp/bodies" >"$tmp/body.json"
kind=baseline cold_start "C JSON-RPC client (cc -O2)" "$tmp/rpc_client" "${node_url##*:}" "$tmp/body.json"
client_row=$((${#labels[@]} - 1))
kind="over:$client_row" cold_start "sigil balance ADDR --rpc URL" "$bin/sigil" balance "$address" --rpc "$node_url"
# The transaction and block reads (issue 14), against the same C client: block-number asks one
# batch (the header), code one (header, account proof and code), receipt three (the lookup, the
# header with the block's receipts, the block's transactions). A payment gives receipt a hash;
# its journal stays in $tmp.
hash="$(SIGIL_HOME="$tmp/home" "$bin/sigil" send --to 0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF --value 1wei \
    --private-key-file "$tmp/key.hex" --yes --rpc "$node_url" 2>/dev/null)"
kind="over:$client_row" cold_start "sigil block-number --rpc URL" "$bin/sigil" block-number --rpc "$node_url"
kind="over:$client_row" cold_start "sigil code ADDR --rpc URL" "$bin/sigil" code "$address" --rpc "$node_url"
kind="over:$client_row" cold_start "sigil receipt HASH --rpc URL" "$bin/sigil" receipt "$hash" --rpc "$node_url"

echo "cold start: mean of $runs runs ($method); the networked rows include the local devnode's answer"
{
    printf 'command\tmean\tvs C hello\ttarget\tresult\n'
    for i in "${!labels[@]}"; do
        base_label="" base_mean=0
        if [[ "${kinds[$i]}" == over:* ]]; then
            base_label="${labels[${kinds[$i]#over:}]}"
            base_mean="${means[${kinds[$i]#over:}]}"
        fi
        awk -v label="${labels[$i]}" -v mean="${means[$i]}" -v hello="${means[0]}" -v target="$target_ms" \
            -v kind="${kinds[$i]}" -v base_label="${base_label%% (*}" -v base="$base_mean" 'BEGIN {
                ratio = hello > 0 ? mean / hello : 0
                if (kind == "baseline") printf "%s\t%.2f ms\t%.2fx\t-\tbaseline\n", label, mean, ratio
                else if (kind ~ /^over:/) printf "%s\t%.2f ms\t%.2fx\t<= %d ms over %s\t%s (%+.2f ms)\n", label, mean, ratio,
                            target, base_label, (mean - base <= target ? "pass" : "MISS"), mean - base
                else printf "%s\t%.2f ms\t%.2fx\t<= %d ms\t%s\n", label, mean, ratio, target,
                            (mean <= target ? "pass" : "MISS")
            }'
    done
} | awk -F'\t' '
    { for (c = 1; c <= NF; c++) { cell[NR, c] = $c; if (length($c) > w[c]) w[c] = length($c) } rows = NR; cols = NF }
    END {
        for (r = 1; r <= rows; r++) {
            line = ""
            for (c = 1; c <= cols; c++) {
                fmt = (c == 1) ? "%-" w[c] "s" : "%" w[c] "s"
                line = line (c > 1 ? " | " : "") sprintf(fmt, cell[r, c])
            }
            print line
            if (r == 1) {
                sep = ""
                for (c = 1; c <= cols; c++) { d = sprintf("%" w[c] "s", ""); gsub(/ /, "-", d); sep = sep (c > 1 ? "-+-" : "") d }
                print sep
            }
        }
    }'
"$here/devnode.sh" stop "$tmp/node" >/dev/null

echo
"$here/bench_network.sh"
