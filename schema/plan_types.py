"""Business plans: content, tree, links, roll-ups and status history."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from models import PlanContact, PlanOpportunity
from models.money import MissingRateError, sum_in
from resolvers.read.specs import Children, Format, History, Rollup
from resolvers.rollups import OPEN, WON, missing_rate_error, rates_loader, totals_loader
from schema.account_types import PLAN_ACCOUNTS, PlanAccountConnection, PlanAccountEdge
from schema.connections import Connection
from schema.enums import PlanStatus, PlanType
from schema.read import (
    READ,
    Ctx,
    Row,
    children,
    column,
    global_id,
    load_node,
    money_of,
    ref,
    register,
)
from schema.refs import ActivityRef, ObjectiveRef, OpportunityRef
from schema.revenue import RevenueByCurrency, revenue_by_currency
from schema.types import Contact, Money, Node, Period, User

ROLLUP_NULL = "; null only when an exchange rate is missing (an error names it)."


@strawberry.type(description="One status change of a plan; the creation is the first.")
class PlanStatusChange:
    from_: PlanStatus | None = strawberry.field(
        name="from", description="The status before; null for the creation."
    )
    to: PlanStatus = strawberry.field(description="The status after.")
    changed_at: dt.datetime = strawberry.field(description="When the change was made.")
    comment: str | None = strawberry.field(description="Why, in the changer's words.")
    changed_by_id: strawberry.Private[int]

    @strawberry.field(description="Who made the change.")
    async def changed_by(self, info: Ctx) -> User:
        return await load_node(info, "User", self.changed_by_id)  # type: ignore[no-any-return]


def _rollup(bucket: str, description: str) -> Any:
    async def resolve(root: Any, info: Ctx) -> Money | None:
        totals = await totals_loader(info.context.loaders).load(root.row.id)
        rates = await rates_loader(info.context.loaders).load(0)
        currency = root.row.currency
        try:
            total = sum_in(currency, totals.by_bucket[bucket], rates)
        except MissingRateError as missing:
            raise missing_rate_error(missing) from None
        return Money(amount=total, currency=currency)

    return strawberry.field(
        resolver=resolve, description=description, metadata={READ: Rollup(bucket)}
    )


async def _history(root: Any, info: Ctx) -> list[PlanStatusChange]:
    rows = await info.context.loaders.status_history().load(root.row.id)
    return [
        PlanStatusChange(
            from_=row.from_status,
            to=row.to_status,
            changed_at=row.changed_at,
            comment=row.comment,
            changed_by_id=row.changed_by_id,
        )
        for row in rows
    ]


@register
@strawberry.type(description="A business plan for one period: targets, goals, and the work below.")
class BusinessPlan(Node):
    id: strawberry.ID = global_id()
    name: str = column("name", "The plan's name, unique within its period.")
    type: PlanType = column("type", "What the plan covers.")
    status: PlanStatus = column("status", "Where the plan is in its workflow.")
    description: str | None = column("description", "The qualitative goals.")
    revenue_target: Money | None = money_of(
        "revenue_target", "currency", "The revenue target: the plan's key metric."
    )
    currency: str = column(
        "currency", "The plan's currency (ISO 4217): its target and roll-ups are in it."
    )
    version: int = column(
        "version", "Increases on every change; pass it as `expectedVersion` to detect races."
    )
    created_at: dt.datetime = column("created_at", "When the plan was created.", Format.DATETIME)
    updated_at: dt.datetime = column("updated_at", "When the plan last changed.", Format.DATETIME)
    period: Period = ref("period_id", "Period", "The planning period.")
    owner: User = ref("owner_id", "User", "The account manager who owns the plan.")
    parent: BusinessPlan | None = ref(
        "parent_id", "BusinessPlan", "The plan above this one in its tree."
    )
    copied_from: BusinessPlan | None = ref(
        "copied_from_id", "BusinessPlan", "The plan this one was copied from, if any."
    )
    won_revenue: Money | None = _rollup(
        WON,
        "Won revenue: CLOSED_WON opportunities linked to this plan or any plan below it, each "
        "counted once, converted into the plan's currency" + ROLLUP_NULL,
    )
    pipeline_revenue: Money | None = _rollup(
        OPEN,
        "Open pipeline: opportunities not yet closed, linked to this plan or any plan below it, "
        "each counted once, converted into the plan's currency" + ROLLUP_NULL,
    )
    revenue_by_currency: RevenueByCurrency = revenue_by_currency()
    sub_plans: Connection[BusinessPlan] = children(
        Children("BusinessPlan", "parent_id"), "The plans directly below this one."
    )
    accounts: PlanAccountConnection = children(
        PLAN_ACCOUNTS,
        "The accounts the plan covers; the edge says which is primary.",
        PlanAccountConnection,
        PlanAccountEdge,
    )
    contacts: Connection[Contact] = children(
        Children("Contact", "plan_id", PlanContact, "contact_id"), "The contacts the plan covers."
    )
    objectives: Connection[ObjectiveRef] = children(
        Children("Objective", "plan_id"), "The objectives that belong to this plan."
    )
    opportunities: Connection[OpportunityRef] = children(
        Children("Opportunity", "plan_id", PlanOpportunity, "opportunity_id"),
        "The opportunities linked to this plan.",
    )
    activities: Connection[ActivityRef] = children(
        Children("Activity", "plan_id"), "The activities linked to this plan."
    )
    status_history: list[PlanStatusChange] = strawberry.field(
        resolver=_history,
        description="Every status change, oldest first; the creation is the first.",
        metadata={READ: History()},
    )
    row: Row
