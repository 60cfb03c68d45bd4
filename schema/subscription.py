"""Live updates (api/live.graphql): what changed in an account's picture, and plan status moves.

Each event is resolved with the subscriber's own visibility: an event about an object the
subscriber may not see is never sent, and a subscriber who loses sight of the account has the
subscription ended with an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Annotated, Any

import strawberry
from sqlalchemy import select

from models import ChangeKind as ChangeKindRow
from models import PlanStatusChange as HistoryRow
from ops.metrics import EVENT_DELIVERY_LAG
from resolvers.errors import ClientError
from resolvers.ids import pk_of, to_global_id
from resolvers.live.events import CursorError, Event, EventsExpired, decode_cursor
from resolvers.live.stream import MODELS, LiveContext, Overflow, visible
from schema.account_types import Account
from schema.enums import described
from schema.plan_types import BusinessPlan, PlanStatusChange
from schema.read import load_node
from schema.types import Node, User

ChangeKind = ChangeKindRow
described(
    ChangeKind,
    "What happened to the changed object.",
    {
        "CREATED": "The object was created.",
        "UPDATED": "Its content changed.",
        "STATUS_CHANGED": "Its status (or stage) moved.",
        "LINKED": "It was linked to a plan, account, contact or objective.",
        "UNLINKED": "A link of it was removed.",
        "DELETED": "It no longer exists.",
    },
)
AFTER = "Resume after this event's cursor: the events since are replayed first, in order."


def _context(info: Any) -> LiveContext:
    context = info.context
    assert isinstance(context, LiveContext), "subscriptions run over the websocket only"
    return context


@strawberry.type(description="One committed change to what an account's picture shows.")
class ChangeEvent:
    cursor: str = strawberry.field(description="Opaque; pass it as `after` to resume after it.")
    kind: ChangeKindRow = strawberry.field(description="What happened.")  # as ChangeKind
    node_id: strawberry.ID = strawberry.field(description="The changed object's id.")
    changed_at: dt.datetime = strawberry.field(description="When the change was committed.")
    node_type: strawberry.Private[str]
    node_pk: strawberry.Private[int]
    account_pk: strawberry.Private[int]
    changed_by_id: strawberry.Private[int | None]

    @strawberry.field(description="The changed object as you may see it now; null if gone.")
    async def node(self, info: strawberry.Info) -> Node | None:
        if self.node_type not in MODELS:
            return None
        return await load_node(info, self.node_type, self.node_pk)  # type: ignore[no-any-return]

    @strawberry.field(description="The subscribed account (re-read any part of its picture).")
    async def account(self, info: strawberry.Info) -> Account:
        return await load_node(info, "Account", self.account_pk)  # type: ignore[no-any-return]

    @strawberry.field(description="Who made the change.")
    async def changed_by(self, info: strawberry.Info) -> User | None:
        return await load_node(info, "User", self.changed_by_id)  # type: ignore[no-any-return]


@strawberry.type(description="A business plan's status move, with the history entry it wrote.")
class PlanStatusEvent:
    cursor: str = strawberry.field(description="Opaque; pass it as `after` to resume after it.")
    plan_pk: strawberry.Private[int]
    history_pk: strawberry.Private[int]

    @strawberry.field(description="The plan, as you may see it now.")
    async def business_plan(self, info: strawberry.Info) -> BusinessPlan:
        return await load_node(info, "BusinessPlan", self.plan_pk)  # type: ignore[no-any-return]

    @strawberry.field(description="The history entry the move wrote.")
    async def change(self, info: strawberry.Info) -> PlanStatusChange:
        async with _context(info).engine.connect() as connection:
            row = (
                await connection.execute(select(HistoryRow).where(HistoryRow.id == self.history_pk))
            ).one()
        return PlanStatusChange(from_=row.from_status, to=row.to_status, changed_at=row.changed_at,
                                comment=row.comment, changed_by_id=row.changed_by_id)  # fmt: skip


def _after(after: str | None) -> int | None:
    if after is None:
        return None
    try:
        return decode_cursor(after)
    except CursorError as error:
        raise ClientError(str(error), "BAD_USER_INPUT") from None


def _pk(global_id: str | None, type_name: str) -> int | None:
    if global_id is None:
        return None
    pk = pk_of(global_id, type_name)
    if pk is None:
        raise ClientError(f"No {type_name} with id '{global_id[:60]}'.", "NOT_FOUND")
    return pk


async def _require_visible(ctx: LiveContext, type_name: str, pk: int | None, shown: Any) -> None:
    if pk is not None and not await visible(ctx.loaders, type_name, pk):
        raise ClientError(f"No {type_name} with id '{str(shown)[:60]}'.", "NOT_FOUND")


async def _events(
    ctx: LiveContext, account_pk: int | None, after: int | None
) -> AsyncIterator[Event]:
    """The stream's events with the subscription's errors in the client's terms."""
    try:
        async for event in ctx.stream(account_pk).events(after):
            ctx.fresh_loaders()
            if (
                account_pk is not None
                and not ctx.viewer.sees_everything
                and not await visible(ctx.loaders, "Account", account_pk)
            ):
                raise ClientError("You no longer have access to this account.", "FORBIDDEN")
            # From commit to this subscriber (a replay after a reconnect counts its wait too).
            EVENT_DELIVERY_LAG.observe((dt.datetime.now(dt.UTC) - event.changed_at).total_seconds())
            yield event
    except EventsExpired:
        raise ClientError("The events after this cursor are no longer kept: reload the picture "
                          "and subscribe without `after`.", "EVENTS_EXPIRED") from None  # fmt: skip
    except Overflow:
        return  # the connection is being closed for a slow consumer


@strawberry.type(description="Live updates over graphql-transport-ws on /graphql.")
class Subscription:
    @strawberry.subscription(description="Every committed change to what `account(id)` shows.")
    async def account_changed(
        self, info: strawberry.Info,
        account_id: Annotated[strawberry.ID, strawberry.argument(description="The account.")],
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> AsyncGenerator[ChangeEvent, None]:  # fmt: skip
        ctx = _context(info)
        cursor = _after(after)
        pk = _pk(account_id, "Account")
        await _require_visible(ctx, "Account", pk, account_id)
        assert pk is not None
        async for event in _events(ctx, pk, cursor):
            if (
                event.kind != "DELETED"
                and not ctx.viewer.sees_everything
                and not await visible(ctx.loaders, event.node_type, event.node_id)
            ):
                continue
            yield ChangeEvent(
                cursor=event.cursor, kind=ChangeKindRow(event.kind),
                node_id=strawberry.ID(to_global_id(event.node_type, event.node_id)),
                changed_at=event.changed_at, node_type=event.node_type, node_pk=event.node_id,
                account_pk=pk, changed_by_id=event.changed_by_id,
            )  # fmt: skip

    @strawberry.subscription(
        description="Status moves of the plans you may see: of one plan, of one account's "
        "plans, or of every visible plan."
    )
    async def business_plan_status_changed(
        self, info: strawberry.Info,
        plan_id: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only this plan's moves.")] = None,
        account_id: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only the moves of the plans in this account's picture.")] = None,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> AsyncGenerator[PlanStatusEvent, None]:  # fmt: skip
        ctx = _context(info)
        cursor = _after(after)
        plan_pk, account_pk = _pk(plan_id, "BusinessPlan"), _pk(account_id, "Account")
        await _require_visible(ctx, "BusinessPlan", plan_pk, plan_id)
        await _require_visible(ctx, "Account", account_pk, account_id)
        last_history: int | None = None
        async for event in _events(ctx, account_pk, cursor):
            if (
                event.history_id is None
                or event.history_id == last_history  # one move, several accounts: sent once
                or (plan_pk is not None and event.node_id != plan_pk)
                or not (
                    ctx.viewer.sees_everything
                    or await visible(ctx.loaders, "BusinessPlan", event.node_id)
                )
            ):
                continue
            last_history = event.history_id
            yield PlanStatusEvent(cursor=event.cursor, plan_pk=event.node_id,
                                  history_pk=event.history_id)  # fmt: skip
