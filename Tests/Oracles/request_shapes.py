"""Random transactions signed by eth-account, each written in the five request shapes Sigil reads.

stdin:  {"count": N, "seed": S, "key": "0x<32-byte private key>", "types": [0, 1, 2, 3, 4], "dir": "<folder>",
         "keystore": "<file>", "password": "<password>"}
stdout: {"count": N, "types": {"0": n0, ...}}
Writes into dir, one line (or file) per transaction, in order:
  expected.txt       eth-account's signed raw transactions (0x hex)
  sigil.jsonl        sigil.unsigned-tx/1 objects (quantities as 0x-hex strings, checksummed from)
  rpc.jsonl          JSON-RPC transaction objects (hex quantities, "input", "gasLimit", lower-case
                     addresses, no "format")
  ethAccount.jsonl   the dicts handed to eth-account, as json.dumps writes them (JSON numbers of
                     any size; no "type" for types 0 and 1; sometimes no accessList)
  rawUnsigned.txt    the unsigned payload as cast --raw-unsigned prints it (0x hex)
  unsigned-<i>.bin   the same payload as bytes
  <i>.<shape>        each JSON shape and the hex as its own file, for the one-request commands
  keystore           the key as eth-account encrypts it (pbkdf2 with one iteration: cheap to
                     unlock 500 times), at the path given
Type 3 is signed without blobs (eth-account signs the plain form).
The files are written here, not passed back as JSON, so that no integer goes through a double.
"""

import json
import os
import random
import sys

from eth_account import Account
import rlp
from eth_utils import to_checksum_address


def address(rng):
    return to_checksum_address(bytes(rng.getrandbits(8) for _ in range(20)))


def quantity(rng, bits):
    # Mix small, boundary and large values.
    choice = rng.random()
    if choice < 0.15:
        return 0
    if choice < 0.3:
        return (1 << bits) - 1
    if choice < 0.45:
        return (1 << 53) + rng.randrange(1, 1000)
    return rng.getrandbits(rng.randrange(1, bits + 1))


def access_list(rng):
    return [{"address": address(rng),
             "storageKeys": ["0x" + bytes(rng.getrandbits(8) for _ in range(32)).hex()
                             for _ in range(rng.randrange(0, 3))]}
            for _ in range(rng.randrange(0, 3))]


def authorization(rng, key):
    auth = {"chainId": rng.choice([0, 1, rng.getrandbits(32)]), "address": address(rng),
            "nonce": rng.getrandbits(rng.randrange(1, 64))}
    signed = Account.from_key(key).sign_authorization(auth)
    return {"chainId": signed.chain_id, "address": to_checksum_address(signed.address),
            "nonce": signed.nonce, "yParity": signed.y_parity, "r": signed.r, "s": signed.s}


def make(rng, tx_type, key, sender):
    tx = {"nonce": rng.getrandbits(rng.randrange(1, 64)),
          "gas": rng.randrange(21000, 30_000_000),
          "value": quantity(rng, 256),
          "data": "0x" + bytes(rng.getrandbits(8) for _ in range(rng.choice([0, 1, 4, 36, 100]))).hex()}
    chain = rng.choice([1, 5, 1337, 11155111, rng.getrandbits(32)])
    creation = tx_type in (0, 1, 2) and rng.random() < 0.1
    if not creation:
        tx["to"] = address(rng)
    if tx_type in (0, 1):
        tx["gasPrice"] = quantity(rng, 256)
    else:
        tx["maxFeePerGas"] = quantity(rng, 256)
        tx["maxPriorityFeePerGas"] = rng.randrange(0, tx["maxFeePerGas"] + 1)
    tx["chainId"] = chain
    if tx_type >= 1:
        tx["accessList"] = access_list(rng)
        if tx_type == 1 and not tx["accessList"]:
            tx["accessList"] = [{"address": address(rng), "storageKeys": []}]
    if tx_type >= 2:
        tx["type"] = tx_type
    if tx_type == 3:
        tx["maxFeePerBlobGas"] = quantity(rng, 256)
        tx["blobVersionedHashes"] = ["0x01" + bytes(rng.getrandbits(8) for _ in range(31)).hex()
                                     for _ in range(rng.randrange(1, 4))]
    if tx_type == 4:
        tx["authorizationList"] = [authorization(rng, key) for _ in range(rng.randrange(1, 3))]
    if tx_type == 2 and not tx["accessList"] and rng.random() < 0.5:
        del tx["accessList"]
    return tx


def hexq(value):
    return hex(value)


def rpc_shape(tx, tx_type, sender):
    out = {"type": hexq(tx_type), "from": sender.lower(), "chainId": hexq(tx["chainId"]),
           "nonce": hexq(tx["nonce"]), "gasLimit": hexq(tx["gas"]), "value": hexq(tx["value"]),
           "input": tx["data"]}
    if "to" in tx:
        out["to"] = tx["to"].lower()
    for name in ("gasPrice", "maxFeePerGas", "maxPriorityFeePerGas", "maxFeePerBlobGas"):
        if name in tx:
            out[name] = hexq(tx[name])
    for name in ("accessList", "blobVersionedHashes"):
        if name in tx:
            out[name] = tx[name]
    if "authorizationList" in tx:
        out["authorizationList"] = [{k: (hexq(v) if isinstance(v, int) else v) for k, v in a.items()}
                                    for a in tx["authorizationList"]]
    return out


def sigil_shape(tx, tx_type, sender):
    out = rpc_shape(tx, tx_type, sender)
    out["format"] = "sigil.unsigned-tx/1"
    out["from"] = sender
    out["gas"] = out.pop("gasLimit")
    out["data"] = out.pop("input")
    out["to"] = tx.get("to")
    if tx_type >= 1:
        out.setdefault("accessList", [])
    return out


def eth_account_dict(tx):
    """The dict as eth-account takes it: ints, `data` as bytes, authorizations as dicts of ints."""
    out = dict(tx)
    out["data"] = bytes.fromhex(tx["data"][2:])
    if "to" not in out:
        out["to"] = b""
    if "blobVersionedHashes" in out:
        out["blobVersionedHashes"] = [bytes.fromhex(h[2:]) for h in out["blobVersionedHashes"]]
    return out


def unsigned_payload(raw):
    """eth-account's signed transaction without its signature: cast's --raw-unsigned bytes."""
    if raw[0] >= 0xc0:
        items = rlp.decode(raw)
        v = int.from_bytes(items[6], "big")
        return rlp.encode(items[:6] + [(v - 35) // 2, b"", b""])
    return raw[:1] + rlp.encode(rlp.decode(raw[1:])[:-3])


def main():
    request = json.load(sys.stdin)
    rng = random.Random(int(request["seed"]))
    key = request["key"]
    sender = Account.from_key(key).address
    types = request["types"]
    folder = request["dir"]
    shapes = {"sigil": [], "rpc": [], "ethAccount": []}
    expected, unsigned, counts = [], [], {}
    for index in range(request["count"]):
        tx_type = types[index % len(types)]
        counts[str(tx_type)] = counts.get(str(tx_type), 0) + 1
        tx = make(rng, tx_type, key, sender)
        raw = bytes(Account.sign_transaction(eth_account_dict(tx), key).raw_transaction)
        expected.append("0x" + raw.hex())
        payload = unsigned_payload(raw)
        unsigned.append("0x" + payload.hex())
        with open(os.path.join(folder, "unsigned-%d.bin" % index), "wb") as out:
            out.write(payload)
        dumped = dict(tx, **{"from": sender})
        for name, value in (("sigil", sigil_shape(tx, tx_type, sender)), ("rpc", rpc_shape(tx, tx_type, sender)),
                            ("ethAccount", dumped)):
            text = json.dumps(value)
            shapes[name].append(text)
            with open(os.path.join(folder, "%d.%s" % (index, name)), "w") as out:
                out.write(text)
        with open(os.path.join(folder, "%d.rawUnsigned" % index), "w") as out:
            out.write(unsigned[-1] + "\n")

    def write(name, lines):
        with open(os.path.join(folder, name), "w") as out:
            out.write("".join(line + "\n" for line in lines))

    write("expected.txt", expected)
    write("rawUnsigned.txt", unsigned)
    for name, lines in shapes.items():
        write(name + ".jsonl", lines)
    keystore = Account.encrypt(key, request["password"], kdf="pbkdf2", iterations=1)
    descriptor = os.open(request["keystore"], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as out:
        json.dump(keystore, out)
    json.dump({"count": request["count"], "types": counts}, sys.stdout)


if __name__ == "__main__":
    main()
