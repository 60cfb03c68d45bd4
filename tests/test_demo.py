"""The demo tells DOMAIN.md's story: the multinational's planning picture, as Maria sees it."""

from __future__ import annotations

from typing import Any

import httpx

from models.db import make_engine, make_sessionmaker
from models.demo import seed_demo
from server import create_app
from settings import Settings

FIND = '{ accounts(search: "Globex Holding") { nodes { id name } } }'

PICTURE = """
query($id: ID!) { account(id: $id) { name
  contacts { nodes { lastName } }
  businessPlans(rootOnly: true) { totalCount edges { via viaContact { lastName } node {
    name status version wonRevenue { amount currency } pipelineRevenue { amount currency }
    subPlans { nodes { name status version wonRevenue { amount currency }
      statusHistory { to changedBy { name } comment } } }
    copiedFrom { name } statusHistory { from to changedBy { name } comment } } } }
  objectives { edges { via viaContact { lastName } node { name isGlobal measure
    activities { nodes { status account { name } contact { lastName } } }
    subObjectives { nodes { activities { nodes { status } } } }
    opportunities { nodes { stage amount { amount currency } } } } } }
  opportunities { edges { via node { stage } } }
} }
"""

DASH = "\N{EN DASH}"


async def _seed(database_url: str) -> dict[str, str]:
    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine).begin() as session:
            return await seed_demo(session)
    finally:
        await engine.dispose()


async def _post(client: httpx.AsyncClient, token: str, query: str, **variables: Any) -> Any:
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
    )
    body = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    return body["data"]


async def _picture_as_maria(database_url: str) -> dict[str, Any]:
    tokens = await _seed(database_url)
    maria = tokens["maria.keller@example.com"]
    app = create_app(Settings(database_url=database_url))
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            found = await _post(client, maria, FIND)
            account_id = found["accounts"]["nodes"][0]["id"]
            data = await _post(client, maria, PICTURE, id=account_id)
    finally:
        await app.state.engine.dispose()
    account: dict[str, Any] = data["account"]
    return account


async def test_demo_tells_the_multinational_story(database_url: str) -> None:
    account = await _picture_as_maria(database_url)

    plans = _check_plan_trees(account)
    _check_annual_plan(plans["Globex 2027"]["node"])
    _check_history(plans)
    _check_work(account)
    _check_progress_data(account)


def _check_plan_trees(account: dict[str, Any]) -> dict[str, Any]:
    assert account["name"] == "Globex Holding"
    assert [c["lastName"] for c in account["contacts"]["nodes"]] == ["Schmidt", "Weber"]
    plans = {e["node"]["name"]: e for e in account["businessPlans"]["edges"]}
    assert {name: (e["via"], e["viaContact"]) for name, e in plans.items()} == {
        "Globex 2027": ("ACCOUNT", None),
        f"Globex 2027 {DASH} Specialty products": ("ACCOUNT", None),
        f"Klaus Weber {DASH} procurement partnership 2027": ("CONTACT", {"lastName": "Weber"}),
        "Globex 2026": ("ACCOUNT", None),
    }
    return plans


def _check_annual_plan(annual: dict[str, Any]) -> None:
    # Won, counted once each: 120000.00 EUR (linked to Q1 and the annual plan)
    # + 54000.00 USD / 1.08 = 50000.00 EUR + 20000.00 GBP * 1.17 = 23400.00 EUR;
    # the CLOSED_LOST 35000.00 EUR is left out.
    assert annual["wonRevenue"] == {"amount": "193400.00", "currency": "EUR"}
    # Open: 30000 + 45000 + 80000 + 150000 EUR.
    assert annual["pipelineRevenue"] == {"amount": "305000.00", "currency": "EUR"}
    assert (annual["status"], annual["version"]) == ("FINAL_APPROVED", 3)
    assert [(h["from"], h["to"]) for h in annual["statusHistory"]] == [
        (None, "DRAFT"),
        ("DRAFT", "SUBMITTED"),
        ("SUBMITTED", "FINAL_APPROVED"),
    ]
    # Maria started FY2027 from FY2026 with copyBusinessPlan's function.
    assert annual["copiedFrom"] == {"name": "Globex 2026"}
    assert annual["statusHistory"][0]["comment"] == "Copied from Globex 2026 (FY2026)"
    assert {
        p["name"]: (p["status"], p["wonRevenue"]["amount"]) for p in annual["subPlans"]["nodes"]
    } == {
        f"Globex 2027 {DASH} Q1": ("FINAL_APPROVED", "120000.00"),
        f"Globex 2027 {DASH} Q2": ("FINAL_APPROVED", "23400.00"),
        f"Globex 2027 {DASH} Q3": ("FINAL_APPROVED", "0.00"),
        f"Globex 2027 {DASH} Q4": ("FINAL_APPROVED", "0.00"),
        f"Globex 2027 {DASH} Industrial BU": ("FINAL_APPROVED", "50000.00"),
        f"Globex 2027 {DASH} DACH": ("DRAFT", "0.00"),
    }


def _check_history(plans: dict[str, Any]) -> None:
    annual = plans["Globex 2027"]["node"]
    dach = next(p for p in annual["subPlans"]["nodes"] if p["name"].endswith("DACH"))
    assert dach["version"] == 3
    assert dach["statusHistory"][-1] == {
        "to": "DRAFT",
        "changedBy": {"name": "Rita Richter"},
        "comment": "Please add the targets of the Austrian branch before approval.",
    }

    expired = plans["Globex 2026"]["node"]
    assert (expired["status"], expired["version"]) == ("EXPIRED", 4)
    assert expired["statusHistory"][-1]["changedBy"] == {"name": "Ada Admin"}


def _check_progress_data(account: dict[str, Any]) -> None:
    """What the objectives' `actual` counts: completed activities, won opportunities."""
    nodes = {e["node"]["name"]: e["node"] for e in account["objectives"]["edges"]}
    calls = nodes["12 sales calls"]
    done = [a for a in calls["activities"]["nodes"] if a["status"] == "COMPLETED"]
    below = calls["subObjectives"]["nodes"][0]["activities"]["nodes"]
    assert (len(done), len(calls["activities"]["nodes"]), below) == (
        1,
        2,
        [{"status": "COMPLETED"}],
    )
    won = nodes["Win 200,000 EUR of service and retrofit business"]["opportunities"]["nodes"]
    assert won == [
        {"stage": "CLOSED_WON", "amount": {"amount": "120000.00", "currency": "EUR"}},
        {"stage": "CLOSED_WON", "amount": {"amount": "20000.00", "currency": "GBP"}},
    ]
    # The global objective: two completed demos from Globex Holding (one through its contact
    # Anna Schmidt) and one from Müller Bäckerei.
    demos = nodes["Launch Nova X: 5 demos per account"]["activities"]["nodes"]
    assert [(a["status"], a["account"], a["contact"]) for a in demos] == [
        ("COMPLETED", {"name": "Globex Holding"}, None),
        ("COMPLETED", None, {"lastName": "Schmidt"}),
        ("COMPLETED", {"name": "Müller Bäckerei GmbH"}, None),
    ]


def _check_work(account: dict[str, Any]) -> None:
    objectives = {
        e["node"]["name"]: (e["via"], e["viaContact"], e["node"]["isGlobal"])
        for e in account["objectives"]["edges"]
    }
    measures = {e["node"]["name"]: e["node"]["measure"] for e in account["objectives"]["edges"]}
    assert {
        name: measures[name]
        for name in (
            "12 sales calls",
            "Win 200,000 EUR of service and retrofit business",
            "Reach a 40% share of Globex's spend",
            "Launch Nova X: 5 demos per account",
        )
    } == {
        "12 sales calls": "COMPLETED_ACTIVITIES",
        "Win 200,000 EUR of service and retrofit business": "WON_REVENUE",
        "Reach a 40% share of Globex's spend": "MANUAL",
        "Launch Nova X: 5 demos per account": "COMPLETED_ACTIVITIES",
    }
    cfo_reviews = ("CONTACT", {"lastName": "Schmidt"}, False)
    assert objectives["4 business reviews with the CFO"] == cfo_reviews
    assert {
        name for name, (via, _, is_global) in objectives.items() if via == "GLOBAL" and is_global
    } == {
        "Launch Nova X: 5 demos per account",
        "Launch Nova X: 2 reference visits per account",
        "Launch Nova X: train every account team",
    }
    assert {(e["via"], e["node"]["stage"]) for e in account["opportunities"]["edges"]} >= {
        ("ACCOUNT", "CLOSED_WON"),
        ("ACCOUNT", "PROSPECTING"),
        ("ACCOUNT", "NEGOTIATION"),
        ("CONTACT", "PROPOSAL"),
    }
