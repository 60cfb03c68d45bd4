"""Two pictures' throughput on one server, in alternating slices: a ratio that the machine's
drift does not move.

    .venv/bin/python -m bench.alternate --database-url URL --token T [--workers 2]
        [--concurrency 8] [--pairs 12] [--slice 3] [--warmup 3] [--port 8765]
        [--pictures core,planning] [--json out.json]

Issue 10's target is the planning picture's throughput within 10% of the core picture's.
Measured as two bench.run processes taken in turns, the ratio moved from 0.73 to 0.95 between
pairs on a machine whose speed drifted by nearly 2x within an hour. Here one server (started
for the run, `--workers` processes) answers both documents: after a warm-up of each, the
pictures take turns in short closed-loop slices of `--slice` seconds at `--concurrency`, in
ABBA order (A B, then B A, ...) so that a drift within a pair favours neither. Slice i of both
pictures reads the same seeded accounts. The report gives each picture's requests/s over all
its slices, the ratio of the two, and each pair's ratio (median and range), so that the
spread is in view too; and each picture's CPU milliseconds per request under that load, of
the server's processes, of PostgreSQL's (on this host) and of this client, so that a gap in
throughput shows whose work it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import asyncio
import json
import statistics
import time
from typing import Any

from bench import clients
from bench.drive import Samples, account_picker, run_phase
from bench.procs import CpuPerRequest, Server
from bench.run import account_count


def slice_order(pairs: int, pictures: tuple[str, str]) -> list[tuple[int, str]]:
    """(pair, picture) in the order they run: A B, B A, A B, ... (ABBA), each pair once."""
    first, second = pictures
    order: list[tuple[int, str]] = []
    for pair in range(pairs):
        names = (first, second) if pair % 2 == 0 else (second, first)
        order += [(pair, name) for name in names]
    return order


def summary(slices: dict[tuple[int, str], Samples], pictures: tuple[str, str]) -> dict[str, Any]:
    """Per picture: requests/s over all its slices and errors; the ratio second/first of those
    rates, and of each pair's."""
    first, second = pictures
    out: dict[str, Any] = {}
    for name in pictures:
        mine = [s for (_, picture), s in slices.items() if picture == name]
        seconds = sum(s.seconds for s in mine)
        requests = sum(len(s.latencies) for s in mine)
        out[name] = {"requests": requests, "seconds": round(seconds, 2),
                     "requests_per_s": round(requests / seconds, 2) if seconds else 0.0,
                     "errors": sum(s.errors for s in mine)}  # fmt: skip
    rates = {key: len(s.latencies) / s.seconds for key, s in slices.items() if s.seconds}
    pair_ratios = [
        rates[(pair, second)] / rates[(pair, first)]
        for pair in sorted({pair for pair, _ in slices})
        if rates.get((pair, first)) and (pair, second) in rates
    ]
    overall = out[first]["requests_per_s"]
    out["ratio"] = round(out[second]["requests_per_s"] / overall, 3) if overall else None
    out["pair_ratios"] = [round(r, 3) for r in pair_ratios]
    if pair_ratios:
        out["pair_ratio_median"] = round(statistics.median(pair_ratios), 3)
    return out


async def alternate(args: argparse.Namespace) -> dict[str, Any]:
    first, second = args.pictures.split(",")
    pictures = (first, second)
    accounts = await account_count(args.database_url)
    server = Server(args.database_url, args.port, args.workers)
    slices: dict[tuple[int, str], Samples] = {}
    # CPU seconds per picture, summed over its slices: the server's processes, PostgreSQL's
    # (on this host) and this client's, so that a gap in throughput shows whose work it is.
    cpu = {name: {"server": 0.0, "postgres": 0.0, "client": 0.0} for name in pictures}
    try:
        await server.wait_ready()
        async with clients.http_client(server.url, args.token, args.concurrency) as client:
            calls = {name: clients.picture_call(client, clients.PICTURES[name])
                     for name in pictures}  # fmt: skip
            for name in pictures:  # both compiled and prepared on every connection first
                await run_phase(calls[name], account_picker(accounts, 999), args.concurrency,
                                args.warmup)  # fmt: skip
            meter = CpuPerRequest(server.process.pid)
            for pair, name in slice_order(args.pairs, pictures):
                meter.start()
                client_before = time.process_time()
                slices[(pair, name)] = await run_phase(
                    calls[name], account_picker(accounts, pair), args.concurrency, args.slice
                )
                spent = meter.report(1000)  # per 1000 requests in ms: seconds spent
                cpu[name]["client"] += time.process_time() - client_before
                cpu[name]["server"] += spent["server_ms"] or 0.0
                cpu[name]["postgres"] += spent["postgres_ms"] or 0.0
    finally:
        server.stop()
    config = {k: v for k, v in vars(args).items() if k not in ("token", "json")}
    report = {"config": config | {"accounts": accounts}} | summary(slices, pictures)
    for name in pictures:
        requests = report[name]["requests"] or 1
        report[name]["cpu_ms_per_request"] = {
            part: round(seconds * 1000 / requests, 2) for part, seconds in cpu[name].items()
        }
    return report


def lines(report: dict[str, Any]) -> list[str]:
    first, second = report["config"]["pictures"].split(",")
    config = report["config"]
    out = [f"{config['pairs']} pairs of {config['slice']} s slices, ABBA, one server with "
           f"{config['workers']} workers, concurrency {config['concurrency']}:"]  # fmt: skip
    for name in (first, second):
        r = report[name]
        out.append(f"  {name:9} {r['requests_per_s']} requests/s ({r['requests']} requests, "
                   f"{r['errors']} errors)")  # fmt: skip
        if "cpu_ms_per_request" in r:
            out.append("            CPU ms per request: " + ", ".join(
                f"{part} {ms}" for part, ms in r["cpu_ms_per_request"].items()))  # fmt: skip
    ratios = report["pair_ratios"]
    out.append(f"  {second} over {first}: {report['ratio']} overall; per pair median "
               f"{report.get('pair_ratio_median')}, range {min(ratios, default=None)} to "
               f"{max(ratios, default=None)}")  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.alternate", description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--token", required=True, help="an administrator's API token")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--pairs", type=int, default=12)
    parser.add_argument("--slice", type=float, default=3.0, help="seconds per slice")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds per picture")
    parser.add_argument("--pictures", default="core,planning",
                        help="two of bench.clients.PICTURES, the base first")  # fmt: skip
    parser.add_argument("--json", type=Path, help="write every number here")
    args = parser.parse_args(argv)
    names = args.pictures.split(",")
    if len(names) != 2 or not set(names) <= set(clients.PICTURES):
        parser.error(f"--pictures: two of {', '.join(sorted(clients.PICTURES))}")
    if args.pairs < 1 or args.slice <= 0 or args.concurrency < 1 or args.workers < 1:
        parser.error("--pairs, --concurrency and --workers must be >= 1, --slice > 0")
    report = asyncio.run(alternate(args))
    print("\n".join(lines(report)))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 1 if any(report[name]["errors"] for name in names) else 0


if __name__ == "__main__":
    sys.exit(main())
