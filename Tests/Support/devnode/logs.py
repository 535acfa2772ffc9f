"""eth_getLogs with geth's filter semantics, and the limits providers put on it.

A filter is {fromBlock, toBlock} (tags or numbers; default latest; toBlock beyond the head is
the head) or {blockHash}; `address` is one address or a list (any of them); `topics` has up to
four positions, each null (anything), a topic, or a list of topics (any of them). Logs come
from the blocks' receipts, in block order, with block-wide logIndex, removed false.

Limits (devnode.py options): with `max_range` N, a block range of more than N blocks answers
-32005 "query exceeds max block range N"; with `max_results` M, more than M matching logs
answer -32005 "query returned more than M results", as Infura/Alchemy-like providers do, so a
client must split its range.
"""

from eth_bloom import BloomFilter

import chainjson
from rpcformat import RPCError, invalid_params, parse_address, parse_data, parse_quantity

LIMIT_EXCEEDED = -32005


def parse_topics(topics):
    if topics is None:
        return []
    if not isinstance(topics, list):
        raise invalid_params("topics must be an array")
    if len(topics) > 4:
        raise invalid_params("exceed max topics")
    out = []
    for position in topics:
        if position is None or position == []:
            out.append(None)
        elif isinstance(position, str):
            out.append({parse_topic(position)})
        elif isinstance(position, list):
            out.append({parse_topic(t) for t in position if t is not None} if None not in position else None)
        else:
            raise invalid_params("a topic position must be null, a topic or an array of topics")
    return out


def parse_topic(value):
    raw = parse_data(value, "topic")
    if len(raw) != 32:
        raise invalid_params(f"topic must be 32 bytes, got {value!r}")
    return raw


def parse_addresses(value):
    if value is None:
        return None
    values = value if isinstance(value, list) else [value]
    return {parse_data(parse_address(a, "address")) for a in values} or None


def matches(log, addresses, topics):
    if addresses is not None and parse_data(log["address"]) not in addresses:
        return False
    if len(topics) > len(log["topics"]):
        return False
    return all(wanted is None or parse_data(have) in wanted for wanted, have in zip(topics, log["topics"]))


def may_contain(bloom, addresses, topics):
    """False when the block's bloom rules out every match (a bloom has no false negatives)."""
    if bloom == 0:
        return False
    filter_ = BloomFilter(bloom)
    if addresses is not None and not any(a in filter_ for a in addresses):
        return False
    return all(wanted is None or any(t in filter_ for t in wanted) for wanted in topics)


def get_logs(node, request, max_range=None, max_results=None):
    if not isinstance(request, dict):
        raise invalid_params("filter must be an object")
    addresses = parse_addresses(request.get("address"))
    topics = parse_topics(request.get("topics"))
    chain = node.backend.chain
    if request.get("blockHash") is not None:
        if request.get("fromBlock") is not None or request.get("toBlock") is not None:
            raise invalid_params("cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other")
        block = node.mined_block({"blockHash": request["blockHash"]})
        if block is None:
            raise RPCError(-32000, "unknown block")
        blocks = [block.header.block_number]
    else:
        head = node.latest_number()
        first = block_number(request.get("fromBlock"), head)
        last = min(block_number(request.get("toBlock"), head), head)
        if first > last and first <= head:
            raise invalid_params("invalid block range params")
        if max_range is not None and last - first + 1 > max_range:
            raise RPCError(LIMIT_EXCEEDED, f"query exceeds max block range {max_range}")
        blocks = range(first, last + 1)
    found = []
    for number in blocks:
        header = node.header(number)
        if not may_contain(header.bloom, addresses, topics):
            continue
        block = chain.get_canonical_block_by_number(number)
        for receipt in chainjson.receipts_json(chain, block):
            found.extend(log for log in receipt["logs"] if matches(log, addresses, topics))
        if max_results is not None and len(found) > max_results:
            raise RPCError(LIMIT_EXCEEDED, f"query returned more than {max_results} results")
    return found


def block_number(value, head):
    if value is None or value in ("latest", "pending", "safe", "finalized"):
        return head
    if value == "earliest":
        return 0
    return parse_quantity(value, "block number")
