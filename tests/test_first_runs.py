"""A statement new to a process is prepared and planned on one connection at a time
(resolvers/fastpath/run.py FirstRuns), on PostgreSQL with prepared statements kept."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from models.db import make_engine, read_only
from resolvers.fastpath.run import FirstRuns, _prepared_here

CONCURRENT = 8


@pytest.fixture
def pg_url(pg_database: str) -> str:
    return pg_database


def _new_statement(pause: float) -> str:
    """A statement no connection has prepared (its text is new), that runs `pause` seconds."""
    return f"SELECT $1::integer AS n, pg_sleep({pause}) /* {uuid.uuid4().hex} */"


class Watch:
    """The runs of one statement: how many ran where it was not prepared at once, at most."""

    def __init__(self, sql: str) -> None:
        self.sql, self.preparing, self.most_at_once, self.unprepared = sql, 0, 0, 0

    def work(self, n: int) -> Any:
        async def run(connection: AsyncConnection) -> int:
            new = _prepared_here(await connection.get_raw_connection(), self.sql) is False
            self.preparing += new
            self.unprepared += new
            self.most_at_once = max(self.most_at_once, self.preparing)
            try:
                result = await connection.exec_driver_sql(self.sql, (n,))
                return int(result.scalar_one())
            finally:
                self.preparing -= new

        return run


async def _burst(engine: AsyncEngine, first_runs: FirstRuns | None, watch: Watch) -> list[int]:
    async def one(n: int) -> int:
        if first_runs is None:
            async with engine.connect() as connection:
                answer: int = await watch.work(n)(connection)
                return answer
        return await first_runs.run(engine, watch.sql, watch.work(n))

    return await asyncio.gather(*(one(n) for n in range(CONCURRENT)))


async def _engine(url: str, **options: Any) -> AsyncEngine:
    """The server's read engine with its connections opened (as its warm-up opens them)."""
    engine = read_only(make_engine(url, pool_size=CONCURRENT, **options))
    connections = [await engine.connect() for _ in range(CONCURRENT)]
    for connection in connections:
        await connection.exec_driver_sql("SELECT 1")
        await connection.close()
    return engine


@pytest.mark.parametrize("one_at_a_time", [True, False])
async def test_a_new_statement_is_prepared_on_one_connection_at_a_time(
    pg_url: str, one_at_a_time: bool
) -> None:
    engine = await _engine(pg_url)
    first_runs = FirstRuns() if one_at_a_time else None
    watch = Watch(_new_statement(0.05))
    try:
        answers = await _burst(engine, first_runs, watch)
        again = Watch(watch.sql)  # the same statement once more: prepared where it runs
        await _burst(engine, first_runs, again)
    finally:
        await engine.dispose()

    assert answers == list(range(CONCURRENT))
    if one_at_a_time:
        assert first_runs is not None and first_runs.waits > 0
        assert watch.most_at_once == 1
        assert watch.unprepared < CONCURRENT  # the others ran where it was prepared
    else:  # without: every request prepares it on a connection of its own, all at once
        assert watch.most_at_once == CONCURRENT


async def test_a_request_waits_for_another_connection_s_preparing_at_most_its_bound(
    pg_url: str,
) -> None:
    """A run that takes longer than the bound (a statement that waits on a lock, say) holds
    the others back only that long: then each prepares the statement itself."""
    engine = await _engine(pg_url)
    first_runs = FirstRuns(wait_seconds=0.1)
    slow = Watch(_new_statement(0))
    sql = slow.sql
    try:

        async def stuck(connection: AsyncConnection) -> int:
            await connection.exec_driver_sql(sql, (0,))  # prepared here, then held
            await asyncio.sleep(2)
            return 0

        holder = asyncio.ensure_future(first_runs.run(engine, sql, stuck))
        await asyncio.sleep(0.2)  # the holder's connection has it; the pool's others do not
        started = asyncio.get_running_loop().time()
        fast = await asyncio.gather(*(first_runs.run(engine, sql, slow.work(n)) for n in (1, 2)))
        waited = asyncio.get_running_loop().time() - started
        holder.cancel()
        with pytest.raises(asyncio.CancelledError):
            await holder
    finally:
        await engine.dispose()
    assert fast == [1, 2]
    assert waited < 1.5 and first_runs.waits >= 1


async def test_a_failed_first_run_lets_the_waiting_requests_go_on(pg_url: str) -> None:
    engine = await _engine(pg_url)
    first_runs = FirstRuns()
    watch = Watch(_new_statement(0.05))
    failed = False

    async def failing(connection: AsyncConnection) -> int:
        nonlocal failed
        await connection.exec_driver_sql("SELECT pg_sleep(0.05)")
        failed = True
        raise RuntimeError("the first run fails")

    try:
        first = asyncio.ensure_future(first_runs.run(engine, watch.sql, failing))
        await asyncio.sleep(0.01)
        others = await asyncio.gather(
            *(first_runs.run(engine, watch.sql, watch.work(n)) for n in range(3))
        )
        with pytest.raises(RuntimeError):
            await first
    finally:
        await engine.dispose()
    assert failed and others == [0, 1, 2]
    assert not first_runs._preparing and not first_runs._ended  # nothing left held


async def test_behind_pgbouncer_nothing_waits(pg_url: str) -> None:
    """With no prepared statement kept (PgBouncer's transaction pooling), every run prepares
    its statement anyway: no request is held back for another."""
    engine = await _engine(pg_url, pgbouncer=True)
    first_runs = FirstRuns()
    watch = Watch(_new_statement(0.05))
    try:
        async with engine.connect() as connection:
            assert _prepared_here(await connection.get_raw_connection(), watch.sql) is None
        answers = await _burst(engine, first_runs, watch)
    finally:
        await engine.dispose()
    assert answers == list(range(CONCURRENT)) and first_runs.waits == 0


def test_the_server_s_pool_hands_out_the_connection_returned_last() -> None:
    """FirstRuns relies on it: a waiting request is handed the connection that a run of its
    statement has just returned."""
    engine = make_engine("postgresql+asyncpg://postgres@127.0.0.1:5432/never-opened")
    assert engine.sync_engine.pool._pool.use_lifo  # type: ignore[attr-defined]
