#pragma version 0.4.3
"""
@title Wallet1271
@notice A contract account that accepts an ERC-1271 signature when it is the owner's
        65-byte ECDSA signature (r ++ s ++ v, v 27/28 or 0/1) of the hash itself.
"""

MAGIC_VALUE: constant(bytes4) = 0x1626ba7e
INVALID: constant(bytes4) = 0xffffffff

owner: public(address)


@deploy
def __init__(_owner: address):
    self.owner = _owner


@external
@view
def isValidSignature(_hash: bytes32, _signature: Bytes[1024]) -> bytes4:
    if len(_signature) != 65:
        return INVALID
    r: bytes32 = extract32(_signature, 0)
    s: bytes32 = extract32(_signature, 32)
    v: uint256 = convert(slice(_signature, 64, 1), uint256)
    if v < 27:
        v += 27
    signer: address = ecrecover(_hash, v, r, s)
    if signer != empty(address) and signer == self.owner:
        return MAGIC_VALUE
    return INVALID
