"""The worker processes' listening sockets (workers.py)."""

from __future__ import annotations

import socket

from workers import listening_socket


def test_connections_accepted_by_a_worker_send_without_waiting_for_acks() -> None:
    """TCP_NODELAY on every accepted connection: a response written in two parts (the gzip
    middleware writes its head, then a small body) must not wait for the client's delayed
    ACK, which cost 40 ms per gzip'd picture on a keep-alive connection."""
    listener = listening_socket("127.0.0.1", 0)
    client = socket.create_connection(listener.getsockname())
    accepted, _ = listener.accept()
    try:
        assert listener.proto == socket.IPPROTO_TCP  # asyncio sets NODELAY only then
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        assert listener.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) != 0
    finally:
        for sock in (accepted, client, listener):
            sock.close()
