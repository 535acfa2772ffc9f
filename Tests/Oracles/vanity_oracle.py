"""Reference for the vanity search: secp256k1 field arithmetic with Python ints, and
checksummed addresses of private keys with eth-account.

stdin: {"op": "field", "cases": [[a_hex, b_hex], ...]}   (64 hex digits each, reduced mod p here)
       -> [{"add", "sub", "mul", "sqr", "inv"} as 64 hex digits, ...]  (inv of 0 is 0)
       {"op": "address", "cases": [key_hex, ...]}  -> [checksummed address, ...]
"""
import json
import sys

P = 2**256 - 2**32 - 977


def h(x):
    return format(x % P, "064x")


def field(cases):
    out = []
    for a_hex, b_hex in cases:
        a, b = int(a_hex, 16) % P, int(b_hex, 16) % P
        out.append({"add": h(a + b), "sub": h(a - b), "mul": h(a * b), "sqr": h(a * a),
                    "inv": h(pow(a, P - 2, P))})
    return out


def address(cases):
    from eth_account import Account
    return [Account.from_key(bytes.fromhex(k)).address for k in cases]


def main():
    request = json.load(sys.stdin)
    op = request["op"]
    if op == "field":
        result = field(request["cases"])
    elif op == "address":
        result = address(request["cases"])
    else:
        raise SystemExit(f"unknown op {op}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
