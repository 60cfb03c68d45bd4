"""The CORS allow-list applies to the live websocket too: browsers send Origin, never preflight."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from websockets.exceptions import InvalidStatus

from models.db import make_engine
from tests.factories import seed_users
from tests.live_support import LiveClient, Server

FRONT_END = "http://localhost:5173"
OTHER = "https://evil.example.net"


async def _serve(template: Path, folder: Path, origins: str) -> tuple[Server, str]:
    path = folder / "ws-cors.db"
    path.write_bytes(template.read_bytes())
    url = f"sqlite+aiosqlite:///{path}"
    engine = make_engine(url)
    try:
        tokens = await seed_users(engine)
    finally:
        await engine.dispose()
    return await Server(url, cors_origins=origins).ready(), tokens["anna"]


@pytest.fixture
async def listed(sqlite_template: Path, tmp_path: Path) -> AsyncIterator[tuple[Server, str]]:
    server, token = await _serve(
        sqlite_template, tmp_path, f"https://plans.example.com,{FRONT_END}"
    )
    try:
        yield server, token
    finally:
        server.stop()


async def _answer_to_init(server: Server, token: str, origin: str | None) -> dict[str, Any]:
    """The server's answer to connection_init on a socket opened with this Origin header."""
    options = {} if origin is None else {"origin": origin}
    client = await LiveClient.open(server, **options)
    await client.send({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
    answer = await client.receive()
    await client.close()
    return answer


@pytest.mark.parametrize("origin", [FRONT_END, None, "same"])
async def test_a_listed_origin_the_servers_own_and_a_non_browser_may_open_the_socket(
    listed: tuple[Server, str], origin: str | None
) -> None:
    server, token = listed
    own = server.http  # GraphiQL's page is served by the server itself

    answer = await _answer_to_init(server, token, own if origin == "same" else origin)

    assert answer == {"type": "connection_ack"}


@pytest.mark.parametrize("origin", [OTHER, "null", "http://localhost:5174"])
async def test_another_origins_handshake_is_refused_with_403(
    listed: tuple[Server, str], origin: str
) -> None:
    server, token = listed

    with pytest.raises(InvalidStatus) as refused:
        await LiveClient.open(server, token, origin=origin)

    assert refused.value.response.status_code == 403
    assert server.process.poll() is None


async def test_without_a_list_any_origin_may_open_the_socket(
    sqlite_template: Path, tmp_path: Path
) -> None:
    server, token = await _serve(sqlite_template, tmp_path, "")
    try:
        assert await _answer_to_init(server, token, OTHER) == {"type": "connection_ack"}
    finally:
        server.stop()


async def test_the_servers_host_on_another_port_is_another_origin(
    listed: tuple[Server, str],
) -> None:
    server, token = listed

    with pytest.raises(InvalidStatus) as refused:
        await LiveClient.open(server, token, origin=f"http://127.0.0.1:{server.port + 1}")

    assert refused.value.response.status_code == 403
