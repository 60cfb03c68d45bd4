"""How an objective's progress is counted: the default rule, the choice, the typed-in actual."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select, text
from starlette.applications import Starlette

from models import Objective, ObjectiveMeasure
from models.db import make_engine
from models.objective import default_measure, names_activity
from resolvers.ids import pk_of
from server import migrate
from tests import factories as f
from tests.conftest import (
    StatementCounter,
    alembic_config,
)
from tests.factories import Api

M = ObjectiveMeasure
ERRORS = "userErrors"
EUR = {"amount": "5000.00", "currency": "EUR"}

# --- the rule --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("has_target", "unit", "has_revenue", "measure"),
    [
        (True, "sales calls", True, M.WON_REVENUE),  # a revenue target comes first
        (False, None, True, M.WON_REVENUE),
        (False, "sales calls", False, M.COMPLETED_ACTIVITIES),  # no target needed
        (False, "Product Demos", False, M.COMPLETED_ACTIVITIES),
        (False, "customer visits", False, M.COMPLETED_ACTIVITIES),
        (False, "e-mails", False, M.COMPLETED_ACTIVITIES),
        (False, "appointment", False, M.COMPLETED_ACTIVITIES),
        (False, "follow-ups", False, M.COMPLETED_ACTIVITIES),
        (True, "contracts", False, M.COMPLETED_ACTIVITIES),  # no rule fits, a target is set
        (False, "contracts", False, M.MANUAL),
        (False, None, False, M.MANUAL),
        (False, "recalls", False, M.MANUAL),  # whole words only
    ],
)
def test_the_default_measure_follows_the_domain_rule(
    has_target: bool, unit: str | None, has_revenue: bool, measure: ObjectiveMeasure
) -> None:
    assert default_measure(has_target, unit, has_revenue) is measure


def test_a_unit_names_an_activity_by_a_whole_word() -> None:
    assert names_activity("12 sales calls per quarter")
    assert names_activity("MEETINGS")
    assert not names_activity("callbacks")
    assert not names_activity("")
    assert not names_activity(None)


# --- through the API -------------------------------------------------------------------------

CREATE_READ = "name measure target unit"


async def _create(api: Api, year: str, **fields: Any) -> dict[str, Any]:
    payload = await api.mutate(
        "createObjective", {"name": "Goal", "periodId": year, **fields}, CREATE_READ
    )
    assert payload[ERRORS] == [], payload
    objective: dict[str, Any] = payload["objective"]
    return objective


async def test_a_new_objective_gets_the_default_measure(api: Api) -> None:
    year = await f.period(api)

    revenue = await _create(api, year, revenueTarget=EUR, unit="calls", target="3")
    calls = await _create(api, year, unit="sales calls")
    counted = await _create(api, year, target="2", unit="contracts")
    manual = await _create(api, year, unit="contracts")

    assert [o["measure"] for o in (revenue, calls, counted, manual)] == [
        "WON_REVENUE",
        "COMPLETED_ACTIVITIES",
        "COMPLETED_ACTIVITIES",
        "MANUAL",
    ]


async def test_the_input_chooses_the_measure(api: Api) -> None:
    year = await f.period(api)

    chosen = await _create(api, year, target="12", unit="calls", measure="MANUAL")
    updated = await api.mutate(
        "updateObjective",
        {"id": await _id(api, year), "measure": "WON_REVENUE"},
        "measure",
    )

    assert chosen["measure"] == "MANUAL"
    assert updated == {"objective": {"measure": "WON_REVENUE"}, ERRORS: []}


async def _id(api: Api, year: str, **fields: Any) -> str:
    return await api.create("createObjective", {"name": "Goal", "periodId": year, **fields})


async def _manual_actual(app: Starlette, global_id: str) -> Decimal | None:
    async with app.state.engine.connect() as connection:
        query = select(Objective.manual_actual).where(Objective.id == pk_of(global_id, "Objective"))
        value: Decimal | None = (await connection.execute(query)).scalar_one()
    return value


async def _objective_count(app: Starlette) -> int:
    async with app.state.engine.connect() as connection:
        count: int = (
            await connection.execute(select(func.count()).select_from(Objective))
        ).scalar_one()
    return count


async def test_a_manual_objective_takes_its_actual(
    api: Api, app_and_counter: tuple[Starlette, StatementCounter]
) -> None:
    app, _ = app_and_counter
    year = await f.period(api)

    created = await _id(api, year, target="10", unit="percent", measure="MANUAL", actual="2.5")
    first = await _manual_actual(app, created)
    await api.mutate("updateObjective", {"id": created, "actual": "7.25"})
    second = await _manual_actual(app, created)
    await api.mutate("updateObjective", {"id": created, "actual": None})

    assert (first, second) == (Decimal("2.5"), Decimal("7.25"))
    assert await _manual_actual(app, created) is None


async def test_an_actual_is_refused_unless_the_objective_is_manual(
    api: Api, app_and_counter: tuple[Starlette, StatementCounter]
) -> None:
    app, _ = app_and_counter
    year = await f.period(api)
    calls = await _id(api, year, target="12", unit="calls")
    before = await _objective_count(app)

    on_create = await api.mutate(
        "createObjective", {"name": "G", "periodId": year, "unit": "calls", "actual": "3"}
    )
    on_update = await api.mutate("updateObjective", {"id": calls, "actual": "3"})

    expected = {
        "field": ["input", "actual"],
        "message": "actual is typed in only for MANUAL objectives; this one's measure is "
        "COMPLETED_ACTIVITIES.",
        "code": "INVALID",
    }
    assert on_create == {"objective": None, ERRORS: [expected]}
    assert on_update == {"objective": None, ERRORS: [expected]}
    assert await _objective_count(app) == before
    assert await _manual_actual(app, calls) is None


@pytest.mark.parametrize(
    ("actual", "message"),
    [
        ("-1", "actual must not be negative."),
        ("1000000000001", "actual must be at most 1e12 with at most 6 decimal places."),
        ("0.0000001", "actual must be at most 1e12 with at most 6 decimal places."),
    ],
)
async def test_an_actual_out_of_bounds_is_refused(api: Api, actual: str, message: str) -> None:
    year = await f.period(api)

    payload = await api.mutate(
        "createObjective", {"name": "G", "periodId": year, "measure": "MANUAL", "actual": actual}
    )

    assert payload == {
        "objective": None,
        ERRORS: [{"field": ["input", "actual"], "message": message, "code": "INVALID"}],
    }


async def test_a_measure_and_an_actual_change_together_and_a_count_drops_the_typed_actual(
    api: Api, app_and_counter: tuple[Starlette, StatementCounter]
) -> None:
    app, _ = app_and_counter
    year = await f.period(api)
    calls = await _id(api, year, target="12", unit="calls")

    to_manual = await api.mutate(
        "updateObjective", {"id": calls, "measure": "MANUAL", "actual": "4"}, "measure"
    )
    typed = await _manual_actual(app, calls)
    back = await api.mutate(
        "updateObjective", {"id": calls, "measure": "COMPLETED_ACTIVITIES"}, "measure"
    )

    assert to_manual == {"objective": {"measure": "MANUAL"}, ERRORS: []}
    assert typed == Decimal(4)
    assert back == {"objective": {"measure": "COMPLETED_ACTIVITIES"}, ERRORS: []}
    assert await _manual_actual(app, calls) is None


# --- the migration ---------------------------------------------------------------------------

EXISTING = [  # (target_micros, unit, revenue_target_micros, revenue currency) -> the measure
    ((12_000_000, "sales calls", None, None), "COMPLETED_ACTIVITIES"),
    ((None, "visits", None, None), "COMPLETED_ACTIVITIES"),
    ((1_000_000, "contract", None, None), "COMPLETED_ACTIVITIES"),
    ((None, "contract", None, None), "MANUAL"),
    ((None, None, 5_000_000_000, "EUR"), "WON_REVENUE"),
]


def _migrate_to(url: str, revision: str) -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


async def _insert_existing(url: str) -> None:
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO periods (id, name, type, start_on, end_on) "
                    "VALUES (1, 'FY', 'YEAR', '2027-01-01', '2027-12-31')"
                )
            )
            for pk, ((target, unit, revenue, currency), _) in enumerate(EXISTING, start=1):
                await connection.execute(
                    text(
                        "INSERT INTO objectives (id, name, status, period_id, target_micros, "
                        "unit, revenue_target_micros, revenue_target_currency, created_at) "
                        "VALUES (:id, 'old', 'DRAFT', 1, :t, :u, :r, :c, CURRENT_TIMESTAMP)"
                    ),
                    {"id": pk, "t": target, "u": unit, "r": revenue, "c": currency},
                )
    finally:
        await engine.dispose()


async def _measures(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            query = text("SELECT measure FROM objectives ORDER BY id")
            return [str(m) for m in (await connection.execute(query)).scalars()]
    finally:
        await engine.dispose()


def _migrated_measures(url: str) -> list[str]:
    _migrate_to(url, "0006")
    asyncio.run(_insert_existing(url))
    migrate(url)
    return asyncio.run(_measures(url))


def test_the_migration_gives_existing_objectives_the_default_measure(empty_url: str) -> None:
    assert _migrated_measures(empty_url) == [measure for _, measure in EXISTING]
