"""A new statement's first burst (schema/fast.py `_run`): on PostgreSQL, the requests that
come together for a statement a worker has not run yet prepare and plan it on at most
`first_run_connections` connections; once it has run, requests are not held back."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, event

from models import ServedDocument
from server import create_app
from settings import Settings
from tests.factories import seed_users

BURST = """query Burst($id: ID!) {
  account(id: $id) { id name firstBurst: contacts(first: 3) { nodes { id firstName } } }
}"""
CREATE = """mutation Create($name: String!) {
  createAccount(input: {name: $name}) { account { id } }
}"""
CONCURRENT = 8


async def _post(client: httpx.AsyncClient, token: str, query: str,
                variables: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    response = await client.post("/graphql", json={"query": query, "variables": variables},
                                 headers={"Authorization": f"Bearer {token}"})  # fmt: skip
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    return body


async def _burst(client: httpx.AsyncClient, token: str, ids: list[str]) -> list[Any]:
    """CONCURRENT requests of BURST at once, over the accounts `ids`: their data."""
    bodies = await asyncio.gather(*(_post(client, token, BURST, {"id": ids[n % len(ids)]})
                                    for n in range(CONCURRENT)))  # fmt: skip
    return [body["data"] for body in bodies]


@pytest.mark.parametrize("limit", [2, 0])
async def test_a_new_statement_s_first_burst_runs_on_at_most_the_limit_s_connections(
    database_url: str, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight requests at once for a new document (each held until all eight have reached
    the run, as a fresh worker's burst arrives during the compile): on PostgreSQL with the
    limit (2, the default) at most 2 run at once, on 2 connections, each answered as
    without it; with no limit (0) all 8 at once. A second burst, once the statement has
    run, is not held back (all 8 at once). SQLite has no prepared statements to share: no
    limit applies there."""
    from schema.fast import FastPath

    app = create_app(Settings(database_url=database_url, warm_connections=6,
                              first_run_connections=limit, fast_path_strict=True))  # fmt: skip
    engine = app.state.engine
    postgres = database_url.startswith("postgresql")
    fast = app.state.graphql.fast
    assert fast.first_run_connections == (limit if postgres else 0)
    bursts: list[dict[str, Any]] = []  # per burst: arrivals, all-in event, peak, connections
    run, run_once = FastPath._run, FastPath._run_once

    async def arriving(self: FastPath, compiled: Any, *args: Any) -> Any:
        if "firstBurst" in compiled.sql:
            burst = bursts[-1]
            burst["arrived"] += 1
            if burst["arrived"] == CONCURRENT:
                burst["all_in"].set()
        return await run(self, compiled, *args)

    async def running(self: FastPath, compiled: Any, *args: Any) -> Any:
        if "firstBurst" not in compiled.sql:
            return await run_once(self, compiled, *args)
        burst = bursts[-1]
        await burst["all_in"].wait()
        burst["running"] += 1
        burst["peak"] = max(burst["peak"], burst["running"])
        try:
            return await run_once(self, compiled, *args)
        finally:
            burst["running"] -= 1

    def connection_of(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if bursts and "firstBurst" in statement:
            bursts[-1]["connections"].add(id(conn.connection.dbapi_connection))

    monkeypatch.setattr(FastPath, "_run", arriving)
    monkeypatch.setattr(FastPath, "_run_once", running)
    event.listen(engine.sync_engine, "before_cursor_execute", connection_of)
    answers = []
    async with app.router.lifespan_context(app):
        tokens = await seed_users(engine)
        if postgres:
            async with app.state.bookkeeping.begin() as connection:  # new to every server
                await connection.execute(delete(ServedDocument))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            ids = []
            for name in ("Acme", "Globex", "Initech"):
                created = await _post(client, tokens["admin"], CREATE, {"name": name})
                ids.append(created["data"]["createAccount"]["account"]["id"])
            for _ in range(2):
                bursts.append({"arrived": 0, "all_in": asyncio.Event(), "running": 0,
                               "peak": 0, "connections": set()})  # fmt: skip
                answers.append(await _burst(client, tokens["admin"], ids))

    first, second = answers
    assert first == second
    assert [data["account"]["name"] for data in first[:3]] == ["Acme", "Globex", "Initech"]
    assert [b["arrived"] for b in bursts] == [CONCURRENT, CONCURRENT]
    assert bursts[1]["peak"] == CONCURRENT  # once run, never held back
    assert fast._first_runs == {}
    if postgres and limit:
        assert bursts[0]["peak"] == limit
        assert len(bursts[0]["connections"]) == limit  # the LIFO pool hands theirs on
    else:
        assert bursts[0]["peak"] == CONCURRENT
