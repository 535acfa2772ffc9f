"""Transaction signing oracle: eth-account signs each transaction of a batch.

stdin:  {"cases": [{"key": "0x..", "tx": {...eth-account dict, ints as 0x hex strings...},
                    "auths": [{"chainId": "0x..", "address": "0x..", "nonce": "0x..", "key": "0x.."}]}]}
stdout: [{"raw": "0x..", "hash": "0x..", "sender": "0x.."} | {"error": "..."}]
"""
import json
import sys

from eth_account import Account

INT_FIELDS = {"nonce", "gas", "gasPrice", "maxFeePerGas", "maxPriorityFeePerGas",
              "maxFeePerBlobGas", "value", "chainId", "type"}


def convert(tx):
    out = {}
    for name, value in tx.items():
        if name in INT_FIELDS and isinstance(value, str):
            out[name] = int(value, 16)
        else:
            out[name] = value
    return out


def main():
    request = json.load(sys.stdin)
    results = []
    for case in request["cases"]:
        try:
            tx = convert(case["tx"])
            if "auths" in case:
                tx["authorizationList"] = [
                    Account.sign_authorization(
                        {"chainId": int(a["chainId"], 16), "address": a["address"], "nonce": int(a["nonce"], 16)},
                        a["key"])
                    for a in case["auths"]
                ]
            signed = Account.sign_transaction(tx, case["key"])
            raw = "0x" + bytes(signed.raw_transaction).hex()
            results.append({
                "raw": raw,
                "hash": "0x" + bytes(signed.hash).hex(),
                "sender": Account.from_key(case["key"]).address,
            })
        except Exception as error:  # reported per case so one bad case does not hide the rest
            results.append({"error": f"{type(error).__name__}: {error}"})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
