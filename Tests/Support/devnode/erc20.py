"""A minimal ERC-20 token, hand-assembled (there is no solc here).

`token_initcode(decimals, holder, supply)` returns the creation code of a token whose whole
`supply` belongs to `holder`. The runtime implements:

    balanceOf(address)                  0x70a08231
    transfer(address,uint256)           0xa9059cbb  (reverts when the balance is too low)
    transferFrom(address,address,uint256) 0x23b872dd (reverts when allowance or balance is too low)
    approve(address,uint256)            0x095ea7b3
    allowance(address,address)          0xdd62ed3e
    decimals()                          0x313ce567
    totalSupply()                       0x18160ddd
    name() / symbol()                   0x06fdde03 / 0x95d89b41  ("Sigil Test Token" / "STT")

and emits Transfer / Approval events. Storage layout: the balance of address A lives in slot A
itself (an address is below 2**160, so it never meets a keccak-derived slot); the allowance of
(owner, spender) lives in slot keccak256(owner ++ spender) (each padded to 32 bytes).
Unknown selectors and ether sent with a call revert with empty data.
"""

from eth_hash.auto import keccak

# Opcodes used below.
OP = {
    "STOP": 0x00, "ADD": 0x01, "SUB": 0x03, "LT": 0x10, "EQ": 0x14, "AND": 0x16, "SHR": 0x1C,
    "SHA3": 0x20, "CALLER": 0x33, "CALLVALUE": 0x34, "CALLDATALOAD": 0x35, "CODECOPY": 0x39,
    "POP": 0x50, "MSTORE": 0x52, "SLOAD": 0x54, "SSTORE": 0x55, "JUMP": 0x56, "JUMPI": 0x57,
    "JUMPDEST": 0x5B, "DUP1": 0x80, "DUP2": 0x81, "DUP3": 0x82, "DUP4": 0x83,
    "SWAP1": 0x90, "SWAP2": 0x91, "LOG3": 0xA3, "RETURN": 0xF3, "REVERT": 0xFD,
}

TRANSFER_TOPIC = keccak(b"Transfer(address,address,uint256)")
APPROVAL_TOPIC = keccak(b"Approval(address,address,uint256)")
ADDRESS_MASK = (1 << 160) - 1


def selector(signature):
    return int.from_bytes(keccak(signature.encode())[:4], "big")


def assemble(program):
    """Assembles a list of items: opcode names, ("push", int[, width]), ("label", name),
    ("ref", name) (a PUSH2 of a label's offset). Two passes resolve forward references."""
    labels, code = {}, bytearray()
    for final in (False, True):
        code = bytearray()
        for item in program:
            if isinstance(item, str):
                code.append(OP[item])
            elif item[0] == "label":
                labels[item[1]] = len(code)
                code.append(OP["JUMPDEST"])
            elif item[0] == "ref":
                target = labels.get(item[1], 0) if not final else labels[item[1]]
                code += bytes([0x61]) + target.to_bytes(2, "big")
            elif item[0] == "push":
                value = item[1]
                width = item[2] if len(item) > 2 else max(1, (value.bit_length() + 7) // 8)
                code += bytes([0x5F + width]) + value.to_bytes(width, "big")
            else:
                raise ValueError(f"unknown item {item!r}")
    return bytes(code)


def arg(index, address=False):
    """Loads the index-th 32-byte call argument (masked to 160 bits for an address)."""
    items = [("push", 4 + 32 * index), "CALLDATALOAD"]
    return items + ([("push", ADDRESS_MASK), "AND"] if address else [])


def return_word():
    """Returns the top of the stack as one 32-byte word."""
    return [("push", 0), "MSTORE", ("push", 32), ("push", 0), "RETURN"]


def return_string(text):
    data = text.encode()
    assert len(data) <= 32
    padded = int.from_bytes(data.ljust(32, b"\0"), "big")
    return [("push", 32), ("push", 0), "MSTORE", ("push", len(data)), ("push", 32), "MSTORE",
            ("push", padded, 32), ("push", 64), "MSTORE", ("push", 96), ("push", 0), "RETURN"]


def allowance_slot(owner_items, spender_items):
    """Pushes keccak256(owner ++ spender)."""
    return owner_items + [("push", 0), "MSTORE"] + spender_items + [("push", 32), "MSTORE",
                                                                    ("push", 64), ("push", 0), "SHA3"]


def runtime(decimals, supply):
    dispatch = [
        "CALLVALUE", ("ref", "revert"), "JUMPI",
        ("push", 0), "CALLDATALOAD", ("push", 0xE0), "SHR",
    ]
    routes = {
        "balanceOf(address)": "balanceOf", "transfer(address,uint256)": "transfer",
        "transferFrom(address,address,uint256)": "transferFrom", "approve(address,uint256)": "approve",
        "allowance(address,address)": "allowance", "decimals()": "decimals",
        "totalSupply()": "totalSupply", "name()": "name", "symbol()": "symbol",
    }
    for signature, label in routes.items():
        dispatch += ["DUP1", ("push", selector(signature), 4), "EQ", ("ref", label), "JUMPI"]
    return assemble(dispatch + [
        ("label", "revert"), ("push", 0), "DUP1", "REVERT",
        ("label", "balanceOf"), *arg(0, True), "SLOAD", *return_word(),
        ("label", "decimals"), ("push", decimals), *return_word(),
        ("label", "totalSupply"), ("push", supply), *return_word(),
        ("label", "name"), *return_string("Sigil Test Token"),
        ("label", "symbol"), *return_string("STT"),
        ("label", "allowance"), *allowance_slot(arg(0, True), arg(1, True)), "SLOAD", *return_word(),
        # approve: allowance[caller][spender] = amount; emit Approval(caller, spender, amount).
        ("label", "approve"),
        *arg(1), *allowance_slot(["CALLER"], arg(0, True)), "SSTORE",
        *arg(1), ("push", 0), "MSTORE",
        *arg(0, True), "CALLER", ("push", int.from_bytes(APPROVAL_TOPIC, "big"), 32),
        ("push", 32), ("push", 0), "LOG3",
        ("push", 1), *return_word(),
        # transfer: stack [from=caller, to, amount] -> move.
        ("label", "transfer"), *arg(1), *arg(0, True), "CALLER", ("ref", "move"), "JUMP",
        # transferFrom: spend the allowance, then move.
        ("label", "transferFrom"),
        *allowance_slot(arg(0, True), ["CALLER"]),      # [slot]
        "DUP1", "SLOAD", *arg(2),                       # [amount, allowed, slot]
        "DUP1", "DUP3", "LT", ("ref", "revert"), "JUMPI",  # allowed < amount -> revert
        "SWAP1", "SUB", "SWAP1", "SSTORE",              # allowance = allowed - amount
        *arg(2), *arg(1, True), *arg(0, True), ("ref", "move"), "JUMP",
        # move: [from, to, amount] -> balances updated, Transfer logged, returns true.
        ("label", "move"),
        "DUP1", "SLOAD",                                # [fromBal, from, to, amount]
        "DUP4", "DUP2", "LT", ("ref", "revert"), "JUMPI",  # fromBal < amount -> revert
        "DUP4", "SWAP1", "SUB", "DUP2", "SSTORE",       # balance[from] -= amount
        "DUP2", "SLOAD", "DUP4", "ADD", "DUP3", "SSTORE",  # balance[to] += amount
        "DUP3", ("push", 0), "MSTORE",                  # memory[0] = amount
        "SWAP2", "POP", "SWAP1",                        # [from, to]
        ("push", int.from_bytes(TRANSFER_TOPIC, "big"), 32), ("push", 32), ("push", 0), "LOG3",
        ("push", 1), *return_word(),
    ])


def token_initcode(decimals, holder, supply):
    """Creation code: credits `supply` to `holder`, logs Transfer(0, holder, supply), returns the runtime."""
    body = runtime(decimals, supply)
    holder_int = int(holder, 16) if isinstance(holder, str) else int.from_bytes(holder, "big")

    def constructor(offset):
        return assemble([
            ("push", supply, 32), ("push", holder_int, 20), "SSTORE",
            ("push", supply, 32), ("push", 0), "MSTORE",
            ("push", holder_int, 20), ("push", 0), ("push", int.from_bytes(TRANSFER_TOPIC, "big"), 32),
            ("push", 32), ("push", 0), "LOG3",
            ("push", len(body), 2), "DUP1", ("push", offset, 2), ("push", 0), "CODECOPY",
            ("push", 0), "RETURN",
        ])

    head = constructor(0)
    head = constructor(len(head))  # fixed-width pushes: the length does not change
    return head + body
