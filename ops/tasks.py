"""Background tasks stopped for good.

On Python 3.11, `asyncio.wait_for` returns the inner result when the task awaiting it is
cancelled in the same loop turn as the inner awaitable completes (CPython gh-86296, fixed in
3.12 by rebuilding it on `asyncio.timeout`): the cancellation is lost. A loop around such a
wait (the live broker's: woken by a NOTIFY as it was being stopped) then ran on, and a stop
that awaited it once waited forever: a server that never exited after SIGTERM. So waits are
bounded with `asyncio.timeout`, which keeps an outside cancellation, and `stop` cancels
again until each task has ended.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

log = logging.getLogger("plangraph")
RETRY_SECONDS = 5.0  # a task's own clean-up after a cancellation is not cut short before


async def stop(*tasks: asyncio.Task[Any] | None, retry: float = RETRY_SECONDS) -> None:
    """Cancel each task until it has ended (again every `retry` seconds: a cancellation can
    be lost); an error a task had ended with is logged, not raised."""
    pending = {task for task in tasks if task is not None and not task.done()}
    while pending:
        for task in pending:
            task.cancel()
        _, pending = await asyncio.wait(pending, timeout=retry)
    for ended in tasks:
        if ended is not None and not ended.cancelled() and ended.exception() is not None:
            log.error("task %s had failed", ended.get_name(), exc_info=ended.exception())
