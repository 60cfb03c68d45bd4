"""Work a request leaves for after its response is sent: bookkeeping writes its client need
not wait for (a token's last use, ops/tokens.py; a served document's record,
schema/served.py). schema/http.py collects them per request and runs them as the response's
Starlette background task: the client has its whole answer first, and the request's ASGI
call, which a server's shutdown waits for, ends after them."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar

log = logging.getLogger("plangraph")
Job = Callable[[], Awaitable[None]]
_JOBS: ContextVar[list[Job] | None] = ContextVar("plangraph_after_response", default=None)


def collect() -> list[Job]:
    """From now on in this request's context, `defer` adds to the list returned."""
    jobs: list[Job] = []
    _JOBS.set(jobs)
    return jobs


def defer(job: Job) -> bool:
    """Leave `job` for after the response; False outside a request that collects (a
    WebSocket's sign-in, code called directly): the caller decides what to do then."""
    jobs = _JOBS.get()
    if jobs is None:
        return False
    jobs.append(job)
    return True


async def run_all(jobs: list[Job]) -> None:
    """Each job in turn; one that fails is logged and the others still run."""
    for job in jobs:
        try:
            await job()
        except Exception:
            log.warning("work after a response failed", exc_info=True)
