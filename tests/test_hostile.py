"""Hostile input, generated: random valid and invalid operations (from schema.graphql, with
hypothesis-graphql), random variables for real operations, random JSON bodies, headers and
content types, strings with NUL, huge numbers, deep nesting.

For every example: never a 5xx, never a stack trace or an internal name in the body, always
JSON (or GraphiQL's HTML for a browser's GET); and, for a sample, a refused request wrote
nothing (counts of every table before and after).

PLANGRAPH_HYPOTHESIS_EXAMPLES sets the examples per test (CI: 40); run with more on demand,
e.g. PLANGRAPH_HYPOTHESIS_EXAMPLES=2000. `pytest -s` prints what each kind of input got.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, nodes, queries
from sqlalchemy import text

from models import Base
from tests import factories as f
from tests.factories import Api

EXAMPLES = int(os.environ.get("PLANGRAPH_HYPOTHESIS_EXAMPLES", "40"))
SDL = (Path(__file__).resolve().parent.parent / "schema.graphql").read_text()
LEAKS = ("Traceback", 'File "', "sqlalchemy", "asyncpg", "sqlite3", "aiosqlite", "/work/",
         "site-packages", "strawberry.", "graphql.error")  # fmt: skip
TABLES = [t.name for t in Base.metadata.sorted_tables]
HYPOTHESIS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("CI") == "true",
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)

# What each kind of hostile input got: kind -> Counter of "status code" outcomes.
TABLE: dict[str, Counter[str]] = defaultdict(Counter)


@pytest.fixture(scope="module", autouse=True)
def print_table() -> Iterator[None]:
    yield
    if TABLE:
        print("\n\nhostile input -> responses (status, error code or 'data')")
        for kind, outcomes in sorted(TABLE.items()):
            shown = ", ".join(f"{o} x{n}" for o, n in outcomes.most_common())
            print(f"  {kind:28} {shown}")


# --- strategies -------------------------------------------------------------------------------

NASTY_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1).map(lambda s: s + "\x00" + s),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\ud7ff\ufffe",
            "' OR 1=1 --",
            "Robert'); DROP TABLE plans;--",
            "%s%s%s",
            "{{7*7}}",
            "../../etc/passwd",
            "\u202e\u0000",
            "a" * 100_001,
            "QnVzaW5lc3NQbGFuOjE=",
            "QnVzaW5lc3NQbGFuOjk5OTk5OTk5OTk5OTk5OTk5OTk5",
            "QWNjb3VudDotMQ==",
            "VXNlcjox",
        ]
    ),
)
HUGE_NUMBERS = st.one_of(
    st.integers(),
    st.sampled_from([2**31, -(2**31) - 1, 2**63, 10**400, -(10**400)]),
    st.floats(allow_nan=False, allow_infinity=False),
)
SCALARS = {
    "Date": st.one_of(st.dates().map(nodes.String), NASTY_TEXT.map(nodes.String)),
    "DateTime": st.one_of(
        st.datetimes().map(lambda d: nodes.String(d.isoformat() + "+00:00")),
        NASTY_TEXT.map(nodes.String),
    ),
    "Decimal": st.one_of(
        st.decimals(allow_nan=True).map(nodes.String),
        st.sampled_from(["1e999999", "-0", "NaN", "Infinity", "0x10", "1" * 5000]).map(
            nodes.String
        ),
    ),
}
JSON_LEAVES = st.none() | st.booleans() | HUGE_NUMBERS | NASTY_TEXT
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)


def _deep(depth: int, kind: str) -> str:
    if kind == "json":
        return "[" * depth + "]" * depth
    if kind == "query":
        return "{ viewer " * depth + "{ id }" + " }" * depth
    return "query(" + "$a: [" * depth + "Int" + "]" * depth + ") { viewer { id } }"


DEEP = st.builds(_deep, st.integers(1, 20_000), st.sampled_from(["json", "query", "type"]))

# Real operations, for random variables.
OPERATIONS = {
    "createBusinessPlan": "mutation($input: CreateBusinessPlanInput!) { createBusinessPlan("
    "input: $input) { businessPlan { id } userErrors { code } } }",
    "changeBusinessPlanStatus": "mutation($input: ChangeBusinessPlanStatusInput!) { "
    "changeBusinessPlanStatus(input: $input) { businessPlan { id } "
    "userErrors { code } } }",
    "createOpportunity": "mutation($input: CreateOpportunityInput!) { createOpportunity("
    "input: $input) { opportunity { id } userErrors { code } } }",
    "createActivity": "mutation($input: CreateActivityInput!) { createActivity(input: $input) "
    "{ activity { id } userErrors { code } } }",
    "businessPlans": "query($first: Int, $after: String, $status: [PlanStatus!], $periodId: ID) "
    "{ businessPlans(first: $first, after: $after, status: $status, "
    "periodId: $periodId) { totalCount nodes { id } } }",
    "node": "query($id: ID!) { node(id: $id) { id } }",
}


# --- sending and checking ---------------------------------------------------------------------


class Target:
    def __init__(self, api: Api, engine: Any, ids: dict[str, str]) -> None:
        self.api = api
        self.engine = engine
        self.ids = ids
        self.sent = 0

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api.tokens['anna']}"}

    async def fingerprint(self) -> dict[str, int]:
        async with self.engine.connect() as connection:
            counts = {}
            for table in TABLES:
                counts[table] = (
                    await connection.execute(text(f"SELECT count(*) FROM {table}"))
                ).scalar_one()
            counts["versions"] = (
                await connection.execute(
                    text("SELECT coalesce(sum(version), 0) FROM business_plans")
                )
            ).scalar_one()
            return counts

    async def send(
        self,
        kind: str,
        method: str = "POST",
        *,
        json_body: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str | bytes] | None = None,
        params: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Send one request and check what every response must be; maybe check no write."""
        self.sent += 1
        sample = self.sent % 3 == 1  # the fingerprint for a third of the examples
        before = await self.fingerprint() if sample else None
        kwargs: dict[str, Any] = {"headers": headers if headers is not None else self.auth}
        if json_body is not None:
            kwargs["json"] = json_body
        if content is not None:
            kwargs["content"] = content
        if params is not None:
            kwargs["params"] = params
        response = await self.api.client.request(method, "/graphql", **kwargs)
        outcome = check(response)
        TABLE[kind][outcome] += 1
        if before is not None and refused(response):
            assert await self.fingerprint() == before, (kind, response.text[:500])
        return response


def check(response: httpx.Response) -> str:
    """The invariants of every response; returns a short outcome for the table."""
    body = response.text
    assert response.status_code < 500, body[:1000]
    leaked = [word for word in LEAKS if word in body]
    assert not leaked, (leaked, body[:1000])
    if response.headers.get("content-type", "").startswith("text/html"):
        assert response.status_code == 200 and "<html" in body.lower()
        return "200 GraphiQL page"
    payload = response.json()
    assert isinstance(payload, dict), body[:500]
    errors = payload.get("errors") or []
    for error in errors:
        assert isinstance(error.get("message"), str)
        assert "Internal server error" not in error["message"], payload
        assert (error.get("extensions") or {}).get("code") != "INTERNAL_SERVER_ERROR", payload
    if errors:
        return f"{response.status_code} {errors[0].get('extensions', {}).get('code', '-')}"
    user_errors = _user_errors(payload)
    if user_errors:
        return f"{response.status_code} userErrors {sorted(set(user_errors))[0]}"
    return f"{response.status_code} data"


def _user_errors(payload: dict[str, Any]) -> list[str]:
    data = payload.get("data") or {}
    return [
        e.get("code", "?")
        for value in data.values()
        if isinstance(value, dict)
        for e in value.get("userErrors") or []
        if isinstance(e, dict)
    ]


def refused(response: httpx.Response) -> bool:
    """Whether nothing may have been written: refused as a whole, or every change refused."""
    if response.status_code >= 400 or not response.headers.get("content-type", "").startswith(
        ("application/json", "application/graphql-response+json")
    ):
        return True
    payload = response.json()
    data = payload.get("data")
    if not data:
        return True
    results = [v for v in data.values() if isinstance(v, dict) and "userErrors" in v]
    return len(results) == len(data) and all(v["userErrors"] for v in results)


@pytest.fixture
async def target(api: Api, app_and_counter: tuple[Any, Any]) -> AsyncIterator[Target]:
    year = await f.period(api)
    account = await f.account(api)
    plan = await f.plan(api, "Acme 2027", year, accountIds=[account])
    ids = {"period": year, "account": account, "plan": plan}
    yield Target(api, app_and_counter[0].state.engine, ids)


# --- the tests --------------------------------------------------------------------------------


@HYPOTHESIS
@given(query=queries(SDL, custom_scalars=SCALARS))
async def test_generated_valid_queries(target: Target, query: str) -> None:
    await target.send("valid query", json_body={"query": query})


@HYPOTHESIS
@given(mutation=mutations(SDL, custom_scalars=SCALARS))
async def test_generated_valid_mutations(target: Target, mutation: str) -> None:
    await target.send("valid mutation", json_body={"query": mutation})


@HYPOTHESIS
@given(
    operation=st.one_of(
        queries(SDL, custom_scalars=SCALARS, mode=Mode.NEGATIVE),
        mutations(SDL, custom_scalars=SCALARS, mode=Mode.NEGATIVE),
    )
)
async def test_generated_invalid_operations(target: Target, operation: str) -> None:
    response = await target.send("invalid operation", json_body={"query": operation})
    assert response is None or response.status_code != 200 or response.json().get("errors")


@HYPOTHESIS
@given(name=st.sampled_from(sorted(OPERATIONS)), data=st.data())
async def test_random_variables_for_real_operations(
    target: Target, name: str, data: st.DataObject
) -> None:
    real_ids = st.sampled_from(sorted(target.ids.values()))
    ids = st.one_of(real_ids, NASTY_TEXT)
    inputs = st.fixed_dictionaries(
        {},
        optional={
            "id": ids,
            "planId": ids,
            "periodId": ids,
            "accountId": ids,
            "accountIds": st.lists(ids),
            "name": NASTY_TEXT,
            "subject": NASTY_TEXT,
            "comment": NASTY_TEXT,
            "type": st.sampled_from(["ACCOUNT", "CALL", "BRAND", "nope", ""]) | JSON_VALUES,
            "status": st.sampled_from(["DRAFT", "SUBMITTED", "FINAL_APPROVED", "EXPIRED", "X"]),
            "expectedVersion": HUGE_NUMBERS,
            "dueAt": NASTY_TEXT | HUGE_NUMBERS,
            "amount": st.fixed_dictionaries(
                {"amount": NASTY_TEXT | HUGE_NUMBERS, "currency": NASTY_TEXT}
            )
            | JSON_VALUES,
            "revenueTarget": st.fixed_dictionaries(
                {"amount": st.decimals().map(str), "currency": NASTY_TEXT}
            ),
            "extra": JSON_VALUES,
        },
    )
    # A valid input of the operation, with some of its fields (or new ones) made hostile, so
    # that most examples reach the resolvers rather than stop at the variables' types.
    bases: dict[str, dict[str, Any]] = {
        "createBusinessPlan": {
            "name": "Hostile",
            "type": "ACCOUNT",
            "periodId": target.ids["period"],
        },
        "changeBusinessPlanStatus": {"id": target.ids["plan"], "status": "SUBMITTED"},
        "createOpportunity": {
            "name": "Deal",
            "accountId": target.ids["account"],
            "amount": {"amount": "1.00", "currency": "USD"},
        },
        "createActivity": {"type": "CALL", "subject": "Call"},
    }
    base = bases.get(name)
    if base is not None:
        overrides = data.draw(inputs)
        keep = data.draw(st.booleans())  # only known fields: reaches the checks in the resolvers
        allowed = set(base) | {
            "comment",
            "expectedVersion",
            "accountIds",
            "dueAt",
            "planId",
            "revenueTarget",
            "accountId",
        }
        overrides = {k: v for k, v in overrides.items() if not keep or k in allowed}
        variables: Any = {"input": {**base, **overrides}}
    else:
        variables = data.draw(
            st.one_of(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "first": HUGE_NUMBERS,
                        "after": NASTY_TEXT,
                        "status": JSON_VALUES,
                        "periodId": ids,
                        "id": ids,
                    },
                ),
                JSON_VALUES,
            )
        )
    await target.send(
        f"variables: {name}", json_body={"query": OPERATIONS[name], "variables": variables}
    )


@HYPOTHESIS
@given(body=JSON_VALUES)
async def test_random_json_bodies(target: Target, body: Any) -> None:
    await target.send("random JSON body", json_body=body)


@HYPOTHESIS
@given(
    body=st.one_of(
        st.fixed_dictionaries(
            {},
            optional={
                "query": NASTY_TEXT | JSON_VALUES,
                "variables": JSON_VALUES,
                "operationName": JSON_VALUES,
                "extensions": JSON_VALUES,
            },
        )
    )
)
async def test_random_request_fields(target: Target, body: Any) -> None:
    await target.send("random query/variables/name", json_body=body)


@HYPOTHESIS
@given(
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH"]),
    content_type=st.sampled_from(
        [
            "application/json",
            "application/json; charset=latin-1",
            "text/plain",
            "application/graphql",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "",
            "\x00/\x00",
        ]
    ),
    accept=st.sampled_from(
        [
            "",
            "*/*",
            "text/html",
            "application/graphql-response+json",
            "application/json",
            "image/png",
            "text/html, */*",
        ]
    ),
    authorization=st.one_of(
        st.sampled_from(
            ["", "Bearer", "Bearer ", "Basic YTpi", "token", "Bearer pg_" + "x" * 5000]
        ),
        st.text(
            alphabet=st.characters(codec="latin-1", exclude_characters="\r\n"), max_size=50
        ).map(lambda s: "Bearer " + s.strip()),
    ),
    body=st.one_of(
        st.binary(max_size=200),
        NASTY_TEXT.map(lambda s: s.encode("utf-8", "replace")),
        DEEP.map(str.encode),
        st.just(b'{"query": "{ viewer { id } }"}'),
    ),
    query=st.one_of(st.none(), NASTY_TEXT, DEEP),
)
async def test_random_methods_headers_and_raw_bodies(
    target: Target,
    method: str,
    content_type: str,
    accept: str,
    authorization: str,
    body: bytes,
    query: str | None,
) -> None:
    signed_in = authorization == "" and method == "POST"
    headers = {
        "Content-Type": content_type,
        "Accept": accept,
        "Authorization": target.auth["Authorization"] if signed_in else authorization,
    }
    # Header values go out as latin-1 bytes, as any byte a client may send.
    raw_headers = {k: v.encode("latin-1", "replace") for k, v in headers.items() if v}
    await target.send(
        f"raw {method}",
        method,
        content=body if method != "GET" else None,
        headers=raw_headers,
        params={"query": query[:8_000]} if query is not None else None,
    )


@HYPOTHESIS
@given(
    document=DEEP,
    variables=st.builds(lambda depth: json.loads("[" * depth + "]" * depth), st.integers(1, 500)),
)
async def test_deep_nesting(target: Target, document: str, variables: Any) -> None:
    await target.send("deep nesting", json_body={"query": document, "variables": {"a": variables}})


@pytest.mark.parametrize(
    "query, variables",
    [
        (OPERATIONS["node"], {}),  # a required variable left out
        (OPERATIONS["businessPlans"], {"first": 2**31}),  # beyond GraphQL's Int
        (OPERATIONS["businessPlans"], {"status": ["NOPE"]}),  # not a PlanStatus
    ],
)
async def test_variables_that_fail_coercion_get_a_clean_error(
    target: Target,
    database_url: str,
    query: str,
    variables: dict[str, Any],
    request: Any,
) -> None:
    valid = {"id": target.ids["plan"]} if "$id" in query else {}
    ran = await target.api.client.post(  # a first run that works: the fast path learns it
        "/graphql", json={"query": query, "variables": valid}, headers=target.auth
    )
    assert "errors" not in ran.json()

    response = await target.api.client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=target.auth
    )

    check(response)
    assert response.json()["errors"]
