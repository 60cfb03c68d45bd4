"""Objectives: lower-level goals, per account, per contact, or global."""

from __future__ import annotations

import enum
import re
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import MONEY_SCALE, Base, IntPK, Name, ScaledDecimal, Timestamp


class ObjectiveStatus(enum.StrEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    FINAL_APPROVED = "FINAL_APPROVED"
    CURRENT = "CURRENT"
    EXPIRED = "EXPIRED"
    FUTURE = "FUTURE"
    ON_HOLD = "ON_HOLD"


class ObjectiveMeasure(enum.StrEnum):
    """How an objective's progress (`actual`) is counted."""

    MANUAL = "MANUAL"
    COMPLETED_ACTIVITIES = "COMPLETED_ACTIVITIES"
    WON_REVENUE = "WON_REVENUE"


# Words in a unit that name a kind of activity ("sales calls", "product demos"), singular and
# plural; the README's rules section lists them.
ACTIVITY_WORDS = frozenset(
    word + suffix
    for word in (
        "call",
        "meeting",
        "visit",
        "task",
        "e-mail",
        "email",
        "mail",
        "appointment",
        "demo",
        "demonstration",
        "presentation",
        "workshop",
        "follow-up",
    )
    for suffix in ("", "s")
)
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def names_activity(unit: str | None) -> bool:
    """Whether a unit counts activities: one of its words is a kind of activity."""
    return unit is not None and any(w in ACTIVITY_WORDS for w in _WORD.findall(unit.lower()))


def default_measure(
    has_target: bool, unit: str | None, has_revenue_target: bool
) -> ObjectiveMeasure:
    """DOMAIN.md's rule for an objective whose measure was not chosen."""
    if has_revenue_target:
        return ObjectiveMeasure.WON_REVENUE
    if names_activity(unit) or has_target:
        return ObjectiveMeasure.COMPLETED_ACTIVITIES
    return ObjectiveMeasure.MANUAL


def _measure_on_insert(context: Any) -> str:
    """An insert that leaves the measure out gets the default rule, whatever wrote the row."""
    values = context.get_current_parameters()
    return default_measure(
        values.get("target_micros") is not None,
        values.get("unit"),
        values.get("revenue_target_micros") is not None,
    ).value


class Objective(Base):
    __tablename__ = "objectives"
    __table_args__ = (
        CheckConstraint("target_micros >= 0", name="target_not_negative"),
        CheckConstraint("revenue_target_milli >= 0", name="revenue_target_not_negative"),
        CheckConstraint(
            "(revenue_target_milli IS NULL) = (revenue_target_currency IS NULL)",
            name="revenue_target_has_currency",
        ),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        CheckConstraint("manual_actual_micros >= 0", name="manual_actual_not_negative"),
        # Global objectives are read on every account view: by period, and all of them.
        Index(
            "ix_objectives_global",
            "period_id",
            sqlite_where=text("account_id IS NULL AND contact_id IS NULL"),
            postgresql_where=text("account_id IS NULL AND contact_id IS NULL"),
        ),
        Index(
            "ix_objectives_global_id",
            "id",
            sqlite_where=text("account_id IS NULL AND contact_id IS NULL"),
            postgresql_where=text("account_id IS NULL AND contact_id IS NULL"),
        ),
    )

    id: Mapped[IntPK]
    name: Mapped[Name]
    status: Mapped[ObjectiveStatus] = mapped_column(
        Enum(ObjectiveStatus, name="objective_status"), default=ObjectiveStatus.DRAFT
    )
    period_id: Mapped[int] = mapped_column(ForeignKey("periods.id"))
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("business_plans.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("objectives.id"), index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    target: Mapped[Decimal | None] = mapped_column("target_micros", ScaledDecimal())
    unit: Mapped[str | None] = mapped_column(String(100))
    revenue_target: Mapped[Decimal | None] = mapped_column(
        "revenue_target_milli", ScaledDecimal(MONEY_SCALE)
    )
    revenue_target_currency: Mapped[str | None] = mapped_column(ForeignKey("currencies.code"))
    measure: Mapped[ObjectiveMeasure] = mapped_column(
        Enum(ObjectiveMeasure, name="objective_measure"), default=_measure_on_insert
    )
    # Progress typed in by hand; read only while the measure is MANUAL.
    manual_actual: Mapped[Decimal | None] = mapped_column("manual_actual_micros", ScaledDecimal())
    # The progress totals of the objective's subtree, kept by the database's triggers
    # (models/objective_totals.py): never written here, read by the fast path's progress.
    done_activities: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    won_min_currency: Mapped[str | None] = mapped_column(String(3))
    won_max_currency: Mapped[str | None] = mapped_column(String(3))
    won_high: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    won_low: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    won_by_currency: Mapped[str | None] = mapped_column(Text)  # JSON text (migration 0017)
    # A global objective or one below it: its items' totals per account are kept
    # (models/account_totals.py, by the database's triggers; never written here).
    in_global_tree: Mapped[bool] = mapped_column(Boolean, server_default=false())
    created_at: Mapped[Timestamp]


class ObjectiveAccountTotals(Base):
    """Per objective of a global tree and per account: the totals of the objective's own
    items that reach the account (models/account_totals.py). Kept by the database's
    triggers; read by actualForAccount on the fast path."""

    __tablename__ = "objective_account_totals"

    objective_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("objectives.id", ondelete="CASCADE"), primary_key=True
    )
    account_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    done_activities: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    won_min_currency: Mapped[str | None] = mapped_column(String(3))
    won_max_currency: Mapped[str | None] = mapped_column(String(3))
    won_high: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    won_low: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    won_by_currency: Mapped[str | None] = mapped_column(Text)
