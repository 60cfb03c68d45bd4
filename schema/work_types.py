"""The work below plans: objectives, opportunities and activities."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import strawberry

from models import Account as AccountRow
from models import Activity as ActivityRow
from models import BusinessPlan as PlanRow
from models import Contact as ContactRow
from models import Objective as ObjectiveRow
from models import Opportunity as OpportunityRow
from models import Period as PeriodRow
from models import User as UserRow
from resolvers.ids import to_global_id
from schema.account_types import Account
from schema.connections import Connection
from schema.enums import ActivityStatus, ActivityType, ObjectiveStatus, OpportunityStage
from schema.plan_types import BusinessPlan
from schema.types import (
    After,
    Contact,
    Ctx,
    First,
    Money,
    Node,
    Period,
    User,
    children,
    load_node,
    money,
)


@strawberry.type(
    description='A lower-level goal such as "12 sales calls"; global when it has neither '
    "account nor contact."
)
class Objective(Node):
    name: str = strawberry.field(description="The objective's name.")
    status: ObjectiveStatus = strawberry.field(description="The objective's state.")
    is_global: bool = strawberry.field(
        description="No account and no contact: the objective applies to all accounts."
    )
    target: Decimal | None = strawberry.field(description="The quantity to reach, e.g. 12.")
    unit: str | None = strawberry.field(description='What is counted, e.g. "sales calls".')
    revenue_target: Money | None = strawberry.field(description="An optional revenue target.")
    pk: strawberry.Private[int]
    period_id: strawberry.Private[int]
    plan_id: strawberry.Private[int | None]
    parent_id: strawberry.Private[int | None]
    account_id: strawberry.Private[int | None]
    contact_id: strawberry.Private[int | None]

    @strawberry.field(description="The planning period.")
    async def period(self, info: Ctx) -> Period:
        return await load_node(info, PeriodRow, self.period_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The plan the objective belongs to, if any.")
    async def plan(self, info: Ctx) -> BusinessPlan | None:
        return await load_node(info, PlanRow, self.plan_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The objective above this one, if any.")
    async def parent(self, info: Ctx) -> Objective | None:
        return await load_node(info, ObjectiveRow, self.parent_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The account the objective is for (at most one).")
    async def account(self, info: Ctx) -> Account | None:
        return await load_node(info, AccountRow, self.account_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The contact the objective is for (at most one).")
    async def contact(self, info: Ctx) -> Contact | None:
        return await load_node(info, ContactRow, self.contact_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The objectives directly below this one.")
    async def sub_objectives(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Objective]:
        return await children(info, "sub_objectives", self.pk, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="The opportunities that serve this objective.")
    async def opportunities(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Opportunity]:
        return await children(info, "objective_opportunities", self.pk, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="The activities linked to this objective.")
    async def activities(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Activity]:
        return await children(info, "objective_activities", self.pk, first, after)  # type: ignore[no-any-return]


@strawberry.type(description="A potential sale to an account.")
class Opportunity(Node):
    name: str = strawberry.field(description="The opportunity's name.")
    stage: OpportunityStage = strawberry.field(description="The sales stage.")
    amount: Money = strawberry.field(description="The expected value of the sale.")
    close_date: dt.date | None = strawberry.field(description="The expected close date.")
    pk: strawberry.Private[int]
    account_id: strawberry.Private[int]
    owner_id: strawberry.Private[int]
    objective_id: strawberry.Private[int | None]

    @strawberry.field(description="The account the sale is to.")
    async def account(self, info: Ctx) -> Account:
        return await load_node(info, AccountRow, self.account_id)  # type: ignore[no-any-return]

    @strawberry.field(description="Who works the opportunity.")
    async def owner(self, info: Ctx) -> User:
        return await load_node(info, UserRow, self.owner_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The objective the opportunity serves (at most one).")
    async def objective(self, info: Ctx) -> Objective | None:
        return await load_node(info, ObjectiveRow, self.objective_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The plans the opportunity is linked to.")
    async def plans(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[BusinessPlan]:
        return await children(info, "opportunity_plans", self.pk, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="The contacts in a role on the opportunity.")
    async def contacts(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Contact]:
        return await children(info, "opportunity_contacts", self.pk, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="The activities linked to the opportunity.")
    async def activities(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Activity]:
        return await children(info, "opportunity_activities", self.pk, first, after)  # type: ignore[no-any-return]


@strawberry.type(description="A task, call, appointment or e-mail.")
class Activity(Node):
    type: ActivityType = strawberry.field(description="Task, call, appointment or e-mail.")
    subject: str = strawberry.field(description="What the activity is about.")
    status: ActivityStatus = strawberry.field(description="How far it has got.")
    due_at: dt.datetime | None = strawberry.field(description="When it is due.")
    pk: strawberry.Private[int]
    owner_id: strawberry.Private[int]
    account_id: strawberry.Private[int | None]
    contact_id: strawberry.Private[int | None]
    plan_id: strawberry.Private[int | None]
    objective_id: strawberry.Private[int | None]
    opportunity_id: strawberry.Private[int | None]
    follow_up_of_id: strawberry.Private[int | None]

    @strawberry.field(description="Who does the activity.")
    async def owner(self, info: Ctx) -> User:
        return await load_node(info, UserRow, self.owner_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The account it concerns.")
    async def account(self, info: Ctx) -> Account | None:
        return await load_node(info, AccountRow, self.account_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The contact it concerns.")
    async def contact(self, info: Ctx) -> Contact | None:
        return await load_node(info, ContactRow, self.contact_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The plan it is linked to.")
    async def plan(self, info: Ctx) -> BusinessPlan | None:
        return await load_node(info, PlanRow, self.plan_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The objective it is linked to.")
    async def objective(self, info: Ctx) -> Objective | None:
        return await load_node(info, ObjectiveRow, self.objective_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The opportunity it is linked to.")
    async def opportunity(self, info: Ctx) -> Opportunity | None:
        return await load_node(info, OpportunityRow, self.opportunity_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The activity this one follows up.")
    async def follow_up_of(self, info: Ctx) -> Activity | None:
        return await load_node(info, ActivityRow, self.follow_up_of_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The activities that follow up this one.")
    async def follow_ups(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Activity]:
        return await children(info, "follow_ups", self.pk, first, after)  # type: ignore[no-any-return]


def objective_from_row(row: Any) -> Objective:
    return Objective(
        id=strawberry.ID(to_global_id("Objective", row.id)), pk=row.id, name=row.name,
        status=row.status, is_global=row.account_id is None and row.contact_id is None,
        target=row.target, unit=row.unit,
        revenue_target=money(row.revenue_target, row.revenue_target_currency),
        period_id=row.period_id, plan_id=row.plan_id, parent_id=row.parent_id,
        account_id=row.account_id, contact_id=row.contact_id,
    )  # fmt: skip


def opportunity_from_row(row: Any) -> Opportunity:
    amount = money(row.amount, row.currency)
    assert amount is not None  # amount and currency are NOT NULL columns
    return Opportunity(
        id=strawberry.ID(to_global_id("Opportunity", row.id)), pk=row.id, name=row.name,
        stage=row.stage, amount=amount, close_date=row.close_on, account_id=row.account_id,
        owner_id=row.owner_id, objective_id=row.objective_id,
    )  # fmt: skip


def activity_from_row(row: Any) -> Activity:
    return Activity(
        id=strawberry.ID(to_global_id("Activity", row.id)), pk=row.id, type=row.type,
        subject=row.subject, status=row.status, due_at=row.due_at, owner_id=row.owner_id,
        account_id=row.account_id, contact_id=row.contact_id, plan_id=row.plan_id,
        objective_id=row.objective_id, opportunity_id=row.opportunity_id,
        follow_up_of_id=row.follow_up_of_id,
    )  # fmt: skip
