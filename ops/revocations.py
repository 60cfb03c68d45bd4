"""Revoked tokens stop working on every server within about a second.

Each server process caches valid API tokens (schema/auth.py) so that a request needs no
token look-up. Before trusting that cache, a process reads a cheap revocation marker,
count and max of api_tokens.revoked_at (indexed), at most once per `interval` seconds. When
the marker moved since the last read, some token was revoked (or removed) somewhere: the
whole cache is dropped and every token is looked up again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from models import ApiToken

Clock = Callable[[], float]
# Marks the statements a server sends for itself, not for the request's work (not counted as
# the request's SQL statements, in tests or in /metrics).
BOOKKEEPING = {"plangraph_bookkeeping": True}


class RevocationWatch:
    def __init__(self, engine: AsyncEngine, interval: float, clock: Clock = time.monotonic):
        self.engine = engine
        self.interval = interval
        self.clock = clock
        self.marker: tuple[Any, ...] | None = None
        self.checked_at = -float("inf")
        self.lock = asyncio.Lock()

    async def changed(self) -> bool:
        """Whether a token was revoked since the last check (reads at most once an interval).

        The first read only records the marker: a new cache holds nothing to drop.
        """
        if self.clock() - self.checked_at < self.interval:
            return False
        async with self.lock:
            if self.clock() - self.checked_at < self.interval:
                return False  # another request checked while this one waited
            marker = await self._read()
            self.checked_at = self.clock()
            moved = self.marker is not None and marker != self.marker
            self.marker = marker
            return moved

    async def _read(self) -> tuple[Any, ...]:
        query = select(func.count(ApiToken.revoked_at), func.max(ApiToken.revoked_at))
        async with self.engine.connect() as connection:
            result = await connection.execute(query, execution_options=BOOKKEEPING)
            return tuple(result.one())
