#pragma version 0.4.3
"""
@title PublicResolver
@notice A resolver with the real ENS signatures for addr(bytes32), name(bytes32) (reverse
        records), text(bytes32,string) and supportsInterface. Only a node's owner in the
        registry (or an operator it approved there) may set its records.
"""

interface ENS:
    def owner(node: bytes32) -> address: view
    def isApprovedForAll(owner: address, operator: address) -> bool: view

event AddrChanged:
    node: indexed(bytes32)
    a: address

event NameChanged:
    node: indexed(bytes32)
    name: String[256]

event TextChanged:
    node: indexed(bytes32)
    indexedKey: indexed(String[64])
    key: String[64]
    value: String[256]

ens: public(address)
addresses: HashMap[bytes32, address]
names: HashMap[bytes32, String[256]]
texts: HashMap[bytes32, HashMap[String[64], String[256]]]


@deploy
def __init__(_ens: address):
    self.ens = _ens


@internal
@view
def _authorise(_node: bytes32):
    node_owner: address = staticcall ENS(self.ens).owner(_node)
    assert node_owner == msg.sender or staticcall ENS(self.ens).isApprovedForAll(node_owner, msg.sender), "resolver: not authorised"


@external
def setAddr(_node: bytes32, _addr: address):
    self._authorise(_node)
    self.addresses[_node] = _addr
    log AddrChanged(node=_node, a=_addr)


@external
@view
def addr(_node: bytes32) -> address:
    return self.addresses[_node]


@external
def setName(_node: bytes32, _name: String[256]):
    self._authorise(_node)
    self.names[_node] = _name
    log NameChanged(node=_node, name=_name)


@external
@view
def name(_node: bytes32) -> String[256]:
    return self.names[_node]


@external
def setText(_node: bytes32, _key: String[64], _value: String[256]):
    self._authorise(_node)
    self.texts[_node][_key] = _value
    log TextChanged(node=_node, indexedKey=_key, key=_key, value=_value)


@external
@view
def text(_node: bytes32, _key: String[64]) -> String[256]:
    return self.texts[_node][_key]


@external
@view
def supportsInterface(_interfaceID: bytes4) -> bool:
    # ERC-165, addr(bytes32), name(bytes32), text(bytes32,string)
    return _interfaceID in [0x01ffc9a7, 0x3b3b57de, 0x691f3431, 0x59d1d43c]
