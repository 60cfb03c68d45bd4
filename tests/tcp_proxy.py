"""A TCP proxy in front of PostgreSQL for fault tests: cut connections, refuse new ones, recover.

It runs on its own thread with its own event loop, so the test's event loop (and the app under
test, which talks to the database through it) is never blocked by the proxy and vice versa.

    proxy = TcpProxy("127.0.0.1", 5432).start()
    url = proxy.url_for("postgresql+asyncpg://postgres@127.0.0.1:5432/mydb")
    proxy.cut()       # every open connection is reset (as when the server restarts)
    proxy.down()      # cut, and refuse new connections (the server is down)
    proxy.up()        # accept again (the server is back)
    proxy.hold()      # stop forwarding (the server hangs: requests stay in flight)
    proxy.release()   # forward again
    proxy.stop()

It also reads what clients send (the frontend protocol, without TLS): `proxy.statements` lists
the text of every statement that reaches the server (a simple query or an Execute), in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import socket
import struct
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from sqlalchemy.engine import make_url

PORTS_PER_PROCESS = 3000  # below the kernel's ephemeral ports (32768 and up on Linux)


def free_port() -> int:
    """A port nobody listens on now, from this test process's own range: two pytest-xdist
    processes never pick the same port (the kernel's `bind(0)` could hand one process the
    port the other just tested and released, and servers on SO_REUSEPORT would then share
    it without an error)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    first = 20000 + PORTS_PER_PROCESS * (int(worker.removeprefix("gw") or 0) % 4)
    for port in random.sample(range(first, first + PORTS_PER_PROCESS), 50):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {first}-{first + PORTS_PER_PROCESS - 1}")


class TcpProxy:
    def __init__(self, target_host: str = "127.0.0.1", target_port: int = 5432) -> None:
        self.target_host = target_host
        self.target_port = target_port
        self.port = free_port()
        self.accepting = True
        self.connections_made = 0
        self._writers: set[asyncio.StreamWriter] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._flowing: asyncio.Event | None = None
        self.statements: list[str] = []  # appended by the proxy's thread

    # --- life cycle -------------------------------------------------------------------------

    def start(self) -> TcpProxy:
        ready: Future[None] = Future()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), daemon=True, name=f"tcp-proxy-{self.port}"
        )
        self._thread.start()
        ready.result(timeout=10)
        return self

    def stop(self) -> None:
        if self._loop is None:
            return
        self._call(self._close_all())
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._loop = None

    def url_for(self, database_url: str) -> str:
        """The same database URL, through the proxy."""
        url = make_url(database_url).set(host="127.0.0.1", port=self.port)
        return url.render_as_string(hide_password=False)

    # --- faults -----------------------------------------------------------------------------

    def cut(self) -> int:
        """Reset every open connection; returns how many there were."""
        return int(self._call(self._close_all()))

    def down(self) -> None:
        """The database is down: open connections are reset and new ones refused."""
        self.accepting = False
        self._call(self._stop_listening())
        self.cut()

    def up(self) -> None:
        """The database is back: new connections are accepted again."""
        self.accepting = True
        self._call(self._listen())

    def hold(self) -> None:
        """The server hangs: connections stay open, but nothing is forwarded either way."""
        self._call(self._set_flowing(False))

    def release(self) -> None:
        self._call(self._set_flowing(True))

    @property
    def open_connections(self) -> int:
        return len(self._writers)

    # --- inside the proxy's loop ------------------------------------------------------------

    def _run(self, ready: Future[None]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        self._flowing = asyncio.Event()
        self._flowing.set()
        try:
            loop.run_until_complete(self._listen())
        except BaseException as error:  # handed to the starting thread
            ready.set_exception(error)
            return
        ready.set_result(None)
        try:
            loop.run_forever()
        finally:
            with contextlib.suppress(Exception):
                loop.run_until_complete(self._stop_listening())
            loop.close()

    def _call(self, coroutine: Any) -> Any:
        assert self._loop is not None, "the proxy is not running"
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=10)

    async def _listen(self) -> None:
        if self._server is None:
            # Refused connections: nothing listens on the port, so a connect fails at once
            # (ECONNREFUSED), as when PostgreSQL is down.
            self._server = await asyncio.start_server(
                self._serve, "127.0.0.1", self.port, reuse_address=True
            )

    async def _set_flowing(self, flowing: bool) -> None:
        assert self._flowing is not None
        if flowing:
            self._flowing.set()
        else:
            self._flowing.clear()

    async def _stop_listening(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    async def _close_all(self) -> int:
        writers = list(self._writers)
        for writer in writers:
            _reset(writer)
        self._writers.clear()
        return len(writers)

    async def _serve(
        self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter
    ) -> None:
        if not self.accepting:
            _reset(client_writer)
            return
        try:
            server_reader, server_writer = await asyncio.open_connection(
                self.target_host, self.target_port
            )
        except OSError:
            _reset(client_writer)
            return
        self.connections_made += 1
        self._writers.update((client_writer, server_writer))
        frontend = Frontend(self.statements)
        await asyncio.gather(
            self._pipe(client_reader, server_writer, client_writer, frontend.feed),
            self._pipe(server_reader, client_writer, server_writer),
        )

    async def _pipe(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        other: asyncio.StreamWriter,
        watch: Callable[[bytes], None] | None = None,
    ) -> None:
        try:
            while data := await reader.read(65536):
                if watch is not None:
                    watch(data)
                assert self._flowing is not None
                await self._flowing.wait()
                if writer not in self._writers:
                    break
                writer.write(data)
                await writer.drain()
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            for side in (writer, other):
                self._writers.discard(side)
                _reset(side)


SSL_REQUEST, GSSENC_REQUEST = 80877103, 80877104


class Frontend:
    """The statements of one client connection, read off its byte stream to the server."""

    def __init__(self, statements: list[str]) -> None:
        self.statements = statements
        self.buffer: bytes | None = b""
        self.started = False  # after the startup message, every message has a type byte
        self.prepared: dict[bytes, str] = {}  # statement name -> text (Parse)
        self.bound = ""  # the text of the statement last bound to a portal (Bind)

    def feed(self, data: bytes) -> None:
        """Never fails the connection: a stream it cannot read (TLS) is no longer read."""
        if self.buffer is None:
            return
        self.buffer += data
        try:
            while message := self._next():
                self._read(*message)
        except (ValueError, struct.error):
            self.buffer = None

    def _next(self) -> tuple[bytes, bytes] | None:
        assert self.buffer is not None
        head = 4 if not self.started else 5
        if len(self.buffer) < head:
            return None
        kind = b"" if not self.started else self.buffer[:1]
        (length,) = struct.unpack("!i", self.buffer[head - 4 : head])
        end = head - 4 + length
        if len(self.buffer) < end:
            return None
        body, self.buffer = self.buffer[head:end], self.buffer[end:]
        if not self.started:
            code = struct.unpack("!i", body[:4])[0] if len(body) >= 4 else 0
            self.started = code not in (SSL_REQUEST, GSSENC_REQUEST)
            return b"startup", body
        return kind, body

    def _read(self, kind: bytes, body: bytes) -> None:
        if kind == b"Q":  # a simple query
            self.statements.append(body.rstrip(b"\0").decode(errors="replace"))
        elif kind == b"P":  # Parse: name, text, ...
            name, text, _ = body.split(b"\0", 2)
            self.prepared[name] = text.decode(errors="replace")
        elif kind == b"B":  # Bind: portal, statement, ...
            _, name, _ = body.split(b"\0", 2)
            self.bound = self.prepared.get(name, "")
        elif kind == b"E":  # Execute: the statement runs
            self.statements.append(self.bound)


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close abruptly (RST, not FIN), as a crashed or restarted server's socket does."""
    transport = writer.transport
    if transport.is_closing():
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()
