"""One record per GraphQL request: what ran, for whom, how, how long; counted in the metrics
and written as one log line (ops/logs.py formats it as text or JSON)."""

from __future__ import annotations

import contextvars
import logging
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from ops import metrics

log = logging.getLogger("plangraph.requests")
MAX_OPERATION_NAMES = 200  # distinct names per process; more are counted as "other"
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "PRAGMA")


@dataclass
class RequestRecord:
    request_id: str
    started: float
    operation_name: str | None = None
    operation_type: str = "none"  # query, mutation, subscription; none: it did not get that far
    read_path: str = "none"  # fast, general; none: refused before either ran
    user_id: int | None = None
    cost: int | None = None
    statements: int = 0
    errors: bool = False  # the response carries GraphQL errors
    client: str | None = None  # whose cost bucket pays (schema/throttle.py)
    throttle: Any = None  # the bucket after this request (ops/fair_use.Throttle)

    def outcome(self, status: int) -> str:
        if status == 429:
            return "rate_limited"
        if status >= 500:
            return "server_error"
        if status >= 400 or self.read_path == "none":
            return "refused"
        return "errors" if self.errors else "ok"


CURRENT: contextvars.ContextVar[RequestRecord | None] = contextvars.ContextVar(
    "plangraph_request", default=None
)


def begin(request_id: str) -> RequestRecord:
    record = RequestRecord(request_id, time.perf_counter())
    CURRENT.set(record)
    return record


def current() -> RequestRecord | None:
    return CURRENT.get()


class RequestObserver:
    """Counts each request's SQL statements on `engine` and reports finished requests."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._names: set[str] = set()
        event.listen(engine.sync_engine, "before_cursor_execute", _count_statement)

    def finish(self, record: RequestRecord, status: int) -> None:
        seconds = time.perf_counter() - record.started
        name = self._label(record.operation_name)
        metrics.REQUESTS.labels(name, record.operation_type, record.outcome(status)).inc()
        metrics.REQUEST_SECONDS.labels(record.operation_type, record.read_path).observe(seconds)
        metrics.READ_PATH.labels(record.read_path).inc()
        metrics.SQL_STATEMENTS.observe(record.statements)
        checkedout = getattr(self.engine.pool, "checkedout", None)
        if checkedout is not None:
            metrics.POOL_IN_USE.set(checkedout())
        fields = {
            "request_id": record.request_id, "operation_name": record.operation_name,
            "operation_type": record.operation_type, "user_id": record.user_id,
            "status": status, "duration_ms": round(seconds * 1000, 2),
            "read_path": record.read_path, "cost": record.cost, "sql": record.statements,
        }  # fmt: skip
        log.info(
            "request %s %s %s user=%s status=%s %.1fms path=%s cost=%s sql=%s",
            record.request_id, record.operation_type, record.operation_name or "-",
            record.user_id, status, seconds * 1000, record.read_path, record.cost,
            record.statements, extra={"request": fields},
        )  # fmt: skip

    def _label(self, name: str | None) -> str:
        """The operation name as a metric label; bounded, since clients choose the names."""
        if not name:
            return ""
        if name in self._names:
            return name
        if len(self._names) >= MAX_OPERATION_NAMES or len(name) > 100:
            return "other"
        self._names.add(name)
        return name


def _count_statement(_conn: Any, _cursor: Any, statement: str, _params: Any, context: Any,
                     _many: bool) -> None:  # fmt: skip
    record = CURRENT.get()
    if record is None or (
        context is not None and context.execution_options.get("plangraph_bookkeeping")
    ):
        return  # fmt: skip
    if statement.lstrip()[:9].split(None, 1)[0].upper() not in TRANSACTION_CONTROL:
        record.statements += 1
