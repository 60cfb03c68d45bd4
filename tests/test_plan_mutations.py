"""Business plans through HTTP: creation, the workflow, refusals that write nothing, links."""

from __future__ import annotations

import asyncio
from typing import Any

from tests import factories as f
from tests.factories import Api

PLAN = """
query($id: ID!) { businessPlan(id: $id) {
  name status version owner { name }
  statusHistory { from to changedBy { name } comment }
} }
"""
PLAN_ACCOUNTS = """
query($id: ID!) { businessPlan(id: $id) { accounts { edges { isPrimary node { name } } } } }
"""
PLAN_WORK = """
query($id: ID!) { businessPlan(id: $id) {
  opportunities { nodes { name } } objectives { nodes { name } } activities { nodes { subject } }
} }
"""
PLAN_COUNT = "{ businessPlans { totalCount } }"
VIEWER = "{ viewer { id } }"
CREATED = {"from": None, "to": "DRAFT", "changedBy": {"name": "Anna Manager"}, "comment": None}
ERRORS = "userErrors"


async def read_plan(api: Api, plan_id: str) -> dict[str, Any]:
    data = await api.ok(PLAN, {"id": plan_id}, user="admin")
    plan: dict[str, Any] = data["businessPlan"]
    return plan


async def snapshot(api: Api, plan_id: str) -> tuple[dict[str, Any], int]:
    """What a refused change must leave as it was: the plan, its history, the number of plans."""
    total = (await api.ok(PLAN_COUNT, user="admin"))["businessPlans"]["totalCount"]
    return await read_plan(api, plan_id), total


async def move(
    api: Api, plan_id: str, status: str, user: str | None = None, **extra: Any
) -> dict[str, Any]:
    return await api.mutate(
        "changeBusinessPlanStatus",
        {"id": plan_id, "status": status, **extra},
        returning="status version",
        user=user,
    )


async def given_plan(api: Api, *statuses: str, **overrides: Any) -> str:
    """A plan of anna's in FY2027, moved through `statuses` by anna."""
    year = await f.period(api)
    plan_id = await f.plan(api, "Acme 2027", year, **overrides)
    for status in statuses:
        assert (await move(api, plan_id, status, comment="moving on"))[ERRORS] == []
    return plan_id


async def user_id(api: Api, user: str) -> str:
    data = await api.ok(VIEWER, user=user)
    return str(data["viewer"]["id"])


# --- creation and the workflow -------------------------------------------------------------


async def test_a_new_plan_is_a_draft_with_its_creation_in_the_history(api: Api) -> None:
    plan_id = await given_plan(api)

    plan = await read_plan(api, plan_id)

    assert plan == {
        "name": "Acme 2027",
        "status": "DRAFT",
        "version": 1,
        "owner": {"name": "Anna Manager"},
        "statusHistory": [CREATED],
    }


async def test_a_plan_walks_from_draft_to_expired(api: Api) -> None:
    plan_id = await given_plan(api)

    payloads = [await move(api, plan_id, s) for s in ("SUBMITTED", "FINAL_APPROVED", "EXPIRED")]

    assert payloads == [
        {"businessPlan": {"status": "SUBMITTED", "version": 2}, ERRORS: []},
        {"businessPlan": {"status": "FINAL_APPROVED", "version": 3}, ERRORS: []},
        {"businessPlan": {"status": "EXPIRED", "version": 4}, ERRORS: []},
    ]
    assert (await read_plan(api, plan_id))["statusHistory"] == [
        CREATED,
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
        {
            "from": "FINAL_APPROVED",
            "to": "EXPIRED",
            "changedBy": {"name": "Anna Manager"},
            "comment": None,
        },
    ]


async def test_a_reviewer_returns_a_submitted_plan_with_a_comment(api: Api) -> None:
    plan_id = await given_plan(api, "SUBMITTED")

    payload = await move(api, plan_id, "DRAFT", user="rita", comment="  Add the Q3 numbers. ")

    assert payload == {"businessPlan": {"status": "DRAFT", "version": 3}, ERRORS: []}
    assert (await read_plan(api, plan_id))["statusHistory"][-1] == {
        "from": "SUBMITTED",
        "to": "DRAFT",
        "changedBy": {"name": "Rita Reviewer"},
        "comment": "Add the Q3 numbers.",
    }


async def test_the_owner_reopens_an_approved_plan_with_a_comment(api: Api) -> None:
    plan_id = await given_plan(api, "SUBMITTED", "FINAL_APPROVED")

    payload = await move(api, plan_id, "DRAFT", comment="New product line")

    assert payload == {"businessPlan": {"status": "DRAFT", "version": 4}, ERRORS: []}
    assert (await read_plan(api, plan_id))["statusHistory"][-1] == {
        "from": "FINAL_APPROVED",
        "to": "DRAFT",
        "changedBy": {"name": "Anna Manager"},
        "comment": "New product line",
    }


async def test_an_update_changes_the_content_and_the_version(api: Api) -> None:
    plan_id = await given_plan(api)

    payload = await api.mutate(
        "updateBusinessPlan",
        {
            "id": plan_id,
            "expectedVersion": 1,
            "name": "Acme 2027 v2",
            "description": "Grow",
            "revenueTarget": {"amount": "500000", "currency": "eur"},
        },
        returning="name version description revenueTarget { amount currency } currency",
    )

    assert payload == {
        "businessPlan": {
            "name": "Acme 2027 v2",
            "version": 2,
            "description": "Grow",
            "revenueTarget": {"amount": "500000.00", "currency": "EUR"},
            "currency": "EUR",
        },
        ERRORS: [],
    }


# --- refusals: each with its code, and nothing written ---------------------------------------


async def test_a_return_without_a_comment_is_refused(api: Api) -> None:
    plan_id = await given_plan(api, "SUBMITTED")
    before = await snapshot(api, plan_id)

    payload = await move(api, plan_id, "DRAFT", user="rita", comment="   ")

    assert payload[ERRORS] == [
        {
            "field": ["input", "comment"],
            "code": "INVALID",
            "message": "A comment is required to return a plan.",
        }
    ]
    assert await snapshot(api, plan_id) == before


async def test_skipping_submission_is_an_invalid_transition(api: Api) -> None:
    plan_id = await given_plan(api)
    before = await snapshot(api, plan_id)

    payload = await move(api, plan_id, "FINAL_APPROVED")

    assert payload == {
        "businessPlan": None,
        ERRORS: [
            {
                "field": ["input", "status"],
                "code": "INVALID_TRANSITION",
                "message": "A plan cannot move from DRAFT to FINAL_APPROVED.",
            }
        ],
    }
    assert await snapshot(api, plan_id) == before


async def test_nothing_moves_an_expired_plan(api: Api) -> None:
    plan_id = await given_plan(api, "EXPIRED")
    before = await snapshot(api, plan_id)

    codes = [
        [e["code"] for e in (await move(api, plan_id, s, user="admin", comment="x"))[ERRORS]]
        for s in ("DRAFT", "SUBMITTED", "FINAL_APPROVED", "EXPIRED")
    ]

    assert codes == [["INVALID_TRANSITION"]] * 4
    assert await snapshot(api, plan_id) == before


async def test_a_plan_hidden_from_another_manager_is_not_found(api: Api) -> None:
    plan_id = await given_plan(api)
    before = await snapshot(api, plan_id)

    payload = await move(api, plan_id, "SUBMITTED", user="ben")

    assert payload == {
        "businessPlan": None,
        ERRORS: [
            {
                "field": ["input", "id"],
                "code": "NOT_FOUND",
                "message": f"No BusinessPlan with id '{plan_id}'.",
            }
        ],
    }
    assert await snapshot(api, plan_id) == before


async def test_a_visible_plan_of_another_manager_is_forbidden(api: Api) -> None:
    acme = await f.account(api, "Acme")
    ben = await user_id(api, "ben")
    await api.create("addAccountTeamMember", {"accountId": acme, "userId": ben})
    plan_id = await given_plan(api, accountIds=[acme])
    before = await snapshot(api, plan_id)

    payload = await move(api, plan_id, "SUBMITTED", user="ben")

    assert payload == {
        "businessPlan": None,
        ERRORS: [
            {
                "field": None,
                "code": "FORBIDDEN",
                "message": "Only the plan's owner or an administrator may submit this plan.",
            }
        ],
    }
    assert await snapshot(api, plan_id) == before


async def test_a_stale_version_refuses_a_status_change(api: Api) -> None:
    plan_id = await given_plan(api, "SUBMITTED")
    before = await snapshot(api, plan_id)

    payload = await move(api, plan_id, "FINAL_APPROVED", expectedVersion=1)

    assert payload == {
        "businessPlan": None,
        ERRORS: [
            {
                "field": ["input", "expectedVersion"],
                "code": "STALE_VERSION",
                "message": "The plan is at version 2, not 1: reload it and retry.",
            }
        ],
    }
    assert await snapshot(api, plan_id) == before


async def test_a_stale_version_refuses_an_update(api: Api) -> None:
    plan_id = await given_plan(api, "SUBMITTED")
    before = await snapshot(api, plan_id)

    payload = await api.mutate(
        "updateBusinessPlan", {"id": plan_id, "expectedVersion": 1, "name": "Renamed"}
    )

    assert payload[ERRORS] == [
        {
            "field": ["input", "expectedVersion"],
            "code": "STALE_VERSION",
            "message": "The plan is at version 2, not 1: reload it and retry.",
        }
    ]
    assert await snapshot(api, plan_id) == before


async def test_an_approved_plan_content_is_read_only(api: Api) -> None:
    plan_id = await given_plan(api, "SUBMITTED", "FINAL_APPROVED")
    before = await snapshot(api, plan_id)

    payload = await api.mutate("updateBusinessPlan", {"id": plan_id, "name": "Renamed"})

    assert payload == {
        "businessPlan": None,
        ERRORS: [
            {
                "field": None,
                "code": "READ_ONLY",
                "message": "The plan is FINAL_APPROVED: reopen it to change its content.",
            }
        ],
    }
    assert await snapshot(api, plan_id) == before


async def test_an_approved_plan_takes_no_new_account(api: Api) -> None:
    acme = await f.account(api, "Acme")
    plan_id = await given_plan(api, "SUBMITTED", "FINAL_APPROVED")
    before = await snapshot(api, plan_id)

    payload = await api.mutate("addPlanAccount", {"planId": plan_id, "accountId": acme})

    assert [e["code"] for e in payload[ERRORS]] == ["READ_ONLY"]
    assert await snapshot(api, plan_id) == before
    assert (await api.ok(PLAN_ACCOUNTS, {"id": plan_id}))["businessPlan"]["accounts"] == {
        "edges": []
    }


async def test_an_expired_plan_takes_no_opportunity(api: Api) -> None:
    acme = await f.account(api, "Acme")
    deal = await api.create(
        "createOpportunity",
        {"name": "Deal", "accountId": acme, "amount": {"amount": "10", "currency": "EUR"}},
    )
    plan_id = await given_plan(api, "EXPIRED")
    before = await snapshot(api, plan_id)

    payload = await api.mutate("linkOpportunityToPlan", {"opportunityId": deal, "planId": plan_id})

    assert payload == {
        "opportunity": None,
        ERRORS: [
            {
                "field": None,
                "code": "READ_ONLY",
                "message": "The plan is EXPIRED and takes no new links.",
            }
        ],
    }
    assert await snapshot(api, plan_id) == before
    assert (await api.ok(PLAN_WORK, {"id": plan_id}))["businessPlan"]["opportunities"] == {
        "nodes": []
    }


async def test_an_expired_plan_takes_no_objective(api: Api) -> None:
    plan_id = await given_plan(api, "EXPIRED")
    year = (await api.ok("{ periods { nodes { id } } }"))["periods"]["nodes"][0]["id"]

    payload = await api.mutate(
        "createObjective", {"name": "Calls", "periodId": year, "planId": plan_id}
    )

    assert payload == {
        "objective": None,
        ERRORS: [
            {
                "field": ["input", "planId"],
                "code": "READ_ONLY",
                "message": "The plan is EXPIRED and takes no new links.",
            }
        ],
    }
    assert (await api.ok(PLAN_WORK, {"id": plan_id}))["businessPlan"]["objectives"] == {"nodes": []}


async def test_a_plan_name_is_unique_within_its_period(api: Api) -> None:
    year = await f.period(api)
    await f.plan(api, "Acme 2027", year)

    payload = await api.mutate(
        "createBusinessPlan", {"name": " Acme 2027 ", "type": "LOCAL", "periodId": year}, user="ben"
    )

    assert payload == {
        "businessPlan": None,
        ERRORS: [
            {
                "field": ["input", "name"],
                "code": "DUPLICATE",
                "message": "A plan named 'Acme 2027' already exists in this period.",
            }
        ],
    }
    assert (await api.ok(PLAN_COUNT, user="admin"))["businessPlans"]["totalCount"] == 1


async def test_the_same_plan_name_in_another_period_is_fine(api: Api) -> None:
    year = await f.period(api)
    next_year = await f.period(api, "FY2028", start="2028-01-01", end="2028-12-31")
    await f.plan(api, "Acme", year)

    payload = await api.mutate(
        "createBusinessPlan",
        {"name": "Acme", "type": "ACCOUNT", "periodId": next_year},
        returning="name period { name }",
    )

    assert payload == {"businessPlan": {"name": "Acme", "period": {"name": "FY2028"}}, ERRORS: []}


async def test_an_id_that_names_no_plan_is_not_found(api: Api) -> None:
    plan_id = await given_plan(api)
    year = (await api.ok("{ periods { nodes { id } } }"))["periods"]["nodes"][0]["id"]
    unknown, malformed, wrong_type = "QnVzaW5lc3NQbGFuOjk5OTk=", "not-an-id!", year
    before = await snapshot(api, plan_id)

    payloads = [await move(api, bad, "SUBMITTED") for bad in (unknown, malformed, wrong_type)]

    assert payloads == [
        {
            "businessPlan": None,
            ERRORS: [
                {
                    "field": ["input", "id"],
                    "code": "NOT_FOUND",
                    "message": f"No BusinessPlan with id '{bad}'.",
                }
            ],
        }
        for bad in (unknown, malformed, year)
    ]
    assert await snapshot(api, plan_id) == before


async def test_unknown_ids_in_a_new_plan_are_each_named(api: Api) -> None:
    acme = await f.account(api, "Acme")

    payload = await api.mutate(
        "createBusinessPlan",
        {
            "name": "P",
            "type": "ACCOUNT",
            "periodId": acme,
            "parentPlanId": "x",
            "accountIds": [acme, acme, "QWNjb3VudDo5OTk="],
            "contactIds": [acme],
        },
    )

    assert [(e["field"], e["code"]) for e in payload[ERRORS]] == [
        (["input", "periodId"], "NOT_FOUND"),
        (["input", "parentPlanId"], "NOT_FOUND"),
        (["input", "accountIds", "2"], "NOT_FOUND"),
        (["input", "contactIds", "0"], "NOT_FOUND"),
    ]
    assert (await api.ok(PLAN_COUNT, user="admin"))["businessPlans"]["totalCount"] == 0


# --- executing an approved plan ------------------------------------------------------------


async def test_work_is_linked_to_an_approved_plan(api: Api) -> None:
    acme = await f.account(api, "Acme")
    plan_id = await given_plan(api, "SUBMITTED", "FINAL_APPROVED", accountIds=[acme])
    year = (await api.ok("{ periods { nodes { id } } }"))["periods"]["nodes"][0]["id"]
    deal = await api.create(
        "createOpportunity",
        {"name": "Deal", "accountId": acme, "amount": {"amount": "10", "currency": "EUR"}},
    )
    await api.create("createObjective", {"name": "12 calls", "periodId": year, "planId": plan_id})
    await api.create("createActivity", {"type": "CALL", "subject": "Kick-off", "planId": plan_id})

    payload = await api.mutate("linkOpportunityToPlan", {"opportunityId": deal, "planId": plan_id})

    assert payload[ERRORS] == []
    assert (await api.ok(PLAN_WORK, {"id": plan_id}))["businessPlan"] == {
        "opportunities": {"nodes": [{"name": "Deal"}]},
        "objectives": {"nodes": [{"name": "12 calls"}]},
        "activities": {"nodes": [{"subject": "Kick-off"}]},
    }
    assert (await read_plan(api, plan_id))["version"] == 3


# --- plan trees ----------------------------------------------------------------------------


async def test_a_sub_plan_period_must_lie_within_its_parent_period(api: Api) -> None:
    year = await f.period(api)
    quarter = await f.period(api, "FY2027 Q1", "QUARTER", "2027-01-01", "2027-03-31", year)
    quarter_plan = await f.plan(api, "Q1 plan", quarter)

    payload = await api.mutate(
        "createBusinessPlan",
        {
            "name": "Annual",
            "type": "ACCOUNT",
            "periodId": year,
            "parentPlanId": quarter_plan,
        },
    )

    assert payload == {
        "businessPlan": None,
        ERRORS: [
            {
                "field": ["input", "periodId"],
                "code": "INVALID",
                "message": "A sub-plan's period must lie within its parent's period.",
            }
        ],
    }
    assert (await api.ok(PLAN_COUNT, user="admin"))["businessPlans"]["totalCount"] == 1


async def test_a_plan_cannot_be_placed_below_its_own_sub_plan(api: Api) -> None:
    year = await f.period(api)
    top = await f.plan(api, "Top", year)
    middle = await f.plan(api, "Middle", year, parentPlanId=top)
    bottom = await f.plan(api, "Bottom", year, parentPlanId=middle)
    before = await snapshot(api, top)

    payload = await api.mutate("updateBusinessPlan", {"id": top, "parentPlanId": bottom})

    assert payload == {
        "businessPlan": None,
        ERRORS: [
            {
                "field": ["input", "parentPlanId"],
                "code": "INVALID",
                "message": "A plan cannot be placed below itself or its own sub-plans.",
            }
        ],
    }
    assert await snapshot(api, top) == before


# --- primary accounts ----------------------------------------------------------------------


async def accounts_of(api: Api, plan_id: str) -> list[tuple[str, bool]]:
    data = await api.ok(PLAN_ACCOUNTS, {"id": plan_id})
    edges = data["businessPlan"]["accounts"]["edges"]
    return [(e["node"]["name"], e["isPrimary"]) for e in edges]


async def test_the_first_account_is_primary(api: Api) -> None:
    acme, beta = await f.account(api, "Acme"), await f.account(api, "Beta")

    plan_id = await given_plan(api, accountIds=[beta, acme])

    assert sorted(await accounts_of(api, plan_id)) == [("Acme", False), ("Beta", True)]


async def test_primary_account_id_names_the_primary(api: Api) -> None:
    acme, beta = await f.account(api, "Acme"), await f.account(api, "Beta")

    plan_id = await given_plan(api, accountIds=[acme, beta], primaryAccountId=beta)

    assert sorted(await accounts_of(api, plan_id)) == [("Acme", False), ("Beta", True)]


async def test_adding_a_primary_account_demotes_the_old_one(api: Api) -> None:
    acme, beta = await f.account(api, "Acme"), await f.account(api, "Beta")
    plan_id = await given_plan(api, accountIds=[acme])

    payload = await api.mutate(
        "addPlanAccount",
        {"planId": plan_id, "accountId": beta, "isPrimary": True, "expectedVersion": 1},
        returning="version",
    )

    assert payload == {"businessPlan": {"version": 2}, ERRORS: []}
    assert sorted(await accounts_of(api, plan_id)) == [("Acme", False), ("Beta", True)]


async def test_the_first_account_added_to_a_plan_becomes_primary(api: Api) -> None:
    acme = await f.account(api, "Acme")
    plan_id = await given_plan(api)

    await api.create("addPlanAccount", {"planId": plan_id, "accountId": acme})

    assert await accounts_of(api, plan_id) == [("Acme", True)]


async def test_removing_the_primary_account_promotes_another(api: Api) -> None:
    acme, beta = await f.account(api, "Acme"), await f.account(api, "Beta")
    plan_id = await given_plan(api, accountIds=[acme, beta])

    payload = await api.mutate(
        "removePlanAccount", {"planId": plan_id, "accountId": acme}, returning="version"
    )

    assert payload == {"businessPlan": {"version": 2}, ERRORS: []}
    assert await accounts_of(api, plan_id) == [("Beta", True)]


# --- concurrency ---------------------------------------------------------------------------


async def test_concurrent_submissions_of_one_version_succeed_once(api: Api) -> None:
    plan_id = await given_plan(api)

    payloads = await asyncio.gather(
        *(move(api, plan_id, "SUBMITTED", expectedVersion=1) for _ in range(8))
    )

    outcomes = sorted(p[ERRORS][0]["code"] if p[ERRORS] else "OK" for p in payloads)
    assert outcomes[0] == "OK"
    assert set(outcomes[1:]) <= {"STALE_VERSION", "INVALID_TRANSITION"}
    assert outcomes.count("OK") == 1
    plan = await read_plan(api, plan_id)
    assert (plan["status"], plan["version"], len(plan["statusHistory"])) == ("SUBMITTED", 2, 2)


async def test_concurrent_submissions_without_a_version_succeed_once(api: Api) -> None:
    plan_id = await given_plan(api)

    payloads = await asyncio.gather(*(move(api, plan_id, "SUBMITTED") for _ in range(8)))

    outcomes = sorted(p[ERRORS][0]["code"] if p[ERRORS] else "OK" for p in payloads)
    assert outcomes.count("OK") == 1
    assert set(outcomes) - {"OK"} <= {"STALE_VERSION", "INVALID_TRANSITION"}
    plan = await read_plan(api, plan_id)
    assert (plan["status"], plan["version"], len(plan["statusHistory"])) == ("SUBMITTED", 2, 2)
