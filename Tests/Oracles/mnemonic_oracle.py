"""BIP-39 oracle using trezor's `mnemonic` package, plus Python's NFKD.

stdin:  {"cases": [{"entropy": hex, "passphrase": str}], "nfkd": [code point, ...]}
stdout: {"cases": [{"phrase": str, "seed": hex}],
         "nfkd": [[code point, ...] or null (unassigned in this Python)], "unicode": "14.0.0"}
"""
import json
import sys
import unicodedata

from mnemonic import Mnemonic


def main():
    request = json.load(sys.stdin)
    english = Mnemonic("english")
    cases = []
    for item in request.get("cases", []):
        phrase = english.to_mnemonic(bytes.fromhex(item["entropy"]))
        seed = Mnemonic.to_seed(phrase, passphrase=item["passphrase"])
        cases.append({"phrase": phrase, "seed": seed.hex()})
    nfkd = []
    for code in request.get("nfkd", []):
        char = chr(code)
        if unicodedata.category(char) == "Cn":
            nfkd.append(None)
        else:
            nfkd.append([ord(c) for c in unicodedata.normalize("NFKD", char)])
    json.dump({"cases": cases, "nfkd": nfkd, "unicode": unicodedata.unidata_version}, sys.stdout)


main()
