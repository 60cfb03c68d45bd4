from tests import factories as f
from tests.factories import Api

PICTURE = """
query($id: ID!) { account(id: $id) { name
  contacts { totalCount nodes { firstName } }
  businessPlans(rootOnly: true) { totalCount edges { via viaContact { lastName } node {
    name status version wonRevenue { amount currency } pipelineRevenue { amount currency }
    subPlans { nodes { name } } statusHistory { from to changedBy { name } } } } }
  objectives { totalCount edges { via node { name isGlobal } } }
  opportunities { edges { via node { name amount { amount currency } } } }
  activities { edges { via node { subject } } }
} }
"""


async def test_smoke(api: Api) -> None:
    year = await f.period(api)
    acme = await f.account(api, "Acme")
    carla = await f.contact(api, accountIds=[acme])
    plan = await f.plan(api, "Acme 2027", year, accountIds=[acme],
                        revenueTarget={"amount": "1000.00", "currency": "EUR"})
    sub = await f.plan(api, "Acme 2027 Q1", year, parentPlanId=plan)
    cplan = await f.plan(api, "Carla plan", year, contactIds=[carla])
    await api.create("createObjective", {"name": "Launch", "periodId": year})
    await api.create("createObjective", {"name": "12 calls", "periodId": year, "accountId": acme})
    await api.create("createOpportunity", {"name": "Deal", "accountId": acme, "stage": "CLOSED_WON",
                                            "amount": {"amount": "500", "currency": "EUR"},
                                            "planIds": [sub, plan]})
    await api.create("createActivity", {"type": "CALL", "subject": "Call Carla", "contactId": carla})
    data = await api.ok(PICTURE, {"id": acme})
    print(data)
    assert data["account"]["businessPlans"]["totalCount"] == 2
