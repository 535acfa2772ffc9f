"""Keystore oracle: eth-keyfile decrypts Sigil's files, writes files for Sigil, and eth-keys
computes addresses from private keys.

stdin:  {"decrypt": [{"json": <keystore object>, "password": hex}],
         "create":  [{"key": hex, "password": hex, "kdf": "scrypt"|"pbkdf2", "iterations": int}],
         "addresses": [hex private key]}
stdout: {"decrypt": [hex key | "error: ..."], "create": [<keystore object>], "addresses": [hex address]}
"""
import json
import sys

from eth_keyfile import create_keyfile_json, decode_keyfile_json
from eth_keys import keys


def main():
    request = json.load(sys.stdin)
    out = {"decrypt": [], "create": [], "addresses": []}
    for item in request.get("decrypt", []):
        try:
            key = decode_keyfile_json(item["json"], bytes.fromhex(item["password"]))
            out["decrypt"].append(key.hex())
        except Exception as error:  # report, let the Swift side decide
            out["decrypt"].append("error: %s" % error)
    for item in request.get("create", []):
        out["create"].append(create_keyfile_json(
            bytes.fromhex(item["key"]), bytes.fromhex(item["password"]),
            kdf=item["kdf"], iterations=item["iterations"]))
    for key in request.get("addresses", []):
        out["addresses"].append(keys.PrivateKey(bytes.fromhex(key)).public_key.to_canonical_address().hex())
    json.dump(out, sys.stdout)


main()
