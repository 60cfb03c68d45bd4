"""Money up to 10^15 in any currency, exact on both databases and both read paths; the
migration to thousandths keeps every stored amount."""

from __future__ import annotations

import asyncio
import os
import uuid
from decimal import Decimal
from typing import Any

import httpx
from alembic import command
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from models.db import make_engine
from models.money import ISO_4217, MAX_AMOUNT, quantize
from server import create_app
from settings import Settings
from tests.conftest import alembic_config
from tests.factories import Api, seed_users

EXAMPLES = int(os.environ.get("PLANGRAPH_HYPOTHESIS_EXAMPLES", "40")) // 4 or 1
ROLLUP = "query($id: ID!) { businessPlan(id: $id) { wonRevenue { amount currency } } }"


OLD_ROWS = """
INSERT INTO users (id, email, name, role, created_at) VALUES (1, 'a@x', 'A', 'admin', '2027-01-01');
INSERT INTO periods (id, name, type, start_on, end_on) VALUES (1, 'FY', 'YEAR', '2027-01-01', '2027-12-31');
INSERT INTO accounts (id, name, created_at) VALUES (1, 'Acme', '2027-01-01');
INSERT INTO business_plans (id, name, type, period_id, owner_id, status, currency, revenue_target_micros, version, created_at, updated_at) VALUES (1, 'P', 'ACCOUNT', 1, 1, 'DRAFT', 'KWD', 999999999999999000, 1, '2027-01-01', '2027-01-01');
INSERT INTO objectives (id, name, status, period_id, target_micros, revenue_target_micros, revenue_target_currency, created_at) VALUES (1, 'O', 'DRAFT', 1, 12500000, 1230000, 'EUR', '2027-01-01');
INSERT INTO opportunities (id, name, account_id, stage, amount_micros, currency, owner_id, created_at) VALUES (1, 'a', 1, 'CLOSED_WON', 1000000000000000000, 'EUR', 1, '2027-01-01'), (2, 'b', 1, 'PROSPECTING', 5000000, 'JPY', 1, '2027-01-01'), (3, 'c', 1, 'PROSPECTING', 1234000, 'BHD', 1, '2027-01-01');
"""
NEW_VALUES = [
    ("SELECT revenue_target_milli FROM business_plans", [999999999999999]),
    ("SELECT revenue_target_milli FROM objectives", [1230]),
    ("SELECT target_micros FROM objectives", [12500000]),
    ("SELECT amount_milli FROM opportunities ORDER BY id", [1000000000000000, 5000, 1234]),
]


async def _rows(url: str, statements: str) -> list[list[int]]:
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            for statement in statements.strip().splitlines():
                await connection.execute(text(statement))
            return [
                [row[0] for row in await connection.execute(text(query))] for query, _ in NEW_VALUES
            ]
    finally:
        await engine.dispose()


def test_the_migration_to_thousandths_keeps_every_amount_exactly(empty_url: str) -> None:
    command.upgrade(alembic_config(empty_url), "0006")
    engine_rows = asyncio.run(_insert_old(empty_url))
    command.upgrade(alembic_config(empty_url), "head")

    assert engine_rows == 6
    assert asyncio.run(_rows(empty_url, "SELECT 1")) == [values for _, values in NEW_VALUES]


async def _insert_old(url: str) -> int:
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            statements = [s for s in OLD_ROWS.strip().splitlines() if s]
            for statement in statements:
                await connection.execute(text(statement))
            return len(statements)
    finally:
        await engine.dispose()


def _amounts(currency: str) -> st.SearchStrategy[Decimal]:
    digits = ISO_4217[currency]
    units = int(MAX_AMOUNT) * 10**digits
    return st.integers(0, units).map(lambda n: Decimal(n).scaleb(-digits))


@st.composite
def _deals(draw: st.DrawFn) -> tuple[str, list[Decimal]]:
    currency = draw(st.sampled_from(["EUR", "JPY", "KWD", "IDR", "VND"]))
    amounts = draw(st.lists(_amounts(currency), min_size=1, max_size=12))
    if draw(st.booleans()):  # past 2^63 thousandths in all: a plain 64-bit sum overflows
        amounts += [MAX_AMOUNT] * 10
    return currency, amounts


_TOKENS: dict[str, dict[str, str]] = {}


async def _sum_through_the_api(url: str, currency: str, amounts: list[Decimal]) -> list[Any]:
    app = create_app(Settings(database_url=url, fast_path_strict=True))
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            if url not in _TOKENS:  # the users are seeded once per test's database
                _TOKENS[url] = await seed_users(app.state.engine)
            api = Api(client, _TOKENS[url], None)
            return await _scenario(api, currency, amounts)
    finally:
        await app.state.engine.dispose()


async def _scenario(api: Api, currency: str, amounts: list[Decimal]) -> list[Any]:
    tag = uuid.uuid4().hex[:8]
    year = await api.create("createPeriod", {"name": f"FY {tag}", "type": "YEAR",
                                             "startDate": "2027-01-01", "endDate": "2027-12-31"},
                            user="admin")  # fmt: skip
    acme = await api.create("createAccount", {"name": f"Acme {tag}"})
    plan = await api.create("createBusinessPlan", {
        "name": f"Plan {tag}", "type": "ACCOUNT", "periodId": year, "accountIds": [acme],
        "revenueTarget": {"amount": "1", "currency": currency}})  # fmt: skip
    for n, amount in enumerate(amounts):
        await api.create("createOpportunity", {
            "name": f"Deal {n}", "accountId": acme, "planIds": [plan], "stage": "CLOSED_WON",
            "amount": {"amount": str(amount), "currency": currency}})  # fmt: skip
    return [(await api.ok(ROLLUP, {"id": plan}))["businessPlan"] for _ in range(2)]


_FIRST: set[str] = set()


def _seen(url: str) -> bool:
    """Whether an earlier example of this test already used this database."""
    seen = url in _FIRST
    _FIRST.add(url)
    return seen


# No shrinking: each example makes a whole app; a failure prints its (unshrunk) example.
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(deals=_deals())
def test_rollups_of_amounts_up_to_1e15_are_exact_on_both_paths(
    database_url: str, deals: tuple[str, list[Decimal]]
) -> None:
    currency, amounts = deals
    _TOKENS.pop(database_url, None) if not _seen(database_url) else None

    general, fast = asyncio.run(_sum_through_the_api(database_url, currency, amounts))

    expected = {"amount": str(quantize(sum(amounts, Decimal(0)), currency)), "currency": currency}
    assert general == fast == {"wonRevenue": expected}
