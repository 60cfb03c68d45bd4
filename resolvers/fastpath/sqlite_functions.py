"""Formatting functions for the SQLite fast path: the general path's own code, called by SQLite.

SQLite has no base64 and no exact decimals, so the compiled statement calls these for ids,
amounts, targets and times; each is the function the general path serializes with.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from models.base import MONEY_SCALE
from models.money import quantize
from resolvers.ids import to_global_id
from resolvers.read.sources import money_of_parts

MICROS = Decimal(1_000_000)  # targets: exact millionths
MONEY_UNIT = Decimal(10**MONEY_SCALE)


def global_id(type_name: str, pk: int | None) -> str | None:
    return None if pk is None else to_global_id(type_name, int(pk))


def amount(milli: int | None, currency: str | None) -> str | None:
    """Money is kept in thousandths (models/base.py MONEY_SCALE)."""
    if milli is None or currency is None:
        return None
    return str(quantize(Decimal(int(milli)) / MONEY_UNIT, currency))


def amount_of_parts(high: int, low: int, currency: str) -> str:
    """The amount of a sum kept in two parts (resolvers/read/sources.py money_sum)."""
    return str(quantize(money_of_parts(high, low), currency))


def decimal(micros: int | None) -> str | None:
    return None if micros is None else str(Decimal(int(micros)) / MICROS)


def datetime(value: str | None) -> str | None:
    """SQLAlchemy keeps naive UTC text on SQLite; the API shows ISO 8601 with the offset."""
    if value is None:
        return None
    return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC).isoformat()


def ratio(done: str | None, goal: str | None) -> str | None:
    """models/progress.py progress as JSON text: float(done) / float(goal), null for 0."""
    if done is None or goal is None or Decimal(goal) == 0:
        return None
    return json.dumps(float(Decimal(done)) / float(Decimal(goal)))


FUNCTIONS = {
    "plangraph_global_id": (2, global_id),
    "plangraph_amount": (2, amount),
    "plangraph_amount_of_parts": (3, amount_of_parts),
    "plangraph_ratio": (2, ratio),
    "plangraph_decimal": (1, decimal),
    "plangraph_datetime": (1, datetime),
}


def install(engine: AsyncEngine) -> None:
    """Register the functions on every new SQLite connection of `engine` (others: nothing)."""
    if engine.dialect.name != "sqlite":
        return

    def register(dbapi_connection: Any, _record: Any) -> None:
        for name, (arity, function) in FUNCTIONS.items():
            dbapi_connection.create_function(name, arity, function, deterministic=True)

    if not event.contains(engine.sync_engine, "connect", register):
        event.listen(engine.sync_engine, "connect", register)
