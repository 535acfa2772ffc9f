"""The JSON-RPC side of faultpeer.py: what a dishonest or broken peer answers in place of its
honest upstream. `Liar.answer` takes one JSON-RPC request and a function that forwards a request
to the upstream, and returns the (possibly altered) response object."""

import threading

from eth_hash.auto import keccak

import forge
import rawtx

ETHER = 10**18
ANSI = "\x1b[2J\x1b[H\x1b]0;sigil: payment confirmed\x07\x1b[32mconfirmed OK\x1b[0m"
ZERO_HASH = "0x" + "00" * 32
LYING_MODES = ("inflate-balance", "wrong-nonce", "fabricate-receipt", "alter-header", "corrupt-proof",
               "fake-chain", "drop", "forge-state", "wrong-from", "bad-receipt")
OTHER_SENDER = "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"  # key 0x..02's address
DEFAULT_TARGET = "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"  # key 0x..01, the tests' usual sender
JSON_FAULTS = ("wrong-chain", "ansi", "no-create-call")


def hex_add(value, delta):
    return hex(int(value, 16) + delta)


def altered(value, label):
    """A different 32-byte hash, deterministic, for `value`."""
    return "0x" + keccak(label.encode() + bytes.fromhex(value[2:])).hex()


def flip_byte(node):
    raw = bytearray(bytes.fromhex(node[2:]))
    raw[len(raw) // 2] ^= 0x01
    return "0x" + raw.hex()


def is_block(obj):
    return isinstance(obj, dict) and "parentHash" in obj and "stateRoot" in obj and "hash" in obj


class Liar:
    def __init__(self, modes, target=DEFAULT_TARGET):
        self.modes, self.target = set(modes), target.lower()
        self.forged_roots = {}  # block hash -> forged state root (forge-state)
        self.lock = threading.Lock()
        self.dropped = {}      # hash -> geth-shaped fields of a transaction this peer dropped
        self.fabricated = {}   # hash -> {"tx": ..., "receipt": ...}
        self.fake_to_real = {}

    # -- entry point ---------------------------------------------------------------------------

    def answer(self, request, forward):
        """The response to `request` (a JSON-RPC object); `forward(request)` asks the upstream."""
        rid, method = request.get("id"), request.get("method")
        params = request.get("params") or []
        local = self.local(method, params)
        if local is not None:
            return dict(local, jsonrpc="2.0", id=rid)
        if "fake-chain" in self.modes:
            params = self.real_params(method, params)
            request = dict(request, params=params)
        response = forward(request)
        if not isinstance(response, dict):
            return response
        if "error" in response and "ansi" in self.modes and isinstance(response["error"], dict):
            error = dict(response["error"])
            error["message"] = f"{error.get('message', '')} {ANSI}"
            response = dict(response, error=error)
        if "result" in response:
            upstream = lambda m, p: forward({"jsonrpc": "2.0", "id": 1, "method": m, "params": p}).get("result")  # noqa: E731
            response = dict(response, result=self.tamper(method, params, response["result"], upstream))
        return response

    def local(self, method, params):
        """An answer made up without asking the upstream, or None."""
        if method == "eth_sendRawTransaction":
            if "ansi" in self.modes:
                return {"error": {"code": -32000, "message": f"transaction refused {ANSI}"}}
            if "drop" in self.modes:
                raw = params[0] if params and isinstance(params[0], str) else ""
                try:
                    data = bytes.fromhex(raw[2:] if raw.startswith("0x") else raw)
                    fields = rawtx.decode(data)
                except Exception:
                    return {"error": {"code": -32000, "message": "rlp: invalid transaction"}}
                with self.lock:
                    self.dropped[fields["hash"]] = fields
                return {"result": fields["hash"]}
        if "no-create-call" in self.modes and method == "eth_call" and params and isinstance(params[0], dict) \
                and not params[0].get("to"):
            return {"error": {"code": -32000, "message": "contract creation calls are not served"}}
        if "wrong-chain" in self.modes and method in ("eth_chainId", "net_version"):
            return {"result": "0x1" if method == "eth_chainId" else "1"}
        return None

    # -- fake-chain: hashes mapped both ways ---------------------------------------------------

    def fake(self, real):
        if not isinstance(real, str) or len(real) != 66 or real == ZERO_HASH:
            return real
        fake = altered(real, "sigil fake chain")
        with self.lock:
            self.fake_to_real[fake] = real
        return fake

    def real(self, fake):
        """The real hash of a fake one this peer handed out; any other hash is unknown here."""
        with self.lock:
            return self.fake_to_real.get(fake.lower() if isinstance(fake, str) else fake, ZERO_HASH)

    def real_params(self, method, params):
        params = list(params)
        if method in ("eth_getBlockByHash",) and params:
            params[0] = self.real(params[0])
        for index, value in enumerate(params):
            if isinstance(value, dict) and "blockHash" in value:
                params[index] = dict(value, blockHash=self.real(value["blockHash"]))
            elif method == "eth_getBlockReceipts" and isinstance(value, str) and len(value) == 66:
                params[index] = self.real(value)
        return params

    def fake_hashes(self, obj):
        if isinstance(obj, list):
            return [self.fake_hashes(item) for item in obj]
        if not isinstance(obj, dict):
            return obj
        out = {k: self.fake_hashes(v) for k, v in obj.items()}
        if "blockHash" in out:
            out["blockHash"] = self.fake(out["blockHash"])
        if is_block(obj):
            out["hash"], out["parentHash"] = self.fake(obj["hash"]), self.fake(obj["parentHash"])
        return out

    # -- results -------------------------------------------------------------------------------

    def tamper(self, method, params, result, upstream):
        modes = self.modes
        if method == "eth_getBalance" and "inflate-balance" in modes and isinstance(result, str):
            result = hex_add(result, 1000 * ETHER)
        if method == "eth_getTransactionCount" and "wrong-nonce" in modes and isinstance(result, str):
            result = hex_add(result, 5)
        if method == "eth_getProof" and isinstance(result, dict):
            result = self.tamper_proof(result)
        if "forge-state" in modes:
            result = self.forge_state(method, params, result, upstream)
        if "fabricate-receipt" in modes:
            result = self.with_fabrications(method, params, result, upstream)
        if method == "eth_getTransactionByHash" and "wrong-from" in modes and isinstance(result, dict):
            lie = OTHER_SENDER if str(result.get("from", "")).lower() != OTHER_SENDER.lower() else DEFAULT_TARGET
            result = dict(result, **{"from": lie})
        if method == "eth_getTransactionReceipt" and "bad-receipt" in modes and isinstance(result, dict):
            result = dict(result, gasUsed="lots")
        if "alter-header" in modes and is_block(result):
            result = dict(result, stateRoot=altered(result["stateRoot"], "sigil altered state"),
                          receiptsRoot=altered(result["receiptsRoot"], "sigil altered receipts"))
        if "fake-chain" in modes:
            result = self.fake_hashes(result)
        return result

    def tamper_proof(self, proof):
        proof = dict(proof)
        if "inflate-balance" in self.modes:
            proof["balance"] = hex_add(proof["balance"], 1000 * ETHER)
        if "wrong-nonce" in self.modes:
            proof["nonce"] = hex_add(proof["nonce"], 5)
        if "corrupt-proof" in self.modes:
            nodes = list(proof.get("accountProof") or [])
            if nodes:
                nodes[-1] = flip_byte(nodes[-1])
                proof["accountProof"] = nodes
            storage = [dict(item) for item in proof.get("storageProof") or []]
            for item in storage:
                if item.get("proof"):
                    item["proof"] = list(item["proof"][:-1]) + [flip_byte(item["proof"][-1])]
                    break
            proof["storageProof"] = storage
        return proof

    # -- forge-state -----------------------------------------------------------------------------

    def forge_state(self, method, params, result, upstream):
        """The target's balance + 1000 ether with a proof re-rooted to match, and that root as the
        stateRoot of every block answer (hash kept)."""
        asks_target = bool(params) and isinstance(params[0], str) and params[0].lower() == self.target
        if method == "eth_getBalance" and asks_target and isinstance(result, str):
            return hex_add(result, 1000 * ETHER)
        if method == "eth_getProof" and asks_target and isinstance(result, dict):
            forged = forge.forge(result, self.target, 1000 * ETHER)
            return dict(result, accountProof=forged[0], balance=forged[2]) if forged else result
        if is_block(result):
            with self.lock:
                root = self.forged_roots.get(result["hash"])
            if root is None:
                proof = upstream("eth_getProof", [self.target, [], result["number"]])
                forged = forge.forge(proof, self.target, 1000 * ETHER) if isinstance(proof, dict) else None
                root = forged[1] if forged else result["stateRoot"]
                with self.lock:
                    self.forged_roots[result["hash"]] = root
            return dict(result, stateRoot=root)
        return result

    # -- fabricate-receipt ---------------------------------------------------------------------

    def with_fabrications(self, method, params, result, upstream):
        if method == "eth_getTransactionReceipt" and result is None and params:
            return self.fabricate(params[0], upstream)["receipt"]
        if method == "eth_getTransactionByHash" and result is None and params:
            return self.fabricate(params[0], upstream)["tx"]
        with self.lock:
            entries = list(self.fabricated.values())
        if not entries:
            return result
        if method in ("eth_getBlockByNumber", "eth_getBlockByHash") and is_block(result):
            extra = [e for e in entries if e["tx"]["blockHash"] == result["hash"]]
            if extra:
                full = len(params) > 1 and bool(params[1])
                result = dict(result, transactions=list(result["transactions"]) +
                              [e["tx"] if full else e["tx"]["hash"] for e in extra])
        if method == "eth_getBlockReceipts" and isinstance(result, list) and params:
            block = params[0]
            if isinstance(block, dict) and "blockHash" in block:
                header = upstream("eth_getBlockByHash", [block["blockHash"], False])
            elif isinstance(block, str) and len(block) == 66:
                header = upstream("eth_getBlockByHash", [block, False])
            else:
                header = upstream("eth_getBlockByNumber", [block.get("blockNumber") if isinstance(block, dict) else block, False])
            if is_block(header):
                result = result + [e["receipt"] for e in entries if e["tx"]["blockHash"] == header["hash"]]
        return result

    def fabricate(self, tx_hash, upstream):
        """A plausible mined transaction and success receipt for `tx_hash`, in the upstream's
        latest block (its real hash and number), made once and kept."""
        tx_hash = tx_hash.lower() if isinstance(tx_hash, str) else str(tx_hash)
        with self.lock:
            if tx_hash in self.fabricated:
                return self.fabricated[tx_hash]
            dropped = self.dropped.get(tx_hash)
        block = upstream("eth_getBlockByNumber", ["latest", False])
        base_fee = int(block.get("baseFeePerGas") or "0x0", 16)
        chain_id = upstream("eth_chainId", []) or "0x1"
        seed = keccak(bytes.fromhex(tx_hash[2:]) if len(tx_hash) == 66 else tx_hash.encode())
        tx = dict(dropped) if dropped else {
            "type": "0x2", "hash": tx_hash, "nonce": "0x0",
            "from": "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf",
            "to": "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF", "value": hex(ETHER), "gas": "0x5208",
            "input": "0x", "chainId": chain_id, "accessList": [], "maxFeePerGas": hex(2 * base_fee + 10**9),
            "maxPriorityFeePerGas": hex(10**9), "v": "0x1", "yParity": "0x1",
            "r": "0x" + seed.hex(), "s": "0x" + keccak(seed).hex()[:60]}
        with self.lock:
            if tx_hash in self.fabricated:
                return self.fabricated[tx_hash]
            earlier = [e for e in self.fabricated.values() if e["tx"]["blockHash"] == block["hash"]]
            index = len(block["transactions"]) + len(earlier)
            if "maxFeePerGas" in tx:
                price = base_fee + min(int(tx["maxPriorityFeePerGas"], 16), int(tx["maxFeePerGas"], 16) - base_fee)
            else:
                price = int(tx.get("gasPrice", "0x0"), 16)
            gas_used = 21000 if tx.get("input", "0x") == "0x" else int(tx["gas"], 16)
            cumulative = int(block["gasUsed"], 16) + sum(int(e["receipt"]["gasUsed"], 16) for e in earlier) + gas_used
            tx.update(blockHash=block["hash"], blockNumber=block["number"], transactionIndex=hex(index),
                      gasPrice=hex(price))
            receipt = {
                "type": tx["type"], "transactionHash": tx["hash"], "transactionIndex": hex(index),
                "blockHash": block["hash"], "blockNumber": block["number"], "from": tx["from"],
                "to": tx["to"], "contractAddress": None, "status": "0x1",
                "cumulativeGasUsed": hex(cumulative), "gasUsed": hex(gas_used),
                "effectiveGasPrice": hex(price), "logsBloom": "0x" + "00" * 256, "logs": []}
            entry = self.fabricated[tx_hash] = {"tx": tx, "receipt": receipt}
            return entry
