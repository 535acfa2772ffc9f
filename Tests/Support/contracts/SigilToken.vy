#pragma version 0.4.3
"""
@title SigilToken
@notice An ERC-20 for Sigil's tests: the standard functions and events, `mint` for the
        deployer, `spray` (many Transfer logs in one transaction) and custom errors.
"""

event Transfer:
    sender: indexed(address)
    receiver: indexed(address)
    value: uint256

event Approval:
    owner: indexed(address)
    spender: indexed(address)
    value: uint256

MAX_SPRAY: constant(uint256) = 2000

name: public(String[32])
symbol: public(String[16])
decimals: public(uint8)
totalSupply: public(uint256)
balanceOf: public(HashMap[address, uint256])
allowance: public(HashMap[address, HashMap[address, uint256]])
minter: public(address)


@deploy
def __init__(_name: String[32], _symbol: String[16], _decimals: uint8, _supply: uint256, _holder: address):
    self.name = _name
    self.symbol = _symbol
    self.decimals = _decimals
    self.minter = msg.sender
    self.totalSupply = _supply
    self.balanceOf[_holder] = _supply
    log Transfer(sender=empty(address), receiver=_holder, value=_supply)


@internal
def _move(_from: address, _to: address, _amount: uint256):
    available: uint256 = self.balanceOf[_from]
    if available < _amount:
        # InsufficientBalance(uint256 available, uint256 required)
        raw_revert(concat(method_id("InsufficientBalance(uint256,uint256)"), abi_encode(available, _amount)))
    self.balanceOf[_from] = available - _amount
    self.balanceOf[_to] += _amount
    log Transfer(sender=_from, receiver=_to, value=_amount)


@external
def transfer(_to: address, _amount: uint256) -> bool:
    self._move(msg.sender, _to, _amount)
    return True


@external
def transferFrom(_from: address, _to: address, _amount: uint256) -> bool:
    allowed: uint256 = self.allowance[_from][msg.sender]
    if allowed != max_value(uint256):
        if allowed < _amount:
            # InsufficientAllowance(uint256 available, uint256 required)
            raw_revert(concat(method_id("InsufficientAllowance(uint256,uint256)"), abi_encode(allowed, _amount)))
        self.allowance[_from][msg.sender] = allowed - _amount
    self._move(_from, _to, _amount)
    return True


@external
def approve(_spender: address, _amount: uint256) -> bool:
    self.allowance[msg.sender][_spender] = _amount
    log Approval(owner=msg.sender, spender=_spender, value=_amount)
    return True


@external
def mint(_to: address, _amount: uint256):
    if msg.sender != self.minter:
        # NotMinter(address caller)
        raw_revert(concat(method_id("NotMinter(address)"), abi_encode(msg.sender)))
    self.totalSupply += _amount
    self.balanceOf[_to] += _amount
    log Transfer(sender=empty(address), receiver=_to, value=_amount)


@external
def spray(_to: address, _count: uint256):
    """
    @notice Moves 1 base unit from the caller to `_to`, `_count` times: `_count` Transfer logs
            in one transaction (at most MAX_SPRAY).
    """
    assert _count <= MAX_SPRAY, "spray: count above 2000"
    for i: uint256 in range(_count, bound=MAX_SPRAY):
        self._move(msg.sender, _to, 1)
