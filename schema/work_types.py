"""The work below plans: objectives, opportunities and activities."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import strawberry
from sqlalchemy import and_

from models import OpportunityContact, PlanOpportunity
from resolvers.read.specs import Children, Flag, Format
from schema.connections import Connection
from schema.enums import (
    ActivityStatus,
    ActivityType,
    ObjectiveMeasure,
    ObjectiveStatus,
    OpportunityStage,
)
from schema.progress import actual_field, progress_field
from schema.read import Row, children, column, flag, global_id, money_of, ref, register
from schema.refs import AccountRef, BusinessPlanRef
from schema.types import Contact, Money, Node, Period, User

IS_GLOBAL = Flag(
    condition=lambda t: and_(t.c.account_id.is_(None), t.c.contact_id.is_(None)),
    test=lambda row: row.account_id is None and row.contact_id is None,
)


@register
@strawberry.type(
    description='A lower-level goal such as "12 sales calls"; global when it has neither '
    "account nor contact."
)
class Objective(Node):
    id: strawberry.ID = global_id()
    name: str = column("name", "The objective's name.")
    status: ObjectiveStatus = column("status", "The objective's state.")
    measure: ObjectiveMeasure = column(
        "measure", "How progress is counted: by hand, completed activities or won revenue."
    )
    actual: Decimal | None = actual_field()
    progress: float | None = progress_field()
    is_global: bool = flag(
        IS_GLOBAL, "No account and no contact: the objective applies to all accounts."
    )
    target: Decimal | None = column("target", "The quantity to reach, e.g. 12.", Format.DECIMAL)
    unit: str | None = column("unit", 'What is counted, e.g. "sales calls".')
    revenue_target: Money | None = money_of(
        "revenue_target", "revenue_target_currency", "An optional revenue target."
    )
    period: Period = ref("period_id", "Period", "The planning period.")
    plan: BusinessPlanRef | None = ref(
        "plan_id", "BusinessPlan", "The plan the objective belongs to, if any."
    )
    parent: Objective | None = ref(
        "parent_id", "Objective", "The objective above this one, if any."
    )
    account: AccountRef | None = ref(
        "account_id", "Account", "The account the objective is for (at most one)."
    )
    contact: Contact | None = ref(
        "contact_id", "Contact", "The contact the objective is for (at most one)."
    )
    sub_objectives: Connection[Objective] = children(
        Children("Objective", "parent_id"), "The objectives directly below this one."
    )
    opportunities: Connection[Opportunity] = children(
        Children("Opportunity", "objective_id"), "The opportunities that serve this objective."
    )
    activities: Connection[Activity] = children(
        Children("Activity", "objective_id"), "The activities linked to this objective."
    )
    row: Row


@register
@strawberry.type(description="A potential sale to an account.")
class Opportunity(Node):
    id: strawberry.ID = global_id()
    name: str = column("name", "The opportunity's name.")
    stage: OpportunityStage = column("stage", "The sales stage.")
    amount: Money = money_of("amount", "currency", "The expected value of the sale.")
    close_date: dt.date | None = column("close_on", "The expected close date.", Format.DATE)
    account: AccountRef = ref("account_id", "Account", "The account the sale is to.")
    owner: User = ref("owner_id", "User", "Who works the opportunity.")
    objective: Objective | None = ref(
        "objective_id", "Objective", "The objective the opportunity serves (at most one)."
    )
    plans: Connection[BusinessPlanRef] = children(
        Children("BusinessPlan", "opportunity_id", PlanOpportunity, "plan_id"),
        "The plans the opportunity is linked to.",
    )
    contacts: Connection[Contact] = children(
        Children("Contact", "opportunity_id", OpportunityContact, "contact_id"),
        "The contacts in a role on the opportunity.",
    )
    activities: Connection[Activity] = children(
        Children("Activity", "opportunity_id"), "The activities linked to the opportunity."
    )
    row: Row


@register
@strawberry.type(description="A task, call, appointment or e-mail.")
class Activity(Node):
    id: strawberry.ID = global_id()
    type: ActivityType = column("type", "Task, call, appointment or e-mail.")
    subject: str = column("subject", "What the activity is about.")
    status: ActivityStatus = column("status", "How far it has got.")
    due_at: dt.datetime | None = column("due_at", "When it is due.", Format.DATETIME)
    owner: User = ref("owner_id", "User", "Who does the activity.")
    account: AccountRef | None = ref("account_id", "Account", "The account it concerns.")
    contact: Contact | None = ref("contact_id", "Contact", "The contact it concerns.")
    plan: BusinessPlanRef | None = ref("plan_id", "BusinessPlan", "The plan it is linked to.")
    objective: Objective | None = ref("objective_id", "Objective", "The objective it is linked to.")
    opportunity: Opportunity | None = ref(
        "opportunity_id", "Opportunity", "The opportunity it is linked to."
    )
    follow_up_of: Activity | None = ref(
        "follow_up_of_id", "Activity", "The activity this one follows up."
    )
    follow_ups: Connection[Activity] = children(
        Children("Activity", "follow_up_of_id"), "The activities that follow up this one."
    )
    row: Row
