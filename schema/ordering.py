"""The `orderBy` inputs of the lists (GitHub's style): a field of the list's order enum and
a direction. What each field sorts by is declared in resolvers/read/ordering.py."""

from __future__ import annotations

import enum
from typing import Annotated, Any

import strawberry

from resolvers.read.ordering import Order

LAST_DESCRIPTION = "How many items to return from the end (or before `before`): at most 500."
BEFORE_DESCRIPTION = "Return the items before this cursor (an edge's `cursor`, or `startCursor`)."
ORDER_DESCRIPTION = "The order of the items (by id if left out); cursors belong to one order."
Last = Annotated[int | None, strawberry.argument(description=LAST_DESCRIPTION)]
Before = Annotated[str | None, strawberry.argument(description=BEFORE_DESCRIPTION)]


@strawberry.enum(description="Which way a list is sorted.")
class OrderDirection(enum.Enum):
    ASC = strawberry.enum_value("ASC", description="Smallest, earliest or A first.")
    DESC = strawberry.enum_value("DESC", description="Largest, latest or Z first.")


def _value(name: str, description: str) -> Any:
    return strawberry.enum_value(name, description=description)


@strawberry.enum(description="What accounts can be sorted by.")
class AccountOrderField(enum.Enum):
    NAME = _value("NAME", "The account's name.")


@strawberry.enum(description="What business plans can be sorted by.")
class BusinessPlanOrderField(enum.Enum):
    NAME = _value("NAME", "The plan's name.")
    STATUS = _value("STATUS", "The workflow's order: DRAFT, SUBMITTED, FINAL_APPROVED, EXPIRED.")
    UPDATED_AT = _value("UPDATED_AT", "When the plan last changed.")


@strawberry.enum(description="What objectives can be sorted by.")
class ObjectiveOrderField(enum.Enum):
    NAME = _value("NAME", "The objective's name.")
    STATUS = _value("STATUS", "The statuses in their declared order.")


@strawberry.enum(description="What opportunities can be sorted by.")
class OpportunityOrderField(enum.Enum):
    AMOUNT = _value("AMOUNT", "The amount, as a number (currencies are not converted).")
    CLOSE_DATE = _value("CLOSE_DATE", "The expected close date; without one last (first in DESC).")
    STAGE = _value("STAGE", "The sales stages in their order, PROSPECTING to CLOSED_LOST.")
    NAME = _value("NAME", "The opportunity's name.")


@strawberry.enum(description="What activities can be sorted by.")
class ActivityOrderField(enum.Enum):
    DUE_AT = _value("DUE_AT", "When it is due; without a due time last (first in DESC).")
    SUBJECT = _value("SUBJECT", "The subject.")


@strawberry.enum(description="What periods can be sorted by.")
class PeriodOrderField(enum.Enum):
    START_DATE = _value("START_DATE", "The first day of the period.")
    NAME = _value("NAME", "The period's name.")


FIELD = "What to sort by."
DIRECTION = "Which way: ASC or DESC."


@strawberry.input(description="How to sort accounts.")
class AccountOrder:
    field: AccountOrderField = strawberry.field(description=FIELD)
    direction: OrderDirection = strawberry.field(description=DIRECTION)


@strawberry.input(description="How to sort business plans.")
class BusinessPlanOrder:
    field: BusinessPlanOrderField = strawberry.field(description=FIELD)
    direction: OrderDirection = strawberry.field(description=DIRECTION)


@strawberry.input(description="How to sort objectives.")
class ObjectiveOrder:
    field: ObjectiveOrderField = strawberry.field(description=FIELD)
    direction: OrderDirection = strawberry.field(description=DIRECTION)


@strawberry.input(description="How to sort opportunities.")
class OpportunityOrder:
    field: OpportunityOrderField = strawberry.field(description=FIELD)
    direction: OrderDirection = strawberry.field(description=DIRECTION)


@strawberry.input(description="How to sort activities.")
class ActivityOrder:
    field: ActivityOrderField = strawberry.field(description=FIELD)
    direction: OrderDirection = strawberry.field(description=DIRECTION)


@strawberry.input(description="How to sort periods.")
class PeriodOrder:
    field: PeriodOrderField = strawberry.field(description=FIELD)
    direction: OrderDirection = strawberry.field(description=DIRECTION)


def order_of(order_by: Any) -> Order:
    """The Order of an `orderBy` argument (None: by id)."""
    if order_by is None:
        return Order()
    return Order(order_by.field.value, order_by.direction is OrderDirection.DESC)


_ORDER = strawberry.argument(description=ORDER_DESCRIPTION)
AccountOrderArg = Annotated[AccountOrder | None, _ORDER]
BusinessPlanOrderArg = Annotated[BusinessPlanOrder | None, _ORDER]
ObjectiveOrderArg = Annotated[ObjectiveOrder | None, _ORDER]
OpportunityOrderArg = Annotated[OpportunityOrder | None, _ORDER]
ActivityOrderArg = Annotated[ActivityOrder | None, _ORDER]
PeriodOrderArg = Annotated[PeriodOrder | None, _ORDER]
