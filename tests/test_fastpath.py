"""Differential test: the compiled fast path answers exactly like the general strawberry path."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import hypothesis_graphql
import pytest
from graphql import StringValueNode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, text

from bench.generate import generate
from models import Role
from models.db import make_engine, make_writer_sessionmaker
from resolvers.context import new_context
from resolvers.ids import to_global_id
from resolvers.visibility import Viewer
from schema import build_schema
from schema.fast import FastPath
from settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PICTURE = (ROOT / "bench" / "queries" / "picture.graphql").read_text()
EXAMPLES = int(os.environ.get("PLANGRAPH_HYPOTHESIS_EXAMPLES", "60"))
SCHEMA = build_schema()

QUERIES = [
    """query($id: ID!) { account(id: $id) { id name __typename owner { name email role }
      parent { id } subsidiaries { totalCount }
      contacts(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { firstName lastName email accounts { totalCount nodes { name } } } } }
      businessPlans(rootOnly: true) { totalCount edges { cursor via viaContact { id lastName }
        node { id name type status description currency version createdAt updatedAt
          revenueTarget { amount currency } wonRevenue { amount currency __typename }
          pipelineRevenue { amount } period { name type startDate endDate parent { name } }
          owner { name } parent { name } copiedFrom { name status } statusHistory { from to changedAt comment changedBy { name } }
          accounts { edges { isPrimary node { name } } } contacts { nodes { lastName } }
          subPlans(first: 2) { pageInfo { hasNextPage endCursor } nodes { name parent { name } } }
          opportunities(first: 3) { totalCount nodes { name closeDate plans { totalCount }
            contacts { totalCount } objective { name plan { name } } } }
          activities(first: 4) { nodes { subject dueAt type followUpOf { subject } followUps { totalCount } } }
          objectives(first: 2) { nodes { name target unit measure isGlobal revenueTarget { amount }
            subObjectives { totalCount } account { name } contact { firstName } period { id } } } } } }
      objectives(first: 7, via: [CONTACT, GLOBAL]) { totalCount edges { via viaContact { lastName } node { name } } }
      opportunities(first: 5, stage: [CLOSED_WON, PROPOSAL]) { totalCount edges { via node { name stage } } }
      activities(first: 5, status: [NOT_STARTED]) { totalCount edges { via node { subject status } } }
    } }""",
    """query($id: ID!) { node(id: $id) { __typename id ... on Account { name }
      ... on Node { id } ...F } } fragment F on Account { contacts { totalCount } }""",
    """{ viewer { id name } accounts(first: 2, search: "account 2") { totalCount nodes { name } }
      businessPlans(first: 3, status: [DRAFT]) { totalCount pageInfo { hasNextPage endCursor }
        nodes { name } } globalObjectives(first: 4) { totalCount nodes { name isGlobal } }
      periods(type: QUARTER) { nodes { name startDate } } __typename }""",
    """query($id: ID!, $skip: Boolean = true) { account(id: $id) { name @skip(if: $skip)
      id @include(if: $skip) a: businessPlans(first: 1) { totalCount } b: businessPlans(first: 2,
      after: "Y3Vyc29yOjE=") { totalCount pageInfo { hasPreviousPage hasNextPage }
      nodes { name } } } }""",
    """{ accounts(first: 2, after: "Y3Vyc29yOk5BTUU6REVTQzoz", orderBy: {field: NAME, direction: DESC}) { totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name } } }
      periods(last: 2, orderBy: {field: START_DATE, direction: DESC}) { pageInfo { hasNextPage
      hasPreviousPage startCursor endCursor } nodes { name startDate } }
      businessPlans(first: 4, orderBy: {field: STATUS, direction: DESC}) { edges { cursor node { name } } }
      globalObjectives(last: 3, before: "Y3Vyc29yOjE1") { pageInfo { hasNextPage hasPreviousPage } nodes { name } } }""",
    """query($id: ID!) { account(id: $id) {
      opportunities(last: 3, before: "Y3Vyc29yOkNMT1NFX0RBVEU6REVTQzoyNA==", orderBy: {field: CLOSE_DATE, direction: DESC}) {
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor via node { name closeDate amount { amount } } } }
      a: opportunities(first: 3, orderBy: {field: AMOUNT, direction: ASC}, stage: [CLOSED_WON]) { edges { cursor node { name } } }
      activities(first: 5, after: "Y3Vyc29yOkRVRV9BVDpBU0M6MTY2", orderBy: {field: DUE_AT, direction: ASC}) {
        pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { subject dueAt } } }
      businessPlans(last: 2, orderBy: {field: UPDATED_AT, direction: DESC}) { edges { cursor node { name
        subPlans(last: 2) { pageInfo { hasPreviousPage startCursor } nodes { name } } } } }
      contacts(last: 2, before: "Y3Vyc29yOjU=") { pageInfo { hasNextPage hasPreviousPage } nodes { lastName } } } }""",
    """query($id: ID!) { account(id: $id) {
      activities(first: 3, after: "Y3Vyc29yOjEw") { totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor via node { subject } } }
      b: activities(last: 2, before: "Y3Vyc29yOjIw") { totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { subject } }
      objectives(first: 2, via: [ACCOUNT, GLOBAL]) { totalCount pageInfo { hasNextPage endCursor } nodes { name } }
      opportunities(last: 2) { totalCount pageInfo { hasPreviousPage hasNextPage } edges { cursor via node { name } } } } }""",
    # Progress on pages read backward (on SQLite re-sorted by a subquery of their own)
    """query($id: ID!) { account(id: $id) {
      objectives(last: 6, via: [ACCOUNT, GLOBAL]) { edges { actualForAccount node { name actual progress } } }
      businessPlans(last: 2) { nodes { objectives(last: 3) { nodes { measure actual progress } } } } } }""",
]


@pytest.fixture
async def bench_db(database_url: str) -> AsyncIterator[str]:
    await generate(database_url, accounts=3, seed=7, progress=lambda _: None)
    engine = make_engine(database_url)
    async with engine.begin() as connection:  # a second currency, converted in the roll-ups
        await connection.execute(
            text("INSERT INTO exchange_rates (base, quote, rate) VALUES ('USD', 'EUR', 9000000000)")
        )
        await connection.execute(text("UPDATE opportunities SET currency = 'USD' WHERE id % 7 = 0"))
        await connection.execute(  # copies: some plans point back at the plan made before them
            text("UPDATE business_plans SET copied_from_id = id - 1 WHERE id % 3 = 0")
        )
    await engine.dispose()
    yield database_url


VIEWERS = {
    "admin": Viewer(1, Role.ADMIN, "Admin", "admin@bench.example"),
    "manager": Viewer(2, Role.ACCOUNT_MANAGER, "Manager", "manager01@bench.example"),
}


async def _both(url: str, query: str, variables: dict[str, Any], viewer: Viewer) -> tuple[Any, Any]:
    engine = make_engine(url)
    settings = Settings(database_url=url, fast_path_strict=True)
    fast_path = FastPath.for_engine(SCHEMA, engine, settings)
    assert fast_path is not None
    try:
        fast = await fast_path.answer(query, variables, None, viewer)
        context = new_context(engine, make_writer_sessionmaker(engine), viewer)
        general = await SCHEMA.execute(query, variable_values=variables, context_value=context)
        await context.loaders.waves.close()
    finally:
        await engine.dispose()
    return (None if fast is None else json.loads(fast)), general


def _assert_same(fast: Any, general: Any) -> None:
    executed = any(e.path is not None for e in general.errors or [])
    if general.errors and not (executed and fast is not None):
        assert fast is None, (
            "the fast path answered a query the general path refused",
            general.errors,
        )
    elif general.errors:  # field errors (a missing rate): the same data and the same errors
        assert fast["data"] == general.data, _difference(fast["data"], general.data)
        assert [(e["path"], e["message"], e["extensions"]) for e in fast["errors"]] == [
            (e.path, e.message, e.extensions) for e in general.errors
        ]
    elif fast is not None:
        assert fast == {"data": general.data}, _difference(fast, {"data": general.data})


def _difference(a: Any, b: Any, path: str = "") -> str:
    """The first place where two documents differ, for a readable failure."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if a.get(key, "<missing>") != b.get(key, "<missing>"):
                return _difference(
                    a.get(key, "<missing>"), b.get(key, "<missing>"), f"{path}.{key}"
                )
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _difference(x, y, f"{path}[{index}]")
    return f"at {path}: fast {str(a)[:300]} != general {str(b)[:300]}"


async def test_the_picture_is_the_same_on_both_paths(bench_db: str) -> None:
    for viewer in VIEWERS.values():
        for pk in (1, 2, 3):
            variables = {"id": to_global_id("Account", pk)}
            fast, general = await _both(bench_db, PICTURE, variables, viewer)
            assert fast is not None and not general.errors
            _assert_same(fast, general)


async def test_hand_written_queries_are_the_same_on_both_paths(bench_db: str) -> None:
    answered = []
    for viewer in VIEWERS.values():
        for query in QUERIES:
            for pk in (1, 2):
                variables = {"id": to_global_id("Account", pk)}
                fast, general = await _both(bench_db, query, variables, viewer)
                answered.append(fast is not None)
                _assert_same(fast, general)
    assert all(answered)


async def test_generated_queries_are_the_same_on_both_paths(bench_db: str) -> None:
    schema_sdl = (ROOT / "schema.graphql").read_text()
    ids = st.sampled_from(
        [
            to_global_id(t, pk)
            for t in ("Account", "BusinessPlan", "Objective", "Activity", "Period")
            for pk in (1, 2, 2**31)  # past the 32-bit keys: an id naming nothing
        ]
    )
    id_nodes = ids.map(lambda value: StringValueNode(value=value))
    strategy = hypothesis_graphql.queries(
        schema_sdl,
        fields=["account", "businessPlan", "node", "accounts", "globalObjectives"],
        custom_scalars={"ID": id_nodes},
        allow_x00=False,
    )
    compiled = []

    loop = asyncio.new_event_loop()  # one loop for every example, in a thread of its own

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(query=strategy, viewer=st.sampled_from(list(VIEWERS)))
    def check(query: str, viewer: str) -> None:
        fast, general = loop.run_until_complete(_both(bench_db, query, {}, VIEWERS[viewer]))
        compiled.append(fast is not None)
        _assert_same(fast, general)

    try:
        await asyncio.to_thread(check)
    finally:
        await asyncio.to_thread(loop.close)
    assert sum(compiled) > len(compiled) // 4, "the fast path should answer most generated queries"


async def test_over_http_the_first_request_takes_the_fast_path(bench_db: str) -> None:
    import httpx
    from sqlalchemy import event

    from server import create_app
    from settings import Settings
    from tests.conftest import StatementCounter

    app = create_app(Settings(database_url=bench_db))
    counter = StatementCounter()
    event.listen(app.state.engine.sync_engine, "before_cursor_execute", counter)
    token = await _admin_token(app.state.engine)
    bodies, counts = [], []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        for _ in range(2):
            counter.statements.clear()
            counter.active = True
            response = await client.post(
                "/graphql",
                json={"query": PICTURE, "variables": {"id": to_global_id("Account", 1)}},
                headers={"Authorization": f"Bearer {token}"},
            )
            counter.active = False
            bodies.append(response.json())
            counts.append(counter.count)
    await app.state.engine.dispose()

    assert bodies[0] == bodies[1] and "errors" not in bodies[0]
    # The whole picture; this data converts USD to EUR, and on PostgreSQL the same statement
    # reads the exchange rates (resolvers/fastpath/compile.py _with_rates), where SQLite
    # reads them after. The token was read by the first request and is remembered. SQLite
    # reads each list nested below the first level with a statement of its own, for all its
    # parents at once (here 7).
    assert counts[1] == (1 if "postgresql" in bench_db else 9), counter.statements
    assert "exchange_rates" in counter.statements[0] or "sqlite" in bench_db
    assert counts[0] == counts[1] + 1  # the same, and the token's look-up


async def _admin_token(engine: Any) -> str:
    from models import ApiToken
    from models.user import hash_token, new_token

    token = new_token()
    async with engine.begin() as connection:
        await connection.execute(insert(ApiToken).values(user_id=1, token_hash=hash_token(token)))
    return token


def test_every_field_of_the_graph_is_declared_in_the_read_registry() -> None:
    from resolvers.read.specs import TYPE_MODELS
    from schema.registry import build_registry

    graphql_schema = SCHEMA._schema
    registry = build_registry(graphql_schema)
    missing = [
        f"{type_name}.{field}"
        for type_name in [*TYPE_MODELS, "Query"]
        for field in getattr(graphql_schema.type_map[type_name], "fields", {})
        if field not in registry.get(type_name, {})
    ]
    assert missing == []


async def test_fallbacks_are_counted_by_reason(bench_db: str) -> None:
    engine = make_engine(bench_db)
    fast_path = FastPath.for_engine(SCHEMA, engine, Settings(database_url=bench_db))
    assert fast_path is not None
    viewer = VIEWERS["admin"]
    introspection = "{ __schema { queryType { name } } }"
    too_many = "{ accounts(first: 501) { totalCount } }"
    invalid = "{ viewer { nope } }"
    try:
        for query in (introspection, too_many, invalid):
            assert await fast_path.answer(query, {}, None, viewer) is None
        assert await fast_path.answer("{ viewer { id } }", {}, None, viewer) is not None
    finally:
        await engine.dispose()

    assert fast_path.fallbacks == {"not_covered": 1, "argument": 1, "invalid": 1}


async def test_literal_arguments_are_read_once_and_variables_in_every_request(
    bench_db: str,
) -> None:
    """A compiled statement serves every request of its shape: a literal `first` is coerced
    once (resolvers/fastpath/selection.py), a variable's value is read again per request, and
    a literal that fails is refused every time, not remembered as a value."""
    engine = make_engine(bench_db)
    fast_path = FastPath.for_engine(SCHEMA, engine, Settings(database_url=bench_db))
    assert fast_path is not None
    viewer = VIEWERS["admin"]
    literal = "{ accounts(first: 2) { nodes { id } } }"
    variable = "query($n: Int) { accounts(first: $n) { nodes { id } } }"
    too_many = "{ accounts(first: 501) { totalCount } }"

    async def sizes(query: str, variables: dict[str, Any]) -> int | None:
        body = await fast_path.answer(query, variables, None, viewer)
        return None if body is None else len(json.loads(body)["data"]["accounts"]["nodes"])

    try:
        assert [await sizes(literal, {}) for _ in range(2)] == [2, 2]
        assert [await sizes(variable, {"n": n}) for n in (1, 3, 1)] == [1, 3, 1]
        assert [await sizes(too_many, {}) for _ in range(2)] == [None, None]
    finally:
        await engine.dispose()
    assert fast_path.fallbacks == {"argument": 2}


REVENUE = """query($id: ID!) { account(id: $id) { businessPlans(first: 5) { nodes { name
  wonRevenue { amount currency } pipelineRevenue { amount }
  revenueByCurrency { won { amount currency } pipeline { currency amount } missingRates } } } } }"""


async def test_a_missing_rate_is_the_same_on_both_paths(bench_db: str) -> None:
    """Two currencies without a rate into EUR, each in won and open sums: missingRates
    names each pair once, in the order of the currencies, on both paths."""
    engine = make_engine(bench_db)
    async with engine.begin() as connection:  # CHF and AUD have no rate into EUR
        await connection.execute(text("UPDATE opportunities SET currency = 'CHF' WHERE id % 5 = 0"))
        await connection.execute(
            text("UPDATE opportunities SET currency = 'AUD' WHERE id % 11 = 0")
        )
    await engine.dispose()
    errors: list[Any] = []
    missing = []
    for viewer in VIEWERS.values():
        fast, general = await _both(bench_db, REVENUE, {"id": to_global_id("Account", 1)}, viewer)
        assert fast is not None
        _assert_same(fast, general)
        errors += general.errors or []
        plans = (fast["data"]["account"] or {"businessPlans": {"nodes": []}})["businessPlans"]
        missing += [plan["revenueByCurrency"]["missingRates"] for plan in plans["nodes"]]

    assert errors and {e.extensions["code"] for e in errors} == {"MISSING_EXCHANGE_RATE"}
    assert ["AUD->EUR", "CHF->EUR"] in missing


async def test_the_collector_is_paused_only_while_a_statement_compiles(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """schema/fast.py: no garbage collection during a compile, and the collector back on
    after it, whether the compile succeeded, found the document not covered, or failed."""
    import gc

    import schema.fast

    engine = make_engine(database_url)
    fast_path = FastPath.for_engine(SCHEMA, engine, Settings(database_url=database_url))
    assert fast_path is not None
    real, seen = getattr(schema.fast, "compile_query"), []  # noqa: B009 (not exported)

    def compile_query(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args)

    monkeypatch.setattr(schema.fast, "compile_query", compile_query)
    viewer = VIEWERS["admin"]
    try:
        assert await fast_path.answer("{ viewer { id } }", {}, None, viewer) is not None
        assert (
            await fast_path.answer("{ __schema { queryType { name } } }", {}, None, viewer) is None
        )
        monkeypatch.setattr(schema.fast, "compile_query", lambda *args: 1 / 0)
        assert await fast_path.answer("{ viewer { name } }", {}, None, viewer) is None
    finally:
        await engine.dispose()
    assert seen == [False, False] and gc.isenabled()
    assert fast_path.fallbacks == {"not_covered": 1, "error": 1}


async def test_the_check_reuses_the_requests_parse_and_keeps_its_token_bound(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """schema/fast.py check: the document the request parsed (schema/request_cost.py, under
    the token bound) is what strawberry validates, not parsed a second time; a document over
    the bound is still refused by the check (strawberry's own parse then reports it)."""
    import strawberry.schema.schema

    from schema.request_cost import parsed_document

    settings = Settings(database_url=database_url)
    engine = make_engine(database_url)
    fast_path = FastPath.for_engine(SCHEMA, engine, settings)
    assert fast_path is not None
    real, parses = getattr(strawberry.schema.schema, "parse"), []  # noqa: B009 (not exported)

    def parse(*args: Any, **kwargs: Any) -> Any:
        parses.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(strawberry.schema.schema, "parse", parse)
    query = "query Reused($id: ID!) { account(id: $id) { name } }"
    too_many = "{ viewer { " + "name " * settings.max_tokens + "} }"
    viewer = VIEWERS["admin"]
    try:
        variables = {"id": to_global_id("Account", 1)}
        assert await fast_path.answer(query, variables, None, viewer) is not None
        assert await fast_path.answer(too_many, {}, None, viewer) is None
    finally:
        await engine.dispose()
    assert parses == [too_many]  # the accepted one was not parsed again
    document = parsed_document(query, settings.max_tokens)
    assert document is not None and fast_path._accepted[query] is document
    assert parsed_document(too_many, settings.max_tokens) is None
    assert fast_path.fallbacks == {"invalid": 1}


def test_field_locations_are_graphql_core_s_at_every_offset() -> None:
    """resolvers/fastpath/selection.py line_and_column: the line and column a field error
    reports, from a table of line breaks instead of graphql-core's scan per location."""
    from graphql import Source

    from resolvers.fastpath.selection import line_and_column

    for body in (PICTURE, "a\nbc\r\nd\re\n\nf g", "x", "\n\n\r\n", "{ a }\r\n\r\n{ b }"):
        source = Source(body)
        for position in range(len(body) + 1):
            where = source.get_location(position)
            assert line_and_column(body, position) == (where.line, where.column)
