"""The process's one LISTEN connection: NOTIFY wakes the broker; a lost connection is redialled.

After every (re)connection the broker is woken once, so the events committed while nobody was
listening are read from the table: a cut connection delays events, it never loses them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

from models.outbox import CHANNEL
from ops.tasks import cancel_and_wait
from resolvers.live.broker import Broker

log = logging.getLogger("plangraph.live")


def asyncpg_dsn(database_url: str) -> str:
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class Listener:
    def __init__(self, broker: Broker, database_url: str, check_seconds: float) -> None:
        self.broker = broker
        self.dsn = asyncpg_dsn(database_url)
        self.check_seconds = check_seconds
        self.listening = False
        self.connections_made = 0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="live-listen")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)

    async def _run(self) -> None:
        delay = 0.2
        while True:
            try:
                await self._listen()
                delay = 0.2
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.warning("LISTEN connection lost (%s); reconnecting", type(error).__name__)
            self.listening = False
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)

    async def _listen(self) -> None:
        connection: Any = await asyncpg.connect(self.dsn, timeout=5)
        lost = asyncio.Event()
        try:
            await connection.add_listener(CHANNEL, lambda *_: self.broker.poke())
            connection.add_termination_listener(lambda *_: lost.set())
            self.connections_made += 1
            self.listening = True
            self.broker.poke()  # catch up on what was committed while nobody listened
            while not lost.is_set():
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self.check_seconds):  # not wait_for (pyproject.toml)
                        await lost.wait()
                if not lost.is_set():  # a silent network: ask, with a bound on the answer
                    async with asyncio.timeout(self.check_seconds):
                        await connection.fetchval("SELECT 1")
            raise ConnectionError("LISTEN connection closed")
        finally:
            connection.terminate()
