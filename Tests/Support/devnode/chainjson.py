"""Blocks, transactions and receipts in geth's JSON shapes, read from py-evm's own objects
(not from eth-tester's views, which drop fields and refuse blocks holding type-4 transactions).

Every header field of the block's fork is present, so RLP-encoding the fields in order gives the
block's hash; every transaction field needed to re-encode a transaction of types 0-4 is present;
receipts carry what is needed to rebuild the receipts root (type, status, cumulativeGasUsed,
logsBloom, logs)."""

import rlp
from eth_utils import to_checksum_address
from eth._utils.address import generate_contract_address

from rpcformat import quantity

# py-evm header field name -> geth JSON key; the order is the RLP order of the fork's header.
HEADER_KEYS = {
    "parent_hash": "parentHash", "uncles_hash": "sha3Uncles", "coinbase": "miner",
    "state_root": "stateRoot", "transaction_root": "transactionsRoot", "receipt_root": "receiptsRoot",
    "bloom": "logsBloom", "difficulty": "difficulty", "block_number": "number",
    "gas_limit": "gasLimit", "gas_used": "gasUsed", "timestamp": "timestamp",
    "extra_data": "extraData", "mix_hash": "mixHash", "nonce": "nonce",
    "base_fee_per_gas": "baseFeePerGas", "withdrawals_root": "withdrawalsRoot",
    "blob_gas_used": "blobGasUsed", "excess_blob_gas": "excessBlobGas",
    "parent_beacon_block_root": "parentBeaconBlockRoot", "requests_hash": "requestsHash",
}


def hexdata(value):
    return "0x" + bytes(value).hex()


def word(value):
    return "0x" + value.to_bytes(32, "big").hex()


def address_or_none(value):
    return to_checksum_address(value) if value else None


def header_json(header):
    out = {"hash": hexdata(header.hash)}
    for field in header._meta.field_names:
        key, value = HEADER_KEYS[field], getattr(header, field)
        if field == "bloom":
            out[key] = "0x" + value.to_bytes(256, "big").hex()
        elif field == "coinbase":
            out[key] = to_checksum_address(value)
        elif isinstance(value, int):
            out[key] = quantity(value)
        else:
            out[key] = hexdata(value)
    return out


def block_json(chain, block, full):
    header = block.header
    out = header_json(header)
    out["size"] = quantity(len(rlp.encode(block)))
    out["totalDifficulty"] = quantity(0)
    out["uncles"] = [hexdata(u.hash) for u in block.uncles]
    if hasattr(block, "withdrawals"):
        out["withdrawals"] = [{
            "index": quantity(w.index), "validatorIndex": quantity(w.validator_index),
            "address": to_checksum_address(w.address), "amount": quantity(w.amount)}
            for w in block.withdrawals]
    out["transactions"] = [tx_json(tx, header, i) if full else hexdata(tx.hash)
                           for i, tx in enumerate(block.transactions)]
    return out


def effective_gas_price(tx, base_fee):
    if tx.type_id in (None, 0, 1):
        return tx.gas_price
    return base_fee + min(tx.max_priority_fee_per_gas, tx.max_fee_per_gas - base_fee)


def access_list_json(access_list):
    return [{"address": to_checksum_address(address), "storageKeys": [word(slot) for slot in slots]}
            for address, slots in access_list]


def tx_json(tx, header, index):
    """A mined transaction (`header` is its block's, `index` its position)."""
    kind = tx.type_id or 0
    out = {
        "type": quantity(kind), "hash": hexdata(tx.hash), "nonce": quantity(tx.nonce),
        "blockHash": hexdata(header.hash), "blockNumber": quantity(header.block_number),
        "transactionIndex": quantity(index), "from": to_checksum_address(tx.sender),
        "to": address_or_none(tx.to), "value": quantity(tx.value), "gas": quantity(tx.gas),
        "input": hexdata(tx.data),
        "gasPrice": quantity(effective_gas_price(tx, header.base_fee_per_gas or 0)),
    }
    if kind == 0:
        out["v"] = quantity(tx.v)
        if tx.v >= 35:
            out["chainId"] = quantity((tx.v - 35) // 2)
    else:
        out["chainId"] = quantity(tx.chain_id)
        out["accessList"] = access_list_json(tx.access_list)
        out["v"] = out["yParity"] = quantity(tx.y_parity)
    if kind >= 2:
        out["maxFeePerGas"] = quantity(tx.max_fee_per_gas)
        out["maxPriorityFeePerGas"] = quantity(tx.max_priority_fee_per_gas)
    if kind == 3:
        out["maxFeePerBlobGas"] = quantity(tx.max_fee_per_blob_gas)
        out["blobVersionedHashes"] = [hexdata(h) for h in tx.blob_versioned_hashes]
    if kind == 4:
        out["authorizationList"] = [{
            "chainId": quantity(a.chain_id), "address": to_checksum_address(a.address),
            "nonce": quantity(a.nonce), "yParity": quantity(a.y_parity),
            "r": quantity(a.r), "s": quantity(a.s)} for a in tx.authorization_list]
    out["r"], out["s"] = quantity(tx.r), quantity(tx.s)
    return out


def receipts_json(chain, block):
    """geth's eth_getBlockReceipts: every receipt of `block`, logs indexed across the block."""
    header = block.header
    receipts = block.get_receipts(chain.chaindb)
    blob_fee = None
    out, previous, log_index = [], 0, 0
    for index, (tx, receipt) in enumerate(zip(block.transactions, receipts)):
        kind = tx.type_id or 0
        item = {
            "type": quantity(kind), "transactionHash": hexdata(tx.hash),
            "transactionIndex": quantity(index), "blockHash": hexdata(header.hash),
            "blockNumber": quantity(header.block_number), "from": to_checksum_address(tx.sender),
            "to": address_or_none(tx.to),
            "contractAddress": None if tx.to else to_checksum_address(
                generate_contract_address(tx.sender, tx.nonce)),
            "status": quantity(1 if receipt.state_root == b"\x01" else 0),
            "cumulativeGasUsed": quantity(receipt.gas_used),
            "gasUsed": quantity(receipt.gas_used - previous),
            "effectiveGasPrice": quantity(effective_gas_price(tx, header.base_fee_per_gas or 0)),
            "logsBloom": "0x" + receipt.bloom.to_bytes(256, "big").hex(),
        }
        previous = receipt.gas_used
        logs = []
        for log in receipt.logs:
            logs.append({
                "address": to_checksum_address(log.address),
                "topics": [word(t) if isinstance(t, int) else hexdata(t) for t in log.topics],
                "data": hexdata(log.data), "blockNumber": item["blockNumber"],
                "transactionHash": item["transactionHash"], "transactionIndex": item["transactionIndex"],
                "blockHash": item["blockHash"], "logIndex": quantity(log_index), "removed": False})
            log_index += 1
        item["logs"] = logs
        if kind == 3:
            if blob_fee is None:
                blob_fee = chain.get_vm(header).state.blob_base_fee
            item["blobGasUsed"] = quantity(len(tx.blob_versioned_hashes) * 2**17)
            item["blobGasPrice"] = quantity(blob_fee)
        out.append(item)
    return out
