"""Business plans: content, tree, links, roll-ups and status history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import strawberry

from models import BusinessPlan as PlanRow
from models import Period as PeriodRow
from models import User as UserRow
from models.money import MissingRateError, sum_in
from resolvers.errors import ClientError
from resolvers.ids import to_global_id
from resolvers.pagination import PageArgs, encode_cursor
from resolvers.rollups import OPEN, WON, rates_loader, totals_loader
from schema.account_types import PlanAccountConnection, PlanAccountEdge, account_from_row
from schema.connections import Connection, page_info
from schema.enums import PlanStatus, PlanType
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
        return await load_node(info, UserRow, self.changed_by_id)  # type: ignore[no-any-return]


@strawberry.type(description="A business plan for one period: targets, goals, and the work below.")
class BusinessPlan(Node):
    name: str = strawberry.field(description="The plan's name, unique within its period.")
    type: PlanType = strawberry.field(description="What the plan covers.")
    status: PlanStatus = strawberry.field(description="Where the plan is in its workflow.")
    description: str | None = strawberry.field(description="The qualitative goals.")
    revenue_target: Money | None = strawberry.field(
        description="The revenue target: the plan's key metric."
    )
    currency: str = strawberry.field(
        description="The plan's currency (ISO 4217): its target and roll-ups are in it."
    )
    version: int = strawberry.field(
        description="Increases on every change; pass it as `expectedVersion` to detect races."
    )
    created_at: dt.datetime = strawberry.field(description="When the plan was created.")
    updated_at: dt.datetime = strawberry.field(description="When the plan last changed.")
    pk: strawberry.Private[int]
    period_id: strawberry.Private[int]
    owner_id: strawberry.Private[int]
    parent_id: strawberry.Private[int | None]

    @strawberry.field(description="The planning period.")
    async def period(self, info: Ctx) -> Period:
        return await load_node(info, PeriodRow, self.period_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The account manager who owns the plan.")
    async def owner(self, info: Ctx) -> User:
        return await load_node(info, UserRow, self.owner_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The plan above this one in its tree.")
    async def parent(self, info: Ctx) -> BusinessPlan | None:
        return await load_node(info, PlanRow, self.parent_id)  # type: ignore[no-any-return]

    @strawberry.field(
        description="Won revenue: CLOSED_WON opportunities linked to this plan or any plan "
        "below it, each counted once, converted into the plan's currency; null only when an "
        "exchange rate is missing (an error names it)."
    )
    async def won_revenue(self, info: Ctx) -> Money | None:
        return await self._rollup(info, WON)

    @strawberry.field(
        description="Open pipeline: opportunities not yet closed, linked to this plan or any "
        "plan below it, each counted once, converted into the plan's currency; null only when an "
        "exchange rate is missing (an error names it)."
    )
    async def pipeline_revenue(self, info: Ctx) -> Money | None:
        return await self._rollup(info, OPEN)

    async def _rollup(self, info: Ctx, bucket: str) -> Money:
        totals = await totals_loader(info.context.loaders).load(self.pk)
        amounts = totals.by_bucket[bucket]
        rates = await rates_loader(info.context.loaders).load(0)
        try:
            total = sum_in(self.currency, amounts, rates)
        except MissingRateError as missing:
            raise ClientError(
                f"No exchange rate from {missing.base} to {missing.quote}: "
                f"cannot sum {missing.base} amounts into this plan's currency.",
                code="MISSING_EXCHANGE_RATE",
            ) from None
        return Money(amount=total, currency=self.currency)

    @strawberry.field(description="The plans directly below this one.")
    async def sub_plans(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[BusinessPlan]:
        return await children(info, "sub_plans", self.pk, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="The accounts the plan covers; the edge says which is primary.")
    async def accounts(
        self, info: Ctx, first: First = None, after: After = None
    ) -> PlanAccountConnection:
        args = PageArgs.parse(first, after)
        page = await info.context.loaders.children["plan_accounts"].load((self.pk, args))
        edges = [
            PlanAccountEdge(
                cursor=encode_cursor(row.id),
                node=account_from_row(row),
                is_primary=bool(row._is_primary),
            )
            for row in page.rows
        ]
        return PlanAccountConnection(edges=edges, page_info=page_info(page), total_count=page.total)

    @strawberry.field(description="The contacts the plan covers.")
    async def contacts(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Contact]:
        return await children(info, "plan_contacts", self.pk, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="The objectives that belong to this plan.")
    async def objectives(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Objective]:
        return await children(info, "plan_objectives", self.pk, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="The opportunities linked to this plan.")
    async def opportunities(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Opportunity]:
        return await children(info, "plan_opportunities", self.pk, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="The activities linked to this plan.")
    async def activities(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Activity]:
        return await children(info, "plan_activities", self.pk, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Every status change, oldest first; the creation is the first.")
    async def status_history(self, info: Ctx) -> list[PlanStatusChange]:
        rows = await info.context.loaders.status_history.load(self.pk)
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


def plan_from_row(row: Any) -> BusinessPlan:
    target: Decimal | None = row.revenue_target
    return BusinessPlan(
        id=strawberry.ID(to_global_id("BusinessPlan", row.id)), pk=row.id, name=row.name,
        type=row.type, status=row.status, description=row.description,
        revenue_target=money(target, row.currency), currency=row.currency,
        version=row.version, created_at=row.created_at, updated_at=row.updated_at,
        period_id=row.period_id, owner_id=row.owner_id, parent_id=row.parent_id,
    )  # fmt: skip


from schema.work_types import Activity, Objective, Opportunity  # noqa: E402
