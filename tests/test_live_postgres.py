"""Live updates across transactions, processes and faults on PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from models import Contact
from models.db import make_engine, make_writer_sessionmaker
from models.outbox import set_changed_by
from resolvers.ids import pk_of
from tests.live_support import LiveClient, Server
from tests.tcp_proxy import TcpProxy
from tests.test_live import ACCOUNT_CHANGED, Env, start

NAMES = """subscription($id: ID!, $after: String) { accountChanged(accountId: $id, after: $after) {
  cursor kind nodeId node { ... on Contact { firstName } } } }"""


@pytest.fixture
def pg_url(database_url: str) -> str:
    if database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL only: SQLite serializes its writers and has one process")
    return database_url


@pytest.fixture
async def env(pg_url: str) -> AsyncIterator[Env]:
    server, tokens = await start(pg_url)
    try:
        yield Env(server, tokens, pg_url)
    finally:
        server.stop()


async def rename(engine: AsyncEngine, contact_id: str, name: str) -> None:
    async with make_writer_sessionmaker(engine).begin() as session:
        set_changed_by(session, 2)
        row = await session.get(Contact, pk_of(contact_id, "Contact"))
        assert row is not None
        row.first_name = name


async def events(client: LiveClient, op_id: str, count: int) -> list[dict[str, object]]:
    return [(await client.next_data(op_id))["accountChanged"] for _ in range(count)]


async def test_transactions_committing_out_of_order_are_delivered_in_commit_order_once(
    env: Env,
) -> None:
    acme = await env.account()
    first, second = await env.contact(acme, "First"), await env.contact(acme, "Second")
    live = await env.client()
    await live.subscribe("1", NAMES, id=acme)
    await env.contact(acme, "Marker")
    marker = (await live.next_data("1"))["accountChanged"]["cursor"]
    engine = make_engine(env.database_url)
    try:
        writer = make_writer_sessionmaker(engine)
        early, late = writer(), writer()
        await early.begin()
        row = await early.get(Contact, pk_of(first, "Contact"))
        assert row is not None
        row.first_name = "Started first"
        await early.flush()  # the first transaction has written and holds its row
        await rename(engine, second, "Committed first")  # starts later, commits first
        await early.commit()
        await early.close()
        await late.close()
    finally:
        await engine.dispose()

    delivered = await events(live, "1", 2)
    replay = await env.client()
    await replay.subscribe("2", NAMES, id=acme, after=marker)
    replayed = await events(replay, "2", 2)

    names = [e["node"]["firstName"] for e in delivered]  # type: ignore[index]
    assert names == ["Committed first", "Started first"]
    assert [e["cursor"] for e in replayed] == [e["cursor"] for e in delivered]
    assert len({marker, *(e["cursor"] for e in delivered)}) == 3


async def test_a_writer_holding_its_events_makes_later_writers_wait_for_its_commit(
    env: Env,
) -> None:
    """Event ids follow commit order: once a transaction has its events, others queue behind."""
    from models.outbox import _before_commit

    acme = await env.account()
    first, second = await env.contact(acme, "First"), await env.contact(acme, "Second")
    live = await env.client()
    await live.subscribe("1", NAMES, id=acme)
    engine = make_engine(env.database_url)
    try:
        early = make_writer_sessionmaker(engine)()
        await early.begin()
        set_changed_by(early, 2)
        row = await early.get(Contact, pk_of(first, "Contact"))
        assert row is not None
        row.first_name = "Took its ids first"
        await early.run_sync(_before_commit)  # its events are written; COMMIT has not run
        later = asyncio.create_task(rename(engine, second, "Waited"))
        await asyncio.sleep(0.5)
        waiting = not later.done()
        await early.commit()
        await early.close()
        await later
    finally:
        await engine.dispose()

    assert waiting
    delivered = await events(live, "1", 2)
    assert [e["node"]["firstName"] for e in delivered] == ["Took its ids first", "Waited"]  # type: ignore[index]


async def test_a_mutation_on_one_server_reaches_a_subscriber_on_another(env: Env) -> None:
    other = await Server(env.database_url).ready()
    try:
        acme = await env.account()
        client = await LiveClient.open(other, env.tokens["anna"])
        await client.subscribe("1", ACCOUNT_CHANGED, id=acme)

        carla = await env.contact(acme)  # through the first server

        assert (await client.next_data("1"))["accountChanged"]["nodeId"] == carla
    finally:
        other.stop()


async def test_a_cut_listen_connection_loses_and_doubles_nothing(env: Env) -> None:
    proxy = TcpProxy().start()
    listening = await Server(env.database_url, listen_database_url=proxy.url_for(env.database_url),
                             live_listen_check_seconds=0.5).ready()  # fmt: skip
    try:
        acme = await env.account()
        client = await LiveClient.open(listening, env.tokens["anna"])
        await client.subscribe("1", NAMES, id=acme)
        await env.contact(acme, "Before")
        assert (await client.next_data("1"))["accountChanged"]["node"]["firstName"] == "Before"

        proxy.down()  # the LISTEN connection is cut and cannot come back yet
        during = [await env.contact(acme, f"During {n}") for n in range(5)]
        proxy.up()
        after = await env.contact(acme, "After")

        got = await events(client, "1", 6)
        assert [e["nodeId"] for e in got] == [*during, after]
        assert proxy.connections_made >= 2  # it dialled again
    finally:
        listening.stop()
        proxy.stop()


async def test_a_restart_closes_with_1012_and_the_client_resumes_losing_nothing(env: Env) -> None:
    second = await Server(env.database_url).ready()
    try:
        acme = await env.account()
        client = await LiveClient.open(second, env.tokens["anna"])
        await client.subscribe("1", NAMES, id=acme)
        await env.contact(acme, "Seen")
        cursor = (await client.next_data("1"))["accountChanged"]["cursor"]

        second.stop()
        code = await client.close_code()
        missed = [await env.contact(acme, f"While down {n}") for n in range(3)]
        resumed = await env.client()  # the client reconnects to another server
        await resumed.subscribe("1", NAMES, id=acme, after=cursor)

        assert code == 1012
        assert [e["nodeId"] for e in await events(resumed, "1", 3)] == missed
    finally:
        second.stop()


async def test_a_hung_listen_connection_is_replaced_and_nothing_is_lost(env: Env) -> None:
    proxy = TcpProxy().start()
    listening = await Server(env.database_url, listen_database_url=proxy.url_for(env.database_url),
                             live_listen_check_seconds=0.5).ready()  # fmt: skip
    try:
        acme = await env.account()
        client = await LiveClient.open(listening, env.tokens["anna"])
        await client.subscribe("1", NAMES, id=acme)

        proxy.hold()  # the network drops everything silently: no error, no notification
        during = [await env.contact(acme, f"During {n}") for n in range(3)]
        for _ in range(200):  # the check finds the connection hung and dials again
            if proxy.connections_made >= 2:
                break
            await asyncio.sleep(0.1)
        redialled = proxy.connections_made >= 2
        proxy.release()
        after = await env.contact(acme, "After")

        got = await events(client, "1", 4)
        assert redialled
        assert [e["nodeId"] for e in got] == [*during, after]
    finally:
        listening.stop()
        proxy.stop()
