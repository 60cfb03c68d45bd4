"""A plan's revenue per currency: the roll-ups' parts before conversion, which never fail."""

from __future__ import annotations

from typing import Any

import strawberry

from models.money import missing_rates, quantize
from resolvers.read.specs import RevenueParts
from resolvers.rollups import OPEN, WON, rates_loader, totals_loader
from schema.read import READ, Ctx
from schema.types import Money


@strawberry.type(description="A plan's roll-ups per currency, before any conversion.")
class RevenueByCurrency:
    won: list[Money] = strawberry.field(
        description="CLOSED_WON amounts of the plan's tree, one entry per currency, in "
        "currency order."
    )
    pipeline: list[Money] = strawberry.field(
        description="Open amounts of the plan's tree, one entry per currency, in currency order."
    )
    missing_rates: list[str] = strawberry.field(
        description="The exchange rates wonRevenue and pipelineRevenue would need and the "
        'server does not hold, e.g. ["CHF->EUR"].'
    )


def _moneys(amounts: dict[str, Any]) -> list[Money]:
    return [Money(amount=quantize(amounts[c], c), currency=c) for c in sorted(amounts)]


async def _revenue(root: Any, info: Ctx) -> RevenueByCurrency:
    totals = await totals_loader(info.context.loaders).load(root.row.id)
    rates = await rates_loader(info.context.loaders).load(0)
    won, pipeline = totals.by_bucket[WON], totals.by_bucket[OPEN]
    currencies = set(won) | set(pipeline)
    return RevenueByCurrency(
        won=_moneys(won),
        pipeline=_moneys(pipeline),
        missing_rates=missing_rates(root.row.currency, currencies, rates),
    )


def revenue_by_currency() -> Any:
    return strawberry.field(
        resolver=_revenue,
        description="The roll-ups per currency before conversion, and the rates a sum would "
        "need: always answers, even when a rate is missing.",
        metadata={READ: RevenueParts()},
    )
