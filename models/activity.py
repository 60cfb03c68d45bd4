"""Activities: tasks, calls, appointments and e-mails, with follow-ups."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, IntPK, Timestamp, UTCDateTime


class ActivityType(enum.StrEnum):
    TASK = "TASK"
    CALL = "CALL"
    APPOINTMENT = "APPOINTMENT"
    EMAIL = "EMAIL"


class ActivityStatus(enum.StrEnum):
    NOT_STARTED = "NOT_STARTED"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"


class Activity(Base):
    __tablename__ = "activities"
    __table_args__ = (
        CheckConstraint(
            "follow_up_of_id IS NULL OR follow_up_of_id <> id", name="not_own_follow_up"
        ),
        # An objective's progress counts its completed activities (migration 0011).
        Index(
            "ix_activities_completed_objective_id",
            "objective_id",
            sqlite_where=text("status = 'COMPLETED'"),
            postgresql_where=text("status = 'COMPLETED'"),
        ),
    )

    id: Mapped[IntPK]
    type: Mapped[ActivityType] = mapped_column(Enum(ActivityType, name="activity_type"))
    subject: Mapped[str] = mapped_column(String(500))
    status: Mapped[ActivityStatus] = mapped_column(
        Enum(ActivityStatus, name="activity_status"), default=ActivityStatus.NOT_STARTED
    )
    due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("business_plans.id"), index=True)
    objective_id: Mapped[int | None] = mapped_column(ForeignKey("objectives.id"), index=True)
    opportunity_id: Mapped[int | None] = mapped_column(ForeignKey("opportunities.id"), index=True)
    follow_up_of_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id"), index=True)
    created_at: Mapped[Timestamp]
