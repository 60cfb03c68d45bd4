"""Prometheus metrics: every metric plangraph exports, and /metrics.

With `serve --workers N` each worker writes its numbers to files in PROMETHEUS_MULTIPROC_DIR
(set up by `serve`, before any worker imports prometheus_client), and /metrics, whichever
worker answers it, reports the sums over all workers. A single process needs nothing.

API for other modules (the live-updates engineer drives the last two):

    SUBSCRIPTIONS_OPEN.inc() / .dec()            # a subscription opened / closed
    EVENT_DELIVERY_LAG.observe(seconds)          # commit of a change -> frame sent to a client
    REQUESTS.labels(operation_name, operation_type, outcome).inc()   # ops/requests.py does it
"""

from __future__ import annotations

import hmac
import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"
# Metrics of a single process live here (not in prometheus_client's global registry, so that
# importing this module twice, or a library that registers its own, never collides).
REGISTRY = CollectorRegistry(auto_describe=True)

REQUESTS = Counter(
    "plangraph_requests", "GraphQL requests by operation name, operation type and outcome",
    ["operation_name", "operation_type", "outcome"], registry=REGISTRY,
)  # fmt: skip
REQUEST_SECONDS = Histogram(
    "plangraph_request_duration_seconds", "Time from the request to the response",
    ["operation_type", "read_path"], registry=REGISTRY,
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30),
)  # fmt: skip
READ_PATH = Counter(
    "plangraph_read_path", "Requests answered by the fast path (one compiled SQL statement) "
    "or the general path (strawberry); none: refused before either ran",
    ["read_path"], registry=REGISTRY,
)  # fmt: skip
SQL_STATEMENTS = Histogram(
    "plangraph_sql_statements_per_request", "SQL statements a request sent",
    registry=REGISTRY, buckets=(0, 1, 2, 3, 5, 10, 20, 50, 100, 200, 500),
)  # fmt: skip
POOL_IN_USE = Gauge(
    "plangraph_db_pool_in_use", "Database connections checked out of the pool",
    registry=REGISTRY, multiprocess_mode="livesum",
)  # fmt: skip
RATE_LIMITED = Counter(
    "plangraph_rate_limited", "Requests refused with 429: the token's cost budget was spent",
    registry=REGISTRY,
)  # fmt: skip
SUBSCRIPTIONS_OPEN = Gauge(
    "plangraph_subscriptions_open", "Open GraphQL subscriptions",
    registry=REGISTRY, multiprocess_mode="livesum",
)  # fmt: skip
EVENT_DELIVERY_LAG = Histogram(
    "plangraph_event_delivery_lag_seconds",
    "From the commit of a change to its event being sent to a subscriber",
    registry=REGISTRY, buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)  # fmt: skip


def exposition() -> bytes:
    """The metrics in Prometheus text: the sums over all workers in multi-process mode."""
    if os.environ.get(MULTIPROCESS_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def routes(token: str) -> list[Route]:
    """/metrics, behind `Authorization: Bearer <token>` when a token is set."""

    async def metrics(request: Request) -> Response:
        if token:
            sent = request.headers.get("authorization", "").encode()
            if not hmac.compare_digest(sent, f"Bearer {token}".encode()):
                return JSONResponse({"error": "send the metrics token as a bearer token"}, 401,
                                    {"www-authenticate": "Bearer"})  # fmt: skip
        return Response(exposition(), media_type=CONTENT_TYPE_LATEST)

    return [Route("/metrics", metrics, methods=["GET"])]


def worker_exited(pid: int) -> None:
    """Forget a dead worker's live gauges (its counters stay in the sums)."""
    if os.environ.get(MULTIPROCESS_ENV):
        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]
