"""Engines and sessions for SQLite (embedded default) and PostgreSQL (production)."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

log = logging.getLogger("plangraph")
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./plangraph.db"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(
    url: str,
    statement_timeout_ms: int | None = None,
    pgbouncer: bool = False,
    generic_plans: bool = True,
    **kwargs: Any,
) -> AsyncEngine:
    """An engine with foreign keys enforced and writers that wait instead of failing at once.

    On PostgreSQL, `statement_timeout_ms` bounds every statement on the server side.
    `pgbouncer`: safe behind PgBouncer's transaction pooling (see `_behind_pgbouncer`).
    `generic_plans`: each prepared statement planned once per connection (see below).
    """
    if is_sqlite(url):
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        # The driver's own transaction handling defers BEGIN; take control so that a write
        # transaction starts with BEGIN IMMEDIATE and concurrent writers queue on busy_timeout.
        event.listen(engine.sync_engine, "begin", _sqlite_begin)
        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 10)
    # The connection returned last is the next one handed out: a worker keeps to the
    # connections where its statements are prepared and planned (resolvers/fastpath/run.py
    # FirstRuns), and the others stay idle.
    kwargs.setdefault("pool_use_lifo", True)
    # No ping per checkout (a round trip per request): a dead connection is found by the
    # statement that uses it; SQLAlchemy then invalidates it and every older one in the
    # pool, and the fast path tries once more on a fresh connection (schema/fast.py).
    if pgbouncer:
        _behind_pgbouncer(kwargs.setdefault("connect_args", {}))
    else:  # PgBouncer refuses startup parameters (README: "PgBouncer" sets them there)
        connect_args = kwargs.setdefault("connect_args", {})
        # No JIT: it pays off only for long analytic scans. The fast path's one statement per
        # picture has a high estimated cost (hundreds of correlated subqueries) and runs in a
        # millisecond or two, but with JIT on, PostgreSQL compiled it to machine code for
        # every execution above jit_above_cost: measured 1.0 s of CPU per picture of an
        # account manager (948 functions), whose visibility filters raise the estimate.
        connect_args.setdefault("server_settings", {})["jit"] = "off"
        if generic_plans:
            # Each prepared statement planned once per connection, at its first execution
            # (for the documents clients used, that is the start-up's warm-up, schema/fast.py),
            # instead of PostgreSQL's default: a custom plan for each of the first five
            # executions on every connection, then the generic plan it keeps for the bench's
            # statements anyway. Planning the picture costs 3 to 7 ms of PostgreSQL CPU, and
            # on a fresh server those plans fell on its first requests. (Generic plans guess
            # at their parameters; PLANGRAPH_GENERIC_PLANS=false restores the default.)
            connect_args["server_settings"]["plan_cache_mode"] = "force_generic_plan"
        if statement_timeout_ms:
            connect_args["server_settings"]["statement_timeout"] = str(statement_timeout_ms)
            connect_args.setdefault("timeout", 5)  # seconds to connect: fail fast when down
            # The client's own bound on every command: a server that hangs (or a network
            # that drops packets) never answers, so statement_timeout alone cannot end the
            # wait. It is a backstop, a little longer than the server's bound.
            connect_args.setdefault("command_timeout", statement_timeout_ms / 1000 + 5)
    engine = create_async_engine(url, **kwargs)
    # Marked for read_only: behind PgBouncer a read keeps its transaction (see there).
    return engine.execution_options(plangraph_pgbouncer=True) if pgbouncer else engine


def make_bookkeeping_engine(engine: AsyncEngine, url: str, **options: Any) -> AsyncEngine:
    """The engine for the server's own bookkeeping writes (a token's last use, the served
    documents): on PostgreSQL a small pool of its own, disposed with `engine`; on SQLite
    `engine` itself (one file, one writer: a second pool would only queue on its lock).

    In the pool the requests read from, a bookkeeping write made during a burst, with every
    connection busy, opened one more, cold: the next request handed it prepared and planned
    its statement there first (parse and plan: 100 to 150 ms of a fresh server's first
    requests under load, read from PostgreSQL's log). `options` as for make_engine."""
    if engine.dialect.name != "postgresql":
        return engine
    options.setdefault("pool_size", 1)
    options.setdefault("max_overflow", 2)
    bookkeeping = make_engine(url, **options)

    def dispose(_engine: Any) -> None:  # within engine.dispose(): its greenlet can await
        bookkeeping.sync_engine.dispose()

    event.listen(engine.sync_engine, "engine_disposed", dispose)
    return bookkeeping


# Something run on each connection the warm-up opens (schema/fast.py, schema/auth.py).
Warmer = Callable[[AsyncConnection], Awaitable[None]]


async def warm_pool(
    engine: AsyncEngine, count: int, timeout: float = 2.0, warmers: Sequence[Warmer] = ()
) -> int:
    """Open `count` connections at once, run the `warmers` on each and return them to the
    pool (PostgreSQL only). The first requests of a fresh worker then find them ready
    instead of each paying the setup (TCP, authentication, a new server process, the
    driver's type codecs) and the server process's first reading of the catalog (each
    table's columns, indexes and statistics, each function) while it plans their
    statement. Best effort and bounded: a database that is down or slow at start-up is
    reported by /health/ready and by the requests, not here. Returns how many were opened."""
    if engine.dialect.name != "postgresql" or count <= 0:
        return 0

    async def warmed() -> None:
        async with engine.connect() as connection:
            for warm in warmers:
                await warm(connection)
            await connection.rollback()

    tasks = [asyncio.ensure_future(warmed()) for _ in range(count)]
    await asyncio.wait(tasks, timeout=timeout)
    opened = 0
    for task in tasks:
        if not task.done():
            task.cancel()
        elif task.exception() is None:
            opened += 1
        else:
            log.debug("warm-up: a connection failed", exc_info=task.exception())
    return opened


def _behind_pgbouncer(connect_args: dict[str, Any]) -> None:
    """In transaction pooling, consecutive transactions of one client connection may run on
    different server connections: no prepared statement may outlive its transaction. So no
    statement cache (asyncpg's and SQLAlchemy's), and every statement a name of its own, so
    that a name left on a server connection by another client never collides (SQLAlchemy's
    asyncpg dialect documentation, "Prepared Statement Name with PGBouncer")."""
    connect_args["statement_cache_size"] = 0
    connect_args["prepared_statement_cache_size"] = 0
    connect_args["prepared_statement_name_func"] = _unique_statement_name
    connect_args.setdefault("timeout", 5)


def _unique_statement_name() -> str:
    return f"__plangraph_{uuid.uuid4().hex}__"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # The objectives' totals climb the tree one trigger per level (models/objective_totals.py).
    cursor.execute("PRAGMA recursive_triggers=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    # No automatic indexes: in the fast path's correlated subqueries (an objective's progress
    # counts its completed activities through the partial index of migration 0011), SQLite
    # chose to build a temporary index over the whole table instead, for each statement:
    # the planning picture took 224 ms where the same without the planning fields took 23
    # (bench data, 200 accounts). The one read that relied on an automatic index, the
    # general path's rootOnly (a correlated NOT EXISTS over a CTE of links), now reads the
    # links once (resolvers/picture.py); the tests check the plans of both.
    cursor.execute("PRAGMA automatic_index=OFF")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    immediate = connection.get_execution_options().get("plangraph_writer", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def read_only(engine: AsyncEngine) -> AsyncEngine:
    """The engine for reads of one statement per connection: on PostgreSQL in autocommit, so
    no BEGIN and ROLLBACK travel around it (under READ COMMITTED each statement has its own
    snapshot anyway). SQLite keeps its transaction: its fast path reads in several statements
    that must see one snapshot. Behind PgBouncer the transaction stays too: asyncpg prepares and
    then executes, and only a transaction keeps both on one server connection."""
    if engine.dialect.name == "sqlite" or engine.get_execution_options().get("plangraph_pgbouncer"):
        return engine
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions for reads."""
    return async_sessionmaker(engine, expire_on_commit=False)


def make_writer_sessionmaker(
    engine: AsyncEngine, on_events: Callable[[], None] | None = None
) -> async_sessionmaker[AsyncSession]:
    """Sessions for mutations: on SQLite they take the write lock up front (BEGIN IMMEDIATE),
    so a read-then-write transaction cannot fail half-way on a lock upgrade. Their changes go
    to the outbox (models/outbox.py); `on_events` is called after a commit that wrote events."""
    from models.outbox import OutboxSession

    return async_sessionmaker(
        engine.execution_options(plangraph_writer=True), expire_on_commit=False,
        sync_session_class=OutboxSession, info={"on_events": on_events},
    )  # fmt: skip
