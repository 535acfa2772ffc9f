#!/usr/bin/env python3
"""sigil p2ppeer: an independent RLPx + eth/68 peer on 127.0.0.1 for Sigil's devp2p tests.

    python peer.py --rpc http://127.0.0.1:PORT [--mode MODE] [--port 0] [--key HEX] [--die-with-parent]

Prints `READY enode://<pubkey>@127.0.0.1:<port>` once it listens, then one JSON object per line
for what happens (every event has "event" and, per connection, "conn"); see README.md.

Trinity's `p2p` package (in .venv-p2p) does the cryptography and framing: `Transport`
(EIP-8/legacy auth → ack, secrets, frame MACs and AES), `_do_p2p_handshake` (Hello, p2p v5,
switching Snappy on) and the `p2p_proto` commands (Disconnect, Ping, Pong, Snappy via
`BaseCommand`). This file adds the server loop, the eth/68 exchange (eth68.py) and the bad modes.
"""

import argparse
import asyncio
import ctypes
import json
import os
import signal
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from trinity_p2p import (  # noqa: E402
    DevP2PHandshakeParams, Disconnect, DisconnectReason, P2PProtocolV5, Transport,
    _do_p2p_handshake, ecies,
)
from eth_keys import keys  # noqa: E402
from eth_utils import keccak  # noqa: E402

import eth68  # noqa: E402
from peer_session import EthSession  # noqa: E402
from rpc import rpc_call  # noqa: E402

MODES = ("normal", "wrong-genesis", "wrong-fork-id", "wrong-network", "garbage", "silent",
         "mid-frame", "disconnect")
CLIENT_ID = "sigil-test-peer/trinity-p2p-0.1.0a37"


def parse_args(argv):
    p = argparse.ArgumentParser(description="RLPx + eth/68 test peer for Sigil (trinity p2p).")
    p.add_argument("--rpc", required=True, help="JSON-RPC URL of the node the peer belongs to")
    p.add_argument("--mode", choices=MODES, default="normal")
    p.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: a free one)")
    p.add_argument("--key", help="node private key, 64 hex digits (default: random)")
    p.add_argument("--die-with-parent", action="store_true",
                   help="exit when the parent process dies (Linux prctl PR_SET_PDEATHSIG)")
    return p.parse_args(argv)


def emit(event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


class ChainView:
    """What the peer's Status says and what it expects in the dialer's: from the node."""

    def __init__(self, rpc_url):
        self.network_id = int(rpc_call(rpc_url, "eth_chainId", []), 16)
        self.genesis = bytes.fromhex(rpc_call(rpc_url, "eth_getBlockByNumber", ["0x0", False])["hash"][2:])
        self.head = bytes.fromhex(rpc_call(rpc_url, "eth_getBlockByNumber", ["latest", False])["hash"][2:])
        self.fork_id = eth68.fork_id_all_at_genesis(self.genesis)

    def status_for(self, mode):
        """Our Status; each wrong-* mode changes exactly one field."""
        network_id, genesis, fork_id = self.network_id, self.genesis, list(self.fork_id)
        if mode == "wrong-network":
            network_id += 1
        elif mode == "wrong-genesis":
            genesis = keccak(b"not the genesis" + genesis)
        elif mode == "wrong-fork-id":
            fork_id[0] = bytes(b ^ 0xFF for b in fork_id[0])
        return eth68.status_payload(network_id, 1, self.head, genesis, fork_id)


class PeerServer:
    def __init__(self, options, key, chain):
        self.options, self.key, self.chain = options, key, chain
        self.port = 0
        self.next_conn = 0

    async def handle(self, reader, writer):
        self.next_conn += 1
        conn = self.next_conn
        log = lambda event, **fields: emit({"event": event, "conn": conn, **fields})  # noqa: E731
        log("connected")
        try:
            if self.options.mode == "silent":
                await drain_until_eof(reader)
            else:
                await self.speak(reader, writer, log)
        except Exception as error:  # every failure is an event, never a crash of the server
            log("error", error=f"{type(error).__name__}: {error}")
        finally:
            writer.close()
            log("closed")

    async def speak(self, reader, writer, log):
        mode = self.options.mode
        transport = await Transport.receive_connection(reader, writer, self.key)
        log("auth", remote="0x" + transport.remote.pubkey.to_bytes().hex())
        if mode == "garbage":
            writer.write(os.urandom(64))
            await writer.drain()
            log("garbage-sent", bytes=64)
            await drain_until_eof(reader)
            return
        params = DevP2PHandshakeParams(CLIENT_ID, self.port, 5)
        ephemeral = P2PProtocolV5(transport, command_id_offset=0, snappy_support=False)
        receipt, base = await _do_p2p_handshake(transport, (("eth", eth68.ETH_VERSION),), params, ephemeral)
        caps = [f"{name}/{version}" for name, version in receipt.capabilities]
        log("hello", client=receipt.client_version_string, version=receipt.version, caps=caps,
            snappy=base.snappy_support, listen_port=receipt.listen_port)
        if mode == "disconnect":
            base.send(Disconnect(DisconnectReason.TOO_MANY_PEERS))
            log("disconnect-sent", reason=DisconnectReason.TOO_MANY_PEERS.value)
            await transport.close()
            return
        eth = eth68.Eth68Protocol(transport, eth68.ETH_OFFSET, base.snappy_support)
        if mode == "mid-frame":
            message = eth68.Status(self.chain.status_for("normal")).encode(
                eth.command_id_by_type[eth68.Status], base.snappy_support)
            header = message.header.ljust(16, b"\x00")
            body = message.body.ljust((len(message.body) + 15) // 16 * 16, b"\x00")
            frame = transport._encrypt(header, body)
            writer.write(frame[:len(frame) // 2])
            await writer.drain()
            log("mid-frame-sent", bytes=len(frame) // 2, of=len(frame))
            return
        if ("eth", eth68.ETH_VERSION) not in [tuple(c) for c in receipt.capabilities]:
            base.send(Disconnect(DisconnectReason.USELESS_PEER))
            log("disconnect-sent", reason=DisconnectReason.USELESS_PEER.value, why="no eth/68 capability")
            await transport.close()
            return
        session = EthSession(transport, base, eth, self.chain, self.options.rpc, log)
        await session.run(self.chain.status_for(mode))


async def drain_until_eof(reader):
    while await reader.read(65536):
        pass


def die_with_parent():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG


async def serve(options):
    key = keys.PrivateKey(bytes.fromhex(options.key.removeprefix("0x"))) if options.key \
        else ecies.generate_privkey()
    chain = ChainView(options.rpc)
    peer = PeerServer(options, key, chain)
    server = await asyncio.start_server(peer.handle, "127.0.0.1", options.port)
    peer.port = server.sockets[0].getsockname()[1]
    print(f"READY enode://{key.public_key.to_bytes().hex()}@127.0.0.1:{peer.port}", flush=True)
    emit({"event": "listening", "mode": options.mode, "network_id": chain.network_id,
          "genesis": "0x" + chain.genesis.hex(), "fork_hash": "0x" + chain.fork_id[0].hex()})
    async with server:
        await server.serve_forever()


def main(argv):
    options = parse_args(argv)
    parent = os.getppid()
    if options.die_with_parent:
        die_with_parent()
        if os.getppid() != parent:  # the parent died before prctl took effect
            return 1
    for signum in (signal.SIGTERM, signal.SIGINT):  # exit at once, without asyncio tracebacks
        signal.signal(signum, lambda *_: os._exit(0))
    asyncio.run(serve(options))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
