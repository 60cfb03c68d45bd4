"""A lean graphql-transport-ws subscriber for bench/live.py (as wrk is to a Python HTTP client).

The bench's subscribers share the machine's two cores with the servers they measure, so each
is a plain socket with its own buffer, and one thread reads them all (epoll) and parses the
server's frames itself (unmasked, unfragmented text frames; pings answered). Of each `next`
message it takes only the cursor and changedAt, by slicing: the cursor gives the event's id
(once per distinct cursor), which checks order and exactly-once; changedAt gives the latency
(receive time minus commit time; one machine, one clock). Anything else a subscriber receives
is kept as a problem.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import os
import select
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import orjson

from bench.http1 import LeanClient
from resolvers.live.events import decode_cursor

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
OP_ID = "1"
NEXT = b'{"id":"1","type":"next","payload":{"data":{"accountChanged":{'
CURSOR, CHANGED_AT = b'"cursor":"', b'"changedAt":"'
BUFFER = 1 << 16
IDLE_SECONDS = 2.0  # a keep-alive connection idle longer is not used again
CONNECTIONS = 64  # the driver's requests in flight to one server, at most
OPCODE_TEXT, OPCODE_CLOSE, OPCODE_PING, OPCODE_PONG = 0x1, 0x8, 0x9, 0xA


class Tally:
    """What every subscriber shares: the latencies and the parse caches."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.ids: dict[bytes, int] = {}
        self.stamps: dict[bytes, float] = {}

    def event_id(self, cursor: bytes) -> int:
        found = self.ids.get(cursor)
        if found is None:
            found = self.ids[cursor] = decode_cursor(cursor.decode())
        return found

    def stamp(self, changed_at: bytes) -> float:
        found = self.stamps.get(changed_at)
        if found is None:
            found = self.stamps[changed_at] = dt.datetime.fromisoformat(
                changed_at.decode()
            ).timestamp()
        return found


def client_frame(opcode: int, payload: bytes) -> bytes:
    """A final, masked frame (every client frame is masked)."""
    mask = os.urandom(4)
    length = len(payload)
    if length < 126:
        head = bytes((0x80 | opcode, 0x80 | length))
    elif length < 65536:
        head = bytes((0x80 | opcode, 0x80 | 126)) + length.to_bytes(2, "big")
    else:
        head = bytes((0x80 | opcode, 0x80 | 127)) + length.to_bytes(8, "big")
    key = (mask * (length // 4 + 1))[:length]
    masked = (int.from_bytes(payload, "big") ^ int.from_bytes(key, "big")).to_bytes(length, "big")
    return head + mask + masked


class Subscriber:
    """One subscriber's socket: opened (blocking) by `open`, then read by a Readers thread."""

    def __init__(self, tally: Tally) -> None:
        self.tally = tally
        self.count = 0  # `next` messages with a cursor
        self.last = 0  # the newest event id received
        self.id_sum = 0  # with count: the same events on every subscriber
        self.out_of_order = 0  # an id at or below the previous one (a repeat or a reorder)
        self.problems: list[str] = []
        self.close_code: int | None = None
        self.sock: socket.socket | None = None
        self._buffer = bytearray(BUFFER)
        self._view = memoryview(self._buffer)
        self._filled = 0
        self._open = False
        self._acked = False
        self._key = b""

    def open(self, host: str, port: int, token: str, account: str, query: str) -> None:
        """Connect, upgrade, connection_init (until its ack), subscribe; blocking."""
        self.sock = sock = socket.create_connection((host, port), timeout=60)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._key = base64.b64encode(os.urandom(16))
        sock.sendall(
            b"GET /graphql HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n"
            b"Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n"
            % (host.encode(), port, self._key)
        )
        self._read_until(lambda: self._open)
        self.send({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
        self._read_until(lambda: self._acked)
        self.send({"id": OP_ID, "type": "subscribe",
                   "payload": {"query": query, "variables": {"id": account}}})  # fmt: skip
        sock.setblocking(False)

    def _read_until(self, done: Callable[[], bool]) -> None:
        while not done():
            if self.recv() == 0:
                raise ConnectionError(f"closed ({self.close_code}): {self.problems[-1:]}")

    def recv(self) -> int:
        """Read what the socket has into the buffer and handle every complete frame."""
        assert self.sock is not None
        if len(self._buffer) - self._filled < 4096:  # a frame bigger than the buffer: grow
            bigger = bytearray(2 * len(self._buffer))
            bigger[: self._filled] = self._buffer[: self._filled]
            self._buffer, self._view = bigger, memoryview(bigger)
        nbytes = self.sock.recv_into(self._view[self._filled :])
        if nbytes:
            self._received(nbytes)
        return nbytes

    def send(self, message: dict[str, Any]) -> None:
        assert self.sock is not None
        self.sock.sendall(client_frame(OPCODE_TEXT, orjson.dumps(message)))

    def close(self) -> None:
        if self.sock is not None:
            with contextlib.suppress(OSError):
                self.sock.send(client_frame(OPCODE_CLOSE, (1000).to_bytes(2, "big")))
            self.sock.close()

    def _received(self, nbytes: int) -> None:
        buf, end, pos = self._buffer, self._filled + nbytes, 0
        if not self._open:
            pos = self._handshake(end)
            if pos < 0:
                self._filled = end
                return
        now = 0.0
        while end - pos >= 2:
            first, length = buf[pos], buf[pos + 1]
            start = pos + 2
            if length == 126:
                if end - pos < 4:
                    break
                length, start = int.from_bytes(buf[pos + 2 : pos + 4], "big"), pos + 4
            elif length == 127:
                if end - pos < 10:
                    break
                length, start = int.from_bytes(buf[pos + 2 : pos + 10], "big"), pos + 10
            elif length > 127:
                self.problems.append("a masked frame from the server")
                length &= 0x7F
            stop = start + length
            if stop > end:
                break
            if first == 0x80 | OPCODE_TEXT:
                if not now:
                    now = time.time()
                self._text(buf, start, stop, now)
            else:
                self._control(first, bytes(buf[start:stop]))
            pos = stop
        remaining = end - pos
        if pos and remaining:
            buf[:remaining] = buf[pos:end]  # same length: the buffer is not resized
        self._filled = remaining

    # the messages

    def _text(self, buf: bytearray, start: int, stop: int, now: float) -> None:
        if not buf.startswith(NEXT, start):
            self._other(bytes(buf[start:stop]))
            return
        at = buf.find(CURSOR, start, stop) + len(CURSOR)
        at_end = buf.find(b'"', at, stop)
        changed = buf.find(CHANGED_AT, start, stop) + len(CHANGED_AT)
        changed_end = buf.find(b'"', changed, stop)
        if at < len(CURSOR) or changed < len(CHANGED_AT) or at_end < 0 or changed_end < 0:
            self.problems.append(bytes(buf[start:stop])[:300].decode(errors="replace"))
            return
        tally = self.tally
        event_id = tally.event_id(bytes(buf[at:at_end]))
        if event_id <= self.last:
            self.out_of_order += 1
        self.last = event_id
        self.count += 1
        self.id_sum += event_id
        tally.latencies.append(now - tally.stamp(bytes(buf[changed:changed_end])))

    def _other(self, payload: bytes) -> None:
        try:
            kind = orjson.loads(payload).get("type")
        except (orjson.JSONDecodeError, AttributeError):
            kind = None
        if kind == "connection_ack":
            self._acked = True
        elif kind == "ping":
            self.send({"type": "pong"})
        else:
            self.problems.append(payload[:300].decode(errors="replace"))

    def _control(self, first: int, payload: bytes) -> None:
        assert self.sock is not None
        opcode = first & 0x0F
        if opcode == OPCODE_PING:
            self.sock.sendall(client_frame(OPCODE_PONG, payload))
        elif opcode == OPCODE_CLOSE:
            self.close_code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else 1005
        elif opcode != OPCODE_PONG:
            self.problems.append(f"frame {first:#x} (fragmented or binary)")

    def _handshake(self, end: int) -> int:
        """Where the frames start once the 101 response is complete; -1 until then."""
        head_end = self._buffer.find(b"\r\n\r\n", 0, end)
        if head_end < 0:
            return -1
        head = bytes(self._buffer[:head_end]).decode("latin-1")
        accept = base64.b64encode(hashlib.sha1(self._key + GUID).digest()).decode()
        lines = head.split("\r\n")
        headers = {
            k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])
        }
        if not lines[0].startswith("HTTP/1.1 101") or headers.get("sec-websocket-accept") != accept:
            raise ConnectionError(f"handshake refused: {lines[0]}")
        self._open = True
        return head_end + 4


class Readers:
    """One thread that reads every subscriber's socket (epoll), beside the asyncio driver."""

    def __init__(self, subscribers: list[Subscriber]) -> None:
        self.poller = select.epoll()
        self.by_fd: dict[int, Subscriber] = {}
        for subscriber in subscribers:
            assert subscriber.sock is not None
            self.by_fd[subscriber.sock.fileno()] = subscriber
            self.poller.register(subscriber.sock.fileno(), select.EPOLLIN)
        self.stopping = False
        self.thread = threading.Thread(target=self._run, name="live-readers", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopping = True
        self.thread.join()
        self.poller.close()

    def _run(self) -> None:
        poll, by_fd = self.poller.poll, self.by_fd
        while not self.stopping:
            for fd, _ in poll(0.1):
                subscriber = by_fd[fd]
                try:
                    received = subscriber.recv()
                except BlockingIOError:
                    continue
                except OSError as error:
                    received = 0
                    subscriber.problems.append(f"socket error: {error}")
                if not received:  # closed by the server
                    self.poller.unregister(fd)
                    subscriber.problems.append(f"closed by the server ({subscriber.close_code})")


class Poster:
    """POSTs GraphQL requests to one server over keep-alive connections (bench/http1.py).

    The bench's driver: httpx's connection pool spent more CPU than the mutations' subscribers
    once requests queued up (its pool scans every connection for every request).
    """

    def __init__(self, host: str, port: int, token: str) -> None:
        self.client = LeanClient(
            f"http://{host}:{port}", {"Authorization": f"Bearer {token}"}, CONNECTIONS,
            idle_seconds=IDLE_SECONDS,
        )  # fmt: skip

    async def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """The answer's JSON; an HTTP status other than 200 raises."""
        response = await self.client.post("/graphql", json=body)
        if response.status_code != 200:
            text = response.content[:300].decode(errors="replace")
            raise RuntimeError(f"HTTP {response.status_code}: {text}")
        parsed: dict[str, Any] = orjson.loads(response.content)
        return parsed

    async def close(self) -> None:
        await self.client.aclose()
