"""Settings: everything configurable, read from the environment once and passed in."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from models.db import DEFAULT_DATABASE_URL


def _bool(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    log_level: str = "INFO"
    log_format: str = "text"  # or json: one JSON object per line
    # HTTP and query bounds (README: "Limits")
    max_body_bytes: int = 1_000_000
    max_depth: int = 15
    max_aliases: int = 30
    max_tokens: int = 5_000
    max_query_cost: int = 5_000_000  # objects a query may return (schema/cost.py)
    request_timeout_seconds: float = 15.0
    statement_timeout_ms: int = 10_000
    # PostgreSQL plans each prepared statement once per connection (models/db.py make_engine).
    generic_plans: bool = True
    # PostgreSQL connections each worker opens at start-up (models/db.py warm_pool), so that
    # its first requests do not each wait for a connection to be set up; 0: none. Six: the
    # kernel's split of a burst's connections between workers (SO_REUSEPORT) is uneven, and a
    # worker that gets 6 of 8 opened cold ones beyond 4 (README "Figures", 2026-11-28).
    warm_connections: int = 6
    # The newest documents clients used, recorded by every server (schema/served.py), that
    # each worker compiles and runs on those connections at start-up; 0: none, none recorded.
    warm_documents: int = 10
    # A statement new to a worker is prepared and planned on one connection at a time, the
    # other requests waiting for a connection that has it (resolvers/fastpath/run.py
    # FirstRuns); PostgreSQL only. False: every connection prepares it when first handed it.
    first_runs_one_at_a_time: bool = True
    introspection: bool = True
    # Read queries compiled into one SQL statement on PostgreSQL (resolvers/fastpath).
    fast_path: bool = True
    # A fast-path failure on a document it covers raises instead of falling back (tests).
    fast_path_strict: bool = False
    # Sign-in with OIDC access tokens (JWT) besides API tokens; off while oidc_jwks is empty.
    oidc_jwks: str = ""  # a JWKS file path or an https URL
    oidc_issuer: str = ""
    oidc_audience: str = ""
    oidc_leeway_seconds: int = 60
    # A valid API token is checked against the database at most this often (0: every time).
    token_cache_seconds: float = 10.0
    # Browsers on these exact origins may call the API (comma-separated; empty: no CORS).
    cors_origins: str = ""
    # A JSON manifest {"<sha256>": "<document>"}: when set, only these documents run.
    trusted_documents: str = ""
    # Live updates over graphql-transport-ws (README: "Live updates").
    listen_database_url: str = ""  # the LISTEN connection's database; default database_url
    live_retention_hours: float = 24.0  # events are kept this long for `after` to resume
    live_init_timeout_seconds: float = 10.0  # connection_init must arrive within this
    live_max_subscriptions_per_connection: int = 20
    live_max_subscriptions_per_user: int = 100  # per server process
    live_max_queued_messages: int = 1000  # per connection; a slower client is disconnected
    # per connection: output the client has not taken yet; past it, it is disconnected
    live_max_buffered_bytes: int = 1_048_576
    live_listen_check_seconds: float = 5.0  # how often the LISTEN connection is checked
    # Operations (README: "Operations")
    ready_timeout_seconds: float = 2.0  # /health/ready: 503 when the database is slower
    revocation_check_seconds: float = 1.0  # how stale a revoked token's cache entry may be
    # Behind PgBouncer in transaction pooling (models/db.py), and a direct connection to
    # PostgreSQL for LISTEN and migrations (empty: DATABASE_URL).
    pgbouncer: bool = False
    # On SIGTERM: keep serving this long with /health/ready at 503 (for the load balancer to
    # notice), then stop accepting and wait up to drain_timeout for the requests in flight.
    shutdown_delay_seconds: float = 0.0
    drain_timeout_seconds: float = 30.0
    metrics_token: str = ""  # /metrics needs 'Authorization: Bearer <it>' when set
    # Fair use: each token's budget of query cost (ops/fair_use.py); 0 turns it off.
    cost_bucket_max: float = 5_000_000.0
    cost_bucket_restore_per_second: float = 2_000_000.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """Each field from PLANGRAPH_<FIELD> (DATABASE_URL for the database)."""
        values: dict[str, Any] = {}
        for field in fields(cls):
            name = (
                "DATABASE_URL"
                if field.name == "database_url"
                else f"PLANGRAPH_{field.name.upper()}"
            )
            if name in environ:
                raw = environ[name]
                kind = type(getattr(cls, field.name))
                values[field.name] = _bool(raw) if kind is bool else kind(raw)
        return cls(**values)
