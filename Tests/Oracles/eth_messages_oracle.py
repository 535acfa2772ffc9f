"""eth/68 message encoding oracle (pyrlp 5.0.0 sedes) for Sigil's differential tests.

Encodes the eth wire messages from their fields, independently of Sigil's RLP items.
stdin: {"status": [{"version": "decimal", "networkid": "decimal", "td": "decimal", "head": hex,
                    "genesis": hex, "forkhash": hex, "forknext": "decimal"}, ...],
        "announcements": [{"types": hex, "sizes": [int], "hashes": [hex]}, ...],
        "get_pooled": [{"request_id": "decimal", "hashes": [hex]}, ...],
        "transactions": [[raw tx hex, ...], ...]}     # legacy embedded as a list, typed as bytes
stdout: {"status": [hex], "announcements": [hex], "get_pooled": [hex], "transactions": [hex]}
"""
import json
import sys

import rlp
from rlp.sedes import Binary, CountableList, List, big_endian_int, binary

hash32 = Binary.fixed_length(32)
fork_id = List([Binary.fixed_length(4), big_endian_int])
status = List([big_endian_int, big_endian_int, big_endian_int, hash32, hash32, fork_id])
announcement = List([binary, CountableList(big_endian_int), CountableList(hash32)])
get_pooled = List([big_endian_int, CountableList(hash32)])


def tx_item(raw):
    # A legacy transaction is an RLP list on the wire; a typed one is a byte string.
    return rlp.decode(raw) if raw[0] >= 0xC0 else raw


def main():
    request = json.load(sys.stdin)
    out = {
        "status": [
            rlp.encode(
                [int(s["version"]), int(s["networkid"]), int(s["td"]), bytes.fromhex(s["head"]), bytes.fromhex(s["genesis"]),
                 [bytes.fromhex(s["forkhash"]), int(s["forknext"])]],
                sedes=status,
            ).hex()
            for s in request.get("status", [])
        ],
        "announcements": [
            rlp.encode([bytes.fromhex(a["types"]), a["sizes"], [bytes.fromhex(h) for h in a["hashes"]]],
                       sedes=announcement).hex()
            for a in request.get("announcements", [])
        ],
        "get_pooled": [
            rlp.encode([int(g["request_id"]), [bytes.fromhex(h) for h in g["hashes"]]], sedes=get_pooled).hex()
            for g in request.get("get_pooled", [])
        ],
        "transactions": [
            rlp.encode([tx_item(bytes.fromhex(t)) for t in txs]).hex() for txs in request.get("transactions", [])
        ],
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
