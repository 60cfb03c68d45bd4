"""What a new document's first requests wait for, for the bench's two pictures: the request's
parse of the document (schema/request_cost.py, which the check reuses), the fast path
checking it (strawberry's validation with the schema's extensions) and compiling it (building
the statement as SQLAlchemy expressions, rendering its SQL text), and with `--executions`,
PostgreSQL's first execution of the new statement on each connection.

    .venv/bin/python -m bench.compile_time [--database-url URL] [--rounds 10] [--executions]

A fresh server's first requests of a document wait for the check and the compile in each
worker (bench.run reports their p99). In-process CPU time (time.process_time) with the
garbage collector off, as the server compiles (schema/fast.py); the third best of `rounds`,
so that other load on the machine hardly moves it. The warm-up document is compiled first, as
each worker compiles it at start: the objective progress SQL it renders is the pictures' too
(resolvers/fastpath/rendered.py). Without `--executions` the database is
only read for its dialect: the default SQLite file need not exist.

`--executions` (PostgreSQL, with the bench data): on fresh connections set up as the
server's (models/db.py: generic plans, no JIT), each first warmed by the other picture's
statement as the server's warm-up warms them, the new statement's prepare (parse and
analysis), its first execution (its plan, then the run) and a run once planned (the median
of 10), in wall milliseconds, the median over 3 connections. On an idle machine; under a
fresh server's first burst they stretch with the load.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import asyncio
import contextlib
import gc
import statistics
import time
from typing import Any

from graphql import parse

from bench.clients import PICTURES
from bench.planning_fields import ADMIN, _statement
from models.db import is_sqlite, make_engine
from resolvers.fastpath.compile import built_statement, coerced_variables, operation_of
from resolvers.ids import to_global_id
from schema import build_schema
from schema.checks import checked_document
from schema.fast import WARM_UP, FastPath, collector_paused
from schema.registry import build_registry
from schema.request_cost import parsed_document
from settings import Settings

DEFAULT_URL = "sqlite+aiosqlite:///./plangraph.db"
CONNECTIONS = 3  # fresh connections per picture (--executions)
RUNS = 10  # executions once planned, per connection


def compile_times(database_url: str, rounds: int) -> dict[str, dict[str, Any]]:
    """Per picture: build and SQL-text milliseconds (third best of `rounds`) and its length."""
    settings = Settings(database_url=database_url)
    schema = build_schema(settings)
    registry = build_registry(schema._schema)
    dialect = make_engine(database_url).dialect
    variables = {"id": to_global_id("Account", 1)}
    out = {}
    # As each worker does at start (schema/fast.py warm_up): the warm-up document compiled,
    # which renders the objective progress SQL its pictures reuse (resolvers/fastpath/rendered.py).
    warm_up = WARM_UP.read_text()
    warm_document = parse(warm_up)
    warm_operation = operation_of(warm_document, None)
    built_statement(schema._schema, registry, warm_document, warm_operation,
                    coerced_variables(schema._schema, warm_operation, variables), ADMIN,
                    dialect)  # fmt: skip
    for name, query in PICTURES.items():
        document = asyncio.run(checked_document(schema, query, variables, None))
        assert document is not None, f"the {name} picture is refused"
        operation = operation_of(document, None)
        values = coerced_variables(schema._schema, operation, variables)
        builds, texts, parses, checks, length = [], [], [], [], 0
        for round_ in range(rounds):
            new = f"{query}\n# {round_}"  # a document not checked before (no parse cache)
            started = time.process_time()
            parsed = parsed_document(new, settings.max_tokens)  # the request's own parse
            checked = time.process_time()
            asyncio.run(checked_document(schema, new, variables, None, parsed))
            parses.append(1000 * (checked - started))
            checks.append(1000 * (time.process_time() - checked))
            gc.collect()
            with collector_paused():  # as the server compiles
                started = time.process_time()
                statement, _ = built_statement(schema._schema, registry, document, operation,
                                               values, ADMIN, dialect)  # fmt: skip
                built = time.process_time()
                length = len(statement.compile(dialect=dialect).string)
                done = time.process_time()
            builds.append(1000 * (built - started))
            texts.append(1000 * (done - built))
        pick = min(2, rounds - 1)
        out[name] = {"parse_ms": round(sorted(parses)[pick], 1),
                     "check_ms": round(sorted(checks)[pick], 1),
                     "build_ms": round(sorted(builds)[pick], 1),
                     "sql_text_ms": round(sorted(texts)[pick], 1), "sql_chars": length}  # fmt: skip
    return out


Statement = tuple[str, tuple[Any, ...]]  # SQL and its parameters


async def statements(database_url: str, account: int = 1) -> dict[str, Statement]:
    """Per picture: the fast path's statement and its parameters for one account (as
    bench.statement_ab dumps them)."""
    engine = make_engine(database_url)
    fast = FastPath.for_engine(build_schema(), engine, Settings(database_url=database_url))
    assert fast is not None, "the fast path is off"
    ids = [to_global_id("Account", account)]
    out = {}
    try:
        for name, query in PICTURES.items():
            assert await fast.check(query, {"id": ids[0]}, None), f"the {name} picture is refused"
            sql, parameters = _statement(fast, query, ids)
            out[name] = (sql, parameters[0])
    finally:
        await engine.dispose()
    return out


async def first_executions(database_url: str) -> dict[str, dict[str, float]]:
    """Per picture: PostgreSQL's prepare, first execution and planned execution of the new
    statement (ms, the median over CONNECTIONS fresh connections warmed by the other)."""
    pictures = await statements(database_url)
    out = {}
    for name, (sql, parameters) in pictures.items():
        other_sql, other_parameters = next(v for k, v in pictures.items() if k != name)
        engine = make_engine(database_url)  # the server's connection settings
        figures: list[tuple[float, float, float]] = []
        try:
            async with contextlib.AsyncExitStack() as stack:
                connections = [await stack.enter_async_context(engine.connect())
                               for _ in range(CONNECTIONS)]  # fmt: skip
                for connection in connections:
                    raw = (await connection.get_raw_connection()).driver_connection
                    assert raw is not None
                    await connection.exec_driver_sql(other_sql, other_parameters)  # warm-up
                    started = time.perf_counter()
                    prepared = await raw.prepare(sql)
                    ready = time.perf_counter()
                    await prepared.fetchval(*parameters)
                    first = time.perf_counter()
                    runs = []
                    for _ in range(RUNS):
                        again = time.perf_counter()
                        await prepared.fetchval(*parameters)
                        runs.append(time.perf_counter() - again)
                    figures.append((ready - started, first - ready, statistics.median(runs)))
                    await connection.rollback()
        finally:
            await engine.dispose()
        prepare, first_run, planned = (statistics.median(f[i] for f in figures) for i in range(3))
        out[name] = {"prepare_ms": round(1000 * prepare, 1),
                     "first_execution_ms": round(1000 * first_run, 1),
                     "planned_execution_ms": round(1000 * planned, 1)}  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.compile_time", description=__doc__)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--executions", action="store_true",
                        help="also PostgreSQL's first execution of each new statement")  # fmt: skip
    args = parser.parse_args(argv)
    if args.executions and is_sqlite(args.database_url):
        parser.error("--executions needs the PostgreSQL bench database")
    for name, figures in compile_times(args.database_url, max(args.rounds, 1)).items():
        print(f"{name:9} parse {figures['parse_ms']} ms, check {figures['check_ms']} ms, "
              f"build {figures['build_ms']} ms, SQL text {figures['sql_text_ms']} ms, "
              f"{figures['sql_chars']:,} characters")  # fmt: skip
    if args.executions:
        for name, figures in asyncio.run(first_executions(args.database_url)).items():
            print(f"{name:9} on a connection: prepare {figures['prepare_ms']} ms, first "
                  f"execution {figures['first_execution_ms']} ms, once planned "
                  f"{figures['planned_execution_ms']} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
