"""ENS on the dev node: the test registry and resolver (Tests/Support/contracts/ENSRegistry.vy,
PublicResolver.vy) deployed and filled by real transactions from the node's deployer, which
owns the root node.

Names are taken as given (already normalized, e.g. lowercase ASCII): node = namehash(name),
label hash = keccak(label as UTF-8).
"""

from eth_hash.auto import keccak

import contracts
from rpcformat import invalid_params, parse_address

ZERO_NODE = b"\0" * 32


def label_hash(label):
    return keccak(label.encode())


def namehash(name):
    node = ZERO_NODE
    if name:
        for label in reversed(name.split(".")):
            node = keccak(node + label_hash(label))
    return node


def hex32(value):
    return "0x" + value.hex()


def deploy(node):
    """Deploys a registry and a resolver once per node; answers {registry, resolver}."""
    if node.ens is None:
        registry = contracts.deploy(node, "ENSRegistry")["address"]
        resolver = contracts.deploy(node, "PublicResolver", [registry])["address"]
        node.ens = {"registry": registry, "resolver": resolver}
    return dict(node.ens)


def call(node, to, contract, function, args):
    receipt = contracts.transact(node, node.deployer, to, contracts.calldata(contract, function, args))
    if receipt["status"] != "0x1":
        raise invalid_params(f"ENS {function} failed")
    return receipt


def claim(node, ens, name):
    """Makes the deployer the owner of `name` (and of every name above it), with the test
    resolver; answers the node. Works again on a name already given away: its parent stays
    the deployer's."""
    labels = name.split(".")
    if not name or any(not label for label in labels):
        raise invalid_params(f"not a name: {name!r}")
    parent = ZERO_NODE
    for depth, label in enumerate(reversed(labels)):
        last = depth == len(labels) - 1
        if last:
            call(node, ens["registry"], "ENSRegistry", "setSubnodeRecord",
                 [hex32(parent), hex32(label_hash(label)), node.deployer.address, ens["resolver"], 0])
        else:
            subnode = keccak(parent + label_hash(label))
            owner = contracts.evm_call(node, ens["registry"], "ENSRegistry", "owner", [hex32(subnode)])
            if owner.lower() != node.deployer.address.lower():
                call(node, ens["registry"], "ENSRegistry", "setSubnodeOwner",
                     [hex32(parent), hex32(label_hash(label)), node.deployer.address])
        parent = keccak(parent + label_hash(label))
    return parent


def register(node, name, address, with_reverse=True, owner=None):
    """`name` resolves to `address` (addr record on the test resolver) and, with `with_reverse`,
    `<address lowercase hex>.addr.reverse` has the name record `name`. Both nodes then belong to
    `owner` (default: `address`). Answers {registry, resolver, node, reverseNode?, owner}."""
    if not isinstance(name, str):
        raise invalid_params("name must be a string")
    address = parse_address(address)
    owner = parse_address(owner, "owner") if owner else address
    ens = deploy(node)
    forward = claim(node, ens, name)
    call(node, ens["resolver"], "PublicResolver", "setAddr", [hex32(forward), address])
    call(node, ens["registry"], "ENSRegistry", "setOwner", [hex32(forward), owner])
    answer = dict(ens, node=hex32(forward), owner=owner)
    if with_reverse:
        reverse = claim(node, ens, address[2:].lower() + ".addr.reverse")
        call(node, ens["resolver"], "PublicResolver", "setName", [hex32(reverse), name])
        call(node, ens["registry"], "ENSRegistry", "setOwner", [hex32(reverse), owner])
        answer["reverseNode"] = hex32(reverse)
    return answer
