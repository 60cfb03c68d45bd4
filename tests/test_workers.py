"""The worker processes' sockets (workers.py)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from bench.procs import listening_sockets
from tests.tcp_proxy import free_port
from workers import worker_socket

ROOT = Path(__file__).resolve().parent.parent


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


def slow_first_worker_app() -> Starlette:
    """A worker's app (workers.serve's app factory, imported by name in each spawned
    worker) whose start-up takes 3 s in the first worker to start it and none in the others;
    with PLANGRAPH_TEST_LAST_FAILS set, the start-up of the worker process started last
    (the highest pid among the server's children) fails instead."""

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if os.environ.get("PLANGRAPH_TEST_LAST_FAILS"):
            parent = os.getppid()
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
            if os.getpid() == max(int(pid) for pid in children):
                raise RuntimeError("this worker does not start")
        else:
            with contextlib.suppress(FileExistsError):
                Path(os.environ["PLANGRAPH_TEST_FIRST"]).mkdir()  # only the first succeeds
                await asyncio.sleep(3)
        yield

    app = Starlette(routes=[Route("/", lambda _request: PlainTextResponse("ok"))],
                    lifespan=lifespan)  # fmt: skip
    app.state.settings = SimpleNamespace(drain_timeout_seconds=5, shutdown_delay_seconds=0)
    return app


def _two_workers(port: int, env: dict[str, str], **popen: Any) -> subprocess.Popen[bytes]:
    """workers.serve with 2 workers of slow_first_worker_app on `port`, in a process of its
    own (it handles SIGTERM as the server's command does)."""
    code = ("import sys; from tests.test_workers import slow_first_worker_app; "
            "from workers import serve; "
            "sys.exit(serve(slow_first_worker_app, '127.0.0.1', int(sys.argv[1]), 2))")  # fmt: skip
    return subprocess.Popen([sys.executable, "-c", code, str(port)], cwd=ROOT, env=env, **popen)


def test_the_workers_start_listening_together(tmp_path: Path) -> None:
    """The workers listen only once every one of them has started: the first client to get
    through finds them all listening (a worker that listened first would get every waiting
    connection, and keep them as long as they are kept alive)."""
    port = free_port()
    env = {**os.environ, "PLANGRAPH_TEST_FIRST": str(tmp_path / "first")}
    server = _two_workers(port, env)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, "the server exited"
            assert time.monotonic() < deadline, "no worker listened within 30 s"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            except ConnectionRefusedError:
                time.sleep(0.02)
        assert (tmp_path / "first").is_dir()  # the slow start-up did happen
        # Each worker listens as it leaves the barrier, the other a moment later (more on a
        # busy machine): within 1 s, where without the barrier it would be 3 s later.
        both = time.monotonic() + 1
        while listening_sockets(port) < 2 and time.monotonic() < both:
            time.sleep(0.01)
        assert listening_sockets(port) == 2
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(20) == 0


def test_a_worker_that_fails_to_start_ends_the_server_at_once(tmp_path: Path) -> None:
    """Whichever worker fails (here the start-up of the one started last raises), the others
    stop and the server exits with the failure's status, without waiting out the listening
    barrier (30 s). The parent used to wait for its workers in the order it started them: a
    failure of any but the first went unnoticed while the first served on alone."""
    port = free_port()
    env = {**os.environ, "PLANGRAPH_TEST_LAST_FAILS": "1"}
    started = time.monotonic()
    server = _two_workers(port, env, stderr=subprocess.DEVNULL)
    try:
        status = server.wait(20)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert status not in (0, None)
    assert time.monotonic() - started < 20
    assert listening_sockets(port) == 0
