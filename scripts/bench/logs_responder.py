"""A loopback JSON-RPC responder for the `sigil logs` bench, and the minimal client it is compared with.

    logs_responder.py serve --blocks 10000 --logs 20000 --out FILE
        pre-generates LOGS ERC-20 Transfer logs of one token spread evenly over blocks 1..BLOCKS
        (each log's JSON text made once), writes http://127.0.0.1:PORT to FILE once listening and
        serves until killed: eth_chainId, eth_blockNumber (BLOCKS) and eth_getLogs by block range
        (the logs of the range, sliced from the prepared text: the responder does no work per log,
        so the time measured is the client's). HTTP/1.1 keep-alive, one thread per connection.

    logs_responder.py client URL FROM TO CHUNK
        the minimal client: the same eth_getLogs requests Sigil makes with the same chunks
        (FROM..TO, CHUNK blocks each), over one keep-alive connection, each answer parsed as
        JSON; prints the number of logs.
"""
import argparse
import http.client
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3"
TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"


def prepare(blocks, count):
    """Per block, the JSON text of its logs (a list of byte strings)."""
    per_block = [[] for _ in range(blocks + 1)]
    for i in range(count):
        number = 1 + i * blocks // count
        index = len(per_block[number])
        sender = "0x" + (i % 997 + 1).to_bytes(32, "big").hex()
        recipient = "0x" + (i % 991 + 2000).to_bytes(32, "big").hex()
        log = {
            "address": TOKEN,
            "topics": [TRANSFER, sender, recipient],
            "data": "0x" + (10**18 + i).to_bytes(32, "big").hex(),
            "blockNumber": hex(number),
            "blockHash": "0x" + (number * 7919).to_bytes(32, "big").hex(),
            "transactionHash": "0x" + (i + 1).to_bytes(32, "big").hex(),
            "transactionIndex": hex(index),
            "logIndex": hex(index),
            "removed": False,
        }
        per_block[number].append(json.dumps(log, separators=(",", ":")).encode())
    return per_block


def serve(options):
    per_block = prepare(options.blocks, options.logs)
    latest = options.blocks

    def number(value):
        if value in (None, "latest", "safe", "finalized", "pending"):
            return latest
        return 0 if value == "earliest" else int(value, 16)

    def result(call):
        method, params = call.get("method"), call.get("params") or []
        if method == "eth_chainId":
            return json.dumps(hex(options.chain_id)).encode()
        if method == "eth_blockNumber":
            return json.dumps(hex(latest)).encode()
        if method == "eth_getLogs":
            query = params[0]
            low, high = number(query.get("fromBlock")), min(number(query.get("toBlock")), latest)
            return b"[" + b",".join(log for n in range(low, high + 1) for log in per_block[n]) + b"]"
        return None

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            call = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            body = result(call)
            ident = json.dumps(call.get("id")).encode()
            if body is None:
                data = b'{"jsonrpc":"2.0","id":%s,"error":{"code":-32601,"message":"not served here"}}' % ident
            else:
                data = b'{"jsonrpc":"2.0","id":%s,"result":%s}' % (ident, body)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(options.out + ".tmp", "w") as f:
        f.write(f"http://127.0.0.1:{server.server_address[1]}\n")
    os.rename(options.out + ".tmp", options.out)
    server.serve_forever()


def client(options):
    url = urlparse(options.url)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    total, start, ident = 0, options.from_block, 1
    while start <= options.to_block:
        end = min(start + options.chunk - 1, options.to_block)
        body = json.dumps({"jsonrpc": "2.0", "id": ident, "method": "eth_getLogs",
                           "params": [{"fromBlock": hex(start), "toBlock": hex(end), "address": TOKEN, "topics": [TRANSFER]}]})
        connection.request("POST", url.path or "/", body, {"Content-Type": "application/json"})
        total += len(json.loads(connection.getresponse().read())["result"])
        start, ident = end + 1, ident + 1
    print(total)


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    s = commands.add_parser("serve")
    s.add_argument("--blocks", type=int, default=10000)
    s.add_argument("--logs", type=int, default=20000)
    s.add_argument("--chain-id", type=int, default=1337)
    s.add_argument("--out", required=True)
    c = commands.add_parser("client")
    c.add_argument("url")
    c.add_argument("from_block", type=int)
    c.add_argument("to_block", type=int)
    c.add_argument("chunk", type=int)
    options = parser.parse_args()
    serve(options) if options.command == "serve" else client(options)


if __name__ == "__main__":
    sys.exit(main())
