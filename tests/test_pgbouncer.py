"""Behind a real PgBouncer in transaction pooling mode (two server connections shared by
every client connection): the planning picture on both read paths, a mutation, and a live
subscription (its LISTEN on a direct connection)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from bench import clients
from bench.generate import generate
from bench.pgbouncer import PgBouncer, pgbouncer_binary
from models.db import make_engine
from resolvers.ids import to_global_id
from server import create_app
from settings import Settings
from tests.factories import picture_answers

# One pytest-xdist process runs these (a PgBouncer pool):
# --dist loadgroup in pyproject.toml.
pytestmark = pytest.mark.xdist_group("many_connections")

CREATE = "mutation($n: String!) { createAccount(input: {name: $n}) { account { id name } } }"


@pytest.fixture
def bouncer(database_url: str) -> Iterator[PgBouncer]:
    if database_url.startswith("sqlite"):
        pytest.skip("PgBouncer pools PostgreSQL connections")
    if pgbouncer_binary() is None:
        pytest.skip("pgbouncer is not installed (apt-get install pgbouncer; .ci/run does)")
    with PgBouncer(pool_size=2) as running:
        yield running


async def test_picture_and_mutation_through_pgbouncer_in_transaction_mode(
    database_url: str, bouncer: PgBouncer, caplog: pytest.LogCaptureFixture
) -> None:
    generated = await generate(database_url, accounts=2, seed=1, progress=lambda _: None)
    direct = await picture_answers(create_app(Settings(database_url=database_url)),
                                   generated.token, [1])  # fmt: skip
    settings = Settings(database_url=bouncer.url_for(database_url), pgbouncer=True)
    app: Any = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    headers = {"Authorization": f"Bearer {generated.token}"}
    picture = {"query": clients.PICTURE, "variables": {"id": to_global_id("Account", 1)}}
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                     headers=headers) as client:  # fmt: skip
            with caplog.at_level(logging.INFO, logger="plangraph.requests"):
                seen = len(caplog.records)  # only these two requests' lines
                answers = [await client.post("/graphql", json=picture) for _ in range(2)]
            paths = [r.request.get("read_path") for r in caplog.records[seen:]  # type: ignore[attr-defined]
                     if r.name == "plangraph.requests"]  # fmt: skip
            # Ten at once over two server connections: statements of different clients
            # interleave on each server connection.
            at_once = await asyncio.gather(*[client.post("/graphql", json=picture)
                                             for _ in range(10)])  # fmt: skip
            created = await client.post(
                "/graphql", json={"query": CREATE, "variables": {"n": "Via PgBouncer"}}
            )
    finally:
        await app.state.engine.dispose()
    engine = make_engine(database_url)
    async with engine.connect() as connection:
        stored = (await connection.execute(
            text("SELECT count(*) FROM accounts WHERE name = 'Via PgBouncer'"))).scalar_one()  # fmt: skip
    await engine.dispose()

    assert paths == ["fast", "fast"]  # the fast path answers from a document's first request
    general = await picture_answers(
        create_app(Settings(database_url=bouncer.url_for(database_url), pgbouncer=True,
                            fast_path=False)), generated.token, [1])  # fmt: skip
    assert general == direct  # the general path's loaders through PgBouncer too
    for response in [*answers, *at_once]:
        assert response.status_code == 200, response.text
        assert response.json()["data"] == direct[0]
    assert direct[0]["account"]["businessPlans"]["totalCount"] == 6
    assert created.json()["data"]["createAccount"]["account"]["name"] == "Via PgBouncer"
    assert stored == 1


async def test_a_subscription_through_pgbouncer_hears_a_committed_mutation(
    database_url: str, bouncer: PgBouncer
) -> None:
    """Queries and mutations through PgBouncer, LISTEN on the direct connection: a real server."""
    from tests.factories import seed_users
    from tests.live_support import LiveClient, Server
    from tests.test_live import ACCOUNT_CHANGED, mutation

    engine = make_engine(database_url)
    tokens = await seed_users(engine)
    await engine.dispose()
    server = Server(bouncer.url_for(database_url), pgbouncer="true",
                    listen_database_url=database_url, cost_bucket_max=0)  # fmt: skip
    await server.ready()
    try:
        created = await server.post(tokens["anna"], mutation(
            "createAccount", "CreateAccountInput", "account"), {"i": {"name": "Acme"}})  # fmt: skip
        acme = created["createAccount"]["account"]["id"]
        client = await LiveClient.open(server, tokens["anna"])
        await client.subscribe("1", ACCOUNT_CHANGED, id=acme)
        await server.post(tokens["anna"], mutation(
            "createContact", "CreateContactInput", "contact"),
            {"i": {"firstName": "Carla", "lastName": "Contact", "accountIds": [acme]}})  # fmt: skip
        event = (await client.next_data("1"))["accountChanged"]
        await client.close()
    finally:
        server.stop()

    assert (event["kind"], event["node"]["firstName"]) == ("CREATED", "Carla")
