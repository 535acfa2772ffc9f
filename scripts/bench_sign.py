"""eth-account baseline for `make bench`: signs every sigil.unsigned-tx/1 request of a JSON Lines
file with Account.sign_transaction, in-process. Usage: bench_sign.py FILE KEYHEX -> total ns."""
import json
import sys
import time

from eth_account import Account

path, key = sys.argv[1], sys.argv[2]
transactions = []
with open(path) as f:
    for line in f:
        r = json.loads(line)
        transactions.append({
            "type": int(r["type"], 16), "chainId": int(r["chainId"], 16), "nonce": int(r["nonce"], 16),
            "to": r["to"], "value": int(r["value"], 16), "data": r["data"], "gas": int(r["gas"], 16),
            "maxFeePerGas": int(r["maxFeePerGas"], 16), "maxPriorityFeePerGas": int(r["maxPriorityFeePerGas"], 16),
            "accessList": [],
        })
account = Account.from_key(key)
account.sign_transaction(transactions[0])  # warm-up
start = time.perf_counter_ns()
for tx in transactions:
    account.sign_transaction(tx)
print(time.perf_counter_ns() - start)
