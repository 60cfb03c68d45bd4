"""The naive eager-loading baseline (bench/naive) answers picture_core.graphql (the picture
without the planning fields) as plangraph does.

That equality is what makes "plangraph's throughput over the baseline's" a fair figure:
the baseline must build the same document, no less. SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio

import httpx

from bench import clients
from bench.generate import generate
from bench.naive.server import create_app as naive_app
from server import create_app
from settings import Settings
from tests.factories import picture_answers


def test_naive_baseline_builds_the_same_document_as_plangraph(database_url: str) -> None:
    generated = asyncio.run(generate(database_url, accounts=2, seed=1, progress=lambda _: None))
    pks = [1, 2, 3]  # 3 does not exist: both answer {"account": null}

    app = create_app(Settings(database_url=database_url))
    expected = asyncio.run(picture_answers(app, generated.token, pks, clients.PICTURE_CORE))
    actual = asyncio.run(
        picture_answers(naive_app(database_url), generated.token, pks, clients.PICTURE_CORE)
    )

    first = expected[0]["account"]
    assert first["businessPlans"]["totalCount"] == 6  # annual + 5 contact plans
    assert first["activities"]["totalCount"] == 1005
    assert expected[2] == {"account": None}
    for pk, plangraph, naive in zip(pks, expected, actual, strict=True):
        assert naive == plangraph, f"account {pk}"


def test_naive_baseline_refuses_a_bad_token(database_url: str) -> None:
    async def ask() -> httpx.Response:
        app = naive_app(database_url)
        try:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                return await client.post(
                    "/graphql",
                    json={"query": clients.PICTURE},
                    headers={"Authorization": "Bearer pg_nope"},
                )
        finally:
            await app.state.engine.dispose()

    assert asyncio.run(ask()).status_code == 401
