"""Signs transactions with eth-account (the reference signer).

stdin:  [{"key": "0x<32-byte private key>", "tx": {eth-account transaction dict}}, ...]
        Transaction fields use eth-account's names (nonce, gas, to, value, data, chainId, type,
        gasPrice, maxFeePerGas, maxPriorityFeePerGas, accessList); integers may be JSON numbers
        or 0x-hex strings.
stdout: [{"raw": "0x...", "hash": "0x...", "from": "0x<checksummed>"}, ...]
"""

import json
import sys

from eth_account import Account

INTEGER_FIELDS = ("nonce", "gas", "value", "chainId", "type", "gasPrice", "maxFeePerGas",
                  "maxPriorityFeePerGas")


def normalize(tx):
    out = dict(tx)
    for field in INTEGER_FIELDS:
        if isinstance(out.get(field), str):
            out[field] = int(out[field], 16)
    return out


def main():
    cases = json.load(sys.stdin)
    results = []
    for case in cases:
        signed = Account.sign_transaction(normalize(case["tx"]), case["key"])
        results.append({
            "raw": "0x" + bytes(signed.raw_transaction).hex(),
            "hash": "0x" + bytes(signed.hash).hex(),
            "from": Account.from_key(case["key"]).address,
        })
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
