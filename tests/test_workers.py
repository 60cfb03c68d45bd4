"""The worker processes' sockets (workers.py)."""

from __future__ import annotations

import asyncio
import socket

import pytest

from workers import worker_socket


def test_connections_accepted_by_a_worker_send_without_waiting_for_acks() -> None:
    """TCP_NODELAY on every accepted connection: a response written in two parts (the gzip
    middleware writes its head, then a small body) must not wait for the client's delayed
    ACK, which cost 40 ms per gzip'd picture on a keep-alive connection."""
    listener = worker_socket("127.0.0.1", 0)
    listener.listen()  # as uvicorn does once the worker has started
    client = socket.create_connection(listener.getsockname())
    accepted, _ = listener.accept()
    try:
        assert listener.proto == socket.IPPROTO_TCP  # asyncio sets NODELAY only then
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        assert listener.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) != 0
    finally:
        for sock in (accepted, client, listener):
            sock.close()


def test_a_worker_that_has_not_started_gets_no_connection() -> None:
    """Two workers on one port: the one still starting (its socket bound, not listening)
    gets none of the new connections; the started one gets them all. With no worker started,
    a client is refused at once instead of waiting in a starting worker's queue."""
    starting = worker_socket("127.0.0.1", 0)
    port = starting.getsockname()[1]
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    started = worker_socket("127.0.0.1", port)
    started.listen()
    started.settimeout(2)
    clients = [socket.create_connection(("127.0.0.1", port), timeout=2) for _ in range(16)]
    accepted = [started.accept()[0] for _ in clients]  # all 16 queued on the started one
    try:
        starting.listen()  # now started too: new connections are shared again
        later = [socket.create_connection(("127.0.0.1", port), timeout=2) for _ in range(32)]
        starting.settimeout(2)
        accepted.append(starting.accept()[0])  # the kernel gave it some of them
        clients += later
    finally:
        for sock in (*accepted, *clients, starting, started):
            sock.close()


async def test_uvicorn_s_server_listens_on_the_worker_s_socket_itself() -> None:
    """asyncio's create_server(sock=...), which uvicorn calls after the app's lifespan has
    started, puts the worker's socket in the listening state."""
    sock = worker_socket("127.0.0.1", 0)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"ok")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, sock=sock)
    try:
        reader, writer = await asyncio.open_connection(*sock.getsockname())
        assert await reader.read() == b"ok"
        writer.close()
        await writer.wait_closed()
    finally:
        server.close()
        await server.wait_closed()
