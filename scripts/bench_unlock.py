"""Times eth-account's keystore decryption of FILE (median of RUNS, in-process), for `make bench`.
Usage: bench_unlock.py FILE PASSWORD RUNS -> prints median nanoseconds."""
import sys
import time

from eth_account import Account

path, password, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path) as f:
    document = f.read()
Account.decrypt(document, password)  # warm-up: imports, first allocation
times = []
for _ in range(runs):
    start = time.perf_counter_ns()
    Account.decrypt(document, password)
    times.append(time.perf_counter_ns() - start)
times.sort()
print(times[len(times) // 2])
