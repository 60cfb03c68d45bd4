"""/metrics in Prometheus text, read with prometheus_client's own parser: per request, per
read path, SQL statements, and sums over the workers of `serve --workers 2`."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families

from server import create_app, create_token, create_user
from settings import Settings
from tests.factories import Api
from tests.tcp_proxy import free_port

# One pytest-xdist process runs these (servers of several workers):
# --dist loadgroup in pyproject.toml.
pytestmark = pytest.mark.xdist_group("many_connections")

ROOT = Path(__file__).resolve().parents[1]
ACCOUNTS = "query Accounts { accounts(first: 3) { nodes { name } } }"
CREATE = 'mutation Create { createAccount(input: {name: "Acme"}) { account { id } } }'


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of a /metrics page by (name, labels)."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(page: dict[Any, float], name: str, **labels: str) -> float:
    return page.get((name, frozenset(labels.items())), 0.0)


async def test_requests_read_paths_and_sql_statements_are_counted(api: Api) -> None:
    before = samples((await api.client.get("/metrics")).text)
    await api.ok(ACCOUNTS)  # the fast path answers, from a document's first request
    await api.ok(ACCOUNTS)
    await api.ok(CREATE)
    refused = await api.client.post("/graphql", json={"query": ACCOUNTS})
    response = await api.client.get("/metrics")
    after = samples(response.text)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert refused.status_code == 401
    assert response.headers["content-type"].startswith("text/plain")
    requests = "plangraph_requests_total"
    assert delta(requests, operation_name="Accounts", operation_type="query", outcome="ok") == 2
    assert delta(requests, operation_name="Create", operation_type="mutation", outcome="ok") == 1
    assert delta(requests, operation_name="", operation_type="none", outcome="refused") == 1
    assert delta("plangraph_read_path_total", read_path="fast") == 2
    assert delta("plangraph_read_path_total", read_path="general") == 1  # the mutation
    assert delta("plangraph_read_path_total", read_path="none") == 1
    latency = "plangraph_request_duration_seconds_count"
    assert delta(latency, operation_type="query", read_path="fast") == 2
    assert delta("plangraph_sql_statements_per_request_count") == 4
    assert delta("plangraph_sql_statements_per_request_sum") >= 3  # the create writes
    assert ("plangraph_db_pool_in_use", frozenset()) in after
    assert ("plangraph_subscriptions_open", frozenset()) in after
    assert ("plangraph_event_delivery_lag_seconds_count", frozenset()) in after


async def test_metrics_behind_their_own_token(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url, metrics_token="s3cret"))
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            anonymous = await client.get("/metrics")
            wrong = await client.get("/metrics", headers={"Authorization": "Bearer nope"})
            right = await client.get("/metrics", headers={"Authorization": "Bearer s3cret"})
    finally:
        await app.state.engine.dispose()

    assert anonymous.status_code == 401 and wrong.status_code == 401
    assert "s3cret" not in wrong.text
    assert right.status_code == 200 and "plangraph_requests_total" in right.text


def _wait_live(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health/live", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


def test_two_workers_report_the_sums(database_url: str, tmp_path: Path) -> None:
    if "sqlite" in database_url:
        pytest.skip("several workers need PostgreSQL: serve refuses --workers on SQLite")
    url = database_url
    asyncio.run(create_user(url, "eve@example.com", "Eve", "admin"))
    token = asyncio.run(create_token(url, "eve@example.com"))
    directory = tmp_path / "prometheus"
    directory.mkdir()
    env = {**os.environ, "DATABASE_URL": url, "PROMETHEUS_MULTIPROC_DIR": str(directory)}
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "server.py", "serve", "--workers", "2", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait_live(port, server)
        for _ in range(20):  # a new connection each: the kernel spreads them over the workers
            response = httpx.post(f"http://127.0.0.1:{port}/graphql", json={"query": ACCOUNTS},
                                  headers={"Authorization": f"Bearer {token}"})  # fmt: skip
            assert response.status_code == 200
        pages = [samples(httpx.get(f"http://127.0.0.1:{port}/metrics").text) for _ in range(6)]
    finally:
        server.terminate()
        exit_code = server.wait(timeout=60)

    labels = {"operation_name": "Accounts", "operation_type": "query", "outcome": "ok"}
    assert [value(page, "plangraph_requests_total", **labels) for page in pages] == [20.0] * 6
    per_worker = [_requests_of(path) for path in directory.glob("counter_*.db")]
    assert len([n for n in per_worker if n > 0]) == 2, per_worker  # both served, sums reported
    assert sum(per_worker) == 20
    assert exit_code == 0


def _requests_of(path: Path) -> float:
    """One worker's own count of requests, from its file alone."""
    merged = MultiProcessCollector.merge([str(path)], accumulate=True)  # type: ignore[no-untyped-call]
    total: float = sum(
        s.value for m in merged for s in m.samples if s.name == "plangraph_requests_total"
    )
    return total
