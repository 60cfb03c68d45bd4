"""Business plans, their links to accounts, contacts and opportunities, and their history."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import (
    MONEY_SCALE,
    Base,
    IntPK,
    Name,
    ScaledDecimal,
    Timestamp,
    UTCDateTime,
    utcnow,
)


class PlanStatus(enum.StrEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    FINAL_APPROVED = "FINAL_APPROVED"
    EXPIRED = "EXPIRED"


class PlanType(enum.StrEnum):
    ACCOUNT = "ACCOUNT"
    LOCAL = "LOCAL"
    REGIONAL = "REGIONAL"
    NATIONAL = "NATIONAL"
    MARKET_SEGMENT = "MARKET_SEGMENT"
    ENGAGEMENT = "ENGAGEMENT"
    BRAND = "BRAND"


PLAN_STATUS_ENUM = Enum(PlanStatus, name="plan_status")


class BusinessPlan(Base):
    __tablename__ = "business_plans"
    __table_args__ = (
        UniqueConstraint("period_id", "name"),
        CheckConstraint("revenue_target_milli >= 0", name="revenue_target_not_negative"),
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        Index("ix_business_plans_owner_status", "owner_id", "status"),
        # Ordered pages (orderBy NAME, UPDATED_AT) read the page by index, not the table.
        Index("ix_business_plans_name_id", "name", "id"),
        Index("ix_business_plans_updated_at_id", "updated_at", "id"),
    )

    id: Mapped[IntPK]
    name: Mapped[Name]
    type: Mapped[PlanType] = mapped_column(Enum(PlanType, name="plan_type"))
    period_id: Mapped[int] = mapped_column(ForeignKey("periods.id"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[PlanStatus] = mapped_column(PLAN_STATUS_ENUM, default=PlanStatus.DRAFT)
    description: Mapped[str | None] = mapped_column(Text)
    # The plan's currency: its target and roll-ups are in it.
    currency: Mapped[str] = mapped_column(ForeignKey("currencies.code"))
    revenue_target: Mapped[Decimal | None] = mapped_column(
        "revenue_target_milli", ScaledDecimal(MONEY_SCALE)
    )
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("business_plans.id"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The plan this one was copied from (copyBusinessPlan), if any.
    copied_from_id: Mapped[int | None] = mapped_column(ForeignKey("business_plans.id"))
    created_at: Mapped[Timestamp]
    updated_at: Mapped[Timestamp]


class PlanAccount(Base):
    __tablename__ = "plan_accounts"

    plan_id: Mapped[int] = mapped_column(
        ForeignKey("business_plans.id", ondelete="CASCADE"), primary_key=True
    )
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True, index=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


# At most one primary account per plan.
Index(
    "uq_plan_accounts_primary",
    PlanAccount.plan_id,
    unique=True,
    sqlite_where=text("is_primary"),
    postgresql_where=text("is_primary"),
)


class PlanContact(Base):
    __tablename__ = "plan_contacts"

    plan_id: Mapped[int] = mapped_column(
        ForeignKey("business_plans.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), primary_key=True, index=True)


class PlanOpportunity(Base):
    __tablename__ = "plan_opportunities"

    plan_id: Mapped[int] = mapped_column(
        ForeignKey("business_plans.id", ondelete="CASCADE"), primary_key=True
    )
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id"), primary_key=True, index=True
    )


class PlanStatusChange(Base):
    """Append-only: the application never updates or deletes a row here."""

    __tablename__ = "plan_status_changes"
    __table_args__ = (
        # One change per version: two writers can never both record the same move.
        UniqueConstraint("plan_id", "version"),
    )

    id: Mapped[IntPK]
    plan_id: Mapped[int] = mapped_column(ForeignKey("business_plans.id"))
    version: Mapped[int] = mapped_column(Integer)
    from_status: Mapped[PlanStatus | None] = mapped_column(PLAN_STATUS_ENUM)
    to_status: Mapped[PlanStatus] = mapped_column(PLAN_STATUS_ENUM)
    changed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    comment: Mapped[str | None] = mapped_column(String(2000))
