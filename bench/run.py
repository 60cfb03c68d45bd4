"""Benchmark the planning picture against its floor: one SQL statement for the same document.

    .venv/bin/python -m bench.run --database-url URL --token T
        [--server-url http://127.0.0.1:8000 | --start-server --workers N]
        [--concurrency 8] [--duration 30] [--warmup 5] [--mix read|write|both] [--json out.json]
        [--no-naive] [--naive-port 8766]

Phases, each at the same concurrency for the same time, after a warm-up: plangraph reading
bench/queries/picture.graphql over random accounts; plangraph under the write mix (status
changes and new opportunities); the naive eager-loading baseline (bench/naive: strawberry
over SQLAlchemy ORM objects loaded with selectinload, 1 process) reading the same picture over
the same accounts, unless --no-naive; the floor (bench/floor.py) through an asyncpg pool of
`concurrency` connections. Then statements per request are counted in-process (see
bench.clients.count_statements). The main figures are plangraph's requests/s over the floor's
and over the naive baseline's.
The floor is PostgreSQL-only; on SQLite it is left out and the report says so.
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
from typing import Any

from sqlalchemy import text

from bench import clients
from bench.drive import Call, account_picker, run_phase, summarize
from bench.fresh import OWN_STEADY_SECONDS, first_requests
from bench.pgbouncer import PgBouncer
from bench.pgcost import database_cost
from bench.pgcost import lines as cost_lines
from bench.procs import (
    CpuPerRequest,
    MemorySampler,
    Server,
    cpu_shares,
    cpu_snapshot,
    naive_server,
)
from models.db import is_sqlite, make_engine

NAIVE_PICTURES = ("core",)  # the documents bench/naive answers (no planning fields)
COUNT_REQUESTS = 20  # requests per kind in the statement-counting phase
COLUMNS = (("server", 36), ("requests/s", 10), ("p50 ms", 8), ("p95 ms", 8), ("p99 ms", 8),
           ("errors", 6), ("bytes/resp", 10), ("SQL/req", 7), ("peak RSS MB", 11))  # fmt: skip


async def account_count(database_url: str) -> int:
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            count: int = (
                await connection.execute(text("SELECT count(*) FROM accounts"))
            ).scalar_one()
            return count
    finally:
        await engine.dispose()


async def measured(
    call: Call, args: argparse.Namespace, accounts: int, seed: int,
    cpu: CpuPerRequest | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Warm up (discarded), then the measured phase on a fresh seeded account sequence (with
    the processes' CPU per request over it, when `cpu` is given)."""
    if args.warmup > 0:
        await run_phase(call, account_picker(accounts, seed + 1000), args.concurrency, args.warmup)
    if cpu is not None:
        cpu.start()
    samples = await run_phase(call, account_picker(accounts, seed), args.concurrency, args.duration)
    out = summarize(samples)
    if cpu is not None:
        out["cpu_per_request"] = cpu.report(out["requests"])
    return out


async def plangraph_phases(
    args: argparse.Namespace, base_url: str, accounts: int, server: Server | None
) -> dict[str, Any]:
    """The read phase (with memory and per-worker CPU when the bench started the server),
    then the write mix."""
    out: dict[str, Any] = {}
    picture = clients.PICTURES[args.picture]
    async with clients.http_client(base_url, args.token, args.concurrency, args.gzip) as client:
        if args.mix in ("read", "both"):
            sampler = MemorySampler(server.process.pid) if server else None
            before = cpu_snapshot(server.process.pid) if server else {}
            if sampler and server:
                with sampler:
                    out["read"] = await measured(
                        clients.picture_call(client, picture), args, accounts, 1,
                        CpuPerRequest(server.process.pid),
                    )  # fmt: skip
                out["read"]["memory"] = sampler.report()
                workers = set(server.workers())
                shares = cpu_shares(before, cpu_snapshot(server.process.pid))
                out["read"]["cpu_share"] = shares
                out["read"]["worker_pids"] = sorted(workers)
            else:
                out["read"] = await measured(
                    clients.picture_call(client, picture), args, accounts, 1
                )
        if args.mix in ("write", "both"):
            statuses = await clients.plan_statuses(args.database_url)
            sampler = MemorySampler(server.process.pid) if server else None
            call = clients.write_call(client, statuses)
            if sampler:
                with sampler:
                    out["write"] = await measured(call, args, accounts, 2)
                out["write"]["memory"] = sampler.report()
            else:
                out["write"] = await measured(call, args, accounts, 2)
    return out


async def naive_phase(args: argparse.Namespace, accounts: int) -> dict[str, Any]:
    """The naive baseline's read phase: its own server process, same concurrency, duration,
    warm-up and account sequence as plangraph's read phase; peak RSS sampled the same way."""
    server = naive_server(args.database_url, args.naive_port)
    picture = clients.PICTURES[args.picture]
    try:
        await server.wait_ready()
        sampler = MemorySampler(server.process.pid)
        async with clients.http_client(
            server.url, args.token, args.concurrency, args.gzip
        ) as client:
            with sampler:
                result = await measured(clients.picture_call(client, picture), args, accounts, 1)
        result["memory"] = sampler.report()
    finally:
        server.stop()
    return result


async def floor_phase(args: argparse.Namespace, accounts: int) -> dict[str, Any]:
    """The floor at the same concurrency; JIT off, since JIT compile time (~130 ms here)
    dwarfs the statement itself and the floor is meant as the best the database can do."""
    import asyncpg

    pool = await asyncpg.create_pool(
        clients.asyncpg_dsn(args.database_url),
        min_size=args.concurrency,
        max_size=args.concurrency,
        server_settings={"jit": "off"},
        # Prepared once per connection, as plangraph's driver does: asyncpg caches only
        # statements up to 15 kB by default, and the planning picture's floor is longer.
        max_cacheable_statement_size=256 * 1024,
    )
    try:
        result = await measured(clients.floor_call(pool, args.picture), args, accounts, 1)
    finally:
        await pool.close()
    result["sql_per_request"] = 1
    return result


async def bench(args: argparse.Namespace) -> dict[str, Any]:
    accounts = await account_count(args.database_url)
    config = {
        k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items() if k != "token"
    }
    report: dict[str, Any] = {"config": config | {"accounts": accounts}}
    server = bouncer = None
    if args.start_server:
        server_url, env = args.database_url, {}
        if args.pgbouncer:  # the server through PgBouncer; everything else directly
            bouncer = PgBouncer(pool_size=args.pgbouncer_pool).start()
            server_url = bouncer.url_for(args.database_url)
            env = {"PLANGRAPH_PGBOUNCER": "true",
                   "PLANGRAPH_LISTEN_DATABASE_URL": args.database_url}  # fmt: skip
        server = Server(server_url, args.port, args.workers, env=env)
    query = clients.PICTURES[args.picture]
    first = server is not None and args.mix in ("read", "both")

    async def first_hundred(url: str) -> dict[str, Any]:
        """The first requests, then the same server's own steady p99 (OWN_STEADY_SECONDS at
        once after them): a ratio that the machine's drift between this server and the
        run's read phase does not move, one sample per server."""
        async with clients.http_client(url, args.token, args.concurrency, args.gzip) as client:
            call = clients.picture_call(client, query)
            first = await first_requests(call, accounts, args.concurrency)
            steady = summarize(await run_phase(call, account_picker(accounts, 5),
                                               args.concurrency, OWN_STEADY_SECONDS))  # fmt: skip
        first["own_steady_p99_ms"] = steady["p99_ms"]
        first["p99_over_own_steady_p99"] = round(first["p99_ms"] / steady["p99_ms"], 2)
        return first

    try:
        if first:  # a document no server has served (schema/served.py)
            await clients.forget_served(args.database_url, query)
        if server:
            await server.wait_ready()
        base_url = server.url if server else args.server_url
        if first:  # before anything else reaches the server
            report["first_requests"] = await first_hundred(base_url)
        report["plangraph"] = await plangraph_phases(args, base_url, accounts, server)
        if first and server:  # a fresh server again, now that a server has served it
            server.stop()
            server = Server(server.database_url, args.port, args.workers, env=server.env)
            await server.wait_ready()
            report["first_requests_known"] = await first_hundred(server.url)
            more = []
            for _ in range(args.fresh_servers - 1):  # the new document again, on new servers
                server.stop()
                await clients.forget_served(args.database_url, query)
                server = Server(server.database_url, args.port, args.workers, env=server.env)
                await server.wait_ready()
                more.append(await first_hundred(server.url))
            report["first_requests_more"] = more
    finally:
        if server:
            server.stop()
        if bouncer:
            bouncer.stop()
    if "read" in report["plangraph"]:
        steady = report["plangraph"]["read"]["p99_ms"]
        fresh = [report.get("first_requests"), report.get("first_requests_known"),
                 *report.get("first_requests_more", [])]  # fmt: skip
        for first in filter(None, fresh):
            first["p99_over_steady_p99"] = round(first["p99_ms"] / steady, 2)
    if args.naive and args.mix in ("read", "both") and args.picture in NAIVE_PICTURES:
        report["naive"] = {"read": await naive_phase(args, accounts)}
    elif args.naive and args.mix in ("read", "both"):
        report["naive_note"] = "naive not run: it answers only --picture core"
    if is_sqlite(args.database_url):
        report["floor"] = None
        report["floor_note"] = "floor not run: it is one PostgreSQL statement (PostgreSQL only)"
    elif not args.no_floor:
        report["floor"] = await floor_phase(args, accounts)
    if not is_sqlite(args.database_url):
        report["database_cost"] = await database_cost(
            args.database_url, args.token, accounts, args.picture
        )
    pks = [random.Random(7).randint(1, accounts) for _ in range(COUNT_REQUESTS)]
    statuses = await clients.plan_statuses(args.database_url) if args.mix != "read" else None
    counts = await clients.count_statements(
        args.database_url, args.token, pks, statuses, query=clients.PICTURES[args.picture]
    )
    for kind, per_request in counts.items():
        if kind in report["plangraph"]:
            report["plangraph"][kind]["sql_per_request"] = per_request
    if report.get("naive"):
        naive = await clients.count_statements(
            args.database_url, args.token, pks, None, True, clients.PICTURES[args.picture]
        )
        report["naive"]["read"]["sql_per_request"] = naive["read"]
    report["ratio"] = ratio(report)
    report["naive_ratio"] = ratio(report, "naive")
    return report


def ratio(report: dict[str, Any], other: str = "floor") -> dict[str, float] | None:
    """plangraph read over the floor (or the naive baseline's read): throughput (the main
    figure) and latencies."""
    read, floor = report["plangraph"].get("read"), report.get(other)
    if other == "naive" and floor:
        floor = floor.get("read")
    if not read or not floor or not floor["requests_per_s"]:
        return None
    keys = ("requests_per_s", "p50_ms", "p95_ms", "p99_ms", "bytes_per_response")
    return {k: round(read[k] / floor[k], 3) if floor[k] else float("nan") for k in keys}


def _row(values: list[Any]) -> str:
    cells = zip(values, COLUMNS, strict=True)
    return "  ".join(
        str(v).rjust(w) if i else str(v).ljust(w) for i, (v, (_, w)) in enumerate(cells)
    )


def _stats_row(name: str, stats: dict[str, Any]) -> str:
    memory = stats.get("memory", {}).get("peak_mb", "-")
    return _row(
        [
            name,
            stats["requests_per_s"],
            stats["p50_ms"],
            stats["p95_ms"],
            stats["p99_ms"],
            stats["errors"],
            stats["bytes_per_response"],
            stats.get("sql_per_request", "-"),
            memory,
        ]
    )


def fresh_servers_line(runs: list[dict[str, Any]]) -> str:
    """A new document's first requests on each fresh server (--fresh-servers): each p99 over
    the steady read p99 and over that server's own steady p99, and in how many runs each is
    within the target of 2x (unknown: not within)."""

    def listed(key: str) -> str:
        ratios = [run.get(key) for run in runs]
        within = sum(ratio is not None and ratio <= 2 for ratio in ratios)
        return f"{', '.join(str(r) for r in ratios)} (within 2x: {within} of {len(runs)})"

    return (f"a new document on {len(runs)} fresh servers, p99 of the first requests over the "
            f"steady read p99: {listed('p99_over_steady_p99')}; over the server's own steady "
            f"p99: {listed('p99_over_own_steady_p99')}")  # fmt: skip


def table(report: dict[str, Any]) -> str:
    """The human summary; every number is also in the JSON."""
    workers = report["config"]["workers"] if report["config"]["start_server"] else "?"
    lines = [_row([name for name, _ in COLUMNS]), _row(["-" * w for _, w in COLUMNS])]
    for kind in ("read", "write"):
        if kind in report["plangraph"]:
            label = f"plangraph ({workers} w) {'read' if kind == 'read' else 'write mix'}"
            lines.append(_stats_row(label, report["plangraph"][kind]))
    if report.get("naive"):
        lines.append(_stats_row("naive eager loading (1 process) read", report["naive"]["read"]))
    if report.get("floor"):
        lines.append(_stats_row("floor (1 SQL statement)", report["floor"]))
    for key, label in (
        ("naive_ratio", "ratio plangraph/naive"),
        ("ratio", "ratio plangraph/floor"),
    ):
        if report.get(key):
            r = report[key]
            lines.append(
                _row(
                    [
                        label,
                        r["requests_per_s"],
                        r["p50_ms"],
                        r["p95_ms"],
                        r["p99_ms"],
                        "",
                        r["bytes_per_response"],
                        "",
                        "",
                    ]
                )
            )
    for note in ("floor_note", "naive_note"):
        if report.get(note):
            lines.append(report[note])
    read = report["plangraph"].get("read", {})
    if "cpu_share" in read:
        lines.append(f"server memory (MB, read): {read['memory']}")
        lines.append(
            f"CPU share per server process (read phase): {read['cpu_share']}"
            f"  workers: {read['worker_pids']}"
        )
    if read.get("cpu_per_request"):
        cpu = read["cpu_per_request"]
        database = "-" if cpu["postgres_ms"] is None else f"{cpu['postgres_ms']} ms"
        lines.append(f"CPU per request (read phase): server processes {cpu['server_ms']} ms, "
                     f"PostgreSQL {database} (its processes on this host)")  # fmt: skip
    for name, which in (("first_requests", "a new document"),
                        ("first_requests_known", "a document served before")):  # fmt: skip
        if report.get(name):
            f = report[name]
            lines.append(
                f"first {f['requests']} requests on a fresh server, {which}: p50 {f['p50_ms']}"
                f" ms, p99 {f['p99_ms']} ms, max {f['max_ms']} ms, errors {f['errors']}; p99 "
                f"over the steady read p99: {f.get('p99_over_steady_p99', '-')}, over the "
                f"server's own: {f.get('p99_over_own_steady_p99', '-')}"
            )
    if report.get("first_requests") and report.get("first_requests_more"):
        lines.append(fresh_servers_line([report["first_requests"],
                                         *report["first_requests_more"]]))  # fmt: skip
    if report.get("database_cost"):
        lines.extend(cost_lines(report["database_cost"]))
    for kind, stats in report["plangraph"].items():
        if stats.get("first_error"):
            lines.append(f"first {kind} error: {stats['first_error']}")
    if (report.get("naive") or {}).get("read", {}).get("first_error"):
        lines.append(f"first naive read error: {report['naive']['read']['first_error']}")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--token", required=True, help="an administrator's API token")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--server-url", default="http://127.0.0.1:8000")
    where.add_argument("--start-server", action="store_true", help="start server.py on loopback")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--port", type=int, default=8765, help="with --start-server")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per phase")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds, not measured")
    parser.add_argument("--mix", choices=("read", "write", "both"), default="both")
    parser.add_argument("--no-floor", action="store_true", help="skip the floor phase")
    parser.add_argument("--gzip", action="store_true",
                        help="ask for gzip'd responses (the floor compresses nothing)")  # fmt: skip
    parser.add_argument(
        "--naive",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run the naive eager-loading baseline's read phase",
    )
    parser.add_argument("--naive-port", type=int, default=8766, help="the baseline's port")
    parser.add_argument(
        "--picture",
        choices=sorted(clients.PICTURES),
        default="planning",
        help="the document read: queries/picture.graphql (planning, the default) or "
        "queries/picture_core.graphql (core: without the planning fields); the floor builds "
        "the same one",
    )
    parser.add_argument(
        "--fresh-servers",
        type=int,
        default=1,
        help="with --start-server: measure a new document's first requests on this many fresh "
        "servers (the first is the run's own; each server takes a few seconds to start)",
    )
    parser.add_argument("--json", type=Path, help="write every number here")
    parser.add_argument("--pgbouncer", action="store_true",
                        help="with --start-server: the server reaches PostgreSQL through a "
                        "PgBouncer in transaction mode started for the run")  # fmt: skip
    parser.add_argument(
        "--pgbouncer-pool",
        type=int,
        default=10,
        help="PgBouncer's server connections (default_pool_size)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.concurrency < 1 or args.duration <= 0 or args.workers < 1 or args.fresh_servers < 1:
        _parser().error("--concurrency, --workers and --fresh-servers must be >= 1, "
                        "--duration > 0")  # fmt: skip
    report = asyncio.run(bench(args))
    print(table(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    errors = sum(s["errors"] for s in report["plangraph"].values())
    errors += sum(s["errors"] for s in (report.get("naive") or {}).values())
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
