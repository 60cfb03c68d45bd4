"""Fair use: a per-token leaky bucket of query cost, shared by every server on PostgreSQL;
429 with Retry-After when spent; `extensions.cost` on every charged response."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from ops.fair_use import MemoryBuckets, SqlBuckets
from server import create_app
from settings import Settings
from tests.factories import seed_users

ACCOUNTS = "query Accounts { accounts(first: 3) { nodes { name } } }"  # costs 1 + 3 = 4
MAXIMUM, RATE = 10.0, 1.0
EPOCH = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


class Clock:
    """Seconds the test moves by hand: monotonic for SQLite, a timestamp for PostgreSQL."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> dt.datetime:
        return EPOCH + dt.timedelta(seconds=self.now)


class Server:
    def __init__(self, database_url: str, clock: Clock) -> None:
        settings = Settings(database_url=database_url, cost_bucket_max=MAXIMUM,
                            cost_bucket_restore_per_second=RATE, max_query_cost=100)  # fmt: skip
        self.app: Any = create_app(settings)
        endpoint = self.app.state.graphql
        endpoint.fair_use.buckets = (
            SqlBuckets(endpoint.engine, MAXIMUM, RATE, clock.wall)
            if database_url.startswith("postgresql")
            else MemoryBuckets(MAXIMUM, RATE, clock.monotonic)
        )
        transport = httpx.ASGITransport(app=self.app)
        self.client = httpx.AsyncClient(transport=transport, base_url="http://test")

    async def ask(self, token: str, query: str = ACCOUNTS) -> httpx.Response:
        return await self.client.post("/graphql", json={"query": query},
                                      headers={"Authorization": f"Bearer {token}"})  # fmt: skip

    async def close(self) -> None:
        await self.client.aclose()
        await self.app.state.engine.dispose()


@pytest.fixture
async def servers(database_url: str) -> AsyncIterator[tuple[Server, Server, Clock, dict[str, str]]]:
    clock = Clock()
    first, second = Server(database_url, clock), Server(database_url, clock)
    tokens = await seed_users(first.app.state.engine)
    try:
        yield first, second, clock, tokens
    finally:
        await first.close()
        await second.close()


def _available(response: httpx.Response) -> int:
    status: int = response.json()["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"]
    return status


async def test_a_spent_budget_gets_429_and_leaves_other_tokens_alone(
    servers: tuple[Server, Server, Clock, dict[str, str]],
) -> None:
    server, _, clock, tokens = servers
    first = await server.ask(tokens["anna"])  # general path
    second = await server.ask(tokens["anna"])  # fast path: finished bytes, extensions spliced in
    refused = await server.ask(tokens["anna"])
    other = await server.ask(tokens["ben"])
    clock.now += 2  # refills 2: the 4 needed are there again
    again = await server.ask(tokens["anna"])

    assert first.json()["extensions"] == {"cost": {"requestedQueryCost": 4, "throttleStatus": {
        "maximumAvailable": 10.0, "currentlyAvailable": 6, "restoreRate": 1.0}}}  # fmt: skip
    assert second.json()["data"] == first.json()["data"] and _available(second) == 2
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "2"  # (4 - 2) / 1 per second
    body = refused.json()
    assert "data" not in body and body["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert body["errors"][0]["message"].startswith("Rate limited: this query costs 4")
    assert body["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"] == 2
    assert other.status_code == 200 and _available(other) == 6
    assert again.status_code == 200 and _available(again) == 0


async def test_the_budget_is_shared_by_servers_on_one_postgresql(
    servers: tuple[Server, Server, Clock, dict[str, str]], database_url: str
) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite keeps the buckets in the process (one host)")
    first, second, _, tokens = servers
    # 10 cost-4 requests at once, half on each server, at one instant: exactly 2 fit in 10.
    answers = await asyncio.gather(*[(first if i % 2 else second).ask(tokens["anna"])
                                     for i in range(10)])  # fmt: skip
    statuses = sorted(r.status_code for r in answers)
    other = await second.ask(tokens["ben"])

    assert statuses == [200, 200] + [429] * 8
    assert sorted(_available(r) for r in answers if r.status_code == 200) == [2, 6]
    assert other.status_code == 200 and _available(other) == 6


async def test_a_query_refused_as_too_costly_costs_one(
    servers: tuple[Server, Server, Clock, dict[str, str]],
) -> None:
    server, _, _, tokens = servers

    response = await server.ask(tokens["anna"], "{ accounts(first: 500) { nodes { name } } }")

    assert response.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert response.json()["extensions"]["cost"]["requestedQueryCost"] == 1
    assert _available(response) == 9


class Broken:
    async def spend(self, client: str, cost: int) -> Any:
        raise ConnectionResetError("the bucket's database went away")


async def test_without_its_bucket_store_a_request_is_served_without_the_report(
    servers: tuple[Server, Server, Clock, dict[str, str]],
) -> None:
    server, _, _, tokens = servers
    server.app.state.graphql.fair_use.buckets = Broken()

    response = await server.ask(tokens["anna"])

    assert response.status_code == 200
    assert "extensions" not in response.json() and "errors" not in response.json()
