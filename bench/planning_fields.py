"""What the planning fields cost the picture: bench/queries/picture_core.graphql (the picture
without them) against bench/queries/picture.graphql (with objective progress, actualForAccount
and revenue per currency), on the fast path.

    .venv/bin/python -m bench.planning_fields --database-url URL [--requests 200]

Serial and in-process (no HTTP, no other load): per variant, the server's Python CPU per
request (process time over the requests, the database's time excluded) and PostgreSQL's
execution time and shared buffers per statement (EXPLAIN ANALYZE, BUFFERS) over the same
random accounts; and PostgreSQL's CPU time per statement (the backend's time on a CPU,
from /proc: the statement prepared as the server's driver does, the two documents taking
turns round by round), the figure closest to what PostgreSQL's share of a 2-core machine's
throughput pays.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
from pathlib import Path
from typing import Any

from models import Role
from models.db import make_engine
from resolvers.ids import to_global_id
from resolvers.visibility import Viewer
from schema import build_schema
from schema.fast import FastPath
from settings import Settings

QUERIES = Path(__file__).parent / "queries"
# The picture before the second round (no progress, no revenue per currency), and with it.
PICTURE = (QUERIES / "picture_core.graphql").read_text()
PLANNING = (QUERIES / "picture.graphql").read_text()
ADMIN = Viewer(1, Role.ADMIN, "Admin", "admin@bench.example")


async def _python_cpu(fast: FastPath, query: str, ids: list[str]) -> float:
    for pk in ids[:10]:  # warm: compile once
        assert await fast.answer(query, {"id": pk}, None, ADMIN) is not None
    start = time.process_time()
    for pk in ids:
        await fast.answer(query, {"id": pk}, None, ADMIN)
    return 1000 * (time.process_time() - start) / len(ids)


async def _database_cost(
    engine: Any, fast: FastPath, query: str, ids: list[str]
) -> tuple[float, float]:
    total_ms = buffers = 0.0
    async with engine.connect() as connection:
        for pk in ids:
            found = fast.compiled(query, {"id": pk}, None, ADMIN)
            assert found is not None
            compiled, values = found
            params = compiled.positional(compiled.values(values, ADMIN))
            result = await connection.exec_driver_sql(
                "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + compiled.sql, params
            )
            plan = result.scalar_one()
            plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]
            total_ms += plan["Execution Time"]
            buffers += plan["Plan"].get("Shared Hit Blocks", 0) + plan["Plan"].get(
                "Shared Read Blocks", 0
            )
    return total_ms / len(ids), buffers / len(ids)


def _on_cpu_seconds(pid: int) -> float | None:
    """The process's time on a CPU, in ns resolution (/proc/PID/schedstat); None elsewhere."""
    try:
        with open(f"/proc/{pid}/schedstat") as stat:
            return int(stat.read().split()[0]) / 1e9
    except OSError:
        return None


# (database URL, SQL, the parameters of each execution): one variant of backend_cpu
Variant = tuple[str, str, list[tuple[Any, ...]]]


async def backend_cpu(
    statements: dict[str, Variant], rounds: int
) -> dict[str, dict[str, float] | None]:
    """PostgreSQL's CPU per statement (ms), each statement prepared on its own connection
    (JIT off, as the server's) and run over its parameters, the variants taking turns round
    by round so that the machine's other load falls on all alike: the median and the least
    round; None for each when PostgreSQL's processes are not on this host."""
    import asyncpg

    from bench.clients import asyncpg_dsn

    opened, runs = [], {}
    try:
        for name, (url, sql, parameters) in statements.items():
            connection = await asyncpg.connect(asyncpg_dsn(url), server_settings={"jit": "off"})
            opened.append(connection)
            prepared = await connection.prepare(sql)
            pid = await connection.fetchval("SELECT pg_backend_pid()")
            for values in parameters[:8]:  # past the custom plans; the buffers warm
                await prepared.fetchval(*values)
            runs[name] = (prepared, pid)
        per_round: dict[str, list[float]] = {name: [] for name in statements}
        for _ in range(rounds):
            for name, (prepared, pid) in runs.items():
                parameters = statements[name][2]
                before = _on_cpu_seconds(pid)
                for values in parameters:
                    await prepared.fetchval(*values)
                after = _on_cpu_seconds(pid)
                if before is None or after is None:
                    return {name: None for name in statements}  # PostgreSQL is elsewhere
                per_round[name].append(1000 * (after - before) / len(parameters))
    finally:
        for connection in opened:
            await connection.close()
    return {
        name: {"median": round(statistics.median(times), 2), "least": round(min(times), 2)}
        for name, times in per_round.items()
    }


async def measure(url: str, requests: int, accounts: int, rounds: int = 15) -> dict[str, Any]:
    engine = make_engine(url)
    fast = FastPath.for_engine(build_schema(), engine, Settings(database_url=url))
    assert fast is not None
    rng = random.Random(1)
    ids = [to_global_id("Account", rng.randint(1, accounts)) for _ in range(requests)]
    out: dict[str, Any] = {}
    statements: dict[str, Variant] = {}
    try:
        for name, query in (("picture", PICTURE), ("picture + planning fields", PLANNING)):
            assert await fast.check(query, {"id": ids[0]}, None)
            cpu = await _python_cpu(fast, query, ids)
            pg_ms, buffers = await _database_cost(engine, fast, query, ids[:20])
            statements[name] = (url, *_statement(fast, query, ids[:20]))
            out[name] = {"python_cpu_ms": round(cpu, 2), "postgres_ms": round(pg_ms, 2),
                         "buffers": round(buffers)}  # fmt: skip
    finally:
        await engine.dispose()
    for name, cpu_ms in (await backend_cpu(statements, rounds)).items():
        out[name]["postgres_cpu_ms"] = cpu_ms
    return out


def _statement(
    fast: FastPath, query: str, ids: list[str], viewer: Viewer = ADMIN
) -> tuple[str, list[tuple[Any, ...]]]:
    """The compiled SQL of `query` for `viewer` and its parameters for each account of `ids`."""
    sql, parameters = "", []
    for pk in ids:
        found = fast.compiled(query, {"id": pk}, None, viewer)
        assert found is not None
        compiled, values = found
        sql = compiled.sql
        parameters.append(compiled.positional(compiled.values(values, viewer)))
    return sql, parameters


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.planning_fields", description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--accounts", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=15, help="of PostgreSQL's CPU time")
    args = parser.parse_args(argv)
    results = asyncio.run(measure(args.database_url, args.requests, args.accounts, args.rounds))
    for name, figures in results.items():
        print(f"{name:28} {figures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
