#!/usr/bin/env python3
"""Proves that a devnode's answers are truthful and complete, and that faultpeer.py's lies are
real lies:

    selfcheck.py URL [--peer MODE[+MODE...]=URL ...]

Sends transactions of every type (0 with and without EIP-155, 1, 2, 3 with a blob, 4, a token
deployment and ERC-20 transfers with logs, one failing) to the node at URL, then checks with
oracle.py every block's hash from its fields, its transactions and receipts roots rebuilt from
JSON, and account and storage proofs (present and absent) against state roots. Each --peer (a
faultpeer in front of the same node) is then compared with the node: does it lie where its mode
says, and does the lie fail the checks Sigil will make. Prints one JSON summary; exits 1 on any
failure."""

import json
import sys
import urllib.request

from eth_account import Account
from eth_hash.auto import keccak

sys.dont_write_bytecode = True
import oracle  # noqa: E402

KEYS = ["0x" + f"{i:064x}" for i in range(1, 6)]
ADDRESSES = [Account.from_key(k).address for k in KEYS]
DEPLOYER = Account.from_key(keccak(b"sigil devnode token deployer")).address
ABSENT = "0x" + keccak(b"sigil selfcheck absent account").hex()[:40]
GWEI = 10**9


class RPCError(Exception):
    pass


def rpc(url, method, params=()):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": list(params)}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        reply = json.load(answer)
    if "error" in reply:
        raise RPCError(reply["error"].get("message", ""))
    return reply["result"]


def word(address):
    return address[2:].lower().rjust(64, "0")


class SelfCheck:
    def __init__(self, url):
        self.url, self.failures = url, []
        self.counts = {"blocks": 0, "transactions": 0, "receipts": 0, "logs": 0, "accountProofs": 0,
                       "exclusionProofs": 0, "storageProofs": 0, "tokenSlots": 0,
                       "failedTransactions": 0}
        self.types, self.statuses = set(), set()

    def call(self, method, *params):
        return rpc(self.url, method, params)

    def expect(self, reason):
        if reason:
            self.failures.append(reason)
        return reason is None

    def send(self, key, tx, **extra):
        tx = dict(tx, chainId=self.chain_id) if "chainId" not in tx else tx
        tx.setdefault("nonce", int(self.call("eth_getTransactionCount", Account.from_key(key).address, "latest"), 16))
        signed = Account.sign_transaction({k: v for k, v in tx.items() if v is not None}, key, **extra)
        return self.call("eth_sendRawTransaction", "0x" + bytes(signed.raw_transaction).hex())

    def make_transactions(self):
        self.chain_id = int(self.call("eth_chainId"), 16)
        fees = {"maxFeePerGas": 4 * GWEI, "maxPriorityFeePerGas": GWEI}
        to = ADDRESSES[1]
        self.send(KEYS[0], {"gasPrice": 3 * GWEI, "gas": 21000, "to": to, "value": 1})
        self.send(KEYS[0], {"gasPrice": 3 * GWEI, "gas": 21000, "to": to, "value": 2, "chainId": None})
        self.send(KEYS[0], {"type": 1, "gasPrice": 3 * GWEI, "gas": 30000, "to": to, "value": 3,
                            "accessList": [{"address": to, "storageKeys": ["0x" + "00" * 31 + "07"]}]})
        self.send(KEYS[0], dict(fees, type=2, gas=21000, to=to, value=4))
        self.token = self.call("devnode_deployToken")
        transfer = "0xa9059cbb" + word(ADDRESSES[1]) + f"{1234:064x}"
        self.send(KEYS[0], dict(fees, type=2, gas=100000, to=self.token, value=0, data=transfer))
        self.send(KEYS[2], dict(fees, type=2, gas=100000, to=self.token, value=0, data=transfer))  # no tokens: fails
        self.send(KEYS[0], dict(fees, type=3, gas=21000, to=to, value=5, maxFeePerBlobGas=GWEI),
                  blobs=[b"\0" * 131072])
        delegate = Account.sign_authorization({"chainId": self.chain_id, "address": self.token, "nonce": 0}, KEYS[3])
        self.send(KEYS[0], dict(fees, type=4, gas=100000, to=to, value=6, authorizationList=[delegate]))

    def check_blocks(self):
        latest = int(self.call("eth_blockNumber"), 16)
        parent = "0x" + "00" * 32
        for number in range(latest + 1):
            block = self.call("eth_getBlockByNumber", hex(number), True)
            self.counts["blocks"] += 1
            self.expect(oracle.check_header(block))
            self.expect(None if block["parentHash"] == parent else f"block {number}: parentHash does not link")
            parent = block["hash"]
            self.expect(None if self.call("eth_getBlockByHash", block["hash"], True) == block
                        else f"block {number}: by hash differs from by number")
            self.expect(oracle.check_transactions(block))
            receipts = self.call("eth_getBlockReceipts", hex(number))
            self.expect(None if receipts == self.call("eth_getBlockReceipts", {"blockHash": block["hash"]})
                        else f"block {number}: receipts by hash differ")
            self.expect(oracle.check_receipts(block, receipts))
            for tx, receipt in zip(block["transactions"], receipts):
                self.counts["transactions"] += 1
                self.counts["receipts"] += 1
                self.counts["logs"] += len(receipt["logs"])
                self.types.add(int(tx["type"], 16))
                self.statuses.add(int(receipt["status"], 16))
                self.counts["failedTransactions"] += receipt["status"] == "0x0"
                self.expect(None if self.call("eth_getTransactionByHash", tx["hash"]) == tx
                            else f"transaction {tx['hash']}: eth_getTransactionByHash differs from the block's")
                self.expect(None if self.call("eth_getTransactionReceipt", tx["hash"]) == receipt
                            else f"transaction {tx['hash']}: eth_getTransactionReceipt differs from the block's")
        return latest

    def check_proofs(self, number):
        block = self.call("eth_getBlockByNumber", hex(number), False)
        at = {"blockHash": block["hash"]}
        for address in ADDRESSES + [DEPLOYER, ABSENT, self.token, "0x" + "00" * 20]:
            keys = ["0x" + word(a) for a in ADDRESSES[:2]] + ["0x" + "ff" * 32] if address == self.token else []
            answer = self.call("eth_getProof", address, keys, at)
            self.expect(None if answer == self.call("eth_getProof", address, keys, hex(number))
                        else f"eth_getProof {address}: by hash and by number differ")
            reason, absent = oracle.check_account_proof(block["stateRoot"], answer)
            self.counts["accountProofs"] += self.expect(reason)
            self.counts["exclusionProofs"] += absent and reason is None
            plain = [self.call("eth_getBalance", address, at),
                     self.call("eth_getTransactionCount", address, {"blockNumber": hex(number)})]
            code = self.call("eth_getCode", address, at)
            self.expect(None if plain == [answer["balance"], answer["nonce"]]
                        and "0x" + keccak(oracle.data(code)).hex() == answer["codeHash"]
                        else f"eth_getProof {address}: balance, nonce or code differ from the plain reads")
            for item in answer["storageProof"]:
                self.counts["storageProofs"] += self.expect(oracle.check_storage_proof(answer["storageHash"], item))
                stored = self.call("eth_getStorageAt", address, item["key"], at)
                self.expect(None if int(stored, 16) == int(item["value"], 16) else f"storage {item['key']}: differs from eth_getStorageAt")

    def check_token_slot(self):
        """eth_createAccessList on balanceOf names the balance's slot; its proved value is the
        balance eth_call answers."""
        call = {"to": self.token, "data": "0x70a08231" + word(ADDRESSES[0])}
        listed = self.call("eth_createAccessList", call, "latest")["accessList"]
        slots = [k for e in listed if e["address"].lower() == self.token.lower() for k in e["storageKeys"]]
        if not self.expect(None if len(slots) == 1 else f"eth_createAccessList on balanceOf: slots {slots}"):
            return
        block = self.call("eth_getBlockByNumber", "latest", False)
        answer = self.call("eth_getProof", self.token, slots, block["number"])
        reason, _ = oracle.check_account_proof(block["stateRoot"], answer)
        if self.expect(reason) and self.expect(oracle.check_storage_proof(answer["storageHash"], answer["storageProof"][0])):
            balance = self.call("eth_call", call, block["number"])
            self.counts["tokenSlots"] += self.expect(
                None if int(balance, 16) == int(answer["storageProof"][0]["value"], 16) and int(balance, 16) > 0
                else "the proved token balance is not eth_call's")

    # -- dishonest peers -------------------------------------------------------------------

    def check_peer(self, modes, url):
        """{differs: the peer's answer is not the node's, caught: the lie fails a check}."""
        honest, liar = self.url, url
        latest = rpc(honest, "eth_getBlockByNumber", ["latest", True])
        theirs = rpc(liar, "eth_getBlockByNumber", [latest["number"], True])
        target = ADDRESSES[0]
        keys = ["0x" + word(target)]
        mine_proof = rpc(honest, "eth_getProof", [self.token, keys, latest["number"]])
        their_proof = rpc(liar, "eth_getProof", [self.token, keys, latest["number"]])
        mine_account = rpc(honest, "eth_getProof", [target, [], latest["number"]])
        their_account = rpc(liar, "eth_getProof", [target, [], latest["number"]])
        differs, caught = [], []
        if {"inflate-balance", "wrong-nonce", "corrupt-proof"} & modes:
            reads = ("eth_getBalance",) if "inflate-balance" in modes else ("eth_getTransactionCount",) \
                if "wrong-nonce" in modes else ()
            differs.append(their_account != mine_account and their_proof != mine_proof and all(
                rpc(liar, m, [target, "latest"]) != rpc(honest, m, [target, "latest"]) for m in reads))
            caught.append(oracle.check_account_proof(latest["stateRoot"], their_account)[0] is not None)
            if "corrupt-proof" in modes:
                caught.append(any(oracle.check_storage_proof(their_proof["storageHash"], i) for i in their_proof["storageProof"]))
        if "forge-state" in modes:
            # A consistent lie: the forged proof verifies against the peer's own stateRoot, the
            # header keeps the real hash; only the header's hash from its fields shows it.
            their_root = theirs["stateRoot"]
            differs.append(their_account["balance"] != mine_account["balance"] and their_root != latest["stateRoot"]
                           and theirs["hash"] == latest["hash"]
                           and oracle.check_account_proof(their_root, their_account)[0] is None)
            caught.append(oracle.check_header(theirs) is not None
                          and oracle.check_account_proof(latest["stateRoot"], their_account)[0] is not None)
        if {"alter-header", "fake-chain"} & modes:
            differs.append(theirs != latest)
            caught.append(oracle.check_header(theirs) is not None)
        if "drop" in modes:
            tx_hash = self.send_to(liar, KEYS[4])
            differs.append(rpc(honest, "eth_getTransactionByHash", [tx_hash]) is None)
            caught.append(differs[-1])
        if "fabricate-receipt" in modes:
            unknown = self.send_to(liar, KEYS[4]) if "drop" in modes else "0x" + keccak(b"never sent").hex()
            receipt = rpc(liar, "eth_getTransactionReceipt", [unknown])
            differs.append(receipt is not None and rpc(honest, "eth_getTransactionReceipt", [unknown]) is None)
            if receipt:
                block = rpc(honest, "eth_getBlockByHash", [receipt["blockHash"], True])
                their_block = rpc(liar, "eth_getBlockByHash", [receipt["blockHash"], True])
                receipts = rpc(liar, "eth_getBlockReceipts", [receipt["blockHash"]])
                caught.append(oracle.check_receipts(block, receipts) is not None
                              and oracle.check_transactions(their_block) is not None)
        if "wrong-chain" in modes:
            differs.append(rpc(liar, "eth_chainId") != rpc(honest, "eth_chainId"))
            caught.append(differs[-1])
        if "ansi" in modes:
            try:
                rpc(liar, "eth_noSuchMethod")
                differs.append(False)
            except RPCError as error:
                differs.append("\x1b[" in str(error))
            caught.append(differs[-1])
        if modes == {"honest"}:
            same = theirs == latest and their_proof == mine_proof and their_account == mine_account
            return {"differs": not same, "caught": False}
        return {"differs": bool(differs) and all(differs), "caught": bool(caught) and all(caught)}

    def send_to(self, url, key):
        nonce = int(rpc(self.url, "eth_getTransactionCount", [Account.from_key(key).address, "latest"]), 16)
        signed = Account.sign_transaction({"type": 2, "chainId": self.chain_id, "nonce": nonce, "gas": 21000,
                                           "to": ADDRESSES[1], "value": 7, "maxFeePerGas": 4 * GWEI,
                                           "maxPriorityFeePerGas": GWEI}, key)
        answer = rpc(url, "eth_sendRawTransaction", ["0x" + bytes(signed.raw_transaction).hex()])
        self.expect(None if answer == "0x" + bytes(signed.hash).hex() else "a dropping peer answered another hash")
        return answer


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.stderr.write("usage: selfcheck.py URL [--peer MODE[+MODE...]=URL ...]\n")
        return 2
    check = SelfCheck(argv[0])
    peers = []
    rest = argv[1:]
    while rest:
        if rest[0] != "--peer" or len(rest) < 2 or "=" not in rest[1]:
            sys.stderr.write(f"selfcheck.py: unexpected argument {rest[0]!r}\n")
            return 2
        modes, url = rest[1].split("=", 1)
        peers.append((modes, url))
        rest = rest[2:]
    check.make_transactions()
    latest = check.check_blocks()
    for number in sorted({1, latest // 2, latest}):
        check.check_proofs(number)
    check.check_token_slot()
    results = {name: check.check_peer(set(name.split("+")), url) for name, url in peers}
    summary = dict(check.counts, types=sorted(check.types), statuses=sorted(check.statuses),
                   peers=results, failures=check.failures)
    summary["ok"] = not check.failures
    json.dump(summary, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
