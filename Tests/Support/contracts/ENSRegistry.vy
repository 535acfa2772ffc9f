#pragma version 0.4.3
"""
@title ENSRegistry
@notice The ENS registry with the real ENS function signatures and events (owner, resolver,
        ttl, recordExists, setOwner, setSubnodeOwner, setResolver, setTTL, setRecord,
        setSubnodeRecord, setApprovalForAll, isApprovedForAll). The deployer owns the root node.
"""

event NewOwner:
    node: indexed(bytes32)
    label: indexed(bytes32)
    owner: address

event Transfer:
    node: indexed(bytes32)
    owner: address

event NewResolver:
    node: indexed(bytes32)
    resolver: address

event NewTTL:
    node: indexed(bytes32)
    ttl: uint64

event ApprovalForAll:
    owner: indexed(address)
    operator: indexed(address)
    approved: bool

struct Record:
    owner: address
    resolver: address
    ttl: uint64

records: HashMap[bytes32, Record]
operators: HashMap[address, HashMap[address, bool]]


@deploy
def __init__():
    self.records[empty(bytes32)].owner = msg.sender


@internal
@view
def _authorise(_node: bytes32):
    node_owner: address = self.records[_node].owner
    assert node_owner == msg.sender or self.operators[node_owner][msg.sender], "ENS: not authorised"


@internal
def _set_subnode_owner(_node: bytes32, _label: bytes32, _owner: address) -> bytes32:
    subnode: bytes32 = keccak256(concat(_node, _label))
    self.records[subnode].owner = _owner
    log NewOwner(node=_node, label=_label, owner=_owner)
    return subnode


@internal
def _set_resolver_and_ttl(_node: bytes32, _resolver: address, _ttl: uint64):
    if _resolver != self.records[_node].resolver:
        self.records[_node].resolver = _resolver
        log NewResolver(node=_node, resolver=_resolver)
    if _ttl != self.records[_node].ttl:
        self.records[_node].ttl = _ttl
        log NewTTL(node=_node, ttl=_ttl)


@external
def setRecord(_node: bytes32, _owner: address, _resolver: address, _ttl: uint64):
    self._authorise(_node)
    self.records[_node].owner = _owner
    log Transfer(node=_node, owner=_owner)
    self._set_resolver_and_ttl(_node, _resolver, _ttl)


@external
def setSubnodeRecord(_node: bytes32, _label: bytes32, _owner: address, _resolver: address, _ttl: uint64):
    self._authorise(_node)
    subnode: bytes32 = self._set_subnode_owner(_node, _label, _owner)
    self._set_resolver_and_ttl(subnode, _resolver, _ttl)


@external
def setOwner(_node: bytes32, _owner: address):
    self._authorise(_node)
    self.records[_node].owner = _owner
    log Transfer(node=_node, owner=_owner)


@external
def setSubnodeOwner(_node: bytes32, _label: bytes32, _owner: address) -> bytes32:
    self._authorise(_node)
    return self._set_subnode_owner(_node, _label, _owner)


@external
def setResolver(_node: bytes32, _resolver: address):
    self._authorise(_node)
    self.records[_node].resolver = _resolver
    log NewResolver(node=_node, resolver=_resolver)


@external
def setTTL(_node: bytes32, _ttl: uint64):
    self._authorise(_node)
    self.records[_node].ttl = _ttl
    log NewTTL(node=_node, ttl=_ttl)


@external
def setApprovalForAll(_operator: address, _approved: bool):
    self.operators[msg.sender][_operator] = _approved
    log ApprovalForAll(owner=msg.sender, operator=_operator, approved=_approved)


@external
@view
def owner(_node: bytes32) -> address:
    found: address = self.records[_node].owner
    if found == self:
        return empty(address)
    return found


@external
@view
def resolver(_node: bytes32) -> address:
    return self.records[_node].resolver


@external
@view
def ttl(_node: bytes32) -> uint64:
    return self.records[_node].ttl


@external
@view
def recordExists(_node: bytes32) -> bool:
    return self.records[_node].owner != empty(address)


@external
@view
def isApprovedForAll(_owner: address, _operator: address) -> bool:
    return self.operators[_owner][_operator]
