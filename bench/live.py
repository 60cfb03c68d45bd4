"""Benchmark live updates: N servers on one PostgreSQL, many subscribers, paced mutations.

    .venv/bin/python -m bench.live [--pg-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres]
        [--servers 2] [--subscribers 1000] [--rate 50] [--seconds 30] [--read-seconds 10]

A scratch database is created (and dropped). Each server is `server.py serve` (one process).
Subscribers (accountChanged on one account, as a reviewer) are spread over the servers; a
driver commits `rate` mutations per second (createContact on that account, one event each)
through the servers in turn. Reported: whether every subscriber got every event, exactly once
and in order; delivery latency (receive time minus the event's changedAt; one machine, one
clock); server RSS with and without the idle subscribers; the picture's read throughput with
and without the subscribers connected; the CPU seconds of the servers and of this client, and
each per delivery (machine-independent, unlike the latency).

The subscribers are bench/live_client.py's lean protocol client: they share the two cores with
the servers, and a general websocket client spent more CPU per delivery than the servers.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import asyncio
import json
import os
import statistics
import time
import uuid
from typing import Any

import httpx
from sqlalchemy import text

from bench import clients
from bench.live_client import Poster, Readers, Subscriber, Tally
from bench.procs import Server, cpu_seconds, descendants, rss_bytes
from models import ApiToken, Role, User
from models.db import make_engine, make_sessionmaker
from models.user import hash_token, new_token
from server import migrate

SUBSCRIPTION = """subscription($id: ID!) { accountChanged(accountId: $id) {
  cursor kind nodeId changedAt } }"""
CONTACT = """mutation($i: CreateContactInput!) { createContact(input: $i) { contact { id }
  userErrors { message } } }"""
ACCOUNT = """mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { id } } }"""


async def admin_sql(pg_url: str, statement: str) -> None:
    engine = make_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def seed(url: str) -> str:
    """A reviewer with a token."""
    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine).begin() as session:
            user = User(email="rita@example.com", name="Rita Reviewer", role=Role.REVIEWER)
            session.add(user)
            await session.flush()
            token = new_token()
            session.add(ApiToken(user_id=user.id, token_hash=hash_token(token)))
            return token
    finally:
        await engine.dispose()


def tree_rss_mb(servers: list[Server]) -> float:
    return sum(rss_bytes(p) for s in servers for p in descendants(s.process.pid)) / 2**20


async def drive(
    servers: list[Server], token: str, account: str, rate: float, seconds: float
) -> int:
    """`rate` committed mutations per second, paced, through the servers in turn."""
    count = int(rate * seconds)
    posters = [Poster("127.0.0.1", port_of(server), token) for server in servers]

    async def one(n: int) -> None:
        contact = {"firstName": f"Live {n}", "lastName": "Bench", "accountIds": [account]}
        answer = await posters[n % len(posters)].post({"query": CONTACT,
                                                       "variables": {"i": contact}})  # fmt: skip
        assert "errors" not in answer and not answer["data"]["createContact"]["userErrors"], answer

    try:
        tasks = []
        start = time.monotonic()
        for n in range(count):
            await asyncio.sleep(max(0.0, start + n / rate - time.monotonic()))
            tasks.append(asyncio.create_task(one(n)))
        await asyncio.gather(*tasks)
    finally:
        for poster in posters:
            await poster.close()
    return count


async def lag_buckets(servers: list[Server]) -> dict[str, float]:
    """The servers' own delivery lag (commit to the event's execution, before the sockets):
    the share of executions within each bound of /metrics' histogram."""
    counts: dict[str, float] = {}
    async with httpx.AsyncClient() as http:
        for server in servers:
            for line in (await http.get(server.url + "/metrics")).text.splitlines():
                if line.startswith("plangraph_event_delivery_lag_seconds_bucket{"):
                    bound = line.split('le="', 1)[1].split('"', 1)[0]
                    counts[bound] = counts.get(bound, 0.0) + float(line.rsplit(" ", 1)[1])
    total = counts.get("+Inf") or 1.0
    return {bound: round(count / total, 3) for bound, count in counts.items() if bound != "+Inf"}


def postgres_pids() -> list[int]:
    """The PostgreSQL processes of this machine (none if it runs elsewhere)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def port_of(server: Server) -> int:
    return int(server.url.rsplit(":", 1)[1])


async def reads(servers: list[Server], token: str, account: str, seconds: float) -> float:
    """Picture requests per second (bench/queries/picture.graphql), 8 at a time."""
    headers = {"Authorization": f"Bearer {token}"}
    done = 0
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(headers=headers, timeout=30) as http:

        async def worker(n: int) -> None:
            nonlocal done
            while time.monotonic() < deadline:
                url = servers[n % len(servers)].url + "/graphql"
                response = await http.post(url, json={"query": clients.PICTURE,
                                                      "variables": {"id": account}})  # fmt: skip
                assert response.status_code == 200 and "errors" not in response.json()
                done += 1

        await asyncio.gather(*(worker(n) for n in range(8)))
    return done / seconds


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def bench(args: argparse.Namespace) -> dict[str, Any]:
    name = f"plangraph_live_bench_{uuid.uuid4().hex[:6]}"
    await admin_sql(args.pg_url, f'CREATE DATABASE "{name}"')
    url = args.pg_url.rsplit("/", 1)[0] + f"/{name}"
    servers: list[Server] = []
    # One bench user holds every subscription: lift the per-user bound for the servers.
    os.environ["PLANGRAPH_LIVE_MAX_SUBSCRIPTIONS_PER_USER"] = str(args.subscribers)
    try:
        await asyncio.to_thread(migrate, url)
        token = await seed(url)
        servers = [Server(url, args.port + n, 1) for n in range(args.servers)]
        for server in servers:
            await server.wait_ready()
        async with httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"}) as http:
            response = await http.post(servers[0].url + "/graphql", json={
                "query": ACCOUNT, "variables": {"i": {"name": "Live bench account"}}})  # fmt: skip
            account = response.json()["data"]["createAccount"]["account"]["id"]
        return await measure(args, servers, token, account)
    finally:
        for server in servers:
            server.stop()
        await admin_sql(args.pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def measure(args: argparse.Namespace, servers: list[Server], token: str,
                  account: str) -> dict[str, Any]:  # fmt: skip
    await reads(servers, token, account, 2)  # warm-up
    reads_without = await reads(servers, token, account, args.read_seconds)
    rss_before = tree_rss_mb(servers)
    tally = Tally()
    subscribers = [Subscriber(tally) for _ in range(args.subscribers)]
    for n, subscriber in enumerate(subscribers):
        port = port_of(servers[n % len(servers)])
        await asyncio.to_thread(subscriber.open, "127.0.0.1", port, token, account, SUBSCRIPTION)
    readers = Readers(subscribers)
    readers.start()
    await asyncio.sleep(2)
    rss_idle = tree_rss_mb(servers)
    reads_with = await reads(servers, token, account, args.read_seconds)
    cpu_before = {p: cpu_seconds(p) for s in servers for p in descendants(s.process.pid)}
    postgres_before = {p: cpu_seconds(p) for p in postgres_pids()}
    client_before = time.process_time()
    print(f"load: {args.rate:g} mutations/s for {args.seconds:g} s", file=sys.stderr, flush=True)
    sent = await drive(servers, token, account, args.rate, args.seconds)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(s.count < sent for s in subscribers):
        await asyncio.sleep(0.5)
    cpu = {p: round(cpu_seconds(p) - t, 1) for p, t in cpu_before.items()}
    client_cpu = round(time.process_time() - client_before, 1)
    # The backends that lived through the load (one that ended took its CPU time with it).
    postgres_cpu = sum(max(0.0, cpu_seconds(p) - t) for p, t in postgres_before.items())
    # Every subscriber: `sent` events, each id above the one before (none repeated, none out
    # of order), and the same events as every other subscriber (the sums of their ids agree).
    complete = sum(1 for s in subscribers if s.count == sent)
    ordered = all(s.out_of_order == 0 for s in subscribers)
    same = len({(s.count, s.id_sum) for s in subscribers}) == 1
    latencies = tally.latencies
    readers.stop()
    server_lag = await lag_buckets(servers)
    for subscriber in subscribers:
        subscriber.close()
    per_thousand = (rss_idle - rss_before) * 1000 / max(1, args.subscribers)
    return {
        "servers": args.servers,
        "subscribers": args.subscribers,
        "mutations": sent,
        "subscribers_with_every_event": complete,
        "each_once_in_order": ordered,
        "same_events_everywhere": same,
        "deliveries": len(latencies),
        "latency_p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "latency_p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "latency_max_ms": round(max(latencies, default=float("nan")) * 1000, 1),
        "rss_mb_without_subscribers": round(rss_before, 1),
        "rss_mb_with_idle_subscribers": round(rss_idle, 1),
        "rss_mb_per_1000_idle_subscribers": round(per_thousand, 1),
        "picture_reads_per_s_without": round(reads_without, 1),
        "picture_reads_per_s_with_idle_subscribers": round(reads_with, 1),
        "cpu_seconds_servers_during_load": cpu,
        "cpu_seconds_bench_client": client_cpu,
        "cpu_seconds_postgres_if_local": round(postgres_cpu, 1),
        "cpu_us_per_delivery_servers": round(sum(cpu.values()) * 1e6 / max(1, len(latencies)), 1),
        "cpu_us_per_delivery_client": round(client_cpu * 1e6 / max(1, len(latencies)), 1),
        "server_lag_share_within_s": server_lag,
        "problems": sum(len(s.problems) for s in subscribers),
        "first_problem": next((s.problems[0] for s in subscribers if s.problems), None),
        "latency_mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg-url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--read-seconds", type=float, default=10)
    parser.add_argument("--port", type=int, default=8790)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(bench(args)), indent=2))


if __name__ == "__main__":
    main()
