"""Reads a signed raw transaction (types 0-4; type 3 plain or in network form with its sidecar)
into geth's JSON transaction fields, so that a peer that drops it can still describe it
plausibly (faultpeer.py's drop + fabricate-receipt)."""

import rlp
from eth_hash.auto import keccak
from eth_utils import to_checksum_address

# Field names of each type's RLP list, in order.
FIELDS = {
    0: ("nonce", "gasPrice", "gas", "to", "value", "input", "v", "r", "s"),
    1: ("chainId", "nonce", "gasPrice", "gas", "to", "value", "input", "accessList", "yParity", "r", "s"),
    2: ("chainId", "nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gas", "to", "value", "input",
        "accessList", "yParity", "r", "s"),
    3: ("chainId", "nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gas", "to", "value", "input",
        "accessList", "maxFeePerBlobGas", "blobVersionedHashes", "yParity", "r", "s"),
    4: ("chainId", "nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gas", "to", "value", "input",
        "accessList", "authorizationList", "yParity", "r", "s"),
}


def quantity(raw):
    return hex(int.from_bytes(raw, "big"))


def plain_form(raw):
    """(type, the transaction as signed: its hash is keccak of this). A type-3 transaction in
    network form (rlp([tx, blobs, commitments, proofs])) is unwrapped."""
    if raw[:1] and raw[0] >= 0xC0:
        return 0, raw
    kind = raw[0]
    if kind == 3:
        items = rlp.decode(raw[1:])
        if items and isinstance(items[0], list):
            return 3, b"\x03" + rlp.encode(items[0])
    return kind, raw


def tx_hash(raw):
    return "0x" + keccak(plain_form(raw)[1]).hex()


def decode(raw):
    """geth-shaped fields of a signed transaction (no block fields); raises on malformed input."""
    kind, plain = plain_form(raw)
    if kind not in FIELDS:
        raise ValueError(f"unknown transaction type {kind}")
    items = rlp.decode(plain if kind == 0 else plain[1:])
    names = FIELDS[kind]
    if len(items) != len(names):
        raise ValueError("wrong number of fields")
    out = {"type": hex(kind), "hash": "0x" + keccak(plain).hex()}
    for name, item in zip(names, items):
        if name == "to":
            out[name] = to_checksum_address(item) if item else None
        elif name == "input":
            out[name] = "0x" + item.hex()
        elif name == "accessList":
            out[name] = [{"address": to_checksum_address(a), "storageKeys": ["0x" + k.hex() for k in keys]}
                         for a, keys in item]
        elif name == "blobVersionedHashes":
            out[name] = ["0x" + h.hex() for h in item]
        elif name == "authorizationList":
            out[name] = [{"chainId": quantity(c), "address": to_checksum_address(a), "nonce": quantity(n),
                          "yParity": quantity(y), "r": quantity(r), "s": quantity(s)}
                         for c, a, n, y, r, s in item]
        else:
            out[name] = quantity(item)
    if kind > 0:
        out["v"] = out["yParity"]
    elif int(out["v"], 16) >= 35:
        out["chainId"] = hex((int(out["v"], 16) - 35) // 2)
    try:
        from eth_account import Account
        out["from"] = Account.recover_transaction(plain)
    except Exception:
        out["from"] = "0x" + "00" * 20
    return out
