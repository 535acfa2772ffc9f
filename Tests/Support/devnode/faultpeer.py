#!/usr/bin/env python3
"""sigil faultpeer: a JSON-RPC proxy in front of an honest devnode that lies or fails on purpose.

    faultpeer.py --upstream URL --mode MODE [--mode MODE ...] [--target ADDRESS] [--pid-file F]
                 [--die-with-parent]

Prints `http://127.0.0.1:PORT` as its first stdout line once it listens. Modes combine (e.g.
`--mode fabricate-receipt --mode drop`); see README.md. Requests that only call devnode_* methods
are always forwarded untouched. Nothing waits forever: a hung answer ends after HANG_SECONDS or
when the client goes away, sockets time out, and the process dies with its parent."""

import argparse
import http.client
import json
import os
import select
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True  # keep the source tree clean of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from devnode import only_test_methods, parent_alive, serve  # noqa: E402
from lies import DEFAULT_TARGET, JSON_FAULTS, LYING_MODES, Liar  # noqa: E402

HTTP_FAULTS = ("hang", "reset", "garbage", "huge", "slow")
MODES = ("honest",) + LYING_MODES + HTTP_FAULTS + JSON_FAULTS
HANG_SECONDS = 120
SLOW_SECONDS = 2
HUGE_BYTES = 100 * 1024 * 1024
SOCKET_TIMEOUT = 60  # no read or write on a client or upstream socket blocks longer


def parse_args(argv):
    p = argparse.ArgumentParser(description="A lying or failing JSON-RPC peer for Sigil's tests.")
    p.add_argument("--upstream", required=True, help="the honest node's URL (http://host:port)")
    p.add_argument("--mode", action="append", choices=MODES, required=True,
                   help="how to misbehave; may be given several times")
    p.add_argument("--target", default=DEFAULT_TARGET,
                   help="the account whose state forge-state forges (default: key 0x..01's)")
    p.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: a free one)")
    p.add_argument("--pid-file", help="write the process id here (removed on exit)")
    p.add_argument("--die-with-parent", action="store_true",
                   help="exit when the parent process dies (Linux prctl PR_SET_PDEATHSIG)")
    p.add_argument("--verbose", action="store_true", help="log requests to stderr")
    return p.parse_args(argv)


class Upstream:
    """Forwards JSON bodies to the honest node, one kept-alive connection per thread."""

    def __init__(self, url):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port, self.path = parsed.hostname, parsed.port or 80, parsed.path or "/"
        self.local = threading.local()

    def post(self, body):
        """(status, body bytes) of the upstream's answer to `body`."""
        for attempt in (0, 1):
            connection = getattr(self.local, "connection", None)
            if connection is None:
                connection = http.client.HTTPConnection(self.host, self.port, timeout=SOCKET_TIMEOUT)
                connection.connect()
                connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.local.connection = connection
            try:
                connection.request("POST", self.path, body, {"Content-Type": "application/json"})
                answer = connection.getresponse()
                return answer.status, answer.read()
            except (http.client.HTTPException, OSError):
                connection.close()
                self.local.connection = None
                if attempt:
                    raise

    def call(self, request):
        status, body = self.post(json.dumps(request).encode())
        if status != 200:
            return {"jsonrpc": "2.0", "id": request.get("id"),
                    "error": {"code": -32000, "message": f"upstream HTTP {status}"}}
        return json.loads(body)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, options):
        super().__init__(address, Handler)
        self.options = options
        self.modes = set(options.mode)
        self.upstream = Upstream(options.upstream)
        self.liar = Liar(self.modes, options.target)

    def handle_error(self, request, client_address):
        # A client that went on with another peer's answer and closed its connection is normal
        # (Sigil races its peers): no traceback for it in the logs.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)

    def log(self, message):
        if self.options.verbose:
            sys.stderr.write(f"faultpeer: {message}\n")
            sys.stderr.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "sigil-faultpeer"
    disable_nagle_algorithm = True  # as devnode.py (and geth) do
    timeout = SOCKET_TIMEOUT

    def log_message(self, fmt, *args):
        self.server.log(fmt % args)

    def send(self, status, body, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.send(405, b'{"error":"use POST"}')

    def do_POST(self):
        server, modes = self.server, self.server.modes
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        try:
            payload = json.loads(body)
        except Exception:
            payload = None
        if only_test_methods(payload):
            status, answer = server.upstream.post(body)
            return self.send(status, answer)
        if "hang" in modes:
            return self.hang()
        if "reset" in modes:
            return self.reset()
        if "garbage" in modes:
            return self.send(200, b"<html><body>502 Bad Gateway \x00\xff not json</body></html>", "text/html")
        if "huge" in modes:
            return self.huge()
        if "slow" in modes:
            time.sleep(SLOW_SECONDS)
        if payload is None or payload == [] or not (modes - {"honest", "slow"}):
            status, answer = server.upstream.post(body)
            return self.send(status, answer)
        forward = server.upstream.call
        if isinstance(payload, list):
            answer = [server.liar.answer(r, forward) if isinstance(r, dict) else forward(r) for r in payload]
        elif isinstance(payload, dict):
            answer = server.liar.answer(payload, forward)
        else:
            status, raw = server.upstream.post(body)
            return self.send(status, raw)
        self.send(200, json.dumps(answer).encode())

    def hang(self):
        """Never answers: waits until the client closes (or HANG_SECONDS), then closes."""
        deadline = time.monotonic() + HANG_SECONDS
        sock = self.connection
        while time.monotonic() < deadline:
            readable, _, _ = select.select([sock], [], [], 0.5)
            if readable:
                try:
                    if not sock.recv(1, socket.MSG_PEEK):
                        break  # the client went away
                except OSError:
                    break
                time.sleep(0.5)  # pipelined bytes: keep hanging, without spinning
        self.close_connection = True

    def reset(self):
        """Closes the connection with an RST (SO_LINGER 0), answering nothing."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def huge(self):
        """A 200 with a JSON-looking body of HUGE_BYTES, streamed in chunks."""
        head, tail = b'{"jsonrpc":"2.0","id":1,"result":"0x', b'"}'
        chunk = b"0" * 65536
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(HUGE_BYTES))
        self.end_headers()
        try:
            self.wfile.write(head)
            left = HUGE_BYTES - len(head) - len(tail)
            while left > 0:
                piece = chunk if left >= len(chunk) else chunk[:left]
                self.wfile.write(piece)
                left -= len(piece)
            self.wfile.write(tail)
        except OSError:
            pass  # the client stopped reading: fine
        self.close_connection = True


def main(argv):
    options = parse_args(argv)
    if not parent_alive(options):
        return 1
    server = Server(("127.0.0.1", options.port), options)
    return serve(server, options, f"modes {sorted(server.modes)}, upstream {options.upstream}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
