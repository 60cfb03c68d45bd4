"""Running a compiled query: its parameters, SQLite's deferred lists, exact conversions."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

import orjson
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from models import ExchangeRate
from models.base import MONEY_SCALE, ScaledDecimal
from models.money import MissingRateError, Rates, quantize, sum_in
from models.objective import ObjectiveMeasure
from models.progress import ProgressInputs, actual, progress
from resolvers.fastpath.compile import PROGRESS_MARK, ROLLUP_MARK, Compiled
from resolvers.read.sources import money_of_parts
from resolvers.rollups import missing_rate_error
from resolvers.visibility import Viewer

PROGRESS_INTO = "this objective's revenue target currency"  # schema/progress.py INTO
RATE_UNIT = cast(ScaledDecimal, ExchangeRate.__table__.c.rate.type).unit
# The longest a request waits for another connection to prepare its statement (FirstRuns).
FIRST_RUN_WAIT_SECONDS = 1.0
T = TypeVar("T")


async def run_compiled(
    engine: AsyncEngine,
    compiled: Compiled,
    variables: Mapping[str, Any],
    viewer: Viewer,
    first_runs: FirstRuns | None = None,
) -> bytes:
    """The response body: one statement (SQLite: one more per deferred list level).
    `first_runs`: the process's FirstRuns (PostgreSQL with prepared statements kept)."""
    values = compiled.values(variables, viewer)
    if first_runs is None:
        async with engine.connect() as connection:
            return await _answer(connection, compiled, values)
    return await first_runs.run(engine, compiled.sql, lambda c: _answer(c, compiled, values))


async def _answer(connection: AsyncConnection, compiled: Compiled, values: dict[str, Any]) -> bytes:
    result = await connection.exec_driver_sql(compiled.sql, compiled.positional(values))
    row: Any = result.one()
    document: str = row[0]
    data: Any = None
    if compiled.deferred:
        data = await _fill_deferred(connection, compiled, orjson.loads(document), values)
    if compiled.rollups and _has_placeholders(document, data):
        carried = row[1] if compiled.carries_rates else None
        rates = _carried_rates(carried) if carried is not None else await _rates(connection)
        data = orjson.loads(document) if data is None else data
        return _converted(data, rates)
    if data is None:
        return document.encode()
    return orjson.dumps(data)


class FirstRuns:
    """A statement is prepared and planned on one connection at a time in this process.

    A statement new to a process was prepared and planned on every connection its first
    burst reached at once: on a fresh server, 8 connections at once for the planning picture
    (parse and plan: about 13 ms of PostgreSQL CPU each, against 7 ms for a run once
    planned), all of it before the first answers. Now a request handed a connection where
    the statement is not prepared, while another connection is preparing it, returns that
    connection to the pool and waits for the next run of the statement to end; the pool
    being LIFO (models/db.py), the connection that run returned is the next one handed out.
    A request handed a connection where it is not prepared, when no other is preparing it,
    prepares it there only if the requests waiting for it (itself included) outnumber twice
    the runs of it now on connections that have it (a run once planned takes about half the
    time of a first one, so they would wait longer than preparing it costs). Requests handed
    a connection where it is prepared never wait, so once the connections a worker uses have
    it, nothing waits at all; and none waits more than `wait_seconds` in all (a run that
    holds its connection long: then it prepares the statement itself).

    Whether a connection has the statement is read from SQLAlchemy's asyncpg adapter (its
    prepared statement cache, keyed by the SQL text). Where there is none (PgBouncer, where
    every statement is prepared anew, or another driver), nothing waits."""

    def __init__(self, wait_seconds: float = FIRST_RUN_WAIT_SECONDS) -> None:
        self.wait_seconds = wait_seconds
        self._preparing: set[str] = set()  # statements a connection is preparing now
        self._ended: dict[str, asyncio.Event] = {}  # set when a run of the statement ends
        self._busy: Counter[str] = Counter()  # runs on connections that have it, now
        self._waiting: Counter[str] = Counter()  # requests waiting for a run to end, now
        self.waits = 0  # how many times a request waited (for the tests)

    async def run(
        self, engine: AsyncEngine, sql: str, work: Callable[[AsyncConnection], Awaitable[T]]
    ) -> T:
        patient_until: float | None = None  # the bound on this request's waits, in all
        while True:
            ran = False
            ended: asyncio.Event | None = None
            try:
                async with engine.connect() as connection:
                    prepared = _prepared_here(await connection.get_raw_connection(), sql)
                    waited_enough = patient_until is not None and _now() >= patient_until
                    busy, queued = self._busy[sql], self._waiting[sql] + 1
                    worth = sql not in self._preparing and (busy == 0 or queued > 2 * busy)
                    if prepared is not False or worth or waited_enough:
                        ran, preparing = True, prepared is False
                        if preparing:
                            self._preparing.add(sql)
                        else:
                            self._busy[sql] += 1
                        try:
                            return await work(connection)
                        finally:
                            if preparing:
                                self._preparing.discard(sql)
                            else:
                                _less(self._busy, sql)
                    # Registered before the connection goes back: a run that ends while it
                    # does still wakes this request.
                    ended = self._ended.setdefault(sql, asyncio.Event())
            finally:
                if ran:  # the connection is back in the pool: the waiting requests retry
                    event = self._ended.pop(sql, None)
                    if event is not None:
                        event.set()
            self.waits += 1
            if patient_until is None:
                patient_until = _now() + self.wait_seconds
            self._waiting[sql] += 1
            try:
                with contextlib.suppress(TimeoutError):  # then it prepares the statement itself
                    async with asyncio.timeout_at(patient_until):
                        await ended.wait()
            finally:
                _less(self._waiting, sql)


def _less(counter: Counter[str], key: str) -> None:
    """One fewer, and no key left at 0 (the counters hold only statements under way)."""
    counter[key] -= 1
    if counter[key] <= 0:
        del counter[key]


def _now() -> float:
    return asyncio.get_running_loop().time()


def _prepared_here(raw: Any, sql: str) -> bool | None:
    """Whether `sql` is prepared on the pooled connection `raw`; None: unknown."""
    cache = getattr(getattr(raw, "dbapi_connection", None), "_prepared_statement_cache", None)
    return None if cache is None else sql in cache


async def _fill_deferred(
    connection: AsyncConnection, compiled: Compiled, data: Any, values: dict[str, Any]
) -> Any:
    """Replace each {"$deferred": job, "$parent": id} by its list, level by level."""
    markers = list(_markers(data))
    while markers:
        wanted: dict[int, set[int]] = {}
        for _, _, job, parent in markers:
            wanted.setdefault(job, set()).add(parent)
        found: dict[tuple[int, int], Any] = {}
        for job, parents in wanted.items():
            statement = compiled.deferred[job]
            result = await connection.execute(statement, {**values, "parents": sorted(parents)})
            for parent, value in result:
                found[(job, parent)] = orjson.loads(value) if isinstance(value, str) else value
        for container, key, job, parent in markers:
            container[key] = found[(job, parent)]
        markers = [m for job, parent in found for m in _markers(found[(job, parent)])]
    return data


def _has_placeholders(document: str, data: Any) -> bool:
    """Whether a roll-up or progress placeholder needs the rates (in the deferred lists too);
    on PostgreSQL the statement makes the same test (compile.py _with_rates)."""
    if ROLLUP_MARK in document or PROGRESS_MARK in document:
        return True
    if data is None:
        return False
    text = orjson.dumps(data)
    return ROLLUP_MARK.encode() in text or PROGRESS_MARK.encode() in text


def _carried_rates(carried: Any) -> Rates:
    """The rates the statement read beside the document: [base, quote, stored integer]."""
    rows = orjson.loads(carried) if isinstance(carried, str | bytes) else carried
    # As the column reads them (models/base.py ScaledDecimal).
    return Rates({(base, quote): Decimal(int(stored)) / RATE_UNIT for base, quote, stored in rows})


def _markers(node: Any) -> Any:
    """(container, key, job, parent) of every deferred-list marker below `node`."""
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in items:
        if isinstance(value, dict) and "$deferred" in value:
            yield node, key, int(value["$deferred"]), int(value["$parent"])
        elif isinstance(value, dict | list):
            yield from _markers(value)


async def _rates(connection: AsyncConnection) -> Rates:
    rows = (
        await connection.execute(select(ExchangeRate.base, ExchangeRate.quote, ExchangeRate.rate))
    ).all()
    return Rates({(r.base, r.quote): r.rate for r in rows})


def _converted(data: Any, rates: Rates) -> bytes:
    """Each roll-up placeholder replaced by the Money the general path computes; a missing
    rate nulls only that field, with the general path's error at its path."""
    found: list[tuple[Any, Any, Chain]] = []
    _find(data["data"], None, found)
    errors: list[dict[str, Any]] = []
    for container, key, chain in found:
        placeholder = container[key]
        path = _path(chain, key)
        if "$rollup" in placeholder:
            container[key] = _money(placeholder, rates, path, errors)
        else:
            container[key] = _progress(placeholder, rates, path, errors)
    body = ({"errors": errors} if errors else {}) | {"data": data["data"]}
    return orjson.dumps(body)


# A response path kept as (key, parent chain): built in O(1) per level, listed only when needed.
Chain = tuple[Any, Any] | None


def _find(node: Any, chain: Chain, found: list[tuple[Any, Any, Chain]]) -> None:
    """Every placeholder below `node`, in document order (the general path's error order)."""
    items = node.items() if type(node) is dict else enumerate(node)
    for key, value in items:
        kind = type(value)
        if kind is dict:
            if "$rollup" in value or "$progress" in value:
                found.append((node, key, chain))
            else:
                _find(value, (key, chain), found)
        elif kind is list:
            _find(value, (key, chain), found)


def _path(chain: Chain, key: Any) -> list[Any]:
    path = [key]
    while chain is not None:
        path.append(chain[0])
        chain = chain[1]
    return path[::-1]


def _money(
    placeholder: dict[str, Any], rates: Rates, path: list[Any], errors: list[dict[str, Any]]
) -> dict[str, Any] | None:
    currency = placeholder["$currency"]
    sums = _sums(placeholder["$rollup"])
    try:
        total = sum_in(currency, sums, rates) if sums else quantize(Decimal(0), currency)
    except MissingRateError as missing:
        errors.append(_error(missing_rate_error(missing), placeholder, path))
        return None
    values = {"amount": str(total), "currency": currency, "__typename": "Money"}
    return {key: values[name] for key, name in placeholder["$keys"]}


def _sums(parts: dict[str, list[int]] | None) -> dict[str, Decimal]:
    """Per currency, the amount of a split sum (resolvers/read/sources.py money_sum)."""
    return {code: money_of_parts(high, low) for code, (high, low) in (parts or {}).items()}


def _error(error: Any, placeholder: dict[str, Any], path: list[Any]) -> dict[str, Any]:
    """A field error as the general path reports it."""
    return {"message": error.message, "locations": placeholder["$locations"], "path": path,
            "extensions": error.extensions}  # fmt: skip


def _scaled(text: str | None, scale: int) -> Decimal | None:
    """As models/base.py ScaledDecimal reads the column (so both paths print it alike)."""
    return None if text is None else Decimal(int(text)) / Decimal(10**scale)


def _progress(
    placeholder: dict[str, Any], rates: Rates, path: list[Any], errors: list[dict[str, Any]]
) -> str | float | None:
    """models/progress.py applied to the inputs the statement gathered."""
    given = ProgressInputs(
        measure=ObjectiveMeasure(placeholder["$measure"]),
        target=_scaled(placeholder["$target"], 6),
        revenue_target=_scaled(placeholder["$revenue"], MONEY_SCALE),
        revenue_currency=placeholder["$currency"],
        manual=_scaled(placeholder["$manual"], 6),
        completed=int(placeholder["$completed"]),
        won=_sums(placeholder["$won"]),
    )  # fmt: skip
    try:
        done = actual(given, rates)
    except MissingRateError as missing:
        errors.append(_error(missing_rate_error(missing, PROGRESS_INTO), placeholder, path))
        return None
    if placeholder["$progress"] == "progress":
        return progress(given, done)
    return None if done is None else str(done)
