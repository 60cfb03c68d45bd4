"""Closed-loop load: N coroutines call one async function back to back for a fixed time.

A closed loop (each worker waits for its answer before the next call) at a fixed concurrency
is what a page of users with keep-alive connections does; throughput then says how much work
the server finishes, and the latency percentiles how long each caller waited for it.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

# One call: given an account pk, do the request; return (response bytes, error or None).
Call = Callable[[int], Awaitable[tuple[int, str | None]]]


@dataclass
class Samples:
    """What one phase observed: per-request latency (s) and size, and failures."""

    latencies: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    errors: int = 0
    first_error: str | None = None
    seconds: float = 0.0


async def _worker(call: Call, pick: Callable[[], int], until: float, out: Samples) -> None:
    while time.perf_counter() < until:
        started = time.perf_counter()
        try:
            size, error = await call(pick())
        except Exception as failure:  # a failed request is a data point, not the end of the run
            size, error = 0, f"{type(failure).__name__}: {failure}"
        out.latencies.append(time.perf_counter() - started)
        out.sizes.append(size)
        if error is not None:
            out.errors += 1
            out.first_error = out.first_error or error[:300]


async def run_phase(
    call: Call, pick: Callable[[], int], concurrency: int, seconds: float
) -> Samples:
    """Drive `call` with `concurrency` workers for `seconds` (bounded: no call starts later)."""
    out = Samples()
    started = time.perf_counter()
    until = started + seconds
    await asyncio.gather(*(_worker(call, pick, until, out) for _ in range(concurrency)))
    out.seconds = time.perf_counter() - started
    return out


def account_picker(accounts: int, seed: int) -> Callable[[], int]:
    """Random account pks 1..accounts from a seeded RNG, so two runs ask for the same ones."""
    rng = random.Random(seed)
    return lambda: rng.randint(1, accounts)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(q) - 1]


def summarize(samples: Samples) -> dict[str, Any]:
    """The numbers the report shows; latencies in milliseconds."""
    n = len(samples.latencies)
    ms = [s * 1000 for s in samples.latencies]
    return {
        "requests": n,
        "seconds": round(samples.seconds, 2),
        "requests_per_s": round(n / samples.seconds, 2) if samples.seconds else 0.0,
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "p99_ms": round(percentile(ms, 99), 1),
        "errors": samples.errors,
        "first_error": samples.first_error,
        "bytes_per_response": round(statistics.fmean(samples.sizes)) if samples.sizes else 0,
    }
