"""Conversions between JSON-RPC (geth's shapes: camelCase keys, 0x-hex quantities) and
eth-tester's Python values (snake_case keys, ints, 0x-hex strings for data)."""

from eth_bloom import BloomFilter
from eth_utils import to_checksum_address


class RPCError(Exception):
    """A JSON-RPC error: code, message and optional data."""

    def __init__(self, code, message, data=None):
        super().__init__(message)
        self.code, self.message, self.data = code, message, data


def invalid_params(message):
    return RPCError(-32602, f"invalid argument: {message}")


def quantity(value):
    return hex(value)


def data_hex(value):
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    return value


def parse_quantity(value, name="quantity"):
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.startswith(("0x", "0X")) and len(value) > 2:
        try:
            return int(value, 16)
        except ValueError:
            pass
    raise invalid_params(f"{name} must be a 0x-prefixed hex quantity, got {value!r}")


def parse_data(value, name="data"):
    if isinstance(value, str) and value.startswith(("0x", "0X")) and len(value) % 2 == 0:
        try:
            return bytes.fromhex(value[2:])
        except ValueError:
            pass
    raise invalid_params(f"{name} must be 0x-prefixed hex bytes, got {value!r}")


def parse_address(value, name="address"):
    raw = parse_data(value, name)
    if len(raw) != 20:
        raise invalid_params(f"{name} must be 20 bytes, got {value!r}")
    return to_checksum_address(raw)


def parse_block(value):
    """A block parameter: a tag or a hex number, as eth-tester wants it."""
    if value is None:
        return "latest"
    if value in ("latest", "earliest", "pending", "safe", "finalized"):
        return value
    if isinstance(value, dict) and "blockNumber" in value:
        return parse_quantity(value["blockNumber"], "blockNumber")
    return parse_quantity(value, "block number")


_BLOCK_KEYS = {"coinbase": "miner", "transactions_root": "transactionsRoot"}
_TX_KEYS = {"data": "input"}


def camel(key):
    head, *rest = key.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _value(key, value):
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        if key == "logs_bloom":
            return "0x" + value.to_bytes(256, "big").hex()
        return quantity(value)
    if isinstance(value, (bytes, bytearray)):
        return data_hex(value)
    if isinstance(value, (list, tuple)):
        return [_value(key, item) if not isinstance(item, dict) else format_generic(item) for item in value]
    if isinstance(value, dict):
        return format_generic(value)
    return value


def format_generic(obj, renames=None):
    renames = renames or {}
    return {renames.get(k, camel(k)): _value(k, v) for k, v in obj.items()}


def format_block(block, transactions):
    out = format_generic({k: v for k, v in block.items() if k != "transactions"}, _BLOCK_KEYS)
    out["transactions"] = transactions
    return out


def format_transaction(tx):
    out = format_generic(tx, _TX_KEYS)
    if out.get("type") == "0x0":
        for key in ("accessList", "yParity", "maxFeePerGas", "maxPriorityFeePerGas"):
            out.pop(key, None)
        if out.get("chainId") is None:
            out.pop("chainId", None)
    if "to" in out and not out["to"]:
        out["to"] = None
    return out


def format_receipt(receipt):
    source = {k: v for k, v in receipt.items() if k not in ("state_root", "logs")}
    out = format_generic(source)
    bloom = BloomFilter()
    logs = []
    for log in receipt.get("logs", []):
        bloom.add(bytes.fromhex(log["address"][2:]))
        for topic in log["topics"]:
            bloom.add(bytes.fromhex(topic[2:]) if isinstance(topic, str) else bytes(topic))
        entry = format_generic({k: v for k, v in log.items() if k != "type"})
        entry["removed"] = False
        logs.append(entry)
    out["logs"] = logs
    out["logsBloom"] = "0x" + int(bloom).to_bytes(256, "big").hex()
    if not out.get("to"):
        out["to"] = None
    return out
