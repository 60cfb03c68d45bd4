"""What a served app does when it starts (its lifespan), as uvicorn runs it in each worker."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import delete, event

from models import ServedDocument
from models.db import make_engine
from resolvers.ids import to_global_id
from schema.auth import Authenticator, AuthError
from schema.served import ServedDocuments
from server import create_app
from settings import Settings
from tests.conftest import StatementCounter
from tests.factories import post_until_answered, seed_users


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
    but takes no place among the clients' documents. On both databases the users of the
    tokens used last are read once (schema/auth.py preload)."""
    app = create_app(Settings(database_url=database_url, warm_connections=3,
                              fast_path_strict=True))  # fmt: skip
    counter = StatementCounter()
    event.listen(app.state.engine.sync_engine, "before_cursor_execute", counter)
    counter.active = True
    async with app.router.lifespan_context(app):
        fast = app.state.graphql.fast
        accepted = dict(fast._accepted)
    sign_ins = [s for s in counter.statements if "api_tokens.token_hash =" in s]
    # Once per worker, after the revocation marker: the users of the tokens used last.
    preloads = [s for s in counter.statements if "ORDER BY api_tokens.last_used_at DESC" in s]
    assert len(preloads) == 1
    pictures = [s for s in counter.statements if "json_build_object('data'" in s]
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


SERVED = """query Served($id: ID!, $first: Int) { account(id: $id) { id name
  objectives(first: $first) { totalCount nodes { id name actual progress } } } }"""


async def _serve_once(app: Any, token: str, variables: dict[str, Any]) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post(
            "/graphql", json={"query": SERVED, "variables": variables},
            headers={"Authorization": f"Bearer {token}"},
        )  # fmt: skip
    assert response.status_code == 200 and "errors" not in response.json(), response.text


async def test_a_new_server_compiles_the_documents_clients_used_before_its_first_request(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: a server records each document at its first request there, with that
    request's variables (schema/served.py); a server started later compiles it at start-up,
    for both kinds of viewer, and runs its statements on each warm connection, so that the
    first request of that document compiles nothing. SQLite records nothing."""
    from schema.fast import FastPath

    postgres = database_url.startswith("postgresql")
    settings = Settings(database_url=database_url, warm_connections=2, fast_path_strict=True)
    variables = {"id": to_global_id("Account", 1), "first": 7}
    first = create_app(settings)
    async with first.router.lifespan_context(first):
        tokens = await seed_users(first.state.engine)
        await _serve_once(first, tokens["admin"], variables)
        await _serve_once(first, tokens["anna"], variables)  # recorded once
    engine = make_engine(database_url)
    try:
        served = await ServedDocuments(engine).newest(10) if postgres else []
    finally:
        await engine.dispose()
    assert served == ([(SERVED, None, variables)] if postgres else [])

    compiles: list[object] = []
    compile_now = FastPath._compile

    def counted(self: FastPath, *args: Any) -> Any:
        compiles.append(args)
        return compile_now(self, *args)

    monkeypatch.setattr(FastPath, "_compile", counted)
    second = create_app(settings)
    counter = StatementCounter()
    event.listen(second.state.engine.sync_engine, "before_cursor_execute", counter)
    counter.active = True
    async with second.router.lifespan_context(second):
        at_start = len(compiles)
        warmed = [s for s in counter.statements if "objectives" in s and "$1" in s]
        await _serve_once(second, tokens["anna"], {"id": to_global_id("Account", 2), "first": 3})
        after_request = len(compiles)
    if postgres:
        assert at_start == 2 + 2  # schema/warmup.graphql and the served document, both viewers
        assert after_request == at_start  # the first request compiled nothing
        # each of the 2 warm connections ran both warm-up documents for both viewers
        assert len(warmed) == 2 * 2 * 2
    else:
        assert (at_start, after_request) == (2, 3)


async def test_a_document_is_recorded_after_its_first_response_is_sent(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first request of a document records it (schema/served.py) once its response has
    been sent: the client has the whole answer while the recording still waits for its
    commit. The request's ASGI call (what a server's shutdown waits for) ends after it."""
    if not database_url.startswith("postgresql"):
        pytest.skip("documents are recorded on PostgreSQL")
    released = asyncio.Event()
    write_now = ServedDocuments._write

    async def slow_write(self: ServedDocuments, *args: Any) -> None:
        await released.wait()  # a commit that takes its time
        await write_now(self, *args)

    monkeypatch.setattr(ServedDocuments, "_write", slow_write)
    monkeypatch.setattr("schema.served.WRITE_SECONDS", 60.0)  # not cut short on a slow machine
    variables = {"id": to_global_id("Account", 1), "first": 4}
    app = create_app(Settings(database_url=database_url, warm_connections=0,
                              fast_path_strict=True))  # fmt: skip
    engine = make_engine(database_url)
    try:
        async with app.router.lifespan_context(app):
            tokens = await seed_users(app.state.engine)
            async with engine.begin() as connection:  # new to every server
                await connection.execute(delete(ServedDocument))
            body = orjson.dumps({"query": SERVED, "variables": variables})
            answered = await post_until_answered(app, body, tokens["admin"])
            still_running = not answered.call.done()  # the write still waiting
            pending = await ServedDocuments(engine).newest(10)
            released.set()
            await asyncio.wait_for(answered.call, 30)
            recorded = await ServedDocuments(engine).newest(10)
    finally:
        await engine.dispose()
    answer = orjson.loads(answered.body)
    assert answered.status == 200 and "errors" not in answer, answer
    assert still_running and SERVED not in [document for document, *_ in pending]
    assert (SERVED, None, variables) in recorded


async def test_served_documents_keep_only_the_newest_and_skip_what_no_longer_runs(
    database_url: str,
) -> None:
    """The table keeps the newest documents (a client sending ever new ones cannot grow it),
    and a recorded document that the schema refuses now (it changed) is skipped at start-up,
    and the server starts."""
    if not database_url.startswith("postgresql"):
        pytest.skip("documents are recorded on PostgreSQL")
    engine = make_engine(database_url)
    try:
        served = ServedDocuments(engine, keep=2)
        await served.record("query { nothingOfTheSchema }", None, None)
        for n in range(3):
            await served.record(f"query Q{n} {{ viewer {{ id }} }}", f"Q{n}", {"n": n})
        assert await served.newest(10) == [
            ("query Q2 { viewer { id } }", "Q2", {"n": 2}),
            ("query Q1 { viewer { id } }", "Q1", {"n": 1}),
        ]
        await ServedDocuments(engine).record("query { nothingOfTheSchema }", None, None)
    finally:
        await engine.dispose()
    app = create_app(Settings(database_url=database_url, fast_path_strict=True))
    async with app.router.lifespan_context(app):
        accepted = list(app.state.graphql.fast._accepted)
    assert "query { nothingOfTheSchema }" not in accepted
    assert "query Q2 { viewer { id } }" in accepted


async def test_a_connection_s_warm_up_statements_stop_at_the_deadline(database_url: str) -> None:
    """The statements a warm connection runs stop once the warm-up's time is spent (here
    none is left), and the connection is returned to the pool usable, not cut off."""
    app = create_app(Settings(database_url=database_url, warm_connections=0))
    engine = app.state.engine
    counter = StatementCounter()
    event.listen(engine.sync_engine, "before_cursor_execute", counter)
    try:
        run = await app.state.graphql.fast.warm_up(0.0)
        counter.active = True
        async with engine.connect() as connection:
            await run(connection)
            ran = list(counter.statements)
            alive = (await connection.exec_driver_sql("SELECT 1")).scalar_one()
    finally:
        await engine.dispose()
    assert ran == [] and alive == 1


async def test_the_pool_requests_read_from_holds_only_the_connections_the_warm_up_warmed(
    database_url: str,
) -> None:
    """PostgreSQL: start-up leaves exactly the warm connections in the pool the requests
    read from, and a first request of a new document with a token not used yet opens no
    other there. The live broker starts after the warm-up, and the bookkeeping writes (the
    token's last use, the served document's record) run on a pool of their own
    (models/db.py make_bookkeeping_engine): a connection opened for them in a burst was one
    more, cold, where the next request prepared and planned its statement first."""
    app = create_app(Settings(database_url=database_url, warm_connections=4,
                              fast_path_strict=True))  # fmt: skip
    reads, bookkeeping = app.state.engine, app.state.bookkeeping
    if not database_url.startswith("postgresql"):
        assert bookkeeping is reads  # SQLite: one engine for all (one file, one writer)
        return
    assert bookkeeping is not reads
    opened: list[object] = []
    event.listen(reads.sync_engine, "connect", lambda *_: opened.append(1))
    written: dict[str, list[str]] = {"reads": [], "bookkeeping": []}
    for name, engine in (("reads", reads), ("bookkeeping", bookkeeping)):

        def write(*args: Any, into: list[str] = written[name]) -> None:
            if args[2].lstrip().upper().startswith(("UPDATE API_TOKENS", "INSERT INTO SERVED")):
                into.append(args[2])

        event.listen(engine.sync_engine, "before_cursor_execute", write)
    variables = {"id": to_global_id("Account", 1), "first": 5}
    async with app.router.lifespan_context(app):
        at_start = len(opened)
        tokens = await seed_users(reads)
        async with bookkeeping.begin() as connection:  # the document is new to every server
            await connection.execute(delete(ServedDocument))
        await _serve_once(app, tokens["admin"], variables)
        await _serve_once(app, tokens["anna"], variables)
        async with asyncio.timeout(30):  # the record is written after the response
            while SERVED not in [d for d, *_ in await ServedDocuments(bookkeeping).newest(10)]:
                await asyncio.sleep(0.05)
        after = len(opened)

    assert at_start == 4 and after == 4
    assert written["reads"] == []
    assert len([s for s in written["bookkeeping"] if "API_TOKENS" in s.upper()]) == 2
    assert len([s for s in written["bookkeeping"] if "SERVED" in s.upper()]) == 1
