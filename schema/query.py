"""The root Query: entry points into the graph, each declared once with its read spec."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from sqlalchemy import ColumnElement

from resolvers.errors import ClientError
from resolvers.ids import from_global_id, pk_of
from resolvers.pagination import PageArgs
from resolvers.read.ordering import (
    ACCOUNT_ORDER,
    OBJECTIVE_ORDER,
    PERIOD_ORDER,
    PLAN_ORDER,
    sort_key,
)
from resolvers.read.sources import filter_condition
from resolvers.read.specs import (
    TYPE_MODELS,
    ById,
    Filter,
    FilterKind,
    RootList,
    ViewerField,
)
from resolvers.search import like_pattern, search_problem
from schema.connections import Connection
from schema.enums import PeriodType, PlanStatus
from schema.ordering import (
    AccountOrderArg,
    Before,
    BusinessPlanOrderArg,
    Last,
    ObjectiveOrderArg,
    PeriodOrderArg,
    order_of,
)
from schema.read import READ, After, Ctx, First, build_connection, load_node
from schema.refs import AccountRef, BusinessPlanRef, ObjectiveRef
from schema.types import Node, Period, User
from schema.util import decode_id_arg

IdArg = Annotated[strawberry.ID, strawberry.argument(description="The object's global id.")]
SEARCH = Filter("search", "name", FilterKind.SEARCH)
STATUS = Filter("status", "status", FilterKind.ONE_OF)
PERIOD = Filter("periodId", "period_id", FilterKind.ID, "Period")
OWNER = Filter("ownerId", "owner_id", FilterKind.ID, "User")
ACCOUNTS = RootList("Account", (SEARCH,), order=ACCOUNT_ORDER)
PLANS = RootList("BusinessPlan", (STATUS, PERIOD, OWNER), order=PLAN_ORDER)
GLOBAL_OBJECTIVES = RootList("Objective", (PERIOD,), only_global=True, order=OBJECTIVE_ORDER)
PERIODS = RootList("Period", (Filter("type", "type", FilterKind.EQUALS),), order=PERIOD_ORDER)


def filter_value(spec: Filter, value: Any) -> Any:
    """A list argument as its filter compares it; a bad value is the client's error."""
    if spec.kind is FilterKind.ONE_OF:
        return sorted(v.value for v in value)
    if spec.kind is FilterKind.EQUALS:
        return value.value
    if spec.kind is FilterKind.ID:
        return decode_id_arg(value, spec.id_type, spec.argument)
    problem = search_problem(value)
    if problem is not None:
        raise ClientError(f"Argument '{spec.argument}' {problem}.")
    return like_pattern(value)


async def _root(info: Ctx, spec: RootList, values: dict[str, Any], paging: PageArgs) -> Any:
    table = TYPE_MODELS[spec.target].__table__
    conditions: list[ColumnElement[bool]] = []
    if spec.only_global:
        conditions += [table.c.account_id.is_(None), table.c.contact_id.is_(None)]
    for flt in spec.filters:
        value = values.get(flt.argument)
        if value is not None and (value != "" or flt.kind is not FilterKind.SEARCH):
            conditions.append(filter_condition(table, flt, filter_value(flt, value)))
    key = sort_key(spec.order, paging.order)
    page = await info.context.loaders.root_page(spec.target, conditions, paging, key)
    return build_connection(page, spec.target, tag=paging.order.tag)


def _field(spec: Any, description: str) -> Any:
    return {"description": description, "metadata": {READ: spec}}


@strawberry.type(description="Everything a client can read.")
class Query:
    @strawberry.field(**_field(ById(), "Any object by its global id; null if missing or hidden."))
    async def node(self, info: Ctx, id: IdArg) -> Node | None:
        decoded = from_global_id(id)
        if decoded is None:
            return None
        return await load_node(info, decoded[0], decoded[1])  # type: ignore[no-any-return]

    @strawberry.field(**_field(ViewerField(), "The user making the request."))
    async def viewer(self, info: Ctx) -> User:
        return await load_node(info, "User", info.context.viewer.user_id)  # type: ignore[no-any-return]

    @strawberry.field(**_field(ById("Account"), "An account by id, with its planning picture."))
    async def account(self, info: Ctx, id: IdArg) -> AccountRef | None:
        return await load_node(info, "Account", pk_of(id, "Account"))  # type: ignore[no-any-return]

    @strawberry.field(**_field(ACCOUNTS, "The accounts you may see, optionally searched by name."))
    async def accounts(
        self,
        info: Ctx,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        order_by: AccountOrderArg = None,
        search: Annotated[
            str | None,
            strawberry.argument(description="Only accounts whose name contains this text."),
        ] = None,
    ) -> Connection[AccountRef]:
        paging = PageArgs.parse(first, after, last, before, order_of(order_by))
        return await _root(info, ACCOUNTS, {"search": search}, paging)  # type: ignore[no-any-return]

    @strawberry.field(**_field(ById("BusinessPlan"), "A business plan by id."))
    async def business_plan(self, info: Ctx, id: IdArg) -> BusinessPlanRef | None:
        return await load_node(info, "BusinessPlan", pk_of(id, "BusinessPlan"))  # type: ignore[no-any-return]

    @strawberry.field(**_field(PLANS, "The business plans you may see, filtered."))
    async def business_plans(
        self,
        info: Ctx,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        order_by: BusinessPlanOrderArg = None,
        status: Annotated[
            list[PlanStatus] | None, strawberry.argument(description="Only these statuses.")
        ] = None,
        period_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this period's plans.")
        ] = None,
        owner_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this user's plans.")
        ] = None,
    ) -> Connection[BusinessPlanRef]:
        values = {"status": status, "periodId": period_id, "ownerId": owner_id}
        paging = PageArgs.parse(first, after, last, before, order_of(order_by))
        return await _root(info, PLANS, values, paging)  # type: ignore[no-any-return]

    @strawberry.field(
        **_field(GLOBAL_OBJECTIVES, "Objectives with no account and no contact: they apply to all.")
    )
    async def global_objectives(
        self,
        info: Ctx,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        order_by: ObjectiveOrderArg = None,
        period_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this period's objectives.")
        ] = None,
    ) -> Connection[ObjectiveRef]:
        values = {"periodId": period_id}
        paging = PageArgs.parse(first, after, last, before, order_of(order_by))
        return await _root(info, GLOBAL_OBJECTIVES, values, paging)  # type: ignore[no-any-return]

    @strawberry.field(**_field(PERIODS, "The planning periods."))
    async def periods(
        self,
        info: Ctx,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        order_by: PeriodOrderArg = None,
        type: Annotated[
            PeriodType | None, strawberry.argument(description="Only periods of this length.")
        ] = None,
    ) -> Connection[Period]:
        paging = PageArgs.parse(first, after, last, before, order_of(order_by))
        return await _root(info, PERIODS, {"type": type}, paging)  # type: ignore[no-any-return]
