"""Revenue roll-ups: won and open pipeline over a plan and every plan below it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from models import BusinessPlan, ExchangeRate, Opportunity, OpportunityStage, PlanOpportunity
from models.money import MissingRateError, Rates
from resolvers.errors import ClientError
from resolvers.loaders import Loaders
from resolvers.read.sources import plan_tree

WON, OPEN = "won", "open"


@dataclass
class Totals:
    """Per bucket (won, open), the sum of each currency before conversion."""

    by_bucket: dict[str, dict[str, Decimal]] = field(default_factory=lambda: {WON: {}, OPEN: {}})


def tree_query(plan_ids: list[int]) -> Any:
    """(root, plan) for every plan at or below each root plan."""
    tree = plan_tree(BusinessPlan.id.in_(plan_ids))
    return select(tree.c.root, tree.c.plan)


def linked_query(plans: set[int]) -> Any:
    """The open and won opportunities linked to these plans (looked up by index)."""
    return (
        select(
            PlanOpportunity.plan_id.label("plan_id"),
            Opportunity.id.label("id"),
            Opportunity.stage.label("stage"),
            Opportunity.currency.label("currency"),
            Opportunity.amount.label("amount"),
        )
        .join(Opportunity, Opportunity.id == PlanOpportunity.opportunity_id)
        .where(
            PlanOpportunity.plan_id.in_(sorted(plans)),
            Opportunity.stage != OpportunityStage.CLOSED_LOST,
        )
    )


def add_up(tree: list[tuple[int, int]], linked: list[Any]) -> dict[int, Totals]:
    """Per root plan: each opportunity of its tree once, summed per bucket and currency."""
    roots_of: dict[int, list[int]] = defaultdict(list)
    for root, plan in tree:
        roots_of[plan].append(root)
    seen: set[tuple[int, int]] = set()
    totals: dict[int, Totals] = defaultdict(Totals)
    for row in linked:
        for root in roots_of[row.plan_id]:
            if (root, row.id) in seen:
                continue
            seen.add((root, row.id))
            bucket = totals[root].by_bucket[
                WON if row.stage is OpportunityStage.CLOSED_WON else OPEN
            ]
            bucket[row.currency] = bucket.get(row.currency, Decimal(0)) + row.amount
    return totals


def totals_loader(loaders: Loaders) -> Any:
    async def batch(plan_ids: list[int]) -> list[Totals]:
        tree = [(row.root, row.plan) for row in await loaders.fetch(tree_query(plan_ids))]
        linked = await loaders.fetch(linked_query({plan for _, plan in tree}))
        totals = add_up(tree, list(linked))
        return [totals[i] for i in plan_ids]

    return loaders.custom("rollups", batch)


def rates_loader(loaders: Loaders) -> Any:
    """The exchange rates, read once per request."""

    async def batch(keys: list[int]) -> list[Rates]:
        query: Any = select(ExchangeRate.base, ExchangeRate.quote, ExchangeRate.rate)
        rows = await loaders.fetch(query)
        rates = Rates({(r.base, r.quote): r.rate for r in rows})
        return [rates for _ in keys]

    return loaders.custom("rates", batch)


def missing_rate_error(
    missing: MissingRateError, into: str = "this plan's currency"
) -> ClientError:
    """The field error of a roll-up that needs a rate the server does not hold."""
    return ClientError(
        f"No exchange rate from {missing.base} to {missing.quote}: "
        f"cannot sum {missing.base} amounts into {into}.",
        code="MISSING_EXCHANGE_RATE",
    )
