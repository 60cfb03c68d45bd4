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
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
from concurrent.futures import Future
from typing import Any

from sqlalchemy.engine import make_url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


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
        await asyncio.gather(
            self._pipe(client_reader, server_writer, client_writer),
            self._pipe(server_reader, client_writer, server_writer),
        )

    async def _pipe(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        other: asyncio.StreamWriter,
    ) -> None:
        try:
            while data := await reader.read(65536):
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
