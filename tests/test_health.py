"""Health for orchestrators: live without a database, ready only at the newest migration."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from ops.health import migration_head
from server import create_app
from settings import Settings
from tests.tcp_proxy import TcpProxy


async def _client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
    finally:
        await app.state.engine.dispose()


@pytest.fixture
async def client(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    # A generous bound: a busy machine must not look like a hung database here.
    async for client in _client(Settings(database_url=database_url, ready_timeout_seconds=60)):
        yield client


async def test_ready_and_live_on_a_migrated_database(client: httpx.AsyncClient) -> None:
    ready = await client.get("/health/ready")
    live = await client.get("/health/live")
    health = await client.get("/health")

    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "database": "ok", "migration": migration_head()}
    assert live.status_code == 200 and live.json() == {"status": "ok"}
    assert health.json() == {"status": "ok", "database": "ok"}


async def test_not_ready_when_the_database_is_behind_the_code(
    client: httpx.AsyncClient, database_url: str
) -> None:
    from models.db import make_engine

    engine = make_engine(database_url)
    head = migration_head()
    try:
        async with engine.begin() as connection:
            await connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
        response = await client.get("/health/ready")
    finally:  # the PostgreSQL database is shared by the session's tests
        async with engine.begin() as connection:
            await connection.execute(text("UPDATE alembic_version SET version_num = :head"),
                                     {"head": head})  # fmt: skip
        await engine.dispose()

    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert response.json() == {
        "status": "unavailable",
        "reason": f"the database is at migration 0001, the code expects {migration_head()}",
    }


async def test_not_ready_on_an_empty_database_but_live(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/x.db",
                        ready_timeout_seconds=60)  # fmt: skip
    async for client in _client(settings):
        ready = await client.get("/health/ready")
        live = await client.get("/health/live")

    assert ready.status_code == 503
    assert ready.json()["reason"] == (
        f"the database is at migration none, the code expects {migration_head()}"
    )
    assert live.status_code == 200


async def test_not_ready_when_the_database_hangs_or_is_down(database_url: str) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("a database server that hangs: PostgreSQL only")
    proxy = TcpProxy().start()
    settings = Settings(database_url=proxy.url_for(database_url), ready_timeout_seconds=0.5)
    try:
        async for client in _client(settings):
            proxy.hold()
            hung = await client.get("/health/ready")
            live_while_hung = await client.get("/health/live")
            proxy.release()
            proxy.down()
            down = await client.get("/health/ready")
    finally:
        proxy.stop()

    assert hung.status_code == 503
    assert hung.json()["reason"] == "the database did not answer within 0.5 s"
    assert live_while_hung.status_code == 200
    assert down.status_code == 503
    assert down.json()["reason"] == "the database is unreachable"
