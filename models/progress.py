"""Objective progress: `actual` by the objective's measure, and `progress` against its target.

One rule for both read paths: the general path and the fast path gather the same inputs
(the completed activities and the won amounts of the objective and its sub-objectives, each
item once) and call `objective_progress`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from models.money import Rates, quantize, sum_in
from models.objective import ObjectiveMeasure


@dataclass(frozen=True)
class ProgressInputs:
    """What an objective's progress is computed from (amounts per currency, before rates)."""

    measure: ObjectiveMeasure
    target: Decimal | None
    revenue_target: Decimal | None
    revenue_currency: str | None
    manual: Decimal | None = None
    completed: int = 0
    won: Mapping[str, Decimal] = field(default_factory=dict)


def actual(inputs: ProgressInputs, rates: Rates) -> Decimal | None:
    """Progress so far in the objective's unit; MissingRateError when won revenue in another
    currency has no rate into the revenue target's. Without a revenue target, won revenue
    is summed only when it is all in one currency (else null)."""
    if inputs.measure is ObjectiveMeasure.MANUAL:
        return inputs.manual
    if inputs.measure is ObjectiveMeasure.COMPLETED_ACTIVITIES:
        return Decimal(inputs.completed)
    currency = inputs.revenue_currency
    if currency is None:
        if len(inputs.won) > 1:
            return None
        currency = next(iter(inputs.won), None)
        if currency is None:
            return Decimal(0)
    if not inputs.won:
        return quantize(Decimal(0), currency)
    return sum_in(currency, inputs.won, rates)


def progress(inputs: ProgressInputs, done: Decimal | None) -> float | None:
    """`done` / target (won revenue / the revenue target when there is one); null without a
    target (or when it is 0)."""
    goal = inputs.target
    if inputs.measure is ObjectiveMeasure.WON_REVENUE and inputs.revenue_target is not None:
        goal = inputs.revenue_target
    if done is None or goal is None or goal == 0:
        return None
    return float(done) / float(goal)
