"""Company planning periods: years, quarters and months, nested."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, IntPK, Name


class PeriodType(enum.StrEnum):
    YEAR = "YEAR"
    QUARTER = "QUARTER"
    MONTH = "MONTH"


class Period(Base):
    __tablename__ = "periods"
    __table_args__ = (
        CheckConstraint("end_on >= start_on", name="ends_after_start"),
        Index("ix_periods_start_on_id", "start_on", "id"),  # orderBy START_DATE
    )

    id: Mapped[IntPK]
    name: Mapped[Name] = mapped_column(unique=True)
    type: Mapped[PeriodType] = mapped_column(Enum(PeriodType, name="period_type"))
    start_on: Mapped[dt.date]
    end_on: Mapped[dt.date]
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("periods.id"), index=True)
