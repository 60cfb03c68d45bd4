"""One subscription's events: the replay after its cursor, then the live ones, each once.

The seam: the stream registers with the broker before it reads the replay, so every event
committed after registration is queued; the replay reads everything committed before it ran
(ids come in commit order); events at or below the last one sent are skipped. Hence no gap
and no duplicate. The queue is bounded: a subscriber that falls behind is cut off (`Overflow`)
and resumes with its last cursor, so memory never grows with a slow client.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine

from models import Account, Activity, BusinessPlan, Contact, Objective, Opportunity
from resolvers.context import Context
from resolvers.live.broker import Broker
from resolvers.live.events import Event, check_not_expired, events_after, newest_id
from resolvers.loaders import Loaders

MODELS: dict[str, type] = {
    "Account": Account, "Contact": Contact, "BusinessPlan": BusinessPlan,
    "Objective": Objective, "Opportunity": Opportunity, "Activity": Activity,
}  # fmt: skip


class Overflow(Exception):
    """The subscriber did not keep up: more events queued than the bound."""


class Stream:
    """A broker feed for one subscription; `account_id` None takes every event."""

    def __init__(self, broker: Broker, engine: AsyncEngine, account_id: int | None,
                 bound: int, on_overflow: Callable[[], None],
                 registered: asyncio.Event | None = None) -> None:  # fmt: skip
        self.broker = broker
        self.engine = engine
        self.account_id = account_id
        self.bound = bound
        self.on_overflow = on_overflow
        self.registered = registered or asyncio.Event()
        self.overflowed = False
        self._queue: deque[Event] = deque()
        self._ready = asyncio.Event()

    def offer(self, event: Event) -> None:
        if self.overflowed:
            return
        if len(self._queue) >= self.bound:
            self.overflowed = True
            self._queue.clear()
            self._ready.set()
            self.on_overflow()
            return
        self._queue.append(event)
        self._ready.set()

    async def events(self, after: int | None) -> AsyncIterator[Event]:
        self.broker.add(self, self.account_id)
        try:
            if after is None:  # live only: from what is committed now
                async with self.engine.connect() as connection:
                    last = await newest_id(connection)
            self.registered.set()  # from here on, nothing committed is missed
            if after is not None:
                last = after
                async for event in self._replay(after):
                    last = event.id
                    yield event
            while True:
                await self._ready.wait()
                self._ready.clear()
                if self.overflowed:
                    raise Overflow()
                while self._queue:
                    event = self._queue.popleft()
                    if event.id > last:
                        last = event.id
                        yield event
        finally:
            self.broker.remove(self, self.account_id)

    async def _replay(self, after: int) -> AsyncIterator[Event]:
        async with self.engine.connect() as connection:
            await check_not_expired(connection, after)
        while True:
            async with self.engine.connect() as connection:
                batch = await events_after(connection, after, self.account_id)
            for event in batch:
                yield event
                after = event.id
            if not batch:
                return


async def visible(loaders: Loaders, node_type: str, pk: int) -> bool:
    """Whether the viewer of `loaders` may see this object now (missing looks the same)."""
    return node_type in MODELS and await loaders.node(node_type).load(pk) is not None


@dataclass
class LiveContext(Context):
    """The context of one subscription: the subscriber's visibility, fresh loaders per event."""

    broker: Broker | None = None
    queue_bound: int = 1000
    on_overflow: Callable[[], None] = field(default=lambda: None)
    registered: asyncio.Event = field(default_factory=asyncio.Event)

    def fresh_loaders(self) -> None:
        """Each event is read as of now, not from the previous event's cache."""
        self.loaders = Loaders(self.engine, self.viewer)

    def stream(self, account_id: int | None) -> Stream:
        assert self.broker is not None, "live updates are not running"
        return Stream(self.broker, self.engine, account_id, self.queue_bound, self.on_overflow,
                      self.registered)  # fmt: skip
