"""The eth/68 wire protocol, added to trinity's `p2p` package (whose eth stops at eth/65).

Commands are trinity `BaseCommand`s, so trinity encodes them (message-id RLP + Snappy-compressed
RLP payload) and its `Transport` frames them. Payloads are plain RLP structures (lists of bytes
and ints); the helpers below build and check them. With the eth capability at offset 0x10:
Status 0x10, Transactions 0x12, NewPooledTransactionHashes 0x18, GetPooledTransactions 0x19,
PooledTransactions 0x1a.
"""

import zlib

import rlp
from eth_utils import keccak

from trinity_p2p import BaseCommand, BaseProtocol, SerializationCodecAPI

ETH_VERSION = 68
ETH_OFFSET = 0x10  # the first message id after the base protocol's 16


class RawRLPCodec(SerializationCodecAPI):
    """Any RLP structure: encodes bytes/ints/lists, decodes to nested lists of bytes."""

    def encode(self, payload):
        return rlp.encode(payload)

    def decode(self, data):
        return rlp.decode(data, strict=True)


class _EthCommand(BaseCommand):
    serialization_codec = RawRLPCodec()


class Status(_EthCommand):
    """[version, networkid, td, blockhash, genesis, forkid=[hash (4 bytes), next]]"""
    protocol_command_id = 0x00


class Transactions(_EthCommand):
    """[tx, ...]: a legacy tx is an RLP list, a typed one a byte string (type || payload)."""
    protocol_command_id = 0x02


class NewPooledTransactionHashes(_EthCommand):
    """eth/68: [types (one byte each), [size, ...], [hash, ...]]"""
    protocol_command_id = 0x08


class GetPooledTransactions(_EthCommand):
    """[request-id, [hash, ...]]"""
    protocol_command_id = 0x09


class PooledTransactions(_EthCommand):
    """[request-id, [tx, ...]]"""
    protocol_command_id = 0x0A


class Eth68Protocol(BaseProtocol):
    name = "eth"
    version = ETH_VERSION
    commands = (Status, Transactions, NewPooledTransactionHashes, GetPooledTransactions,
                PooledTransactions)
    command_length = 17  # eth/66+ message ids 0x00...0x10


# -- payload helpers ------------------------------------------------------------------------------

def as_int(value):
    """An RLP-decoded unsigned integer (bytes, big-endian, no leading zeros)."""
    if isinstance(value, int):
        return value
    if not isinstance(value, bytes) or (len(value) > 0 and value[0] == 0):
        raise ValueError(f"not an RLP integer: {value!r}")
    return int.from_bytes(value, "big")


def fork_id_all_at_genesis(genesis_hash):
    """EIP-2124 fork id when every fork is active at genesis: [CRC32(genesis hash), next 0]."""
    return [zlib.crc32(genesis_hash).to_bytes(4, "big"), 0]


def status_payload(network_id, td, head, genesis, fork_id):
    return [ETH_VERSION, network_id, td, head, genesis, fork_id]


def status_json(payload):
    """A decoded Status as JSON-friendly values (raises ValueError when malformed)."""
    if not isinstance(payload, list) or len(payload) < 6 or not isinstance(payload[5], list) \
            or len(payload[5]) < 2:
        raise ValueError(f"malformed Status: {payload!r}")
    return {
        "version": as_int(payload[0]),
        "network_id": as_int(payload[1]),
        "td": as_int(payload[2]),
        "head": "0x" + payload[3].hex(),
        "genesis": "0x" + payload[4].hex(),
        "fork_hash": "0x" + payload[5][0].hex(),
        "fork_next": as_int(payload[5][1]),
    }


def status_problems(status, network_id, genesis, fork_id):
    """Why a remote Status (as `status_json`) does not match ours: a list of sentences."""
    problems = []
    if status["version"] != ETH_VERSION:
        problems.append(f"eth version {status['version']}, expected {ETH_VERSION}")
    if status["network_id"] != network_id:
        problems.append(f"network id {status['network_id']}, expected {network_id}")
    if status["genesis"] != "0x" + genesis.hex():
        problems.append(f"genesis {status['genesis']}, expected 0x{genesis.hex()}")
    if status["fork_hash"] != "0x" + fork_id[0].hex() or status["fork_next"] != fork_id[1]:
        problems.append(f"fork id {status['fork_hash']}/{status['fork_next']}, "
                        f"expected 0x{fork_id[0].hex()}/{fork_id[1]}")
    return problems


def raw_transaction(item):
    """The network encoding of one tx in a Transactions/PooledTransactions list as the bytes
    eth_sendRawTransaction takes: a legacy tx (RLP list) re-encoded, a typed tx as is."""
    if isinstance(item, list):
        return rlp.encode(item)
    if isinstance(item, bytes) and item and item[0] < 0x7F:
        return item
    raise ValueError(f"not a transaction: {item!r}"[:200])


def transaction_hash(raw):
    """keccak of the canonical encoding; a blob tx in its network form (0x03 || rlp([tx, blobs,
    commitments, proofs])) hashes as 0x03 || rlp(tx)."""
    if raw[:1] == b"\x03":
        body = rlp.decode(raw[1:], strict=False)
        if body and isinstance(body[0], list):
            raw = b"\x03" + rlp.encode(body[0])
    return "0x" + keccak(raw).hex()
