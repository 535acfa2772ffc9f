"""devp2p ECIES reference (coincurve ECDH + pycryptodome AES/SHA-256/HMAC), written from rlpx.md,
for Sigil's differential tests. Independent of Sigil's code: it shares only the specification.

stdin: {"encrypt": [{"recipient": hex64, "ephemeral": hex32, "iv": hex16, "plaintext": hex, "mac_data": hex}, ...],
        "decrypt": [{"key": hex32, "message": hex, "mac_data": hex}, ...],
        "frames": {"aes_secret": hex32, "mac_secret": hex32,
                   "ingress_init": hex, "egress_init": hex,   # bytes each Keccak MAC absorbs first
                   "receive": [hex frame, ...], "send": [{"id": int, "payload": hex}, ...]}}
stdout: {"encrypted": [hex, ...], "decrypted": [hex-or-null, ...],   # null: the HMAC did not verify
         "received": [{"id": int, "payload": hex} or {"error": text}, ...], "sent": [hex frame, ...]}
"""
import hashlib
import hmac
import json
import sys

import coincurve
from Crypto.Cipher import AES
from Crypto.Hash import keccak
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


class FrameMAC:
    """A running Keccak-256 MAC; the digest is recomputed over everything absorbed (slow, simple)."""

    def __init__(self, mac_secret, init):
        self.aes = AES.new(mac_secret, AES.MODE_ECB)
        self.absorbed = bytearray(init)

    def digest(self):
        return keccak.new(digest_bits=256, data=bytes(self.absorbed)).digest()

    def header(self, header_ciphertext):
        seed = bytes(a ^ b for a, b in zip(self.aes.encrypt(self.digest()[:16]), header_ciphertext))
        self.absorbed += seed
        return self.digest()[:16]

    def frame(self, frame_ciphertext):
        self.absorbed += frame_ciphertext
        d = self.digest()[:16]
        self.absorbed += bytes(a ^ b for a, b in zip(self.aes.encrypt(d), d))
        return self.digest()[:16]


def rlp_uint(n):
    if n == 0:
        return b"\x80"
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return raw if len(raw) == 1 and raw[0] < 0x80 else bytes([0x80 + len(raw)]) + raw


def rlp_read_uint(data):
    first = data[0]
    if first < 0x80:
        return first, 1
    length = first - 0x80
    if not 0 <= length <= 8 or (length == 1 and data[1] < 0x80) or (length > 0 and data[1] == 0):
        raise ValueError("bad message id")
    return int.from_bytes(data[1:1 + length], "big"), 1 + length


def frames(spec):
    aes_secret, mac_secret = bytes.fromhex(spec["aes_secret"]), bytes.fromhex(spec["mac_secret"])
    zero = Counter.new(128, initial_value=0)
    ingress_cipher = AES.new(aes_secret, AES.MODE_CTR, counter=zero)
    egress_cipher = AES.new(aes_secret, AES.MODE_CTR, counter=Counter.new(128, initial_value=0))
    ingress = FrameMAC(mac_secret, bytes.fromhex(spec["ingress_init"]))
    egress = FrameMAC(mac_secret, bytes.fromhex(spec["egress_init"]))
    received = []
    for text in spec["receive"]:
        frame = bytes.fromhex(text)
        if ingress.header(frame[:16]) != frame[16:32]:
            received.append({"error": "header MAC"})
            break
        header = ingress_cipher.decrypt(frame[:16])
        size = int.from_bytes(header[:3], "big")
        padded = (size + 15) // 16 * 16
        body = frame[32:32 + padded]
        if len(frame) != 32 + padded + 16 or header[3:6] != b"\xc2\x80\x80" or any(header[6:]):
            received.append({"error": "layout"})
            break
        if ingress.frame(body) != frame[32 + padded:]:
            received.append({"error": "frame MAC"})
            break
        plain = ingress_cipher.decrypt(body)
        message_id, used = rlp_read_uint(plain)
        received.append({"id": message_id, "payload": plain[used:size].hex()})
    sent = []
    for message in spec["send"]:
        data = rlp_uint(message["id"]) + bytes.fromhex(message["payload"])
        size = len(data)
        header = egress_cipher.encrypt(size.to_bytes(3, "big") + b"\xc2\x80\x80" + bytes(10))
        header_mac = egress.header(header)
        body = egress_cipher.encrypt(data + bytes((16 - size % 16) % 16))
        sent.append((header + header_mac + body + egress.frame(body)).hex())
    return {"received": received, "sent": sent}


request = json.load(sys.stdin)
result = {"encrypted": [encrypt(c) for c in request.get("encrypt", [])],
          "decrypted": [decrypt(c) for c in request.get("decrypt", [])]}
if "frames" in request:
    result.update(frames(request["frames"]))
json.dump(result, sys.stdout)
