"""Rules where DOMAIN.md is silent, as the README states them."""

from __future__ import annotations

from tests import factories as f
from tests.factories import Api

SET_RATE = """
mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) {
  base quote rate userErrors { code } } }
"""
ROLLUP = "query($id: ID!) { businessPlan(id: $id) { wonRevenue { amount currency } } }"


async def test_an_objective_lies_within_its_plans_period(api: Api) -> None:
    year = await f.period(api)
    next_year = await f.period(api, "FY2028", start="2028-01-01", end="2028-12-31")
    plan = await f.plan(api, "Plan", year)

    refused = await api.mutate(
        "createObjective", {"name": "Later", "periodId": next_year, "planId": plan}
    )

    assert refused["userErrors"] == [
        {
            "field": ["input", "periodId"],
            "code": "INVALID",
            "message": "An objective's period must lie within its plan's period.",
        }
    ]


async def test_setting_a_rate_replaces_the_inverse_direction(api: Api) -> None:
    year = await f.period(api)
    acme = await f.account(api)
    plan = await f.plan(api, "Plan", year, accountIds=[acme], currency="EUR")
    await api.create(
        "createOpportunity",
        {
            "name": "D",
            "accountId": acme,
            "planIds": [plan],
            "stage": "CLOSED_WON",
            "amount": {"amount": "100.00", "currency": "USD"},
        },
    )
    await api.ok(SET_RATE, {"input": {"base": "EUR", "quote": "USD", "rate": "2"}}, "admin")
    await api.ok(SET_RATE, {"input": {"base": "USD", "quote": "EUR", "rate": "0.8"}}, "admin")

    data = await api.ok(ROLLUP, {"id": plan})

    assert data == {"businessPlan": {"wonRevenue": {"amount": "80.00", "currency": "EUR"}}}
