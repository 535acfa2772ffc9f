#!/usr/bin/env python3
"""Checks the test peer (peer.py) in every mode by dialing it, as Sigil's client will.

    .venv-p2p/bin/python dial_check.py --rpc http://127.0.0.1:PORT [--mode MODE ...]

The dialer is an EIP-8 initiator built from trinity's `HandshakeInitiator` (use_eip8=True; its
own `auth.handshake` reads a fixed-size legacy ack, so the EIP-8 ack is read here by its size
prefix), trinity's `Transport` and `_do_p2p_handshake`. In `normal` mode it pushes a signed
EIP-1559 transfer from the devnode's funded key 0x…01 in Transactions, announces a legacy one
with NewPooledTransactionHashes and answers the peer's GetPooledTransactions, and checks that
both are forwarded and mined. Prints one JSON line per mode; exits 1 if any check failed.
"""

import argparse
import asyncio
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from trinity_p2p import (  # noqa: E402
    Address, DevP2PHandshakeParams, Disconnect, Node, P2PProtocolV5, PeerConnectionLost, Ping,
    Pong, Transport, _do_p2p_handshake, auth, ecies,
)
from eth_account import Account  # noqa: E402
from eth_keys import keys  # noqa: E402
from eth_utils import keccak  # noqa: E402

import eth68  # noqa: E402
from rpc import rpc_call  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FUNDED_KEY = "0x" + "00" * 31 + "01"


class PeerProcess:
    """peer.py in a child process; collects its JSON events."""

    async def start(self, rpc_url, mode):
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, os.path.join(HERE, "peer.py"), "--rpc", rpc_url, "--mode", mode,
            "--die-with-parent", stdout=asyncio.subprocess.PIPE)
        line = (await asyncio.wait_for(self.process.stdout.readline(), 30)).decode().strip()
        assert line.startswith("READY enode://"), f"peer did not start: {line!r}"
        self.enode = line.split(" ", 1)[1]
        self.events = []
        self.reader_task = asyncio.create_task(self._collect())
        return self

    async def _collect(self):
        while line := await self.process.stdout.readline():
            self.events.append(json.loads(line))

    async def wait_for(self, name, timeout=10, **match):
        for _ in range(int(timeout * 20)):
            for event in self.events:
                if event["event"] == name and all(event.get(k) == v for k, v in match.items()):
                    return event
            await asyncio.sleep(0.05)
        raise AssertionError(f"no {name} event {match or ''}; events: {self.events}")

    async def stop(self):
        self.process.terminate()
        await self.process.wait()


async def dial(enode, key):
    """EIP-8 auth → ack → secrets with trinity's initiator; returns trinity's Transport."""
    pubkey_hex, address = enode.removeprefix("enode://").split("@")
    host, port = address.rsplit(":", 1)
    remote = Node.from_pubkey_and_addr(keys.PublicKey(bytes.fromhex(pubkey_hex)),
                                       Address(host, int(port), int(port)))
    initiator = auth.HandshakeInitiator(remote, key, use_eip8=True)
    reader, writer = await asyncio.open_connection(host, int(port))
    nonce = keccak(os.urandom(32))
    auth_init = initiator.encrypt_auth_message(initiator.create_auth_message(nonce))
    writer.write(auth_init)
    prefix = await asyncio.wait_for(reader.readexactly(2), 5)
    ack = prefix + await reader.readexactly(int.from_bytes(prefix, "big"))
    remote_ephemeral, remote_nonce = initiator.decode_auth_ack_message(ack)
    secrets = initiator.derive_secrets(nonce, remote_nonce, remote_ephemeral, auth_init, ack)
    return Transport(remote, key, reader, writer, *secrets)


async def hello(transport):
    params = DevP2PHandshakeParams("sigil-dial-check", 0, 5)
    ephemeral = P2PProtocolV5(transport, command_id_offset=0, snappy_support=False)
    receipt, base = await _do_p2p_handshake(transport, (("eth", 68),), params, ephemeral)
    return receipt, base, eth68.Eth68Protocol(transport, eth68.ETH_OFFSET, base.snappy_support)


async def receive(transport, base, eth, timeout=10):
    message = await asyncio.wait_for(transport.recv(), timeout)
    protocol = base if message.command_id < eth68.ETH_OFFSET else eth
    return protocol.command_type_by_id[message.command_id].decode(message, protocol.snappy_support)


def signed_transfer(rpc_url, chain_id, nonce, typed):
    tx = {"chainId": chain_id, "nonce": nonce, "to": "0x" + "22" * 20, "value": 12345, "gas": 21000}
    if typed:
        tx.update(maxFeePerGas=10**10, maxPriorityFeePerGas=10**9, type=2)
    else:
        tx.update(gasPrice=10**10)
    return bytes(Account.sign_transaction(tx, FUNDED_KEY).raw_transaction)


async def check_normal(rpc_url, peer, chain):
    transport = await dial(peer.enode, ecies.generate_privkey())
    receipt, base, eth = await hello(transport)
    assert ("eth", 68) in [tuple(c) for c in receipt.capabilities], receipt.capabilities
    status = eth68.status_json((await receive(transport, base, eth)).payload)
    assert not eth68.status_problems(status, *chain), status
    eth.send(eth68.Status(eth68.status_payload(chain[0], 1, chain[1], chain[1], chain[2])))
    await peer.wait_for("status", ok=True)
    base.send(Ping(None))
    assert isinstance(await receive(transport, base, eth), Pong)
    sender = Account.from_key(FUNDED_KEY).address
    nonce = int(rpc_call(rpc_url, "eth_getTransactionCount", [sender, "latest"]), 16)
    pushed = signed_transfer(rpc_url, chain[0], nonce, typed=True)
    eth.send(eth68.Transactions([pushed]))
    pushed_hash = eth68.transaction_hash(pushed)
    forwarded = await peer.wait_for("forwarded", hash=pushed_hash)
    assert forwarded.get("result") == pushed_hash, forwarded
    announced = signed_transfer(rpc_url, chain[0], nonce + 1, typed=False)
    announced_hash = keccak(announced)
    eth.send(eth68.NewPooledTransactionHashes([bytes([0]), [len(announced)], [announced_hash]]))
    request = await receive(transport, base, eth)
    assert isinstance(request, eth68.GetPooledTransactions), request
    assert request.payload[1] == [announced_hash], request.payload
    eth.send(eth68.PooledTransactions([eth68.as_int(request.payload[0]), [rlp_list(announced)]]))
    fetched = await peer.wait_for("fetched")
    assert fetched["ok"], fetched
    forwarded = await peer.wait_for("forwarded", hash="0x" + announced_hash.hex())
    assert forwarded.get("result") == "0x" + announced_hash.hex(), forwarded
    blocks = []
    for tx_hash in (pushed_hash, "0x" + announced_hash.hex()):
        mined = rpc_call(rpc_url, "eth_getTransactionReceipt", [tx_hash])
        assert mined and mined["status"] == "0x1", mined
        blocks.append(int(mined["blockNumber"], 16))
    await transport.close()
    return {"pushed": pushed_hash, "announced": "0x" + announced_hash.hex(), "blocks": blocks,
            "peer_client": receipt.client_version_string}


def rlp_list(legacy_raw):
    import rlp
    return rlp.decode(legacy_raw)  # a legacy tx goes on the wire as an RLP list


async def check_wrong(peer, chain, field):
    transport = await dial(peer.enode, ecies.generate_privkey())
    _, base, eth = await hello(transport)
    status = eth68.status_json((await receive(transport, base, eth)).payload)
    problems = eth68.status_problems(status, *chain)
    assert len(problems) == 1 and problems[0].startswith(field), problems
    await transport.close()
    return {"problem": problems[0]}


async def check_garbage(peer):
    transport = await dial(peer.enode, ecies.generate_privkey())
    try:
        await asyncio.wait_for(transport.recv(), 5)
    except Exception as error:  # trinity rejects the 64 bytes as a bad header MAC
        await peer.wait_for("garbage-sent")
        return {"dialer_error": f"{type(error).__name__}: {error}"[:160]}
    raise AssertionError("garbage decoded as a frame")


async def check_silent(peer):
    try:
        await asyncio.wait_for(dial(peer.enode, ecies.generate_privkey()), 2)
    except asyncio.TimeoutError:
        await peer.wait_for("connected")
        return {"dialer_error": "no ack within 2 s"}
    raise AssertionError("the silent peer answered")


async def check_mid_frame(peer):
    transport = await dial(peer.enode, ecies.generate_privkey())
    await hello(transport)
    try:
        await asyncio.wait_for(transport.recv(), 5)
    except PeerConnectionLost as error:
        return {"dialer_error": f"PeerConnectionLost: {error}", "peer": await peer.wait_for("mid-frame-sent")}
    raise AssertionError("a whole frame arrived")


async def check_disconnect(peer):
    transport = await dial(peer.enode, ecies.generate_privkey())
    _, base, eth = await hello(transport)
    command = await receive(transport, base, eth)
    assert isinstance(command, Disconnect) and command.payload.value == 4, command
    return {"reason": command.payload.value}


async def check_status_rejected(peer, chain):
    """A normal peer disconnects (0x10) a dialer whose Status names another network."""
    transport = await dial(peer.enode, ecies.generate_privkey())
    _, base, eth = await hello(transport)
    await receive(transport, base, eth)  # the peer's Status
    eth.send(eth68.Status(eth68.status_payload(chain[0] + 1, 1, chain[1], chain[1], chain[2])))
    command = await receive(transport, base, eth)
    assert isinstance(command, Disconnect) and command.payload.value == 0x10, command
    status = await peer.wait_for("status", ok=False)
    return {"reason": command.payload.value, "problems": status["problems"]}


async def run(options):
    chain_id = int(rpc_call(options.rpc, "eth_chainId", []), 16)
    genesis = bytes.fromhex(rpc_call(options.rpc, "eth_getBlockByNumber", ["0x0", False])["hash"][2:])
    chain = (chain_id, genesis, eth68.fork_id_all_at_genesis(genesis))
    checks = {
        "normal": lambda peer: check_normal(options.rpc, peer, chain),
        "wrong-genesis": lambda peer: check_wrong(peer, chain, "genesis"),
        "wrong-fork-id": lambda peer: check_wrong(peer, chain, "fork id"),
        "wrong-network": lambda peer: check_wrong(peer, chain, "network id"),
        "garbage": check_garbage, "silent": check_silent, "mid-frame": check_mid_frame,
        "disconnect": check_disconnect,
        "status-rejected": lambda peer: check_status_rejected(peer, chain),
    }
    failures = 0
    for mode in options.mode or list(checks):
        peer = await PeerProcess().start(options.rpc, "normal" if mode == "status-rejected" else mode)
        try:
            result = {"mode": mode, "ok": True, **await checks[mode](peer)}
        except Exception as error:
            failures += 1
            result = {"mode": mode, "ok": False, "error": f"{type(error).__name__}: {error}"}
        await asyncio.sleep(0.2)
        result["peer_events"] = [e["event"] for e in peer.events]
        await peer.stop()
        print(json.dumps(result), flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rpc", required=True)
    parser.add_argument("--mode", action="append", help="check only this mode (repeatable)")
    sys.exit(asyncio.run(run(parser.parse_args())))
