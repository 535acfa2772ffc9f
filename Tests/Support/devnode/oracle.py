"""Independent checks of a node's JSON answers with the reference libraries (rlp, py-trie,
eth-hash, eth-bloom): header hash from the JSON fields, transactions and receipts re-encoded from
JSON and their tries' roots, EIP-1186 proofs against a state root. Nothing here reads the node's
own encodings: every byte is rebuilt from the JSON, so a field missing or wrong shows up.

Each check returns None when it holds, else a short reason."""

import rlp
from eth_bloom import BloomFilter
from eth_hash.auto import keccak
from trie import HexaryTrie

# (JSON key, is a quantity), in the header's RLP order; the optional tail is fork by fork.
HEADER_FIELDS = (
    ("parentHash", False), ("sha3Uncles", False), ("miner", False), ("stateRoot", False),
    ("transactionsRoot", False), ("receiptsRoot", False), ("logsBloom", False), ("difficulty", True),
    ("number", True), ("gasLimit", True), ("gasUsed", True), ("timestamp", True),
    ("extraData", False), ("mixHash", False), ("nonce", False))
OPTIONAL_HEADER_FIELDS = (
    ("baseFeePerGas", True), ("withdrawalsRoot", False), ("blobGasUsed", True),
    ("excessBlobGas", True), ("parentBeaconBlockRoot", False), ("requestsHash", False))
EMPTY_ROOT = keccak(rlp.encode(b""))


def data(value):
    return bytes.fromhex(value[2:]) if value else b""


def num(value):
    return int(value, 16)


def header_rlp(block):
    fields = [num(block[k]) if q else data(block[k]) for k, q in HEADER_FIELDS]
    for key, is_quantity in OPTIONAL_HEADER_FIELDS:
        if key not in block:
            break  # a fork's fields come in order: none after the first missing one
        fields.append(num(block[key]) if is_quantity else data(block[key]))
    return rlp.encode(fields)


def check_header(block):
    digest = "0x" + keccak(header_rlp(block)).hex()
    return None if digest == block["hash"] else f"block {block.get('number')}: keccak(rlp(header)) {digest} != hash {block['hash']}"


def access_list(items):
    return [[data(item["address"]), [data(k) for k in item["storageKeys"]]] for item in items]


def tx_encoding(tx):
    """The transaction's canonical encoding, rebuilt from its JSON fields (types 0-4)."""
    kind = num(tx["type"])
    to = data(tx["to"]) if tx.get("to") else b""
    common = [num(tx["nonce"])]
    if kind == 0:
        return rlp.encode(common + [num(tx["gasPrice"]), num(tx["gas"]), to, num(tx["value"]),
                                    data(tx["input"]), num(tx["v"]), num(tx["r"]), num(tx["s"])])
    head = [num(tx["chainId"]), num(tx["nonce"])]
    signature = [num(tx["yParity"]), num(tx["r"]), num(tx["s"])]
    if kind == 1:
        body = head + [num(tx["gasPrice"]), num(tx["gas"]), to, num(tx["value"]), data(tx["input"]),
                       access_list(tx["accessList"])]
    else:
        body = head + [num(tx["maxPriorityFeePerGas"]), num(tx["maxFeePerGas"]), num(tx["gas"]), to,
                       num(tx["value"]), data(tx["input"]), access_list(tx["accessList"])]
        if kind == 3:
            body += [num(tx["maxFeePerBlobGas"]), [data(h) for h in tx["blobVersionedHashes"]]]
        if kind == 4:
            body.append([[num(a["chainId"]), data(a["address"]), num(a["nonce"]), num(a["yParity"]),
                          num(a["r"]), num(a["s"])] for a in tx["authorizationList"]])
    return bytes([kind]) + rlp.encode(body + signature)


def receipt_encoding(receipt):
    logs = [[data(log["address"]), [data(t) for t in log["topics"]], data(log["data"])]
            for log in receipt["logs"]]
    body = rlp.encode([num(receipt["status"]), num(receipt["cumulativeGasUsed"]),
                       data(receipt["logsBloom"]), logs])
    kind = num(receipt.get("type", "0x0"))
    return body if kind == 0 else bytes([kind]) + body


def bloom_of(logs):
    bloom = BloomFilter()
    for log in logs:
        bloom.add(data(log["address"]))
        for topic in log["topics"]:
            bloom.add(data(topic))
    return int(bloom)


def ordered_root(items):
    trie = HexaryTrie({})
    for index, item in enumerate(items):
        trie[rlp.encode(index)] = item
    return "0x" + trie.root_hash.hex()


def check_transactions(block):
    """Every full transaction hashes to its hash; their trie's root is transactionsRoot."""
    encodings = []
    for tx in block["transactions"]:
        encoded = tx_encoding(tx)
        if "0x" + keccak(encoded).hex() != tx["hash"]:
            return f"block {block['number']}: transaction {tx['hash']} (type {tx['type']}) re-encodes to another hash"
        encodings.append(encoded)
    root = ordered_root(encodings)
    return None if root == block["transactionsRoot"] else f"block {block['number']}: transactionsRoot {root} != {block['transactionsRoot']}"


def check_receipts(block, receipts):
    """Blooms from logs, cumulative gas, log indexes; their trie's root is receiptsRoot."""
    if len(receipts) != len(block["transactions"]):
        return f"block {block['number']}: {len(receipts)} receipts for {len(block['transactions'])} transactions"
    header_bloom, cumulative, log_index = 0, 0, 0
    for index, receipt in enumerate(receipts):
        bloom = bloom_of(receipt["logs"])
        if bloom != num(receipt["logsBloom"]):
            return f"receipt {receipt['transactionHash']}: logsBloom is not the logs' bloom"
        header_bloom |= bloom
        cumulative += num(receipt["gasUsed"])
        if cumulative != num(receipt["cumulativeGasUsed"]) or num(receipt["transactionIndex"]) != index:
            return f"receipt {receipt['transactionHash']}: cumulativeGasUsed or transactionIndex wrong"
        for log in receipt["logs"]:
            if num(log["logIndex"]) != log_index or log["blockHash"] != block["hash"]:
                return f"receipt {receipt['transactionHash']}: log index or block hash wrong"
            log_index += 1
    if cumulative != num(block["gasUsed"]) or header_bloom != num(block["logsBloom"]):
        return f"block {block['number']}: gasUsed or logsBloom differ from its receipts'"
    root = ordered_root([receipt_encoding(r) for r in receipts])
    return None if root == block["receiptsRoot"] else f"block {block['number']}: receiptsRoot {root} != {block['receiptsRoot']}"


def proved(root, key, nodes):
    """The value the proof shows under `key` (b"" for a valid exclusion proof); raises on an
    invalid proof."""
    return HexaryTrie.get_from_proof(data(root), key, [rlp.decode(data(n)) for n in nodes])


def check_account_proof(state_root, answer):
    """(None or reason, was it an exclusion proof)."""
    try:
        value = proved(state_root, keccak(data(answer["address"])), answer["accountProof"])
    except Exception as error:
        return f"account {answer['address']}: invalid proof: {type(error).__name__}", False
    if value == b"":
        fields = [0, 0, EMPTY_ROOT, keccak(b"")]
    else:
        nonce, balance, storage_root, code_hash = rlp.decode(value)
        fields = [int.from_bytes(nonce, "big"), int.from_bytes(balance, "big"), storage_root, code_hash]
    claimed = [num(answer["nonce"]), num(answer["balance"]), data(answer["storageHash"]), data(answer["codeHash"])]
    if fields != claimed:
        return f"account {answer['address']}: the proof shows {fields[:2]}, the answer says {claimed[:2]}", value == b""
    return None, value == b""


def check_storage_proof(storage_root, item):
    slot = data(item["key"]).rjust(32, b"\0")
    try:
        value = proved(storage_root, keccak(slot), item["proof"]) if item["proof"] else b""
    except Exception as error:
        return f"storage {item['key']}: invalid proof: {type(error).__name__}"
    if not item["proof"] and storage_root != "0x" + EMPTY_ROOT.hex():
        return f"storage {item['key']}: no proof under a non-empty storage root"
    shown = int.from_bytes(rlp.decode(value), "big") if value else 0
    return None if shown == num(item["value"]) else f"storage {item['key']}: the proof shows {shown}, the answer says {item['value']}"
