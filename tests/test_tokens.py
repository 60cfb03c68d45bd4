"""Token administration: list and revoke from the command line; a revoked token stops working
on every server at the next revocation check, not after the token cache's lifetime."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import event, select

from models import ApiToken
from models.db import make_engine
from models.user import hash_token
from ops.tokens import list_tokens, revoke_token
from schema.auth import Authenticator
from server import create_app, migrate
from settings import Settings
from tests.factories import post_until_answered, seed_users

ROOT = Path(__file__).resolve().parents[1]
VIEWER = "{ viewer { email } }"


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Server:
    """One app (one server process's state) with its own injected clock."""

    def __init__(self, database_url: str) -> None:
        settings = Settings(database_url=database_url)
        self.app: Any = create_app(settings)
        self.clock = Clock()
        endpoint = self.app.state.graphql
        endpoint.authenticator = Authenticator(
            endpoint.engine, settings, self.clock, bookkeeping=self.app.state.bookkeeping
        )
        self.client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url="http://test"
        )

    async def status(self, token: str) -> int:
        response = await self.client.post(
            "/graphql", json={"query": VIEWER}, headers={"Authorization": f"Bearer {token}"}
        )
        return response.status_code

    async def close(self) -> None:
        await self.client.aclose()
        await self.app.state.engine.dispose()


@pytest.fixture
async def two_servers(database_url: str) -> AsyncIterator[tuple[Server, Server, dict[str, str]]]:
    first, second = Server(database_url), Server(database_url)
    tokens = await seed_users(first.app.state.engine)
    try:
        yield first, second, tokens
    finally:
        await first.close()
        await second.close()


async def _token_id(database_url: str, token: str) -> int:
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            query = select(ApiToken.id).where(ApiToken.token_hash == hash_token(token))
            return int((await connection.execute(query)).scalar_one())
    finally:
        await engine.dispose()


async def test_a_token_revoked_on_one_server_is_refused_by_the_other_at_its_next_check(
    two_servers: tuple[Server, Server, dict[str, str]], database_url: str
) -> None:
    first, second, tokens = two_servers
    assert await second.status(tokens["anna"]) == 200  # now cached by the second server
    anna = await _token_id(database_url, tokens["anna"])

    assert await revoke_token(database_url, anna) == "revoked"
    assert await first.status(tokens["anna"]) == 401  # not cached there: refused at once
    second.clock.now += 0.5
    before_check = await second.status(tokens["anna"])  # within the check interval
    second.clock.now += 0.5
    after_check = await second.status(tokens["anna"])
    others = await second.status(tokens["ben"])

    assert before_check == 200  # the bound: at most one check interval (1 s) of staleness
    assert after_check == 401  # long before the 10 s token cache would have expired
    assert others == 200
    assert await revoke_token(database_url, anna) == "already revoked"
    assert await revoke_token(database_url, 999_999) == "not found"


async def test_last_use_is_written_at_most_once_a_minute_per_token(
    two_servers: tuple[Server, Server, dict[str, str]], database_url: str
) -> None:
    server, _, tokens = two_servers
    writes: list[str] = []

    def record(_c: Any, _cur: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE API_TOKENS"):
            writes.append(statement)

    # On PostgreSQL the bookkeeping pool (models/db.py make_bookkeeping_engine) writes it.
    event.listen(server.app.state.bookkeeping.sync_engine, "before_cursor_execute", record)
    for _ in range(5):
        assert await server.status(tokens["anna"]) == 200
        server.clock.now += 11  # past the token cache: each request looks the token up
    listed = await list_tokens(database_url, "anna@example.com")
    server.clock.now += 60
    assert await server.status(tokens["anna"]) == 200

    assert len(writes) == 2  # the first use, then once more a minute later; not 6
    assert listed is not None and len(listed) == 1
    assert listed[0].last_used_at is not None
    ben = await list_tokens(database_url, "ben@example.com")
    assert ben is not None and ben[0].last_used_at is None


async def test_a_token_s_first_use_is_written_once_its_response_is_sent(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last-use write (a transaction and its commit) runs after the response is sent
    (ops/after_response.py): the client has the whole answer while it still waits; the
    request's ASGI call, which a server's shutdown waits for, ends after it."""
    from ops.tokens import LastUse

    released = asyncio.Event()
    write_now = LastUse._write

    async def slow_write(self: LastUse, digest: str) -> None:
        await released.wait()  # a commit that takes its time
        await write_now(self, digest)

    monkeypatch.setattr(LastUse, "_write", slow_write)
    app = create_app(Settings(database_url=database_url))
    try:
        tokens = await seed_users(app.state.engine)
        body = orjson.dumps({"query": VIEWER})
        answered = await post_until_answered(app, body, tokens["anna"])
        still_running = not answered.call.done()  # the write still waiting
        pending = await list_tokens(database_url, "anna@example.com")
        released.set()
        await asyncio.wait_for(answered.call, 30)
        written = await list_tokens(database_url, "anna@example.com")
    finally:
        await app.state.engine.dispose()
    answer = orjson.loads(answered.body)
    assert answered.status == 200
    assert answer["data"] == {"viewer": {"email": "anna@example.com"}}
    assert still_running
    assert pending is not None and pending[0].last_used_at is None
    assert written is not None and written[0].last_used_at is not None


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "server.py", *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip


def test_list_and_revoke_tokens_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    migrate(url)
    env = {**os.environ, "DATABASE_URL": url}
    _cli(env, "create-user", "eve@example.com", "--name", "Eve", "--role", "admin")
    secrets = [_cli(env, "create-token", "eve@example.com").stdout.split()[-1] for _ in range(2)]

    listed = _cli(env, "list-tokens", "EVE@example.com")
    revoked = _cli(env, "revoke-token", "1")
    after = _cli(env, "list-tokens", "eve@example.com")
    unknown_token = _cli(env, "revoke-token", "42")
    unknown_user = _cli(env, "list-tokens", "nobody@example.com")

    lines = listed.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["1", "2"]
    assert all("created 20" in line and "last used never" in line for line in lines)
    for secret in secrets:  # never the token, never its hash
        assert secret not in listed.stdout and hash_token(secret) not in listed.stdout
    assert revoked.returncode == 0 and revoked.stdout.strip() == "token 1: revoked"
    assert "revoked 20" in after.stdout.splitlines()[0]
    assert "revoked" not in after.stdout.splitlines()[1]
    assert unknown_token.returncode == 1 and "no API token with id 42" in unknown_token.stderr
    assert unknown_user.returncode == 1 and "no user with e-mail" in unknown_user.stderr


async def test_a_worker_starts_with_the_users_of_the_tokens_used_last(database_url: str) -> None:
    """schema/auth.py preload, at start-up: a token used before signs in with no look-up of
    its own; a revoked one and one never used are looked up (and the revoked one refused)."""
    import datetime as dt

    from sqlalchemy import update

    engine = make_engine(database_url)
    try:
        tokens = await seed_users(engine)
        now = dt.datetime.now(dt.UTC)
        async with engine.begin() as connection:
            for key in ("anna", "ben"):
                await connection.execute(update(ApiToken)
                                         .where(ApiToken.token_hash == hash_token(tokens[key]))
                                         .values(last_used_at=now))  # fmt: skip
        anna = await _token_id(database_url, tokens["ben"])
        assert await revoke_token(database_url, anna) == "revoked"
    finally:
        await engine.dispose()
    app: Any = create_app(Settings(database_url=database_url))
    look_ups: list[str] = []

    def count(_c: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.startswith("SELECT") and "api_tokens.token_hash =" in statement:
            look_ups.append(statement)

    event.listen(app.state.engine.sync_engine, "before_cursor_execute", count)
    statuses = {}
    async with app.router.lifespan_context(app):
        look_ups.clear()  # the start-up's warm-up looks up a token that matches none
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://test") as client:  # fmt: skip
            for key in ("anna", "ben", "rita"):
                response = await client.post("/graphql", json={"query": VIEWER},
                                             headers={"Authorization": f"Bearer {tokens[key]}"})  # fmt: skip
                statuses[key] = (response.status_code, len(look_ups))
    await app.state.engine.dispose()

    assert statuses["anna"] == (200, 0)  # used last: known from the start
    assert statuses["ben"] == (401, 1)  # revoked: not preloaded, looked up and refused
    assert statuses["rita"] == (200, 2)  # never used: looked up
