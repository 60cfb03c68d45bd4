"""Persisted documents: APQ over POST and GET, shared through the database; trusted documents."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from models import Account, PersistedDocument
from server import create_app
from settings import Settings
from tests.factories import Api, seed_users

ROOT = Path(__file__).resolve().parents[1]
VIEWER = "query Viewer { viewer { name } }"
CREATE = 'mutation { createAccount(input: {name: "Sneaky"}) { account { id } } }'
NOT_FOUND = {
    "errors": [
        {"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}
    ]
}


def sha(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def persisted(document: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha(document)}}


async def _post(client: httpx.AsyncClient, token: str, body: dict[str, Any]) -> httpx.Response:
    return await client.post("/graphql", json=body, headers={"Authorization": f"Bearer {token}"})


async def _get(client: httpx.AsyncClient, token: str, **params: Any) -> httpx.Response:
    query = {k: json.dumps(v) if isinstance(v, dict) else v for k, v in params.items()}
    return await client.get("/graphql", params=query, headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def engine(app_and_counter: tuple[Any, Any]) -> Any:
    return app_and_counter[0].state.engine


async def _stored(engine: Any) -> dict[str, str]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(PersistedDocument.sha256, PersistedDocument.document)
        )
        return {row[0]: row[1] for row in rows}


@pytest.fixture
async def second_app(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """Another server on the same database, as another worker or machine would be."""
    app = create_app(Settings(database_url=database_url, cost_bucket_max=0))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://other"
    ) as client:
        yield client
    await app.state.engine.dispose()


async def test_apq_over_post_registers_then_runs_by_hash(api: Api, engine: Any) -> None:
    token = api.tokens["anna"]
    unknown = await _post(api.client, token, {"extensions": persisted(VIEWER)})
    registered = await _post(api.client, token, {"query": VIEWER, "extensions": persisted(VIEWER)})
    by_hash = await _post(api.client, token, {"extensions": persisted(VIEWER)})

    assert (unknown.status_code, unknown.json()) == (200, NOT_FOUND)
    assert registered.json() == {"data": {"viewer": {"name": "Anna Manager"}}}
    assert by_hash.json() == {"data": {"viewer": {"name": "Anna Manager"}}}
    assert await _stored(engine) == {sha(VIEWER): VIEWER}


async def test_apq_over_get_with_variables(api: Api) -> None:
    token = api.tokens["anna"]
    document = "query Node($id: ID!) { node(id: $id) { id } }"
    variables = {"id": "nope"}
    unknown = await _get(api.client, token, extensions=persisted(document), variables=variables)
    registered = await _get(
        api.client, token, query=document, extensions=persisted(document), variables=variables
    )
    by_hash = await _get(api.client, token, extensions=persisted(document), variables=variables)

    assert (unknown.status_code, unknown.json()) == (200, NOT_FOUND)
    assert registered.json() == by_hash.json() == {"data": {"node": None}}
    assert by_hash.headers["etag"] == registered.headers["etag"]


async def test_a_document_registered_on_one_server_runs_on_another(
    api: Api, second_app: httpx.AsyncClient
) -> None:
    token = api.tokens["anna"]
    before = await _post(second_app, token, {"extensions": persisted(VIEWER)})
    await _post(api.client, token, {"query": VIEWER, "extensions": persisted(VIEWER)})

    after = await _post(second_app, token, {"extensions": persisted(VIEWER)})

    assert before.json() == NOT_FOUND  # the other server looked it up, and did not keep a miss
    assert after.json() == {"data": {"viewer": {"name": "Anna Manager"}}}


async def test_a_hash_that_does_not_match_the_query_is_refused_and_not_stored(
    api: Api, engine: Any
) -> None:
    response = await _post(
        api.client, api.tokens["anna"], {"query": CREATE, "extensions": persisted(VIEWER)}
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"
    assert await _stored(engine) == {}
    assert await _accounts(engine) == 0


async def test_an_invalid_document_is_answered_with_its_errors_and_not_stored(
    api: Api, engine: Any
) -> None:
    document = "{ viewer { shoeSize } }"
    response = await _post(
        api.client, api.tokens["anna"], {"query": document, "extensions": persisted(document)}
    )

    assert "shoeSize" in response.json()["errors"][0]["message"]
    assert await _stored(engine) == {}


@pytest.mark.parametrize("persist", [True, False])
async def test_a_document_with_a_nul_character_is_refused_and_not_stored(
    api: Api, engine: Any, persist: bool
) -> None:
    """U+0000 in a comment passes the lexer, but PostgreSQL's text cannot hold it: the
    registration failed as "database unavailable" (503). Refused up front, as a client's
    error, whether or not it asks to be persisted."""
    document = "query Viewer { viewer { name } } # a\x00b"
    body: dict[str, Any] = {"query": document}
    if persist:
        body["extensions"] = persisted(document)
    response = await _post(api.client, api.tokens["anna"], body)

    assert response.status_code == 400
    assert response.json()["errors"] == [{
        "message": "The document contains a NUL character (U+0000).",
        "extensions": {"code": "BAD_REQUEST"},
    }]  # fmt: skip
    assert await _stored(engine) == {}


@pytest.mark.parametrize(
    ("extensions", "message"),
    [
        ({"persistedQuery": {"version": 2, "sha256Hash": "0" * 64}}, "version must be 1"),
        ({"persistedQuery": {"version": 1, "sha256Hash": "abc"}}, "64 hexadecimal digits"),
        ({"persistedQuery": "yes"}, "version must be 1"),
        ("not an object", "'extensions' must be a JSON object"),
    ],
)
async def test_a_malformed_persisted_query_is_refused(
    api: Api, extensions: Any, message: str
) -> None:
    response = await _post(api.client, api.tokens["anna"], {"extensions": extensions})

    assert response.status_code == 400
    assert message in response.json()["errors"][0]["message"]


async def _accounts(engine: Any) -> int:
    async with engine.connect() as connection:
        return int((await connection.scalar(select(func.count()).select_from(Account))) or 0)


@pytest.fixture
async def trusted(
    tmp_path: Path, database_url: str
) -> AsyncIterator[tuple[httpx.AsyncClient, str, Any]]:
    manifest = tmp_path / "persisted-documents.json"
    manifest.write_text(json.dumps({sha(VIEWER): VIEWER}))
    app = create_app(
        Settings(database_url=database_url, trusted_documents=str(manifest), cost_bucket_max=0)
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        tokens = await seed_users(app.state.engine)
        yield client, tokens["admin"], app.state.engine
    await app.state.engine.dispose()


async def test_trusted_documents_run_by_hash_or_in_full(
    trusted: tuple[httpx.AsyncClient, str, Any],
) -> None:
    client, token, _ = trusted
    by_hash = await _post(client, token, {"extensions": persisted(VIEWER)})
    in_full = await _post(client, token, {"query": VIEWER})
    over_get = await _get(client, token, extensions=persisted(VIEWER))

    for response in (by_hash, in_full, over_get):
        assert response.json() == {"data": {"viewer": {"name": "Ada Admin"}}}


async def test_any_other_document_is_refused_and_never_runs(
    trusted: tuple[httpx.AsyncClient, str, Any],
) -> None:
    client, token, engine = trusted
    attempts: list[dict[str, Any]] = [
        {"query": CREATE},
        {"query": CREATE, "extensions": persisted(CREATE)},  # self-registration is off
        {"extensions": persisted(CREATE)},
        {"query": CREATE, "extensions": persisted(VIEWER)},
    ]

    responses = [await _post(client, token, body) for body in attempts]

    assert [r.status_code for r in responses] == [400, 400, 400, 400]
    assert [r.json()["errors"][0]["extensions"]["code"] for r in responses[:3]] == [
        "PERSISTED_QUERY_REQUIRED"
    ] * 3
    assert await _accounts(engine) == 0
    assert await _stored(engine) == {}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[1, 2]", "expected a non-empty JSON object"),
        ('{"abc": "{ viewer { name } }"}', "must be a SHA-256 hex key"),
        (json.dumps({"0" * 64: VIEWER}), "is not the SHA-256 of its document"),
        ("{", "cannot read it as JSON"),
    ],
)
def test_a_bad_manifest_is_refused_at_start_up(tmp_path: Path, content: str, reason: str) -> None:
    manifest = tmp_path / "manifest.json"
    manifest.write_text(content)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'never.db'}",
        "PLANGRAPH_TRUSTED_DOCUMENTS": str(manifest),
    }
    result = subprocess.run(
        [sys.executable, "server.py", "serve", "--port", "1"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip

    assert result.returncode == 2
    assert result.stderr.startswith("PLANGRAPH_TRUSTED_DOCUMENTS") and reason in result.stderr
    assert "Traceback" not in result.stderr


async def test_a_database_failure_during_the_lookup_is_a_clear_503(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def down(*args: Any) -> None:
        raise OSError("connection refused")

    monkeypatch.setattr("resolvers.persisted_documents.find", down)
    response = await _post(api.client, api.tokens["anna"], {"extensions": persisted(VIEWER)})

    assert response.status_code == 503
    assert response.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert "connection refused" not in response.text
