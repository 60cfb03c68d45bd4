"""graphql-transport-ws on /graphql (the `graphql-ws` library's protocol), for live updates.

One Connection per socket: connection_init with {"Authorization": "Bearer <token>"} checked by
the HTTP Authenticator (4403 if refused, 4408 if it does not come in time), then subscribe /
next / error / complete per operation id. Everything the server sends goes through one bounded
queue per connection; a client that does not read fast enough is disconnected (1013) and
resumes with its last cursor. On shutdown every socket is closed with 1012 (restart).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from typing import Any

import orjson
import strawberry
from graphql import OperationType
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.websockets import WebSocket, WebSocketDisconnect

from ops.metrics import SUBSCRIPTIONS_OPEN
from ops.tasks import cancel_and_wait
from ops.websocket import DirectSender, direct_sender
from resolvers.live.broker import Broker
from resolvers.live.stream import LiveContext
from resolvers.loaders import Loaders
from resolvers.visibility import Viewer
from schema.auth import Authenticator, AuthError
from schema.live_channels import SLOW_CONSUMER, Channel, Hub, channel_key
from schema.request_cost import chosen_operation
from settings import Settings

log = logging.getLogger("plangraph.live")
PROTOCOL = "graphql-transport-ws"
RESTART = 1012


class Closed(Exception):
    """The connection is over; `code` says why (already sent, or to send)."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


class LiveEndpoint:
    """The websocket side of /graphql; one per app."""

    def __init__(
        self, schema: strawberry.Schema, writer: async_sessionmaker[AsyncSession],
        authenticator: Authenticator, broker: Broker, settings: Settings,
    ) -> None:  # fmt: skip
        self.schema = schema
        self.writer = writer
        self.authenticator = authenticator
        self.broker = broker
        self.settings = settings
        self.connections: set[Connection] = set()
        self.hub = Hub(schema)
        self.per_user: Counter[int] = Counter()
        self.closing = False

    async def handle(self, websocket: WebSocket) -> None:
        if self.closing:  # stopping: send the client to another server at once
            await websocket.accept(subprotocol=PROTOCOL)
            await websocket.close(RESTART, "Server restart")
            return
        connection = Connection(self, websocket)
        self.connections.add(connection)
        try:
            await connection.run()
        finally:
            self.connections.discard(connection)

    async def close_all(self, code: int = RESTART, reason: str = "Server restart") -> None:
        """Close every socket so clients reconnect elsewhere and resume with their cursors."""
        self.closing = True
        await asyncio.gather(*(c.shut(code, reason) for c in list(self.connections)),
                             return_exceptions=True)  # fmt: skip


class Connection:
    def __init__(self, endpoint: LiveEndpoint, websocket: WebSocket) -> None:
        self.endpoint = endpoint
        self.settings = endpoint.settings
        self.websocket = websocket
        self.viewer: Viewer | None = None
        self.operations: dict[str, asyncio.Task[None]] = {}
        self.outbox: asyncio.Queue[str | Closed] = asyncio.Queue(
            self.settings.live_max_queued_messages
        )
        self.close_code: Closed | None = None
        # uvicorn with ops/websocket.py: messages are written to the socket at once, and the
        # bound is on the bytes the client has not taken yet; otherwise through `outbox`.
        self.direct: DirectSender | None = direct_sender(websocket.scope)
        self.max_buffered = self.settings.live_max_buffered_bytes

    async def run(self) -> None:
        if PROTOCOL not in self.websocket.scope.get("subprotocols", []):
            await self.websocket.accept()
            await self.websocket.close(4406, "Subprotocol not acceptable")
            return
        await self.websocket.accept(subprotocol=PROTOCOL)
        sender = asyncio.create_task(self._send_loop())
        try:
            await self._receive_loop()
        except Closed as closed:
            self.close(closed.code, closed.reason)
        except WebSocketDisconnect:
            pass
        finally:
            await self._end_operations()
            if self.close_code is None:
                sender.cancel()
            with contextlib.suppress(Exception, asyncio.CancelledError):
                async with asyncio.timeout(5):  # cancels `sender` too
                    await sender

    async def shut(self, code: int, reason: str) -> None:
        self.close(code, reason)
        with contextlib.suppress(Exception):
            async with asyncio.timeout(2):
                await self.websocket.close(code, reason)

    def close(self, code: int, reason: str) -> None:
        """Close after what is already queued; a slow consumer's unsent messages are dropped."""
        if self.close_code is not None:
            return
        self.close_code = Closed(code, reason)
        if self.outbox.full():
            while not self.outbox.empty():
                self.outbox.get_nowait()
            for task in self.operations.values():
                task.cancel()
        self.outbox.put_nowait(self.close_code)

    def send(self, message: dict[str, Any]) -> None:
        self._put(orjson.dumps(message))

    def _put(self, message: bytes) -> None:
        if self.close_code is not None:
            return
        if self.direct is not None:
            if self.direct.buffered() > self.max_buffered:
                self._slow_consumer()
            else:
                self.direct.send_now(message)  # False: closed; the receive loop sees it end
            return
        try:
            self.outbox.put_nowait(message.decode())
        except asyncio.QueueFull:
            self._slow_consumer()

    def _slow_consumer(self) -> None:
        log.info("live: disconnecting a slow consumer")
        self.close(SLOW_CONSUMER, "Slow consumer: reconnect and resume after your cursor")

    async def _send_loop(self) -> None:
        while True:
            message = await self.outbox.get()
            if isinstance(message, Closed):
                with contextlib.suppress(Exception):
                    await self.websocket.close(message.code, message.reason)
                return
            await self.websocket.send_text(message)

    async def _receive_loop(self) -> None:
        try:
            async with asyncio.timeout(self.settings.live_init_timeout_seconds or None):
                first = await self._receive()
        except TimeoutError:
            raise Closed(4408, "Connection initialisation timeout") from None
        if first.get("type") != "connection_init":
            raise Closed(4401, "Unauthorized")
        await self._init(first)
        while self.close_code is None:
            message = await self._receive()
            kind = message.get("type")
            if kind == "ping":
                self.send({"type": "pong"})
            elif kind == "pong":
                pass
            elif kind == "subscribe":
                await self._subscribe(message)
            elif kind == "complete":
                self._complete(str(message.get("id")))
            elif kind == "connection_init":
                raise Closed(4429, "Too many initialisation requests")
            else:
                raise Closed(4400, f"Unknown message type: {str(kind)[:40]}")

    async def _receive(self) -> dict[str, Any]:
        raw = await self.websocket.receive()
        if raw["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(raw.get("code", 1000))
        text = raw.get("text")
        if text is None:
            raise Closed(4400, "Messages must be text")
        try:
            message = orjson.loads(text)
        except orjson.JSONDecodeError:
            raise Closed(4400, "Invalid message: not JSON") from None
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            raise Closed(4400, "Invalid message")
        return message

    async def _init(self, message: dict[str, Any]) -> None:
        payload = message.get("payload") or {}
        if not isinstance(payload, dict):
            raise Closed(4400, "Invalid connection init payload")
        authorization = payload.get("Authorization") or payload.get("authorization") or ""
        try:
            async with asyncio.timeout(self.settings.request_timeout_seconds or None):
                self.viewer = await self.endpoint.authenticator.viewer(str(authorization))
        except AuthError:
            raise Closed(4403, "Forbidden") from None
        except Exception:
            log.warning("live sign-in failed: database unavailable", exc_info=True)
            raise Closed(1013, "The database is unavailable; try again shortly") from None
        self.send({"type": "connection_ack"})

    async def _subscribe(self, message: dict[str, Any]) -> None:
        """Start an operation; the next message is read once it hears every new commit, so a
        client's ping after a subscribe is answered only when the subscription is live."""
        op_id, payload = message.get("id"), message.get("payload")
        if not isinstance(op_id, str) or not op_id or not isinstance(payload, dict):
            raise Closed(4400, "Invalid subscribe message")
        if op_id in self.operations:
            raise Closed(4409, f"Subscriber for {op_id[:40]} already exists")
        refusal = (
            self._over_bound()
            or _bad_payload(payload)
            or _not_a_subscription(payload, self.settings.max_tokens)
        )
        if refusal is not None:
            self.send({"id": op_id, "type": "error", "payload": [refusal]})
            return
        assert self.viewer is not None
        key = channel_key(payload, self.viewer.user_id, (id(self), op_id))
        channel = self.endpoint.hub.join(key, self, op_id, payload, self._context)
        self.endpoint.per_user[self.viewer.user_id] += 1
        task = asyncio.create_task(self._member(op_id, channel))
        self.operations[op_id] = task
        SUBSCRIPTIONS_OPEN.inc()
        task.add_done_callback(lambda _: self._forget(op_id))
        await channel.ready(self.settings.request_timeout_seconds or None)

    async def _member(self, op_id: str, channel: Channel) -> None:
        try:
            await channel.finished.wait()
        finally:
            channel.leave(self, op_id)

    def _over_bound(self) -> dict[str, Any] | None:
        assert self.viewer is not None
        limit = self.settings.live_max_subscriptions_per_connection
        message = None
        if len(self.operations) >= limit:
            message = f"At most {limit} subscriptions per connection."
        user_limit = self.settings.live_max_subscriptions_per_user
        if message is None and self.endpoint.per_user[self.viewer.user_id] >= user_limit:
            message = f"At most {user_limit} subscriptions per user."
        if message is None:
            return None
        return {"message": message, "extensions": {"code": "TOO_MANY_SUBSCRIPTIONS"}}

    def _forget(self, op_id: str) -> None:
        if self.operations.pop(op_id, None) is None:
            return
        SUBSCRIPTIONS_OPEN.dec()
        if self.viewer is not None:
            self.endpoint.per_user[self.viewer.user_id] -= 1
            if self.endpoint.per_user[self.viewer.user_id] <= 0:
                del self.endpoint.per_user[self.viewer.user_id]

    def _complete(self, op_id: str) -> None:
        task = self.operations.get(op_id)
        if task is not None:
            task.cancel()

    async def _end_operations(self) -> None:
        await cancel_and_wait(*self.operations.values())

    def _context(self) -> LiveContext:
        endpoint, viewer = self.endpoint, self.viewer
        assert viewer is not None
        engine = endpoint.broker.reader  # reads of one statement each: autocommit on PostgreSQL
        return LiveContext(
            engine, endpoint.writer, viewer, Loaders(engine, viewer), broker=endpoint.broker,
            queue_bound=self.settings.live_max_queued_messages,
            on_overflow=lambda: self.close(SLOW_CONSUMER, "Slow consumer: reconnect and "
                                           "resume after your cursor"),
        )  # fmt: skip

    def send_raw(self, message: bytes) -> None:
        """A message serialized once for every member of a channel (schema/live_channels.py)."""
        self._put(message)


def _not_a_subscription(payload: dict[str, Any], max_tokens: int) -> dict[str, Any] | None:
    """A query or a mutation is refused by name: only subscriptions run here (a document
    that does not parse, or names no one operation, is reported as before, by validation)."""
    name = payload.get("operationName")
    if name is not None and not isinstance(name, str):
        return None
    found = chosen_operation(payload["query"], name, max_tokens)
    if found is None or found[1].operation is OperationType.SUBSCRIPTION:
        return None
    kind = found[1].operation.value
    return {"message": f"Only subscriptions run over the websocket: send this {kind} over "
                       "HTTP (POST /graphql).",
            "extensions": {"code": "OPERATION_NOT_SUPPORTED"}}  # fmt: skip


def _bad_payload(payload: dict[str, Any]) -> dict[str, Any] | None:
    query, variables = payload.get("query"), payload.get("variables")
    if isinstance(query, str) and (variables is None or isinstance(variables, dict)):
        return None
    return {"message": "Send a GraphQL document in 'query' and an object in 'variables'.",
            "extensions": {"code": "BAD_REQUEST"}}  # fmt: skip
