"""Shared executions: subscribers who send the same live subscription get one execution.

Every subscription runs in a Channel keyed by (document, variables, operation, user): the
answers depend on nothing else, so one execution per event is serialized once and queued to
every member's connection. A document that resumes (`after`) is never shared: its replay
belongs to the one subscriber who asked for it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Hashable
from typing import Any, Protocol

import orjson
import strawberry
from strawberry.types.execution import PreExecutionError

from resolvers.live.stream import LiveContext
from schema.http import _format_error

log = logging.getLogger("plangraph.live")
SLOW_CONSUMER = 1013
INTERNAL = [{"message": "Internal server error.", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]


class Member(Protocol):
    def send_raw(self, message: bytes) -> None: ...

    def close(self, code: int, reason: str) -> None: ...


def frame(op_id: str, kind: str, payload: bytes | None = None) -> bytes:
    """A protocol message with a payload serialized once for every member."""
    head = b'{"id":' + orjson.dumps(op_id) + b',"type":"' + kind.encode() + b'"'
    return head + (b',"payload":' + payload if payload is not None else b"") + b"}"


def channel_key(payload: dict[str, Any], user_id: int, private: Hashable) -> Hashable:
    query = payload.get("query")
    variables = payload.get("variables") or {}
    if not isinstance(query, str) or "after" in query or "after" in variables:
        return private
    return (query, orjson.dumps(variables, option=orjson.OPT_SORT_KEYS),
            payload.get("operationName"), user_id)  # fmt: skip


class Channel:
    def __init__(self, hub: Hub, key: Hashable) -> None:
        self.hub, self.key = hub, key
        self.members: dict[tuple[int, str], tuple[Member, str]] = {}
        self.finished = asyncio.Event()
        self.task: asyncio.Task[None] | None = None
        self.registered = asyncio.Event()

    async def ready(self, timeout: float | None) -> None:
        """Until the subscription hears every new commit (or has ended, e.g. refused)."""
        waits = [asyncio.ensure_future(self.registered.wait()),
                 asyncio.ensure_future(self.finished.wait())]  # fmt: skip
        try:
            await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()

    def start(
        self, schema: strawberry.Schema, context: LiveContext, payload: dict[str, Any]
    ) -> None:
        context.on_overflow = self._overflow
        self.registered = context.registered
        self.task = asyncio.create_task(self._run(schema, context, payload))

    def _overflow(self) -> None:
        """The execution fell behind its events: every member reconnects and resumes."""
        for member, _ in list(self.members.values()):
            member.close(SLOW_CONSUMER, "Too slow: reconnect and resume after your cursor")

    def join(self, member: Member, op_id: str) -> None:
        self.members[(id(member), op_id)] = (member, op_id)

    def leave(self, member: Member, op_id: str) -> None:
        self.members.pop((id(member), op_id), None)
        if not self.members and not self.finished.is_set():
            self._end()
            if self.task is not None:
                self.task.cancel()

    def _end(self) -> None:
        self.finished.set()
        if self.hub.channels.get(self.key) is self:
            del self.hub.channels[self.key]

    def _broadcast(self, kind: str, payload: bytes | None = None) -> None:
        """One message to every member: framed once per operation id, written at once."""
        messages: dict[str, bytes] = {}
        for member, op_id in list(self.members.values()):
            message = messages.get(op_id)
            if message is None:
                message = messages[op_id] = frame(op_id, kind, payload)
            member.send_raw(message)

    async def _run(self, schema: strawberry.Schema, context: LiveContext,
                   payload: dict[str, Any]) -> None:  # fmt: skip
        kind = "complete"
        try:
            result = await schema.subscribe(
                payload["query"], variable_values=payload.get("variables"),
                context_value=context, operation_name=payload.get("operationName"),
            )  # fmt: skip
            async for item in result:
                if isinstance(item, PreExecutionError):  # validation, bounds: nothing ran
                    errors = [_format_error(e, "live") for e in item.errors or []]
                    self._broadcast("error", orjson.dumps(errors))
                    kind = ""
                    break
                # The context serves the next event too: its loaders' waves stay open (a wave
                # an error left under way finishes by itself: resolvers/waves.py close).
                self._broadcast("next", orjson.dumps(_payload(item)))
        except asyncio.CancelledError:
            kind = ""  # every member left, or the server is stopping
        except Exception:
            log.exception("live: subscription failed")
            self._broadcast("error", orjson.dumps(INTERNAL))
            kind = ""
        if kind:
            self._broadcast(kind)
        self._end()


class Hub:
    """The channels of one process."""

    def __init__(self, schema: strawberry.Schema) -> None:
        self.schema = schema
        self.channels: dict[Hashable, Channel] = {}

    def join(self, key: Hashable, member: Member, op_id: str, payload: dict[str, Any],
             context: Callable[[], LiveContext]) -> Channel:  # fmt: skip
        channel = self.channels.get(key)
        if channel is None:
            channel = self.channels[key] = Channel(self, key)
            channel.join(member, op_id)
            channel.start(self.schema, context(), payload)
        else:
            channel.join(member, op_id)
        return channel


def _payload(result: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"data": result.data}
    if result.errors:
        body["errors"] = [_format_error(e, "live") for e in result.errors]
    return body
