#!/usr/bin/env python3
"""Keccak-256 oracle (Ethereum's keccak, original 0x01 padding).

stdin:  JSON list of hex strings (no 0x prefix), the messages.
stdout: JSON list of hex strings, keccak256 of each message.

Uses pycryptodome's Crypto.Hash.keccak and cross-checks every digest against eth-hash
(whose backend is pycryptodome here too, but through a different code path), so a
mis-installed venv fails loudly instead of agreeing with a wrong answer.
"""
import json
import sys

from Crypto.Hash import keccak
from eth_hash.auto import keccak as eth_keccak


def digest(message: bytes) -> str:
    ours = keccak.new(digest_bits=256, data=message).hexdigest()
    theirs = eth_keccak(message).hex()
    if ours != theirs:
        raise SystemExit(f"oracle disagreement on {message.hex()}: {ours} vs {theirs}")
    return ours


def main() -> None:
    messages = json.load(sys.stdin)
    json.dump([digest(bytes.fromhex(m)) for m in messages], sys.stdout)


if __name__ == "__main__":
    main()
