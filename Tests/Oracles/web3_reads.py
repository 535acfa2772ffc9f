#!/usr/bin/env python3
"""web3.py against a node: what a widely used client sends and reads, for comparison with Sigil.

stdin:  {"url": "http://127.0.0.1:PORT", "ops": [op, ...]}
stdout: [result, ...], one per op, as plain JSON: integers as decimal strings, bytes as 0x-hex,
        addresses checksummed, field names as web3.py gives them (the JSON-RPC camelCase names).
        An op that fails answers {"error": "<exception type>: <message>"} and the rest still run.

ops (blocks: a number, a 0x-hex number, a tag or a 32-byte block hash; default "latest"):
  {"op": "sendEther", "key": K, "to": A, "value": "wei"}             -> {"hash", "from"}
  {"op": "sendToken", "key": K, "token": A, "to": A, "amount": "n"}  -> {"hash", "from"}
      web3.py fills nonce, gas and fees itself and signs (SignAndSendRawMiddleware): these
      transactions are not made by Sigil; then waits for the receipt.
  {"op": "receipt", "hash": H}          {"op": "transaction", "hash": H}
  {"op": "chainId" | "blockNumber" | "gasPrice" | "maxPriorityFee"}
  {"op": "estimateGas", "tx": {from, to, value, data}, "block": B}
  {"op": "feeHistory", "count": n, "newest": B, "percentiles": [p, ...]}
  {"op": "block", "block": B, "full": false}
  {"op": "balance" | "nonce" | "code", "address": A, "block": B}
  {"op": "storage", "address": A, "slot": "n or 0x…", "block": B}
  {"op": "call", "contract": NAME, "address": A, "function": F, "args": [...], "block": B}
      -> the outputs decoded with the artifact's ABI, as a list
  {"op": "logs", "filter": {fromBlock, toBlock, address, topics, blockHash}} -> raw logs
  {"op": "events", "contract": NAME, "address": A, "event": E, "fromBlock": B, "toBlock": B}
      -> decoded logs [{event, args, address, blockNumber, transactionHash, logIndex, ...}]
  {"op": "signHash", "key": K, "hash": H} -> {"signature", "v", "r", "s"} (eth-account, no prefix)
  {"op": "ensAddress", "registry": A, "name": N} -> {"address"}  (null when unset)
  {"op": "ensName", "registry": A, "address": A} -> {"name"}     (reverse, forward-checked)
  {"op": "namehash", "name": N} -> {"node"}   (web3.py's ENSIP-15 normalization and namehash)
  {"op": "wrap6492", "factory": A, "calldata": D, "signature": S} -> {"signature"}  (ERC-6492
      wrapping with eth-abi: abi.encode(factory, calldata, signature) ++ 0x6492…6492)
Contract NAMEs are the artifacts of Tests/Support/contracts/build. Arguments as in
Tests/Support/devnode/contracts.py (integers may be decimal or 0x-hex strings).
"""

import json
import os
import sys

from eth_account import Account
from hexbytes import HexBytes
from web3 import HTTPProvider, Web3
from web3.middleware import SignAndSendRawMiddlewareBuilder

ERC6492_MAGIC = bytes.fromhex("6492" * 16)
BUILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Support", "contracts", "build")


def patch_ens_normalization():
    """web3 8.0.0's ENS normalization hands pyunormalize's NFC a list of characters; pyunormalize
    18 (what pip resolves for web3 8.0.0) takes only a str. Join the list first: same result."""
    import ens._normalization as normalization
    nfc = normalization.NFC
    normalization.NFC = lambda chars: nfc("".join(chars) if isinstance(chars, list) else chars)


def plain(value):
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (bytes, bytearray, HexBytes)):
        return "0x" + bytes(value).hex()
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): plain(v) for k, v in dict(value).items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, str) and Web3.is_address(value) and value.startswith("0x") and len(value) == 42:
        return Web3.to_checksum_address(value)
    return value


def number(value):
    if isinstance(value, str) and value.startswith("0x"):
        return int(value, 16)
    return int(value)


def block_id(value):
    if value is None:
        return "latest"
    if isinstance(value, str) and value.startswith("0x") and len(value) == 66:
        return HexBytes(value)
    if isinstance(value, str) and value.startswith("0x"):
        return int(value, 16)
    return value


def namehash(name):
    from ens.utils import normal_name_to_hash, normalize_name
    return normal_name_to_hash(normalize_name(name))


def artifact(name):
    with open(os.path.join(BUILD, f"{name}.json")) as f:
        return json.load(f)


def argument(kind, value):
    if kind.endswith("]"):
        return [argument(kind[:kind.rindex("[")], v) for v in value]
    if kind.startswith(("uint", "int")) and isinstance(value, str):
        return number(value)
    if kind.startswith("bytes") and isinstance(value, str):
        return HexBytes(value)
    if kind == "address":
        return Web3.to_checksum_address(value)
    return value


def contract(w3, name, address):
    return w3.eth.contract(address=Web3.to_checksum_address(address), abi=artifact(name)["abi"])


def function_args(entry_inputs, args):
    return [argument(i["type"], a) for i, a in zip(entry_inputs, args or [])]


def find_function(name, function):
    for e in artifact(name)["abi"]:
        if e.get("type") == "function" and e["name"] == function:
            return e
    raise ValueError(f"{name} has no function {function}")


def sender(w3, key):
    account = Account.from_key(key)
    name = f"sign-{account.address}"
    if name not in w3.middleware_onion:
        w3.middleware_onion.inject(SignAndSendRawMiddlewareBuilder.build(account), name=name, layer=0)
    return account.address


def run(w3, op):
    kind = op["op"]
    if kind == "sendEther":
        frm = sender(w3, op["key"])
        tx_hash = w3.eth.send_transaction({"from": frm, "to": Web3.to_checksum_address(op["to"]),
                                           "value": number(op["value"])})
        w3.eth.wait_for_transaction_receipt(tx_hash, timeout=30)
        return {"hash": plain(tx_hash), "from": frm}
    if kind == "sendToken":
        frm = sender(w3, op["key"])
        token = contract(w3, "SigilToken", op["token"])
        tx_hash = token.functions.transfer(Web3.to_checksum_address(op["to"]), number(op["amount"])).transact({"from": frm})
        w3.eth.wait_for_transaction_receipt(tx_hash, timeout=30)
        return {"hash": plain(tx_hash), "from": frm}
    if kind == "receipt":
        return plain(w3.eth.get_transaction_receipt(op["hash"]))
    if kind == "transaction":
        return plain(w3.eth.get_transaction(op["hash"]))
    if kind == "block":
        return plain(w3.eth.get_block(block_id(op.get("block")), full_transactions=bool(op.get("full"))))
    if kind == "balance":
        return plain(w3.eth.get_balance(Web3.to_checksum_address(op["address"]), block_id(op.get("block"))))
    if kind == "nonce":
        return plain(w3.eth.get_transaction_count(Web3.to_checksum_address(op["address"]), block_id(op.get("block"))))
    if kind == "code":
        return plain(w3.eth.get_code(Web3.to_checksum_address(op["address"]), block_id(op.get("block"))))
    if kind == "storage":
        return plain(w3.eth.get_storage_at(Web3.to_checksum_address(op["address"]), number(op["slot"]),
                                           block_id(op.get("block"))))
    if kind == "chainId":
        return plain(w3.eth.chain_id)
    if kind == "blockNumber":
        return plain(w3.eth.block_number)
    if kind == "gasPrice":
        return plain(w3.eth.gas_price)
    if kind == "maxPriorityFee":
        return plain(w3.eth.max_priority_fee)
    if kind == "estimateGas":
        tx = {k: v for k, v in op["tx"].items()}
        for key in ("from", "to"):
            if tx.get(key):
                tx[key] = Web3.to_checksum_address(tx[key])
        if "value" in tx:
            tx["value"] = number(tx["value"])
        return plain(w3.eth.estimate_gas(tx, block_id(op.get("block"))))
    if kind == "feeHistory":
        return plain(w3.eth.fee_history(int(op["count"]), block_id(op.get("newest")), op.get("percentiles") or []))
    if kind == "call":
        entry = find_function(op["contract"], op["function"])
        bound = getattr(contract(w3, op["contract"], op["address"]).functions, op["function"])
        result = bound(*function_args(entry["inputs"], op.get("args"))).call(block_identifier=block_id(op.get("block")))
        return plain(list(result) if len(entry["outputs"]) > 1 else [result])
    if kind == "logs":
        request = dict(op["filter"])
        if isinstance(request.get("address"), str):
            request["address"] = Web3.to_checksum_address(request["address"])
        elif isinstance(request.get("address"), list):
            request["address"] = [Web3.to_checksum_address(a) for a in request["address"]]
        return plain(w3.eth.get_logs(request))
    if kind == "events":
        event = getattr(contract(w3, op["contract"], op["address"]).events, op["event"])
        found = event().get_logs(from_block=block_id(op.get("fromBlock", 0)), to_block=block_id(op.get("toBlock")))
        return plain(list(found))
    if kind == "signHash":
        signed = Account.unsafe_sign_hash(HexBytes(op["hash"]), op["key"])
        return {"signature": plain(signed.signature), "v": str(signed.v), "r": str(signed.r), "s": str(signed.s)}
    if kind == "ensAddress":
        # web3.py 8's ENS module resolves through the mainnet Universal Resolver, which the dev
        # node does not have: the classic steps instead, with web3.py's name normalization and
        # namehash: registry.resolver(node), then resolver.addr(node).
        node = namehash(op["name"])
        resolver = contract(w3, "ENSRegistry", op["registry"]).functions.resolver(node).call()
        if int(resolver, 16) == 0:
            return {"address": None}
        found = contract(w3, "PublicResolver", resolver).functions.addr(node).call()
        return {"address": None if int(found, 16) == 0 else plain(found)}
    if kind == "ensName":
        # Reverse: <address hex>.addr.reverse's name, kept only if that name's addr is the address.
        target = Web3.to_checksum_address(op["address"])
        node = namehash(target[2:].lower() + ".addr.reverse")
        resolver = contract(w3, "ENSRegistry", op["registry"]).functions.resolver(node).call()
        if int(resolver, 16) == 0:
            return {"name": None}
        name = contract(w3, "PublicResolver", resolver).functions.name(node).call()
        forward = run(w3, {"op": "ensAddress", "registry": op["registry"], "name": name}) if name else {}
        return {"name": name if forward.get("address") == target else None}
    if kind == "namehash":
        return {"node": plain(namehash(op["name"]))}
    if kind == "wrap6492":
        # ERC-6492: abi.encode(address factory, bytes factoryCalldata, bytes signature) ++ magic.
        from eth_abi import encode
        body = encode(["address", "bytes", "bytes"], [Web3.to_checksum_address(op["factory"]),
                                                      HexBytes(op["calldata"]), HexBytes(op["signature"])])
        return {"signature": plain(body + ERC6492_MAGIC)}
    raise ValueError(f"unknown op {kind!r}")


def main():
    patch_ens_normalization()
    request = json.load(sys.stdin)
    w3 = Web3(HTTPProvider(request["url"], request_kwargs={"timeout": 60}))
    results = []
    for op in request["ops"]:
        try:
            results.append(run(w3, op))
        except Exception as error:  # one failing op is reported, the others still run
            results.append({"error": f"{type(error).__name__}: {error}"})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
