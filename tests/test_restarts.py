"""Rolling restarts lose nothing: two real servers on one PostgreSQL under a load of queries
and mutations; one is stopped with SIGTERM and started again."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from models.db import make_engine
from tests.factories import seed_users
from tests.tcp_proxy import free_port

# One pytest-xdist process runs these (two servers and four clients):
# --dist loadgroup in pyproject.toml.
pytestmark = pytest.mark.xdist_group("many_connections")

ROOT = Path(__file__).resolve().parents[1]
QUERY = "{ accounts(first: 5) { totalCount nodes { name } } }"
CREATE = "mutation($n: String!) { createAccount(input: {name: $n}) { account { id } } }"


def _start(port: int, database_url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": database_url, "PLANGRAPH_DRAIN_TIMEOUT_SECONDS": "20",
           "PLANGRAPH_SHUTDOWN_DELAY_SECONDS": "1"}  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "server.py", "serve", "--port", str(port)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


async def _ready(port: int, server: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient() as client:
        while True:  # bounded by the test's own timeout below
            assert server.poll() is None, "the server exited while starting"
            try:
                response = await client.get(f"http://127.0.0.1:{port}/health/ready")
                if response.status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)


@dataclass
class Load:
    """Clients behind a load balancer: requests go in turn to the servers whose
    /health/ready answered 200 at the last check (every 0.1 s, far under the servers'
    shutdown delay of 1 s), a new connection each; a refused connection is retried on the
    other server (nothing was sent)."""

    ports: list[int]
    token: str
    ready: set[int] = field(default_factory=set)
    acknowledged: set[str] = field(default_factory=set)
    statuses: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    refused: int = 0
    by_port: dict[int, int] = field(default_factory=dict)  # responses from each server
    stop: bool = False

    async def client(self, number: int) -> None:
        limits = httpx.Limits(max_keepalive_connections=0)
        headers = {"Authorization": f"Bearer {self.token}"}
        async with httpx.AsyncClient(limits=limits, headers=headers, timeout=30) as client:
            sent = 0
            while not self.stop:
                sent += 1
                name = f"Load {number}-{sent}"
                body: dict[str, object] = (
                    {"query": CREATE, "variables": {"n": name}} if sent % 2 else {"query": QUERY}
                )
                await self.send(client, body, name, sent)

    async def check(self) -> None:
        """The balancer's health checks."""
        async with httpx.AsyncClient(timeout=5) as client:
            while not self.stop:
                for port in self.ports:
                    try:
                        response = await client.get(f"http://127.0.0.1:{port}/health/ready")
                        up = response.status_code == 200
                    except httpx.TransportError:
                        up = False
                    (self.ready.add if up else self.ready.discard)(port)
                await asyncio.sleep(0.1)

    async def send(self, client: httpx.AsyncClient, body: dict[str, object], name: str,
                   sent: int) -> None:  # fmt: skip
        ready = [p for p in self.ports if p in self.ready] or self.ports
        first = ready[sent % len(ready)]
        for port in (first, next(p for p in self.ports if p != first)):
            try:
                response = await client.post(f"http://127.0.0.1:{port}/graphql", json=body)
            except httpx.ConnectError:
                self.refused += 1  # nothing was sent: the other server gets it
                continue
            except httpx.TransportError as error:
                self.failures.append(f"{type(error).__name__} on port {port}: {error}")
                return
            self.record(response, name)
            self.by_port[port] = self.by_port.get(port, 0) + 1
            return
        self.failures.append("both servers refused the connection")

    def record(self, response: httpx.Response, name: str) -> None:
        self.statuses.append(response.status_code)
        if response.status_code >= 500 and not (
            response.status_code == 503 and "retry-after" in response.headers
        ):
            self.failures.append(f"{response.status_code}: {response.text[:200]}")
        elif response.status_code == 200:
            data = response.json().get("data") or {}
            if (data.get("createAccount") or {}).get("account"):
                self.acknowledged.add(name)

    async def until(self, count: int) -> None:
        while len(self.statuses) < count and not self.failures:
            await asyncio.sleep(0.05)


async def test_a_rolling_restart_loses_no_acknowledged_mutation(database_url: str) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("servers on several hosts share PostgreSQL")
    engine = make_engine(database_url)
    tokens = await seed_users(engine)
    ports = [free_port(), free_port()]
    servers = [_start(port, database_url) for port in ports]
    load = Load(ports, tokens["admin"])
    try:
        async with asyncio.timeout(240):
            await asyncio.gather(*[_ready(p, s) for p, s in zip(ports, servers, strict=True)])
            clients = [asyncio.create_task(load.check())]
            clients += [asyncio.create_task(load.client(n)) for n in range(4)]
            await load.until(40)
            servers[0].send_signal(signal.SIGTERM)  # requests are in flight on it
            exit_code = await asyncio.to_thread(servers[0].wait)
            during = len(load.statuses)
            before_restart = load.by_port.get(ports[0], 0)
            servers[0] = _start(ports[0], database_url)
            await _ready(ports[0], servers[0])
            await load.until(during + 60)
            while load.by_port.get(ports[0], 0) == before_restart and not load.failures:
                await asyncio.sleep(0.05)  # the balancer sends to the new server again
            load.stop = True
            await asyncio.gather(*clients)
        async with engine.connect() as connection:
            stored = {row[0] for row in await connection.execute(
                text("SELECT name FROM accounts WHERE name LIKE 'Load %'"))}  # fmt: skip
    finally:
        for server in servers:
            if server.poll() is None:
                server.terminate()
                try:
                    server.wait(timeout=60)
                except subprocess.TimeoutExpired:  # stopped, so that the suite goes on
                    server.kill()
                    server.wait()
        await engine.dispose()

    assert exit_code == 0
    assert load.failures == []
    assert set(load.statuses) <= {200, 503}
    assert len(load.acknowledged) > 20
    assert load.acknowledged <= stored  # every acknowledged mutation is in the database


async def test_shutdown_hooks_run_in_order_and_take_the_server_out_of_rotation(
    database_url: str,
) -> None:
    from ops.shutdown import run_shutdown_hooks
    from server import create_app
    from settings import Settings

    # A generous readiness bound: this test is about the hooks, on a machine that may be busy.
    app = create_app(Settings(database_url=database_url, ready_timeout_seconds=60))
    called: list[str] = []

    async def failing() -> None:
        called.append("failing")
        raise RuntimeError("a hook that fails")

    async def close_websockets() -> None:
        called.append("close_websockets")

    app.state.shutdown_hooks += [failing, close_websockets]
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            before = await client.get("/health/ready")
            await run_shutdown_hooks(app, timeout=5)
            after = await client.get("/health/ready")
            live = await client.get("/health/live")
    finally:
        await app.state.engine.dispose()

    assert before.status_code == 200
    assert called == ["failing", "close_websockets"]  # one failing hook stops no other
    assert after.status_code == 503 and after.headers["retry-after"] == "5"
    assert after.json() == {"status": "unavailable", "reason": "the server is shutting down"}
    assert live.status_code == 200
