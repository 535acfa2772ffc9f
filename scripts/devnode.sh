#!/usr/bin/env bash
# Starts and stops local devnodes (Tests/Support/devnode/devnode.py) for `make demo` and tests.
#
#   scripts/devnode.sh start DIR [--count N] [devnode options...]
#       Starts N independent instances (same genesis, same chain id), each on a free port.
#       Writes DIR/node-<i>.pid, DIR/node-<i>.url (and DIR/node-<i>.log, its stderr), then waits
#       until each one answers eth_chainId. On failure, stops what it started and exits 1.
#   scripts/devnode.sh stop DIR
#       Stops every instance recorded in DIR and waits until they are gone.
#
# The interpreter is $SIGIL_PYTHON, else the project's .venv/bin/python.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
script="$root/Tests/Support/devnode/devnode.py"
python="${SIGIL_PYTHON:-$root/.venv/bin/python}"

usage() { echo "usage: $0 start DIR [--count N] [devnode options...] | stop DIR" >&2; exit 2; }

is_devnode() { # pid -> true if it is alive and runs devnode.py
    [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q "devnode.py"
}

stop_dir() {
    local dir="$1" pid pids=() f
    for f in "$dir"/node-*.pid; do
        [ -e "$f" ] || continue
        pid="$(tr -dc '0-9' <"$f")"
        if [ -n "$pid" ] && is_devnode "$pid"; then
            kill -TERM "$pid" 2>/dev/null || true
            pids+=("$pid")
        fi
        rm -f "$f"
    done
    for pid in "${pids[@]+"${pids[@]}"}"; do
        for _ in $(seq 50); do is_devnode "$pid" || break; sleep 0.1; done
        if is_devnode "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
        for _ in $(seq 20); do is_devnode "$pid" || break; sleep 0.1; done
    done
    rm -f "$dir"/node-*.url "$dir"/node-*.out
}

chain_id_answer() { # url -> the eth_chainId result, or nothing
    curl -s --max-time 2 -H 'Content-Type: application/json' \
        --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$1" 2>/dev/null || true
}

start_dir() {
    local dir="$1"; shift
    local count=1 options=() i pid url deadline
    while [ $# -gt 0 ]; do
        case "$1" in
            --count) count="${2:?--count needs a number}"; shift 2 ;;
            *) options+=("$1"); shift ;;
        esac
    done
    [ -x "$python" ] || { echo "devnode: no Python at $python (run 'make venv' or set SIGIL_PYTHON)" >&2; exit 1; }
    mkdir -p "$dir"
    stop_dir "$dir"
    trap 'stop_dir "$dir"; exit 1' INT TERM
    for i in $(seq 1 "$count"); do
        "$python" "$script" --port 0 --pid-file "$dir/node-$i.pid" "${options[@]+"${options[@]}"}" \
            >"$dir/node-$i.out" 2>"$dir/node-$i.log" </dev/null &
        echo "$!" >"$dir/node-$i.pid"
    done
    for i in $(seq 1 "$count"); do
        pid="$(cat "$dir/node-$i.pid")"
        deadline=$((SECONDS + 60))
        url=""
        while [ -z "$url" ]; do
            url="$(head -n 1 "$dir/node-$i.out" 2>/dev/null || true)"
            if [ -z "$url" ] && { ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; }; then
                echo "devnode $i failed to start; its log:" >&2
                cat "$dir/node-$i.log" >&2 || true
                stop_dir "$dir"; exit 1
            fi
            [ -n "$url" ] || sleep 0.1
        done
        echo "$url" >"$dir/node-$i.url"
        # Any HTTP answer means it is up (a --fail-mode node may answer with an error).
        until [ -n "$(chain_id_answer "$url")" ] || \
            [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" != "000" ]; do
            if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
                echo "devnode $i does not answer at $url" >&2
                stop_dir "$dir"; exit 1
            fi
            sleep 0.1
        done
        echo "devnode $i: $url" >&2
    done
    trap - INT TERM
}

[ $# -ge 2 ] || usage
command="$1"; dir="$2"; shift 2
case "$command" in
    start) start_dir "$dir" "$@" ;;
    stop) stop_dir "$dir" ;;
    *) usage ;;
esac
