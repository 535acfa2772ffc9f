#!/usr/bin/env python3
"""EIP-191 personal messages and EIP-712 typed data, answered by eth-account.

stdin: {"op": "personal", "cases": [{"message": hex, "key": hex}, ...]}
    -> [{"hash": hex, "signature": hex}, ...]
       hash = encode_defunct(primitive=message) signed-message hash (keccak of the 0x45 form);
       signature = Account.sign_message(...).signature (r||s||v, v = 27/28). The hash is
       cross-checked against a direct keccak of the EIP-191 preimage.
stdin: {"op": "typed", "cases": [{"document": json text, "key": hex}, ...]}
    -> [{"digest": hex, "signature": hex} or {"error": text}, ...]
       via encode_typed_data(full_message=json.loads(document)) and Account.sign_message.
Hex strings have no 0x prefix.
"""
import json
import sys

from eth_account import Account
from eth_account.messages import _hash_eip191_message, encode_defunct, encode_typed_data
from eth_hash.auto import keccak


def personal(case):
    message = bytes.fromhex(case["message"])
    signable = encode_defunct(primitive=message)
    digest = _hash_eip191_message(signable)
    direct = keccak(b"\x19Ethereum Signed Message:\n" + str(len(message)).encode() + message)
    if digest != direct:
        raise SystemExit(f"oracle disagreement on {case['message']}")
    signed = Account.sign_message(signable, bytes.fromhex(case["key"]))
    return {"hash": digest.hex(), "signature": bytes(signed.signature).hex()}


def typed(case):
    try:
        signable = encode_typed_data(full_message=json.loads(case["document"]))
        digest = _hash_eip191_message(signable)
        signed = Account.sign_message(signable, bytes.fromhex(case["key"]))
    except Exception as error:  # the test reports eth-account's refusal
        return {"error": f"{type(error).__name__}: {error}"}
    return {"digest": digest.hex(), "signature": bytes(signed.signature).hex()}


def main():
    request = json.load(sys.stdin)
    handler = {"personal": personal, "typed": typed}[request["op"]]
    json.dump([handler(case) for case in request["cases"]], sys.stdout)


if __name__ == "__main__":
    main()
