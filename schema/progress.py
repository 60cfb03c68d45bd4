"""Objective progress read fields: one rule (models/progress.py) for both read paths."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import strawberry

from models.money import MissingRateError
from models.progress import ProgressInputs, actual, progress
from resolvers.progress import Gathered, progress_loader
from resolvers.read.specs import ProgressField
from resolvers.rollups import missing_rate_error, rates_loader
from schema.read import READ, Ctx

INTO = "this objective's revenue target currency"


def inputs(row: Any, gathered: Gathered) -> ProgressInputs:
    return ProgressInputs(
        measure=row.measure,
        target=row.target,
        revenue_target=row.revenue_target,
        revenue_currency=row.revenue_target_currency,
        manual=row.manual_actual,
        completed=gathered.completed,
        won=gathered.won,
    )


async def _done(info: Ctx, row: Any, account: int | None) -> tuple[ProgressInputs, Decimal | None]:
    gathered = await progress_loader(info.context.loaders).load((row.id, account))
    rates = await rates_loader(info.context.loaders).load(0)
    given = inputs(row, gathered)
    try:
        return given, actual(given, rates)
    except MissingRateError as missing:
        raise missing_rate_error(missing, INTO) from None


async def _actual(root: Any, info: Ctx) -> Decimal | None:
    return (await _done(info, root.row, None))[1]


async def _progress(root: Any, info: Ctx) -> float | None:
    return progress(*await _done(info, root.row, None))


async def _actual_for_account(root: Any, info: Ctx) -> Decimal | None:
    row = root.node.row
    is_global = row.account_id is None and row.contact_id is None
    return (await _done(info, row, root.account_id if is_global else None))[1]


def actual_field() -> Any:
    return strawberry.field(
        resolver=_actual, metadata={READ: ProgressField("actual")},
        description="Progress so far in the objective's unit, counting the objective and its "
        "sub-objectives, each item once; null when it cannot be computed (WON_REVENUE with a "
        "missing exchange rate: an error says which).",
    )  # fmt: skip


def progress_field() -> Any:
    return strawberry.field(
        resolver=_progress, metadata={READ: ProgressField("progress")},
        description="actual / target (won revenue / revenue target); null without a target.",
    )  # fmt: skip


def actual_for_account_field() -> Any:
    return strawberry.field(
        resolver=_actual_for_account, metadata={READ: ProgressField("actualForAccount")},
        description="For a GLOBAL objective: progress counted only from this account's items "
        "(its opportunities and activities, and those of its contacts). For others: the same "
        "as node.actual.",
    )  # fmt: skip
