"""The node's time alone, for `make bench`'s batch-payout row: sends signed transactions
straight to a node with eth_sendRawTransaction, one request each in nonce order over one
keep-alive HTTP connection (TCP_NODELAY), with no Sigil involved. Every request body is built before the
clock starts, so the client does as little as possible while it runs.

    python send_raw.py URL JOURNAL.jsonl

Reads the transactions from a Sigil journal (one JSON object per line; the "kind":"tx" records
carry nonce and raw, "kind":"status" updates are skipped; a nonce journaled twice must carry the
same bytes). Prints "<count> <seconds>" on stdout;
exits 1 on the first answer that is not a transaction hash.
"""
import http.client
import json
import socket
import sys
import time
import urllib.parse


def main():
    url, journal = sys.argv[1], sys.argv[2]
    by_nonce = {}
    with open(journal) as f:
        for line in f:
            record = json.loads(line) if line.strip() else {}
            if record.get("kind") == "tx":
                nonce, raw = record["nonce"], record["raw"]
                if by_nonce.setdefault(nonce, raw) != raw:
                    sys.exit(f"send_raw: nonce {nonce} has two different transactions in {journal}")
    bodies = [json.dumps({"jsonrpc": "2.0", "id": i, "method": "eth_sendRawTransaction",
                          "params": [by_nonce[n]]}).encode()
              for i, n in enumerate(sorted(by_nonce))]
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port)
    connection.connect()
    # http.client writes the headers and the body in two sends: without TCP_NODELAY, Nagle holds
    # the body until the node's delayed ACK (40 ms), which would be timed as the node's time.
    connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    headers = {"Content-Type": "application/json"}
    start = time.perf_counter()
    for body in bodies:
        connection.request("POST", parts.path or "/", body, headers)
        answer = json.loads(connection.getresponse().read())
        result = answer.get("result") if isinstance(answer, dict) else None
        if not (isinstance(result, str) and result.startswith("0x") and len(result) == 66):
            sys.exit(f"send_raw: the node refused a transaction: {answer}")
    elapsed = time.perf_counter() - start
    connection.close()
    print(len(bodies), f"{elapsed:.6f}")


if __name__ == "__main__":
    main()
