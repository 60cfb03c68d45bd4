"""The server's websocket protocol (ops/websocket.py): frames written directly, TCP_NODELAY."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from uvicorn.server import ServerState
from websockets.frames import Frame, Opcode
from websockets.streams import StreamReader

from ops.websocket import (
    EXTENSION,
    LiveWebSocketProtocol,
    _framed,
    direct_sender,
    text_frame_head,
)


def parse(raw: bytes) -> Frame:
    """The frame a client reads from `raw` (websockets' own parser, as a client: unmasked)."""
    reader = StreamReader()
    reader.feed_data(raw)
    parser = Frame.parse(reader.read_exact, mask=False)
    try:
        next(parser)
    except StopIteration as done:
        frame: Frame = done.value
        return frame
    raise AssertionError("incomplete frame")


@pytest.mark.parametrize("length", [0, 1, 125, 126, 127, 65535, 65536, 200_000])
def test_a_frame_head_carries_its_message_for_the_client_parser(length: int) -> None:
    data = bytes(n % 251 for n in range(length))
    frame = parse(text_frame_head(length) + data)
    assert frame.opcode is Opcode.TEXT
    assert frame.fin
    assert frame.data == data


def test_one_message_written_to_many_sockets_is_framed_once_and_every_message_right() -> None:
    first, second = b'{"id":"1","type":"next"}', b'{"id":"22","type":"next"}'
    assert _framed(first) is _framed(first)
    for message in (first, second, first, bytes(second)):
        assert parse(_framed(message)).data == message


@pytest.fixture
def accepted() -> Iterator[socket.socket]:
    listener = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(listener.getsockname())
    server_side, _ = listener.accept()
    try:
        yield server_side
    finally:
        for sock in (server_side, client, listener):
            sock.close()


class StubTransport:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"socket": self.sock}.get(name, default)


async def test_an_accepted_websocket_sends_without_waiting_for_delayed_acks(
    accepted: socket.socket,
) -> None:
    accepted.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 0)
    config = uvicorn.Config(app=lambda *_: None, ws=LiveWebSocketProtocol)
    config.load()
    protocol = LiveWebSocketProtocol(config, ServerState(), {})
    protocol.connection_made(StubTransport(accepted))  # type: ignore[arg-type]
    assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_the_app_finds_the_direct_sender_only_where_the_server_offers_it() -> None:
    sender = object()
    assert direct_sender({"extensions": {EXTENSION: {"sender": sender}}}) is sender
    assert direct_sender({"extensions": {"websocket.http.response": {}}}) is None
    assert direct_sender({}) is None
