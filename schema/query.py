"""The root Query: entry points into the graph."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from sqlalchemy import ColumnElement

from models import Account as AccountRow
from models import BusinessPlan as PlanRow
from models import Objective as ObjectiveRow
from models import Period as PeriodRow
from models import User as UserRow
from resolvers.errors import ClientError
from resolvers.ids import from_global_id, pk_of
from resolvers.pagination import PageArgs
from resolvers.search import MAX_SEARCH_LENGTH, like_pattern
from schema.connections import Connection, connection
from schema.enums import PeriodType, PlanStatus
from schema.types import (
    CONVERTERS,
    Account,
    After,
    BusinessPlan,
    Ctx,
    First,
    Node,
    Objective,
    Period,
    User,
    load_node,
)
from schema.util import decode_id_arg

MODEL_BY_TYPE: dict[str, type] = {model.__name__: model for model in CONVERTERS}


async def _root(info: Ctx, model: type, conditions: list[Any], first: Any, after: Any) -> Any:
    page = await info.context.loaders.root_page(model, conditions, PageArgs.parse(first, after))
    return connection(page, CONVERTERS[model])


async def _by_id(info: Ctx, value: str, type_name: str) -> Any:
    pk = pk_of(value, type_name)
    return None if pk is None else await load_node(info, MODEL_BY_TYPE[type_name], pk)


IdArg = Annotated[strawberry.ID, strawberry.argument(description="The object's global id.")]


@strawberry.type(description="Everything a client can read.")
class Query:
    @strawberry.field(description="Any object by its global id; null if missing or hidden.")
    async def node(self, info: Ctx, id: IdArg) -> Node | None:
        decoded = from_global_id(id)
        if decoded is None:
            return None
        return await load_node(info, MODEL_BY_TYPE[decoded[0]], decoded[1])  # type: ignore[no-any-return]

    @strawberry.field(description="The user making the request.")
    async def viewer(self, info: Ctx) -> User:
        return await load_node(info, UserRow, info.context.viewer.user_id)  # type: ignore[no-any-return]

    @strawberry.field(description="An account by id, with its planning picture.")
    async def account(self, info: Ctx, id: IdArg) -> Account | None:
        return await _by_id(info, id, "Account")  # type: ignore[no-any-return]

    @strawberry.field(description="The accounts you may see, optionally searched by name.")
    async def accounts(
        self,
        info: Ctx,
        first: First = None,
        after: After = None,
        search: Annotated[
            str | None,
            strawberry.argument(description="Only accounts whose name contains this text."),
        ] = None,
    ) -> Connection[Account]:
        conditions: list[ColumnElement[bool]] = []
        if search:
            if len(search) > MAX_SEARCH_LENGTH:
                raise ClientError(f"Argument 'search' is longer than {MAX_SEARCH_LENGTH}.")
            pattern = like_pattern(search)
            conditions.append(AccountRow.name.ilike(pattern, escape="\\"))
        return await _root(info, AccountRow, conditions, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="A business plan by id.")
    async def business_plan(self, info: Ctx, id: IdArg) -> BusinessPlan | None:
        return await _by_id(info, id, "BusinessPlan")  # type: ignore[no-any-return]

    @strawberry.field(description="The business plans you may see, filtered.")
    async def business_plans(
        self,
        info: Ctx,
        first: First = None,
        after: After = None,
        status: Annotated[
            list[PlanStatus] | None, strawberry.argument(description="Only these statuses.")
        ] = None,
        period_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this period's plans.")
        ] = None,
        owner_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this user's plans.")
        ] = None,
    ) -> Connection[BusinessPlan]:
        conditions: list[ColumnElement[bool]] = []
        if status is not None:
            conditions.append(PlanRow.status.in_([s.value for s in status]))
        period = decode_id_arg(period_id, "Period", "periodId")
        if period is not None:
            conditions.append(PlanRow.period_id == period)
        owner = decode_id_arg(owner_id, "User", "ownerId")
        if owner is not None:
            conditions.append(PlanRow.owner_id == owner)
        return await _root(info, PlanRow, conditions, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="Objectives with no account and no contact: they apply to all.")
    async def global_objectives(
        self,
        info: Ctx,
        first: First = None,
        after: After = None,
        period_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this period's objectives.")
        ] = None,
    ) -> Connection[Objective]:
        conditions: list[ColumnElement[bool]] = [
            ObjectiveRow.account_id.is_(None),
            ObjectiveRow.contact_id.is_(None),
        ]
        period = decode_id_arg(period_id, "Period", "periodId")
        if period is not None:
            conditions.append(ObjectiveRow.period_id == period)
        return await _root(info, ObjectiveRow, conditions, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="The planning periods.")
    async def periods(
        self,
        info: Ctx,
        first: First = None,
        after: After = None,
        type: Annotated[
            PeriodType | None, strawberry.argument(description="Only periods of this length.")
        ] = None,
    ) -> Connection[Period]:
        conditions = [] if type is None else [PeriodRow.type == type.value]
        return await _root(info, PeriodRow, conditions, first, after)  # type: ignore[no-any-return]
