"""BIP-32 / BIP-44 oracle using eth-account's HD wallet (Account.from_mnemonic).

Also two small references for the encodings under it:
- Base58 by Python big integers (an independent textbook implementation),
- RIPEMD-160 from pycryptodome.

stdin:  {"cases": [{"phrase": str, "passphrase": str, "path": str}],
         "base58": [hex], "ripemd160": [hex]}   (every key optional; hex may have 0x)
stdout: {"cases": [{"address": EIP-55 str, "private_key": 0x-prefixed hex}],
         "base58": [str], "ripemd160": [hex]}
"""
import json
import sys

from Crypto.Hash import RIPEMD160
from eth_account import Account

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    digits = ""
    while number:
        number, remainder = divmod(number, 58)
        digits = ALPHABET[remainder] + digits
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + digits


def main():
    request = json.load(sys.stdin)
    Account.enable_unaudited_hdwallet_features()
    out = []
    for item in request.get("cases", []):
        account = Account.from_mnemonic(
            item["phrase"], passphrase=item["passphrase"], account_path=item["path"]
        )
        out.append({"address": account.address, "private_key": "0x" + account.key.hex().removeprefix("0x")})
    encoded = [base58(bytes.fromhex(h.removeprefix("0x"))) for h in request.get("base58", [])]
    digests = [RIPEMD160.new(bytes.fromhex(h.removeprefix("0x"))).hexdigest() for h in request.get("ripemd160", [])]
    json.dump({"cases": out, "base58": encoded, "ripemd160": digests}, sys.stdout)


main()
