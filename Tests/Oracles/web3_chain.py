#!/usr/bin/env python3
"""What web3.py and eth-account compute for a node, for Sigil's read commands (receipt, block,
block-number, code, storage, tx show), and transactions sent by them (not by Sigil).

stdin: {"url": URL, "ops": [OP, ...]}; stdout: one result per OP, in order. Each OP is:
  {"op": "send", "key": K, "to": ADDRESS, "value": WEI, "data": HEX?, "gas": N?}
      signs with eth-account (key K = the integer K as a 32-byte key) at the node's pending nonce
      and sends it with web3.py; result: the transaction hash
  {"op": "receipt", "hash": H}   web3's receipt: status, gasUsed, effectiveGasPrice, feeWei
      (gasUsed × effectiveGasPrice), blockNumber, blockHash, from, to, contractAddress, logs
  {"op": "block", "block": TAG|NUMBER|HASH}   header fields (quantities as decimal text) and
      the transaction hashes
  {"op": "blockNumber"}
  {"op": "code", "address": A, "block": B?}   {"code", "codeHash"}
  {"op": "storage", "address": A, "slot": N (an integer, or 0x-hex text), "block": B?}   the 32-byte word as hex
  {"op": "tx", "hash": H}   the node's from, nonce, to, value and the sender eth-account
      recovers from the raw bytes (eth_getRawTransactionByHash)
"""

import json
import sys

from eth_account import Account
from eth_utils import keccak, to_checksum_address
from web3 import Web3


def hexstr(value):
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    return value


def block_id(value):
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.startswith("0x") and len(value) == 66:
        return value
    if isinstance(value, str) and value.startswith("0x"):
        return int(value, 16)
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return value


def run(w3, op):
    kind = op["op"]
    if kind in ("send", "sign"):
        account = Account.from_key((op["key"]).to_bytes(32, "big"))
        block = w3.eth.get_block("latest")
        tx = {"chainId": w3.eth.chain_id, "nonce": w3.eth.get_transaction_count(account.address, "pending"),
              "to": to_checksum_address(op["to"]), "value": int(op.get("value", 0)), "data": op.get("data", "0x"),
              "gas": int(op.get("gas", 100000)), "maxPriorityFeePerGas": 10**9,
              "maxFeePerGas": 2 * block["baseFeePerGas"] + 10**9, "type": 2}
        signed = account.sign_transaction(tx)
        if kind == "sign":
            return {"raw": hexstr(signed.raw_transaction), "hash": hexstr(signed.hash)}
        return hexstr(w3.eth.send_raw_transaction(signed.raw_transaction))
    if kind == "receipt":
        r = w3.eth.get_transaction_receipt(op["hash"])
        price = r.get("effectiveGasPrice")
        return {"status": r["status"], "gasUsed": str(r["gasUsed"]), "effectiveGasPrice": str(price),
                "feeWei": str(r["gasUsed"] * price), "blockNumber": str(r["blockNumber"]), "blockHash": hexstr(r["blockHash"]),
                "from": r["from"], "to": r["to"], "contractAddress": r["contractAddress"],
                "logs": [{"address": log["address"], "topics": [hexstr(t) for t in log["topics"]], "data": hexstr(log["data"])}
                         for log in r["logs"]]}
    if kind == "block":
        b = w3.eth.get_block(block_id(op["block"]))
        return {"number": str(b["number"]), "hash": hexstr(b["hash"]), "parentHash": hexstr(b["parentHash"]),
                "timestamp": str(b["timestamp"]), "miner": b["miner"], "gasLimit": str(b["gasLimit"]),
                "gasUsed": str(b["gasUsed"]), "baseFeePerGas": str(b["baseFeePerGas"]), "stateRoot": hexstr(b["stateRoot"]),
                "transactionsRoot": hexstr(b["transactionsRoot"]), "receiptsRoot": hexstr(b["receiptsRoot"]),
                "transactions": [hexstr(t) for t in b["transactions"]]}
    if kind == "blockNumber":
        return str(w3.eth.block_number)
    if kind == "code":
        code = bytes(w3.eth.get_code(to_checksum_address(op["address"]), block_id(op.get("block", "latest"))))
        return {"code": "0x" + code.hex(), "codeHash": "0x" + keccak(code).hex()}
    if kind == "storage":
        word = bytes(w3.eth.get_storage_at(to_checksum_address(op["address"]), int(op["slot"], 0) if isinstance(op["slot"], str) else int(op["slot"]), block_id(op.get("block", "latest"))))
        return "0x" + word.rjust(32, b"\0").hex()
    if kind == "tx":
        t = w3.eth.get_transaction(op["hash"])
        raw = w3.provider.make_request("eth_getRawTransactionByHash", [op["hash"]])["result"]
        return {"from": t["from"], "nonce": str(t["nonce"]), "to": t["to"], "value": str(t["value"]),
                "recovered": Account.recover_transaction(raw)}
    raise ValueError(f"unknown op {kind!r}")


def main():
    request = json.load(sys.stdin)
    w3 = Web3(Web3.HTTPProvider(request["url"], request_kwargs={"timeout": 30}))
    json.dump([run(w3, op) for op in request["ops"]], sys.stdout)


if __name__ == "__main__":
    main()
