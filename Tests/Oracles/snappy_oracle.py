"""Snappy reference oracle (cramjam 2.14.0, the Rust `snap` crate) for Sigil's differential tests.

Raw block format only (no framing), as devp2p uses it.
stdin: {"compress": [hex, ...], "decompress": [hex, ...]}
stdout: {"compressed": [hex, ...],              # cramjam.snappy.compress_raw of each input
         "decompressed": [hex-or-null, ...]}    # cramjam.snappy.decompress_raw; null if rejected
"""
import json
import sys

import cramjam


def try_decompress(hex_text):
    try:
        return bytes(cramjam.snappy.decompress_raw(bytes.fromhex(hex_text))).hex()
    except cramjam.DecompressionError:
        return None


def main():
    request = json.load(sys.stdin)
    compressed = [bytes(cramjam.snappy.compress_raw(bytes.fromhex(h))).hex() for h in request.get("compress", [])]
    decompressed = [try_decompress(h) for h in request.get("decompress", [])]
    json.dump({"compressed": compressed, "decompressed": decompressed}, sys.stdout)


if __name__ == "__main__":
    main()
