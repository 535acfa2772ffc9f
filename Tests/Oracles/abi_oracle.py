"""Contract ABI reference oracle (eth-abi 6.0.0, eth-utils) for Sigil's differential tests.

stdin: {"encode": [{"types": [type, ...], "values": [value, ...]}, ...],
        "decode": [{"types": [type, ...], "data": hex}, ...],
        "selectors": [canonical signature, ...]}
  Values in JSON: integers as decimal strings, addresses as 0x hex, bytes/bytesM as 0x hex,
  bools, strings, and arrays/tuples as JSON arrays.
stdout: {"encoded": [hex-or-null, ...],     # eth_abi.encode(types, values); null if it raised
         "decoded": [values-or-null, ...],  # eth_abi.decode(types, data) in the same JSON form
         "selectors": [hex, ...]}           # eth_utils.function_signature_to_4byte_selector
"""
import json
import sys

from eth_abi import decode, encode
from eth_abi.grammar import BasicType, TupleType, parse
from eth_utils import function_signature_to_4byte_selector


def to_py(t, v):
    if t.arrlist:
        return [to_py(t.item_type, x) for x in v]
    if isinstance(t, TupleType):
        return tuple(to_py(c, x) for c, x in zip(t.components, v))
    base = t.base
    if base in ("uint", "int"):
        return int(v)
    if base == "address":
        return bytes.fromhex(v[2:])
    if base == "bool":
        return bool(v)
    if base == "bytes":
        return bytes.fromhex(v[2:])
    if base == "string":
        return v
    raise ValueError("unexpected type " + t.to_type_str())


def to_json(t, v):
    if t.arrlist:
        return [to_json(t.item_type, x) for x in v]
    if isinstance(t, TupleType):
        return [to_json(c, x) for c, x in zip(t.components, v)]
    base = t.base
    if base in ("uint", "int"):
        return str(v)
    if base == "address":
        return v.lower()
    if base == "bool":
        return v
    if base == "bytes":
        return "0x" + bytes(v).hex()
    return v


def encode_case(case):
    parsed = [parse(t) for t in case["types"]]
    try:
        values = [to_py(t, v) for t, v in zip(parsed, case["values"])]
        return encode(case["types"], values).hex()
    except Exception:
        return None


def decode_case(case):
    parsed = [parse(t) for t in case["types"]]
    try:
        values = decode(case["types"], bytes.fromhex(case["data"]))
        return [to_json(t, v) for t, v in zip(parsed, values)]
    except Exception:
        return None


def main():
    request = json.load(sys.stdin)
    json.dump({
        "encoded": [encode_case(c) for c in request.get("encode", [])],
        "decoded": [decode_case(c) for c in request.get("decode", [])],
        "selectors": [function_signature_to_4byte_selector(s).hex() for s in request.get("selectors", [])],
    }, sys.stdout)


if __name__ == "__main__":
    main()
