"""A minimal JSON-RPC client (stdlib urllib) for the node the test peer forwards to."""

import json
import urllib.request


class RPCError(Exception):
    pass


def rpc_call(url, method, params, timeout=30):
    """Calls `method`; returns `result` or raises RPCError with the node's error message."""
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        answer = json.loads(response.read())
    if "error" in answer:
        error = answer["error"]
        raise RPCError(f"{error.get('code')}: {error.get('message')}")
    return answer["result"]
