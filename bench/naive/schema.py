"""The naive baseline's schema: strawberry types wrapping ORM objects, resolved in Python.

Covers what bench/queries/picture.graphql selects, with plangraph's answers: items by id,
`via` deduplicated (ACCOUNT, then CONTACT with the lowest contact id, then GLOBAL), lists cut
at `first`, roll-ups summed over the loaded plan tree (each opportunity once, CLOSED_LOST
left out). Everything comes from one `select(Account)` with `selectinload` chains.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Generic, TypeVar, cast

import strawberry
from sqlalchemy import select
from strawberry.types import Info

from bench.naive import orm
from models import activity, opportunity, plan
from models.money import Rates, quantize, sum_in
from models.user import Role
from resolvers.ids import from_global_id, to_global_id

T = TypeVar("T")
R = TypeVar("R")  # a row, wrapped into a T


def _enum(source: type[enum.Enum]) -> Any:
    """A GraphQL enum with the same names and values as a models/ enum."""
    # typeshed types the functional API's result as an Enum member, not an Enum class
    copy = cast("type[enum.Enum]", enum.Enum(source.__name__, [(m.name, m.value) for m in source]))
    return strawberry.enum(copy)


PlanStatus = _enum(plan.PlanStatus)
OpportunityStage = _enum(opportunity.OpportunityStage)
ActivityStatus = _enum(activity.ActivityStatus)
ActivityType = _enum(activity.ActivityType)


@strawberry.enum
class LinkVia(enum.IntEnum):
    ACCOUNT = 1
    CONTACT = 2
    GLOBAL = 3


def page(items: Sequence[R], first: int | None) -> Sequence[R]:
    first = 50 if first is None else first
    if not 0 <= first <= 500:
        raise ValueError(f"Argument 'first' must be between 0 and 500; got {first}.")
    return items[:first]


@strawberry.type
class Money:
    amount: Decimal
    currency: str


def money(amount: Decimal, currency: str) -> Money:
    return Money(amount=quantize(amount, currency), currency=currency)


def money_or_none(amount: Decimal | None, currency: str | None) -> Money | None:
    return None if amount is None or currency is None else money(amount, currency)


@strawberry.type
class Connection(Generic[T]):
    nodes: list[T]
    total_count: int


@strawberry.type
class PictureEdge(Generic[T]):
    via: LinkVia
    via_contact: Contact | None
    node: T


@strawberry.type
class PictureConnection(Generic[T]):
    edges: list[PictureEdge[T]]
    nodes: list[T]
    total_count: int


def connection(items: Sequence[R], wrap: Callable[[R], T], first: int | None) -> Connection[T]:
    return Connection(nodes=[wrap(i) for i in page(items, first)], total_count=len(items))


@strawberry.type
class Contact:
    id: strawberry.ID
    first_name: str
    last_name: str
    email: str | None

    @classmethod
    def of(cls, row: orm.Contact) -> Contact:
        return cls(
            id=strawberry.ID(to_global_id("Contact", row.id)),
            first_name=row.first_name,
            last_name=row.last_name,
            email=row.email,
        )


@strawberry.type
class Activity:
    id: strawberry.ID
    subject: str
    status: ActivityStatus  # type: ignore[valid-type]
    type: ActivityType  # type: ignore[valid-type]

    @classmethod
    def of(cls, row: orm.Activity) -> Activity:
        return cls(
            id=strawberry.ID(to_global_id("Activity", row.id)),
            subject=row.subject,
            status=ActivityStatus(row.status.value),
            type=ActivityType(row.type.value),
        )


@strawberry.type
class Opportunity:
    id: strawberry.ID
    name: str
    stage: OpportunityStage  # type: ignore[valid-type]
    amount: Money
    row: strawberry.Private[orm.Opportunity]

    @classmethod
    def of(cls, row: orm.Opportunity) -> Opportunity:
        return cls(
            id=strawberry.ID(to_global_id("Opportunity", row.id)),
            name=row.name,
            stage=OpportunityStage(row.stage.value),
            amount=money(row.amount, row.currency),
            row=row,
        )

    @strawberry.field
    def activities(self, first: int | None = None) -> Connection[Activity]:
        return connection(self.row.activities, Activity.of, first)


@strawberry.type
class Objective:
    id: strawberry.ID
    name: str
    target: Decimal | None
    unit: str | None
    is_global: bool
    row: strawberry.Private[orm.Objective]

    @classmethod
    def of(cls, row: orm.Objective) -> Objective:
        return cls(
            id=strawberry.ID(to_global_id("Objective", row.id)),
            name=row.name,
            target=row.target,
            unit=row.unit,
            row=row,
            is_global=row.account_id is None and row.contact_id is None,
        )

    @strawberry.field
    def opportunities(self, first: int | None = None) -> Connection[Opportunity]:
        return connection(self.row.opportunities, Opportunity.of, first)


def rollup(root: orm.BusinessPlan, won: bool, rates: Rates) -> Money:
    """Won or open pipeline over the loaded tree below root, each opportunity once."""
    deals: dict[int, orm.Opportunity] = {}
    todo, seen = [root], set()
    while todo:
        current = todo.pop()
        if current.id in seen:
            continue
        seen.add(current.id)
        todo.extend(current.sub_plans)
        for deal in current.opportunities:
            if deal.stage is not opportunity.OpportunityStage.CLOSED_LOST:
                deals[deal.id] = deal
    amounts: dict[str, Decimal] = {}
    for deal in deals.values():
        if (deal.stage is opportunity.OpportunityStage.CLOSED_WON) == won:
            amounts[deal.currency] = amounts.get(deal.currency, Decimal(0)) + deal.amount
    return Money(amount=sum_in(root.currency, amounts, rates), currency=root.currency)


@strawberry.type
class BusinessPlan:
    id: strawberry.ID
    name: str
    status: PlanStatus  # type: ignore[valid-type]
    revenue_target: Money | None
    row: strawberry.Private[orm.BusinessPlan]

    @classmethod
    def of(cls, row: orm.BusinessPlan) -> BusinessPlan:
        return cls(
            id=strawberry.ID(to_global_id("BusinessPlan", row.id)),
            name=row.name,
            status=PlanStatus(row.status.value),
            revenue_target=money_or_none(row.revenue_target, row.currency),
            row=row,
        )

    @strawberry.field
    def won_revenue(self, info: Info) -> Money:
        return rollup(self.row, True, info.context["rates"])

    @strawberry.field
    def pipeline_revenue(self, info: Info) -> Money:
        return rollup(self.row, False, info.context["rates"])

    @strawberry.field
    def sub_plans(self, first: int | None = None) -> Connection[BusinessPlan]:
        return connection(self.row.sub_plans, BusinessPlan.of, first)

    @strawberry.field
    def objectives(self, first: int | None = None) -> Connection[Objective]:
        return connection(self.row.objectives, Objective.of, first)

    @strawberry.field
    def opportunities(self, first: int | None = None) -> Connection[Opportunity]:
        return connection(self.row.opportunities, Opportunity.of, first)

    @strawberry.field
    def activities(self, first: int | None = None) -> Connection[Activity]:
        return connection(self.row.activities, Activity.of, first)


def dedup(
    account: orm.Account,
    direct: list[Any],
    by_contact: Any,
    extra: tuple[Any, ...] | list[Any] = (),
) -> list[tuple[Any, LinkVia, Any]]:
    """Each item once, with the first way it reaches the account, ordered by id."""
    best: dict[int, tuple[Any, LinkVia, Any]] = {}
    for item in direct:
        best[item.id] = (item, LinkVia.ACCOUNT, None)
    for contact in sorted(account.contacts, key=lambda c: c.id):
        for item in by_contact(contact):
            best.setdefault(item.id, (item, LinkVia.CONTACT, contact))
    for item in extra:
        best.setdefault(item.id, (item, LinkVia.GLOBAL, None))
    return [best[i] for i in sorted(best)]


def picture(
    found: list[tuple[R, LinkVia, Any]], wrap: Callable[[R], T], first: int | None
) -> PictureConnection[T]:
    edges = [
        PictureEdge(via=via, via_contact=Contact.of(c) if c else None, node=wrap(item))
        for item, via, c in page(found, first)
    ]
    return PictureConnection(edges=edges, nodes=[e.node for e in edges], total_count=len(found))


@strawberry.type
class Account:
    id: strawberry.ID
    name: str
    row: strawberry.Private[orm.Account]
    global_objectives: strawberry.Private[list[orm.Objective]]

    @strawberry.field
    def contacts(self, first: int | None = None) -> Connection[Contact]:
        return connection(self.row.contacts, Contact.of, first)

    @strawberry.field
    def business_plans(
        self, first: int | None = None, root_only: bool = False
    ) -> PictureConnection[BusinessPlan]:
        found = dedup(self.row, self.row.plans, lambda c: c.plans)
        if root_only:
            ids = {item.id for item, _, _ in found}
            found = [f for f in found if f[0].parent_id is None or f[0].parent_id not in ids]
        return picture(found, BusinessPlan.of, first)

    @strawberry.field
    def objectives(self, first: int | None = None) -> PictureConnection[Objective]:
        found = dedup(self.row, self.row.objectives, lambda c: c.objectives, self.global_objectives)
        return picture(found, Objective.of, first)

    @strawberry.field
    def opportunities(self, first: int | None = None) -> PictureConnection[Opportunity]:
        found = dedup(self.row, self.row.opportunities, lambda c: c.opportunities)
        return picture(found, Opportunity.of, first)

    @strawberry.field
    def activities(self, first: int | None = None) -> PictureConnection[Activity]:
        found = dedup(self.row, self.row.activities, lambda c: c.activities)
        return picture(found, Activity.of, first)


@strawberry.type
class Query:
    @strawberry.field
    async def account(self, info: Info, id: strawberry.ID) -> Account | None:
        decoded = from_global_id(id)
        if decoded is None or decoded[0] != "Account":
            return None
        session, user = info.context["session"], info.context["user"]
        row = (await session.execute(orm.picture_query(decoded[1]))).scalar_one_or_none()
        if row is None or not (
            user.role in (Role.ADMIN, Role.REVIEWER)
            or row.owner_id == user.id
            or any(u.id == user.id for u in row.team)
        ):
            return None
        globals_ = await session.scalars(
            select(orm.Objective).where(
                orm.Objective.account_id.is_(None), orm.Objective.contact_id.is_(None)
            )
        )
        rates = await session.scalars(select(orm.ExchangeRate))
        info.context["rates"] = Rates({(r.base, r.quote): r.rate for r in rates})
        return Account(
            id=strawberry.ID(to_global_id("Account", row.id)),
            name=row.name,
            row=row,
            global_objectives=list(globals_),
        )


schema = strawberry.Schema(query=Query)
