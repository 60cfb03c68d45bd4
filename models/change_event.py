"""The outbox: one row per committed change and affected account, read by live subscribers."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import BigInteger, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class ChangeKind(enum.StrEnum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    STATUS_CHANGED = "STATUS_CHANGED"
    LINKED = "LINKED"
    UNLINKED = "UNLINKED"
    DELETED = "DELETED"


class ChangeEvent(Base):
    """Written in the transaction of the change it describes; ids follow commit order.

    `account_id` NULL means every account (a global objective). `history_id` is the plan status
    history row a status move (or a plan's creation) wrote.
    """

    __tablename__ = "change_events"
    __table_args__ = (
        Index("ix_change_events_account_id_id", "account_id", "id"),
        {"sqlite_autoincrement": True},  # ids are never reused, even after pruning
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    node_type: Mapped[str] = mapped_column(String(40))
    node_id: Mapped[int] = mapped_column(Integer)
    account_id: Mapped[int | None] = mapped_column(Integer)
    changed_by_id: Mapped[int | None] = mapped_column(Integer)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    history_id: Mapped[int | None] = mapped_column(Integer)
