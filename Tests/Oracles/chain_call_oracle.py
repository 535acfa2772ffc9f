"""Calls, reverts and logs as web3.py (8) and eth-abi compute them against a node, for Sigil's
`call` and `logs` differential tests.

stdin: {"url": node URL,
        "calls": [{"to", "data", "outputs": [type, ...], "block"?}, ...],
        "reverts": [{"to", "data", "errors": [signature, ...]}, ...],
        "logs": [{"address"?, "event": declaration, "fromBlock", "toBlock"}, ...]}
stdout: {"calls": [[value, ...], ...],
         "reverts": [{"kind": "error"|"panic"|"custom"|"empty"|"unknown", "reason"?, "code"?,
                      "name"?, "args"?}, ...],
         "logs": [[{"blockNumber", "logIndex", "transactionHash", "args": {name: value}}, ...], ...]}
Values: integers as decimal strings, addresses EIP-55, bytes as 0x hex, strings and bools as is,
arrays and tuples as arrays. Each log query is ONE eth_getLogs over the whole range (no chunks).
"""
import json
import sys

from eth_abi import decode
from eth_utils import event_abi_to_log_topic, function_signature_to_4byte_selector, to_checksum_address
from web3 import Web3
from web3.exceptions import ContractCustomError, ContractLogicError, ContractPanicError


def plain(value):
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    if isinstance(value, str):
        return to_checksum_address(value) if Web3.is_address(value) and value.startswith("0x") and len(value) == 42 else value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def event_abi(declaration):
    """`Transfer(address indexed from, address indexed to, uint256 value)` as a web3 event ABI."""
    name, _, rest = declaration.partition("(")
    inputs = []
    for part in rest.rstrip(")").split(","):
        words = part.split()
        indexed = "indexed" in words
        words = [w for w in words if w != "indexed"]
        inputs.append({"type": words[0], "name": words[1] if len(words) > 1 else "", "indexed": indexed})
    return {"type": "event", "name": name.strip(), "inputs": inputs, "anonymous": False}


def revert(w3, case):
    try:
        w3.eth.call({"to": case["to"], "data": case["data"]})
    except ContractPanicError as error:
        data = bytes.fromhex(error.data[2:])
        return {"kind": "panic", "code": str(decode(["uint256"], data[4:])[0]), "message": str(error)}
    except ContractCustomError as error:
        data = bytes.fromhex(error.data[2:])
        for signature in case.get("errors", []):
            if data[:4] == function_signature_to_4byte_selector(signature):
                types = signature[signature.index("(") + 1:-1].split(",")
                return {"kind": "custom", "name": signature.split("(")[0], "args": plain(list(decode(types, data[4:])))}
        return {"kind": "unknown", "data": error.data}
    except ContractLogicError as error:
        data = error.data if isinstance(error.data, str) else "0x"
        raw = bytes.fromhex(data[2:]) if data and data != "0x" else b""
        if not raw:
            return {"kind": "empty"}
        if raw[:4] == bytes.fromhex("08c379a0"):
            return {"kind": "error", "reason": decode(["string"], raw[4:])[0]}
        return {"kind": "unknown", "data": data}
    return {"kind": "none"}


def logs(w3, query):
    abi = event_abi(query["event"])
    contract = w3.eth.contract(abi=[abi])
    event = getattr(contract.events, abi["name"])()
    params = {"fromBlock": query["fromBlock"], "toBlock": query["toBlock"], "topics": ["0x" + event_abi_to_log_topic(abi).hex()]}
    if query.get("address"):
        params["address"] = Web3.to_checksum_address(query["address"])
    out = []
    for log in w3.eth.get_logs(params):
        decoded = event.process_log(log)
        out.append({"blockNumber": log["blockNumber"], "logIndex": log["logIndex"],
                    "transactionHash": "0x" + bytes(log["transactionHash"]).hex(),
                    "args": {name: plain(value) for name, value in decoded["args"].items()}})
    return out


def main():
    request = json.load(sys.stdin)
    w3 = Web3(Web3.HTTPProvider(request["url"], request_kwargs={"timeout": 120}))
    calls = []
    for case in request.get("calls", []):
        answer = w3.eth.call({"to": case["to"], "data": case["data"]}, case.get("block", "latest"))
        calls.append(plain(list(decode(case["outputs"], bytes(answer)))))
    json.dump({"calls": calls, "reverts": [revert(w3, case) for case in request.get("reverts", [])],
               "logs": [logs(w3, query) for query in request.get("logs", [])]}, sys.stdout)


main()
