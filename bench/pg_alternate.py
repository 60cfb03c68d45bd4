"""Two pictures' statements on PostgreSQL alone, in alternating slices: the database's share
of issue 10's ratio, without HTTP, Python or the load client.

    .venv/bin/python -m bench.pg_alternate --database-url URL --token T [--concurrency 8]
        [--pairs 10] [--slice 3] [--warmup 2] [--pictures core,planning] [--json out.json]

Each picture's statement, compiled as the server compiles it (bench.pgcost), is prepared on
`--concurrency` connections with the server's settings (generic plans, no JIT); the
pictures take turns in closed-loop slices in ABBA order as in bench.alternate, each slice
over random accounts from a seeded generator. The report gives each picture's executions/s
and PostgreSQL's CPU milliseconds per execution (the connections' backends, from /proc),
and the ratio. It leaves out the HTTP server's and the client's share, and unlike
bench.pg_instructions it sees what instructions do not: on the 2,000-account bench data
the planning picture's statement costs 5.4% more instructions than the core one's but 10 to
13% more PostgreSQL CPU, serially as with 8 connections. Noise: planning over core moved
from 0.889 to 0.92 between runs of 8 to 10 pairs (in one run the core statement against
itself under another name, a scratch variant: 1.005).
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import asyncio
import json
import random
import time
from typing import Any

from bench.alternate import slice_order
from bench.clients import PICTURES, asyncpg_dsn
from bench.pgcost import _cpu_seconds, plangraph_statement
from bench.run import account_count
from models.db import is_sqlite

SETTINGS = {"plan_cache_mode": "force_generic_plan", "jit": "off"}  # models/db.py's


async def _run_slice(
    statements: list[Any], parameters: Any, pids: list[int], accounts: int, seconds: float,
    seed: int,
) -> tuple[int, float, float]:  # fmt: skip
    """(executions, seconds, backend CPU seconds) of one closed-loop slice."""
    rng = random.Random(seed)
    until = time.perf_counter() + seconds
    done = [0]

    async def worker(statement: Any) -> None:
        while time.perf_counter() < until:
            await statement.fetchval(*parameters(rng.randint(1, accounts)))
            done[0] += 1

    cpu = sum(_cpu_seconds(pid) or 0.0 for pid in pids)
    started = time.perf_counter()
    await asyncio.gather(*(worker(statement) for statement in statements))
    elapsed = time.perf_counter() - started
    return done[0], elapsed, sum(_cpu_seconds(pid) or 0.0 for pid in pids) - cpu


async def pg_alternate(args: argparse.Namespace) -> dict[str, Any]:
    import asyncpg

    pictures = tuple(args.pictures.split(","))
    accounts = await account_count(args.database_url)
    compiled = {name: await plangraph_statement(args.database_url, args.token, name)
                for name in pictures}  # fmt: skip
    dsn = asyncpg_dsn(args.database_url)
    connections = [await asyncpg.connect(dsn, server_settings=SETTINGS)
                   for _ in range(args.concurrency)]  # fmt: skip
    totals: dict[str, list[float]] = {name: [0, 0.0, 0.0] for name in pictures}
    try:
        pids = [await c.fetchval("SELECT pg_backend_pid()") for c in connections]
        measured = all(_cpu_seconds(pid) is not None for pid in pids)  # on this host
        prepared = {name: [await c.prepare(sql) for c in connections]
                    for name, (sql, _) in compiled.items()}  # fmt: skip
        for name in pictures:  # every connection plans and caches each statement first
            await _run_slice(prepared[name], compiled[name][1], pids, accounts, args.warmup, 999)
        for pair, name in slice_order(args.pairs, (pictures[0], pictures[1])):
            runs, seconds, cpu = await _run_slice(
                prepared[name], compiled[name][1], pids, accounts, args.slice, pair
            )
            totals[name][0] += runs
            totals[name][1] += seconds
            totals[name][2] += cpu
    finally:
        for connection in connections:
            await connection.close()
    config = {k: v for k, v in vars(args).items() if k not in ("token", "json")}
    report: dict[str, Any] = {"config": config | {"accounts": accounts}}
    for name, (count, spent, busy) in totals.items():
        report[name] = {
            "executions": int(count),
            "executions_per_s": round(count / spent, 1) if spent else 0.0,
            "postgres_cpu_ms": round(busy * 1000 / count, 2) if count and measured else None,
            "cpu_measured": measured,
        }
    base = report[pictures[0]]["executions_per_s"]
    report["ratio"] = round(report[pictures[1]]["executions_per_s"] / base, 3) if base else None
    return report


def lines(report: dict[str, Any]) -> list[str]:
    first, second = report["config"]["pictures"].split(",")
    config = report["config"]
    out = [f"{config['pairs']} pairs of {config['slice']} s slices, ABBA, PostgreSQL alone, "
           f"{config['concurrency']} connections:"]  # fmt: skip
    for name in (first, second):
        r = report[name]
        cpu = f"{r['postgres_cpu_ms']} ms" if r["cpu_measured"] else "not on this host"
        out.append(f"  {name:9} {r['executions_per_s']} executions/s; PostgreSQL CPU per "
                   f"execution {cpu}")  # fmt: skip
    out.append(f"  {second} over {first}: {report['ratio']}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.pg_alternate", description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True, help="PostgreSQL with the bench data")
    parser.add_argument("--token", required=True, help="an administrator's API token")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--slice", type=float, default=3.0, help="seconds per slice")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds per picture")
    parser.add_argument("--pictures", default="core,planning",
                        help="two of bench.clients.PICTURES, the base first")  # fmt: skip
    parser.add_argument("--json", type=Path, help="write every number here")
    args = parser.parse_args(argv)
    names = args.pictures.split(",")
    if len(names) != 2 or not set(names) <= set(PICTURES):
        parser.error(f"--pictures: two of {', '.join(sorted(PICTURES))}")
    if is_sqlite(args.database_url):
        parser.error("--database-url: PostgreSQL only (this measures PostgreSQL's share)")
    if args.pairs < 1 or args.slice <= 0 or args.concurrency < 1:
        parser.error("--pairs and --concurrency must be >= 1, --slice > 0")
    report = asyncio.run(pg_alternate(args))
    print("\n".join(lines(report)))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
