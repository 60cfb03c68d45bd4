"""A real client in a real browser: urql with persisted queries from another origin, and GraphiQL.

The server runs as its own process on the demo data; the client page is served from a second
origin; Debian's Chromium, driven by playwright-core (web/browser-test/drive.mjs), does the rest.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.tcp_proxy import free_port

# One pytest-xdist process runs these (one Chromium and one server for the module):
# --dist loadgroup in pyproject.toml.
pytestmark = pytest.mark.xdist_group("browser")

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "web"
CHROMIUM = os.environ.get("PLANGRAPH_CHROMIUM", "/usr/bin/chromium")
REQUIRE = os.environ.get("PLANGRAPH_REQUIRE_BROWSER") == "1"


def _missing() -> list[str]:
    missing = []
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    if shutil.which("node") is None:
        missing.append("node (apt-get install nodejs npm)")
    for package in ("playwright-core", "esbuild", "@urql/core", "graphiql"):
        if not (WEB / "node_modules" / package).is_dir():
            missing.append(f"web/node_modules/{package} (cd web && npm ci)")
    return missing


@pytest.fixture(scope="module", autouse=True)
def _browser_installed() -> None:
    missing = _missing()
    if missing:
        message = "browser tests need " + ", ".join(missing)
        if REQUIRE:
            pytest.fail(message + " (PLANGRAPH_REQUIRE_BROWSER=1)", pytrace=False)
        pytest.skip(message)


class Server:
    def __init__(self, port: int, tokens: dict[str, str], database: Path) -> None:
        self.url = f"http://127.0.0.1:{port}/graphql"
        self.tokens = tokens
        self.database = database

    def ask(self, email: str, query: str) -> dict[str, Any]:
        response = httpx.post(
            self.url, json={"query": query},
            headers={"Authorization": f"Bearer {self.tokens[email]}"}, timeout=30,
        )  # fmt: skip
        data: dict[str, Any] = response.json()["data"]
        return data


@pytest.fixture(scope="module")
def page_origin() -> Iterator[str]:
    """A second origin serving the client page (index.html and its esbuild bundle)."""
    site = Path(os.environ.get("TMPDIR", "/tmp")) / f"plangraph-client-{os.getpid()}"
    site.mkdir(exist_ok=True)
    shutil.copy(WEB / "browser-test" / "index.html", site / "index.html")
    subprocess.run(
        [str(WEB / "node_modules" / ".bin" / "esbuild"), "browser-test/client.js", "--bundle",
         "--format=iife", f"--outfile={site / 'client.bundle.js'}", "--log-level=warning"],
        cwd=WEB, check=True, timeout=120,
    )  # fmt: skip
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://localhost:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        shutil.rmtree(site, ignore_errors=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server(page_origin: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`server.py serve --demo` on a fresh SQLite file, open to the page's origin only."""
    folder = tmp_path_factory.mktemp("browser")
    database, log = folder / "demo.db", folder / "serve.log"
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{database}",
           "PLANGRAPH_CORS_ORIGINS": page_origin}  # fmt: skip
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "server.py", "serve", "--demo", "--port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        _wait_for_health(port, process, log)
        tokens = dict(re.findall(r"^\s+(\S+@example\.com)\s+(\S+)$", log.read_text(), re.M))
        yield Server(port, tokens, database)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for_health(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped: {log.read_text()}", pytrace=False)
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    pytest.fail(f"the server did not answer within 120 s: {log.read_text()}", pytrace=False)


def _readme_graphql(marker: str) -> str:
    """The README's GraphQL block containing `marker` (the examples are tested as written)."""
    blocks: list[str] = re.findall(r"```graphql\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    return next(b for b in blocks if marker in b)


@pytest.fixture(scope="module")
def seen(server: Server, page_origin: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """What Chromium saw in the two scenarios (one browser run for the whole module)."""
    maria = "maria.keller@example.com"
    mueller = server.ask(maria, '{ accounts(search: "Müller") { nodes { id name '
                         "businessPlans { nodes { id name } } } } }")  # fmt: skip
    account = mueller["accounts"]["nodes"][0]
    plan_id = next(p["id"] for p in account["businessPlans"]["nodes"]
                   if p["name"] == "Müller Bäckerei 2027")  # fmt: skip
    drafts = server.ask(maria, "{ businessPlans(status: [DRAFT]) { nodes { id name status } } }")
    # Returned to draft by Rita in the demo data; a sub-plan of Globex 2027, so in its picture.
    dach_plan = next(p for p in drafts["businessPlans"]["nodes"] if p["name"].endswith("DACH"))
    folder = tmp_path_factory.mktemp("graphiql")
    query_file, subscription_file = folder / "picture.graphql", folder / "live.graphql"
    query_file.write_text(_readme_graphql('account(id: "QWNjb3VudDox")'))
    subscription_file.write_text(_readme_graphql('accountChanged(accountId: "QWNjb3VudDox")'))
    page = httpx.URL(page_origin).copy_with(
        params={"api": server.url, "token": server.tokens[maria], "account": account["id"]}
    )
    result = subprocess.run(
        ["node", "browser-test/drive.mjs", str(page), plan_id, server.url,
         server.tokens[maria], str(query_file), str(subscription_file), dach_plan["id"]],
        cwd=WEB, capture_output=True, text=True, timeout=300,
        env={**os.environ, "CHROMIUM": CHROMIUM},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.splitlines()[-1])
    return {"plan_id": plan_id, "account": account, "dach": dach_plan, **seen}


def test_the_client_page_shows_the_picture_and_submits_the_plan(seen: Any) -> None:
    client = seen["client"]

    assert client["problems"] == []
    assert client["account"] == "Müller Bäckerei GmbH"
    assert (client["before"], client["after"], client["message"]) == (
        "DRAFT", "SUBMITTED", "Submitted",
    )  # fmt: skip


def test_the_server_stored_the_plan_and_the_persisted_documents(seen: Any, server: Server) -> None:
    plan = server.ask(
        "maria.keller@example.com",
        f'{{ node(id: "{seen["plan_id"]}") {{ ... on BusinessPlan {{ status }} }} }}',
    )
    with contextlib.closing(sqlite3.connect(server.database)) as connection:
        documents = [
            row[0] for row in connection.execute("SELECT document FROM persisted_documents")
        ]

    assert plan == {"node": {"status": "SUBMITTED"}}
    assert any("query AccountPicture" in d for d in documents)
    assert any("mutation SubmitPlan" in d for d in documents)


def test_after_a_refresh_the_picture_is_read_by_its_hash_alone_over_get(
    seen: Any, server: Server
) -> None:
    first, refresh = seen["client"]["firstVisit"], seen["client"]["requests"]
    to_api = [r for r in refresh if server.url in r]

    assert f"POST {server.url}" in first  # the mutation
    assert seen["client"]["afterRefresh"] == "SUBMITTED"
    assert len(to_api) == 1 and to_api[0].startswith(f"GET {server.url}?")
    assert "extensions=" in to_api[0] and "query=" not in to_api[0]


def test_graphiql_runs_the_readme_picture_with_a_token_from_the_headers_tab(
    seen: Any, server: Server
) -> None:
    graphiql = seen["graphiql"]
    answer = json.loads(graphiql["response"])

    assert graphiql["problems"] == []
    assert answer["data"]["account"]["name"] == "Globex Holding"
    assert "Globex Holding" in graphiql["visible"]
    origin = server.url.removesuffix("/graphql")
    assert all(r.split(" ", 1)[1].startswith(origin) for r in graphiql["requests"])


def test_the_client_page_receives_the_live_event_of_the_plan_it_submitted(
    seen: Any, server: Server, page_origin: str
) -> None:
    client, plan_id = seen["client"], seen["plan_id"]
    status_changes = [e for e in client["events"] if e["kind"] == "STATUS_CHANGED"]
    ws_url = server.url.replace("http://", "ws://")

    assert status_changes == [
        {"kind": "STATUS_CHANGED", "nodeId": plan_id,
         "text": f"STATUS_CHANGED {plan_id} by Maria Keller"},
    ]  # fmt: skip
    assert client["moves"] == [{"planId": plan_id, "text": "Müller Bäckerei 2027 is now SUBMITTED"}]
    # Both subscriptions share one socket, from the page's origin (on the CORS list).
    assert client["sockets"] == [
        {
            "url": ws_url,
            "payload": {"Authorization": f"Bearer {server.tokens['maria.keller@example.com']}"},
        }
    ]


def test_graphiql_runs_the_readme_subscription_and_shows_a_status_change_made_over_http(
    seen: Any, server: Server
) -> None:
    live, dach = seen["graphiqlLive"], seen["dach"]
    event = json.loads(live["response"])["data"]["accountChanged"]

    assert live["problems"] == []
    assert live["mutation"]["data"]["changeBusinessPlanStatus"] == {
        "businessPlan": {"status": "SUBMITTED"}, "userErrors": [],
    }  # fmt: skip
    assert (event["kind"], event["nodeId"]) == ("STATUS_CHANGED", dach["id"])
    assert event["node"] == {"id": dach["id"], "name": dach["name"], "status": "SUBMITTED"}
    assert event["changedBy"] == {"name": "Maria Keller"}
    assert "STATUS_CHANGED" in live["visible"]
    assert [s["url"] for s in live["sockets"]] == [server.url.replace("http://", "ws://")]
    origin = server.url.removesuffix("/graphql")
    assert all(r.split(" ", 1)[1].startswith(origin) for r in live["requests"])


def test_the_page_on_an_origin_not_listed_can_neither_read_nor_open_the_socket(seen: Any) -> None:
    stranger = seen["stranger"]

    assert stranger["message"].startswith("Error: [Network]")  # CORS kept the answer from it
    assert stranger["opened"] >= 1  # it tried
    assert stranger["received"] == []  # refused at the handshake: not even connection_ack
    assert stranger["socketErrors"] and all("403" in e for e in stranger["socketErrors"])
