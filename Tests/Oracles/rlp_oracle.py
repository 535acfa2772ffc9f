"""RLP reference oracle (pyrlp 5.0.0) for Sigil's differential tests.

stdin: {"encode": [item, ...], "decode": [hex, ...]}
  where an item is a hex string (a byte string, no 0x prefix) or a list of items.
stdout: {"encoded": [hex, ...],            # rlp.encode of each item
         "decoded": [item-or-null, ...]}   # rlp.decode(strict=True) of each hex; null if rejected
"""
import json
import sys

import rlp


def to_py(item):
    if isinstance(item, list):
        return [to_py(x) for x in item]
    return bytes.fromhex(item)


def to_json(value):
    if isinstance(value, (list, tuple)):
        return [to_json(x) for x in value]
    return bytes(value).hex()


def try_decode(hex_text):
    try:
        return to_json(rlp.decode(bytes.fromhex(hex_text), strict=True))
    except rlp.exceptions.DecodingError:
        return None
    except RecursionError:
        return None


def main():
    request = json.load(sys.stdin)
    encoded = [rlp.encode(to_py(item)).hex() for item in request.get("encode", [])]
    decoded = [try_decode(h) for h in request.get("decode", [])]
    json.dump({"encoded": encoded, "decoded": decoded}, sys.stdout)


if __name__ == "__main__":
    main()
