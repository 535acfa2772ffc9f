"""Loopback JSON-RPC responders for the broadcast bench: N ports in ONE process, each answering
every request after a fixed delay without executing anything (eth_chainId -> the chain id,
eth_sendRawTransaction -> the transaction's hash, as a node that accepts it would). Sixteen
py-evm processes on a 2-core machine would time the machine; these time Sigil's fan-out.

    loopback_rpc.py --count 16 --delay-ms 50 --chain-id 1337 --out DIR
writes DIR/node-1.url ... DIR/node-N.url once listening, and serves until killed.
"""
import argparse
import asyncio
import json
import os

from eth_hash.auto import keccak


def answer(call, chain_id):
    method, params, ident = call.get("method"), call.get("params") or [], call.get("id")
    if method == "eth_chainId":
        return {"jsonrpc": "2.0", "id": ident, "result": hex(chain_id)}
    if method == "eth_sendRawTransaction" and params and isinstance(params[0], str):
        raw = params[0][2:] if params[0].startswith("0x") else params[0]
        try:
            data = bytes.fromhex(raw)
        except ValueError:
            return {"jsonrpc": "2.0", "id": ident, "error": {"code": -32602, "message": "invalid hex"}}
        # A typed transaction's hash covers its bytes as sent (type byte + payload); for the bench
        # only non-blob transactions are sent.
        return {"jsonrpc": "2.0", "id": ident, "result": "0x" + keccak(data).hex()}
    return {"jsonrpc": "2.0", "id": ident, "error": {"code": -32601, "message": f"{method} is not served here"}}


async def serve(reader, writer, delay, chain_id):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            body = json.loads(await reader.readexactly(length)) if length else {}
            await asyncio.sleep(delay)
            out = [answer(c, chain_id) for c in body] if isinstance(body, list) else answer(body, chain_id)
            data = json.dumps(out).encode()
            close = b"connection: close" in head.lower()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n"
                         % (len(data), b"Connection: close\r\n" if close else b"") + data)
            await writer.drain()
            if close:
                break
    except (asyncio.IncompleteReadError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--count", type=int, default=16)
    p.add_argument("--delay-ms", type=float, default=50)
    p.add_argument("--chain-id", type=int, default=1337)
    p.add_argument("--out", required=True)
    options = p.parse_args()
    servers = []
    for i in range(options.count):
        server = await asyncio.start_server(
            lambda r, w: serve(r, w, options.delay_ms / 1000, options.chain_id), "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        with open(os.path.join(options.out, f"node-{i + 1}.url.tmp"), "w") as f:
            f.write(f"http://127.0.0.1:{port}\n")
        os.rename(os.path.join(options.out, f"node-{i + 1}.url.tmp"), os.path.join(options.out, f"node-{i + 1}.url"))
        servers.append(server)
    await asyncio.gather(*(s.serve_forever() for s in servers))


asyncio.run(main())
