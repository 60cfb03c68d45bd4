"""What a served app does when it starts (its lifespan), as uvicorn runs it in each worker."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

import pytest
from sqlalchemy import event

from models.db import make_engine
from schema.auth import Authenticator, AuthError
from server import create_app
from settings import Settings
from tests.conftest import StatementCounter
from tests.factories import seed_users


async def test_start_up_objects_are_frozen_out_of_the_garbage_collector(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url))
    gc.unfreeze()
    try:
        async with app.router.lifespan_context(app):
            frozen = gc.get_freeze_count()
    finally:
        gc.unfreeze()

    assert frozen > 10_000  # the schema, the models and the registry, at least


async def test_a_worker_opens_its_first_connections_at_start_up(database_url: str) -> None:
    """PostgreSQL: `warm_connections` are open and idle in the pool when the first request
    comes (models/db.py warm_pool); SQLite opens its file on demand."""
    app = create_app(Settings(database_url=database_url, warm_connections=3))
    async with app.router.lifespan_context(app):
        idle = app.state.engine.pool.checkedin()
    expected = 3 if database_url.startswith("postgresql") else 0
    assert idle >= expected and (expected or idle <= 1)


async def test_the_warm_up_gives_up_on_a_database_that_is_down() -> None:
    """Nothing listens on the port: the warm-up opens nothing and raises nothing (the
    requests and /health/ready report the database, not the warm-up)."""
    import socket

    from models.db import make_engine, warm_pool

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: a port nobody listens on
    engine = make_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{port}/test")
    try:
        assert await warm_pool(engine, 2, timeout=5) == 0
        assert "Connections in pool: 0 " in engine.pool.status()  # none opened
    finally:
        await engine.dispose()


async def test_each_warm_connection_has_run_the_sign_in_and_the_fast_path_once(
    database_url: str,
) -> None:
    """PostgreSQL: at start-up every warm connection looks up a token (none matches) and runs
    schema/warmup.graphql's statements, one per kind of viewer, so that its server process
    has read the catalog of what the first requests read. The warm-up document is compiled
    but takes no place among the clients' documents."""
    app = create_app(Settings(database_url=database_url, warm_connections=3,
                              fast_path_strict=True))  # fmt: skip
    counter = StatementCounter()
    event.listen(app.state.engine.sync_engine, "before_cursor_execute", counter)
    counter.active = True
    async with app.router.lifespan_context(app):
        fast = app.state.graphql.fast
        accepted = dict(fast._accepted)
    sign_ins = [s for s in counter.statements if "api_tokens.token_hash" in s]
    pictures = [s for s in counter.statements if s.lstrip().startswith("SELECT CAST(json_build")]
    if database_url.startswith("postgresql"):
        assert len(sign_ins) == 3
        assert len(pictures) == 3 * 2 and len(set(pictures)) == 2  # both kinds of viewer
    else:
        assert sign_ins == [] and pictures == []  # SQLite: nothing to warm but the code
    assert len(fast._statements) == 2  # compiled once per kind of viewer, in every case
    assert accepted == {}


async def test_a_warm_up_the_fast_path_cannot_answer_never_stops_the_server(
    database_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import schema.fast

    monkeypatch.setattr(schema.fast, "WARM_UP", Path(__file__).parent / "data" / "nothing")
    app = create_app(Settings(database_url=database_url, warm_connections=2))
    async with app.router.lifespan_context(app):
        idle = app.state.engine.pool.checkedin()
    assert "the start-up warm-up failed" in caplog.text
    assert idle >= (2 if database_url.startswith("postgresql") else 0)


async def test_concurrent_requests_of_an_unknown_token_read_it_once(database_url: str) -> None:
    """A client's first burst: every request waits for the same look-up of its token."""
    engine = make_engine(database_url)
    try:
        tokens = await seed_users(engine)
        auth = Authenticator(engine, Settings(database_url=database_url))
        counter = StatementCounter()
        event.listen(engine.sync_engine, "before_cursor_execute", counter)
        counter.active = True
        viewers = await asyncio.gather(*(auth.viewer(f"Bearer {tokens['anna']}") for _ in range(6)))
        assert {v.email for v in viewers} == {"anna@example.com"}
        assert len([s for s in counter.statements if "api_tokens.token_hash" in s]) == 1
        counter.statements.clear()
        wrong = [auth.viewer(f"Bearer {tokens['anna']}x") for _ in range(4)]
        refused = await asyncio.gather(*wrong, return_exceptions=True)
        assert all(isinstance(r, AuthError) for r in refused)  # each told, from one read
        assert len([s for s in counter.statements if "api_tokens.token_hash" in s]) == 1
        assert auth._lookups == {}  # nothing kept once the reads are done
    finally:
        await engine.dispose()
