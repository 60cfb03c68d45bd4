"""Reading the outbox: events after a cursor, in commit order, and the cursors themselves."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from models import ChangeEvent

CURSOR_PREFIX = "ev:"
MAX_EVENT_ID = 2**63 - 1  # change_events.id is a BIGINT on PostgreSQL
BATCH = 500


@dataclass(frozen=True)
class Event:
    id: int
    kind: str
    node_type: str
    node_id: int
    account_id: int | None
    changed_by_id: int | None
    changed_at: dt.datetime
    history_id: int | None

    @property
    def cursor(self) -> str:
        return encode_cursor(self.id)


class CursorError(ValueError):
    """A cursor this server did not hand out."""


class EventsExpired(Exception):
    """The events after a cursor have passed the retention window (some may be gone)."""


def encode_cursor(event_id: int) -> str:
    return base64.urlsafe_b64encode(f"{CURSOR_PREFIX}{event_id}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
    except (binascii.Error, UnicodeError, ValueError):
        raise CursorError("`after` is not a cursor from this API.") from None
    number = raw.removeprefix(CURSOR_PREFIX)
    digits = number.isdigit() and len(number) <= 19
    if not raw.startswith(CURSOR_PREFIX) or not digits or int(number) > MAX_EVENT_ID:
        raise CursorError("`after` is not a cursor from this API.")
    return int(number)


def _event(row: Any) -> Event:
    return Event(row.id, row.kind, row.node_type, row.node_id, row.account_id,
                 row.changed_by_id, row.changed_at, row.history_id)  # fmt: skip


async def newest_id(connection: AsyncConnection) -> int:
    return int((await connection.execute(select(func.max(ChangeEvent.id)))).scalar() or 0)


async def events_after(
    connection: AsyncConnection, after: int, account_id: int | None = None, limit: int = BATCH
) -> list[Event]:
    """Committed events with id > after, in id (= commit) order; of one account if given."""
    query = select(ChangeEvent).where(ChangeEvent.id > after)
    if account_id is not None:
        query = query.where(
            or_(ChangeEvent.account_id == account_id, ChangeEvent.account_id.is_(None))
        )
    rows = (await connection.execute(query.order_by(ChangeEvent.id).limit(limit))).all()
    return [_event(row) for row in rows]


async def check_not_expired(connection: AsyncConnection, after: int) -> None:
    """Pruning keeps the newest pruned event as the horizon: a cursor below it may miss some."""
    oldest = (await connection.execute(select(func.min(ChangeEvent.id)))).scalar()
    if oldest is not None and after < oldest:
        raise EventsExpired(after)
