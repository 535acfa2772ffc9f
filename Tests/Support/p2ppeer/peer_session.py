"""One eth/68 session of the test peer after Hello: Status exchange, then the message loop.

Received Transactions and fetched PooledTransactions are forwarded to the node with
eth_sendRawTransaction; NewPooledTransactionHashes announcements are fetched with
GetPooledTransactions. Reading, decrypting and decompressing is trinity's (`Transport.recv`,
`BaseCommand.decode`), sending too (`BaseProtocol.send`).
"""

import asyncio

import eth68
from rpc import rpc_call
from trinity_p2p import Disconnect, DisconnectReason, Hello, Ping, Pong, PeerConnectionLost


class EthSession:
    def __init__(self, transport, base, eth, chain, rpc_url, log):
        self.transport, self.base, self.eth = transport, base, eth
        self.chain, self.rpc_url, self.log = chain, rpc_url, log
        self.status_seen = False
        self.next_request_id = 1
        self.pending = {}  # request id -> announced {"hashes", "types", "sizes"}

    async def run(self, our_status):
        self.eth.send(eth68.Status(our_status))
        self.log("status-sent", **eth68.status_json(eth68.RawRLPCodec().decode(
            eth68.RawRLPCodec().encode(our_status))))
        while True:
            try:
                message = await self.transport.recv()
            except PeerConnectionLost:
                return
            except asyncio.TimeoutError:  # idle: trinity's read timeout; keep waiting
                continue
            command_id = message.command_id
            if command_id < eth68.ETH_OFFSET:
                command_type = self.base.command_type_by_id.get(command_id)
                protocol = self.base
            else:
                command_type = self.eth.command_type_by_id.get(command_id)
                protocol = self.eth
            if command_type is None:
                self.log("unknown-message", id=command_id, bytes=len(message.body))
                continue
            command = command_type.decode(message, protocol.snappy_support)
            if not await self.dispatch(command):
                await self.transport.close()
                return

    async def dispatch(self, command):
        """Handles one message; False ends the session."""
        payload = command.payload
        if isinstance(command, Ping):
            self.base.send(Pong(None))
            self.log("ping")
        elif isinstance(command, Pong):
            self.log("pong")
        elif isinstance(command, Disconnect):
            self.log("disconnect", reason=payload.value, name=payload.name.lower())
            return False
        elif isinstance(command, Hello):
            return self.fail("a second Hello")
        elif isinstance(command, eth68.Status):
            return self.on_status(payload)
        elif not self.status_seen:
            return self.fail(f"{type(command).__name__} before Status")
        elif isinstance(command, eth68.Transactions):
            await self.on_transactions(payload)
        elif isinstance(command, eth68.NewPooledTransactionHashes):
            self.on_announcement(payload)
        elif isinstance(command, eth68.PooledTransactions):
            await self.on_pooled(payload)
        elif isinstance(command, eth68.GetPooledTransactions):
            # We keep no pool: answer with no transactions, as a node that has none would.
            request_id = eth68.as_int(payload[0])
            self.eth.send(eth68.PooledTransactions([request_id, []]))
            self.log("get-pooled", request_id=request_id, hashes=["0x" + h.hex() for h in payload[1]])
        return True

    def fail(self, why):
        """Disconnects with 0x10 (subprotocol error), logging why."""
        self.base.send(Disconnect(DisconnectReason.SUBPROTOCOL_ERROR))
        self.log("disconnect-sent", reason=DisconnectReason.SUBPROTOCOL_ERROR.value, why=why)
        return False

    def on_status(self, payload):
        if self.status_seen:
            return self.fail("a second Status")
        try:
            status = eth68.status_json(payload)
        except ValueError as error:
            return self.fail(str(error))
        problems = eth68.status_problems(status, self.chain.network_id, self.chain.genesis,
                                         self.chain.fork_id)
        self.log("status", ok=not problems, problems=problems, **status)
        if problems:
            return self.fail("; ".join(problems))
        self.status_seen = True
        return True

    async def on_transactions(self, payload):
        raws = [eth68.raw_transaction(item) for item in payload]
        self.log("transactions", hashes=[eth68.transaction_hash(raw) for raw in raws],
                 types=[raw[0] if raw[0] < 0x7F else 0 for raw in raws])
        for raw in raws:
            await self.forward(raw)

    def on_announcement(self, payload):
        types, sizes, hashes = payload
        announced = {"hashes": ["0x" + h.hex() for h in hashes], "types": list(types),
                     "sizes": [eth68.as_int(s) for s in sizes]}
        self.log("announced", **announced)
        if not (len(types) == len(sizes) == len(hashes)):
            self.fail("announcement lists of different lengths")
            return
        request_id = self.next_request_id
        self.next_request_id += 1
        self.pending[request_id] = announced
        self.eth.send(eth68.GetPooledTransactions([request_id, list(hashes)]))
        self.log("get-pooled-sent", request_id=request_id, hashes=announced["hashes"])

    async def on_pooled(self, payload):
        request_id = eth68.as_int(payload[0])
        announced = self.pending.pop(request_id, None)
        raws = [eth68.raw_transaction(item) for item in payload[1]]
        hashes = [eth68.transaction_hash(raw) for raw in raws]
        if announced is None:
            self.log("fetched", request_id=request_id, hashes=hashes, ok=False,
                     problems=["unknown request id"])
            return
        problems = []
        for index, (raw, tx_hash) in enumerate(zip(raws, hashes)):
            if tx_hash not in announced["hashes"]:
                problems.append(f"{tx_hash} was not requested")
                continue
            slot = announced["hashes"].index(tx_hash)
            tx_type = raw[0] if raw[0] < 0x7F else 0
            if announced["types"][slot] != tx_type:
                problems.append(f"{tx_hash}: type {tx_type}, announced {announced['types'][slot]}")
            if announced["sizes"][slot] != len(raw):
                problems.append(f"{tx_hash}: {len(raw)} bytes, announced {announced['sizes'][slot]}")
        missing = [h for h in announced["hashes"] if h not in hashes]
        self.log("fetched", request_id=request_id, hashes=hashes, missing=missing,
                 ok=not problems and not missing, problems=problems)
        for raw, tx_hash in zip(raws, hashes):
            if tx_hash in announced["hashes"]:
                await self.forward(raw)

    async def forward(self, raw):
        tx_hash = eth68.transaction_hash(raw)
        try:
            result = await asyncio.to_thread(rpc_call, self.rpc_url, "eth_sendRawTransaction",
                                             ["0x" + raw.hex()])
            self.log("forwarded", hash=tx_hash, result=result)
        except Exception as error:
            self.log("forwarded", hash=tx_hash, error=str(error))
