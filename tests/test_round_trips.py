"""What reaches PostgreSQL per read request, counted on the wire (tests/tcp_proxy.py reads the
frontend protocol between the app and the server): a fast-path picture is exactly one
statement, with no BEGIN/ROLLBACK around it and no ping before it; writes keep their
transactions; a connection that died in the pool costs no failed request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from models.db import make_engine
from server import create_app
from settings import Settings
from tests import factories as f
from tests.factories import Api, seed_users
from tests.tcp_proxy import TcpProxy

PICTURE = (Path(__file__).parent.parent / "bench" / "queries" / "picture.graphql").read_text()
WARM_UP = "{ viewer { name } }"  # signs in (the token is then remembered) and opens a connection


@dataclass
class Wire:
    api: Api
    proxy: TcpProxy
    app: Any

    async def statements_of(self, query: str, variables: dict[str, Any]) -> list[str]:
        """The statements the server received while the app answered one request (with what
        its response ran once sent: the ASGI call ends after it)."""
        self.proxy.statements.clear()
        await self.api.ok(query, variables)
        return list(self.proxy.statements)


@pytest.fixture
async def wire(database_url: str) -> AsyncIterator[Wire]:
    if database_url.startswith("sqlite"):
        pytest.skip("round trips to a database server: PostgreSQL only")
    proxy = TcpProxy().start()
    real: AsyncEngine = make_engine(database_url)
    # Fair use off: on PostgreSQL its shared budget is one more statement per request
    # (ops/fair_use.py), counted by tests/test_fair_use.py; here only the read's own. The
    # token and the revocation marker are read once: on a slow machine a request must not
    # find them due again (10 s and 1 s by default) and count their look-ups as its own.
    settings = Settings(
        database_url=proxy.url_for(database_url), fast_path_strict=True, cost_bucket_max=0,
        token_cache_seconds=3600, revocation_check_seconds=3600,
    )  # fmt: skip
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    try:
        tokens = await seed_users(real)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield Wire(Api(client, tokens, None, as_user="admin"), proxy, app)
    finally:
        await app.state.engine.dispose()
        await real.dispose()
        proxy.stop()


async def _an_account(api: Api) -> str:
    year = await f.period(api)
    acme = await f.account(api, "Acme")
    adams = await f.contact(api, "A", "Adams", accountIds=[acme])
    plan = await f.plan(api, "Annual", year, accountIds=[acme], contactIds=[adams])
    await api.create(
        "createOpportunity",
        {
            "name": "Deal",
            "accountId": acme,
            "stage": "CLOSED_WON",
            "planIds": [plan],
            "amount": {"amount": "10.00", "currency": "USD"},
        },
    )
    await api.create("createActivity", {"type": "CALL", "subject": "Hi", "accountId": acme})
    return acme


async def test_the_first_picture_request_is_one_statement_on_the_wire(wire: Wire) -> None:
    """A new document is checked once and answered by the fast path from its first request,
    in one statement. Its first request in a server process also records it, once, for the
    start-up of the servers to come (schema/served.py): a transaction of its own, once the
    response is sent."""
    acme = await _an_account(wire.api)
    await wire.api.ok(WARM_UP)

    first = await wire.statements_of(PICTURE, {"id": acme})
    again = await wire.statements_of(PICTURE, {"id": acme})

    # The document, and beside it the exchange rates when it needs them (the picture's
    # revenue roll-ups may): one statement (resolvers/fastpath/compile.py _with_rates).
    assert first[0].startswith("SELECT answer"), first[0][:200]
    assert "json_build_object('data'" in first[0] and "exchange_rates" in first[0]
    # (On the bookkeeping pool, models/db.py make_bookkeeping_engine: a plain BEGIN there.)
    kinds = [" ".join(statement.rstrip(";").split()[:3]).upper() for statement in first[1:]]
    assert kinds == ["BEGIN", "INSERT INTO SERVED_DOCUMENTS",
                     "DELETE FROM SERVED_DOCUMENTS", "COMMIT"], kinds  # fmt: skip
    assert again == first[:1], [s[:80] for s in again]


async def test_a_write_keeps_its_transaction(wire: Wire) -> None:
    await wire.api.ok(WARM_UP)
    sent = await wire.statements_of(
        'mutation { createAccount(input: {name: "Tx"}) { account { id } } }', {}
    )
    kinds = [statement.split(None, 1)[0].upper().rstrip(";") for statement in sent]
    # The write in its transaction; then the payload's read, with none around it.
    assert kinds[:2] == ["BEGIN", "INSERT"], kinds
    assert kinds.index("COMMIT") > 1 and kinds.count("BEGIN") == 1, kinds
    assert kinds[-1] == "SELECT", kinds


async def test_a_connection_that_died_in_the_pool_costs_no_failed_read(wire: Wire) -> None:
    acme = await _an_account(wire.api)
    await wire.api.ok(WARM_UP)
    first = await wire.api.ok(PICTURE, {"id": acme})
    wire.proxy.cut()  # the server restarted while the pool held idle connections

    again = await wire.api.ok(PICTURE, {"id": acme})  # api.ok: no error in the answer

    assert again == first, [s[:80] for s in again]
