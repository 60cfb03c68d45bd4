"""Races on PostgreSQL with real concurrency: a real server (two worker processes, a pool of
connections each) and 40+ simultaneous HTTP clients.

- Status changes are compare-and-swap on the version: one change per version wins, the history
  has no duplicates or gaps, and every step in it follows from the one before.
- Concurrent creations and links lose nothing; the same link added twice at once, or two
  plans with the same name in one period, end as a clean result or a clean user error,
  never an internal error.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from models.db import make_engine
from resolvers.ids import from_global_id
from tests.factories import INPUT_TYPES, PAYLOAD_FIELDS, seed_users
from tests.tcp_proxy import free_port

# One pytest-xdist process runs these (up to 42 PostgreSQL connections at once):
# --dist loadgroup in pyproject.toml.
pytestmark = pytest.mark.xdist_group("many_connections")

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 40
ERRORS = "userErrors"


@dataclass
class Server:
    base_url: str
    process: subprocess.Popen[bytes]
    log: Path


def _wait_healthy(server: Server, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            response = httpx.get(server.base_url + "/health", timeout=2)
            if response.status_code == 200:
                return
            last = response.text
        except httpx.HTTPError as error:
            last = repr(error)
        time.sleep(0.2)
    raise AssertionError(f"the server did not become healthy ({last}):\n{server.log.read_text()}")


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[Server]:
    """`server.py serve --workers 2` on the test database, stopped (and reaped) at the end."""
    if database_url.startswith("sqlite"):
        pytest.skip("races need PostgreSQL: SQLite serializes its writers")
    port = free_port()
    log = tmp_path / "server.log"
    env = {**os.environ, "DATABASE_URL": database_url, "PLANGRAPH_LOG_LEVEL": "WARNING"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "server.py", "serve", "--port", str(port), "--workers", "2"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    running = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        _wait_healthy(running)
        yield running
    finally:
        if process.poll() is None:
            # The server and its worker processes form their own process group.
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)


class Clients:
    """Many simultaneous HTTP clients of the real server (one connection each)."""

    def __init__(self, client: httpx.AsyncClient, tokens: dict[str, str], database_url: str):
        self.client = client
        self.tokens = tokens
        self.database_url = database_url
        self.statuses: Counter[int] = Counter()

    async def post(self, query: str, variables: dict[str, Any], user: str) -> dict[str, Any]:
        response = await self.client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {self.tokens[user]}"},
        )
        self.statuses[response.status_code] += 1
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        assert "errors" not in body, body  # never INTERNAL_SERVER_ERROR or anything else
        data: dict[str, Any] = body["data"]
        return data

    async def mutate(
        self, name: str, input: dict[str, Any], user: str = "anna", returning: str = "id"
    ) -> dict[str, Any]:
        input_type = INPUT_TYPES.get(name, name[0].upper() + name[1:] + "Input")
        query = (
            f"mutation($input: {input_type}!) {{ {name}(input: $input) "
            f"{{ {PAYLOAD_FIELDS[name]} {{ {returning} }} userErrors {{ field message code }} }} }}"
        )
        payload: dict[str, Any] = (await self.post(query, {"input": input}, user))[name]
        return payload

    async def create(self, name: str, input: dict[str, Any], user: str = "anna") -> str:
        payload = await self.mutate(name, input, user)
        assert payload[ERRORS] == [], payload
        return str(payload[PAYLOAD_FIELDS[name]]["id"])

    async def sql(self, statement: str, **params: Any) -> list[Any]:
        engine = make_engine(self.database_url)
        try:
            async with engine.connect() as connection:
                return list((await connection.execute(text(statement), params)).all())
        finally:
            await engine.dispose()


@pytest.fixture
async def clients(server: Server, database_url: str) -> AsyncIterator[Clients]:
    engine = make_engine(database_url)
    try:
        tokens = await seed_users(engine)
    finally:
        await engine.dispose()
    limits = httpx.Limits(max_connections=4 * CLIENTS, max_keepalive_connections=4 * CLIENTS)
    async with httpx.AsyncClient(base_url=server.base_url, limits=limits, timeout=60) as client:
        yield Clients(client, tokens, database_url)
    log = server.log.read_text()
    assert " ERROR " not in log, log  # no unexpected error was even logged


def pk(global_id: str) -> int:
    decoded = from_global_id(global_id)
    assert decoded is not None, global_id
    return decoded[1]


async def given_plan(c: Clients, name: str = "Acme 2027") -> tuple[str, str, str]:
    """A period, an account and a DRAFT plan of anna's for the account."""
    year = await c.create(
        "createPeriod",
        {"name": "FY2027", "type": "YEAR", "startDate": "2027-01-01", "endDate": "2027-12-31"},
        user="admin",
    )
    account = await c.create("createAccount", {"name": "Acme"})
    plan = await c.create(
        "createBusinessPlan",
        {"name": name, "type": "ACCOUNT", "periodId": year, "accountIds": [account]},
    )
    return year, account, plan


async def move(
    c: Clients, plan: str, status: str, user: str = "anna", **extra: Any
) -> dict[str, Any]:
    return await c.mutate(
        "changeBusinessPlanStatus",
        {"id": plan, "status": status, **extra},
        user=user,
        returning="status version",
    )


async def history(c: Clients, plan: str) -> list[tuple[int, str | None, str]]:
    rows = await c.sql(
        "SELECT version, from_status, to_status FROM plan_status_changes "
        "WHERE plan_id = :plan ORDER BY version",
        plan=pk(plan),
    )
    return [(r[0], r[1], r[2]) for r in rows]


def refused(payload: dict[str, Any]) -> set[str]:
    return {e["code"] for e in payload[ERRORS]}


# --- status changes: compare-and-swap on the version -----------------------------------------


async def test_forty_clients_submitting_version_1_at_once_succeed_once(clients: Clients) -> None:
    _, _, plan = await given_plan(clients)

    payloads = await asyncio.gather(
        *(move(clients, plan, "SUBMITTED", expectedVersion=1) for _ in range(CLIENTS))
    )

    winners = [p for p in payloads if p[ERRORS] == []]
    assert [w["businessPlan"] for w in winners] == [{"status": "SUBMITTED", "version": 2}]
    losers = [refused(p) for p in payloads if p[ERRORS]]
    assert all(codes <= {"STALE_VERSION", "INVALID_TRANSITION"} for codes in losers), losers
    assert await history(clients, plan) == [(1, None, "DRAFT"), (2, "DRAFT", "SUBMITTED")]
    assert set(clients.statuses) == {200}


async def test_a_storm_of_status_changes_keeps_one_history_without_gaps(clients: Clients) -> None:
    _, _, plan = await given_plan(clients)
    assert (await move(clients, plan, "SUBMITTED"))[ERRORS] == []
    rng = random.Random(20270101)
    moves = [  # (status, user, comment): approve, return, reopen, submit again
        ("FINAL_APPROVED", "anna", None),
        ("DRAFT", "rita", "Add the Q3 numbers."),
        ("DRAFT", "anna", "New product line."),
        ("SUBMITTED", "anna", None),
    ]

    async def one() -> dict[str, Any]:
        status, user, comment = rng.choice(moves)
        extra: dict[str, Any] = {"comment": comment} if comment else {}
        if rng.random() < 0.5:
            extra["expectedVersion"] = rng.randint(2, 8)
        return await move(clients, plan, status, user, **extra)

    payloads: list[dict[str, Any]] = []
    for _ in range(3):  # three waves of simultaneous changes
        payloads += await asyncio.gather(*(one() for _ in range(CLIENTS)))

    wins = [p["businessPlan"] for p in payloads if p[ERRORS] == []]
    codes = Counter(code for p in payloads for code in refused(p))
    assert set(codes) <= {"STALE_VERSION", "INVALID_TRANSITION", "FORBIDDEN"}, codes
    changes = await history(clients, plan)
    versions = [v for v, _, _ in changes]
    assert versions == list(range(1, len(changes) + 1))  # no gaps, no duplicates
    for (_, _, before), (_, after_from, _) in itertools.pairwise(changes):
        assert after_from == before  # each change starts where the one before ended
    # One history entry per success, besides the creation and the first submission. (The
    # payload's version is read after the commit, so a later change may already show in it.)
    assert len(wins) == len(changes) - 2
    assert all(w["version"] >= 3 for w in wins)
    (row,) = await clients.sql(
        "SELECT version, status FROM business_plans WHERE id = :id", id=pk(plan)
    )
    assert (row[0], row[1]) == (len(changes), changes[-1][2])
    data = await clients.post(
        "query($id: ID!) { businessPlan(id: $id) { version status statusHistory { to } } }",
        {"id": plan},
        "admin",
    )
    assert data["businessPlan"]["version"] == len(changes)
    assert len(data["businessPlan"]["statusHistory"]) == len(changes)
    assert len(wins) >= 3, codes  # the storm did move the plan


# --- creations and links lose nothing ---------------------------------------------------------


async def test_concurrent_creations_and_links_lose_nothing(clients: Clients) -> None:
    year, account, plan = await given_plan(clients)
    other_plan = await clients.create(
        "createBusinessPlan", {"name": "Acme specialty 2027", "type": "BRAND", "periodId": year}
    )
    subsidiary = await clients.create("createAccount", {"name": "Acme Europe", "parentId": account})

    created = await asyncio.gather(
        *(
            clients.create(
                "createOpportunity",
                {
                    "name": f"Deal {i}",
                    "accountId": account,
                    "planIds": [plan],
                    "amount": {"amount": "1000.00", "currency": "USD"},
                },
            )
            for i in range(CLIENTS)
        )
    )
    contacts = await asyncio.gather(
        *(
            clients.create(
                "createContact",
                {"firstName": f"C{i}", "lastName": "Contact", "accountIds": [account]},
            )
            for i in range(CLIENTS // 2)
        )
    )

    # Every link twice at once, mixed with links of other kinds to the same plan.
    requests = (
        [
            clients.mutate("linkOpportunityToPlan", {"opportunityId": o, "planId": other_plan})
            for o in created
            for _ in range(2)
        ]
        + [
            clients.mutate("addPlanContact", {"planId": other_plan, "contactId": c})
            for c in contacts
            for _ in range(2)
        ]
        + [
            clients.mutate("addAccountContact", {"accountId": subsidiary, "contactId": c})
            for c in contacts
            for _ in range(2)
        ]
    )
    random.Random(7).shuffle(requests)
    payloads = await asyncio.gather(*requests)

    codes = Counter(code for p in payloads for code in refused(p))
    # A link added twice at once ends as if added twice in a row: both succeed
    # (resolvers/mutation_kit.in_transaction retries a lost race once).
    assert codes == {}, codes
    assert len(set(created)) == CLIENTS
    counts = await clients.post(
        "query($a: ID!, $b: ID!) {"
        " a: businessPlan(id: $a) { opportunities { totalCount } }"
        " b: businessPlan(id: $b) { opportunities { totalCount } contacts { totalCount } } }",
        {"a": plan, "b": other_plan},
        "admin",
    )
    assert counts == {
        "a": {"opportunities": {"totalCount": CLIENTS}},
        "b": {"opportunities": {"totalCount": CLIENTS}, "contacts": {"totalCount": CLIENTS // 2}},
    }
    sql_counts = await clients.sql(
        "SELECT (SELECT count(*) FROM opportunities),"
        " (SELECT count(*) FROM plan_opportunities WHERE plan_id = :a),"
        " (SELECT count(*) FROM plan_opportunities WHERE plan_id = :b),"
        " (SELECT count(*) FROM plan_contacts WHERE plan_id = :b),"
        " (SELECT count(*) FROM account_contacts WHERE account_id = :acc)",
        a=pk(plan),
        b=pk(other_plan),
        acc=pk(subsidiary),
    )
    assert tuple(sql_counts[0]) == (CLIENTS, CLIENTS, CLIENTS, CLIENTS // 2, CLIENTS // 2)
    # Each successful addPlanContact bumped the version once, and nothing else did.
    plan_contact_wins = sum(1 for p in payloads if p[ERRORS] == [] and "businessPlan" in p)
    (version,) = await clients.sql(
        "SELECT version FROM business_plans WHERE id = :id", id=pk(other_plan)
    )
    assert version[0] == 1 + plan_contact_wins


async def test_the_same_account_added_to_a_plan_at_once_ends_cleanly(clients: Clients) -> None:
    _, _, plan = await given_plan(clients)
    extra = await clients.create("createAccount", {"name": "Acme Europe"})

    payloads = await asyncio.gather(
        *(
            clients.mutate(
                "addPlanAccount",
                {"planId": plan, "accountId": extra, "isPrimary": i % 2 == 0},
                returning="accounts { totalCount }",
            )
            for i in range(CLIENTS)
        )
    )

    assert [p[ERRORS] for p in payloads] == [[]] * CLIENTS  # serialized by the plan's row lock
    rows = await clients.sql(
        "SELECT account_id, is_primary FROM plan_accounts WHERE plan_id = :id ORDER BY account_id",
        id=pk(plan),
    )
    assert len(rows) == 2
    assert sum(1 for r in rows if r[1]) == 1  # exactly one primary account


async def test_plans_with_one_name_in_one_period_created_at_once_succeed_once(
    clients: Clients,
) -> None:
    year, _, _ = await given_plan(clients)

    same = await asyncio.gather(
        *(
            clients.mutate(
                "createBusinessPlan", {"name": "Growth 2027", "type": "ACCOUNT", "periodId": year}
            )
            for _ in range(CLIENTS)
        )
    )
    distinct = await asyncio.gather(
        *(
            clients.mutate(
                "createBusinessPlan", {"name": f"Unit {i}", "type": "ACCOUNT", "periodId": year}
            )
            for i in range(CLIENTS)
        )
    )

    assert sum(1 for p in same if p[ERRORS] == []) == 1
    # The losers get the same answer as a request made a moment later: DUPLICATE on the name.
    assert all(
        p[ERRORS]
        == [
            {
                "field": ["input", "name"],
                "code": "DUPLICATE",
                "message": "A plan named 'Growth 2027' already exists in this period.",
            }
        ]
        for p in same
        if p[ERRORS]
    )
    assert all(p[ERRORS] == [] for p in distinct)
    rows = await clients.sql(
        "SELECT p.name, count(h.id) FROM business_plans p "
        "LEFT JOIN plan_status_changes h ON h.plan_id = p.id GROUP BY p.name"
    )
    assert sorted(r[0] for r in rows) == sorted(
        ["Acme 2027", "Growth 2027", *(f"Unit {i}" for i in range(CLIENTS))]
    )
    assert all(r[1] == 1 for r in rows)  # each plan has its creation in the history
