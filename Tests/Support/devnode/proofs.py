"""eth_getProof (EIP-1186) from py-evm's own state trie: the account's path in the state trie at
a block's state root, and each storage key's path in the account's storage trie. The tries are
read from the chain's base database, where py-evm keeps every node of every persisted block; an
absent account or slot gets the exclusion proof (the nodes down to where its path ends)."""

import rlp
from eth_hash.auto import keccak
from eth_utils import to_checksum_address
from trie import HexaryTrie

from rpcformat import invalid_params, quantity

EMPTY_ROOT = keccak(rlp.encode(b""))
EMPTY_CODE_HASH = keccak(b"")


def proof_nodes(trie, key):
    """The RLP of each node on `key`'s path that is referenced by hash (the root and every node of
    32 bytes or more); smaller nodes are embedded in their parent, as geth leaves them."""
    encoded = [rlp.encode(node) for node in trie.get_proof(key)]
    return ["0x" + node.hex() for i, node in enumerate(encoded) if i == 0 or len(node) >= 32]


def storage_key(value):
    """A storage key as given (0x-hex up to 32 bytes) -> the 32-byte slot."""
    if not isinstance(value, str) or not value.startswith(("0x", "0X")):
        raise invalid_params(f"storage key must be 0x-prefixed hex, got {value!r}")
    digits = value[2:]
    if len(digits) > 64:
        raise invalid_params(f"storage key longer than 32 bytes: {value!r}")
    try:
        return bytes.fromhex(digits.rjust(64, "0"))
    except ValueError:
        raise invalid_params(f"storage key must be 0x-prefixed hex, got {value!r}")


def storage_at(db, state_root, address, slot):
    """The value (an int) of storage `slot` of `address` at `state_root`."""
    encoded = HexaryTrie(db, state_root).get(keccak(address))
    if not encoded:
        return 0
    storage_root = rlp.decode(encoded)[2]
    value = HexaryTrie(db, storage_root).get(keccak(slot.to_bytes(32, "big")))
    return int.from_bytes(rlp.decode(value), "big") if value else 0


def get_proof(db, state_root, address, keys):
    """The EIP-1186 answer for `address` (20 bytes) and `keys` (the request's strings)."""
    state = HexaryTrie(db, state_root)
    account_key = keccak(address)
    encoded = state.get(account_key)
    if encoded:
        nonce, balance, storage_root, code_hash = rlp.decode(encoded)
        nonce, balance = int.from_bytes(nonce, "big"), int.from_bytes(balance, "big")
    else:
        nonce, balance, storage_root, code_hash = 0, 0, EMPTY_ROOT, EMPTY_CODE_HASH
    storage = HexaryTrie(db, storage_root)
    storage_proofs = []
    for key in keys:
        slot = storage_key(key)
        value = storage.get(keccak(slot)) if storage_root != EMPTY_ROOT else b""
        number = int.from_bytes(rlp.decode(value), "big") if value else 0
        storage_proofs.append({
            "key": key, "value": quantity(number),
            "proof": proof_nodes(storage, keccak(slot)) if storage_root != EMPTY_ROOT else []})
    return {
        "address": to_checksum_address(address),
        "accountProof": proof_nodes(state, account_key),
        "balance": quantity(balance),
        "codeHash": "0x" + bytes(code_hash).hex(),
        "nonce": quantity(nonce),
        "storageHash": "0x" + bytes(storage_root).hex(),
        "storageProof": storage_proofs,
    }
