"""`sigil balance` verified against `sigil balance --no-verify`, through the same peers.

    verified_balance.py SIGIL NODE_URL RUNS ADDRESS PEER_URL=PEER_LOG...

The peers are faultpeer.py --mode honest --verbose proxies in front of the devnode at NODE_URL;
each logs one stderr line per HTTP request to PEER_LOG. The two variants run alternately, RUNS
times each after 3 warm-up pairs. For every run it counts:
  - the requests that reached the node: the change in devnode_requestCount, less one (that call
    does not count itself, the next one does);
  - the requests each peer received (new request lines in its log); the round trips of a run are the most
    any one peer received, since the peers are asked at once;
  - Sigil's own CPU time: user + sys of the finished sigil process (getrusage(RUSAGE_CHILDREN)
    before and after; this script's own work is not a child's).
Prints one line per variant, `VARIANT runs R node_requests N per_peer A,B,C rounds K cpu_ms C
wall_ms W` (means), for bench_network.sh to format. Any failed run exits 1 with its stderr.
"""
import json
import resource
import subprocess
import sys
import time
import urllib.request


def rpc(url, method):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": []}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    return json.loads(urllib.request.urlopen(request, timeout=30).read())["result"]


def log_lines(path):
    """The requests a faultpeer --verbose log records (one `faultpeer: "POST …` line each)."""
    with open(path, "rb") as f:
        return sum(1 for line in f if line.startswith(b'faultpeer: "POST'))


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv):
    sigil, node, runs, address = argv[0], argv[1], int(argv[2]), argv[3]
    peers = [item.split("=", 1) for item in argv[4:]]
    command = [sigil, "balance", address] + [arg for url, _ in peers for arg in ("--rpc", url)]
    variants = {"verified": [], "no-verify": ["--no-verify"]}
    totals = {name: {"node": 0, "peers": [0] * len(peers), "rounds": 0, "cpu": 0.0, "wall": 0.0} for name in variants}
    for run in range(3 + runs):
        for name, extra in variants.items():
            node_before = rpc(node, "devnode_requestCount")
            peers_before = [log_lines(log) for _, log in peers]
            cpu_before = cpu_seconds()
            start = time.perf_counter()
            done = subprocess.run(command + extra, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wall = time.perf_counter() - start
            cpu = cpu_seconds() - cpu_before
            if done.returncode != 0:
                sys.stderr.write(f"bench: sigil balance ({name}) failed: {done.stderr.decode(errors='replace')}")
                return 1
            time.sleep(0.02)  # a peer logs as it answers; let the last line land
            node_requests = rpc(node, "devnode_requestCount") - node_before - 1
            per_peer = [log_lines(log) - before for (_, log), before in zip(peers, peers_before)]
            if run < 3:
                continue
            total = totals[name]
            total["node"] += node_requests
            total["peers"] = [a + b for a, b in zip(total["peers"], per_peer)]
            total["rounds"] += max(per_peer)
            total["cpu"] += cpu
            total["wall"] += wall
    for name, total in totals.items():
        per_peer = ",".join(f"{count / runs:.2f}" for count in total["peers"])
        print(f"{name} runs {runs} node_requests {total['node'] / runs:.2f} per_peer {per_peer} "
              f"rounds {total['rounds'] / runs:.2f} cpu_ms {total['cpu'] * 1000 / runs:.3f} wall_ms {total['wall'] * 1000 / runs:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
