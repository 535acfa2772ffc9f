"""Reference for U256 and Amount: Python's unbounded ints and exact Decimal arithmetic.

stdin: {"op": "arith", "cases": [[a_limbs, b_limbs, shift], ...]}
       {"op": "format", "cases": [[value_limbs, decimals], ...]}
       {"op": "parse", "cases": [[number_text, decimals], ...]}
Limbs are four decimal strings, least significant first, so nothing on the Swift side has to
parse or print a 256-bit number to talk to this script. Results use the same limb form.
"""
import json
import sys
from decimal import Decimal, localcontext

MASK64 = (1 << 64) - 1
MOD = 1 << 256
MAX = MOD - 1


def from_limbs(limbs):
    return sum(int(w) << (64 * i) for i, w in enumerate(limbs))


def to_limbs(x):
    assert 0 <= x < MOD
    return [str((x >> (64 * i)) & MASK64) for i in range(4)]


def arith(a, b, shift):
    full = a * b
    out = {
        "add": to_limbs((a + b) % MOD), "addOverflow": a + b > MAX,
        "sub": to_limbs((a - b) % MOD), "subOverflow": a < b,
        "mul": to_limbs(full % MOD), "mulOverflow": full > MAX,
        "fullHigh": to_limbs(full >> 256), "fullLow": to_limbs(full % MOD),
        "shl": to_limbs((a << shift) % MOD if shift < 256 else 0),
        "shr": to_limbs(a >> shift),
        "and": to_limbs(a & b), "or": to_limbs(a | b), "xor": to_limbs(a ^ b),
        "less": a < b, "equal": a == b,
        "bitWidth": a.bit_length(),
        "decimal": str(a), "hex": hex(a),
        "bytes": a.to_bytes(32, "big").hex(),
        "minimalBytes": a.to_bytes((a.bit_length() + 7) // 8, "big").hex(),
    }
    if b != 0:
        q, r = divmod(a, b)
        out["quotient"] = to_limbs(q)
        out["remainder"] = to_limbs(r)
    return out


def format_amount(value, decimals):
    with localcontext() as ctx:
        ctx.prec = 1000
        scaled = Decimal(value).scaleb(-decimals)
        text = format(scaled.normalize(), "f")
    return text


def parse_amount(text, decimals):
    # Every digit written after the point counts against `decimals`, trailing zeros included.
    written = len(text.partition(".")[2])
    if written > decimals:
        return {"error": "decimals", "count": written}
    with localcontext() as ctx:
        ctx.prec = 2000
        scaled = Decimal(text).scaleb(decimals)
        assert scaled == scaled.to_integral_value()
        value = int(scaled)
    if value > MAX:
        return {"error": "overflow"}
    return {"value": to_limbs(value)}


def main():
    request = json.load(sys.stdin)
    op, cases = request["op"], request["cases"]
    if op == "arith":
        result = [arith(from_limbs(a), from_limbs(b), s) for a, b, s in cases]
    elif op == "format":
        result = [format_amount(from_limbs(v), d) for v, d in cases]
    elif op == "parse":
        result = [parse_amount(t, d) for t, d in cases]
    else:
        raise SystemExit(f"unknown op {op}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
