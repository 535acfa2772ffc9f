"""Imports trinity's `p2p` package (from .venv-p2p) without the trinity application.

`import trinity` fails on Python 3.11, and `p2p._utils.get_logger` imports it lazily; every other
`p2p` module binds `get_logger` at import time, so it is pointed at eth-utils' logger here, before
anything else of `p2p` is imported. Import trinity's pieces from this module only.
"""

import sys

sys.dont_write_bytecode = True  # keep the source tree clean of __pycache__

import eth_utils  # noqa: E402
import p2p._utils  # noqa: E402

p2p._utils.get_logger = eth_utils.get_extended_debug_logger

from p2p import auth, ecies  # noqa: E402,F401
from p2p.commands import BaseCommand, SnappyCodec  # noqa: E402,F401
from p2p.abc import SerializationCodecAPI  # noqa: E402,F401
from p2p.constants import HEADER_LEN, MAC_LEN, RLPX_HEADER_DATA  # noqa: E402,F401
from p2p.disconnect import DisconnectReason  # noqa: E402,F401
from p2p.exceptions import PeerConnectionLost  # noqa: E402,F401
from p2p.handshake import DevP2PHandshakeParams, _do_p2p_handshake  # noqa: E402,F401
from p2p.kademlia import Address, Node  # noqa: E402,F401
from p2p.p2p_proto import Disconnect, Hello, P2PProtocolV5, Ping, Pong  # noqa: E402,F401
from p2p.protocol import BaseProtocol  # noqa: E402,F401
from p2p.transport import Transport  # noqa: E402,F401
