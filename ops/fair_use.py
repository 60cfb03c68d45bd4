"""Fair use: each client's budget of query cost, a leaky bucket as Shopify's.

A bucket holds at most `maximum` cost and refills at `restore_rate` per second. A request
that costs more than the bucket holds is refused (429) and spends nothing; otherwise its cost
is taken. A query dearer than the whole bucket costs the whole bucket (it then needs a full
one). On PostgreSQL the buckets live in the table cost_buckets, and each request refills and
spends in ONE statement (the row is locked for it), so every worker of every host sharing the
database sees one budget and two servers never spend the same refill twice. On SQLite (one
host) they live in the process.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from ops.revocations import BOOKKEEPING


@dataclass(frozen=True)
class Throttle:
    """The bucket after a request: what Shopify reports as `throttleStatus`."""

    requested: int
    allowed: bool
    available: float
    maximum: float
    restore_rate: float

    def retry_after(self) -> int:
        """Whole seconds until the bucket holds the request's cost again."""
        missing = min(self.requested, self.maximum) - self.available
        return max(1, math.ceil(missing / self.restore_rate))

    def extension(self) -> dict[str, object]:
        return {"requestedQueryCost": self.requested, "throttleStatus": {
            "maximumAvailable": self.maximum, "currentlyAvailable": math.floor(self.available),
            "restoreRate": self.restore_rate,
        }}  # fmt: skip


class MemoryBuckets:
    """The buckets of one process (the embedded SQLite default)."""

    KNOWN = 100_000

    def __init__(self, maximum: float, restore_rate: float,
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.maximum, self.restore_rate, self.clock = maximum, restore_rate, clock
        self._levels: dict[str, tuple[float, float]] = {}  # client -> (available, when)

    async def spend(self, client: str, cost: int) -> Throttle:
        now = self.clock()
        if len(self._levels) >= self.KNOWN:
            self._levels.clear()  # a forgotten bucket is a full one: nobody is refused by it
        available, since = self._levels.get(client, (self.maximum, now))
        available = min(self.maximum, available + max(0.0, now - since) * self.restore_rate)
        charge = min(cost, self.maximum)
        allowed = available >= charge
        if allowed:
            available -= charge
        self._levels[client] = (available, now)
        return Throttle(cost, allowed, available, self.maximum, self.restore_rate)


# The bucket refilled for the time since its last update (never negative: a transaction may
# have started before the one that updated it last). In an UPDATE's SET, `b` is the old row.
_REFILLED = (
    "LEAST(CAST(:maximum AS float8), b.available + CAST(:rate AS float8) * GREATEST(0, "
    "CAST(EXTRACT(EPOCH FROM (EXCLUDED.updated_at - b.updated_at)) AS float8)))"
)
# Refill and spend (if it fits) in one statement on the row, which PostgreSQL locks for it.
SPEND = text(f"""
INSERT INTO cost_buckets AS b (client, available, updated_at, allowed)
VALUES (:client, CAST(:maximum AS float8) - CAST(:charge AS float8),
        COALESCE(CAST(:at AS timestamptz), now()), true)
ON CONFLICT (client) DO UPDATE SET
    available = CASE WHEN {_REFILLED} >= CAST(:charge AS float8)
                     THEN {_REFILLED} - CAST(:charge AS float8) ELSE {_REFILLED} END,
    allowed = {_REFILLED} >= CAST(:charge AS float8),
    updated_at = GREATEST(b.updated_at, EXCLUDED.updated_at)
RETURNING b.available, b.allowed
""")


class SqlBuckets:
    """The buckets of every server on one PostgreSQL database."""

    def __init__(self, engine: AsyncEngine, maximum: float, restore_rate: float,
                 clock: Callable[[], dt.datetime | None] = lambda: None,
                 pgbouncer: bool = False) -> None:  # fmt: skip
        # One round trip in autocommit; behind PgBouncer a statement must be prepared and run
        # in one transaction (models/db.py), so there it takes BEGIN and COMMIT too.
        self.engine = (
            engine if pgbouncer else engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        self.maximum, self.restore_rate, self.clock = maximum, restore_rate, clock

    async def spend(self, client: str, cost: int) -> Throttle:
        charge = min(cost, self.maximum)
        params = {"client": client, "charge": charge, "maximum": self.maximum,
                  "rate": self.restore_rate, "at": self.clock()}  # fmt: skip
        async with self.engine.begin() as connection:
            row = (await connection.execute(SPEND, params, execution_options=BOOKKEEPING)).one()
        return Throttle(cost, row.allowed, row.available, self.maximum, self.restore_rate)


Buckets = MemoryBuckets | SqlBuckets


def buckets(engine: AsyncEngine, maximum: float, restore_rate: float,
            pgbouncer: bool = False) -> Buckets | None:  # fmt: skip
    """The buckets for this database; None when fair use is off (a zero setting)."""
    if maximum <= 0 or restore_rate <= 0:
        return None
    if engine.dialect.name == "postgresql":
        return SqlBuckets(engine, maximum, restore_rate, pgbouncer=pgbouncer)
    return MemoryBuckets(maximum, restore_rate)
