"""Bytes on the wire and server CPU per request: the picture plain or gzipped, POST or GET.

    .venv/bin/python -m bench.wire --database-url URL --token T [--requests 300]
        [--port 8767] [--json out.json]

Starts `server.py serve` (1 process), then runs each variant sequentially (one request at a
time, so the server's CPU time divided by the requests is the cost of one) over the same
seeded accounts: POST with the whole document, and a persisted GET (the hash and variables
in the URL, registered beforehand as a client's first miss would), each without and with
gzip; and the persisted GET revalidated with If-None-Match (304, no body). Bytes are as on
the wire: the request's target and body, the response body as sent (compressed or not).
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import asyncio
import hashlib
import json
import statistics
import time
from typing import Any

import httpx

from bench.clients import PICTURE
from bench.drive import account_picker
from bench.procs import Server, cpu_snapshot
from bench.run import account_count
from resolvers.ids import to_global_id

HASH = hashlib.sha256(PICTURE.encode()).hexdigest()
EXTENSIONS = json.dumps({"persistedQuery": {"version": 1, "sha256Hash": HASH}})
# name: (persisted GET?, Accept-Encoding, revalidate with the ETag?)
VARIANTS = {
    "POST, identity": (False, "identity", False),
    "POST, gzip": (False, "gzip", False),
    "persisted GET, identity": (True, "identity", False),
    "persisted GET, gzip": (True, "gzip", False),
    "persisted GET, If-None-Match (304)": (True, "gzip", True),
}


def _request(client: httpx.AsyncClient, pk: int, persisted: bool, encoding: str,
             etag: str | None) -> httpx.Request:  # fmt: skip
    variables = json.dumps({"id": to_global_id("Account", pk)})
    headers = {"Accept-Encoding": encoding} | ({"If-None-Match": etag} if etag else {})
    if persisted:
        params = {"extensions": EXTENSIONS, "variables": variables}
        return client.build_request("GET", "/graphql", params=params, headers=headers)
    body = {"query": PICTURE, "variables": json.loads(variables)}
    return client.build_request("POST", "/graphql", json=body, headers=headers)


async def _send(client: httpx.AsyncClient, request: httpx.Request) -> tuple[int, int, str]:
    """(status, response bytes as sent, ETag) of one request."""
    response = await client.send(request, stream=True)
    size = sum([len(chunk) async for chunk in response.aiter_raw()])
    await response.aclose()
    return response.status_code, size, response.headers.get("etag", "")


async def variant(client: httpx.AsyncClient, server: Server, pks: list[int],
                  persisted: bool, encoding: str, revalidate: bool) -> dict[str, Any]:  # fmt: skip
    """One variant over pks: wire bytes, server CPU and latency per request."""
    etags: dict[int, str] = {}
    for pk in sorted(set(pks)):  # warm-up, and the ETags a client would hold
        etags[pk] = (await _send(client, _request(client, pk, persisted, encoding, None)))[2]
    sent, received, latencies, statuses = 0, 0, [], set()
    before = sum(cpu_snapshot(server.process.pid).values())
    for pk in pks:
        request = _request(client, pk, persisted, encoding, etags[pk] if revalidate else None)
        started = time.perf_counter()
        status, size, _ = await _send(client, request)
        latencies.append(time.perf_counter() - started)
        sent += len(str(request.url.raw_path, "ascii")) + len(request.content)
        received += size
        statuses.add(status)
    cpu = sum(cpu_snapshot(server.process.pid).values()) - before
    return {
        "requests": len(pks), "statuses": sorted(statuses),
        "request_bytes": round(sent / len(pks)), "response_bytes": round(received / len(pks)),
        "server_cpu_ms": round(cpu / len(pks) * 1000, 2),
        "p50_ms": round(statistics.median(latencies) * 1000, 2),
    }  # fmt: skip


async def bench(args: argparse.Namespace) -> dict[str, Any]:
    accounts = await account_count(args.database_url)
    pick = account_picker(accounts, 7)
    pks = [pick() for _ in range(args.requests)]
    server = Server(args.database_url, args.port, 1)
    report: dict[str, Any] = {"accounts": accounts, "requests": args.requests, "variants": {}}
    try:
        await server.wait_ready()
        headers = {"Authorization": f"Bearer {args.token}"}
        async with httpx.AsyncClient(base_url=server.url, headers=headers, timeout=60) as client:
            register = {"query": PICTURE, "variables": {"id": to_global_id("Account", pks[0])},
                        "extensions": json.loads(EXTENSIONS)}  # fmt: skip
            (await client.post("/graphql", json=register)).raise_for_status()
            for name, (persisted, encoding, revalidate) in VARIANTS.items():
                report["variants"][name] = await variant(
                    client, server, pks, persisted, encoding, revalidate
                )
    finally:
        server.stop()
    return report


def table(report: dict[str, Any]) -> str:
    head = f"{'variant':36} {'HTTP':>9} {'req B':>7} {'resp B':>8} {'CPU ms':>7} {'p50 ms':>7}"
    lines = [head, "-" * len(head)]
    for name, v in report["variants"].items():
        status = ",".join(map(str, v["statuses"]))
        lines.append(f"{name:36} {status:>9} {v['request_bytes']:>7} {v['response_bytes']:>8} "
                     f"{v['server_cpu_ms']:>7} {v['p50_ms']:>7}")  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.wire", description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--token", required=True, help="an API token that sees the accounts")
    parser.add_argument("--requests", type=int, default=300, help="per variant")
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--json", type=Path, help="write every number here")
    args = parser.parse_args(argv)
    report = asyncio.run(bench(args))
    print(table(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    bad = {s for v in report["variants"].values() for s in v["statuses"]} - {200, 304}
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
