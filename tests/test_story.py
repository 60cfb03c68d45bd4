"""The planning story of DOMAIN.md, end to end through HTTP, fetched back in one query."""

from __future__ import annotations

from typing import Any

from tests import factories as f
from tests.factories import Api

STORY_PICTURE = """
query($id: ID!) { account(id: $id) {
  name subsidiaries { nodes { name } }
  businessPlans(rootOnly: true) { edges { via viaContact { lastName } node {
    name status version
    revenueTarget { amount currency } wonRevenue { amount currency }
    pipelineRevenue { amount currency }
    subPlans { nodes { name status wonRevenue { amount } pipelineRevenue { amount } } }
    statusHistory { from to changedBy { name } comment }
  } } }
  objectives { edges { via viaContact { lastName } node { name } } }
  opportunities { edges { via node { name stage } } }
  activities { edges { via viaContact { lastName } node { subject status
    followUpOf { subject } account { name } opportunity { name } } } }
} }
"""


async def _deal(
    api: Api, name: str, account: str, amount: str, stage: str, plans: list[str], **more: Any
) -> str:
    return await api.create(
        "createOpportunity",
        {
            "name": name,
            "accountId": account,
            "stage": stage,
            "planIds": plans,
            "amount": {"amount": amount, "currency": "EUR"},
            **more,
        },
    )


async def _status(
    api: Api, plan: str, status: str, user: str = "anna", comment: str | None = None
) -> None:
    payload = await api.mutate(
        "changeBusinessPlanStatus", {"id": plan, "status": status, "comment": comment}, user=user
    )
    assert payload["userErrors"] == []


async def test_the_planning_story(api: Api) -> None:
    year = await f.period(api)
    q1 = await f.period(api, "FY2027 Q1", "QUARTER", "2027-01-01", "2027-03-31", year)
    q2 = await f.period(api, "FY2027 Q2", "QUARTER", "2027-04-01", "2027-06-30", year)
    globex = await f.account(api, "Globex")
    await f.account(api, "Globex Iberia", parentId=globex)
    lee = await f.contact(api, "Lee", "Buyer", accountIds=[globex])
    target = {"amount": "500000.00", "currency": "EUR"}
    annual = await f.plan(api, "Globex 2027", year, accountIds=[globex], revenueTarget=target)
    plan_q1 = await f.plan(api, "Globex Q1", q1, accountIds=[globex], parentPlanId=annual)
    plan_q2 = await f.plan(api, "Globex Q2", q2, accountIds=[globex], parentPlanId=annual)
    lee_plan = await f.plan(api, "Lee's pilot", year, contactIds=[lee])
    calls = await api.create(
        "createObjective",
        {
            "name": "12 sales calls",
            "periodId": year,
            "planId": annual,
            "accountId": globex,
            "target": "12",
            "unit": "sales calls",
        },
    )
    await api.create("createObjective", {"name": "Demo to Lee", "periodId": year, "contactId": lee})
    await api.create("createObjective", {"name": "Launch Nova", "periodId": year})
    # The tree is planned as one: submitted, returned once by the reviewer, approved.
    await _status(api, annual, "SUBMITTED")
    await _status(api, annual, "DRAFT", user="rita", comment="Q2 target too low")
    await _status(api, annual, "SUBMITTED")
    await _status(api, annual, "FINAL_APPROVED")
    # Execution goes on under the approved plan.
    won = await _deal(
        api,
        "Turbines",
        globex,
        "120000.00",
        "NEGOTIATION",
        [annual, plan_q1],
        objectiveId=calls,
        contactIds=[lee],
    )
    await _deal(api, "Spares", globex, "30000.50", "PROPOSAL", [plan_q2])
    await _deal(api, "Lost bid", globex, "99.00", "CLOSED_LOST", [plan_q2])
    stage = await api.mutate("changeOpportunityStage", {"id": won, "stage": "CLOSED_WON"})
    assert stage["userErrors"] == []
    call = await api.create(
        "createActivity",
        {
            "type": "CALL",
            "subject": "Kick-off call",
            "accountId": globex,
            "planId": annual,
            "opportunityId": won,
        },
    )
    await api.mutate("changeActivityStatus", {"id": call, "status": "COMPLETED"})
    await api.create(
        "createActivity", {"type": "EMAIL", "subject": "Send offer", "followUpOfId": call}
    )
    await api.create(
        "createActivity",
        {"type": "TASK", "subject": "Pilot plan", "contactId": lee, "planId": lee_plan},
    )

    picture = (await api.ok(STORY_PICTURE, {"id": globex}))["account"]

    assert picture["subsidiaries"] == {"nodes": [{"name": "Globex Iberia"}]}
    assert picture["businessPlans"]["edges"] == [
        {
            "via": "ACCOUNT",
            "viaContact": None,
            "node": {
                "name": "Globex 2027",
                "status": "FINAL_APPROVED",
                "version": 5,
                "revenueTarget": target,
                "wonRevenue": {"amount": "120000.00", "currency": "EUR"},
                "pipelineRevenue": {"amount": "30000.50", "currency": "EUR"},
                "subPlans": {
                    "nodes": [
                        {
                            "name": "Globex Q1",
                            "status": "DRAFT",
                            "wonRevenue": {"amount": "120000.00"},
                            "pipelineRevenue": {"amount": "0.00"},
                        },
                        {
                            "name": "Globex Q2",
                            "status": "DRAFT",
                            "wonRevenue": {"amount": "0.00"},
                            "pipelineRevenue": {"amount": "30000.50"},
                        },
                    ]
                },
                "statusHistory": [
                    {
                        "from": None,
                        "to": "DRAFT",
                        "changedBy": {"name": "Anna Manager"},
                        "comment": None,
                    },
                    {
                        "from": "DRAFT",
                        "to": "SUBMITTED",
                        "changedBy": {"name": "Anna Manager"},
                        "comment": None,
                    },
                    {
                        "from": "SUBMITTED",
                        "to": "DRAFT",
                        "changedBy": {"name": "Rita Reviewer"},
                        "comment": "Q2 target too low",
                    },
                    {
                        "from": "DRAFT",
                        "to": "SUBMITTED",
                        "changedBy": {"name": "Anna Manager"},
                        "comment": None,
                    },
                    {
                        "from": "SUBMITTED",
                        "to": "FINAL_APPROVED",
                        "changedBy": {"name": "Anna Manager"},
                        "comment": None,
                    },
                ],
            },
        },
        {
            "via": "CONTACT",
            "viaContact": {"lastName": "Buyer"},
            "node": {
                "name": "Lee's pilot",
                "status": "DRAFT",
                "version": 1,
                "revenueTarget": None,
                "wonRevenue": {"amount": "0.00", "currency": "USD"},
                "pipelineRevenue": {"amount": "0.00", "currency": "USD"},
                "subPlans": {"nodes": []},
                "statusHistory": [
                    {
                        "from": None,
                        "to": "DRAFT",
                        "changedBy": {"name": "Anna Manager"},
                        "comment": None,
                    }
                ],
            },
        },
    ]
    assert picture["objectives"]["edges"] == [
        {"via": "ACCOUNT", "viaContact": None, "node": {"name": "12 sales calls"}},
        {"via": "CONTACT", "viaContact": {"lastName": "Buyer"}, "node": {"name": "Demo to Lee"}},
        {"via": "GLOBAL", "viaContact": None, "node": {"name": "Launch Nova"}},
    ]
    assert picture["opportunities"]["edges"] == [
        {"via": "ACCOUNT", "node": {"name": "Turbines", "stage": "CLOSED_WON"}},
        {"via": "ACCOUNT", "node": {"name": "Spares", "stage": "PROPOSAL"}},
        {"via": "ACCOUNT", "node": {"name": "Lost bid", "stage": "CLOSED_LOST"}},
    ]
    assert picture["activities"]["edges"] == [
        {
            "via": "ACCOUNT",
            "viaContact": None,
            "node": {
                "subject": "Kick-off call",
                "status": "COMPLETED",
                "followUpOf": None,
                "account": {"name": "Globex"},
                "opportunity": {"name": "Turbines"},
            },
        },
        {
            "via": "ACCOUNT",
            "viaContact": None,
            "node": {
                "subject": "Send offer",
                "status": "NOT_STARTED",
                "followUpOf": {"subject": "Kick-off call"},
                "account": {"name": "Globex"},
                "opportunity": {"name": "Turbines"},
            },
        },
        {
            "via": "CONTACT",
            "viaContact": {"lastName": "Buyer"},
            "node": {
                "subject": "Pilot plan",
                "status": "NOT_STARTED",
                "followUpOf": None,
                "account": None,
                "opportunity": None,
            },
        },
    ]
