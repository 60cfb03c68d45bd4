"""Objectives: lower-level goals, per account, per contact, or global."""

from __future__ import annotations

import enum
from decimal import Decimal

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String, text
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
    created_at: Mapped[Timestamp]
