"""Health for orchestrators: /health/live (the process answers) and /health/ready (the
database answers within a short bound and its schema is at the newest migration)."""

from __future__ import annotations

import asyncio
import functools
import logging
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("plangraph")
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


@functools.cache
def migration_head(migrations: Path = MIGRATIONS) -> str:
    """The newest revision in migrations/ (one head: the chain is linear)."""
    logging.getLogger("alembic").setLevel(logging.WARNING)  # before import: it logs then
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory(str(migrations)).get_heads()
    return ",".join(sorted(heads))


async def database_revision(engine: AsyncEngine) -> str | None:
    """The revision alembic recorded in the database, None before the first migration."""
    async with engine.connect() as connection:
        has_table = await connection.run_sync(
            lambda sync: sync.dialect.has_table(sync, "alembic_version")
        )
        if not has_table:
            return None
        rows = (await connection.execute(text("SELECT version_num FROM alembic_version"))).all()
    return ",".join(sorted(row[0] for row in rows)) or None


async def live(_request: Request) -> JSONResponse:
    """No database: a process that answers at all is alive."""
    return JSONResponse({"status": "ok"})


async def readiness(engine: AsyncEngine, timeout_seconds: float) -> tuple[int, dict[str, str]]:
    """(status, body): 200 when the database answers in time at the newest migration."""
    head = migration_head()
    try:
        async with asyncio.timeout(timeout_seconds):
            current = await database_revision(engine)
    except TimeoutError:
        return 503, {"status": "unavailable", "reason": f"the database did not answer within "
                     f"{timeout_seconds:g} s"}  # fmt: skip
    except Exception as error:
        log.warning("readiness: database unreachable: %s", type(error).__name__)
        return 503, {"status": "unavailable", "reason": "the database is unreachable"}
    if current != head:
        return 503, {"status": "unavailable", "reason": f"the database is at migration "
                     f"{current or 'none'}, the code expects {head}"}  # fmt: skip
    return 200, {"status": "ok", "database": "ok", "migration": head}


def routes(engine: AsyncEngine, timeout_seconds: float) -> list[Route]:
    async def ready(request: Request) -> JSONResponse:
        if getattr(request.app.state, "draining", False):  # SIGTERM: out of the balancer
            status, body = 503, {"status": "unavailable", "reason": "the server is shutting down"}
        else:
            status, body = await readiness(engine, timeout_seconds)
        headers = {"retry-after": "5"} if status == 503 else None
        return JSONResponse(body, status, headers)

    return [
        Route("/health/live", live, methods=["GET"]),
        Route("/health/ready", ready, methods=["GET"]),
    ]
