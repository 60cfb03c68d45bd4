"""Request-scoped data loading in waves: every pending key of every loader goes out together.

A strawberry DataLoader dispatches one tick after its first key, so which keys share a batch
(and whether a row primed by a sibling field is still needed) depends on which query returned
first. Here a request's loaders dispatch together, once the request has gone quiet: each wave
is one statement per loader with work, and the rows a wave primes serve the next wave. The
number of statements then depends on the query's shape, never on timing or data size.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from ops.tasks import cancel_and_wait

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

QUIET_TICKS = 3  # loop turns without new keys before a wave is sent


class Waves:
    """The dispatcher of one request's loaders."""

    def __init__(self) -> None:
        self.loaders: list[Loader[Any, Any]] = []
        self._task: asyncio.Task[None] | None = None
        self._closed = False

    def wake(self) -> None:
        if self._closed:
            return
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def close(self, timeout: float | None = None) -> None:
        """The request has its answer (an error can end the execution while some loads are
        under way): no new wave starts, and one under way finishes its statements first, so
        that its connections go back intact (cancelled mid-statement, they were terminated,
        and logged as futures whose exception nobody read). After `timeout` seconds it is
        stopped instead."""
        self._closed = True
        task = self._task
        if task is None or task.done():
            return
        try:
            async with asyncio.timeout(timeout):  # not wait_for (pyproject.toml)
                await asyncio.shield(task)
        except TimeoutError:
            await self.stop()
        except Exception:  # a failed wave failed its loads already: the request is answered
            pass

    async def stop(self) -> None:
        """The request ran out of time: a wave under way is cancelled, its statements with it
        (PostgreSQL's statement_timeout bounds them on the server too)."""
        self._closed = True
        await cancel_and_wait(self._task)

    def _pending(self) -> int:
        return sum(len(loader.pending) for loader in self.loaders)

    async def _settle(self) -> None:
        quiet, last = 0, -1
        while quiet < QUIET_TICKS:
            await asyncio.sleep(0)
            pending = self._pending()
            quiet, last = (quiet + 1, last) if pending == last else (0, pending)

    async def _run(self) -> None:
        while True:
            await self._settle()
            ready = [loader for loader in self.loaders if loader.pending]
            if not ready or self._closed:
                return
            await asyncio.gather(*(loader.dispatch() for loader in ready))


class Loader(Generic[K, V]):
    """Loads values by key, batched per wave and cached for the request."""

    def __init__(self, waves: Waves, batch: Callable[[list[K]], Awaitable[Sequence[V]]]) -> None:
        self.waves = waves
        self.batch = batch
        self.cache: dict[K, asyncio.Future[V]] = {}
        self.pending: dict[K, asyncio.Future[V]] = {}
        waves.loaders.append(self)

    def load(self, key: K) -> asyncio.Future[V]:
        """The key's value, as an awaitable of the caller's own: several fields may wait for
        one key, and when the executor cancels one of them (a sibling's error nulled their
        parent), only that waiter ends. Awaited bare, the shared future itself was cancelled,
        and every other field waiting for the key got a CancelledError that ended the whole
        request with HTTP 500."""
        future = self.cache.get(key)
        if future is None:
            future = self.cache[key] = asyncio.get_running_loop().create_future()
            self.pending[key] = future
            self.waves.wake()
        return asyncio.shield(future)

    def prime(self, key: K, value: V) -> None:
        """A value another query already read: it answers this key without a statement."""
        future = self.cache.get(key)
        if future is None:
            future = self.cache[key] = asyncio.get_running_loop().create_future()
        if not future.done():
            future.set_result(value)
        self.pending.pop(key, None)

    def clear(self, key: K) -> None:
        self.cache.pop(key, None)

    async def dispatch(self) -> None:
        futures, self.pending = self.pending, {}
        keys = list(futures)
        try:
            values = await self.batch(keys)
        except Exception as error:
            for future in futures.values():
                if not future.done():
                    future.set_exception(error)
            return
        for key, value in zip(keys, values, strict=True):
            if not futures[key].done():
                futures[key].set_result(value)
