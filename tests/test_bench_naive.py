"""The naive eager-loading baseline (bench/naive) answers picture.graphql as plangraph does.

That equality is what makes "plangraph's throughput over the baseline's" a fair figure:
the baseline must build the same document, no less. SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from bench import clients
from bench.generate import generate
from bench.naive.server import create_app as naive_app
from resolvers.ids import to_global_id
from server import create_app
from settings import Settings


async def _answers(app: Any, token: str, pks: list[int]) -> list[dict[str, Any]]:
    transport = httpx.ASGITransport(app=app)
    headers = {"Authorization": f"Bearer {token}"}
    answers = []
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                     headers=headers) as client:  # fmt: skip
            for pk in pks:
                variables = {"id": to_global_id("Account", pk)}
                response = await client.post("/graphql", json={"query": clients.PICTURE,
                                                               "variables": variables})  # fmt: skip
                assert response.status_code == 200, response.text
                body = response.json()
                assert "errors" not in body, body["errors"]
                answers.append(body["data"])
    finally:
        await app.state.engine.dispose()
    return answers


def test_naive_baseline_builds_the_same_document_as_plangraph(database_url: str) -> None:
    generated = asyncio.run(generate(database_url, accounts=2, seed=1, progress=lambda _: None))
    pks = [1, 2, 3]  # 3 does not exist: both answer {"account": null}

    expected = asyncio.run(_answers(create_app(Settings(database_url=database_url)),
                                    generated.token, pks))  # fmt: skip
    actual = asyncio.run(_answers(naive_app(database_url), generated.token, pks))

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
                return await client.post("/graphql", json={"query": clients.PICTURE},
                                         headers={"Authorization": "Bearer pg_nope"})  # fmt: skip
        finally:
            await app.state.engine.dispose()

    assert asyncio.run(ask()).status_code == 401
