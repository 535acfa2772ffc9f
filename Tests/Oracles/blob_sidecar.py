"""Blob sidecar oracle (EIP-4844): the KZG side of a blob transaction, which Sigil does not compute.

stdin:  {"data": "0x.."}                       -> {"versionedHash": "0x01.."}
        {"data": "0x..", "signed": "0x03.."}  -> {"networkForm": "0x03.."}
`data` (at most 31 × 4096 bytes) fills one blob, 31 bytes per field element (each element's
first byte is zero, so it is below the BLS modulus). `signed` is a signed type-3 transaction in
its plain form; the answer wraps it with the blob, its commitment and its proof:
0x03 || rlp([[tx fields..., yParity, r, s], [blob], [commitment], [proof]]).
"""
import hashlib
import json
import os
import sys

import ckzg
import rlp
import eth_account.typed_transactions as typed

SETUP = ckzg.load_trusted_setup(
    os.path.join(os.path.dirname(typed.__file__), "blob_transactions", "kzg_trusted_setup.txt"), 0)


def blob_from(data):
    if len(data) > 31 * 4096:
        raise ValueError("data does not fit one blob")
    blob = bytearray(131072)
    for index in range(0, len(data), 31):
        chunk = data[index:index + 31]
        offset = index // 31 * 32 + 1
        blob[offset:offset + len(chunk)] = chunk
    return bytes(blob)


def main():
    request = json.load(sys.stdin)
    blob = blob_from(bytes.fromhex(request["data"][2:]))
    commitment = ckzg.blob_to_kzg_commitment(blob, SETUP)
    if "signed" not in request:
        versioned = b"\x01" + hashlib.sha256(commitment).digest()[1:]
        json.dump({"versionedHash": "0x" + versioned.hex()}, sys.stdout)
        return
    signed = bytes.fromhex(request["signed"][2:])
    if signed[:1] != b"\x03":
        raise ValueError("not a type-3 transaction")
    body = rlp.decode(signed[1:])
    proof = ckzg.compute_blob_kzg_proof(blob, commitment, SETUP)
    wrapped = b"\x03" + rlp.encode([body, [blob], [commitment], [proof]])
    json.dump({"networkForm": "0x" + wrapped.hex()}, sys.stdout)


main()
