#!/usr/bin/env python3
"""sigil devnode: a local Ethereum node (py-evm via eth-tester) served as JSON-RPC over HTTP.

Prints `http://127.0.0.1:PORT` as its first stdout line once it listens. See README.md.
"""

import argparse
import ctypes
import json
import os
import signal
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True  # keep the source tree clean of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rpcformat import RPCError  # noqa: E402

RPC_PREFIXES = ("eth_", "net_", "web3_", "devnode_")
FAIL_MODES = ("none", "reject-all", "drop", "http-500", "garbage", "close")


def parse_args(argv):
    p = argparse.ArgumentParser(description="Local Ethereum JSON-RPC node for Sigil's tests.")
    p.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: a free one)")
    p.add_argument("--chain-id", type=int, default=1337)
    p.add_argument("--delay-ms", type=int, default=0, help="answer every HTTP request after N ms")
    p.add_argument("--fail-mode", choices=FAIL_MODES, default="none",
                   help="reject-all: eth_sendRawTransaction answers 'txpool is full'; "
                        "drop: eth_sendRawTransaction answers the transaction's hash but drops it "
                        "(never mined: a stuck transaction); "
                        "http-500: every request answers HTTP 500; garbage: 200 with a non-JSON "
                        "body; close: the connection is closed without an answer "
                        "(requests that only call devnode_* methods are always served)")
    p.add_argument("--max-log-range", type=int, default=None,
                   help="eth_getLogs over more than N blocks answers -32005 'query exceeds max block range N'")
    p.add_argument("--max-log-results", type=int, default=None,
                   help="eth_getLogs matching more than N logs answers -32005 'query returned more than N results'")
    p.add_argument("--pid-file", help="write the process id here (removed on exit)")
    p.add_argument("--die-with-parent", action="store_true",
                   help="exit when the parent process dies (Linux prctl PR_SET_PDEATHSIG)")
    p.add_argument("--verbose", action="store_true", help="log requests and errors to stderr")
    return p.parse_args(argv)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, node, options):
        super().__init__(address, Handler)
        self.node, self.options = node, options
        self.count_lock = threading.Lock()
        self.request_count = 0
        self.method_counts = {}
        self.stuck = {}  # --fail-mode drop: hash -> the pending transaction's JSON

    def log(self, message):
        if self.options.verbose:
            sys.stderr.write(f"devnode: {message}\n")
            sys.stderr.flush()

    # -- JSON-RPC ------------------------------------------------------------------------------

    def call(self, method, params, seen):
        if method == "devnode_requestCount":
            return seen - 1
        if method == "devnode_methodCount":
            with self.count_lock:
                return self.method_counts.get(params[0] if params else "", 0)
        with self.count_lock:
            self.method_counts[method] = self.method_counts.get(method, 0) + 1
        if method == "eth_sendRawTransaction" and self.options.fail_mode == "drop":
            import rawtx
            raw = params[0] if params and isinstance(params[0], str) else ""
            try:
                fields = rawtx.decode(bytes.fromhex(raw[2:] if raw.startswith("0x") else raw))
            except ValueError:
                raise RPCError(-32000, "rlp: invalid hex")
            # Stuck in this node's pool: never mined, but known, as a pending transaction is to geth.
            with self.count_lock:
                self.stuck[fields["hash"]] = dict(fields, blockHash=None, blockNumber=None, transactionIndex=None)
            return fields["hash"]
        if method == "eth_getTransactionByHash" and self.options.fail_mode == "drop":
            with self.count_lock:
                found = self.stuck.get(str(params[0]).lower() if params else "")
            if found:
                return found
        if method == "devnode_resetRequestCount":
            with self.count_lock:
                self.request_count = 0
                self.method_counts = {}
            return True
        if method == "eth_sendRawTransaction" and self.options.fail_mode == "reject-all":
            raise RPCError(-32000, "txpool is full")
        if not isinstance(method, str) or not method.startswith(RPC_PREFIXES) or not hasattr(self.node, method):
            raise RPCError(-32601, f"the method {method} does not exist/is not available")
        if isinstance(params, dict):
            raise RPCError(-32602, "invalid argument: params must be an array")
        handler = getattr(self.node, method)
        with self.node.lock:
            try:
                return handler(*(params or []))
            except TypeError as error:
                if "positional argument" in str(error):
                    raise RPCError(-32602, f"invalid argument count for {method}")
                raise

    def answer(self, request, seen):
        if not isinstance(request, dict) or request.get("jsonrpc") != "2.0" or "method" not in request:
            rid = request.get("id") if isinstance(request, dict) else None
            return {"jsonrpc": "2.0", "id": rid, "error": {"code": -32600, "message": "invalid request"}}
        rid = request.get("id")
        try:
            result = self.call(request["method"], request.get("params", []), seen)
            return {"jsonrpc": "2.0", "id": rid, "result": result}
        except RPCError as error:
            body = {"code": error.code, "message": error.message}
            if error.data is not None:
                body["data"] = error.data
            self.log(f"{request['method']} -> error {error.code} {error.message}")
            return {"jsonrpc": "2.0", "id": rid, "error": body}
        except Exception as error:  # never crash: any failure is a JSON-RPC error
            self.log(f"{request.get('method')} -> {traceback.format_exc()}")
            return {"jsonrpc": "2.0", "id": rid,
                    "error": {"code": -32000, "message": f"{type(error).__name__}: {error}"}}


def only_test_methods(payload):
    requests = payload if isinstance(payload, list) else [payload]
    return bool(requests) and all(
        isinstance(r, dict) and str(r.get("method", "")).startswith("devnode_") for r in requests)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "sigil-devnode"
    # Like geth (Go sets TCP_NODELAY on every connection): the headers and the body go out in
    # separate writes, and with Nagle a keep-alive client would wait for a delayed ACK (40 ms).
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):
        self.server.log(fmt % args)

    def send(self, status, body, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.pause()
        self.send(405, b'{"error":"use POST"}')

    def pause(self):
        delay = self.server.options.delay_ms
        if delay > 0:
            time.sleep(delay / 1000)

    def do_POST(self):
        server = self.server
        with server.count_lock:
            server.request_count += 1
            seen = server.request_count
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.pause()
        try:
            payload = json.loads(body)
        except Exception:
            payload = None
        mode = server.options.fail_mode
        if mode in ("http-500", "garbage", "close") and not only_test_methods(payload):
            if mode == "http-500":
                return self.send(500, b"internal server error", "text/plain")
            if mode == "garbage":
                return self.send(200, b"<html>not json-rpc</html>", "text/html")
            self.close_connection = True
            return
        if payload is None:
            answer = {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "parse error"}}
        elif isinstance(payload, list):
            answer = [server.answer(r, seen) for r in payload] if payload else \
                {"jsonrpc": "2.0", "id": None, "error": {"code": -32600, "message": "empty batch"}}
        else:
            answer = server.answer(payload, seen)
        self.send(200, json.dumps(answer).encode())


def die_with_parent():
    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_pdeathsig = 1
    libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)


def parent_alive(options):
    """With --die-with-parent: exit with the parent (prctl). False when the parent already died."""
    parent = os.getppid()
    if options.die_with_parent:
        die_with_parent()
        if os.getppid() != parent:  # the parent died before prctl took effect
            return False
    return True


def serve(server, options, banner):
    """The part every local server shares: the pid file, stopping on SIGTERM/SIGINT, the URL as
    the first stdout line, then requests until stopped."""
    def stop(signum, frame):
        if options.pid_file:
            try:
                os.unlink(options.pid_file)
            except OSError:
                pass
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if options.pid_file:
        with open(options.pid_file, "w") as f:
            f.write(f"{os.getpid()}\n")
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.log(banner)
    server.serve_forever()
    return 0


def main(argv):
    options = parse_args(argv)
    if not parent_alive(options):
        return 1
    from node import Node  # imported after prctl: the import takes a moment
    node = Node(chain_id=options.chain_id, max_log_range=options.max_log_range,
                max_log_results=options.max_log_results)
    server = Server(("127.0.0.1", options.port), node, options)
    return serve(server, options, f"chain id {options.chain_id}, listening on port {server.server_address[1]}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
