"""Bounds of the live endpoint: init timeout, subscriptions per connection and user, the query
cost budget, and a slow consumer cut off before its queue grows without limit."""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from models import AccountContact, Contact
from models.db import make_engine, make_sessionmaker
from resolvers.ids import pk_of
from tests.live_support import LiveClient
from tests.test_live import ACCOUNT_CHANGED, Env, start

EnvFactory = Callable[..., Any]


@asynccontextmanager
async def running(database_url: str, **settings: Any) -> AsyncIterator[Env]:
    server, tokens = await start(database_url, **settings)
    try:
        yield Env(server, tokens, database_url)
    finally:
        server.stop()


async def test_no_connection_init_in_time_closes_with_4408(database_url: str) -> None:
    async with running(database_url, live_init_timeout_seconds=0.3) as env:
        client = await LiveClient.open(env.server)

        assert await client.close_code() == 4408


async def test_subscriptions_are_bounded_per_connection_and_per_user(database_url: str) -> None:
    limits = {"live_max_subscriptions_per_connection": 2, "live_max_subscriptions_per_user": 3}
    async with running(database_url, **limits) as env:
        acme = await env.account()
        one, two = await env.client(), await env.client()
        for op_id in ("a", "b", "c"):
            await one.subscribe(op_id, ACCOUNT_CHANGED, id=acme)
        refused_on_connection = await one.receive()
        await two.subscribe("d", ACCOUNT_CHANGED, id=acme)
        await two.subscribe("e", ACCOUNT_CHANGED, id=acme)
        refused_for_user = await two.receive()
        await one.send({"id": "a", "type": "complete"})
        await two.subscribe("f", ACCOUNT_CHANGED, id=acme)  # a place is free again
        await env.contact(acme)

        assert refused_on_connection["id"] == "c" and refused_on_connection["type"] == "error"
        assert refused_on_connection["payload"][0]["extensions"]["code"] == "TOO_MANY_SUBSCRIPTIONS"
        assert refused_for_user["id"] == "e"
        assert "per user" in refused_for_user["payload"][0]["message"]
        got = {(await two.receive())["id"], (await two.receive())["id"]}
        assert got == {"d", "f"}


async def test_the_query_cost_budget_applies_to_the_selection(database_url: str) -> None:
    async with running(database_url, max_query_cost=100) as env:
        acme = await env.account()
        client = await env.client()
        costly = """subscription($id: ID!) { accountChanged(accountId: $id) {
          account { contacts(first: 500) { nodes { firstName } } } } }"""

        await client.subscribe("1", costly, id=acme)

        message = await client.receive()
        assert message["type"] == "error"
        assert message["payload"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"


async def test_a_query_or_a_mutation_over_the_socket_is_refused_by_name(database_url: str) -> None:
    """graphql-ws lets a client send any operation; here only subscriptions run, and the
    others get an error that says so (not an internal error), run nothing and write nothing;
    the connection goes on."""
    async with running(database_url) as env:
        acme = await env.account()
        client = await env.client()
        documents = {
            "q": ("query { viewer { name } }", None),
            "m": ('mutation { createAccount(input: {name: "Over WS"}) { account { id } } }', None),
            "two": ("query A { viewer { name } } subscription B { accountChanged(accountId: "
                    '"x") { cursor } }', "A"),
        }  # fmt: skip
        for op_id, (query, name) in documents.items():
            await client.send({"id": op_id, "type": "subscribe",
                               "payload": {"query": query, "operationName": name}})  # fmt: skip
        refused = [await client.receive() for _ in documents]
        await client.subscribe("s", ACCOUNT_CHANGED, id=acme)
        await env.contact(acme)

        assert [m["id"] for m in refused] == ["q", "m", "two"]
        for message, kind in zip(refused, ("query", "mutation", "query"), strict=True):
            assert message["type"] == "error"
            (error,) = message["payload"]
            assert error["extensions"] == {"code": "OPERATION_NOT_SUPPORTED"}
            assert f"send this {kind} over HTTP" in error["message"]
        assert (await client.receive())["id"] == "s"  # the connection goes on
        data = await env.server.post(env.tokens["anna"], "{ accounts { nodes { name } } }", {})
        assert [a["name"] for a in data["accounts"]["nodes"]] == ["Acme"]


BIG = """subscription($id: ID!) { accountChanged(accountId: $id) { cursor
  account { contacts(first: 100) { nodes { firstName lastName email } } } } }"""


async def test_a_client_that_stops_reading_is_disconnected(database_url: str) -> None:
    # The bound is on the bytes written that the client has not taken (the queue of messages
    # is only for an ASGI server without the direct send): 150 answers of 60 KB pass it.
    async with running(database_url, live_max_buffered_bytes=100_000) as env:
        acme = await env.account()
        await add_contacts(database_url, acme, 100)  # each event's answer is about 60 KB
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.connect(("127.0.0.1", env.server.port))
        protocols: list[Any] = ["graphql-transport-ws"]
        slow = LiveClient(
            await connect(env.server.ws, sock=sock, max_queue=1, subprotocols=protocols)
        )
        await slow.send({"type": "connection_init",
                         "payload": {"Authorization": f"Bearer {env.tokens['anna']}"}})  # fmt: skip
        assert await slow.receive() == {"type": "connection_ack"}
        await slow.subscribe("1", BIG, id=acme)
        made = 150
        for n in range(made):  # the client reads nothing meanwhile
            await env.contact(acme, f"Reader {n}")

        received, code = 0, None
        try:
            while True:
                await slow.receive()
                received += 1
        except ConnectionClosed as closed:
            code = closed.rcvd.code if closed.rcvd is not None else None

        assert code == 1013
        assert received < made


async def add_contacts(database_url: str, account_id: str, count: int) -> None:
    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine).begin() as session:
            for _ in range(count):
                # Random text: compression (permessage-deflate) must not shrink the answers.
                contact = Contact(first_name=os.urandom(95).hex(), last_name=os.urandom(95).hex(),
                                  email=f"{os.urandom(95).hex()}@example.com")  # fmt: skip
                session.add(contact)
                await session.flush()
                session.add(AccountContact(account_id=pk_of(account_id, "Account"),
                                           contact_id=contact.id))  # fmt: skip
    finally:
        await engine.dispose()
