"""The HTTP surface: GraphiQL, health, node(id:), limits, and errors that never leak internals."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from resolvers import loaders
from server import create_app
from settings import Settings
from tests import factories as f
from tests.factories import Api


async def test_graphiql_page_needs_no_token(api: Api) -> None:
    response = await api.client.get("/graphql", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_health_reports_the_database(api: Api) -> None:
    response = await api.client.get("/health")

    assert (response.status_code, response.json()) == (200, {"status": "ok", "database": "ok"})


async def test_health_says_so_when_the_database_is_down() -> None:
    app = create_app(Settings(database_url="postgresql+asyncpg://nobody@127.0.0.1:1/none"))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/health")
    await app.state.engine.dispose()

    assert (response.status_code, response.json()) == (
        503,
        {"status": "unavailable", "database": "unreachable"},
    )


NODE = "query($id: ID!) { node(id: $id) { __typename id } }"


async def test_node_resolves_every_id_the_api_hands_out(api: Api) -> None:
    year = await f.period(api)
    acme = await f.account(api)
    carla = await f.contact(api, accountIds=[acme])
    plan = await f.plan(api, "Plan", year, accountIds=[acme])
    objective = await api.create("createObjective", {"name": "O", "periodId": year})
    deal = await api.create(
        "createOpportunity",
        {"name": "D", "accountId": acme, "amount": {"amount": "1", "currency": "EUR"}},
    )
    call = await api.create("createActivity", {"type": "CALL", "subject": "S", "accountId": acme})
    viewer = (await api.ok("{ viewer { id } }"))["viewer"]["id"]
    ids = {
        "Period": year,
        "Account": acme,
        "Contact": carla,
        "BusinessPlan": plan,
        "Objective": objective,
        "Opportunity": deal,
        "Activity": call,
        "User": viewer,
    }

    resolved = {}
    for type_name, node_id in ids.items():
        resolved[type_name] = (await api.ok(NODE, {"id": node_id}))["node"]

    assert resolved == {t: {"__typename": t, "id": i} for t, i in ids.items()}


@pytest.mark.parametrize("bad_id", ["nope", "", "QWNjb3VudDo5OTk5", "VXNlcjp4"])
async def test_node_with_an_unknown_or_malformed_id_is_null(api: Api, bad_id: str) -> None:
    assert await api.ok(NODE, {"id": bad_id}) == {"node": None}


async def test_first_above_the_maximum_is_refused_not_cut(api: Api) -> None:
    body = await api.post("{ accounts(first: 501) { totalCount } }")

    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "'first'" in body["errors"][0]["message"]


async def test_an_unexpected_error_is_generic_with_a_request_id(
    api: Api,
    app_and_counter: tuple[Any, Any],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    app_and_counter[0].state.graphql.fast = None  # the general path answers, and breaks

    async def broken(self: object, query: object) -> None:
        raise RuntimeError("secret table name plan_accounts at /srv/app.py")

    monkeypatch.setattr(loaders.Loaders, "fetch", broken)

    body = await api.post("{ accounts { totalCount } }")

    error = body["errors"][0]
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert "plan_accounts" not in str(body) and "Traceback" not in str(body)
    assert error["extensions"]["requestId"] in error["message"]
    assert error["extensions"]["requestId"] in caplog.text
    assert "secret table name" in caplog.text


async def test_graphql_response_media_type_gets_400_for_an_invalid_document(api: Api) -> None:
    response = await api.client.post(
        "/graphql",
        json={"query": "{ nosuchfield }"},
        headers={
            "Authorization": f"Bearer {api.tokens['anna']}",
            "Accept": "application/graphql-response+json",
        },
    )

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    assert "data" not in response.json()


async def test_too_deep_a_query_is_refused_before_it_runs(api: Api) -> None:
    nested = "parent { " * 20 + "name" + " }" * 20
    body = await api.post(f"{{ accounts {{ nodes {{ {nested} }} }} }}")

    assert "data" not in body
    assert "depth" in body["errors"][0]["message"]


async def test_too_many_aliases_are_refused_before_they_run(api: Api) -> None:
    aliases = " ".join(f"a{n}: viewer {{ name }}" for n in range(31))
    body = await api.post(f"{{ {aliases} }}")

    assert "data" not in body
    assert "aliases" in body["errors"][0]["message"].lower()
