"""Plain functions that make test data through the public API, with keyword overrides."""

from __future__ import annotations

import asyncio
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from bench import clients
from models import ApiToken, Role, User
from models.db import make_sessionmaker
from models.user import hash_token, new_token
from resolvers.ids import to_global_id

USERS = {
    "admin": ("ada@example.com", "Ada Admin", Role.ADMIN),
    "anna": ("anna@example.com", "Anna Manager", Role.ACCOUNT_MANAGER),
    "ben": ("ben@example.com", "Ben Manager", Role.ACCOUNT_MANAGER),
    "rita": ("rita@example.com", "Rita Reviewer", Role.REVIEWER),
}


async def seed_users(engine: AsyncEngine) -> dict[str, str]:
    """The four test users (admin, anna, ben, rita) with one token each."""
    tokens: dict[str, str] = {}
    async with make_sessionmaker(engine).begin() as session:
        for key, (email, name, role) in USERS.items():
            user = User(email=email, name=name, role=role)
            session.add(user)
            await session.flush()
            tokens[key] = new_token()
            session.add(ApiToken(user_id=user.id, token_hash=hash_token(tokens[key])))
    return tokens


def data_of(response: httpx.Response) -> dict[str, Any]:
    """The body without the fair-use cost report that every charged response carries."""
    body: dict[str, Any] = response.json()
    body.pop("extensions", None)
    return body


@dataclass
class Api:
    """A signed-in client of the real HTTP app."""

    client: httpx.AsyncClient
    tokens: dict[str, str]
    counter: Any
    as_user: str = "anna"
    ids: dict[str, str] = field(default_factory=dict)

    async def post(
        self, query: str, variables: dict[str, Any] | None = None, user: str | None = None
    ) -> dict[str, Any]:
        token = self.tokens[user or self.as_user]
        response = await self.client.post(
            "/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def ok(
        self, query: str, variables: dict[str, Any] | None = None, user: str | None = None
    ) -> dict[str, Any]:
        """Run a query that must succeed; return its data."""
        body = await self.post(query, variables, user)
        assert "errors" not in body, body
        data: dict[str, Any] = body["data"]
        return data

    async def mutate(
        self, name: str, input: dict[str, Any], returning: str = "id", user: str | None = None
    ) -> dict[str, Any]:
        """Run a mutation; return its payload (the object and userErrors)."""
        field_name = PAYLOAD_FIELDS[name]
        query = (
            f"mutation($input: {input_type(name)}!) {{ {name}(input: $input) "
            f"{{ {field_name} {{ {returning} }} userErrors {{ field message code }} }} }}"
        )
        data = await self.ok(query, {"input": input}, user)
        payload: dict[str, Any] = data[name]
        return payload

    async def create(self, name: str, input: dict[str, Any], user: str | None = None) -> str:
        """Run a creating mutation that must succeed; return the new object's id."""
        payload = await self.mutate(name, input, user=user)
        assert payload["userErrors"] == [], payload["userErrors"]
        new_id: str = payload[PAYLOAD_FIELDS[name]]["id"]
        return new_id


PAYLOAD_FIELDS = {
    "createPeriod": "period",
    "createAccount": "account",
    "createContact": "contact",
    "addAccountContact": "account",
    "removeAccountContact": "account",
    "addAccountTeamMember": "account",
    "removeAccountTeamMember": "account",
    "createBusinessPlan": "businessPlan",
    "updateBusinessPlan": "businessPlan",
    "changeBusinessPlanStatus": "businessPlan",
    "copyBusinessPlan": "businessPlan",
    "addPlanAccount": "businessPlan",
    "removePlanAccount": "businessPlan",
    "addPlanContact": "businessPlan",
    "removePlanContact": "businessPlan",
    "createObjective": "objective",
    "updateObjective": "objective",
    "changeObjectiveStatus": "objective",
    "createOpportunity": "opportunity",
    "updateOpportunity": "opportunity",
    "changeOpportunityStage": "opportunity",
    "linkOpportunityToPlan": "opportunity",
    "unlinkOpportunityFromPlan": "opportunity",
    "createActivity": "activity",
    "updateActivity": "activity",
    "changeActivityStatus": "activity",
}

# Mutations whose input type name is not <Name>Input.
INPUT_TYPES = {
    "addAccountContact": "AccountContactInput",
    "removeAccountContact": "AccountContactInput",
    "addAccountTeamMember": "AccountTeamMemberInput",
    "removeAccountTeamMember": "AccountTeamMemberInput",
    "addPlanAccount": "PlanAccountInput",
    "removePlanAccount": "RemovePlanAccountInput",
    "addPlanContact": "PlanContactInput",
    "removePlanContact": "PlanContactInput",
    "unlinkOpportunityFromPlan": "LinkOpportunityToPlanInput",
}


async def period(
    api: Api,
    name: str = "FY2027",
    type: str = "YEAR",
    start: str = "2027-01-01",
    end: str = "2027-12-31",
    parent: str | None = None,
) -> str:
    return await api.create(
        "createPeriod",
        {"name": name, "type": type, "startDate": start, "endDate": end, "parentId": parent},
        user="admin",
    )


async def account(api: Api, name: str = "Acme", **overrides: Any) -> str:
    return await api.create("createAccount", {"name": name, **overrides})


async def contact(api: Api, first: str = "Carla", last: str = "Contact", **overrides: Any) -> str:
    return await api.create("createContact", {"firstName": first, "lastName": last, **overrides})


async def plan(api: Api, name: str, period_id: str, **overrides: Any) -> str:
    return await api.create(
        "createBusinessPlan", {"name": name, "type": "ACCOUNT", "periodId": period_id, **overrides}
    )


def input_type(mutation: str) -> str:
    return INPUT_TYPES.get(mutation, mutation[0].upper() + mutation[1:] + "Input")


async def picture_answers(
    app: Any, token: str, pks: list[int], query: str = clients.PICTURE
) -> list[dict[str, Any]]:
    """bench/queries/picture.graphql (or `query`) for each account, through `app`; the engine
    is closed."""
    transport = httpx.ASGITransport(app=app)
    headers = {"Authorization": f"Bearer {token}"}
    answers = []
    try:
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test", headers=headers
        ) as client:
            for pk in pks:
                variables = {"id": to_global_id("Account", pk)}
                response = await client.post(
                    "/graphql", json={"query": query, "variables": variables}
                )
                assert response.status_code == 200, response.text
                body = response.json()
                assert "errors" not in body, body["errors"]
                answers.append(body["data"])
    finally:
        await app.state.engine.dispose()
    return answers


@dataclass
class Answered:
    """A POST /graphql made through the raw ASGI interface, once its response is complete:
    what the app sent, and its call, which may still run work after the response."""

    sent: list[MutableMapping[str, Any]]
    call: asyncio.Future[None]

    @property
    def status(self) -> int:
        return int(next(m["status"] for m in self.sent if m["type"] == "http.response.start"))

    @property
    def body(self) -> bytes:
        return b"".join(m.get("body", b"") for m in self.sent if "body" in m)


async def post_until_answered(app: Any, body: bytes, token: str) -> Answered:
    """Return as soon as the client has the whole response, without waiting for the ASGI
    call to end (httpx's ASGI transport waits for it, background tasks included)."""
    sent: list[MutableMapping[str, Any]] = []
    answered = asyncio.Event()

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body"):
            answered.set()

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": "/graphql", "raw_path": b"/graphql",
             "query_string": b"", "root_path": "", "server": ("test", 80),
             "client": ("127.0.0.1", 5000), "headers": [
                 (b"content-type", b"application/json"),
                 (b"authorization", f"Bearer {token}".encode())]}  # fmt: skip
    call = asyncio.ensure_future(app(scope, receive, send))
    async with asyncio.timeout(30):
        await answered.wait()
    return Answered(sent, call)
