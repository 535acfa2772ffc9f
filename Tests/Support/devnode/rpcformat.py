"""JSON-RPC parameters and errors: 0x-hex quantities, data, addresses and block parameters
(blocks, transactions and receipts are shaped in chainjson.py)."""

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
    """A block parameter: a tag or a hex number (or EIP-1898 {"blockNumber": ...}), as
    eth-tester wants it. Node.block_arg resolves {"blockHash": ...}."""
    if value is None:
        return "latest"
    if value in ("latest", "earliest", "pending", "safe", "finalized"):
        return value
    if isinstance(value, dict) and "blockNumber" in value:
        return parse_quantity(value["blockNumber"], "blockNumber")
    return parse_quantity(value, "block number")
