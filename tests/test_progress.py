"""Objective progress: `actual` by measure over the objective and its sub-objectives, each
item once; `progress` against the target; `actualForAccount` on a global objective."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests import factories as f
from tests.factories import Api

PROGRESS = """query($id: ID!) { node(id: $id) { ... on Objective {
  measure actual progress } } }"""
MOVED_PROGRESS = """query Moved($id: ID!) {
  goal: node(id: $id) { ... on Objective {
    measure
    actual
    progress } } }"""
SET_RATE = """mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) {
  userErrors { code } } }"""
PICTURE = """query($id: ID!) { account(id: $id) { objectives(via: [GLOBAL]) {
  edges { actualForAccount node { name actual } } } } }"""


async def _read(api: Api, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    """The answer, the same on the general path and (the second time) on the fast path."""
    first, second = [await api.post(query, variables) for _ in range(2)]
    assert first == second
    return first


async def _activity(api: Api, objective: str, status: str = "COMPLETED", **links: str) -> None:
    activity = await api.create("createActivity", {"type": "CALL", "subject": "Call",
                                                   "objectiveId": objective, **links})  # fmt: skip
    await api.mutate("changeActivityStatus", {"id": activity, "status": status})


async def test_completed_activities_of_the_objective_and_its_sub_objectives_count(
    api: Api,
) -> None:
    year = await f.period(api)
    calls = await api.create("createObjective", {"name": "12 calls", "periodId": year,
                                                 "target": "12", "unit": "sales calls"})  # fmt: skip
    q1 = await api.create("createObjective", {"name": "3 calls", "periodId": year, "target": "3",
                                              "unit": "calls", "parentObjectiveId": calls})  # fmt: skip
    await _activity(api, calls)
    await _activity(api, q1)
    await _activity(api, q1)
    await _activity(api, q1, status="IN_PROGRESS")

    parent = await _read(api, PROGRESS, {"id": calls})
    child = await _read(api, PROGRESS, {"id": q1})

    assert parent["data"]["node"] == {
        "measure": "COMPLETED_ACTIVITIES", "actual": "3", "progress": 0.25}  # fmt: skip
    assert child["data"]["node"] == {
        "measure": "COMPLETED_ACTIVITIES", "actual": "2", "progress": 2 / 3}  # fmt: skip


async def test_won_revenue_converts_and_a_missing_rate_nulls_only_actual(api: Api) -> None:
    year = await f.period(api)
    acme = await f.account(api)
    goal = await api.create("createObjective", {
        "name": "Win", "periodId": year, "revenueTarget": {"amount": "1000", "currency": "EUR"}})  # fmt: skip
    deal = {"accountId": acme, "objectiveId": goal, "stage": "CLOSED_WON"}
    await api.create("createOpportunity", {**deal, "name": "a",
                                           "amount": {"amount": "400", "currency": "EUR"}})  # fmt: skip
    await api.create("createOpportunity", {**deal, "name": "b", "stage": "PROPOSAL",
                                           "amount": {"amount": "999", "currency": "EUR"}})  # fmt: skip
    await api.create("createOpportunity", {**deal, "name": "c",
                                           "amount": {"amount": "100", "currency": "CHF"}})  # fmt: skip

    missing = await _read(api, PROGRESS, {"id": goal})
    moved = await _read(api, MOVED_PROGRESS, {"id": goal})
    await api.ok(SET_RATE, {"input": {"base": "CHF", "quote": "EUR", "rate": "1.05"}},
                 user="admin")  # fmt: skip
    converted = await _read(api, PROGRESS, {"id": goal})

    assert missing["data"]["node"] == {"measure": "WON_REVENUE", "actual": None, "progress": None}
    assert {(tuple(e["path"]), e["extensions"]["code"]) for e in missing["errors"]} == {
        (("node", "actual"), "MISSING_EXCHANGE_RATE"),
        (("node", "progress"), "MISSING_EXCHANGE_RATE"),
    }
    assert "CHF" in missing["errors"][0]["message"]
    # The same fields elsewhere in another document: the fast path reuses the progress SQL
    # rendered for the first (resolvers/fastpath/rendered.py) with this document's locations.
    assert {(tuple(e["path"]), e["locations"][0]["line"], e["locations"][0]["column"])
            for e in moved["errors"]} == {(("goal", "actual"), 4, 5),
                                          (("goal", "progress"), 5, 5)}  # fmt: skip
    assert converted == {"data": {"node": {
        "measure": "WON_REVENUE", "actual": "505.00", "progress": 0.505}}}  # fmt: skip


BACKWARD = """query($id: ID!) { account(id: $id) {
  objectives(last: 2) { edges { actualForAccount node { name actual progress } } } } }"""


async def test_progress_of_a_page_read_backward_is_the_same_on_both_paths(api: Api) -> None:
    # On SQLite a backward page is re-sorted by a subquery of its own, whose progress SQL
    # names it (it was once an anonymous subquery that the rendered text could not name).
    year = await f.period(api)
    acme = await f.account(api)
    for name in ("a", "b", "c"):
        goal = await api.create("createObjective", {"name": name, "periodId": year, "target": "2",
                                                    "unit": "calls", "accountId": acme})  # fmt: skip
        await _activity(api, goal)

    page = await _read(api, BACKWARD, {"id": acme})

    assert [e["node"] for e in page["data"]["account"]["objectives"]["edges"]] == [
        {"name": "b", "actual": "1", "progress": 0.5},
        {"name": "c", "actual": "1", "progress": 0.5},
    ]


async def test_manual_progress_is_what_was_typed_in(api: Api) -> None:
    year = await f.period(api)
    share = await api.create("createObjective", {"name": "Share", "periodId": year,
                                                 "target": "40", "unit": "percent",
                                                 "measure": "MANUAL", "actual": "10"})  # fmt: skip

    body = await _read(api, PROGRESS, {"id": share})

    assert body == {"data": {"node": {"measure": "MANUAL", "actual": "10", "progress": 0.25}}}


async def test_a_global_objective_counts_each_accounts_own_items_for_that_account(
    api: Api,
) -> None:
    year = await f.period(api)
    acme = await f.account(api, "Acme")
    beta = await f.account(api, "Beta")
    carla = await f.contact(api, accountIds=[beta])
    demos = await api.create("createObjective", {"name": "Demos", "periodId": year,
                                                 "target": "5", "unit": "demos"})  # fmt: skip
    await _activity(api, demos, accountId=acme)
    await _activity(api, demos, accountId=acme)
    await _activity(api, demos, contactId=carla)  # Beta's, through its contact

    for_acme = await _read(api, PICTURE, {"id": acme})
    for_beta = await _read(api, PICTURE, {"id": beta})

    assert for_acme["data"]["account"]["objectives"]["edges"] == [
        {"actualForAccount": "2", "node": {"name": "Demos", "actual": "3"}}
    ]
    assert for_beta["data"]["account"]["objectives"]["edges"] == [
        {"actualForAccount": "1", "node": {"name": "Demos", "actual": "3"}}
    ]


PAGE = """query($id: ID!) { account(id: $id) { objectives {
  edges { actualForAccount node { name actual progress } } } } }"""


async def test_one_page_counts_each_objectives_subtree_and_the_accounts_share(api: Api) -> None:
    """A global objective, an account's objective and its own sub-objective on one page (the
    case a per-page reading of progress must keep): each counts its whole subtree, and only
    the global one is counted the account's way; amounts in another currency converted."""
    year = await f.period(api)
    acme = await f.account(api, "Acme")
    beta = await f.account(api, "Beta")
    await api.ok(SET_RATE, {"input": {"base": "CHF", "quote": "EUR", "rate": "1.05"}},
                 user="admin")  # fmt: skip
    goal = {"periodId": year, "revenueTarget": {"amount": "1000", "currency": "EUR"}}
    world = await api.create("createObjective", {"name": "World", **goal})
    mine = await api.create("createObjective", {"name": "Acme", "accountId": acme, **goal})
    q1 = await api.create("createObjective", {"name": "Acme Q1", "accountId": acme,
                                              "parentObjectiveId": mine, **goal})  # fmt: skip
    for objective, account, amount, currency in [
        (world, acme, "100", "CHF"), (world, beta, "200", "EUR"),
        (mine, acme, "50", "EUR"), (q1, acme, "10", "CHF"),
    ]:  # fmt: skip
        await api.create("createOpportunity", {
            "name": "Deal", "accountId": account, "objectiveId": objective, "stage": "CLOSED_WON",
            "amount": {"amount": amount, "currency": currency}})  # fmt: skip

    body = await _read(api, PAGE, {"id": acme})

    edges = body["data"]["account"]["objectives"]["edges"]
    shown = {e["node"]["name"]: (e["actualForAccount"], e["node"]["actual"], e["node"]["progress"])
             for e in edges}  # fmt: skip
    assert shown == {
        "World": ("105.00", "305.00", 0.305),
        "Acme": ("60.50", "60.50", 0.0605),
        "Acme Q1": ("10.50", "10.50", 0.0105),
    }


RATIOS = [("3", "12"), ("2", "3"), ("12", "4"), ("0", "5"), ("7", "0"), ("1", "100000"),
          ("505.00", "1000.00"), ("123456789012345", "1"), ("1", "3e-20"),
          ("99999999999999999", "1"), ("1000000000000000", "1")]  # fmt: skip


async def test_the_fast_path_prints_progress_as_python_does(database_url: str) -> None:
    """`progress` formatted in SQL (resolvers/fastpath/dialect.py ratio_json) is the text the
    general path prints, float(done) / float(goal) through json.dumps: integral values end
    in ".0", a goal of 0 gives null. From 10^15 to 10^16 PostgreSQL writes the same number
    with an exponent (1e+15), which reads back the same."""
    from sqlalchemy import literal, select

    from models.db import make_engine
    from resolvers.fastpath.dialect import JSON_SQL
    from resolvers.fastpath.sqlite_functions import install

    engine = make_engine(database_url)
    install(engine)
    sql = JSON_SQL[engine.dialect.name]
    try:
        async with engine.connect() as connection:
            for done, goal in RATIOS:
                ratio = sql.ratio_json(literal(done), literal(goal))
                shown = (await connection.execute(select(sql.text(ratio)))).scalar_one()
                expected = None if goal == "0" else float(done) / float(goal)
                if expected is not None and 1e15 <= expected < 1e16:
                    assert json.loads(shown) == expected, (done, goal, shown)
                else:
                    assert shown == (None if expected is None else json.dumps(expected)), (
                        done, goal, shown)  # fmt: skip
    finally:
        await engine.dispose()


async def test_sqlite_counts_progress_through_the_tables_indexes(
    app_and_counter: Any, api: Api, database_url: str
) -> None:
    """On SQLite, no statement of the planning picture builds an automatic index (models/db.py
    turns them off): for an objective's progress SQLite chose to index the whole activities
    table again in each statement instead of the partial index of completed activities, and
    the picture took ten times as long as without the planning fields. Progress now reads
    kept totals (models/objective_totals.py, models/account_totals.py), by their keys."""
    if not database_url.startswith("sqlite"):
        pytest.skip("automatic indexes are SQLite's")
    from bench.clients import PICTURES

    year = await f.period(api)
    acme = await f.account(api)
    plan = await f.plan(api, "Annual", year, accountIds=[acme])
    calls = await api.create("createObjective", {"name": "Calls", "periodId": year,
                                                 "target": "4", "planId": plan})  # fmt: skip
    await _activity(api, calls, accountId=acme)
    app, counter = app_and_counter
    await _read(api, PICTURES["planning"], {"id": acme})  # both read paths, the fast one last
    counter.statements.clear()
    counter.active = True
    answer = await api.post(PICTURES["planning"], {"id": acme})
    counter.active = False
    async with app.state.engine.connect() as connection:
        automatic = (await connection.exec_driver_sql("PRAGMA automatic_index")).scalar_one()
        plans = [row[3] for statement in counter.statements  # the plan needs no values
                 for row in await connection.exec_driver_sql(
                     "EXPLAIN QUERY PLAN " + statement, (None,) * statement.count("?"))]  # fmt: skip

    assert "errors" not in answer, answer
    objectives = answer["data"]["account"]["businessPlans"]["edges"][0]["node"]["objectives"]
    assert objectives["nodes"][0]["actual"] == "1"
    assert automatic == 0
    # actualForAccount reads the kept totals per account by their key (models/account_totals.py)
    key = "INDEX sqlite_autoindex_objective_account_totals_1 (objective_id=? AND account_id=?)"
    assert any(key in row for row in plans), plans
    assert not [row for row in plans if "AUTOMATIC" in row], plans
