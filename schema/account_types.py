"""Accounts and their planning picture: the connections whose edges say how an item came."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from models import Account as AccountRow
from models import Contact as ContactRow
from models import User as UserRow
from resolvers.ids import to_global_id
from resolvers.pagination import Page, PageArgs, encode_cursor
from resolvers.picture import Kind, PictureFilter, Via, picture_loader
from schema.connections import Connection, PageInfo, page_info
from schema.enums import ActivityStatus, LinkVia, ObjectiveStatus, OpportunityStage, PlanStatus
from schema.types import After, Contact, Ctx, First, Node, User, children, load_node
from schema.util import decode_id_arg

VIA_DESCRIPTION = "Only items that reach the account this way (after deduplication)."


@strawberry.type(description="A plan of an account's picture, with how it reached the account.")
class AccountBusinessPlanEdge:
    cursor: str = strawberry.field(description="The position of this item, for `after`.")
    node: BusinessPlan = strawberry.field(description="The plan.")
    via: LinkVia = strawberry.field(description="Through the account itself or a contact.")
    via_contact_id: strawberry.Private[int | None]

    @strawberry.field(description="The contact it came through, when `via` is CONTACT.")
    async def via_contact(self, info: Ctx) -> Contact | None:
        return await load_node(info, ContactRow, self.via_contact_id)  # type: ignore[no-any-return]


@strawberry.type(description="An objective of an account's picture, with how it came.")
class AccountObjectiveEdge:
    cursor: str = strawberry.field(description="The position of this item, for `after`.")
    node: Objective = strawberry.field(description="The objective.")
    via: LinkVia = strawberry.field(description="Through the account, a contact, or global.")
    via_contact_id: strawberry.Private[int | None]

    @strawberry.field(description="The contact it came through, when `via` is CONTACT.")
    async def via_contact(self, info: Ctx) -> Contact | None:
        return await load_node(info, ContactRow, self.via_contact_id)  # type: ignore[no-any-return]


@strawberry.type(description="An opportunity of an account's picture, with how it came.")
class AccountOpportunityEdge:
    cursor: str = strawberry.field(description="The position of this item, for `after`.")
    node: Opportunity = strawberry.field(description="The opportunity.")
    via: LinkVia = strawberry.field(description="Through the account itself or a contact.")
    via_contact_id: strawberry.Private[int | None]

    @strawberry.field(description="The contact it came through, when `via` is CONTACT.")
    async def via_contact(self, info: Ctx) -> Contact | None:
        return await load_node(info, ContactRow, self.via_contact_id)  # type: ignore[no-any-return]


@strawberry.type(description="An activity of an account's picture, with how it came.")
class AccountActivityEdge:
    cursor: str = strawberry.field(description="The position of this item, for `after`.")
    node: Activity = strawberry.field(description="The activity.")
    via: LinkVia = strawberry.field(description="Through the account itself or a contact.")
    via_contact_id: strawberry.Private[int | None]

    @strawberry.field(description="The contact it came through, when `via` is CONTACT.")
    async def via_contact(self, info: Ctx) -> Contact | None:
        return await load_node(info, ContactRow, self.via_contact_id)  # type: ignore[no-any-return]


@strawberry.type(description="Plans linked to an account or to any of its contacts.")
class AccountBusinessPlanConnection:
    edges: list[AccountBusinessPlanEdge] = strawberry.field(description="This page's plans.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    total_count: int = strawberry.field(description="How many plans across all pages.")

    @strawberry.field(description="This page's plans, without edges.")
    def nodes(self) -> list[BusinessPlan]:
        return [edge.node for edge in self.edges]


@strawberry.type(description="Objectives of an account, of its contacts, and global ones.")
class AccountObjectiveConnection:
    edges: list[AccountObjectiveEdge] = strawberry.field(description="This page's objectives.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    total_count: int = strawberry.field(description="How many objectives across all pages.")

    @strawberry.field(description="This page's objectives, without edges.")
    def nodes(self) -> list[Objective]:
        return [edge.node for edge in self.edges]


@strawberry.type(description="Opportunities of an account and of its contacts.")
class AccountOpportunityConnection:
    edges: list[AccountOpportunityEdge] = strawberry.field(description="This page's opportunities.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    total_count: int = strawberry.field(description="How many opportunities across all pages.")

    @strawberry.field(description="This page's opportunities, without edges.")
    def nodes(self) -> list[Opportunity]:
        return [edge.node for edge in self.edges]


@strawberry.type(description="Activities of an account and of its contacts.")
class AccountActivityConnection:
    edges: list[AccountActivityEdge] = strawberry.field(description="This page's activities.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    total_count: int = strawberry.field(description="How many activities across all pages.")

    @strawberry.field(description="This page's activities, without edges.")
    def nodes(self) -> list[Activity]:
        return [edge.node for edge in self.edges]


@strawberry.type(description="An account a plan covers, and whether it is the plan's primary one.")
class PlanAccountEdge:
    cursor: str = strawberry.field(description="The position of this item, for `after`.")
    node: Account = strawberry.field(description="The account.")
    is_primary: bool = strawberry.field(description="This is the plan's primary account.")


@strawberry.type(description="The accounts a plan covers.")
class PlanAccountConnection:
    edges: list[PlanAccountEdge] = strawberry.field(description="This page's accounts.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    total_count: int = strawberry.field(description="How many accounts across all pages.")

    @strawberry.field(description="This page's accounts, without edges.")
    def nodes(self) -> list[Account]:
        return [edge.node for edge in self.edges]


def _via_connection(page: Page, connection_type: Any, edge_type: Any, model: type) -> Any:
    from schema.types import from_row

    edges = [
        edge_type(
            cursor=encode_cursor(row.id),
            node=from_row(model, row),
            via=LinkVia[Via(row._via).name],
            via_contact_id=row._via_contact,
        )
        for row in page.rows
    ]
    return connection_type(edges=edges, page_info=page_info(page), total_count=page.total)


def _vias(via: list[LinkVia] | None) -> frozenset[Via]:
    chosen = via if via is not None else list(LinkVia)
    return frozenset(Via[v.name] for v in chosen)


def _statuses(values: list[Any] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(v.value for v in values)


ViaArg = Annotated[list[LinkVia] | None, strawberry.argument(description=VIA_DESCRIPTION)]


@strawberry.type(description="A customer: from a family business to a multinational.")
class Account(Node):
    name: str = strawberry.field(description="The account's name.")
    pk: strawberry.Private[int]
    parent_id: strawberry.Private[int | None]
    owner_id: strawberry.Private[int | None]

    @strawberry.field(description="The parent account: a subsidiary points at its multinational.")
    async def parent(self, info: Ctx) -> Account | None:
        return await load_node(info, AccountRow, self.parent_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The account manager who owns the account.")
    async def owner(self, info: Ctx) -> User | None:
        return await load_node(info, UserRow, self.owner_id)  # type: ignore[no-any-return]

    @strawberry.field(description="The subsidiaries: accounts whose parent is this account.")
    async def subsidiaries(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Account]:
        return await children(info, "subsidiaries", self.pk, first, after)  # type: ignore[no-any-return]

    @strawberry.field(description="The account's contacts.")
    async def contacts(
        self, info: Ctx, first: First = None, after: After = None
    ) -> Connection[Contact]:
        return await children(info, "account_contacts", self.pk, first, after)  # type: ignore[no-any-return]

    @strawberry.field(
        description="Plans linked to the account or to any of its contacts, each once."
    )
    async def business_plans(
        self,
        info: Ctx,
        first: First = None,
        after: After = None,
        status: Annotated[
            list[PlanStatus] | None,
            strawberry.argument(description="Only plans in these statuses."),
        ] = None,
        period_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only plans of this period.")
        ] = None,
        root_only: Annotated[
            bool | None,
            strawberry.argument(
                description="Only plans whose parent is not itself in this result: the tops "
                "of the plan trees."
            ),
        ] = False,
    ) -> AccountBusinessPlanConnection:
        flt = PictureFilter(
            PageArgs.parse(first, after), _vias([LinkVia.ACCOUNT, LinkVia.CONTACT]),
            _statuses(status), decode_id_arg(period_id, "Period", "periodId"), bool(root_only),
        )  # fmt: skip
        return await self._picture(
            info, Kind.PLANS, flt, AccountBusinessPlanConnection, AccountBusinessPlanEdge
        )

    @strawberry.field(
        description="Objectives linked to the account, to any of its contacts, and global ones."
    )
    async def objectives(
        self,
        info: Ctx,
        first: First = None,
        after: After = None,
        via: ViaArg = [LinkVia.ACCOUNT, LinkVia.CONTACT, LinkVia.GLOBAL],  # noqa: B006
        status: Annotated[
            list[ObjectiveStatus] | None,
            strawberry.argument(description="Only objectives in these statuses."),
        ] = None,
    ) -> AccountObjectiveConnection:
        flt = PictureFilter(PageArgs.parse(first, after), _vias(via), _statuses(status))
        return await self._picture(
            info, Kind.OBJECTIVES, flt, AccountObjectiveConnection, AccountObjectiveEdge
        )

    @strawberry.field(
        description="Opportunities of the account, and those with one of its contacts in a role."
    )
    async def opportunities(
        self,
        info: Ctx,
        first: First = None,
        after: After = None,
        via: ViaArg = [LinkVia.ACCOUNT, LinkVia.CONTACT],  # noqa: B006
        stage: Annotated[
            list[OpportunityStage] | None,
            strawberry.argument(description="Only opportunities at these stages."),
        ] = None,
    ) -> AccountOpportunityConnection:
        flt = PictureFilter(PageArgs.parse(first, after), _vias(via), _statuses(stage))
        return await self._picture(
            info, Kind.OPPORTUNITIES, flt, AccountOpportunityConnection, AccountOpportunityEdge
        )

    @strawberry.field(description="Activities of the account, and those with one of its contacts.")
    async def activities(
        self,
        info: Ctx,
        first: First = None,
        after: After = None,
        via: ViaArg = [LinkVia.ACCOUNT, LinkVia.CONTACT],  # noqa: B006
        status: Annotated[
            list[ActivityStatus] | None,
            strawberry.argument(description="Only activities in these statuses."),
        ] = None,
    ) -> AccountActivityConnection:
        flt = PictureFilter(PageArgs.parse(first, after), _vias(via), _statuses(status))
        return await self._picture(
            info, Kind.ACTIVITIES, flt, AccountActivityConnection, AccountActivityEdge
        )

    async def _picture(
        self, info: Ctx, kind: Kind, flt: PictureFilter, conn: Any, edge: Any
    ) -> Any:
        page = await picture_loader(info.context.loaders, kind).load((self.pk, flt))
        return _via_connection(page, conn, edge, kind.value)


def account_from_row(row: Any) -> Account:
    return Account(
        id=strawberry.ID(to_global_id("Account", row.id)), pk=row.id, name=row.name,
        parent_id=row.parent_id, owner_id=row.owner_id,
    )  # fmt: skip


from schema.plan_types import BusinessPlan  # noqa: E402
from schema.work_types import Activity, Objective, Opportunity  # noqa: E402
