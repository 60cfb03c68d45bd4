"""The object types of the graph; each reads its relations through the request's loaders."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from models import Account as AccountRow
from models import Activity as ActivityRow
from models import BusinessPlan as PlanRow
from models import Contact as ContactRow
from models import Objective as ObjectiveRow
from models import Opportunity as OpportunityRow
from models import Period as PeriodRow
from models import User as UserRow
from models.money import quantize
from resolvers.context import Context
from resolvers.ids import to_global_id
from resolvers.loaders import CHILDREN
from resolvers.pagination import PageArgs
from schema.connections import (
    AFTER_DESCRIPTION,
    FIRST_DESCRIPTION,
    Connection,
    connection,
)
from schema.enums import (
    ActivityStatus,
    ActivityType,
    ObjectiveStatus,
    OpportunityStage,
    PeriodType,
    PlanStatus,
    PlanType,
)

First = Annotated[int | None, strawberry.argument(description=FIRST_DESCRIPTION)]
After = Annotated[str | None, strawberry.argument(description=AFTER_DESCRIPTION)]
Ctx = Info[Context, None]


async def load_node(info: Ctx, model: type, pk: int | None) -> Any:
    """The object with this primary key, if it exists and the viewer may see it."""
    if pk is None:
        return None
    row = await info.context.loaders.node(model).load(pk)
    return None if row is None else from_row(model, row)


async def children(info: Ctx, name: str, pk: int, first: int | None, after: str | None) -> Any:
    page = await info.context.loaders.children[name].load((pk, PageArgs.parse(first, after)))
    return connection(page, CONVERTERS[CHILDREN[name].model])


@strawberry.interface(description="An object with an opaque global id that `node(id:)` resolves.")
class Node:
    id: strawberry.ID = strawberry.field(description="The object's opaque global id.")


@strawberry.type(description="An amount of money: an exact decimal in an ISO 4217 currency.")
class Money:
    amount: Decimal = strawberry.field(description='The exact amount, e.g. "125000.00".')
    currency: str = strawberry.field(description='The ISO 4217 currency code, e.g. "EUR".')


def money(amount: Decimal | None, currency: str | None) -> Money | None:
    if amount is None or currency is None:
        return None
    return Money(amount=quantize(amount, currency), currency=currency)


@strawberry.type(description="A person who uses plangraph: account manager, reviewer or admin.")
class User(Node):
    name: str = strawberry.field(description="The user's display name.")
    email: str = strawberry.field(description="The user's e-mail address (unique).")
    role: str = strawberry.field(description="account_manager, reviewer or admin.")
    pk: strawberry.Private[int]


@strawberry.type(description="A company planning period (year, quarter or month).")
class Period(Node):
    name: str = strawberry.field(description='The period\'s name, e.g. "FY2027 Q1".')
    type: PeriodType = strawberry.field(description="Year, quarter or month.")
    start_date: dt.date = strawberry.field(description="The first day of the period.")
    end_date: dt.date = strawberry.field(description="The last day of the period.")
    pk: strawberry.Private[int]
    parent_id: strawberry.Private[int | None]

    @strawberry.field(description="The period this one belongs to (a quarter's year).")
    async def parent(self, info: Ctx) -> Period | None:
        return await load_node(info, PeriodRow, self.parent_id)  # type: ignore[no-any-return]


@strawberry.type(description="A person who works with one or more accounts.")
class Contact(Node):
    first_name: str = strawberry.field(description="The contact's first name.")
    last_name: str = strawberry.field(description="The contact's last name.")
    email: str | None = strawberry.field(description="The contact's e-mail address.")
    pk: strawberry.Private[int]

    @strawberry.field(description="The accounts this contact works with.")
    async def accounts(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Account]:
        return await children(info, "contact_accounts", self.pk, first, after)  # type: ignore[no-any-return]


def _user(row: Any) -> User:
    role = row.role.value if hasattr(row.role, "value") else str(row.role)
    return User(
        id=strawberry.ID(to_global_id("User", row.id)), pk=row.id, name=row.name,
        email=row.email, role=role,
    )  # fmt: skip


def _period(row: Any) -> Period:
    return Period(
        id=strawberry.ID(to_global_id("Period", row.id)), pk=row.id, name=row.name,
        type=row.type, start_date=row.start_on, end_date=row.end_on, parent_id=row.parent_id,
    )  # fmt: skip


def _contact(row: Any) -> Contact:
    return Contact(
        id=strawberry.ID(to_global_id("Contact", row.id)), pk=row.id,
        first_name=row.first_name, last_name=row.last_name, email=row.email,
    )  # fmt: skip


# The rest of the graph lives beside this module; it is imported last because its types
# refer to the ones above and these refer back to it (annotations resolve at schema build).
from schema.account_types import Account, account_from_row  # noqa: E402
from schema.plan_types import BusinessPlan, plan_from_row  # noqa: E402
from schema.work_types import (  # noqa: E402
    Activity,
    Objective,
    Opportunity,
    activity_from_row,
    objective_from_row,
    opportunity_from_row,
)

CONVERTERS: dict[type, Any] = {
    UserRow: _user,
    PeriodRow: _period,
    ContactRow: _contact,
    AccountRow: account_from_row,
    PlanRow: plan_from_row,
    ObjectiveRow: objective_from_row,
    OpportunityRow: opportunity_from_row,
    ActivityRow: activity_from_row,
}


def from_row(model: type, row: Any) -> Any:
    return CONVERTERS[model](row)


__all__ = [
    "Account",
    "Activity",
    "ActivityStatus",
    "ActivityType",
    "BusinessPlan",
    "Contact",
    "Money",
    "Node",
    "Objective",
    "ObjectiveStatus",
    "Opportunity",
    "OpportunityStage",
    "Period",
    "PlanStatus",
    "PlanType",
    "User",
]
