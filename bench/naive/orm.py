"""Mapped classes with relationship()s over plangraph's tables, for the naive baseline only.

A second declarative base with its own MetaData (never used to create or migrate anything):
the production models in models/ have no relationships and stay untouched. Every column of
the entity tables is mapped, as a first version would; the relationships are view-only.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Enum,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload

from models.activity import ActivityStatus, ActivityType
from models.base import ScaledDecimal, UTCDateTime
from models.objective import ObjectiveStatus
from models.opportunity import OpportunityStage
from models.plan import PlanStatus, PlanType
from models.user import Role


class Base(DeclarativeBase):
    metadata = MetaData()


def _link(
    name: str, left: str, left_fk: str, right: str, right_fk: str, *extra: Column[Any]
) -> Table:
    return Table(
        name,
        Base.metadata,
        Column(left, ForeignKey(left_fk), primary_key=True),
        Column(right, ForeignKey(right_fk), primary_key=True),
        *extra,
    )


account_contacts = _link(
    "account_contacts", "account_id", "accounts.id", "contact_id", "contacts.id"
)
account_team_members = _link(
    "account_team_members",
    "account_id",
    "accounts.id",
    "user_id",
    "users.id",
    Column("role", String(100)),
)
plan_accounts = _link(
    "plan_accounts",
    "plan_id",
    "business_plans.id",
    "account_id",
    "accounts.id",
    Column("is_primary", Boolean),
)
plan_contacts = _link("plan_contacts", "plan_id", "business_plans.id", "contact_id", "contacts.id")
plan_opportunities = _link(
    "plan_opportunities", "plan_id", "business_plans.id", "opportunity_id", "opportunities.id"
)
opportunity_contacts = _link(
    "opportunity_contacts",
    "opportunity_id",
    "opportunities.id",
    "contact_id",
    "contacts.id",
    Column("role", String(100)),
)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(
        Enum(Role, name="user_role", values_callable=lambda e: [m.value for m in e])
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    user: Mapped[User] = relationship(viewonly=True)


class ExchangeRate(Base):
    __tablename__ = "exchange_rates"

    base: Mapped[str] = mapped_column(String(3), primary_key=True)
    quote: Mapped[str] = mapped_column(String(3), primary_key=True)
    rate: Mapped[Decimal] = mapped_column(ScaledDecimal(10))


class Activity(Base):
    __tablename__ = "activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[ActivityType] = mapped_column(Enum(ActivityType, name="activity_type"))
    subject: Mapped[str] = mapped_column(String(500))
    status: Mapped[ActivityStatus] = mapped_column(Enum(ActivityStatus, name="activity_status"))
    due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("business_plans.id"))
    objective_id: Mapped[int | None] = mapped_column(ForeignKey("objectives.id"))
    opportunity_id: Mapped[int | None] = mapped_column(ForeignKey("opportunities.id"))
    follow_up_of_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Opportunity(Base):
    __tablename__ = "opportunities"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    stage: Mapped[OpportunityStage] = mapped_column(
        Enum(OpportunityStage, name="opportunity_stage")
    )
    amount: Mapped[Decimal] = mapped_column("amount_milli", ScaledDecimal(3))
    currency: Mapped[str] = mapped_column(String(3))
    close_on: Mapped[dt.date | None]
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    objective_id: Mapped[int | None] = mapped_column(ForeignKey("objectives.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    activities: Mapped[list[Activity]] = relationship(viewonly=True, order_by=Activity.id)


class Objective(Base):
    __tablename__ = "objectives"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[ObjectiveStatus] = mapped_column(Enum(ObjectiveStatus, name="objective_status"))
    period_id: Mapped[int] = mapped_column(Integer)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("business_plans.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("objectives.id"))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    target: Mapped[Decimal | None] = mapped_column("target_micros", ScaledDecimal())
    unit: Mapped[str | None] = mapped_column(String(100))
    revenue_target: Mapped[Decimal | None] = mapped_column("revenue_target_milli", ScaledDecimal(3))
    revenue_target_currency: Mapped[str | None] = mapped_column(String(3))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    opportunities: Mapped[list[Opportunity]] = relationship(viewonly=True, order_by=Opportunity.id)


class BusinessPlan(Base):
    __tablename__ = "business_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[PlanType] = mapped_column(Enum(PlanType, name="plan_type"))
    period_id: Mapped[int] = mapped_column(Integer)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[PlanStatus] = mapped_column(Enum(PlanStatus, name="plan_status"))
    description: Mapped[str | None] = mapped_column(Text)
    currency: Mapped[str] = mapped_column(String(3))
    revenue_target: Mapped[Decimal | None] = mapped_column("revenue_target_milli", ScaledDecimal(3))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("business_plans.id"))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    sub_plans: Mapped[list[BusinessPlan]] = relationship(viewonly=True, order_by=id)
    objectives: Mapped[list[Objective]] = relationship(viewonly=True, order_by=Objective.id)
    opportunities: Mapped[list[Opportunity]] = relationship(
        secondary=plan_opportunities, viewonly=True, order_by=Opportunity.id
    )
    activities: Mapped[list[Activity]] = relationship(viewonly=True, order_by=Activity.id)


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    plans: Mapped[list[BusinessPlan]] = relationship(secondary=plan_contacts, viewonly=True)
    objectives: Mapped[list[Objective]] = relationship(viewonly=True)
    opportunities: Mapped[list[Opportunity]] = relationship(
        secondary=opportunity_contacts, viewonly=True
    )
    activities: Mapped[list[Activity]] = relationship(viewonly=True)


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    contacts: Mapped[list[Contact]] = relationship(
        secondary=account_contacts, viewonly=True, order_by=Contact.id
    )
    team: Mapped[list[User]] = relationship(secondary=account_team_members, viewonly=True)
    plans: Mapped[list[BusinessPlan]] = relationship(secondary=plan_accounts, viewonly=True)
    objectives: Mapped[list[Objective]] = relationship(viewonly=True)
    opportunities: Mapped[list[Opportunity]] = relationship(viewonly=True)
    activities: Mapped[list[Activity]] = relationship(viewonly=True)


def plan_tree(path: Any) -> list[Any]:
    """Loader options for the plans at `path` and every plan below them (for the roll-ups)."""
    below = path.selectinload(BusinessPlan.sub_plans, recursion_depth=-1)
    return [
        path.selectinload(BusinessPlan.opportunities),
        path.selectinload(BusinessPlan.activities),
        path.selectinload(BusinessPlan.objectives)
        .selectinload(Objective.opportunities)
        .selectinload(Opportunity.activities),
        below.selectinload(BusinessPlan.opportunities),
        below.selectinload(BusinessPlan.activities),
        below.selectinload(BusinessPlan.objectives),
    ]


def picture_query(pk: int) -> Any:
    """The account with everything picture.graphql reads, eager-loaded (one SELECT a level)."""
    contacts = selectinload(Account.contacts)
    return (
        select(Account)
        .where(Account.id == pk)
        .options(
            selectinload(Account.team),
            contacts.selectinload(Contact.objectives),
            contacts.selectinload(Contact.opportunities),
            contacts.selectinload(Contact.activities),
            *plan_tree(contacts.selectinload(Contact.plans)),
            selectinload(Account.objectives),
            selectinload(Account.opportunities),
            selectinload(Account.activities),
            *plan_tree(selectinload(Account.plans)),
        )
    )
