"""CORS: the listed origins may call the API from a browser; any other origin gets nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from server import create_app
from settings import Settings
from tests.factories import seed_users

ROOT = Path(__file__).resolve().parents[1]
FRONT_END = "http://localhost:5173"
OTHER = "https://evil.example.net"
PREFLIGHT = {
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type",
}


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "cors.db"
    path.write_bytes(sqlite_template.read_bytes())
    return f"sqlite+aiosqlite:///{path}"


async def _client(url: str, origins: str) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    app = create_app(Settings(database_url=url, cors_origins=origins, cost_bucket_max=0))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        tokens = await seed_users(app.state.engine)
        yield client, tokens["anna"]
    await app.state.engine.dispose()


@pytest.fixture
async def cors(sqlite_url: str) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    async for pair in _client(sqlite_url, f"https://plans.example.com, {FRONT_END}"):
        yield pair


@pytest.fixture
async def no_cors(sqlite_url: str) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    async for pair in _client(sqlite_url, ""):
        yield pair


def _cors_headers(response: httpx.Response) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k.startswith("access-control-allow")}


async def test_an_allowed_origins_preflight_is_granted(cors: tuple[httpx.AsyncClient, str]) -> None:
    client, _ = cors
    response = await client.options("/graphql", headers={"Origin": FRONT_END, **PREFLIGHT})

    assert response.status_code == 204
    assert _cors_headers(response) == {
        "access-control-allow-origin": FRONT_END,
        "access-control-allow-methods": "GET, POST, OPTIONS",
        "access-control-allow-headers": "authorization, content-type, x-plangraph-csrf",
    }
    assert response.headers["vary"] == "Origin"
    assert int(response.headers["access-control-max-age"]) > 0


async def test_another_origins_preflight_gets_no_allow_header(
    cors: tuple[httpx.AsyncClient, str],
) -> None:
    client, _ = cors
    response = await client.options("/graphql", headers={"Origin": OTHER, **PREFLIGHT})

    assert response.status_code == 405
    assert _cors_headers(response) == {}
    assert "Origin" in response.headers["vary"]


async def test_an_allowed_origin_may_read_the_answer(cors: tuple[httpx.AsyncClient, str]) -> None:
    client, token = cors
    response = await client.post(
        "/graphql", json={"query": "{ viewer { name } }"},
        headers={"Origin": FRONT_END, "Authorization": f"Bearer {token}"},
    )  # fmt: skip

    assert response.json()["data"] == {"viewer": {"name": "Anna Manager"}}  # (+ cost report)
    assert _cors_headers(response) == {"access-control-allow-origin": FRONT_END}
    assert "etag" in response.headers["access-control-expose-headers"]
    assert "Origin" in response.headers["vary"]


async def test_another_origin_gets_no_allow_header(cors: tuple[httpx.AsyncClient, str]) -> None:
    client, token = cors
    response = await client.post(
        "/graphql", json={"query": "{ viewer { name } }"},
        headers={"Origin": OTHER, "Authorization": f"Bearer {token}"},
    )  # fmt: skip

    assert _cors_headers(response) == {}
    assert "access-control-expose-headers" not in response.headers


async def test_the_csrf_rules_stay_for_allowed_origins(cors: tuple[httpx.AsyncClient, str]) -> None:
    client, token = cors
    form = await client.post(
        "/graphql", content='{"query": "{ viewer { name } }"}',
        headers={"Origin": FRONT_END, "Content-Type": "text/plain",
                 "Authorization": f"Bearer {token}"},
    )  # fmt: skip
    bare_get = await client.get(
        "/graphql", params={"query": "{ viewer { name } }"}, headers={"Origin": FRONT_END}
    )

    assert form.status_code == 415
    assert bare_get.json()["errors"][0]["extensions"]["code"] == "CSRF_HEADER_REQUIRED"


async def test_without_origins_there_are_no_cors_headers(
    no_cors: tuple[httpx.AsyncClient, str],
) -> None:
    client, token = no_cors
    preflight = await client.options("/graphql", headers={"Origin": FRONT_END, **PREFLIGHT})
    post = await client.post(
        "/graphql", json={"query": "{ viewer { name } }"},
        headers={"Origin": FRONT_END, "Authorization": f"Bearer {token}"},
    )  # fmt: skip

    assert preflight.status_code == 405
    assert _cors_headers(preflight) == {} and _cors_headers(post) == {}
    assert "Origin" not in post.headers.get("vary", "")


@pytest.mark.parametrize("bad", ["*", "https://*.example.com", "https://plans.example.com/"])
def test_a_wildcard_or_a_non_origin_is_refused_at_start_up(bad: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'never.db'}",
        "PLANGRAPH_CORS_ORIGINS": f"http://localhost:5173,{bad}",
    }
    result = subprocess.run(
        [sys.executable, "server.py", "serve", "--port", "1"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip

    assert result.returncode == 2
    assert result.stderr.startswith("PLANGRAPH_CORS_ORIGINS: ")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "never.db").exists()
    with pytest.raises(ValueError, match="PLANGRAPH_CORS_ORIGINS"):
        create_app(Settings(database_url="sqlite+aiosqlite://", cors_origins=bad))
