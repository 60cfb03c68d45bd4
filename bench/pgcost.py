"""PostgreSQL's own cost of one picture: EXPLAIN (ANALYZE, BUFFERS) of plangraph's compiled
statement and of the floor's, over the same fixed sample of accounts, and the server
process's CPU time per picture when PostgreSQL runs on this host.

The app tier scales out; the database does not, so its time and buffers per picture say how
many users one database serves. Each target runs with the settings it is driven with: the
server's defaults for plangraph, JIT off for the floor (bench/run.py floor_phase). TIMING OFF:
per-node clocks would cost more than the nodes themselves, and more in the statement with
more nodes; the totals stay exact.
"""

from __future__ import annotations

import json
import os
import random
import statistics
from typing import Any

SAMPLE = 20  # accounts; the same ones for both targets and for every run (seeded)
CPU_ROUNDS = 5  # executions of each sampled account for the backend's CPU time
CLOCK = os.sysconf("SC_CLK_TCK")


def sample_accounts(accounts: int, size: int = SAMPLE) -> list[int]:
    return sorted(random.Random(12).sample(range(1, accounts + 1), min(size, accounts)))


async def plangraph_statement(
    database_url: str, token: str, picture: str = "planning"
) -> tuple[str, Any]:
    """The picture's compiled SQL, and a function from an account pk to its parameters."""
    from bench.clients import PICTURES
    from models.db import make_engine
    from resolvers.fastpath import coerced_variables
    from resolvers.ids import to_global_id
    from schema import build_schema
    from schema.auth import Authenticator
    from schema.fast import FastPath
    from settings import Settings

    settings = Settings(database_url=database_url)
    engine = make_engine(database_url)
    try:
        viewer = await Authenticator(engine, settings).viewer(f"Bearer {token}")
        fast = FastPath.for_engine(build_schema(settings), engine, settings)
        assert fast is not None, "the fast path is off"
        variables = {"id": to_global_id("Account", 1)}
        query = PICTURES[picture]
        assert await fast.check(query, variables, None), "the picture is refused"
        found = fast.compiled(query, variables, None, viewer)
        assert found is not None, f"the fast path does not answer: {dict(fast.fallbacks)}"
        compiled = found[0]
    finally:
        await engine.dispose()

    def parameters(pk: int) -> tuple[Any, ...]:
        raw = {"id": to_global_id("Account", pk)}
        values = coerced_variables(fast.schema, compiled.operation, raw)
        return compiled.positional(compiled.values(values, viewer))

    return compiled.sql, parameters


async def explained(connection: Any, sql: str, parameters: tuple[Any, ...]) -> dict[str, Any]:
    plan = await connection.fetchval(
        "EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) " + sql, *parameters
    )
    top: dict[str, Any] = (json.loads(plan) if isinstance(plan, str) else plan)[0]
    node = top["Plan"]
    return {
        "execution_ms": top["Execution Time"],
        "planning_ms": top.get("Planning Time", 0.0),
        "shared_hit": node.get("Shared Hit Blocks", 0),
        "shared_read": node.get("Shared Read Blocks", 0),
        "jit": "JIT" in top,
    }


async def costs(dsn: str, sql: str, parameters: Any, pks: list[int], **settings: str) -> Any:
    """Mean per picture over `pks`, after one unmeasured pass (a warm cache, as under load)."""
    import asyncpg

    connection = await asyncpg.connect(dsn, server_settings=settings)
    try:
        for pk in pks:
            await explained(connection, sql, parameters(pk))
        runs = [await explained(connection, sql, parameters(pk)) for pk in pks]
        cpu = await backend_cpu_ms(connection, sql, parameters, pks)
    finally:
        await connection.close()
    mean = {
        key: round(statistics.fmean(r[key] for r in runs), 2)
        for key in ("execution_ms", "planning_ms", "shared_hit", "shared_read")
    }
    mean["shared_buffers"] = round(mean["shared_hit"] + mean["shared_read"], 1)
    return mean | {"accounts": len(pks), "jit_used": sum(r["jit"] for r in runs), "cpu_ms": cpu}


async def backend_cpu_ms(connection: Any, sql: str, parameters: Any, pks: list[int]) -> Any:
    """The server process's CPU time per picture (user + system, from /proc), the statement
    prepared and run without EXPLAIN's instrumentation; None when PostgreSQL runs elsewhere.
    Unlike wall time it hardly moves when other processes compete for the cores."""
    pid = await connection.fetchval("SELECT pg_backend_pid()")
    statement = await connection.prepare(sql)
    before = _cpu_seconds(pid)
    if before is None:
        return None
    for _ in range(CPU_ROUNDS):
        for pk in pks:
            await statement.fetchval(*parameters(pk))
    after = _cpu_seconds(pid)
    return None if after is None else round((after - before) * 1000 / (CPU_ROUNDS * len(pks)), 2)


def _cpu_seconds(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / CLOCK


async def database_cost(
    database_url: str, token: str, accounts: int, picture: str = "planning"
) -> dict[str, Any]:
    """{"plangraph": ..., "floor": ...}: PostgreSQL's time and shared buffers per picture."""
    from bench.clients import asyncpg_dsn
    from bench.floor import SQLS

    pks = sample_accounts(accounts)
    dsn = asyncpg_dsn(database_url)
    sql, parameters = await plangraph_statement(database_url, token, picture)
    return {
        "plangraph": await costs(dsn, sql, parameters, pks),
        "floor": await costs(dsn, SQLS[picture], lambda pk: (pk,), pks, jit="off"),
    }


def lines(cost: dict[str, Any]) -> list[str]:
    out = [
        f"PostgreSQL per picture (EXPLAIN ANALYZE, BUFFERS, TIMING OFF; mean of {SAMPLE} accounts):"
    ]
    for target, c in cost.items():
        out.append(
            f"  {target:<10} execution {c['execution_ms']} ms, planning {c['planning_ms']} ms, "
            f"shared buffers {c['shared_buffers']} (hit {c['shared_hit']}, read "
            f"{c['shared_read']}), JIT in {c['jit_used']} of {c['accounts']}; backend CPU "
            f"{c['cpu_ms'] if c['cpu_ms'] is not None else '- (not on this host)'} ms"
        )
    return out
