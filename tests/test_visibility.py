"""Who sees what: account managers see their accounts' world; hidden looks like missing."""

from __future__ import annotations

from tests import factories as f
from tests.factories import Api

LISTS = """
{ accounts { totalCount nodes { name } }
  businessPlans { totalCount nodes { name } }
  globalObjectives { totalCount nodes { name } } }
"""
NODE = "query($id: ID!) { node(id: $id) { id } }"
PLAN_ACCOUNTS = "query($id: ID!) { businessPlan(id: $id) { accounts { totalCount } } }"


async def _two_worlds(api: Api) -> dict[str, str]:
    year = await f.period(api)
    anna_acct = await f.account(api, "Anna's account")
    ben_acct = await api.create("createAccount", {"name": "Ben's account"}, user="ben")
    await api.create("createObjective", {"name": "Launch", "periodId": year})
    anna_plan = await f.plan(api, "Anna plan", year, accountIds=[anna_acct])
    ben_plan = await api.create(
        "createBusinessPlan",
        {"name": "Ben plan", "type": "ACCOUNT", "periodId": year, "accountIds": [ben_acct]},
        user="ben",
    )
    return {
        "year": year,
        "anna_acct": anna_acct,
        "ben_acct": ben_acct,
        "anna_plan": anna_plan,
        "ben_plan": ben_plan,
    }


async def test_account_managers_see_only_their_accounts_and_plans(api: Api) -> None:
    await _two_worlds(api)

    anna = await api.ok(LISTS, user="anna")
    rita = await api.ok(LISTS, user="rita")

    assert anna == {
        "accounts": {"totalCount": 1, "nodes": [{"name": "Anna's account"}]},
        "businessPlans": {"totalCount": 1, "nodes": [{"name": "Anna plan"}]},
        "globalObjectives": {"totalCount": 1, "nodes": [{"name": "Launch"}]},
    }
    assert rita["accounts"]["totalCount"] == 2
    assert rita["businessPlans"]["totalCount"] == 2


async def test_a_hidden_object_looks_missing_everywhere(api: Api) -> None:
    world = await _two_worlds(api)

    by_node = await api.ok(NODE, {"id": world["ben_plan"]}, user="anna")
    refused = await api.mutate(
        "changeBusinessPlanStatus", {"id": world["ben_plan"], "status": "SUBMITTED"}, user="anna"
    )

    assert by_node == {"node": None}
    assert refused == {
        "businessPlan": None,
        "userErrors": [
            {
                "field": ["input", "id"],
                "code": "NOT_FOUND",
                "message": f"No BusinessPlan with id '{world['ben_plan']}'.",
            }
        ],
    }


async def test_hidden_rows_are_not_counted_in_nested_connections(api: Api) -> None:
    world = await _two_worlds(api)
    # Ben's plan also covers Anna's account: Anna sees the plan, but not Ben's account in it.
    await api.mutate(
        "addPlanAccount",
        {"planId": world["ben_plan"], "accountId": world["anna_acct"]},
        user="admin",
    )

    anna = await api.ok(PLAN_ACCOUNTS, {"id": world["ben_plan"]}, user="anna")
    admin = await api.ok(PLAN_ACCOUNTS, {"id": world["ben_plan"]}, user="admin")

    assert anna == {"businessPlan": {"accounts": {"totalCount": 1}}}
    assert admin == {"businessPlan": {"accounts": {"totalCount": 2}}}


async def test_an_account_team_member_sees_the_account(api: Api) -> None:
    world = await _two_worlds(api)
    ben = (await api.ok("{ viewer { id } }", user="ben"))["viewer"]["id"]

    added = await api.mutate(
        "addAccountTeamMember",
        {"accountId": world["anna_acct"], "userId": ben, "role": "specialist"},
    )
    seen = await api.ok(NODE, {"id": world["anna_acct"]}, user="ben")

    assert added["userErrors"] == []
    assert seen == {"node": {"id": world["anna_acct"]}}


async def test_only_the_owner_or_an_admin_manages_the_account_team(api: Api) -> None:
    world = await _two_worlds(api)
    rita = (await api.ok("{ viewer { id } }", user="rita"))["viewer"]["id"]

    refused = await api.mutate(
        "addAccountTeamMember", {"accountId": world["anna_acct"], "userId": rita}, user="rita"
    )

    assert [e["code"] for e in refused["userErrors"]] == ["FORBIDDEN"]
