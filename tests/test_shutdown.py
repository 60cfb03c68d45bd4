"""Shutdown: background loops stop when told to, even when woken in the same instant, and a
server exits whatever hangs.

On Python 3.11 `asyncio.wait_for` lost a cancellation that came in the same loop turn as the
awaited thing finished (the live broker, woken by a NOTIFY as the server stopped, ran on,
and the server never exited after SIGTERM). Each test here makes that turn happen on purpose.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import create_async_engine

import server
from resolvers.live import listen
from resolvers.live.broker import Broker
from resolvers.waves import Waves
from settings import Settings
from tests.tcp_proxy import free_port

ROOT = Path(__file__).resolve().parents[1]

HANG = 10.0  # seconds after which a task that has not ended is taken as one that never will


async def _ended(awaitable: Any) -> asyncio.Future[Any]:
    """The awaitable's future, once it has ended; the test fails if it hangs instead."""
    future: asyncio.Future[Any] = asyncio.ensure_future(awaitable)
    done, _ = await asyncio.wait({future}, timeout=HANG)
    if future not in done:
        future.cancel()
        pytest.fail("still running: a cancellation was lost")
    return future


async def _idle_broker() -> Broker:
    broker = Broker(create_async_engine("sqlite+aiosqlite://"), dt.timedelta(hours=1))
    read: list[int] = []

    async def catch_up() -> None:
        read.append(1)

    broker.catch_up = catch_up  # type: ignore[method-assign]
    broker._tasks.append(asyncio.create_task(broker._read_loop()))
    await asyncio.sleep(0.01)  # the loop waits to be woken
    return broker


async def test_the_live_broker_woken_as_it_is_cancelled_ends() -> None:
    broker = await _idle_broker()
    (loop,) = broker._tasks
    broker.poke()
    loop.cancel()  # once, in the same turn: nothing cancels it again

    assert (await _ended(loop)).cancelled()


async def test_stopping_the_live_broker_as_it_is_woken_returns() -> None:
    broker = await _idle_broker()
    (loop,) = broker._tasks

    async def woken_and_stopped() -> None:
        broker.poke()
        await broker.stop()  # its first cancel in the same turn as the poke

    await _ended(woken_and_stopped())
    assert loop.cancelled()


class _ListenConnection:
    """asyncpg's connection as the listener uses it."""

    def __init__(self) -> None:
        self.lost: Any = None
        self.terminated = False

    async def add_listener(self, channel: str, callback: Any) -> None:
        pass

    def add_termination_listener(self, callback: Any) -> None:
        self.lost = callback

    async def fetchval(self, query: str) -> int:
        return 1

    def terminate(self) -> None:
        self.terminated = True


async def test_the_listener_stopped_as_its_connection_is_lost_stops(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    connection = _ListenConnection()

    async def connect(dsn: str, timeout: float) -> _ListenConnection:
        return connection

    monkeypatch.setattr(asyncpg, "connect", connect)
    broker = Broker(create_async_engine("sqlite+aiosqlite://"), dt.timedelta(hours=1))
    listener = listen.Listener(broker, "postgresql://nobody@127.0.0.1/none", check_seconds=60)
    listener.start()
    while not listener.listening:
        await asyncio.sleep(0.01)
    assert listener._task is not None
    running = listener._task

    connection.lost(connection)
    running.cancel()  # once, in the same turn as the loss

    assert (await _ended(running)).cancelled()
    assert connection.terminated


async def test_a_request_cancelled_as_its_last_wave_ends_is_cancelled() -> None:
    """(wait_for kept this one only thanks to the extra loop turn of the shield around the
    wave; the close is now written like the others, and this pins its behaviour.)"""
    waves, finish = Waves(), asyncio.Event()

    async def wave() -> None:
        await finish.wait()

    waves._task = asyncio.create_task(wave())
    closing = asyncio.create_task(waves.close(timeout=30))  # the request's time limit
    await asyncio.sleep(0.01)  # close waits for the wave
    finish.set()
    closing.cancel()  # in the same turn as the wave ends

    assert (await _ended(closing)).cancelled()


async def test_a_shutdown_step_that_never_ends_does_not_keep_the_server(
    sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    """uvicorn awaits the lifespan's end with no limit: each of its steps is bounded."""
    path = tmp_path / "stop.db"
    shutil.copy(sqlite_template, path)
    app = server.create_app(Settings(database_url=f"sqlite+aiosqlite:///{path}"))
    monkeypatch.setattr(server, "STOP_SECONDS", 0.2)

    async def never() -> None:
        await asyncio.Event().wait()

    app.state.live.stop = never

    async def lifespan() -> None:
        async with app.router.lifespan_context(app):
            pass

    await _ended(lifespan())
    assert "shutdown: live updates did not stop within 0.2 s" in caplog.text
    await app.state.live.broker.stop()  # what the stand-in for live.stop left running


STUBBORN_SERVER = """
import asyncio, contextlib, sys
from starlette.applications import Starlette
from ops import shutdown
shutdown.EXIT_AFTER_SECONDS = 1.0

async def stubborn():
    while True:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            pass

@contextlib.asynccontextmanager
async def lifespan(app):
    app.state.stubborn = asyncio.create_task(stubborn())
    print("ready", flush=True)
    yield

shutdown.serve(Starlette(lifespan=lifespan), "127.0.0.1", int(sys.argv[1]), drain_timeout=1)
"""


def test_a_server_whose_task_ignores_cancellation_still_exits(tmp_path: Path) -> None:
    """After the app's shutdown, asyncio cancels the tasks left once and waits for them with
    no limit: ops/shutdown.py's watchdog ends a process that would hang there."""
    script = tmp_path / "stubborn.py"
    script.write_text(STUBBORN_SERVER)
    process = subprocess.Popen([sys.executable, str(script), str(free_port())], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(0.5)  # uvicorn listens once the lifespan has started
        process.send_signal(signal.SIGTERM)
        status = process.wait(timeout=HANG * 3)
    finally:
        process.kill()
        _, errors = process.communicate()
    assert status == 1
    assert "still running" in errors
