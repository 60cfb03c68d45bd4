"""What a served app does when it starts (its lifespan), as uvicorn runs it in each worker."""

from __future__ import annotations

import gc

from server import create_app
from settings import Settings


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
