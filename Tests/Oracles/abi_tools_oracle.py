"""Reference oracle for Sigil's ABI tools (eth-abi 6.0.0, eth-utils, eth-account, rlp):
packed encoding, event logs, checksums, contract addresses and EIP-191 message hashes.

stdin: {"packed": [{"types": [type, ...], "values": [value, ...]}, ...],
        "events": [{"name": str, "types": [type, ...], "indexed": [bool, ...], "values": [value, ...]}, ...],
        "checksum": [lowercase 0x address, ...],
        "create": [{"deployer": 0x address, "nonce": decimal string}, ...],
        "create2": [{"deployer": 0x address, "salt": 0x hex, "initCode": 0x hex}, ...],
        "personal": [0x hex message, ...]}
  Values as in abi_oracle.py (integers as decimal strings, bytes and addresses as 0x hex).
stdout: {"packed": [hex-or-null, ...],           # eth_abi.packed.encode_packed; null if it raised
         "events": [{"topics": [hex, ...], "data": hex}, ...],
             # the log eth-abi builds: topic 0 = keccak(signature), each indexed value type
             # eth_abi.encode([type], [value]), each indexed string, bytes, array or tuple
             # keccak of its encoding (only its presence matters: it is shown as it is),
             # data = eth_abi.encode(non-indexed types, values)
         "checksum": [eth_utils.to_checksum_address, ...],
         "create": [address, ...],   # keccak(rlp.encode([deployer, nonce]))[12:]
         "create2": [address, ...],  # keccak(0xff ++ deployer ++ salt ++ keccak(init code))[12:]
         "personal": [hex, ...]}     # _hash_eip191_message(encode_defunct(primitive=bytes))

eth-abi's encode_packed writes array elements at their natural size, unpadded; Solidity pads
them to 32 bytes (its documentation's "Non-standard Packed Mode"), as Sigil does: array cases are
checked against the Solidity documentation instead, not sent here.
"""
import json
import sys

import rlp
from abi_oracle import to_py
from eth_abi import encode
from eth_abi.grammar import parse
from eth_abi.packed import encode_packed
from eth_account.messages import _hash_eip191_message, encode_defunct
from eth_utils import keccak, to_checksum_address


def packed_case(case):
    try:
        values = [to_py(parse(t), v) for t, v in zip(case["types"], case["values"])]
        return encode_packed(case["types"], values).hex()
    except Exception:
        return None


def is_value_type(t):
    parsed = parse(t)
    if parsed.arrlist or not hasattr(parsed, "base"):
        return False
    return parsed.base != "string" and not (parsed.base == "bytes" and not parsed.sub)


def event_case(case):
    types, indexed = case["types"], case["indexed"]
    values = [to_py(parse(t), v) for t, v in zip(types, case["values"])]
    signature = case["name"] + "(" + ",".join(types) + ")"
    topics = [keccak(text=signature)]
    for t, i, v in zip(types, indexed, values):
        if not i:
            continue
        if is_value_type(t):
            topics.append(encode([t], [v]))
        else:
            topics.append(keccak(encode([t], [v])))
    data_types = [t for t, i in zip(types, indexed) if not i]
    data_values = [v for v, i in zip(values, indexed) if not i]
    return {"topics": ["0x" + t.hex() for t in topics], "data": "0x" + encode(data_types, data_values).hex()}


def main():
    request = json.load(sys.stdin)
    json.dump({
        "packed": [packed_case(c) for c in request.get("packed", [])],
        "events": [event_case(c) for c in request.get("events", [])],
        "checksum": [to_checksum_address(a) for a in request.get("checksum", [])],
        "create": [to_checksum_address(keccak(rlp.encode([bytes.fromhex(c["deployer"][2:]), int(c["nonce"])]))[12:])
                   for c in request.get("create", [])],
        "create2": [to_checksum_address(keccak(b"\xff" + bytes.fromhex(c["deployer"][2:]) + bytes.fromhex(c["salt"][2:])
                                               + keccak(bytes.fromhex(c["initCode"][2:])))[12:])
                    for c in request.get("create2", [])],
        "personal": ["0x" + _hash_eip191_message(encode_defunct(primitive=bytes.fromhex(m[2:]))).hex()
                     for m in request.get("personal", [])],
    }, sys.stdout)


if __name__ == "__main__":
    main()
