"""Opportunities: potential sales of an account, with their contacts."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import MONEY_SCALE, Base, IntPK, Name, ScaledDecimal, Timestamp


class OpportunityStage(enum.StrEnum):
    PROSPECTING = "PROSPECTING"
    QUALIFICATION = "QUALIFICATION"
    PROPOSAL = "PROPOSAL"
    NEGOTIATION = "NEGOTIATION"
    CLOSED_WON = "CLOSED_WON"
    CLOSED_LOST = "CLOSED_LOST"


class Opportunity(Base):
    __tablename__ = "opportunities"
    __table_args__ = (
        CheckConstraint("amount_milli >= 0", name="amount_not_negative"),
        # An objective's progress sums its won opportunities per currency, from the index
        # alone (migration 0011).
        Index(
            "ix_opportunities_won_objective_id",
            "objective_id",
            "currency",
            "amount_milli",
            sqlite_where=text("stage = 'CLOSED_WON'"),
            postgresql_where=text("stage = 'CLOSED_WON'"),
        ),
    )

    id: Mapped[IntPK]
    name: Mapped[Name]
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    stage: Mapped[OpportunityStage] = mapped_column(
        Enum(OpportunityStage, name="opportunity_stage"), default=OpportunityStage.PROSPECTING
    )
    amount: Mapped[Decimal] = mapped_column("amount_milli", ScaledDecimal(MONEY_SCALE))
    currency: Mapped[str] = mapped_column(ForeignKey("currencies.code"))
    close_on: Mapped[dt.date | None]
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    # A single column: an opportunity serves at most one objective, by construction.
    objective_id: Mapped[int | None] = mapped_column(ForeignKey("objectives.id"), index=True)
    created_at: Mapped[Timestamp]


class OpportunityContact(Base):
    """A contact in a role on an opportunity (decision maker, champion, ...)."""

    __tablename__ = "opportunity_contacts"

    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), primary_key=True, index=True)
    role: Mapped[str | None] = mapped_column(String(100))
