"""Live updates through a real server and a real graphql-transport-ws client, on both databases."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from models.db import make_engine
from resolvers.ids import to_global_id
from tests.factories import seed_users
from tests.live_support import LiveClient, Server

ACCOUNT_CHANGED = """subscription($id: ID!, $after: String) { accountChanged(accountId: $id, after: $after) {
  cursor kind nodeId node { id ... on Contact { firstName } ... on Account { name } } account { name } changedBy { name } } }"""
STATUS_CHANGED = """subscription($plan: ID, $account: ID, $after: String) {
  businessPlanStatusChanged(planId: $plan, accountId: $account, after: $after) {
  cursor businessPlan { name status } change { from to comment changedBy { name } } } }"""


def mutation(name: str, input_type: str, field: str) -> str:
    return (f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ {field} {{ id }} "
            f"userErrors {{ message code }} }} }}")  # fmt: skip


@dataclass
class Env:
    server: Server
    tokens: dict[str, str]
    database_url: str

    async def create(self, mutation_name: str, input_type: str, field: str, user: str = "anna",
                     **values: Any) -> str:  # fmt: skip
        data = await self.server.post(self.tokens[user], mutation(mutation_name, input_type, field),
                                      {"i": values})  # fmt: skip
        assert data[mutation_name]["userErrors"] == [], data
        new_id: str = data[mutation_name][field]["id"]
        return new_id

    async def account(self, name: str = "Acme", user: str = "anna") -> str:
        return await self.create("createAccount", "CreateAccountInput", "account", user, name=name)

    async def contact(self, account: str, first: str = "Carla") -> str:
        return await self.create("createContact", "CreateContactInput", "contact",
                                 firstName=first, lastName="Contact", accountIds=[account])  # fmt: skip

    async def client(self, user: str = "anna") -> LiveClient:
        return await LiveClient.open(self.server, self.tokens[user])


async def start(database_url: str, **settings: Any) -> tuple[Server, dict[str, str]]:
    engine = make_engine(database_url)
    try:
        tokens = await seed_users(engine)
    finally:
        await engine.dispose()
    return await Server(database_url, **settings).ready(), tokens


@pytest.fixture
async def env(database_url: str) -> AsyncIterator[Env]:
    server, tokens = await start(database_url)
    try:
        yield Env(server, tokens, database_url)
    finally:
        server.stop()


async def test_changes_arrive_in_order_with_the_subscribers_view(env: Env) -> None:
    acme = await env.account()
    client = await env.client()
    await client.subscribe("1", ACCOUNT_CHANGED, id=acme)

    carla = await env.contact(acme)
    await env.contact(acme, "Dora")

    first, second = await client.next_data("1"), await client.next_data("1")
    assert first["accountChanged"]["kind"] == "CREATED"
    assert first["accountChanged"]["nodeId"] == carla
    assert first["accountChanged"]["node"] == {"id": carla, "firstName": "Carla"}
    assert first["accountChanged"]["account"] == {"name": "Acme"}
    assert first["accountChanged"]["changedBy"] == {"name": "Anna Manager"}
    assert second["accountChanged"]["node"]["firstName"] == "Dora"
    assert second["accountChanged"]["cursor"] != first["accountChanged"]["cursor"]
    await client.close()


async def test_an_account_the_viewer_may_not_see_is_refused_like_a_query(env: Env) -> None:
    acme = await env.account(user="anna")
    client = await env.client("ben")

    await client.subscribe("1", ACCOUNT_CHANGED, id=acme)

    message = await client.receive()
    assert message["type"] == "next" and message["payload"]["data"] is None
    assert message["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert await client.receive() == {"id": "1", "type": "complete"}


async def test_a_member_removed_from_the_team_has_the_subscription_ended(env: Env) -> None:
    acme = await env.account()
    ben = to_global_id("User", 3)
    team = {"accountId": acme, "userId": ben}
    await env.create("addAccountTeamMember", "AccountTeamMemberInput", "account", **team)
    client = await env.client("ben")
    await client.subscribe("1", ACCOUNT_CHANGED, id=acme)
    await env.contact(acme)
    assert (await client.next_data("1"))["accountChanged"]["kind"] == "CREATED"

    await env.create("removeAccountTeamMember", "AccountTeamMemberInput", "account", **team)

    message = await client.receive()
    assert message["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await client.receive() == {"id": "1", "type": "complete"}


async def test_an_item_hidden_from_a_team_member_is_never_sent_to_them(env: Env) -> None:
    acme = await env.account()
    ben = to_global_id("User", 3)
    await env.create("addAccountTeamMember", "AccountTeamMemberInput", "account",
                     accountId=acme, userId=ben)  # fmt: skip
    period = await env.create("createPeriod", "CreatePeriodInput", "period", "admin",
                              name="FY2027", type="YEAR", startDate="2027-01-01",
                              endDate="2027-12-31")  # fmt: skip
    plan = await env.create("createBusinessPlan", "CreateBusinessPlanInput", "businessPlan",
                            name="Acme 2027", type="ACCOUNT", periodId=period, accountIds=[acme])  # fmt: skip
    anna, ben_client = await env.client("anna"), await env.client("ben")
    await anna.subscribe("a", ACCOUNT_CHANGED, id=acme)
    await ben_client.subscribe("b", ACCOUNT_CHANGED, id=acme)

    # Linked only to the plan and owned by Anna: Anna sees it, a team member does not.
    call = await env.create("createActivity", "CreateActivityInput", "activity",
                            type="CALL", subject="Private call", planId=plan)  # fmt: skip
    carla = await env.contact(acme)

    assert (await anna.next_data("a"))["accountChanged"]["nodeId"] == call
    assert (await anna.next_data("a"))["accountChanged"]["nodeId"] == carla
    assert (await ben_client.next_data("b"))["accountChanged"]["nodeId"] == carla


SHARED = """subscription($id: ID!) { accountChanged(accountId: $id) {
  cursor nodeId node { id } } }"""  # no `after`: subscribers of one user share its execution


async def test_subscribers_sharing_one_execution_get_each_event_once_under_their_own_id(
    env: Env,
) -> None:
    """One execution per event and user, one serialized answer written to every socket with
    the operation id spliced in (compressed per socket where the client asked for it): each
    operation gets each event once, a colleague with another view gets only what they see."""
    acme = await env.account()
    ben = to_global_id("User", 3)
    await env.create("addAccountTeamMember", "AccountTeamMemberInput", "account",
                     accountId=acme, userId=ben)  # fmt: skip
    period = await env.create("createPeriod", "CreatePeriodInput", "period", "admin",
                              name="FY2027", type="YEAR", startDate="2027-01-01",
                              endDate="2027-12-31")  # fmt: skip
    plan = await env.create("createBusinessPlan", "CreateBusinessPlanInput", "businessPlan",
                            name="Acme 2027", type="ACCOUNT", periodId=period, accountIds=[acme])  # fmt: skip
    first, ben_client = await env.client(), await env.client("ben")  # permessage-deflate
    second = await LiveClient.open(env.server, env.tokens["anna"], compression=None)  # raw frames
    assert first.socket.protocol.extensions and not second.socket.protocol.extensions
    await first.subscribe("p", SHARED, id=acme)
    await first.subscribe("q", SHARED, id=acme)
    await second.subscribe("p", SHARED, id=acme)
    await ben_client.subscribe("b", SHARED, id=acme)

    call = await env.create("createActivity", "CreateActivityInput", "activity",
                            type="CALL", subject="Private call", planId=plan)  # fmt: skip
    carla = await env.contact(acme)

    async def received(client: LiveClient, count: int) -> dict[str, list[str]]:
        by_operation: dict[str, list[str]] = {}
        for _ in range(count):
            message = await client.receive()
            assert message["type"] == "next", message
            event = message["payload"]["data"]["accountChanged"]
            assert event["node"] == {"id": event["nodeId"]}
            by_operation.setdefault(message["id"], []).append(event["nodeId"])
        return by_operation

    assert await received(first, 4) == {"p": [call, carla], "q": [call, carla]}
    assert await received(second, 2) == {"p": [call, carla]}
    assert await received(ben_client, 1) == {"b": [carla]}
    await ben_client.send({"type": "ping"})  # nothing else was queued before the pong
    assert await ben_client.receive() == {"type": "pong"}


async def test_resume_after_a_cursor_replays_then_goes_live_without_gap_or_duplicate(
    env: Env,
) -> None:
    acme = await env.account()
    client = await env.client()
    await client.subscribe("1", ACCOUNT_CHANGED, id=acme)
    await env.contact(acme, "A")
    cursor = (await client.next_data("1"))["accountChanged"]["cursor"]
    await client.close()

    missed = [await env.contact(acme, name) for name in ("B", "C")]
    client = await env.client()
    await client.subscribe("1", ACCOUNT_CHANGED, id=acme, after=cursor)
    replayed = [(await client.next_data("1"))["accountChanged"] for _ in missed]
    live = await env.contact(acme, "D")
    after_seam = (await client.next_data("1"))["accountChanged"]

    assert [e["nodeId"] for e in replayed] == missed
    assert after_seam["nodeId"] == live
    cursors = [cursor] + [e["cursor"] for e in replayed] + [after_seam["cursor"]]
    assert len(set(cursors)) == 4


async def test_plan_status_moves_reach_the_reviewers_queue_once(env: Env) -> None:
    acme, other = await env.account(), await env.account("Other")
    period = await env.create("createPeriod", "CreatePeriodInput", "period", "admin",
                              name="FY2027", type="YEAR", startDate="2027-01-01",
                              endDate="2027-12-31")  # fmt: skip
    plan = await env.create("createBusinessPlan", "CreateBusinessPlanInput", "businessPlan",
                            name="Acme 2027", type="ACCOUNT", periodId=period,
                            accountIds=[acme, other])  # fmt: skip
    rita = await env.client("rita")
    await rita.subscribe("q", STATUS_CHANGED)

    await env.create("changeBusinessPlanStatus", "ChangeBusinessPlanStatusInput",
                     "businessPlan", id=plan, status="SUBMITTED", comment="please")  # fmt: skip
    await env.create("changeBusinessPlanStatus", "ChangeBusinessPlanStatusInput",
                     "businessPlan", "rita", id=plan, status="DRAFT", comment="more detail")  # fmt: skip

    first = (await rita.next_data("q"))["businessPlanStatusChanged"]
    second = (await rita.next_data("q"))["businessPlanStatusChanged"]
    assert first["change"] == {"from": "DRAFT", "to": "SUBMITTED", "comment": "please",
                               "changedBy": {"name": "Anna Manager"}}  # fmt: skip
    assert second["change"]["to"] == "DRAFT" and second["businessPlan"]["status"] == "DRAFT"


@pytest.mark.parametrize("after", ["not-a-cursor", "ZXY6eA==", "ZXY6LTE="])
async def test_a_malformed_cursor_is_bad_user_input(env: Env, after: str) -> None:
    acme = await env.account()
    client = await env.client()

    await client.subscribe("1", ACCOUNT_CHANGED, id=acme, after=after)

    message = await client.receive()
    assert message["payload"]["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "after" in message["payload"]["errors"][0]["message"]


async def test_an_expired_cursor_is_events_expired(env: Env) -> None:
    import datetime as dt

    from models.outbox import prune

    acme = await env.account()
    client = await env.client()
    await client.subscribe("1", ACCOUNT_CHANGED, id=acme)
    await env.contact(acme, "A")
    old = (await client.next_data("1"))["accountChanged"]["cursor"]
    await env.contact(acme, "B")
    await client.next_data("1")
    engine = make_engine(env.database_url)
    try:
        async with engine.begin() as connection:  # as the retention window would, later
            await connection.run_sync(prune, dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    finally:
        await engine.dispose()

    await client.subscribe("2", ACCOUNT_CHANGED, id=acme, after=old)

    message = await client.receive()
    assert message["payload"]["errors"][0]["extensions"]["code"] == "EVENTS_EXPIRED"


async def test_a_refused_token_closes_with_4403(env: Env) -> None:
    client = await LiveClient.open(env.server)

    await client.send({"type": "connection_init", "payload": {"Authorization": "Bearer pg_nope"}})

    assert await client.close_code() == 4403


async def test_subscribe_before_init_closes_with_4401(env: Env) -> None:
    client = await LiveClient.open(env.server)

    await client.send({"id": "1", "type": "subscribe", "payload": {"query": ACCOUNT_CHANGED}})

    assert await client.close_code() == 4401


def test_serve_with_several_workers_on_sqlite_is_refused(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from server import main

    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/one.db")

    code = main(["serve", "--workers", "2", "--port", "1"])

    assert code == 2
    assert "--workers above 1 needs PostgreSQL" in capsys.readouterr().err


def _metric(text: str, name: str) -> float:
    from prometheus_client.parser import text_string_to_metric_families

    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == name
    )


async def test_open_subscriptions_and_delivery_lag_are_in_the_metrics(env: Env) -> None:
    import httpx

    acme = await env.account()
    client = await env.client()
    await client.subscribe("1", ACCOUNT_CHANGED, id=acme)
    await env.contact(acme)
    await client.next_data("1")
    async with httpx.AsyncClient() as http:
        during = (await http.get(f"{env.server.http}/metrics")).text
        await client.close()
        for _ in range(50):  # the server notices the closed socket on its own schedule
            after = (await http.get(f"{env.server.http}/metrics")).text
            if _metric(after, "plangraph_subscriptions_open") == 0:
                break

    assert _metric(during, "plangraph_subscriptions_open") == 1
    assert _metric(during, "plangraph_event_delivery_lag_seconds_count") == 1
    assert _metric(after, "plangraph_subscriptions_open") == 0
