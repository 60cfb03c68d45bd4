"""The bench's lean HTTP/1.1 client (bench/http1.py) against a server of canned answers:
keep-alive reuse, Content-Length, chunked and gzip'd bodies, and what it asks for."""

from __future__ import annotations

import asyncio
import contextlib
import gzip

import orjson

from bench.http1 import LeanClient

BODY = b'{"data": {"ok": true}}'


def _chunked(body: bytes) -> bytes:
    half = len(body) // 2
    parts = (body[:half], body[half:])
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


ANSWERS = [
    b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n%s" % (len(BODY), BODY),
    b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n" + _chunked(BODY),
    b"HTTP/1.1 400 Bad Request\r\ncontent-encoding: gzip\r\ncontent-length: %d\r\n\r\n%s"
    % (len(gzip.compress(BODY)), gzip.compress(BODY)),
]


async def test_the_lean_client_reads_every_body_on_one_kept_alive_connection() -> None:
    requests: list[bytes] = []
    connections = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        for answer in ANSWERS:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            )
            requests.append(head + await reader.readexactly(length))
            writer.write(answer)
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with LeanClient(f"http://127.0.0.1:{port}", {"Authorization": "Bearer t"}, 1) as c:
            answers = [await c.post("/graphql", json={"query": "{ ok }", "n": n}) for n in range(3)]
    finally:
        server.close()
    assert [a.status_code for a in answers] == [200, 200, 400]
    assert all(a.content == BODY for a in answers)
    assert connections == 1
    head, _, body = requests[2].partition(b"\r\n\r\n")
    assert orjson.loads(body) == {"query": "{ ok }", "n": 2}
    assert b"POST /graphql HTTP/1.1" in head and b"Authorization: Bearer t" in head
    assert b"Accept-Encoding: identity" in head  # the floor compresses nothing


async def test_a_connection_idle_too_long_is_not_used_again() -> None:
    """The server may be closing a keep-alive connection that sat idle (uvicorn: 5 s): past
    `idle_seconds` the client opens a new one."""
    writers: list[asyncio.StreamWriter] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)
        with contextlib.suppress(asyncio.IncompleteReadError):  # the client closed it
            while head := await reader.readuntil(b"\r\n\r\n"):
                length = next(
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")
                )
                await reader.readexactly(length)
                writer.write(ANSWERS[0])

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    opened = []
    try:
        for idle in (60.0, 0.0):
            before = len(writers)
            url = f"http://127.0.0.1:{port}"
            async with LeanClient(url, {}, 1, idle_seconds=idle) as client:
                for _ in range(3):
                    assert (await client.post("/graphql", json={})).content == BODY
            opened.append(len(writers) - before)
    finally:
        for writer in writers:  # every server side closed before the loop ends
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()
        server.close()
        await server.wait_closed()
    assert opened == [1, 3]
