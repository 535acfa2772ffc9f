"""The chain behind the devnode: eth-tester's py-evm backend, auto-mining, with geth-like
validation of raw transactions (chain id, nonce, funds, fees, intrinsic gas) and a computed
fee history. All methods take the instance lock: eth-tester is not thread-safe."""

import rlp
import threading

from eth_account import Account
from eth_account.typed_transactions import BlobTransaction
from eth_tester import EthereumTester, PyEVMBackend
from eth_tester.backends.pyevm.main import (
    generate_genesis_state_for_keys, get_default_account_keys, get_default_genesis_params)
from eth.exceptions import BlockNotFound, HeaderNotFound, TransactionNotFound
from eth_tester.exceptions import ValidationError
from eth_hash.auto import keccak
from hexbytes import HexBytes
from eth_keys import KeyAPI

import chainjson
import contracts
import ens
import erc20
import evmcall
import feehistory
import logs
import proofs
from rpcformat import (RPCError, invalid_params, parse_address, parse_block, parse_data,
                       parse_quantity, quantity)

GENESIS_TIMESTAMP = 1_700_000_000  # fixed, so that every instance has the same genesis hash
SUGGESTED_TIP = 10**9  # eth_maxPriorityFeePerGas
TOKEN_HOLDER = "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"  # address of private key 0x..01
DEPLOYER_KEY = keccak(b"sigil devnode token deployer")  # funded, but not one of 0x..01-0x..0a


def tx_error(message):
    return RPCError(-32000, message)


class Node:
    def __init__(self, chain_id=1337, client_version="sigil-devnode/1.0 (py-evm via eth-tester)",
                 max_log_range=None, max_log_results=None):
        keys = get_default_account_keys(10) + (KeyAPI().PrivateKey(DEPLOYER_KEY),)
        backend = PyEVMBackend(
            genesis_parameters=get_default_genesis_params({"timestamp": GENESIS_TIMESTAMP}),
            genesis_state=generate_genesis_state_for_keys(keys))
        # The chain class is created per backend; its chain_id feeds CHAINID and signing.
        type(backend.chain).chain_id = chain_id
        self.backend, self.chain_id, self.client_version = backend, chain_id, client_version
        self.tester = EthereumTester(backend=backend)
        self.lock = threading.RLock()
        self.deployer = Account.from_key(DEPLOYER_KEY)
        self.max_log_range, self.max_log_results = max_log_range, max_log_results
        self.ens = None  # {registry, resolver} once devnode_deployENS or devnode_ensRegister ran

    # -- helpers -----------------------------------------------------------------------------

    def latest_number(self):
        return self.tester.get_block_by_number("latest")["number"]

    def header(self, number):
        return self.backend.chain.get_canonical_block_header_by_number(number)

    def block_arg(self, value):
        """A block parameter (tag, number, or EIP-1898 object) as eth-tester takes it: a tag or
        a number. An unknown block hash is an error, as from geth."""
        if isinstance(value, dict) and "blockHash" in value and "blockNumber" not in value:
            block_hash = parse_data(value["blockHash"], "blockHash")
            try:
                return self.backend.chain.chaindb.get_block_header_by_hash(block_hash).block_number
            except HeaderNotFound:
                raise RPCError(-32000, f"header for hash {value['blockHash']} not found")
        return parse_block(value)

    def mined_block(self, value):
        """The mined block a parameter names (pending, safe and finalized: the latest), or None."""
        chain = self.backend.chain
        try:
            if isinstance(value, str) and value.startswith(("0x", "0X")) and len(value) == 66:
                return chain.get_block_by_hash(parse_data(value, "block hash"))
            if isinstance(value, dict) and "blockHash" in value:
                return chain.get_block_by_hash(parse_data(value["blockHash"], "blockHash"))
            number = parse_block(value)
            number = 0 if number == "earliest" else self.latest_number() if isinstance(number, str) else number
            return chain.get_canonical_block_by_number(number)
        except (BlockNotFound, HeaderNotFound):
            return None

    def pending_base_fee(self):
        return self.backend.chain.get_block().header.base_fee_per_gas

    def decode_raw(self, raw):
        """The transaction and, for a blob transaction, whether it came with its sidecar.
        eth-account checks the sidecar's blobs against the versioned hashes."""
        vm = self.backend.chain.get_vm()
        with_sidecar = False
        if raw[:1] == b"\x03":  # blob transactions must arrive in network form, with the sidecar
            blob = BlobTransaction.from_bytes(HexBytes(raw))
            with_sidecar = blob.blob_data is not None
            blob.blob_data = None
            raw = bytes([blob.transaction_type]) + blob.payload()
        return vm.get_transaction_builder().decode(raw), with_sidecar

    def validate(self, tx, with_sidecar=False):
        """geth's txpool checks, in geth's order, with geth's messages. There is no mempool:
        every accepted transaction is mined at once, so one sent again is not "already known"
        (geth says that only while it is still pooled) but, like geth, "nonce too low"."""
        chain_id = getattr(tx, "chain_id", None)
        if chain_id is not None and chain_id != self.chain_id:
            raise tx_error("invalid chain id")
        intrinsic = tx.intrinsic_gas
        if tx.gas < intrinsic:
            raise tx_error(f"intrinsic gas too low: gas {tx.gas}, minimum needed {intrinsic}")
        if tx.max_priority_fee_per_gas > tx.max_fee_per_gas:
            raise tx_error("max priority fee per gas higher than max fee per gas")
        if tx.type_id == 3 and not with_sidecar:
            raise tx_error("missing sidecar in blob transaction")
        sender = tx.sender
        state = self.backend.chain.get_vm().state
        expected = state.get_nonce(sender)
        if tx.nonce < expected:
            raise tx_error(f"nonce too low: next nonce {expected}, tx nonce {tx.nonce}")
        if tx.nonce > expected:
            raise tx_error(f"nonce too high: next nonce {expected}, tx nonce {tx.nonce}")
        balance = state.get_balance(sender)
        cost = tx.gas * tx.max_fee_per_gas + tx.value
        if tx.type_id == 3:
            cost += len(tx.blob_versioned_hashes) * 2**17 * tx.max_fee_per_blob_gas
        if balance < cost:
            raise tx_error(f"insufficient funds for gas * price + value: balance {balance}, "
                           f"tx cost {cost}, overshot {cost - balance}")
        base_fee = self.pending_base_fee()
        if tx.max_fee_per_gas < base_fee:
            raise tx_error(f"max fee per gas less than block base fee: address 0x{sender.hex()}, "
                           f"maxFeePerGas: {tx.max_fee_per_gas}, baseFee: {base_fee}")

    # -- JSON-RPC methods ---------------------------------------------------------------------

    def web3_clientVersion(self):
        return self.client_version

    def net_version(self):
        return str(self.chain_id)

    def eth_chainId(self):
        return quantity(self.chain_id)

    def eth_blockNumber(self):
        return quantity(self.latest_number())

    def eth_accounts(self):
        return list(self.tester.get_accounts()[:10])

    def eth_getBalance(self, address, block="latest"):
        return quantity(self.tester.get_balance(parse_address(address), self.block_arg(block)))

    def eth_getTransactionCount(self, address, block="latest"):
        block = self.block_arg(block)
        return quantity(self.tester.get_nonce(parse_address(address), "latest" if block == "pending" else block))

    def eth_getCode(self, address, block="latest"):
        return self.tester.get_code(parse_address(address), self.block_arg(block))

    def eth_getStorageAt(self, address, slot, block="latest"):
        found = self.mined_block(block)
        if found is None:
            raise RPCError(-32000, "header not found")
        key = parse_quantity(slot, "slot")
        if key >= 2**256:
            raise invalid_params("slot must fit 32 bytes")
        address = parse_data(parse_address(address))
        value = proofs.storage_at(self.backend.chain.chaindb.db, found.header.state_root, address, key)
        return "0x" + value.to_bytes(32, "big").hex()

    def eth_gasPrice(self):
        return quantity(self.pending_base_fee() + SUGGESTED_TIP)

    def eth_maxPriorityFeePerGas(self):
        return quantity(SUGGESTED_TIP)

    def eth_feeHistory(self, block_count, newest="latest", percentiles=None):
        count = parse_quantity(block_count, "blockCount")
        percentiles = percentiles or []
        if not isinstance(percentiles, list) or any(
                not isinstance(p, (int, float)) or not 0 <= p <= 100 for p in percentiles) \
                or percentiles != sorted(percentiles):
            raise invalid_params("rewardPercentiles must be increasing numbers in [0, 100]")
        latest = self.latest_number()
        newest = self.block_arg(newest)
        newest = latest if newest in ("latest", "pending", "safe", "finalized") else \
            0 if newest == "earliest" else newest
        if newest > latest:
            raise RPCError(-32000, "request beyond head block")
        count = min(count, 1024, newest + 1)
        if count == 0:
            return {"oldestBlock": quantity(0), "baseFeePerGas": [], "gasUsedRatio": []}
        oldest = newest - count + 1
        base_fees, ratios, rewards = [], [], []
        for number in range(oldest, newest + 1):
            header = self.header(number)
            base_fees.append(quantity(header.base_fee_per_gas))
            ratios.append(header.gas_used / header.gas_limit)
            if percentiles:
                rewards.append([quantity(r) for r in feehistory.rewards(self.backend.chain, number, header, percentiles)])
        next_fee = self.pending_base_fee() if newest == latest else self.header(newest + 1).base_fee_per_gas
        base_fees.append(quantity(next_fee))
        out = {"oldestBlock": quantity(oldest), "baseFeePerGas": base_fees, "gasUsedRatio": ratios}
        if percentiles:
            out["reward"] = rewards
        return out

    def eth_estimateGas(self, call, block="latest"):
        chain = self.backend.chain
        gas_cap = chain.get_block().header.gas_limit
        return quantity(evmcall.estimate(chain, self.chain_id, evmcall.parse_call(call), self.block_arg(block), gas_cap))

    def eth_call(self, call, block="latest"):
        chain = self.backend.chain
        gas_cap = chain.get_block().header.gas_limit
        output = evmcall.run(chain, self.chain_id, evmcall.parse_call(call), self.block_arg(block), gas_cap)
        return "0x" + bytes(output).hex()

    def eth_createAccessList(self, call, block="latest"):
        chain = self.backend.chain
        header = chain.get_block().header
        return evmcall.access_list(chain, self.chain_id, evmcall.parse_call(call), self.block_arg(block),
                                   header.gas_limit, header.coinbase)

    def eth_sendRawTransaction(self, raw_hex):
        raw = parse_data(raw_hex, "raw transaction")
        try:
            tx, with_sidecar = self.decode_raw(raw)
        except Exception as error:
            raise tx_error(f"rlp: invalid transaction: {error}")
        self.validate(tx, with_sidecar)
        try:
            return self.tester.send_raw_transaction(raw_hex)
        except ValidationError as error:
            raise tx_error(str(error))

    def eth_getTransactionByHash(self, tx_hash):
        found = self.locate(tx_hash)
        return chainjson.tx_json(found[0].transactions[found[1]], found[0].header, found[1]) if found else None

    def eth_getTransactionReceipt(self, tx_hash):
        found = self.locate(tx_hash)
        return chainjson.receipts_json(self.backend.chain, found[0])[found[1]] if found else None

    def locate(self, tx_hash):
        """(block, index) of a mined transaction, or None."""
        chaindb = self.backend.chain.chaindb
        try:
            number, index = chaindb.get_transaction_index(parse_data(tx_hash, "transaction hash"))
        except TransactionNotFound:
            return None
        return self.backend.chain.get_canonical_block_by_number(number), index

    def eth_getBlockByNumber(self, block, full=False):
        found = self.mined_block(block)
        return chainjson.block_json(self.backend.chain, found, bool(full)) if found else None

    def eth_getBlockByHash(self, block_hash, full=False):
        if len(parse_data(block_hash, "block hash")) != 32:
            raise invalid_params(f"block hash must be 32 bytes, got {block_hash!r}")
        found = self.mined_block({"blockHash": block_hash})
        return chainjson.block_json(self.backend.chain, found, bool(full)) if found else None

    def eth_getLogs(self, request):
        return logs.get_logs(self, request, self.max_log_range, self.max_log_results)

    def eth_getBlockReceipts(self, block):
        found = self.mined_block(block)
        return chainjson.receipts_json(self.backend.chain, found) if found else None

    def eth_getProof(self, address, keys, block="latest"):
        if not isinstance(keys, list):
            raise invalid_params("storage keys must be an array")
        found = self.mined_block(block)
        if found is None:
            raise RPCError(-32000, "header not found")
        chain = self.backend.chain
        return proofs.get_proof(chain.chaindb.db, found.header.state_root, parse_data(parse_address(address)), keys)

    def eth_getBlockTransactionCountByHash(self, block_hash):
        found = self.mined_block({"blockHash": block_hash})
        return hex(len(found.transactions)) if found else None

    def eth_getBlockTransactionCountByNumber(self, block):
        found = self.mined_block(block)
        return hex(len(found.transactions)) if found else None

    def eth_getRawTransactionByBlockHashAndIndex(self, block_hash, index):
        found = self.mined_block({"blockHash": block_hash})
        position = parse_quantity(index, "index")
        if found is None or position >= len(found.transactions):
            return None
        return "0x" + raw_transaction(found.transactions[position]).hex()

    def eth_getRawTransactionByHash(self, tx_hash):
        found = self.locate(tx_hash)
        return "0x" + raw_transaction(found[0].transactions[found[1]]).hex() if found else None

    # -- test-only methods --------------------------------------------------------------------

    def devnode_mine(self, blocks="0x1"):
        """Mines n empty blocks (at most 100,000), straight on the backend: about 2 ms a block."""
        count = parse_quantity(blocks, "blocks")
        if count > 100_000:
            raise invalid_params("at most 100000 blocks at once")
        self.backend.mine_blocks(count)
        return self.eth_blockNumber()

    def devnode_snapshot(self):
        """Remembers the chain as it is now; returns an id for devnode_revert (the bench's
        batch row runs Sigil and a minimal client from the same state on one node process)."""
        return hex(self.tester.take_snapshot())

    def devnode_revert(self, snapshot):
        """Puts the chain back to a devnode_snapshot (blocks and state after it are dropped)."""
        self.tester.revert_to_snapshot(parse_quantity(snapshot, "snapshot"))
        return self.eth_blockNumber()

    def devnode_deployToken(self, decimals=18, holder=TOKEN_HOLDER, supply=None):
        """Deploys the hand-assembled ERC-20 from a dedicated deployer; returns its address."""
        decimals = parse_quantity(decimals, "decimals") if isinstance(decimals, str) else int(decimals)
        if not 0 <= decimals <= 255:
            raise invalid_params("decimals must be in [0, 255]")
        supply = 1_000_000 * 10**decimals if supply is None else parse_quantity(supply, "supply")
        code = erc20.token_initcode(decimals, parse_address(holder, "holder"), supply)
        nonce = self.tester.get_nonce(self.deployer.address)
        signed = Account.sign_transaction({
            "nonce": nonce, "gas": 1_000_000, "maxFeePerGas": self.pending_base_fee() * 2 + SUGGESTED_TIP,
            "maxPriorityFeePerGas": SUGGESTED_TIP, "data": code, "value": 0, "chainId": self.chain_id,
            "type": 2, "to": b""}, self.deployer.key)
        tx_hash = self.tester.send_raw_transaction("0x" + bytes(signed.raw_transaction).hex())
        receipt = self.tester.get_transaction_receipt(tx_hash)
        if receipt["status"] != 1 or not receipt["contract_address"]:
            raise RPCError(-32000, "token deployment failed")
        return receipt["contract_address"]

    def devnode_deployArtifact(self, name, args=None, options=None):
        """Deploys a compiled test contract (Tests/Support/contracts/build/<name>.json) by a real
        transaction; answers {address, transactionHash, blockNumber, from}."""
        return contracts.deploy(self, name, args, options)

    def devnode_sendCall(self, request):
        """A real transaction calling a test contract's function; answers its receipt."""
        return contracts.send_call(self, request)

    def devnode_encodeCall(self, name, function, args=None):
        """The calldata of a test contract's `function(args)` (0x-hex)."""
        return "0x" + contracts.calldata(name, function, args).hex()

    def devnode_callContract(self, to, name, function, args=None, block="latest"):
        """eth_call of a test contract's function, every output decoded as plain JSON."""
        return contracts.call_decoded(self, to, name, function, args, block)

    def devnode_deployENS(self):
        """The test ENS registry and resolver (deployed on first use); answers {registry, resolver}."""
        return ens.deploy(self)

    def devnode_ensRegister(self, name, address, with_reverse=True, owner=None):
        """`name` -> `address` and, with `with_reverse`, the reverse record; see ens.py."""
        return ens.register(self, name, address, bool(with_reverse), owner)


def raw_transaction(tx):
    """A mined transaction as the transactions trie holds it: type || payload, or legacy RLP."""
    encode = getattr(tx, "encode", None)
    return encode() if callable(encode) else rlp.encode(tx)
