#!/usr/bin/env bash
# make bench: Sigil's hot paths against C baselines (SigilBench, in-process), then the cold
# start of the executables against a C "hello" built with cc -O2.
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

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' > "$tmp/hello.c"
cc -O2 -o "$tmp/hello" "$tmp/hello.c"
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

# cold_start LABEL COMMAND [ARGS...]: mean wall-clock milliseconds per start, over $runs runs.
cold_start() {
    local label="$1"
    shift
    "$@" >/dev/null 2>&1 || { echo "bench: '$label' failed: $*" >&2; exit 1; }
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
        for _ in 1 2 3 4 5 6 7 8 9 10; do "$@" >/dev/null 2>&1; done
        start="$(date +%s%N)"
        for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1; done
        end="$(date +%s%N)"
        mean="$(awk -v ns="$((end - start))" -v n="$runs" 'BEGIN { printf "%.3f", ns / n / 1e6 }')"
    fi
    labels+=("$label")
    means+=("$mean")
}

# The first row is the baseline; add a command with one line.
cold_start "C hello (cc -O2)" "$tmp/hello"
cold_start "sigil --version" "$bin/sigil" --version
cold_start "sigil-signer --version" "$bin/sigil-signer" --version
cold_start "sigil key inspect" "$bin/sigil" key inspect --private-key-file "$tmp/key.hex"
cold_start "sigil-signer address" "$bin/sigil-signer" address --private-key-file "$tmp/key.hex"

echo "cold start: mean of $runs runs ($method)"
{
    printf 'command\tmean\tvs C hello\ttarget\tresult\n'
    for i in "${!labels[@]}"; do
        awk -v label="${labels[$i]}" -v mean="${means[$i]}" -v base="${means[0]}" -v target="$target_ms" \
            -v first="$((i == 0))" 'BEGIN {
                ratio = base > 0 ? mean / base : 0
                if (first) printf "%s\t%.2f ms\t%.2fx\t-\tbaseline\n", label, mean, ratio
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

echo
"$here/bench_network.sh"
