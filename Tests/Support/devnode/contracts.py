"""The compiled test contracts (Tests/Support/contracts/build/*.json, made by
scripts/compile-contracts.sh) and real transactions that deploy and call them.

Arguments come as JSON and are ABI-encoded from the artifact's ABI: addresses and strings as
strings, integers as numbers or decimal/0x-hex strings, booleans as booleans, bytes and bytesN
as 0x-hex, arrays as lists, tuples as lists; or, instead of the list, one 0x-hex string that
is already the ABI encoding of all the arguments.
"""

import json
import os

from eth_abi import abi
from eth_account import Account
from eth_hash.auto import keccak

import evmcall
from rpcformat import RPCError, invalid_params, parse_address, parse_data, parse_quantity

BUILD_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "contracts", "build")
GAS_MARGIN = 1.25  # above the estimate, as wallets do; the estimate is exact on this node


def artifact(name):
    """The artifact `name` (e.g. "SigilToken"), as written by scripts/compile-contracts.sh."""
    if not isinstance(name, str) or not name.isidentifier():
        raise invalid_params(f"unknown contract {name!r}")
    path = os.path.join(BUILD_DIR, f"{name}.json")
    if not os.path.exists(path):
        raise invalid_params(f"unknown contract {name!r} (no {name}.json in Tests/Support/contracts/build)")
    with open(path) as f:
        return json.load(f)


def canonical_type(item):
    """The ABI type of an input as it appears in a signature (tuples spelled out)."""
    kind = item["type"]
    if kind.startswith("tuple"):
        return "(" + ",".join(canonical_type(c) for c in item["components"]) + ")" + kind[len("tuple"):]
    return kind


def json_value(kind, value):
    """A JSON argument as eth-abi takes it for the ABI type `kind`."""
    if kind.endswith("]"):
        inner = kind[:kind.rindex("[")]
        if not isinstance(value, list):
            raise invalid_params(f"{kind}: expected a list")
        return [json_value(inner, v) for v in value]
    if kind.startswith("("):
        parts = split_tuple(kind[1:-1])
        if not isinstance(value, list) or len(value) != len(parts):
            raise invalid_params(f"{kind}: expected a list of {len(parts)}")
        return tuple(json_value(p, v) for p, v in zip(parts, value))
    if kind.startswith(("uint", "int")):
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise invalid_params(f"{kind}: expected a number")
        if isinstance(value, int):
            return value
        negative = value.startswith("-")
        digits = value[1:] if negative else value
        number = int(digits, 16) if digits.lower().startswith("0x") else int(digits)
        return -number if negative else number
    if kind.startswith("bytes"):
        return parse_data(value, kind)
    if kind == "bool":
        if not isinstance(value, bool):
            raise invalid_params("bool: expected true or false")
        return value
    return value  # address, string


def split_tuple(body):
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    if body:
        parts.append(body[start:])
    return parts


def encode_args(inputs, args):
    """ABI encoding of `args` (a JSON list, or one 0x-hex string already encoded) for `inputs`."""
    if isinstance(args, str):
        return parse_data(args, "encoded arguments")
    args = args or []
    if not isinstance(args, list) or len(args) != len(inputs):
        raise invalid_params(f"expected {len(inputs)} arguments, got {args!r}")
    types = [canonical_type(i) for i in inputs]
    return abi.encode(types, [json_value(t, v) for t, v in zip(types, args)])


def function_entry(art, function):
    """The ABI entry of `function` (a name, or a full signature for overloads)."""
    entries = [e for e in art["abi"] if e.get("type") == "function"]
    for e in entries:
        signature = f"{e['name']}({','.join(canonical_type(i) for i in e['inputs'])})"
        if function in (e["name"], signature):
            return e, keccak(signature.encode())[:4]
    raise invalid_params(f"{art['contractName']} has no function {function!r}")


def calldata(name, function, args):
    """The calldata of `function(args)` of the contract `name`."""
    entry, selector = function_entry(artifact(name), function)
    return selector + encode_args(entry["inputs"], args)


def creation_code(name, args):
    art = artifact(name)
    constructor = next((e for e in art["abi"] if e.get("type") == "constructor"), {"inputs": []})
    return parse_data(art["bytecode"]) + encode_args(constructor["inputs"], args)


def signer(node, key):
    """The account that signs: the node's deployer by default, a dev key by index (1 to 10:
    private key 0x…01 to 0x…0a), or a 0x-hex private key."""
    if key is None:
        return node.deployer
    if isinstance(key, int) and not isinstance(key, bool) and 1 <= key <= 10:
        return Account.from_key(key.to_bytes(32, "big"))
    if isinstance(key, str) and len(parse_data(key, "from")) == 32:
        return Account.from_key(parse_data(key, "from"))
    raise invalid_params("from: a dev key index 1-10 or a 32-byte private key")


def transact(node, account, to, data, value=0, gas=None):
    """Signs and sends a type-2 transaction through the node's own eth_sendRawTransaction (so it
    is checked and mined like any other); returns its receipt as eth_getTransactionReceipt
    answers it. Without `gas`, the gas is estimated and a revert in the estimate is the error."""
    chain = node.backend.chain
    if gas is None:
        call = evmcall.parse_call({"from": account.address, "to": to, "data": "0x" + data.hex(), "value": hex(value)})
        gas_cap = chain.get_block().header.gas_limit
        gas = min(int(evmcall.estimate(chain, node.chain_id, call, "latest", gas_cap) * GAS_MARGIN), gas_cap)
    tip = 10**9
    signed = Account.sign_transaction({
        "nonce": node.tester.get_nonce(account.address), "gas": gas,
        "maxFeePerGas": node.pending_base_fee() * 2 + tip, "maxPriorityFeePerGas": tip,
        "data": data, "value": value, "chainId": node.chain_id, "type": 2, "to": parse_address(to, "to") if to else b""}, account.key)
    tx_hash = node.eth_sendRawTransaction("0x" + bytes(signed.raw_transaction).hex())
    return node.eth_getTransactionReceipt(tx_hash)


def deploy(node, name, args=None, options=None):
    """Deploys the artifact `name` with constructor `args`; answers {address, transactionHash,
    blockNumber, from}."""
    options = options or {}
    account = signer(node, options.get("from"))
    value = parse_quantity(options["value"], "value") if options.get("value") is not None else 0
    receipt = transact(node, account, None, creation_code(name, args), value)
    if receipt["status"] != "0x1" or not receipt["contractAddress"]:
        raise RPCError(-32000, f"deployment of {name} failed")
    return {"address": receipt["contractAddress"], "transactionHash": receipt["transactionHash"],
            "blockNumber": receipt["blockNumber"], "from": account.address}


def send_call(node, request):
    """A transaction calling a function of a deployed test contract:
    {to, contract, function, args?, from?, value?, gas?}; answers the receipt. With `gas`, the
    transaction is sent even if it reverts (a failed receipt, status 0x0)."""
    if not isinstance(request, dict) or not request.get("to") or not request.get("contract") \
            or not request.get("function"):
        raise invalid_params("expected {to, contract, function, args?, from?, value?, gas?}")
    data = calldata(request["contract"], request["function"], request.get("args"))
    value = parse_quantity(request["value"], "value") if request.get("value") is not None else 0
    gas = parse_quantity(request["gas"], "gas") if request.get("gas") is not None else None
    return transact(node, signer(node, request.get("from")), request["to"], data, value, gas)


def evm_call(node, to, name, function, args):
    """The decoded single result of a view `function` of the contract `name` at `to` (latest)."""
    entry, _ = function_entry(artifact(name), function)
    chain = node.backend.chain
    call = evmcall.parse_call({"to": to, "data": "0x" + calldata(name, function, args).hex()})
    output = evmcall.run(chain, node.chain_id, call, "latest", chain.get_block().header.gas_limit)
    values = abi.decode([canonical_type(o) for o in entry["outputs"]], bytes(output))
    return values[0] if len(values) == 1 else list(values)


def plain(value):
    """A decoded ABI value as plain JSON: integers as decimal strings, bytes as 0x-hex,
    addresses checksummed, lists for arrays and tuples."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, str) and value.startswith("0x") and len(value) == 42:
        return parse_address(value)
    return value


def call_decoded(node, to, name, function, args, block="latest"):
    """eth_call of `function(args)` on the contract `name` at `to`: every output, as plain JSON."""
    entry, _ = function_entry(artifact(name), function)
    chain = node.backend.chain
    call = evmcall.parse_call({"to": to, "data": "0x" + calldata(name, function, args).hex()})
    output = evmcall.run(chain, node.chain_id, call, node.block_arg(block), chain.get_block().header.gas_limit)
    return plain(list(abi.decode([canonical_type(o) for o in entry["outputs"]], bytes(output))))
