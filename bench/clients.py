"""The requests the bench makes: the picture read, the write mix, and the floor statement.

Each maker returns a `Call` (bench.drive): account pk -> (response bytes, error or None). A GraphQL
answer counts as an error unless it is HTTP 200 with no "errors" and no userErrors, so a
benchmark of refusals cannot pass for a benchmark of work.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any, Protocol

import httpx
from sqlalchemy import event, text

from bench.drive import Call
from bench.http1 import LeanClient
from bench.shape import PLANS_PER_ACCOUNT
from models.db import make_engine
from resolvers.ids import to_global_id

QUERIES = Path(__file__).parent / "queries"
PICTURE = (QUERIES / "picture.graphql").read_text()
# The picture without the planning fields (bench/planning_fields.py; bench.run --picture core).
PICTURE_CORE = (QUERIES / "picture_core.graphql").read_text()
PICTURES = {"planning": PICTURE, "core": PICTURE_CORE}
STATUS = """mutation($input: ChangeBusinessPlanStatusInput!) { changeBusinessPlanStatus(
  input: $input) { businessPlan { id status version } userErrors { code message } } }"""
CREATE = """mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {
  opportunity { id name stage } userErrors { code message } } }"""
NOT_COUNTED = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "PRAGMA")


class Answer(Protocol):
    @property
    def status_code(self) -> int: ...
    @property
    def content(self) -> bytes: ...


class Client(Protocol):
    """What the calls need of a client: bench.http1.LeanClient, or httpx's in-process one."""

    async def post(self, url: str, *, json: Any = None) -> Answer: ...


def http_client(
    base_url: str, token: str, concurrency: int, compressed: bool = False
) -> LeanClient:
    """Keep-alive connections, one per worker: connection setup is not what we measure. No
    compression unless `compressed` (the floor compresses nothing; wrk asks for none)."""
    return LeanClient(base_url, {"Authorization": f"Bearer {token}"}, concurrency, compressed)


def problem(response: Answer) -> str | None:
    """None for a clean answer, else the start of what went wrong."""
    body = response.content
    if response.status_code == 200 and b'"errors":' not in body and b'"code":' not in body:
        return None
    return f"HTTP {response.status_code}: {body[:240].decode(errors='replace')}"


def answer(response: Answer) -> tuple[int, str | None]:
    return len(response.content), problem(response)


def picture_call(client: Client, query: str = PICTURE) -> Call:
    async def call(pk: int) -> tuple[int, str | None]:
        variables = {"id": to_global_id("Account", pk)}
        return answer(await client.post("/graphql", json={"query": query, "variables": variables}))

    return call


def annual_plan(pk: int) -> int:
    """The annual plan's id of account pk in the bench shape (bench/shape.py)."""
    return (pk - 1) * PLANS_PER_ACCOUNT + 1


async def plan_statuses(database_url: str) -> dict[int, str]:
    """The current status of every annual plan, so that the mix only asks for legal moves."""
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                text(
                    "SELECT id, status FROM business_plans"
                    " WHERE parent_id IS NULL AND type = 'ACCOUNT'"
                )
            )
            return {row[0]: str(row[1]) for row in rows}
    finally:
        await engine.dispose()


def write_call(client: Client, statuses: dict[int, str]) -> Call:
    """Half status changes (DRAFT <-> SUBMITTED, a comment on the way back), half new deals.

    Two in-flight changes of one plan would race (INVALID_TRANSITION): a plan being changed
    is skipped by the others, which create an opportunity instead.
    """
    turn, busy = itertools.count(), set()

    async def call(pk: int) -> tuple[int, str | None]:
        plan = annual_plan(pk)
        if next(turn) % 2 or plan in busy or statuses.get(plan) not in ("DRAFT", "SUBMITTED"):
            return await _create(client, pk, plan)
        busy.add(plan)
        try:
            going = "SUBMITTED" if statuses[plan] == "DRAFT" else "DRAFT"
            change: dict[str, Any] = {"id": to_global_id("BusinessPlan", plan), "status": going}
            if going == "DRAFT":
                change["comment"] = "bench: back to draft"
            body = {"query": STATUS, "variables": {"input": change}}
            size, error = answer(await client.post("/graphql", json=body))
            if error is None:
                statuses[plan] = going
            return size, error
        finally:
            busy.discard(plan)

    return call


async def _create(client: Client, pk: int, plan: int) -> tuple[int, str | None]:
    new = {
        "name": f"bench deal {time.time_ns()}",
        "accountId": to_global_id("Account", pk),
        "amount": {"amount": "12500.00", "currency": "EUR"},
        "planIds": [to_global_id("BusinessPlan", plan)],
    }
    return answer(
        await client.post("/graphql", json={"query": CREATE, "variables": {"input": new}})
    )


def floor_call(pool: Any, picture: str = "planning") -> Call:
    from bench.floor import SQLS, floor_document

    async def call(pk: int) -> tuple[int, str | None]:
        async with pool.acquire() as connection:
            document = await floor_document(connection, pk, SQLS[picture])
        return len(document), None if document.startswith(b'{"data"') else "no data"

    return call


async def forget_served(database_url: str, query: str) -> None:
    """Remove `query` from the documents the servers served (schema/served.py): a fresh
    server then meets it as a new document. Nothing on a database without the table."""
    from sqlalchemy import delete
    from sqlalchemy.exc import DBAPIError

    from models import ServedDocument
    from models.db import make_engine

    engine = make_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(delete(ServedDocument).where(ServedDocument.document == query))
    except DBAPIError:  # not migrated yet: the server about to start creates the table
        pass
    finally:
        await engine.dispose()


def asyncpg_dsn(database_url: str) -> str:
    return database_url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def count_statements(
    database_url: str,
    token: str,
    pks: list[int],
    statuses: dict[int, str] | None,
    naive: bool = False,
    query: str = PICTURE,
) -> dict[str, float]:
    """SQL statements per request, counted by a listener on an in-process app.

    The served app cannot be asked, so the same app (server.create_app, or with `naive` the
    baseline's bench.naive.server.create_app) runs here on the same database; transaction
    control (BEGIN/COMMIT...) is not counted, as in tests/conftest.py.
    """
    if naive:
        from bench.naive.server import create_app as create_naive_app

        app = create_naive_app(database_url)
    else:
        from bench.procs import server_environment
        from server import create_app
        from settings import Settings

        # The served server's settings, so that the count is of what it runs.
        app = create_app(Settings.from_env(server_environment(database_url)))
    seen = [0]

    def count(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
              many: bool) -> None:  # fmt: skip
        if context is not None and context.execution_options.get("plangraph_bookkeeping"):
            return  # the server's own (the revocation marker, schema/served.py), as in tests
        if statement.split(None, 1)[0].upper() not in NOT_COUNTED:
            seen[0] += 1

    event.listen(app.state.engine.sync_engine, "before_cursor_execute", count)
    transport = httpx.ASGITransport(app=app)
    result: dict[str, float] = {}
    try:
        headers = {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://bench", headers=headers
        ) as client:
            calls = {"read": picture_call(client, query)}
            if statuses is not None:
                calls["write"] = write_call(client, statuses)
            for name, call in calls.items():
                seen[0] = 0
                failed = [error for pk in pks if (error := (await call(pk))[1])]
                result[name] = round(seen[0] / len(pks), 2)
                if failed:
                    result[f"{name}_errors"] = len(failed)
    finally:
        await app.state.engine.dispose()
    return result
