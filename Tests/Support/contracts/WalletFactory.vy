#pragma version 0.4.3
"""
@title WalletFactory
@notice Deploys Wallet1271 with CREATE2, so a wallet's address is known before it exists
        (ERC-6492). The wallet's creation code is given once, to the constructor; a wallet's
        init code is that code ++ abi.encode(owner).
"""

MAX_CODE: constant(uint256) = 4096

event WalletDeployed:
    wallet: indexed(address)
    owner: indexed(address)
    salt: bytes32

walletCode: public(Bytes[MAX_CODE])


@deploy
def __init__(_walletCode: Bytes[MAX_CODE]):
    self.walletCode = _walletCode


@external
def deploy(_owner: address, _salt: bytes32) -> address:
    wallet: address = raw_create(concat(self.walletCode, abi_encode(_owner)), salt=_salt)
    log WalletDeployed(wallet=wallet, owner=_owner, salt=_salt)
    return wallet


@external
@view
def addressOf(_owner: address, _salt: bytes32) -> address:
    init_hash: bytes32 = keccak256(concat(self.walletCode, abi_encode(_owner)))
    digest: bytes32 = keccak256(concat(b"\xff", convert(self, bytes20), _salt, init_hash))
    return convert(convert(slice(digest, 12, 20), bytes20), address)
