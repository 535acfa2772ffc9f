"""devp2p ECIES reference (coincurve ECDH + pycryptodome AES/SHA-256/HMAC), written from rlpx.md,
for Sigil's differential tests. Independent of Sigil's code: it shares only the specification.

stdin: {"encrypt": [{"recipient": hex64, "ephemeral": hex32, "iv": hex16, "plaintext": hex, "mac_data": hex}, ...],
        "decrypt": [{"key": hex32, "message": hex, "mac_data": hex}, ...]}
stdout: {"encrypted": [hex, ...], "decrypted": [hex-or-null, ...]}   # null: the HMAC did not verify
"""
import hashlib
import hmac
import json
import sys

import coincurve
from Crypto.Cipher import AES
from Crypto.Util import Counter


def shared_x(private_bytes, public_uncompressed):
    point = coincurve.PublicKey(public_uncompressed).multiply(private_bytes)
    return point.format(compressed=False)[1:33]


def kdf(z):
    # NIST SP 800-56 concatenation KDF, SHA-256, one round, no other info.
    k = hashlib.sha256(b"\x00\x00\x00\x01" + z).digest()
    return k[:16], hashlib.sha256(k[16:32]).digest()


def ctr(key, iv, data):
    counter = Counter.new(128, initial_value=int.from_bytes(iv, "big"))
    return AES.new(key, AES.MODE_CTR, counter=counter).encrypt(data)


def encrypt(case):
    recipient = b"\x04" + bytes.fromhex(case["recipient"])
    ephemeral = bytes.fromhex(case["ephemeral"])
    iv = bytes.fromhex(case["iv"])
    ke, km = kdf(shared_x(ephemeral, recipient))
    c = ctr(ke, iv, bytes.fromhex(case["plaintext"]))
    r = coincurve.PrivateKey(ephemeral).public_key.format(compressed=False)
    d = hmac.new(km, iv + c + bytes.fromhex(case["mac_data"]), hashlib.sha256).digest()
    return (r + iv + c + d).hex()


def decrypt(case):
    message = bytes.fromhex(case["message"])
    ke, km = kdf(shared_x(bytes.fromhex(case["key"]), message[:65]))
    iv, c, d = message[65:81], message[81:-32], message[-32:]
    if not hmac.compare_digest(d, hmac.new(km, iv + c + bytes.fromhex(case["mac_data"]), hashlib.sha256).digest()):
        return None
    return ctr(ke, iv, c).hex()


request = json.load(sys.stdin)
json.dump({"encrypted": [encrypt(c) for c in request.get("encrypt", [])],
           "decrypted": [decrypt(c) for c in request.get("decrypt", [])]}, sys.stdout)
