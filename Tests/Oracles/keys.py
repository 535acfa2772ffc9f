"""Reference answers for secp256k1 keys, signatures, ECDH and addresses.

Reads one JSON object {"op": ..., "cases": [...]} on stdin, writes a JSON list on stdout, one
answer per case. Hex strings have no 0x prefix unless noted.

ops:
  keys     case {"key", "digest", "sig"} -> {"public": uncompressed pubkey (coincurve),
           "compressed": compressed pubkey (coincurve),
           "address": checksummed address (eth-account), "coincurve": r||s||recid from
           sign_recoverable, "ethkeys": r||s||v from eth-keys, "recovered": checksummed address
           that eth-keys recovers from the Swift signature "sig" (r||s||v, v in 27/28)}
  ecdh     case {"key", "peer"} -> x coordinate of key*peer (coincurve multiply)
  tweak    case {"key", "tweak"} -> {"private": (k + t) mod n, "public": P + t*G}, or null
           where coincurve refuses
  combine  case [pubkey, ...] -> compressed sum (coincurve), or null where it refuses
"""
import json
import sys

import coincurve
from eth_account import Account
from eth_keys import keys as eth_keys


def h(b: bytes) -> str:
    return b.hex()


def keys_case(c):
    secret = bytes.fromhex(c["key"])
    digest = bytes.fromhex(c["digest"])
    cc = coincurve.PrivateKey(secret)
    # hasher=None: the 32-byte message is already the digest.
    cc_sig = cc.sign_recoverable(digest, hasher=None)
    ek = eth_keys.PrivateKey(secret)
    ek_sig = ek.sign_msg_hash(digest)
    swift_sig = bytes.fromhex(c["sig"])
    vrs_sig = eth_keys.Signature(swift_sig[:64] + bytes([swift_sig[64] - 27]))
    recovered = vrs_sig.recover_public_key_from_msg_hash(digest).to_checksum_address()
    return {
        "public": h(cc.public_key.format(compressed=False)),
        "compressed": h(cc.public_key.format(compressed=True)),
        "address": Account.from_key(secret).address,
        "coincurve": h(cc_sig),
        "ethkeys": h(ek_sig.to_bytes()),
        "recovered": recovered,
    }


def ecdh_case(c):
    peer = coincurve.PublicKey(bytes.fromhex(c["peer"]))
    point = peer.multiply(bytes.fromhex(c["key"]))
    return h(point.format(compressed=False)[1:33])


def tweak_case(c):
    secret = bytes.fromhex(c["key"])
    tweak = bytes.fromhex(c["tweak"])
    try:
        private = coincurve.PrivateKey(secret).add(tweak)
        public = coincurve.PrivateKey(secret).public_key.add(tweak)
    except Exception:
        return None
    return {"private": h(private.secret), "public": h(public.format(compressed=False))}


def combine_case(c):
    try:
        keys = [coincurve.PublicKey(bytes.fromhex(k)) for k in c]
        return h(coincurve.PublicKey.combine_keys(keys).format(compressed=True))
    except Exception:
        return None


OPS = {"keys": keys_case, "ecdh": ecdh_case, "tweak": tweak_case, "combine": combine_case}


def main():
    request = json.load(sys.stdin)
    handler = OPS[request["op"]]
    json.dump([handler(c) for c in request["cases"]], sys.stdout)


if __name__ == "__main__":
    main()
