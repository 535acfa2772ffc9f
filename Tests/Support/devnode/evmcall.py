"""eth_call and eth_estimateGas the way geth does them, directly on py-evm state.

eth-tester's own versions charge the caller for gas even when the request names no fee (geth
then uses a zero fee), so a call from an empty account fails there. Here, without a fee, the
fee is the block's base fee and the caller's balance is topped up for the gas inside a
snapshot that is always reverted.
"""

from eth.exceptions import Revert
from eth.vm.spoof import SpoofTransaction
from eth_abi import abi
from eth_tester.backends.pyevm.main import _get_block_by_number

from rpcformat import RPCError, invalid_params, parse_address, parse_data, parse_quantity

ERROR_SELECTOR = bytes.fromhex("08c379a0")


def parse_call(obj):
    if not isinstance(obj, dict):
        raise invalid_params("transaction must be an object")
    call = {
        "from": bytes.fromhex(parse_address(obj["from"], "from")[2:]) if obj.get("from") else b"\0" * 20,
        "to": bytes.fromhex(parse_address(obj["to"], "to")[2:]) if obj.get("to") else b"",
        "data": parse_data(obj.get("input", obj.get("data")) or "0x", "input"),
    }
    for key in ("gas", "gasPrice", "value", "maxFeePerGas", "maxPriorityFeePerGas"):
        call[key] = parse_quantity(obj[key], key) if obj.get(key) is not None else None
    return call


def execute(chain, chain_id, call, block, gas, touched=None):
    """Runs `call` with `gas` on top of `block`'s state; returns the computation. With a dict
    `touched`, records each storage slot warmed (address -> set of slots) and each address."""
    header = _get_block_by_number(chain, block).header
    vm = chain.get_vm(at_header=header)
    state = vm.state
    sender = call["from"]
    nonce = state.get_nonce(sender)
    value = call["value"] or 0
    builder = vm.get_transaction_builder()
    free = call["gasPrice"] is None and call["maxFeePerGas"] is None
    if call["maxFeePerGas"] is not None or call["maxPriorityFeePerGas"] is not None:
        max_fee = call["maxFeePerGas"] if call["maxFeePerGas"] is not None else state.base_fee * 2
        tip = call["maxPriorityFeePerGas"] if call["maxPriorityFeePerGas"] is not None else 0
        tx = builder.new_unsigned_dynamic_fee_transaction(
            chain_id=chain_id, nonce=nonce, max_priority_fee_per_gas=tip, max_fee_per_gas=max_fee,
            gas=gas, to=call["to"], value=value, data=call["data"], access_list=())
    else:
        price = call["gasPrice"] if call["gasPrice"] is not None else state.base_fee
        tx = builder.create_unsigned_transaction(
            nonce=nonce, gas_price=price, gas=gas, to=call["to"], value=value, data=call["data"])
    if touched is not None:
        warm_slot, warm_address = state.mark_storage_warm, state.mark_address_warm
        state.mark_storage_warm = lambda a, k: (touched.setdefault(a, set()).add(k), warm_slot(a, k))[1]
        state.mark_address_warm = lambda a: (touched.setdefault(a, set()), warm_address(a))[1]
    snapshot = state.snapshot()
    try:
        if free:
            state.set_balance(sender, state.get_balance(sender) + gas * state.base_fee)
        return state.apply_transaction(SpoofTransaction(tx, from_=sender))
    finally:
        state.revert(snapshot)


def failure(computation):
    """The geth-style error for a failed computation."""
    error = computation.error
    if isinstance(error, Revert):
        data = computation.output
        message = "execution reverted"
        if data[:4] == ERROR_SELECTOR:
            try:
                message += ": " + abi.decode(["string"], data[4:])[0]
            except Exception:
                pass
        return RPCError(3, message, "0x" + data.hex())
    return RPCError(-32000, str(error) or type(error).__name__)


def run(chain, chain_id, call, block, gas_cap):
    """eth_call: the output bytes, or the error."""
    try:
        computation = execute(chain, chain_id, call, block, call["gas"] or gas_cap)
    except Exception as error:  # validation: funds, fees, intrinsic gas
        raise RPCError(-32000, str(error))
    if computation.is_error:
        raise failure(computation)
    return computation.output


def estimate(chain, chain_id, call, block, gas_cap):
    """eth_estimateGas: the least gas with which the call succeeds (binary search, like geth)."""
    cap = call["gas"] or gas_cap

    def succeeds(gas):
        try:
            computation = execute(chain, chain_id, call, block, gas)
        except Exception:
            return False, None
        return not computation.is_error, computation

    try:
        top = execute(chain, chain_id, call, block, cap)
    except Exception as error:
        raise RPCError(-32000, str(error))
    if top.is_error:
        if isinstance(top.error, Revert):
            raise failure(top)
        raise RPCError(-32000, f"gas required exceeds allowance ({cap})")
    low, high = top.get_gas_used() - 1, cap
    # The computation's gas excludes the intrinsic part: guess it generously, then search.
    optimistic = min(high, (top.get_gas_used() + 21000 + 16 * len(call["data"]) + 2300) * 64 // 63)
    if succeeds(optimistic)[0]:
        high = optimistic
    else:
        low = optimistic
    while high - low > 1:
        mid = (low + high) // 2
        if succeeds(mid)[0]:
            high = mid
        else:
            low = mid
    return high


def access_list(chain, chain_id, call, block, gas_cap, coinbase):
    """eth_createAccessList as geth answers it: the addresses and storage slots the call touches
    (not the sender, not the recipient unless it has slots, not precompiles or the coinbase).
    `gasUsed` is the call's gas as run without the list, intrinsic gas included (geth reruns
    with the list; the slots are what matters here)."""
    touched = {}
    try:
        computation = execute(chain, chain_id, call, block, call["gas"] or gas_cap, touched)
    except Exception as error:
        raise RPCError(-32000, str(error))
    skip = {call["from"], coinbase} | {i.to_bytes(20, "big") for i in range(1, 0x12)}
    entries = [{"address": parse_address("0x" + a.hex()),
                "storageKeys": ["0x" + k.to_bytes(32, "big").hex() for k in sorted(slots)]}
               for a, slots in touched.items()
               if a not in skip and (slots or a != call["to"])]
    data = call["data"]
    intrinsic = 21000 + (32000 if not call["to"] else 0) + sum(16 if b else 4 for b in data)
    out = {"accessList": entries, "gasUsed": hex(intrinsic + computation.get_gas_used())}
    if computation.is_error:
        out["error"] = failure(computation).message
    return out
