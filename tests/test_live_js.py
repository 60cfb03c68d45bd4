"""The reference client: the `graphql-ws` JavaScript library, as the README uses it, resumes
after a server restart without losing or repeating an event (PostgreSQL: two servers)."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.live_support import WAIT, Server
from tests.test_live import Env, start

JS = Path(__file__).parent / "js"


@pytest.fixture
def node() -> str:
    found = shutil.which("node")
    if found is None or not (JS / "node_modules" / "graphql-ws").exists():
        pytest.skip("node and tests/js/node_modules are missing (`npm ci --prefix tests/js`; "
                    ".ci/run installs them)")  # fmt: skip
    return found


class Lines:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.seen: list[dict[str, Any]] = []

    async def until(self, wanted: str, count: int = 1) -> list[dict[str, Any]]:
        """Read until `count` lines with key `wanted` were seen in all."""
        assert self.process.stdout is not None
        while sum(1 for line in self.seen if wanted in line) < count:
            raw = await asyncio.wait_for(self.process.stdout.readline(), WAIT)
            assert raw, "the client exited"
            self.seen.append(json.loads(raw))
        return [line[wanted] for line in self.seen if wanted in line]


async def test_the_graphql_ws_client_resumes_after_a_restart(database_url: str, node: str) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("two servers on one database: PostgreSQL only")
    other, tokens = await start(database_url)
    env = Env(other, tokens, database_url)
    first = await Server(database_url).ready()
    acme = await env.account()
    process = await asyncio.create_subprocess_exec(
        node, str(JS / "resume.mjs"), first.ws, tokens["anna"], acme,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    lines = Lines(process)
    servers = [other, first]
    try:
        await lines.until("connected")
        warm = await live(lines, env, acme)  # the client has heard one event: it is live

        first.stop()  # a restart: the client is told 1012 and retries
        missed = [await env.contact(acme, f"While down {n}") for n in range(2)]
        servers.append(await Server(database_url, port=first.port).ready())
        after = await env.contact(acme, "After")

        events = await lines.until("event", warm + 3)
        assert [e["nodeId"] for e in events[warm:]] == [*missed, after]
        closed: list[Any] = await lines.until("closed")
        assert 1012 in closed
        assert len({e["cursor"] for e in events}) == len(events)
    finally:
        assert process.stdin is not None
        process.stdin.close()
        await asyncio.wait_for(process.wait(), WAIT)
        for server in servers:
            server.stop()


async def live(lines: Lines, env: Env, account: str) -> int:
    """Changes until the client reports one (it subscribes on its own time); how many it saw."""
    for n in range(20):
        await env.contact(account, f"Warm-up {n}")
        try:
            return len(await asyncio.wait_for(lines.until("event"), 2))
        except TimeoutError:
            continue
    raise AssertionError("the client never heard an event")
