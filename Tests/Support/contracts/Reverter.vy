#pragma version 0.4.3
"""
@title Reverter
@notice Every kind of failure a call can end with (Error(string), Panic(uint256), a custom
        error, empty revert data), a view with several return values, and one storage slot.
"""

event ValueSet:
    setter: indexed(address)
    value: uint256

# slot 0
value: public(uint256)


@external
def setValue(_value: uint256):
    self.value = _value
    log ValueSet(setter=msg.sender, value=_value)


@external
def failWithReason():
    raise "insufficient funds"


@external
def failWithPanic(_code: uint256):
    raw_revert(concat(method_id("Panic(uint256)"), abi_encode(_code)))


@external
def failWithCustom(_code: uint256, _caller: address):
    # Unauthorized(address caller, uint256 code)
    raw_revert(concat(method_id("Unauthorized(address,uint256)"), abi_encode(_caller, _code)))


@external
def failEmpty():
    raw_revert(b"")


@external
@view
def info() -> (uint256, address, String[32], bool):
    return 42, 0x000000000000000000000000000000000000dEaD, "sigil", True
