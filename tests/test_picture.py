"""The account's planning picture: `via` rules, filters, paging, roll-ups, and its SQL cost."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from models import (
    Account,
    AccountContact,
    Activity,
    ActivityType,
    BusinessPlan,
    Contact,
    Objective,
    Opportunity,
    OpportunityContact,
    OpportunityStage,
    Period,
    PeriodType,
    PlanAccount,
    PlanContact,
    PlanOpportunity,
    PlanStatus,
    PlanStatusChange,
    PlanType,
)
from models.db import make_sessionmaker
from resolvers.ids import to_global_id
from tests import factories as f
from tests.factories import Api

PICTURE = """
query Picture($id: ID!, $first: Int) {
  account(id: $id) {
    name parent { name } owner { name }
    contacts(first: $first) { totalCount nodes { id firstName accounts { totalCount } } }
    businessPlans(first: $first) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { via viaContact { lastName } node {
        name status version period { name } owner { name }
        revenueTarget { amount currency } wonRevenue { amount currency }
        pipelineRevenue { amount currency } parent { name }
        accounts { edges { isPrimary node { name } } } contacts { nodes { lastName } }
        subPlans(first: $first) { totalCount nodes { name wonRevenue { amount } } }
        objectives(first: $first) { totalCount nodes { name subObjectives { totalCount } } }
        opportunities(first: $first) { totalCount nodes { name plans { totalCount }
          contacts { totalCount } objective { name } activities { totalCount } } }
        activities(first: $first) { totalCount nodes { subject followUpOf { subject }
          followUps { totalCount } } }
        statusHistory { from to changedBy { name } }
      } }
    }
    objectives(first: $first) { totalCount edges { via viaContact { lastName }
      node { name isGlobal plan { name } contact { lastName } account { name } } } }
    opportunities(first: $first) { totalCount edges { via viaContact { lastName }
      node { name stage amount { amount currency } } } }
    activities(first: $first) { totalCount edges { via viaContact { lastName }
      node { subject status opportunity { name } objective { name } } } }
  }
}
"""

VIA_QUERY = """
query($id: ID!, $via: [LinkVia!]) { account(id: $id) {
  businessPlans { edges { via viaContact { lastName } node { name } } }
  objectives(via: $via) { totalCount edges { via viaContact { lastName } node { name } } }
  opportunities { edges { via viaContact { lastName } node { name } } }
  activities { edges { via viaContact { lastName } node { subject } } }
} }
"""


def _edges(connection: dict[str, Any], name: str = "name") -> list[tuple[Any, ...]]:
    return [
        (e["node"][name], e["via"], (e["viaContact"] or {}).get("lastName"))
        for e in connection["edges"]
    ]


async def test_each_item_appears_once_with_the_first_way_it_reaches_the_account(api: Api) -> None:
    year = await f.period(api)
    acme = await f.account(api, "Acme")
    other = await f.account(api, "Other")
    adams = await f.contact(api, "A", "Adams", accountIds=[acme])
    baker = await f.contact(api, "B", "Baker", accountIds=[acme, other])
    await f.plan(api, "Both ways", year, accountIds=[acme], contactIds=[baker])
    await f.plan(api, "Two contacts", year, contactIds=[baker, adams])
    await f.plan(api, "Elsewhere", year, accountIds=[other])
    await api.create("createObjective", {"name": "Global", "periodId": year})
    await api.create("createObjective", {"name": "Mine", "periodId": year, "accountId": acme})
    await api.create(
        "createObjective",
        {"name": "Via Baker", "periodId": year, "accountId": other, "contactId": baker},
    )
    money = {"amount": "10", "currency": "EUR"}
    await api.create(
        "createOpportunity",
        {"name": "Direct", "accountId": acme, "amount": money, "contactIds": [adams]},
    )
    await api.create(
        "createOpportunity",
        {"name": "Role", "accountId": other, "amount": money, "contactIds": [adams]},
    )
    await api.create("createActivity", {"type": "CALL", "subject": "Call", "contactId": baker})

    data = (await api.ok(VIA_QUERY, {"id": acme}))["account"]

    assert _edges(data["businessPlans"]) == [
        ("Both ways", "ACCOUNT", None),
        ("Two contacts", "CONTACT", "Adams"),
    ]
    assert _edges(data["objectives"]) == [
        ("Global", "GLOBAL", None),
        ("Mine", "ACCOUNT", None),
        ("Via Baker", "CONTACT", "Baker"),
    ]
    assert _edges(data["opportunities"]) == [
        ("Direct", "ACCOUNT", None),
        ("Role", "CONTACT", "Adams"),
    ]
    assert _edges(data["activities"], "subject") == [("Call", "CONTACT", "Baker")]


async def test_via_filter_applies_after_deduplication(api: Api) -> None:
    year = await f.period(api)
    acme = await f.account(api, "Acme")
    adams = await f.contact(api, "A", "Adams", accountIds=[acme])
    await api.create("createObjective", {"name": "Global", "periodId": year})
    await api.create(
        "createObjective", {"name": "Both", "periodId": year, "accountId": acme, "contactId": adams}
    )
    await api.create(
        "createObjective", {"name": "Contact only", "periodId": year, "contactId": adams}
    )

    only_contact = (await api.ok(VIA_QUERY, {"id": acme, "via": ["CONTACT"]}))["account"]
    only_global = (await api.ok(VIA_QUERY, {"id": acme, "via": ["GLOBAL"]}))["account"]

    assert _edges(only_contact["objectives"]) == [("Contact only", "CONTACT", "Adams")]
    assert _edges(only_global["objectives"]) == [("Global", "GLOBAL", None)]


FILTERED_PLANS = """
query($id: ID!, $status: [PlanStatus!], $periodId: ID, $rootOnly: Boolean) {
  account(id: $id) { businessPlans(status: $status, periodId: $periodId, rootOnly: $rootOnly) {
    totalCount nodes { name } } } }
"""


async def test_business_plan_filters_and_root_only(api: Api) -> None:
    year = await f.period(api)
    q1 = await f.period(api, "FY2027 Q1", "QUARTER", "2027-01-01", "2027-03-31", year)
    acme = await f.account(api, "Acme")
    annual = await f.plan(api, "Annual", year, accountIds=[acme])
    await f.plan(api, "Q1", q1, accountIds=[acme], parentPlanId=annual)
    await f.plan(api, "Orphan Q1", q1, accountIds=[acme])
    await api.mutate("changeBusinessPlanStatus", {"id": annual, "status": "SUBMITTED"})

    async def names(**variables: Any) -> list[str]:
        data = await api.ok(FILTERED_PLANS, {"id": acme, **variables})
        return [n["name"] for n in data["account"]["businessPlans"]["nodes"]]

    assert await names() == ["Annual", "Q1", "Orphan Q1"]
    assert await names(rootOnly=True) == ["Annual", "Orphan Q1"]
    assert await names(status=["DRAFT"]) == ["Q1", "Orphan Q1"]
    # Q1's parent is filtered out, so within this result Q1 is a root.
    assert await names(status=["DRAFT"], rootOnly=True) == ["Q1", "Orphan Q1"]
    assert await names(periodId=q1) == ["Q1", "Orphan Q1"]


PAGE = """
query($id: ID!, $after: String) { account(id: $id) { activities(first: 2, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { subject } } } } }
"""


async def test_paging_through_the_picture_visits_every_item_once(api: Api) -> None:
    acme = await f.account(api, "Acme")
    adams = await f.contact(api, "A", "Adams", accountIds=[acme])
    for n in range(5):
        link = {"accountId": acme} if n % 2 else {"contactId": adams}
        await api.create("createActivity", {"type": "TASK", "subject": f"Task {n}", **link})

    seen: list[str] = []
    after = None
    pages = []
    while True:
        page = (await api.ok(PAGE, {"id": acme, "after": after}))["account"]["activities"]
        pages.append(page["pageInfo"])
        seen += [e["node"]["subject"] for e in page["edges"]]
        assert page["totalCount"] == 5
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    assert seen == [f"Task {n}" for n in range(5)]
    assert [(p["hasNextPage"], p["hasPreviousPage"]) for p in pages] == [
        (True, False),
        (True, True),
        (False, True),
    ]


ROLLUP = """
query($id: ID!) { businessPlan(id: $id) { revenueTarget { amount currency }
  wonRevenue { amount currency } pipelineRevenue { amount currency } } }
"""


async def test_rollups_count_each_opportunity_once_and_convert_currencies(api: Api) -> None:
    year = await f.period(api)
    q1 = await f.period(api, "FY2027 Q1", "QUARTER", "2027-01-01", "2027-03-31", year)
    acme = await f.account(api, "Acme")
    annual = await f.plan(
        api,
        "Annual",
        year,
        accountIds=[acme],
        revenueTarget={"amount": "100000.00", "currency": "EUR"},
    )
    sub = await f.plan(api, "Q1", q1, accountIds=[acme], parentPlanId=annual)
    await api.ok(SET_RATE, {"input": {"base": "EUR", "quote": "USD", "rate": "1.25"}}, "admin")

    async def opportunity(
        name: str, amount: str, currency: str, stage: str, plans: list[str]
    ) -> None:
        await api.create(
            "createOpportunity",
            {
                "name": name,
                "accountId": acme,
                "stage": stage,
                "planIds": plans,
                "amount": {"amount": amount, "currency": currency},
            },
        )

    await opportunity("Won in both", "1000.10", "EUR", "CLOSED_WON", [annual, sub])
    await opportunity("Won in USD", "125.00", "USD", "CLOSED_WON", [sub])
    await opportunity("Open", "300.00", "EUR", "NEGOTIATION", [sub])
    await opportunity("Lost", "999.00", "EUR", "CLOSED_LOST", [annual])

    data = (await api.ok(ROLLUP, {"id": annual}))["businessPlan"]

    assert data == {
        "revenueTarget": {"amount": "100000.00", "currency": "EUR"},
        "wonRevenue": {"amount": "1100.10", "currency": "EUR"},  # 1000.10 + 125 USD / 1.25
        "pipelineRevenue": {"amount": "300.00", "currency": "EUR"},
    }


SET_RATE = """
mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) {
  rate userErrors { field message code } } }
"""


async def test_a_missing_exchange_rate_nulls_only_that_rollup_with_an_error_naming_it(
    api: Api,
) -> None:
    year = await f.period(api)
    acme = await f.account(api, "Acme")
    plan = await f.plan(
        api, "Annual", year, accountIds=[acme], revenueTarget={"amount": "1.00", "currency": "EUR"}
    )
    await api.create(
        "createOpportunity",
        {
            "name": "Yen",
            "accountId": acme,
            "planIds": [plan],
            "stage": "CLOSED_WON",
            "amount": {"amount": "500", "currency": "JPY"},
        },
    )

    body = await api.post(ROLLUP, {"id": plan})
    again = await api.post(ROLLUP, {"id": plan})  # on the fast path

    assert again == body
    assert body["data"] == {
        "businessPlan": {
            "revenueTarget": {"amount": "1.00", "currency": "EUR"},
            "wonRevenue": None,
            "pipelineRevenue": {"amount": "0.00", "currency": "EUR"},
        }
    }
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [
        (["businessPlan", "wonRevenue"], "MISSING_EXCHANGE_RATE")
    ]
    assert "JPY" in body["errors"][0]["message"]


async def _account_with(
    session: AsyncSession, name: str, plans: int, activities: int, owner_id: int
) -> int:
    """An account whose picture has every kind of item at every level, in bulk."""
    period = Period(
        name=f"{name} year",
        type=PeriodType.YEAR,
        start_on=dt.date(2027, 1, 1),
        end_on=dt.date(2027, 12, 31),
    )
    account = Account(name=name, owner_id=owner_id)
    contact = Contact(first_name="C", last_name=f"{name} contact")
    session.add_all([period, account, contact])
    await session.flush()
    session.add(AccountContact(account_id=account.id, contact_id=contact.id))
    root: BusinessPlan | None = None
    plan_rows = []
    for n in range(plans):
        plan = BusinessPlan(
            name=f"{name} plan {n}",
            type=PlanType.ACCOUNT,
            period_id=period.id,
            owner_id=owner_id,
            status=PlanStatus.DRAFT,
            currency="EUR",
            version=1,
            parent_id=root.id if root else None,
        )
        session.add(plan)
        await session.flush()
        root = root or plan
        plan_rows.append(plan)
        session.add(
            PlanStatusChange(
                plan_id=plan.id, version=1, to_status=PlanStatus.DRAFT, changed_by_id=owner_id
            )
        )
        session.add(PlanAccount(plan_id=plan.id, account_id=account.id, is_primary=True))
        session.add(PlanContact(plan_id=plan.id, contact_id=contact.id))
    assert root is not None  # plans >= 1
    objective = Objective(
        name=f"{name} objective", period_id=period.id, plan_id=root.id, account_id=account.id
    )
    session.add(objective)
    await session.flush()
    opportunity = Opportunity(
        name=f"{name} deal",
        account_id=account.id,
        amount=Decimal(5),
        currency="EUR",
        owner_id=owner_id,
        objective_id=objective.id,
        stage=OpportunityStage.CLOSED_WON,
    )
    session.add(opportunity)
    await session.flush()
    session.add_all(PlanOpportunity(plan_id=p.id, opportunity_id=opportunity.id) for p in plan_rows)
    session.add(OpportunityContact(opportunity_id=opportunity.id, contact_id=contact.id))
    first = Activity(
        type=ActivityType.CALL,
        subject=f"{name} call 0",
        owner_id=owner_id,
        account_id=account.id,
        plan_id=root.id,
        objective_id=objective.id,
        opportunity_id=opportunity.id,
    )
    session.add(first)
    await session.flush()
    session.add_all(
        Activity(
            type=ActivityType.TASK,
            subject=f"{name} task {n}",
            owner_id=owner_id,
            account_id=account.id,
            contact_id=contact.id,
            plan_id=root.id,
            objective_id=objective.id,
            opportunity_id=opportunity.id,
            follow_up_of_id=first.id,
        )
        for n in range(1, activities)
    )
    return account.id


async def _viewer_id(api: Api) -> int:
    viewer = (await api.ok("{ viewer { id } }"))["viewer"]["id"]
    import base64

    return int(base64.urlsafe_b64decode(viewer).decode().split(":")[1])


async def test_the_picture_costs_the_same_number_of_statements_whatever_the_data(
    api: Api, app_and_counter: tuple[Any, Any]
) -> None:
    app, counter = app_and_counter
    owner = await _viewer_id(api)
    async with make_sessionmaker(app.state.engine).begin() as session:
        small = await _account_with(session, "Small", plans=2, activities=2, owner_id=owner)
        large = await _account_with(session, "Large", plans=50, activities=2000, owner_id=owner)

    endpoint = app.state.graphql
    fast_path, endpoint.fast = endpoint.fast, None

    async def statements(pk: int) -> tuple[int, dict[str, Any]]:
        counter.statements.clear()
        counter.active = True
        data = await api.ok(PICTURE, {"id": to_global_id("Account", pk), "first": 500})
        counter.active = False
        return counter.count, data

    general = {name: await statements(pk) for name, pk in (("small", small), ("large", large))}
    endpoint.fast = fast_path  # from the document's first request: checked, then compiled
    fast = {name: await statements(pk) for name, pk in (("small", small), ("large", large))}

    data = general["large"][1]
    assert data["account"]["businessPlans"]["totalCount"] == 50
    assert data["account"]["activities"]["totalCount"] == 2000
    assert len(data["account"]["activities"]["edges"]) == 500
    from tests.test_fastpath import _difference

    assert fast["large"][1] == data, _difference(fast["large"][1], data)
    assert fast["small"][1] == general["small"][1]
    assert general["small"][0] == general["large"][0] == PICTURE_STATEMENTS
    # On PostgreSQL the fast path builds the whole picture in one statement (the token was
    # read once, then remembered); on SQLite, whose parser takes less nesting, each list
    # below the first level is read by one more statement, for all its parents at once.
    expected_fast = 1 if "postgresql" in str(app.state.engine.url) else 13
    assert fast["small"][0] == fast["large"][0] == expected_fast


# One per loader level of PICTURE (see resolvers/waves.py); the token is remembered.
PICTURE_STATEMENTS = 24


async def test_root_only_reads_the_links_once_on_sqlite(database_url: str) -> None:
    """The general path's rootOnly (resolvers/picture.py) looks a plan's parent up among the
    account's links with one read of them, not a scan of them per link: SQLite, with
    automatic indexes off (models/db.py), ran the correlated NOT EXISTS as such a scan
    (85 ms against 5 for 2,000 plans in a parent tree)."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's query plan")
    import httpx
    from sqlalchemy import event

    from server import create_app
    from settings import Settings
    from tests.conftest import StatementCounter
    from tests.factories import seed_users

    app = create_app(Settings(database_url=database_url, fast_path=False, cost_bucket_max=0))
    counter = StatementCounter()
    event.listen(app.state.engine.sync_engine, "before_cursor_execute", counter)
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            api = Api(client, await seed_users(app.state.engine), counter)
            year = await f.period(api)
            acme = await f.account(api, "Acme")
            annual = await f.plan(api, "Annual", year, accountIds=[acme])
            await f.plan(api, "Q1", year, accountIds=[acme], parentPlanId=annual)
            counter.statements.clear()
            counter.active = True
            data = await api.ok(FILTERED_PLANS, {"id": acme, "rootOnly": True})
            counter.active = False
        reads = [s for s in counter.statements if "AS above" in s]  # the rootOnly read
        async with app.state.engine.connect() as connection:
            plans = [tuple(row) for statement in reads for row in await connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, (None,) * statement.count("?"))]  # fmt: skip
    finally:
        await app.state.engine.dispose()
    detail = {row[0]: row[3] for row in plans}  # (id, parent, _, detail)
    above = [detail.get(parent) for _, parent, _, text in plans if text == "SCAN above"]
    assert [n["name"] for n in data["account"]["businessPlans"]["nodes"]] == ["Annual"]
    assert len(reads) == 1, counter.statements
    assert above and all(p is not None and p.startswith("LIST SUBQUERY") for p in above), plans
    assert not [row for row in plans if "AUTOMATIC" in row[3]], plans


ROOT_PLANS = """
query($id: ID!) {
  account(id: $id) { businessPlans(rootOnly: true, first: 5) { totalCount nodes { name } } } }
"""


async def test_fast_path_root_only_grows_linearly_on_sqlite(database_url: str) -> None:
    """The fast path's rootOnly on SQLite finds the roots among the account's chosen plans in
    one pass (resolvers/fastpath/lists.py `_roots`). SQLite evaluates a CTE that depends on
    the account row again for every row of a correlated subquery that reads it, so the
    former `NOT EXISTS` per plan re-read all the account's links for each plan: quadratic
    (1.9 s for a chain of 500 plans). Measured in SQLite's virtual machine instructions
    (its progress handler), which do not depend on the machine's speed: a chain three times
    as long costs about three times as much (2.7x), where the quadratic read cost 8.5x."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's evaluation of correlated CTEs")
    import httpx
    from sqlalchemy import event

    from server import create_app
    from settings import Settings
    from tests.conftest import StatementCounter
    from tests.factories import seed_users

    app = create_app(Settings(database_url=database_url, cost_bucket_max=0))
    reads: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "'businessPlans'" in statement:  # the fast path's read of the picture
            reads.append((statement, parameters))

    event.listen(app.state.engine.sync_engine, "before_cursor_execute", capture)
    steps: list[int] = []
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            api = Api(client, await seed_users(app.state.engine), StatementCounter())
            year = await f.period(api)
            answers = []
            for length in (15, 45):
                account = await f.account(api, f"Chain {length}")
                parent = None
                for n in range(length):
                    extra: dict[str, Any] = {} if parent is None else {"parentPlanId": parent}
                    parent = await f.plan(api, f"{length}-{n}", year, accountIds=[account], **extra)
                answers.append(await api.ok(ROOT_PLANS, {"id": account}))
        event.remove(app.state.engine.sync_engine, "before_cursor_execute", capture)
        async with app.state.engine.connect() as connection:
            raw = await connection.get_raw_connection()
            ticks = [0]

            def tick() -> int:
                ticks[0] += 1
                return 0  # go on

            await raw.driver_connection.set_progress_handler(tick, 100)  # every 100 steps
            for statement, parameters in reads:
                ticks[0] = 0
                await connection.exec_driver_sql(statement, parameters)
                steps.append(ticks[0])
            await raw.driver_connection.set_progress_handler(None, 100)
    finally:
        await app.state.engine.dispose()
    for length, data in zip((15, 45), answers, strict=True):
        plans = data["account"]["businessPlans"]
        assert plans == {"totalCount": 1, "nodes": [{"name": f"{length}-0"}]}
    assert len(reads) == 2, "the fast path read both pictures, each in one statement"
    short, long = steps
    assert short > 0 and long < 4 * short, steps
