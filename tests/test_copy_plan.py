"""copyBusinessPlan: next period's plan from the last, whole or not at all, through HTTP."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from starlette.applications import Starlette

from models import Base, Objective, Period
from models.copy_rules import add_months, copy_name, matching_period, same_length, shifted_start
from models.period import PeriodType
from tests import factories as f
from tests.conftest import StatementCounter
from tests.factories import Api

ERRORS = "userErrors"
DASH = "\N{EN DASH}"
EUR = {"amount": "100000.00", "currency": "EUR"}

# --- the rules -------------------------------------------------------------------------------


def _period(pk: int, kind: PeriodType, start: dt.date, end: dt.date) -> Period:
    return Period(id=pk, name=f"P{pk}", type=kind, start_on=start, end_on=end)


Y, Q = PeriodType.YEAR, PeriodType.QUARTER
FY26 = _period(1, Y, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
FY26_Q2 = _period(2, Q, dt.date(2026, 4, 1), dt.date(2026, 6, 30))
FY27 = _period(3, Y, dt.date(2027, 1, 1), dt.date(2027, 12, 31))
FY27_Q1 = _period(4, Q, dt.date(2027, 1, 1), dt.date(2027, 3, 31))
FY27_Q2 = _period(5, Q, dt.date(2027, 4, 1), dt.date(2027, 6, 30))
FY28_Q2 = _period(6, Q, dt.date(2028, 4, 1), dt.date(2028, 6, 30))


def test_a_sub_period_matches_by_type_and_offset_within_the_new_period() -> None:
    candidates = [FY27_Q1, FY27_Q2, FY28_Q2]

    assert matching_period(FY26, FY26, FY27, candidates) is FY27
    assert matching_period(FY26, FY26_Q2, FY27, candidates) is FY27_Q2
    assert matching_period(FY26, FY26_Q2, FY27, [FY27_Q1, FY28_Q2]) is None


def test_offsets_count_months_and_days() -> None:
    assert shifted_start(dt.date(2026, 7, 1), dt.date(2026, 10, 1), dt.date(2027, 7, 1)) == (
        dt.date(2027, 10, 1)
    )
    assert shifted_start(dt.date(2026, 1, 1), dt.date(2026, 3, 15), dt.date(2028, 1, 1)) == (
        dt.date(2028, 3, 15)
    )
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)


def test_only_periods_of_the_same_length_take_a_copy() -> None:
    assert same_length(FY26, FY27)
    assert not same_length(FY26, FY27_Q1)


@pytest.mark.parametrize(
    ("name", "renames", "expected"),
    [
        ("Acme FY2026", [("FY2026", "FY2027")], "Acme FY2027"),
        ("Acme FY2026 Q1", [("FY2026 Q1", "FY2027 Q1"), ("FY2026", "FY2027")], "Acme FY2027 Q1"),
        (
            "Acme FY2026 push",
            [("FY2026 Q1", "FY2027 Q1"), ("FY2026", "FY2027")],
            "Acme FY2027 push",
        ),
        ("Acme 2026", [("FY2026", "FY2027")], "Acme 2026 (FY2027)"),
    ],
)
def test_the_default_name_replaces_the_period_name_or_appends_the_new_one(
    name: str, renames: list[tuple[str, str]], expected: str
) -> None:
    assert copy_name(name, renames) == expected


# --- through the API -------------------------------------------------------------------------


@dataclass
class Given:
    fy26: str
    fy27: str
    fy27_q1: str
    plan: str
    acme: str
    beta: str


async def _years(api: Api, year: int, quarters: bool = True) -> tuple[str, str | None]:
    fy = await f.period(api, f"FY{year}", start=f"{year}-01-01", end=f"{year}-12-31")
    q1 = None
    if quarters:
        for q, (start, end) in enumerate(
            [("01-01", "03-31"), ("04-01", "06-30"), ("07-01", "09-30"), ("10-01", "12-31")],
            start=1,
        ):
            pk = await f.period(
                api, f"FY{year} Q{q}", "QUARTER", f"{year}-{start}", f"{year}-{end}", fy
            )
            q1 = q1 or pk
    return fy, q1


async def given_an_expired_plan_tree(api: Api) -> Given:
    """Anna's FY2026 plan: a quarterly and a regional sub-plan, objectives, work; EXPIRED."""
    fy26, q1_26 = await _years(api, 2026)
    fy27, q1_27 = await _years(api, 2027)
    assert q1_26 is not None and q1_27 is not None
    acme, beta = await f.account(api, "Acme"), await f.account(api, "Beta")
    carla = await f.contact(api, accountIds=[acme])
    plan = await f.plan(
        api, "Acme FY2026", fy26, accountIds=[acme, beta], primaryAccountId=beta,
        contactIds=[carla], revenueTarget=EUR, description="Grow Acme.",
    )  # fmt: skip
    q1 = await f.plan(api, "Acme FY2026 Q1", q1_26, parentPlanId=plan, accountIds=[acme])
    await f.plan(api, f"Acme {DASH} DACH", fy26, parentPlanId=plan)
    calls = await api.create(
        "createObjective",
        {"name": "12 calls", "periodId": fy26, "planId": plan, "target": "12", "unit": "calls",
         "accountId": acme},
    )  # fmt: skip
    await api.create(
        "createObjective",
        {"name": "3 calls in Q1", "periodId": q1_26, "planId": q1, "parentObjectiveId": calls,
         "target": "3", "unit": "calls", "accountId": acme},
    )  # fmt: skip
    await api.create(
        "createObjective",
        {"name": "Share of wallet", "periodId": fy26, "planId": plan, "target": "40",
         "unit": "percent", "measure": "MANUAL", "actual": "25", "accountId": acme},
    )  # fmt: skip
    await api.create(
        "createOpportunity",
        {"name": "Deal", "accountId": acme, "amount": EUR, "planIds": [plan]},
    )
    await api.create("createActivity", {"type": "CALL", "subject": "Call", "planId": plan})
    expired = await api.mutate("changeBusinessPlanStatus", {"id": plan, "status": "EXPIRED"})
    assert expired[ERRORS] == []
    return Given(fy26, fy27, q1_27, plan, acme, beta)


COPY = """
mutation($input: CopyBusinessPlanInput!) { copyBusinessPlan(input: $input) {
  businessPlan { id name status version type description currency owner { name }
    revenueTarget { amount currency } period { name } copiedFrom { name }
    accounts { edges { isPrimary node { name } } } contacts { nodes { lastName } }
    statusHistory { from to changedBy { name } comment }
    opportunities { totalCount } activities { totalCount }
    objectives { nodes { name status target unit measure period { name } account { name }
      subObjectives { nodes { name } } } }
    subPlans { nodes { name status period { name } copiedFrom { name } owner { name }
      accounts { nodes { name } } statusHistory { comment }
      objectives { nodes { name period { name } parent { name } } } } } }
  userErrors { field message code } } }
"""


async def _copy(api: Api, user: str | None = None, **input: Any) -> dict[str, Any]:
    data = await api.ok(COPY, {"input": input}, user)
    payload: dict[str, Any] = data["copyBusinessPlan"]
    return payload


async def test_a_copy_is_a_draft_in_the_new_period_with_sub_plans_objectives_and_links(
    api: Api,
) -> None:
    given = await given_an_expired_plan_tree(api)

    payload = await _copy(api, id=given.plan, periodId=given.fy27)

    assert payload[ERRORS] == []
    copy = payload["businessPlan"]
    copy.pop("id")
    assert copy == {
        "name": "Acme FY2027",
        "status": "DRAFT",
        "version": 1,
        "type": "ACCOUNT",
        "description": "Grow Acme.",
        "currency": "EUR",
        "owner": {"name": "Anna Manager"},
        "revenueTarget": EUR,
        "period": {"name": "FY2027"},
        "copiedFrom": {"name": "Acme FY2026"},
        "accounts": {
            "edges": [
                {"isPrimary": False, "node": {"name": "Acme"}},
                {"isPrimary": True, "node": {"name": "Beta"}},
            ]
        },
        "contacts": {"nodes": [{"lastName": "Contact"}]},
        "statusHistory": [
            {
                "from": None,
                "to": "DRAFT",
                "changedBy": {"name": "Anna Manager"},
                "comment": "Copied from Acme FY2026 (FY2026)",
            }
        ],
        "opportunities": {"totalCount": 0},
        "activities": {"totalCount": 0},
        "objectives": {
            "nodes": [
                {"name": "12 calls", "status": "DRAFT", "target": "12", "unit": "calls",
                 "measure": "COMPLETED_ACTIVITIES", "period": {"name": "FY2027"},
                 "account": {"name": "Acme"}, "subObjectives": {"nodes": [{"name": "3 calls in Q1"}]}},
                {"name": "Share of wallet", "status": "DRAFT", "target": "40", "unit": "percent",
                 "measure": "MANUAL", "period": {"name": "FY2027"}, "account": {"name": "Acme"},
                 "subObjectives": {"nodes": []}},
            ]
        },
        "subPlans": {
            "nodes": [
                {"name": "Acme FY2027 Q1", "status": "DRAFT", "period": {"name": "FY2027 Q1"},
                 "copiedFrom": {"name": "Acme FY2026 Q1"}, "owner": {"name": "Anna Manager"},
                 "accounts": {"nodes": [{"name": "Acme"}]},
                 "statusHistory": [{"comment": "Copied from Acme FY2026 Q1 (FY2026 Q1)"}],
                 "objectives": {"nodes": [{"name": "3 calls in Q1", "period": {"name": "FY2027 Q1"},
                                           "parent": {"name": "12 calls"}}]}},
                {"name": f"Acme {DASH} DACH (FY2027)", "status": "DRAFT",
                 "period": {"name": "FY2027"}, "copiedFrom": {"name": f"Acme {DASH} DACH"},
                 "owner": {"name": "Anna Manager"}, "accounts": {"nodes": []},
                 "statusHistory": [{"comment": f"Copied from Acme {DASH} DACH (FY2026)"}],
                 "objectives": {"nodes": []}},
            ]
        },
    }  # fmt: skip


SOURCE = "query($id: ID!) { businessPlan(id: $id) { status version statusHistory { to } } }"


async def test_the_source_is_left_as_it_was_and_actuals_are_not_copied(
    api: Api, app_and_counter: tuple[Starlette, StatementCounter]
) -> None:
    app, _ = app_and_counter
    given = await given_an_expired_plan_tree(api)
    before = await api.ok(SOURCE, {"id": given.plan})

    payload = await _copy(api, id=given.plan, periodId=given.fy27)

    assert payload[ERRORS] == []
    assert await api.ok(SOURCE, {"id": given.plan}) == before
    async with app.state.engine.connect() as connection:
        typed = await connection.execute(
            select(Objective.manual_actual)
            .where(Objective.name == "Share of wallet")
            .order_by(Objective.id)
        )
        assert typed.scalars().all() == [Decimal(25), None]  # the source's, then the copy's


async def test_sub_plans_and_objectives_may_be_left_out_and_the_name_given(api: Api) -> None:
    given = await given_an_expired_plan_tree(api)

    payload = await _copy(
        api,
        id=given.plan,
        periodId=given.fy27,
        name="  Acme next year  ",
        includeSubPlans=False,
        includeObjectives=False,
    )

    copy = payload["businessPlan"]
    assert (copy["name"], copy["subPlans"], copy["objectives"]) == (
        "Acme next year",
        {"nodes": []},
        {"nodes": []},
    )


async def _counts(app: Starlette) -> dict[str, int]:
    async with app.state.engine.connect() as connection:
        return {
            table.name: (
                await connection.execute(select(func.count()).select_from(table))
            ).scalar_one()
            for table in Base.metadata.sorted_tables
        }


async def test_a_name_taken_in_the_new_period_is_refused_also_for_a_sub_plan(
    api: Api, app_and_counter: tuple[Starlette, StatementCounter]
) -> None:
    app, _ = app_and_counter
    given = await given_an_expired_plan_tree(api)
    await f.plan(api, "Taken", given.fy27)
    await f.plan(api, "Acme FY2027 Q1", given.fy27_q1)
    before = await _counts(app)

    given_name = await _copy(api, id=given.plan, periodId=given.fy27, name="Taken")

    assert given_name == {
        "businessPlan": None,
        ERRORS: [
            {"field": ["input", "name"], "code": "DUPLICATE",
             "message": "The copy would be named 'Taken', and a plan of that name already "
                        "exists in FY2027."},
            {"field": ["input", "name"], "code": "DUPLICATE",
             "message": "The copy of the sub-plan 'Acme FY2026 Q1' would be named "
                        "'Acme FY2027 Q1', and a plan of that name already exists in FY2027 Q1."},
        ],
    }  # fmt: skip
    assert await _counts(app) == before


async def test_a_copy_of_a_copy_with_the_default_name_is_a_duplicate(api: Api) -> None:
    given = await given_an_expired_plan_tree(api)
    first = await _copy(api, id=given.plan, periodId=given.fy27, includeSubPlans=False)

    again = await _copy(api, id=given.plan, periodId=given.fy27, includeSubPlans=False)

    assert first[ERRORS] == []
    assert again[ERRORS] == [
        {"field": ["input", "name"], "code": "DUPLICATE",
         "message": "The copy would be named 'Acme FY2027', and a plan of that name already "
                    "exists in FY2027."},
    ]  # fmt: skip


async def test_a_period_of_another_length_is_refused(api: Api) -> None:
    given = await given_an_expired_plan_tree(api)

    payload = await _copy(api, id=given.plan, periodId=given.fy27_q1)

    assert payload == {
        "businessPlan": None,
        ERRORS: [
            {"field": ["input", "periodId"], "code": "INVALID",
             "message": "'Acme FY2026' is for a YEAR (FY2026): it can be copied only into "
                        "another YEAR, not into FY2027 Q1 (QUARTER)."},
        ],
    }  # fmt: skip


async def test_a_sub_plan_without_a_matching_period_is_refused_and_nothing_is_written(
    api: Api, app_and_counter: tuple[Starlette, StatementCounter]
) -> None:
    app, _ = app_and_counter
    given = await given_an_expired_plan_tree(api)
    fy28, _ = await _years(api, 2028, quarters=False)
    before = await _counts(app)

    payload = await _copy(api, id=given.plan, periodId=fy28)

    assert payload == {
        "businessPlan": None,
        ERRORS: [
            {"field": ["input", "periodId"], "code": "INVALID",
             "message": "The sub-plan 'Acme FY2026 Q1' is for FY2026 Q1, and FY2028 has no "
                        "matching QUARTER (one starting 2028-01-01)."},
            {"field": ["input", "periodId"], "code": "INVALID",
             "message": "The objective '3 calls in Q1' is for FY2026 Q1, and FY2028 has no "
                        "matching QUARTER."},
        ],
    }  # fmt: skip
    assert await _counts(app) == before
    without_sub_plans = await _copy(
        api, id=given.plan, periodId=fy28, includeSubPlans=False, includeObjectives=False
    )
    assert without_sub_plans["businessPlan"]["name"] == "Acme FY2028"


async def test_a_plan_the_viewer_may_not_see_is_not_found_and_an_admin_copies_any(
    api: Api,
) -> None:
    given = await given_an_expired_plan_tree(api)

    hidden = await _copy(api, "ben", id=given.plan, periodId=given.fy27)
    unknown = await _copy(api, id="QnVzaW5lc3NQbGFuOjk5OTk=", periodId="bad")
    by_admin = await _copy(api, "admin", id=given.plan, periodId=given.fy27)

    assert hidden == {
        "businessPlan": None,
        ERRORS: [{"field": ["input", "id"], "code": "NOT_FOUND",
                  "message": f"No BusinessPlan with id '{given.plan}'."}],
    }  # fmt: skip
    assert [(e["field"], e["code"]) for e in unknown[ERRORS]] == [
        (["input", "id"], "NOT_FOUND"),
        (["input", "periodId"], "NOT_FOUND"),
    ]
    assert by_admin["businessPlan"]["owner"] == {"name": "Ada Admin"}
    assert by_admin["businessPlan"]["statusHistory"][0]["changedBy"] == {"name": "Ada Admin"}


async def test_a_failure_half_way_through_the_copy_writes_nothing(
    api: Api,
    app_and_counter: tuple[Starlette, StatementCounter],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app, _ = app_and_counter
    given = await given_an_expired_plan_tree(api)
    before = await _counts(app)
    written: list[int] = []

    async def fail_after_the_plans(session: Any, copy: Any) -> None:
        written.extend(p.copy_id for p in copy.plans)  # the plans are in the transaction
        raise RuntimeError("the database went away")

    monkeypatch.setattr("models.plan_copy._write_objectives", fail_after_the_plans)
    body = await api.post(COPY, {"input": {"id": given.plan, "periodId": given.fy27}})

    assert len(written) == 3 and all(written)
    assert body["data"] is None
    assert "Traceback" not in str(body) and "went away" not in str(body)
    assert await _counts(app) == before


async def test_a_blank_name_and_a_default_name_too_long_are_refused(api: Api) -> None:
    fy26, _ = await _years(api, 2026, quarters=False)
    fy27, _ = await _years(api, 2027, quarters=False)
    long_name = "L" * 195
    plan = await f.plan(api, long_name, fy26)

    blank = await _copy(api, id=plan, periodId=fy27, name="   ")
    too_long = await _copy(api, id=plan, periodId=fy27)

    assert blank[ERRORS] == [
        {"field": ["input", "name"], "code": "INVALID", "message": "name must not be blank."}
    ]
    assert too_long[ERRORS] == [
        {"field": ["input", "name"], "code": "INVALID",
         "message": f"The copy would be named '{'L' * 60}...', longer than 200 characters: "
                    "give the copy a shorter name."},
    ]  # fmt: skip


async def test_sub_plans_the_copier_may_not_see_are_not_copied(api: Api) -> None:
    fy26, _ = await _years(api, 2026, quarters=False)
    fy27, _ = await _years(api, 2027, quarters=False)
    plan = await f.plan(api, "Acme FY2026", fy26)
    hidden = {"name": "Admin's own FY2026", "type": "ACCOUNT", "periodId": fy26}
    await api.create("createBusinessPlan", {**hidden, "parentPlanId": plan}, user="admin")

    by_anna = await _copy(api, id=plan, periodId=fy27)
    by_admin = await _copy(api, "admin", id=plan, periodId=fy27, name="Acme by admin")

    assert by_anna["businessPlan"]["subPlans"] == {"nodes": []}
    assert [p["name"] for p in by_admin["businessPlan"]["subPlans"]["nodes"]] == [
        "Admin's own FY2027"
    ]
