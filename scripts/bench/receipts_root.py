"""py-trie baseline for `make bench`: the receipts root of the encodings in FILE (one hex per
line), keyed by rlp(index) as a block's receipts trie. Usage: receipts_root.py FILE
Prints "<root hex> <best ns of 5 runs>"."""
import sys
import time

import rlp
from trie import HexaryTrie

with open(sys.argv[1]) as f:
    values = [bytes.fromhex(line.strip()) for line in f if line.strip()]


def root():
    trie = HexaryTrie(db={})
    for index, value in enumerate(values):
        trie.set(rlp.encode(index), value)
    return trie.root_hash


best = None
for _ in range(5):
    start = time.perf_counter_ns()
    result = root()
    elapsed = time.perf_counter_ns() - start
    best = elapsed if best is None else min(best, elapsed)
print(result.hex(), best)
