"""Merkle-Patricia trie oracle (py-trie 4.0.0 HexaryTrie) for Sigil's differential tests.

stdin: {"tries": [{"secure": bool,
                   "ops": [[key_hex, value_hex], ...],   # applied in order; an empty value deletes
                   "probes": [key_hex, ...],             # keys to prove (present, deleted or never set)
                   "check": [[node_hex, ...], ...]}]}    # Sigil's proof for each probe, verified here
  Keys are the caller's keys; for a secure trie the path is keccak256(key), here as in Sigil.
stdout: {"tries": [{"root": hex,
                    "proofs": [[node_hex, ...], ...],    # rlp.encode of each node of get_proof(path)
                    "values": [hex | null, ...]}]}       # get_from_proof(root, path, check[i]); null = absent,
                                                         # "!reason" = refused, "?" = py-trie cannot look the key up
"""
import json
import sys

import rlp
from eth_hash.auto import keccak
from trie import HexaryTrie
from trie.exceptions import BadTrieProof, ValidationError


def main():
    request = json.load(sys.stdin)
    results = []
    for case in request["tries"]:
        secure = case["secure"]

        def path(key_hex):
            key = bytes.fromhex(key_hex)
            return keccak(key) if secure else key

        trie = HexaryTrie(db={})
        for key_hex, value_hex in case["ops"]:
            trie.set(path(key_hex), bytes.fromhex(value_hex))
        root = trie.root_hash
        proofs = [[rlp.encode(node).hex() for node in trie.get_proof(path(k))] for k in case["probes"]]
        values = []
        for key_hex, nodes in zip(case["probes"], case.get("check", [])):
            decoded = tuple(rlp.decode(bytes.fromhex(n)) for n in nodes)
            try:
                value = HexaryTrie.get_from_proof(root, path(key_hex), decoded)
                values.append(value.hex() if value else None)
            except BadTrieProof as error:
                values.append("!" + str(error))
            except ValidationError:
                # py-trie's traversal refuses a key that ends inside an extension's path
                # (such a key is absent); it cannot answer for it.
                values.append("?")
        results.append({"root": root.hex(), "proofs": proofs, "values": values})
    json.dump({"tries": results}, sys.stdout)


if __name__ == "__main__":
    main()
