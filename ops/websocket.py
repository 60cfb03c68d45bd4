"""The server's websocket protocol: uvicorn's (websockets, sans-I/O), plus a synchronous send.

The live endpoint (schema/live_ws.py) writes one event to hundreds of sockets at a time. Through
ASGI each message is a coroutine per socket (starlette's send_text, then uvicorn's send, which
awaits the transport being writable); here the protocol offers, in the scope's extensions,
an object whose `send_now` frames a text message and writes it to the transport at once, and
whose `buffered` says how many bytes wait for the client (the endpoint bounds that). A server
without this extension (another ASGI server) is served through the ASGI messages as before.

Every accepted socket also gets TCP_NODELAY (an event is one small frame: it must not wait for
the client's delayed ACK of the previous one).
"""

from __future__ import annotations

import contextlib
import socket
import struct
from asyncio import BaseTransport
from typing import Any, Protocol

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.frames import Opcode
from websockets.protocol import State

EXTENSION = "plangraph.websocket.send_now"
_FIN_TEXT = 0x80 | Opcode.TEXT.value
_HEAD16 = struct.Struct("!BBH")
_HEAD64 = struct.Struct("!BBQ")


class DirectSender(Protocol):
    """What the app finds in scope["extensions"][EXTENSION]["sender"]."""

    def send_now(self, data: bytes) -> bool: ...

    def buffered(self) -> int: ...


def direct_sender(scope: Any) -> DirectSender | None:
    extension = (scope.get("extensions") or {}).get(EXTENSION)
    return extension.get("sender") if isinstance(extension, dict) else None


def text_frame_head(length: int) -> bytes:
    """The header of an unmasked, final text frame (a server's) carrying `length` bytes."""
    if length < 126:
        return bytes((_FIN_TEXT, length))
    if length < 65536:
        return _HEAD16.pack(_FIN_TEXT, 126, length)
    return _HEAD64.pack(_FIN_TEXT, 127, length)


_last: tuple[bytes, bytes] = (b"", text_frame_head(0))


def _framed(data: bytes) -> bytes:
    """`data` as one frame; a message sent to many sockets in a row is framed once (the memo
    holds the message, so its identity cannot be reused by another while remembered)."""
    global _last
    message, framed = _last
    if data is not message:
        framed = text_frame_head(len(data)) + data
        _last = (data, framed)
    return framed


class LiveWebSocketProtocol(WebSocketsSansIOProtocol):
    def connection_made(self, transport: BaseTransport) -> None:
        super().connection_made(transport)
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handle_connect(self, event: Any) -> None:
        super().handle_connect(event)
        scope = getattr(self, "scope", None)  # only set when the handshake is acceptable
        if scope is not None:  # the app's task has been created, not started: it sees this
            scope["extensions"][EXTENSION] = {"sender": self}

    def send_now(self, data: bytes) -> bool:
        """Write one text message (UTF-8 `data`) now; False if the socket is not open."""
        if (
            self.close_sent
            or self.disconnected
            or self.conn.state is not State.OPEN
            or self.transport.is_closing()
        ):
            return False
        if self.conn.extensions:  # e.g. permessage-deflate: the connection's own encoder
            self.conn.send_text(data)
            self.transport.write(b"".join(self.conn.data_to_send()))
        else:
            self.transport.write(_framed(data))
        return True

    def buffered(self) -> int:
        """Bytes written but not yet taken by the kernel (the client is not reading them)."""
        return self.transport.get_write_buffer_size()
