"""One broker per process: reads new outbox events once and hands them to its subscribers.

It is woken by PostgreSQL NOTIFY (one LISTEN connection per process, resolvers/live/listen.py),
by this process's own commits (the writer sessions' `on_events`), and every few seconds
regardless. Whatever woke it, it reads the events after the last one it delivered: a lost or
doubled notification loses or doubles nothing. The invariant that makes this safe is that
event ids are handed out in commit order (models/outbox.py): once id N is visible, every id
below N that will ever be visible already is.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncEngine

from models.base import utcnow
from models.db import read_only
from models.outbox import prune
from ops.tasks import cancel_and_wait
from resolvers.live.events import BATCH, Event, events_after, newest_id

log = logging.getLogger("plangraph.live")
POLL_SECONDS = 5.0


class Feed(Protocol):
    """A subscriber's inbox: takes events without blocking (it bounds itself)."""

    def offer(self, event: Event) -> None: ...


class Broker:
    def __init__(self, engine: AsyncEngine, retention: dt.timedelta) -> None:
        self.engine = engine
        self.reader = read_only(engine)  # one statement a read: no BEGIN and ROLLBACK around
        self.retention = retention
        self.position = 0  # the newest event id handed to subscribers
        self._by_account: dict[int, set[Feed]] = defaultdict(set)
        self._everything: set[Feed] = set()
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self.listener: Callable[[], bool] | None = None  # whether NOTIFY is being heard

    async def start(self) -> None:
        async with self.engine.connect() as connection:
            self.position = await newest_id(connection)
        self._tasks.append(asyncio.create_task(self._read_loop(), name="live-broker"))
        self._tasks.append(asyncio.create_task(self._prune_loop(), name="live-prune"))

    async def stop(self) -> None:
        await cancel_and_wait(*self._tasks)
        self._tasks.clear()

    def poke(self) -> None:
        """New events may have been committed (thread-unsafe: call on the broker's loop)."""
        self._wake.set()

    def add(self, feed: Feed, account_id: int | None) -> None:
        """`account_id` None: every event (the feed filters for itself)."""
        (self._everything if account_id is None else self._by_account[account_id]).add(feed)

    def remove(self, feed: Feed, account_id: int | None) -> None:
        if account_id is None:
            self._everything.discard(feed)
            return
        feeds = self._by_account.get(account_id)
        if feeds is not None:
            feeds.discard(feed)
            if not feeds:
                del self._by_account[account_id]

    @property
    def subscriber_count(self) -> int:
        return len(self._everything) + sum(len(f) for f in self._by_account.values())

    async def _read_loop(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(POLL_SECONDS):  # not wait_for (pyproject.toml)
                    await self._wake.wait()
            self._wake.clear()
            try:
                await self.catch_up()
            except Exception:
                log.warning("reading new events failed; retrying", exc_info=True)
                await asyncio.sleep(1)
                self._wake.set()

    async def catch_up(self) -> None:
        """Hand every event after `position` to its subscribers, in order."""
        while True:
            async with self.reader.connect() as connection:
                batch = await events_after(connection, self.position)
            for event in batch:
                self._dispatch(event)
                self.position = event.id
            if len(batch) < BATCH:  # the last of them (a full batch: there may be more)
                return

    def _dispatch(self, event: Event) -> None:
        targets = set(self._everything)
        if event.account_id is None:  # a global objective: every account's subscribers
            for feeds in self._by_account.values():
                targets |= feeds
        else:
            targets |= self._by_account.get(event.account_id, set())
        for feed in targets:
            feed.offer(event)

    async def _prune_loop(self) -> None:
        interval = max(1.0, min(600.0, self.retention.total_seconds() / 10))
        while True:
            try:
                async with self.engine.begin() as connection:
                    await connection.run_sync(prune, utcnow() - self.retention)
            except Exception:
                log.warning("pruning old events failed", exc_info=True)
            await asyncio.sleep(interval)
