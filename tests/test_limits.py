"""Bounds checked before a query runs (depth, aliases, tokens, cost), introspection, the time
limit of a request, and batches."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import QueuePool
from starlette.applications import Starlette

from models.db import is_sqlite, make_engine
from resolvers import directory_mutations, mutation_kit
from schema import build_schema
from schema.cost import query_cost
from server import create_app
from settings import Settings
from tests.conftest import StatementCounter
from tests.factories import Api, data_of, seed_users
from tests.test_picture import PICTURE

README = Path(__file__).resolve().parent.parent / "README.md"


def cost(query: str, variables: dict[str, Any] | None = None) -> int:
    document = parse(query)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    return query_cost(build_schema()._schema, operation, fragments, variables)


def readme_picture_query() -> str:
    blocks: list[str] = re.findall(r"```graphql\n(.*?)```", README.read_text(), re.S)
    return next(block for block in blocks if "statusHistory" in block)


@asynccontextmanager
async def serving_app(
    **settings: Any,
) -> AsyncIterator[tuple[Starlette, httpx.AsyncClient, dict[str, str]]]:
    """An app of its own, on a fresh SQLite file or the given database_url."""
    app = create_app(Settings(**settings))
    engine = app.state.engine
    try:
        tokens = await seed_users(engine)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield app, client, tokens
    finally:
        await engine.dispose()


@asynccontextmanager
async def serving(**settings: Any) -> AsyncIterator[tuple[httpx.AsyncClient, dict[str, str]]]:
    async with serving_app(**settings) as (_, client, tokens):
        yield client, tokens


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "limits.db"
    path.write_bytes(sqlite_template.read_bytes())
    return f"sqlite+aiosqlite:///{path}"


async def post(
    client: httpx.AsyncClient, token: str, query: str, variables: dict[str, Any] | None = None
) -> httpx.Response:
    return await client.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"Authorization": f"Bearer {token}"},
    )


async def statements_of(api: Api, run: Callable[[], Any]) -> list[str]:
    api.counter.statements.clear()
    api.counter.active = True
    try:
        await run()
    finally:
        api.counter.active = False
    return list(api.counter.statements)


async def assert_refused_before_it_runs(
    api: Api, query: str, variables: dict[str, Any] | None, words: str
) -> dict[str, Any]:
    """Refused with no `data`, and no statement at all (the token is remembered by then)."""
    await api.post("{ __typename }")  # signs in: the token is read once, then remembered
    body: dict[str, Any] = {}

    async def run() -> None:
        body.update(await api.post(query, variables))

    statements = await statements_of(api, run)

    assert "data" not in body, body
    assert words in body["errors"][0]["message"].lower(), body
    assert statements == []
    return body


# Depth, aliases, tokens


async def test_a_query_deeper_than_15_is_refused_before_it_runs(api: Api) -> None:
    # accounts (0) > nodes (1) > 14 x parent (2..15) > name (16)
    nested = "parent { " * 14 + "name" + " }" * 14
    body = await assert_refused_before_it_runs(
        api, f"{{ accounts {{ nodes {{ {nested} }} }} }}", None, "exceeds maximum operation depth"
    )
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_a_query_of_depth_15_runs(api: Api) -> None:
    nested = "parent { " * 13 + "name" + " }" * 13
    assert await api.ok(f"{{ accounts {{ nodes {{ {nested} }} }} }}") == {"accounts": {"nodes": []}}


async def test_31_aliases_are_refused_and_30_run(api: Api) -> None:
    def aliases(n: int) -> str:
        return "{ " + " ".join(f"a{i}: viewer {{ name }}" for i in range(n)) + " }"

    await assert_refused_before_it_runs(api, aliases(31), None, "aliases")
    assert len(await api.ok(aliases(30))) == 30


async def test_more_than_5000_tokens_are_refused_before_they_run(api: Api) -> None:
    many = "{ viewer { " + "name " * 5000 + "} }"
    await assert_refused_before_it_runs(api, many, None, "tokens")
    statuses = ", ".join(["DRAFT"] * 4980)  # 4980 + 14 tokens
    assert await api.ok(f"{{ businessPlans(status: [{statuses}]) {{ totalCount }} }}") == {
        "businessPlans": {"totalCount": 0}
    }


# Cost


def test_the_cost_counts_the_objects_a_query_may_return() -> None:
    assert cost("{ viewer { name } }") == 1
    assert cost("{ accounts { totalCount } }") == 1  # the connection object only
    assert cost("{ accounts { nodes { name } } }") == 1 + 50  # first defaults to 50
    assert cost("{ accounts(first: 10) { nodes { name owner { name } } } }") == 1 + 10 * 2
    assert cost("{ accounts(first: 10) { edges { node { name } } pageInfo { endCursor } } }") == (
        1 + 10 * 2 + 1
    )
    nested = "{ accounts(first: 10) { nodes { businessPlans(first: 20) { nodes { name } } } } }"
    assert cost(nested) == 1 + 10 * (1 + 1 + 20)
    # a list that is not a connection counts 10 items
    history = "{ businessPlans(first: 1) { nodes { statusHistory { to } } } }"
    assert cost(history) == 1 + 1 * (1 + 10)
    # variables, their defaults, and null for the default page size
    by_variable = "query($n: Int = 7) { accounts(first: $n) { nodes { name } } }"
    assert (cost(by_variable, {}), cost(by_variable, {"n": 3}), cost(by_variable, {"n": None})) == (
        1 + 7,
        1 + 3,
        1 + 50,
    )


def test_fragments_count_as_if_written_out() -> None:
    inline = "{ accounts(first: 10) { nodes { ... on Account { owner { name } } } } }"
    spread = "{ accounts(first: 10) { nodes { ...A } } } fragment A on Account { owner { name } }"
    on_node = '{ node(id: "x") { ... on Account { contacts(first: 5) { nodes { id } } } } }'

    assert cost(inline) == cost(spread) == 1 + 10 * 2
    assert cost(on_node) == 1 + (1 + 5)


def test_the_budget_admits_the_planning_picture_and_refuses_nested_pages_of_500() -> None:
    budget = Settings().max_query_cost
    nested = (
        "{ accounts(first: 500) { nodes { businessPlans(first: 500) { nodes { "
        "subPlans(first: 500) { nodes { name } } } } } } }"
    )

    assert cost(readme_picture_query()) == 16_906
    assert cost(PICTURE, {"id": "x"}) == 40_109
    assert cost(PICTURE, {"id": "x", "first": 500}) == 3_101_009 <= budget
    assert cost(nested) == 125_501_001 > budget


FIVE_DEEP = """query($n: Int) { accounts(first: $n) { nodes { businessPlans(first: $n) { nodes {
  subPlans(first: $n) { nodes { objectives(first: $n) { nodes {
  subObjectives(first: $n) { nodes { name } } } } } } } } } } }"""


async def test_a_query_over_the_cost_budget_is_refused_before_it_runs(api: Api) -> None:
    body = await assert_refused_before_it_runs(api, FIVE_DEEP, {"n": 500}, "query cost")

    error = body["errors"][0]
    assert error["message"] == (
        "Query cost 31375250501001 exceeds the budget of 5000000: "
        "lower `first` on nested connections."
    )
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert await api.ok(FIVE_DEEP, {"n": 5}) == {"accounts": {"nodes": []}}


async def test_the_cost_of_fragments_is_counted(api: Api) -> None:
    query = """{ accounts(first: 500) { nodes { ...Plans } } }
      fragment Plans on Account { businessPlans(first: 500) { nodes { ... on BusinessPlan {
        subPlans(first: 500) { nodes { name } } } } } }"""
    body = await assert_refused_before_it_runs(api, query, None, "query cost 125501001")
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"


async def test_the_readme_picture_query_runs(api: Api) -> None:
    query = readme_picture_query().replace('"QWNjb3VudDox"', '"QWNjb3VudDo5OTk5"')
    assert await api.ok(query) == {"account": None}


async def test_only_the_operation_that_runs_is_costed(sqlite_url: str) -> None:
    document = "query Small { viewer { name } } query Big { accounts { nodes { owner { name } } } }"
    headers = {"Authorization": "Bearer "}
    async with serving(database_url=sqlite_url, max_query_cost=100) as (client, tokens):
        headers["Authorization"] += tokens["anna"]
        small, big = [
            await client.post(
                "/graphql", json={"query": document, "operationName": name}, headers=headers
            )
            for name in ("Small", "Big")
        ]

    assert data_of(small) == {"data": {"viewer": {"name": "Anna Manager"}}}
    assert big.json()["errors"][0]["message"].startswith("Query cost 101 exceeds the budget of 100")


# Introspection


INTROSPECT = "{ __schema { queryType { name } } }"


async def test_introspection_is_on_by_default(api: Api) -> None:
    assert await api.ok(INTROSPECT) == {"__schema": {"queryType": {"name": "Query"}}}


async def test_introspection_can_be_turned_off(sqlite_url: str) -> None:
    async with serving(database_url=sqlite_url, introspection=False) as (client, tokens):
        refused = await post(client, tokens["anna"], INTROSPECT)
        by_type = await post(client, tokens["anna"], '{ __type(name: "Query") { name } }')
        typename = await post(client, tokens["anna"], "{ __typename viewer { name } }")
        page = await client.get("/graphql", headers={"Accept": "text/html"})

    for response in (refused, by_type):
        assert "data" not in response.json()
        assert "introspection has been disabled" in response.json()["errors"][0]["message"]
    assert data_of(typename) == {
        "data": {"__typename": "Query", "viewer": {"name": "Anna Manager"}}
    }
    assert page.status_code == 200 and "graphiql" in page.text.lower()


# The time limit of a request


def pool_capacity(engine: AsyncEngine) -> int:
    pool = engine.pool
    assert isinstance(pool, QueuePool)
    return pool.size() + pool._max_overflow  # the most connections it hands out at once


@asynccontextmanager
async def every_connection_held(engine: AsyncEngine) -> AsyncIterator[None]:
    """The app's pool emptied by the test: a request that needs the database waits for as long
    as the test holds them, however fast or slow the machine is."""
    async with AsyncExitStack() as stack:
        for _ in range(pool_capacity(engine)):
            await stack.enter_async_context(engine.connect())
        yield


def checked_out(engine: AsyncEngine) -> int:
    pool = engine.pool
    assert isinstance(pool, QueuePool)
    return pool.checkedout()


@contextmanager
def time_limit(app: Starlette, seconds: float) -> Iterator[None]:
    """The request time limit of a running app, for the requests inside this block only.

    Outside it the limit is off, so that no request but the one a test stops can reach it,
    however busy the machine."""
    endpoint = app.state.graphql
    endpoint.limits = dataclasses.replace(endpoint.limits, request_timeout_seconds=seconds)
    try:
        yield
    finally:
        endpoint.limits = dataclasses.replace(endpoint.limits, request_timeout_seconds=0)


async def wait_forever() -> None:
    await asyncio.Event().wait()


# The token is remembered after its first use, so that sign-in needs no connection later.
# Tokens remembered, fair use off: with the pool held, neither may need a connection.
REMEMBER_TOKENS = {"token_cache_seconds": 3600, "cost_bucket_max": 0}


async def test_a_request_over_the_time_limit_is_stopped_and_the_server_keeps_serving(
    database_url: str,
) -> None:
    accounts = "{ accounts { totalCount } }"
    async with serving_app(database_url=database_url, **REMEMBER_TOKENS) as (app, client, tokens):
        engine: AsyncEngine = app.state.engine
        signed_in = await post(client, tokens["anna"], "{ viewer { name } }")
        async with every_connection_held(engine):
            with time_limit(app, 0.3):
                response = await post(client, tokens["anna"], accounts)
            still_held = checked_out(engine)
        after = await post(client, tokens["anna"], accounts)
        left_checked_out = checked_out(engine)

    assert signed_in.json() == {"data": {"viewer": {"name": "Anna Manager"}}}
    assert response.status_code == 504
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert "data" not in body
    error = body["errors"][0]
    assert error["extensions"]["code"] == "TIMEOUT"
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert error["message"] == (
        "The request took longer than 0.3 seconds and was stopped "
        f"(request {error['extensions']['requestId']})."
    )
    assert still_held == pool_capacity(engine)
    assert data_of(after) == {"data": {"accounts": {"totalCount": 0}}}
    assert left_checked_out == 0  # the stopped request took no connection away with it


async def test_a_mutation_stopped_by_the_time_limit_writes_nothing(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = mutation_kit.in_transaction

    async def written_then_stuck(ctx: Any, work: Any) -> Any:
        async def stuck_after_writing(session: Any) -> Any:
            result = await work(session)
            await session.flush()  # the row is written inside the open transaction
            await wait_forever()
            return result

        return await real(ctx, stuck_after_writing)

    create = 'mutation { createAccount(input: {name: "Slow"}) { account { id } } }'
    count = "{ accounts { totalCount } }"
    async with serving_app(database_url=sqlite_url, **REMEMBER_TOKENS) as (app, client, tokens):
        await post(client, tokens["anna"], "{ viewer { name } }")  # signs in: remembered
        monkeypatch.setattr(directory_mutations, "in_transaction", written_then_stuck)
        with time_limit(app, 0.3):
            response = await post(client, tokens["anna"], create)
        monkeypatch.setattr(directory_mutations, "in_transaction", real)
        accounts = await post(client, tokens["admin"], count)
        again = await post(client, tokens["anna"], create)  # the write lock is free again
        accounts_after = await post(client, tokens["admin"], count)

    assert response.status_code == 504
    assert response.json()["errors"][0]["extensions"]["code"] == "TIMEOUT"
    assert data_of(accounts) == {"data": {"accounts": {"totalCount": 0}}}
    assert again.json()["data"]["createAccount"]["account"]["id"]
    assert data_of(accounts_after) == {"data": {"accounts": {"totalCount": 1}}}


async def test_a_statement_over_the_postgresql_statement_timeout_fails_cleanly(
    database_url: str,
) -> None:
    if is_sqlite(database_url):
        pytest.skip("statement_timeout is a PostgreSQL setting")
    accounts = "{ accounts { totalCount } }"
    # Far under the request's limit (15 s), far over what counting no accounts takes.
    async with serving(database_url=database_url, statement_timeout_ms=1000) as (client, tokens):
        await post(client, tokens["anna"], "{ viewer { name } }")  # signs in before the lock
        blocker = make_engine(database_url)
        try:
            async with blocker.begin() as connection:
                # Every read of accounts waits for this lock until the statement_timeout.
                await connection.execute(text("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE"))
                response = await post(client, tokens["anna"], accounts)
        finally:
            await blocker.dispose()
        after = await post(client, tokens["anna"], accounts)

    assert response.status_code == 200  # execution started: a field error
    body = response.json()
    assert body["data"] is None
    error = body["errors"][0]
    assert (error["path"], error["extensions"]["code"]) == (["accounts"], "TIMEOUT")
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert "LOCK" not in str(body) and "statement_timeout" not in str(body)
    assert data_of(after) == {"data": {"accounts": {"totalCount": 0}}}


# Batches


async def test_a_batch_is_refused_and_nothing_in_it_runs(api: Api) -> None:
    create = {"query": 'mutation { createAccount(input: {name: "Batched"}) { account { id } } }'}
    counter: StatementCounter = api.counter
    counter.statements.clear()
    counter.active = True
    response = await api.client.post(
        "/graphql",
        json=[create, {"query": "{ viewer { name } }"}],
        headers={"Authorization": f"Bearer {api.tokens['anna']}"},
    )
    counter.active = False

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BATCH_NOT_SUPPORTED"
    assert counter.statements == []
    assert await api.ok("{ accounts { totalCount } }", user="admin") == {
        "accounts": {"totalCount": 0}
    }


def test_the_limits_are_the_documented_ones() -> None:
    settings = Settings()
    readme = README.read_text()

    assert (settings.max_depth, settings.max_aliases, settings.max_tokens) == (15, 30, 5_000)
    assert settings.max_query_cost == 5_000_000
    assert (settings.request_timeout_seconds, settings.statement_timeout_ms) == (15.0, 10_000)
    for name in (
        "PLANGRAPH_MAX_QUERY_COST",
        "PLANGRAPH_REQUEST_TIMEOUT_SECONDS",
        "PLANGRAPH_STATEMENT_TIMEOUT_MS",
        "PLANGRAPH_INTROSPECTION",
    ):
        assert name in readme


def test_a_remembered_cost_follows_the_page_size_variables_only() -> None:
    """The cost of one parsed operation is remembered per value of its `first`/`last`
    variables (schema/cost.py): a new page size is counted anew, any other variable (or a
    fragment's page size) is part of the key only when it sets a page size."""
    query = """query($id: ID!, $n: Int, $m: Int) { account(id: $id) { ...Plans
      contacts(first: $n) { nodes { id } } } }
    fragment Plans on Account { businessPlans(first: $m) { nodes { id } } }"""
    document = parse(query)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    schema = build_schema()._schema

    def counted(**variables: Any) -> int:
        return query_cost(schema, operation, fragments, variables)

    small = counted(id="a", n=2, m=3)
    assert small == cost(query, {"id": "b", "n": 2, "m": 3})  # a fresh parse: counted anew
    assert counted(id="c", n=2, m=3) == small  # another account, same pages
    assert counted(id="a", n=20, m=3) == small + 18  # 18 more contacts
    assert counted(id="a", n=2, m=30) == small + 27  # the fragment's page size counts
    assert counted(id="a", n=2, m=3) == small
    assert counted(id="a", n=[1], m=3) == small - 2 + 50  # not an Int: the default page


@pytest.mark.parametrize("generic", [True, False])
async def test_a_prepared_statement_is_planned_once_per_connection(
    database_url: str, generic: bool
) -> None:
    """PostgreSQL plans each of the server's prepared statements once per connection, at its
    first execution (models/db.py): no custom plan for each of the first five executions, as
    by default, which fell on a fresh server's first requests. PLANGRAPH_GENERIC_PLANS=false
    restores the default."""
    if not database_url.startswith("postgresql"):
        pytest.skip("plan_cache_mode is a PostgreSQL setting")
    app = create_app(Settings(database_url=database_url, generic_plans=generic))
    statement = "SELECT count(*) FROM accounts WHERE owner_id = $1 AND name <> $2"
    try:
        async with app.state.engine.connect() as connection:
            for owner in (1, 2, 3):
                await connection.exec_driver_sql(statement, (owner, "x"))
            plans = (await connection.execute(text(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                " WHERE statement = :statement"
            ), {"statement": statement})).one()  # fmt: skip
    finally:
        await app.state.engine.dispose()
    assert tuple(plans) == ((3, 0) if generic else (0, 3))  # executions with each kind


async def test_statements_run_without_jit(database_url: str) -> None:
    """JIT off on the server's PostgreSQL connections (models/db.py), sent as a startup
    parameter like statement_timeout: with it on, an account manager's planning picture cost
    1 s of compiling to machine code on every execution (README "PgBouncer": behind it, set
    it on the database)."""
    if not database_url.startswith("postgresql"):
        pytest.skip("jit is a PostgreSQL setting")
    app = create_app(Settings(database_url=database_url))
    try:
        async with app.state.engine.connect() as connection:
            jit = (await connection.execute(text("SHOW jit"))).scalar_one()
    finally:
        await app.state.engine.dispose()
    assert jit == "off"
