"""Revenue roll-ups: won and open pipeline over a plan and every plan below it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select, type_coerce

from models import BusinessPlan, ExchangeRate, Opportunity, OpportunityStage, PlanOpportunity
from models.base import ScaledDecimal
from models.money import Rates
from resolvers.loaders import Loaders

WON, OPEN = "won", "open"


@dataclass
class Totals:
    """Per bucket (won, open), the sum of each currency before conversion."""

    by_bucket: dict[str, dict[str, Decimal]] = field(
        default_factory=lambda: {WON: {}, OPEN: {}}
    )


def rollup_query(plan_ids: list[int]) -> Any:
    tree = (
        select(BusinessPlan.id.label("root"), BusinessPlan.id.label("plan"))
        .where(BusinessPlan.id.in_(plan_ids))
        .cte("tree", recursive=True)
    )
    # UNION (not UNION ALL) ends the recursion even if a cycle ever slipped in.
    tree = tree.union(
        select(tree.c.root, BusinessPlan.id).join(BusinessPlan, BusinessPlan.parent_id == tree.c.plan)
    )
    # Each opportunity once per root plan, however many plans of the tree it is linked to.
    linked = (
        select(tree.c.root, PlanOpportunity.opportunity_id)
        .join(PlanOpportunity, PlanOpportunity.plan_id == tree.c.plan)
        .distinct()
        .subquery("linked")
    )
    bucket = case((Opportunity.stage == OpportunityStage.CLOSED_WON, WON), else_=OPEN)
    return (
        select(
            linked.c.root,
            bucket.label("bucket"),
            Opportunity.currency,
            type_coerce(func.sum(Opportunity.amount), ScaledDecimal()).label("total"),
        )
        .join(Opportunity, Opportunity.id == linked.c.opportunity_id)
        .where(Opportunity.stage != OpportunityStage.CLOSED_LOST)
        .group_by(linked.c.root, bucket, Opportunity.currency)
    )


def totals_loader(loaders: Loaders) -> Any:
    async def batch(plan_ids: list[int]) -> list[Totals]:
        totals: dict[int, Totals] = defaultdict(Totals)
        for row in await loaders.fetch(rollup_query(plan_ids)):
            totals[row.root].by_bucket[row.bucket][row.currency] = row.total
        return [totals[i] for i in plan_ids]

    return loaders.custom("rollups", batch)


def rates_loader(loaders: Loaders) -> Any:
    """The exchange rates, read once per request."""

    async def batch(keys: list[int]) -> list[Rates]:
        rows = await loaders.fetch(select(ExchangeRate.base, ExchangeRate.quote, ExchangeRate.rate))
        rates = Rates({(r.base, r.quote): r.rate for r in rows})
        return [rates for _ in keys]

    return loaders.custom("rates", batch)
