"""A consistent lie about one account (faultpeer.py's forge-state): its balance inflated in the
leaf of its account proof, every node above re-hashed, so the forged proof verifies against a
forged state root, which the peer then also puts in its block answers (keeping each block's hash).
Only recomputing the header's hash from its fields, or comparing headers with other peers, shows
the lie."""

import rlp
from eth_hash.auto import keccak


def nibbles(key):
    out = []
    for byte in key:
        out += [byte >> 4, byte & 15]
    return out


def hex_prefix(path):
    """(nibbles, is a leaf) of a hex-prefix encoded path."""
    flag = path[0] >> 4
    rest = nibbles(path)[1 if flag & 1 else 2:]
    return rest, flag >= 2


def forge(proof, address, delta):
    """(forged accountProof, forged root, forged balance) for an EIP-1186 answer whose account
    exists, with the balance raised by `delta`; None if the proof cannot be forged (an absent
    account or an embedded node)."""
    nodes = [rlp.decode(bytes.fromhex(n[2:])) for n in proof["accountProof"]]
    path, position, steps = nibbles(keccak(bytes.fromhex(address[2:]))), 0, []
    for node in nodes[:-1]:
        if len(node) == 17:
            steps.append((node, path[position]))
            position += 1
        elif len(node) == 2:
            part, is_leaf = hex_prefix(node[0])
            if is_leaf:
                return None
            steps.append((node, 1))
            position += len(part)
        else:
            return None
    leaf = nodes[-1]
    if len(leaf) != 2 or not hex_prefix(leaf[0])[1] or hex_prefix(leaf[0])[0] != path[position:]:
        return None
    nonce, balance, storage_root, code_hash = rlp.decode(leaf[1])
    forged_balance = int.from_bytes(balance, "big") + delta
    encoded = rlp.encode([leaf[0], rlp.encode([nonce, forged_balance, storage_root, code_hash])])
    forged = [encoded]
    for node, index in reversed(steps):
        if len(encoded) < 32:
            return None
        node = list(node)
        node[index] = keccak(encoded)
        encoded = rlp.encode(node)
        forged.append(encoded)
    forged.reverse()
    return ["0x" + n.hex() for n in forged], "0x" + keccak(forged[0]).hex(), hex(forged_balance)
