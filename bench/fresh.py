"""The first requests on a fresh server: a new document must not make its first users wait
(it is checked once and then served by the fast path from its first request)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bench.drive import Call, Samples, account_picker, summarize

FIRST_REQUESTS = 100
# After them, the same server's steady p99 over this many seconds (bench/run.py): the first
# requests' p99 over it is a ratio of one server, which the machine's drift between that
# server and the run's read phase does not move.
OWN_STEADY_SECONDS = 8.0


async def first_requests(
    call: Call, accounts: int, concurrency: int, count: int = FIRST_REQUESTS
) -> dict[str, Any]:
    """The first `count` picture requests on a server that has answered none yet, at the
    bench's concurrency (closed loop, as in the measured phases)."""
    out = Samples()
    left = [count]
    pick = account_picker(accounts, 3)

    async def worker() -> None:
        while left[0] > 0:
            left[0] -= 1
            started = time.perf_counter()
            try:
                size, error = await call(pick())
            except Exception as failure:  # a data point, as in bench/drive.py
                size, error = 0, f"{type(failure).__name__}: {failure}"
            out.latencies.append(time.perf_counter() - started)
            out.sizes.append(size)
            if error is not None:
                out.errors += 1
                out.first_error = out.first_error or error[:300]

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    out.seconds = time.perf_counter() - started
    result = summarize(out)
    result["max_ms"] = round(max(out.latencies) * 1000, 1)
    return result
