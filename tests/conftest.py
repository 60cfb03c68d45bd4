"""Fixtures: every HTTP test runs on SQLite and on PostgreSQL (skipped, loudly, without it)."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from alembic.config import Config
from sqlalchemy import event, text
from starlette.applications import Starlette

from models import Base
from models.db import make_engine
from server import ROOT, create_app, migrate
from settings import Settings
from tests.factories import Api, seed_users

PG_ADMIN_URL = os.environ.get(
    "PLANGRAPH_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
REQUIRE_PG = os.environ.get("PLANGRAPH_REQUIRE_POSTGRES") == "1"


async def _pg_execute(url: str, statement: str) -> None:
    engine = make_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


def _pg_reachable() -> str | None:
    try:
        asyncio.run(asyncio.wait_for(_pg_execute(PG_ADMIN_URL, "SELECT 1"), 5))
    except Exception as error:  # any failure to connect means: no PostgreSQL here
        return f"{type(error).__name__}: {error}"
    return None


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite") / "template.db"
    migrate(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    problem = _pg_reachable()
    if problem is not None:
        message = f"PostgreSQL is not reachable at {PG_ADMIN_URL} ({problem})"
        if REQUIRE_PG:
            pytest.fail(message + " and PLANGRAPH_REQUIRE_POSTGRES=1", pytrace=False)
        pytest.skip(message + ": PostgreSQL tests skipped")
    name = f"plangraph_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    asyncio.run(_pg_execute(PG_ADMIN_URL, f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        migrate(url)
        yield url
    finally:
        asyncio.run(_pg_execute(PG_ADMIN_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


_TABLES = ", ".join(t.name for t in Base.metadata.sorted_tables if t.name != "currencies")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite+aiosqlite:///{path}"
    url: str = request.getfixturevalue("pg_database")
    asyncio.run(_pg_execute(url, f"TRUNCATE {_TABLES} RESTART IDENTITY CASCADE"))
    return url


def alembic_config(url: str) -> Config:
    """Alembic's configuration for migrating the database at `url` step by step."""
    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["database_url"] = url
    return config


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no schema at all (migrations are run by the test)."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
        return
    problem = _pg_reachable()
    if problem is not None:
        request.getfixturevalue("pg_database")  # skips (or fails in CI) with the reason
    name = f"plangraph_empty_{uuid.uuid4().hex[:8]}"
    asyncio.run(_pg_execute(PG_ADMIN_URL, f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        asyncio.run(_pg_execute(PG_ADMIN_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


class StatementCounter:
    """Counts the SQL statements that touch data (transaction control is not counted)."""

    def __init__(self) -> None:
        self.statements: list[str] = []
        self.active = False

    def __call__(
        self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool
    ) -> None:
        if context is not None and context.execution_options.get("plangraph_bookkeeping"):
            return  # the server's own bookkeeping (ops/revocations.py), not the request's work
        if self.active and statement.split(None, 1)[0].upper() not in (
            "BEGIN",
            "COMMIT",
            "ROLLBACK",
            "SAVEPOINT",
            "RELEASE",
            "PRAGMA",
        ):
            self.statements.append(statement)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
async def app_and_counter(
    database_url: str,
) -> AsyncIterator[tuple[Starlette, StatementCounter]]:
    # Strict: a fast-path failure on a document it covers fails the test, never falls back.
    # Fair use off: tests send bursts of costly queries with one token, far beyond its budget
    # (tests/test_fair_use.py checks fair use; servers started by tests keep it on).
    # No served documents (schema/served.py): their recording, after each new document's
    # first response, would add statements to the tests' counts (tests/test_startup.py and
    # tests/test_round_trips.py check it).
    app = create_app(Settings(database_url=database_url, fast_path_strict=True, cost_bucket_max=0,
                              warm_documents=0))  # fmt: skip
    counter = StatementCounter()
    event.listen(app.state.engine.sync_engine, "before_cursor_execute", counter)
    yield app, counter
    await app.state.engine.dispose()


@pytest.fixture
async def api(app_and_counter: tuple[Starlette, StatementCounter]) -> AsyncIterator[Api]:
    app, counter = app_and_counter
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        engine = app.state.engine
        tokens = await seed_users(engine)
        yield Api(client, tokens, counter)
