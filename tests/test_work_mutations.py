"""Objectives, opportunities, activities and reference data through HTTP."""

from __future__ import annotations

from tests import factories as f
from tests.factories import Api

ERRORS = "userErrors"
OBJECTIVE = "name isGlobal status target unit account { name } contact { lastName } plan { name }"
OPPORTUNITY = """name stage amount { amount currency } closeDate owner { name }
  account { name } objective { name } plans { nodes { name } } contacts { nodes { lastName } }"""
ACTIVITY = """type subject status dueAt followUpOf { subject } account { name }
  contact { lastName } plan { name } objective { name } opportunity { name }"""
PLAN_OPPORTUNITIES = """
query($id: ID!) { businessPlan(id: $id) { opportunities { nodes { name } } } }
"""
SET_RATE = """
mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) {
  base quote rate userErrors { field code } } }
"""
PERIODS = "{ periods { totalCount } }"
EUR_10 = {"amount": "10", "currency": "EUR"}


async def given_account_with_contact(api: Api) -> tuple[str, str]:
    acme = await f.account(api, "Acme")
    return acme, await f.contact(api, "Carla", "Contact", accountIds=[acme])


async def given_deal(api: Api, account: str, **overrides: object) -> str:
    return await api.create(
        "createOpportunity", {"name": "Deal", "accountId": account, "amount": EUR_10, **overrides}
    )


# --- objectives ----------------------------------------------------------------------------


async def test_an_objective_without_account_or_contact_is_global(api: Api) -> None:
    year = await f.period(api)

    payload = await api.mutate(
        "createObjective",
        {"name": "Launch", "periodId": year, "target": "3", "unit": "demos"},
        OBJECTIVE,
    )

    assert payload == {
        "objective": {
            "name": "Launch",
            "isGlobal": True,
            "status": "DRAFT",
            "target": "3",
            "unit": "demos",
            "account": None,
            "contact": None,
            "plan": None,
        },
        ERRORS: [],
    }


async def test_an_objective_for_a_contact_is_not_global(api: Api) -> None:
    year = await f.period(api)
    _, carla = await given_account_with_contact(api)
    plan = await f.plan(api, "Acme 2027", year)

    payload = await api.mutate(
        "createObjective",
        {"name": "12 calls", "periodId": year, "contactId": carla, "planId": plan},
        OBJECTIVE,
    )

    assert payload == {
        "objective": {
            "name": "12 calls",
            "isGlobal": False,
            "status": "DRAFT",
            "target": None,
            "unit": None,
            "account": None,
            "contact": {"lastName": "Contact"},
            "plan": {"name": "Acme 2027"},
        },
        ERRORS: [],
    }


async def test_an_objective_status_changes(api: Api) -> None:
    year = await f.period(api)
    goal = await api.create("createObjective", {"name": "Launch", "periodId": year})

    payload = await api.mutate("changeObjectiveStatus", {"id": goal, "status": "CURRENT"}, "status")

    assert payload == {"objective": {"status": "CURRENT"}, ERRORS: []}


async def test_an_objective_update_keeps_the_fields_left_out_and_clears_the_null_ones(
    api: Api,
) -> None:
    year = await f.period(api)
    plan = await f.plan(api, "Acme 2027", year)
    goal = await api.create(
        "createObjective",
        {"name": "Launch", "periodId": year, "planId": plan, "target": "3", "unit": "demos"},
    )

    renamed = await api.mutate("updateObjective", {"id": goal, "name": "Relaunch"}, OBJECTIVE)
    moved = await api.mutate("changeObjectiveStatus", {"id": goal, "status": "CURRENT"}, OBJECTIVE)
    cleared = await api.mutate(
        "updateObjective", {"id": goal, "target": None, "unit": None, "planId": None}, OBJECTIVE
    )

    kept = {"target": "3", "unit": "demos", "plan": {"name": "Acme 2027"}}
    unlinked = {"isGlobal": True, "account": None, "contact": None}
    assert renamed == {
        "objective": {"name": "Relaunch", "status": "DRAFT", **kept, **unlinked},
        ERRORS: [],
    }
    assert moved == {
        "objective": {"name": "Relaunch", "status": "CURRENT", **kept, **unlinked},
        ERRORS: [],
    }
    assert cleared == {
        "objective": {
            "name": "Relaunch",
            "status": "CURRENT",
            "target": None,
            "unit": None,
            "plan": None,
            **unlinked,
        },
        ERRORS: [],
    }


# --- opportunities -------------------------------------------------------------------------


async def test_an_opportunity_links_plans_contacts_and_an_objective(api: Api) -> None:
    year = await f.period(api)
    acme, carla = await given_account_with_contact(api)
    plan = await f.plan(api, "Acme 2027", year, accountIds=[acme])
    goal = await api.create("createObjective", {"name": "Launch", "periodId": year})

    payload = await api.mutate(
        "createOpportunity",
        {
            "name": "Big deal",
            "accountId": acme,
            "amount": {"amount": "1250.50", "currency": "usd"},
            "closeDate": "2027-06-30",
            "planIds": [plan, plan],
            "contactIds": [carla],
            "objectiveId": goal,
        },
        OPPORTUNITY,
    )

    assert payload == {
        "opportunity": {
            "name": "Big deal",
            "stage": "PROSPECTING",
            "closeDate": "2027-06-30",
            "amount": {"amount": "1250.50", "currency": "USD"},
            "owner": {"name": "Anna Manager"},
            "account": {"name": "Acme"},
            "objective": {"name": "Launch"},
            "plans": {"nodes": [{"name": "Acme 2027"}]},
            "contacts": {"nodes": [{"lastName": "Contact"}]},
        },
        ERRORS: [],
    }


async def test_an_opportunity_moves_to_another_stage(api: Api) -> None:
    deal = await given_deal(api, await f.account(api))

    payload = await api.mutate(
        "changeOpportunityStage", {"id": deal, "stage": "CLOSED_WON"}, "stage"
    )

    assert payload == {"opportunity": {"stage": "CLOSED_WON"}, ERRORS: []}


async def test_an_opportunity_is_linked_to_a_plan_and_unlinked(api: Api) -> None:
    year = await f.period(api)
    deal = await given_deal(api, await f.account(api))
    plan = await f.plan(api, "Acme 2027", year)

    linked = await api.mutate(
        "linkOpportunityToPlan", {"opportunityId": deal, "planId": plan}, "plans { nodes { name } }"
    )
    unlinked = await api.mutate(
        "unlinkOpportunityFromPlan", {"opportunityId": deal, "planId": plan}, "plans { totalCount }"
    )

    assert linked == {"opportunity": {"plans": {"nodes": [{"name": "Acme 2027"}]}}, ERRORS: []}
    assert unlinked == {"opportunity": {"plans": {"totalCount": 0}}, ERRORS: []}
    assert (await api.ok(PLAN_OPPORTUNITIES, {"id": plan}))["businessPlan"] == {
        "opportunities": {"nodes": []}
    }


async def test_an_opportunity_is_updated(api: Api) -> None:
    deal = await given_deal(api, await f.account(api), closeDate="2027-01-31")

    payload = await api.mutate(
        "updateOpportunity",
        {
            "id": deal,
            "name": "Bigger deal",
            "amount": {"amount": "5000", "currency": "JPY"},
            "closeDate": None,
        },
        "name amount { amount currency } closeDate stage",
    )

    assert payload == {
        "opportunity": {
            "name": "Bigger deal",
            "stage": "PROSPECTING",
            "amount": {"amount": "5000", "currency": "JPY"},
            "closeDate": None,
        },
        ERRORS: [],
    }


async def test_an_expired_plan_among_plan_ids_is_named_by_its_position(api: Api) -> None:
    year = await f.period(api)
    acme = await f.account(api)
    expired = await f.plan(api, "Old", year)
    await api.create("changeBusinessPlanStatus", {"id": expired, "status": "EXPIRED"})

    payload = await api.mutate(
        "createOpportunity",
        {
            "name": "Deal",
            "accountId": acme,
            "amount": EUR_10,
            "planIds": ["QnVzaW5lc3NQbGFuOjk5OQ==", expired],
        },
    )

    assert [(e["field"], e["code"]) for e in payload[ERRORS]] == [
        (["input", "planIds", "0"], "NOT_FOUND"),
        (["input", "planIds", "1"], "READ_ONLY"),
    ]


# --- activities ----------------------------------------------------------------------------


async def test_an_activity_is_created_with_its_links(api: Api) -> None:
    acme, carla = await given_account_with_contact(api)

    payload = await api.mutate(
        "createActivity",
        {
            "type": "CALL",
            "subject": "Call Carla",
            "dueAt": "2027-03-31T11:30:00+02:00",
            "accountId": acme,
            "contactId": carla,
        },
        ACTIVITY,
    )

    assert payload == {
        "activity": {
            "type": "CALL",
            "subject": "Call Carla",
            "status": "NOT_STARTED",
            "dueAt": "2027-03-31T09:30:00+00:00",
            "followUpOf": None,
            "account": {"name": "Acme"},
            "contact": {"lastName": "Contact"},
            "plan": None,
            "objective": None,
            "opportunity": None,
        },
        ERRORS: [],
    }


async def test_a_follow_up_inherits_the_links_it_leaves_out(api: Api) -> None:
    year = await f.period(api)
    acme, carla = await given_account_with_contact(api)
    plan = await f.plan(api, "Acme 2027", year)
    goal = await api.create("createObjective", {"name": "Launch", "periodId": year})
    deal = await given_deal(api, acme)
    first = await api.create(
        "createActivity",
        {
            "type": "CALL",
            "subject": "First call",
            "accountId": acme,
            "contactId": carla,
            "planId": plan,
            "objectiveId": goal,
            "opportunityId": deal,
        },
    )
    other_deal = await given_deal(api, acme, name="Other deal")

    payload = await api.mutate(
        "createActivity",
        {
            "type": "EMAIL",
            "subject": "Send the offer",
            "followUpOfId": first,
            "opportunityId": other_deal,
        },
        ACTIVITY,
    )

    assert payload == {
        "activity": {
            "type": "EMAIL",
            "subject": "Send the offer",
            "status": "NOT_STARTED",
            "dueAt": None,
            "followUpOf": {"subject": "First call"},
            "account": {"name": "Acme"},
            "contact": {"lastName": "Contact"},
            "plan": {"name": "Acme 2027"},
            "objective": {"name": "Launch"},
            "opportunity": {"name": "Other deal"},
        },
        ERRORS: [],
    }


async def test_an_activity_is_completed(api: Api) -> None:
    task = await api.create("createActivity", {"type": "TASK", "subject": "Prepare"})

    payload = await api.mutate(
        "changeActivityStatus", {"id": task, "status": "COMPLETED"}, "status"
    )

    assert payload == {"activity": {"status": "COMPLETED"}, ERRORS: []}


async def test_an_activity_is_updated(api: Api) -> None:
    task = await api.create(
        "createActivity",
        {"type": "TASK", "subject": "Prepare", "dueAt": "2027-01-01T00:00:00+00:00"},
    )

    payload = await api.mutate(
        "updateActivity",
        {
            "id": task,
            "subject": "Prepare the demo",
            "type": "APPOINTMENT",
            "status": "IN_PROGRESS",
            "dueAt": None,
        },
        "type subject status dueAt",
    )

    assert payload == {
        "activity": {
            "type": "APPOINTMENT",
            "subject": "Prepare the demo",
            "status": "IN_PROGRESS",
            "dueAt": None,
        },
        ERRORS: [],
    }


async def test_a_status_or_stage_change_leaves_everything_else_as_it_was(api: Api) -> None:
    due = "2027-01-01T00:00:00+00:00"
    task = await api.create("createActivity", {"type": "TASK", "subject": "Prepare", "dueAt": due})
    deal = await given_deal(api, await f.account(api), closeDate="2027-01-31")

    task_done = await api.mutate(
        "changeActivityStatus", {"id": task, "status": "COMPLETED"}, "type subject status dueAt"
    )
    deal_won = await api.mutate(
        "changeOpportunityStage",
        {"id": deal, "stage": "CLOSED_WON"},
        "name stage amount { amount currency } closeDate",
    )

    assert task_done == {
        "activity": {"type": "TASK", "subject": "Prepare", "status": "COMPLETED", "dueAt": due},
        ERRORS: [],
    }
    assert deal_won == {
        "opportunity": {
            "name": "Deal",
            "stage": "CLOSED_WON",
            "amount": {"amount": "10.00", "currency": "EUR"},
            "closeDate": "2027-01-31",
        },
        ERRORS: [],
    }


# --- reference data ------------------------------------------------------------------------


async def test_an_account_manager_may_not_create_periods(api: Api) -> None:
    payload = await api.mutate(
        "createPeriod",
        {"name": "FY2027", "type": "YEAR", "startDate": "2027-01-01", "endDate": "2027-12-31"},
    )

    assert payload == {
        "period": None,
        ERRORS: [
            {
                "field": None,
                "code": "FORBIDDEN",
                "message": "Only an administrator may create periods.",
            }
        ],
    }
    assert await api.ok(PERIODS) == {"periods": {"totalCount": 0}}


async def test_an_administrator_creates_a_quarter_in_a_year(api: Api) -> None:
    year = await f.period(api)

    payload = await api.mutate(
        "createPeriod",
        {
            "name": "FY2027 Q1",
            "type": "QUARTER",
            "startDate": "2027-01-01",
            "endDate": "2027-03-31",
            "parentId": year,
        },
        "name type startDate endDate parent { name }",
        user="admin",
    )

    assert payload == {
        "period": {
            "name": "FY2027 Q1",
            "type": "QUARTER",
            "startDate": "2027-01-01",
            "endDate": "2027-03-31",
            "parent": {"name": "FY2027"},
        },
        ERRORS: [],
    }


async def test_an_account_is_owned_by_its_creator(api: Api) -> None:
    parent = await f.account(api, "Acme Group")

    payload = await api.mutate(
        "createAccount",
        {"name": "Acme France", "parentId": parent},
        "name parent { name } owner { name }",
    )

    assert payload == {
        "account": {
            "name": "Acme France",
            "parent": {"name": "Acme Group"},
            "owner": {"name": "Anna Manager"},
        },
        ERRORS: [],
    }


async def test_a_contact_is_created_for_accounts(api: Api) -> None:
    acme, beta = await f.account(api, "Acme"), await f.account(api, "Beta")

    payload = await api.mutate(
        "createContact",
        {
            "firstName": "Carla",
            "lastName": "Contact",
            "email": "carla@example.com",
            "accountIds": [acme, beta],
        },
        "firstName lastName email accounts { nodes { name } }",
    )

    assert payload == {
        "contact": {
            "firstName": "Carla",
            "lastName": "Contact",
            "email": "carla@example.com",
            "accounts": {"nodes": [{"name": "Acme"}, {"name": "Beta"}]},
        },
        ERRORS: [],
    }


async def test_a_contact_is_added_to_an_account_and_removed(api: Api) -> None:
    acme, beta = await f.account(api, "Acme"), await f.account(api, "Beta")
    carla = await f.contact(api, accountIds=[acme])

    added = await api.mutate(
        "addAccountContact",
        {"accountId": beta, "contactId": carla},
        "contacts { nodes { lastName } }",
    )
    removed = await api.mutate(
        "removeAccountContact", {"accountId": acme, "contactId": carla}, "contacts { totalCount }"
    )

    assert added == {"account": {"contacts": {"nodes": [{"lastName": "Contact"}]}}, ERRORS: []}
    assert removed == {"account": {"contacts": {"totalCount": 0}}, ERRORS: []}


async def test_an_administrator_sets_an_exchange_rate(api: Api) -> None:
    data = await api.ok(
        SET_RATE, {"input": {"base": "eur", "quote": "USD", "rate": "1.085"}}, user="admin"
    )

    assert data == {
        "setExchangeRate": {"base": "EUR", "quote": "USD", "rate": "1.085", "userErrors": []}
    }


async def test_an_account_manager_may_not_set_exchange_rates(api: Api) -> None:
    data = await api.ok(SET_RATE, {"input": {"base": "EUR", "quote": "USD", "rate": "1.085"}})

    assert data == {
        "setExchangeRate": {
            "base": None,
            "quote": None,
            "rate": None,
            "userErrors": [{"field": None, "code": "FORBIDDEN"}],
        }
    }
