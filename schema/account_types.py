"""Accounts and their planning picture: the connections whose edges say how an item came."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

import strawberry

from models import AccountContact, PlanAccount
from resolvers.pagination import PageArgs
from resolvers.picture import PictureArgs, picture_loader
from resolvers.read.ordering import ACTIVITY_ORDER, OBJECTIVE_ORDER, OPPORTUNITY_ORDER, PLAN_ORDER
from resolvers.read.sources import Via
from resolvers.read.specs import Children, EdgeColumn, Filter, FilterKind, Picture
from schema.connections import Connection, PageInfo
from schema.enums import ActivityStatus, LinkVia, ObjectiveStatus, OpportunityStage, PlanStatus
from schema.ordering import (
    ActivityOrderArg,
    Before,
    BusinessPlanOrderArg,
    Last,
    ObjectiveOrderArg,
    OpportunityOrderArg,
    order_of,
)
from schema.progress import actual_for_account_field
from schema.read import (
    READ,
    After,
    Ctx,
    First,
    Row,
    build_connection,
    children,
    column,
    global_id,
    load_node,
    ref,
    register,
)
from schema.refs import ActivityRef, BusinessPlanRef, ObjectiveRef, OpportunityRef
from schema.types import Contact, Node, User
from schema.util import decode_id_arg

VIA_DESCRIPTION = "Only items that reach the account this way (after deduplication)."
CURSOR = "The position of this item, for `after`."
PAGE_INFO = "Where this page sits."


def _via_contact() -> Any:
    async def resolve(root: Any, info: Ctx) -> Contact | None:
        return await load_node(info, "Contact", root.via_contact_id)  # type: ignore[no-any-return]

    return strawberry.field(
        resolver=resolve, description="The contact it came through, when `via` is CONTACT."
    )


@strawberry.type(description="A plan of an account's picture, with how it reached the account.")
class AccountBusinessPlanEdge:
    cursor: str = strawberry.field(description=CURSOR)
    node: BusinessPlanRef = strawberry.field(description="The plan.")
    via: LinkVia = strawberry.field(description="Through the account itself or a contact.")
    via_contact_id: strawberry.Private[int | None]
    account_id: strawberry.Private[int]
    via_contact: Contact | None = _via_contact()


@strawberry.type(description="An objective of an account's picture, with how it came.")
class AccountObjectiveEdge:
    cursor: str = strawberry.field(description=CURSOR)
    node: ObjectiveRef = strawberry.field(description="The objective.")
    via: LinkVia = strawberry.field(description="Through the account, a contact, or global.")
    via_contact_id: strawberry.Private[int | None]
    account_id: strawberry.Private[int]
    via_contact: Contact | None = _via_contact()
    actual_for_account: Decimal | None = actual_for_account_field()


@strawberry.type(description="An opportunity of an account's picture, with how it came.")
class AccountOpportunityEdge:
    cursor: str = strawberry.field(description=CURSOR)
    node: OpportunityRef = strawberry.field(description="The opportunity.")
    via: LinkVia = strawberry.field(description="Through the account itself or a contact.")
    via_contact_id: strawberry.Private[int | None]
    account_id: strawberry.Private[int]
    via_contact: Contact | None = _via_contact()


@strawberry.type(description="An activity of an account's picture, with how it came.")
class AccountActivityEdge:
    cursor: str = strawberry.field(description=CURSOR)
    node: ActivityRef = strawberry.field(description="The activity.")
    via: LinkVia = strawberry.field(description="Through the account itself or a contact.")
    via_contact_id: strawberry.Private[int | None]
    account_id: strawberry.Private[int]
    via_contact: Contact | None = _via_contact()


def _nodes(self: Any) -> list[Any]:
    return [edge.node for edge in self.edges]


@strawberry.type(description="Plans linked to an account or to any of its contacts.")
class AccountBusinessPlanConnection:
    edges: list[AccountBusinessPlanEdge] = strawberry.field(description="This page's plans.")
    page_info: PageInfo = strawberry.field(description=PAGE_INFO)
    total_count: int = strawberry.field(description="How many plans across all pages.")
    nodes: list[BusinessPlanRef] = strawberry.field(
        resolver=_nodes, description="This page's plans, without edges."
    )


@strawberry.type(description="Objectives of an account, of its contacts, and global ones.")
class AccountObjectiveConnection:
    edges: list[AccountObjectiveEdge] = strawberry.field(description="This page's objectives.")
    page_info: PageInfo = strawberry.field(description=PAGE_INFO)
    total_count: int = strawberry.field(description="How many objectives across all pages.")
    nodes: list[ObjectiveRef] = strawberry.field(
        resolver=_nodes, description="This page's objectives, without edges."
    )


@strawberry.type(description="Opportunities of an account and of its contacts.")
class AccountOpportunityConnection:
    edges: list[AccountOpportunityEdge] = strawberry.field(description="This page's opportunities.")
    page_info: PageInfo = strawberry.field(description=PAGE_INFO)
    total_count: int = strawberry.field(description="How many opportunities across all pages.")
    nodes: list[OpportunityRef] = strawberry.field(
        resolver=_nodes, description="This page's opportunities, without edges."
    )


@strawberry.type(description="Activities of an account and of its contacts.")
class AccountActivityConnection:
    edges: list[AccountActivityEdge] = strawberry.field(description="This page's activities.")
    page_info: PageInfo = strawberry.field(description=PAGE_INFO)
    total_count: int = strawberry.field(description="How many activities across all pages.")
    nodes: list[ActivityRef] = strawberry.field(
        resolver=_nodes, description="This page's activities, without edges."
    )


@strawberry.type(description="An account a plan covers, and whether it is the plan's primary one.")
class PlanAccountEdge:
    cursor: str = strawberry.field(description=CURSOR)
    node: Account = strawberry.field(description="The account.")
    is_primary: bool = strawberry.field(description="This is the plan's primary account.")


@strawberry.type(description="The accounts a plan covers.")
class PlanAccountConnection:
    edges: list[PlanAccountEdge] = strawberry.field(description="This page's accounts.")
    page_info: PageInfo = strawberry.field(description=PAGE_INFO)
    total_count: int = strawberry.field(description="How many accounts across all pages.")
    nodes: list[Account] = strawberry.field(
        resolver=_nodes, description="This page's accounts, without edges."
    )


PLAN_ACCOUNTS = Children(
    "Account", "plan_id", PlanAccount, "account_id", (EdgeColumn("isPrimary", "is_primary"),)
)
ViaArg = Annotated[list[LinkVia] | None, strawberry.argument(description=VIA_DESCRIPTION)]
ALL_VIAS = [LinkVia.ACCOUNT, LinkVia.CONTACT, LinkVia.GLOBAL]
STATUS = Filter("status", "status", FilterKind.ONE_OF)
STAGE = Filter("stage", "stage", FilterKind.ONE_OF)
PERIOD = Filter("periodId", "period_id", FilterKind.ID, "Period")
PICTURES = {
    "BusinessPlan": (AccountBusinessPlanConnection, AccountBusinessPlanEdge),
    "Objective": (AccountObjectiveConnection, AccountObjectiveEdge),
    "Opportunity": (AccountOpportunityConnection, AccountOpportunityEdge),
    "Activity": (AccountActivityConnection, AccountActivityEdge),
}


async def _picture(
    root: Any,
    info: Ctx,
    spec: Picture,
    paging: PageArgs,
    via: list[LinkVia] | None,
    values: dict[str, Any],
    root_only: bool = False,
) -> Any:
    """One Account.<list> field: the spec's filters with the arguments given."""
    filters = []
    for flt in spec.filters:
        value = values.get(flt.argument)
        if value is None:
            continue
        if flt.kind is FilterKind.ONE_OF:
            value = tuple(sorted(v.value for v in value))
        elif flt.kind is FilterKind.ID:
            value = decode_id_arg(value, flt.id_type, flt.argument)
        filters.append((flt, value))
    vias = frozenset(Via[v.name] for v in (via if via is not None else ALL_VIAS))
    call = PictureArgs(spec.target, paging, vias, tuple(filters), root_only, spec.order)
    page = await picture_loader(info.context.loaders).load((root.row.id, call))
    connection, edge = PICTURES[spec.target]
    tag = paging.order.tag
    return build_connection(page, spec.target, connection, edge, PICTURE_EDGE, tag)


PICTURE_EDGE = {
    "via": lambda row: LinkVia[Via(row._via).name],
    "via_contact_id": lambda row: row._via_contact,
    "account_id": lambda row: row._mapping["_parent"],
}


def _picture_field(spec: Picture, description: str, resolver: Any) -> Any:
    return strawberry.field(resolver=resolver, description=description, metadata={READ: spec})


PLANS = Picture("BusinessPlan", (STATUS, PERIOD), False, True, PLAN_ORDER)
OBJECTIVES = Picture("Objective", (STATUS,), True, order=OBJECTIVE_ORDER)
OPPORTUNITIES = Picture("Opportunity", (STAGE,), True, order=OPPORTUNITY_ORDER)
ACTIVITIES = Picture("Activity", (STATUS,), True, order=ACTIVITY_ORDER)


async def _plans(
    root: Any,
    info: Ctx,
    first: First = None,
    after: After = None,
    last: Last = None,
    before: Before = None,
    order_by: BusinessPlanOrderArg = None,
    status: Annotated[
        list[PlanStatus] | None, strawberry.argument(description="Only plans in these statuses.")
    ] = None,
    period_id: Annotated[
        strawberry.ID | None, strawberry.argument(description="Only plans of this period.")
    ] = None,
    root_only: Annotated[
        bool | None,
        strawberry.argument(
            description="Only plans whose parent is not itself in this result: the tops of the "
            "plan trees."
        ),
    ] = False,
) -> AccountBusinessPlanConnection:
    values = {"status": status, "periodId": period_id}
    vias = [LinkVia.ACCOUNT, LinkVia.CONTACT]
    paging = PageArgs.parse(first, after, last, before, order_of(order_by))
    return await _picture(root, info, PLANS, paging, vias, values, bool(root_only))  # type: ignore[no-any-return]


async def _objectives(
    root: Any,
    info: Ctx,
    first: First = None,
    after: After = None,
    last: Last = None,
    before: Before = None,
    order_by: ObjectiveOrderArg = None,
    via: ViaArg = ALL_VIAS,
    status: Annotated[
        list[ObjectiveStatus] | None,
        strawberry.argument(description="Only objectives in these statuses."),
    ] = None,
) -> AccountObjectiveConnection:
    paging = PageArgs.parse(first, after, last, before, order_of(order_by))
    return await _picture(root, info, OBJECTIVES, paging, via, {"status": status})  # type: ignore[no-any-return]


async def _opportunities(
    root: Any,
    info: Ctx,
    first: First = None,
    after: After = None,
    last: Last = None,
    before: Before = None,
    order_by: OpportunityOrderArg = None,
    via: ViaArg = [LinkVia.ACCOUNT, LinkVia.CONTACT],  # noqa: B006
    stage: Annotated[
        list[OpportunityStage] | None,
        strawberry.argument(description="Only opportunities at these stages."),
    ] = None,
) -> AccountOpportunityConnection:
    paging = PageArgs.parse(first, after, last, before, order_of(order_by))
    return await _picture(root, info, OPPORTUNITIES, paging, via, {"stage": stage})  # type: ignore[no-any-return]


async def _activities(
    root: Any,
    info: Ctx,
    first: First = None,
    after: After = None,
    last: Last = None,
    before: Before = None,
    order_by: ActivityOrderArg = None,
    via: ViaArg = [LinkVia.ACCOUNT, LinkVia.CONTACT],  # noqa: B006
    status: Annotated[
        list[ActivityStatus] | None,
        strawberry.argument(description="Only activities in these statuses."),
    ] = None,
) -> AccountActivityConnection:
    paging = PageArgs.parse(first, after, last, before, order_of(order_by))
    return await _picture(root, info, ACTIVITIES, paging, via, {"status": status})  # type: ignore[no-any-return]


@register
@strawberry.type(description="A customer: from a family business to a multinational.")
class Account(Node):
    id: strawberry.ID = global_id()
    name: str = column("name", "The account's name.")
    parent: Account | None = ref(
        "parent_id", "Account", "The parent account: a subsidiary points at its multinational."
    )
    owner: User | None = ref("owner_id", "User", "The account manager who owns the account.")
    subsidiaries: Connection[Account] = children(
        Children("Account", "parent_id"),
        "The subsidiaries: accounts whose parent is this account.",
    )
    contacts: Connection[Contact] = children(
        Children("Contact", "account_id", AccountContact, "contact_id"), "The account's contacts."
    )
    business_plans: AccountBusinessPlanConnection = _picture_field(
        PLANS, "Plans linked to the account or to any of its contacts, each once.", _plans
    )
    objectives: AccountObjectiveConnection = _picture_field(
        OBJECTIVES,
        "Objectives linked to the account, to any of its contacts, and global ones.",
        _objectives,
    )
    opportunities: AccountOpportunityConnection = _picture_field(
        OPPORTUNITIES,
        "Opportunities of the account, and those with one of its contacts in a role.",
        _opportunities,
    )
    activities: AccountActivityConnection = _picture_field(
        ACTIVITIES, "Activities of the account, and those with one of its contacts.", _activities
    )
    row: Row
