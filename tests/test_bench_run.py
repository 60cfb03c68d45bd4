"""The floor (bench/floor.py) builds the same document as plangraph for picture.graphql.

That equality is what makes "plangraph's throughput as a ratio of the floor's" a fair figure:
the one-statement floor must do all the work plangraph does, no less. PostgreSQL only.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import time
from typing import Any

import asyncpg
import pytest

from bench import clients
from bench.drive import run_phase, summarize
from bench.floor import floor_document
from bench.fresh import first_requests
from bench.generate import generate
from bench.pgcost import database_cost, sample_accounts
from bench.procs import CpuPerRequest, postgres_processes
from bench.run import fresh_servers_line
from bench.shape import MANAGER_EMAIL
from resolvers.ids import to_global_id
from server import create_app
from settings import Settings
from tests.factories import picture_answers


async def _floor(url: str, pks: list[int]) -> list[dict[str, Any]]:
    connection = await asyncpg.connect(clients.asyncpg_dsn(url))
    try:
        return [json.loads(await floor_document(connection, pk))["data"] for pk in pks]
    finally:
        await connection.close()


def test_floor_builds_the_same_document_as_plangraph(database_url: str) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("the floor is one PostgreSQL statement")
    generated = asyncio.run(generate(database_url, accounts=2, seed=1, progress=lambda _: None))
    pks = [1, 2, 3]  # 3 does not exist: both answer {"account": null}

    expected = asyncio.run(
        picture_answers(create_app(Settings(database_url=database_url)), generated.token, pks)
    )
    actual = asyncio.run(_floor(database_url, pks))

    assert expected[0]["account"]["businessPlans"]["totalCount"] == 6  # annual + 5 contact plans
    assert expected[2] == {"account": None}
    for pk, plangraph, floor in zip(pks, expected, actual, strict=True):
        assert floor == plangraph, f"account {pk}"


def test_run_phase_counts_requests_errors_and_bytes() -> None:
    called: list[int] = []

    async def call(pk: int) -> tuple[int, str | None]:
        called.append(pk)
        await asyncio.sleep(0.001)
        return 10, ("odd" if pk % 2 else None)

    pks = itertools.cycle([1, 2])
    samples = asyncio.run(run_phase(call, lambda: next(pks), 4, 0.2))
    stats = summarize(samples)

    assert len(called) >= 4  # each of the 4 workers starts a call at once
    assert stats["requests"] == len(called)
    assert stats["errors"] == sum(pk % 2 for pk in called)
    assert stats["bytes_per_response"] == 10
    assert stats["first_error"] == "odd"


def test_first_requests_are_exactly_the_first_count() -> None:
    called: list[int] = []

    async def call(pk: int) -> tuple[int, str | None]:
        called.append(pk)
        n = len(called)
        await asyncio.sleep(0.001)
        return 10, ("odd" if n == 3 else None)

    result = asyncio.run(first_requests(call, accounts=50, concurrency=8, count=100))

    assert len(called) == result["requests"] == 100
    assert result["errors"] == 1 and result["max_ms"] >= result["p99_ms"] >= result["p50_ms"]


def test_database_cost_explains_both_statements_over_the_same_accounts(database_url: str) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("EXPLAIN (ANALYZE, BUFFERS) is PostgreSQL's")
    generated = asyncio.run(generate(database_url, accounts=3, seed=1, progress=lambda _: None))

    cost = asyncio.run(database_cost(database_url, generated.token, accounts=3))

    assert sample_accounts(3) == [1, 2, 3]
    for target in ("plangraph", "floor"):
        assert cost[target]["accounts"] == 3
        assert cost[target]["execution_ms"] > 0
        assert cost[target]["shared_buffers"] > 0
        assert cost[target]["cpu_ms"] is None or cost[target]["cpu_ms"] >= 0


def test_cpu_per_request_counts_the_server_s_processes_and_postgres_s(database_url: str) -> None:
    """bench.run's CPU per request: the server's process tree (here this process) and, when
    PostgreSQL runs on this host, its processes (alive at the end, as the server's pooled
    connections are), over the measured phase only."""
    if database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL's processes")
    report = asyncio.run(_measured_cpu(database_url))
    server = report["server_ms"]
    assert server is not None and 15 <= server < 200  # 200 ms over 10 requests, and a little
    database = report["postgres_ms"]
    if postgres_processes():
        assert database is not None and database >= 5
    else:
        assert database is None


async def _measured_cpu(database_url: str) -> dict[str, float | None]:
    sum(range(2_000_000))  # before start(): not counted
    connection = await asyncpg.connect(clients.asyncpg_dsn(database_url))
    try:
        cpu = CpuPerRequest(os.getpid())
        cpu.start()
        deadline = time.process_time() + 0.2
        while time.process_time() < deadline:  # 200 ms of this process's CPU
            pass
        await connection.fetchval("SELECT count(*) FROM generate_series(1, 5000000)")
        return cpu.report(requests=10)
    finally:
        await connection.close()


def test_statement_ab_compares_the_statements_of_two_dumps(database_url: str) -> None:
    """bench/statement_ab.py: the dumped statements are the fast path's (they answer the
    picture), and `compare` gives each dump's CPU per statement and the planning fields'
    share, for both pictures (PostgreSQL on this host, as on CI)."""
    from bench.statement_ab import compare, dump

    if database_url.startswith("sqlite"):
        pytest.skip("prepared statements and PostgreSQL's processes")
    if not postgres_processes():
        pytest.skip("PostgreSQL does not run on this host")

    async def measured() -> tuple[dict[str, Any], dict[str, Any]]:
        await generate(database_url, accounts=2, seed=1, progress=lambda _: None)
        dumped = await dump(database_url, accounts=3)
        as_manager = await dump(database_url, accounts=3, email=MANAGER_EMAIL)
        connection = await asyncpg.connect(clients.asyncpg_dsn(database_url))
        try:
            answers = {}
            for label, statements in (("admin", dumped), ("manager", as_manager)):
                sql, parameters = (
                    statements["planning"]["sql"],
                    statements["planning"]["parameters"],
                )
                answers[label] = [
                    json.loads(await connection.fetchval(sql, *p)) for p in parameters
                ]
        finally:
            await connection.close()
        figures = await compare([("a", dumped, database_url), ("b", as_manager, database_url)], 2)
        return answers, figures

    answers, figures = asyncio.run(measured())
    assert answers["admin"][0]["data"]["account"]["businessPlans"]["totalCount"] == 6
    # manager01 owns account 1 of the two (bench/shape.py): each of the manager's pictures is
    # of that account, read through the visibility filters, and the same as the admin's.
    pictures = [answer["data"]["account"] for answer in answers["manager"]]
    assert [p["id"] for p in pictures] == [to_global_id("Account", 1)] * 3
    assert all(p["businessPlans"]["totalCount"] == 6 for p in pictures)
    assert set(figures) == {"a", "b"}
    for label in ("a", "b"):
        assert set(figures[label]["median_ms"]) == {"core", "planning"}
        assert all(v > 0 for v in figures[label]["least_ms"].values())
        median = figures[label]["median_ms"]
        share = median["planning"] - median["core"]  # of the rounded medians: within 0.01
        assert abs(figures[label]["planning_fields_ms"] - share) <= 0.011


def test_the_fresh_servers_line_counts_the_runs_within_the_target() -> None:
    """bench.run --fresh-servers: each run's ratios (over the run's steady p99 and over the
    server's own) in order, and how many are within 2x (an unknown ratio counts as not
    within)."""
    runs = [{"p99_over_steady_p99": 1.2, "p99_over_own_steady_p99": 1.9},
            {"p99_over_steady_p99": 2.31, "p99_over_own_steady_p99": 2.01},
            {"p99_over_steady_p99": 2.0, "p99_over_own_steady_p99": 1.5}, {}]  # fmt: skip
    line = fresh_servers_line(runs)
    assert "4 fresh servers" in line
    assert "steady read p99: 1.2, 2.31, 2.0, None (within 2x: 2 of 4)" in line
    assert "own steady p99: 1.9, 2.01, 1.5, None (within 2x: 2 of 4)" in line
