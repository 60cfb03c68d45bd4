"""Per-request data loaders: each batch is one SQL statement, whatever the number of parents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import ColumnElement, Select, literal_column, select
from sqlalchemy.ext.asyncio import AsyncEngine

from models import (
    Account,
    AccountContact,
    Activity,
    BusinessPlan,
    Contact,
    Objective,
    Opportunity,
    OpportunityContact,
    Period,
    PlanAccount,
    PlanContact,
    PlanOpportunity,
    PlanStatusChange,
    User,
)
from resolvers.pagination import Page, PageArgs, paged, split_pages
from resolvers.rows import columns
from resolvers.visibility import Viewer, restrict
from resolvers.waves import Loader, Waves


@dataclass(frozen=True)
class Children:
    """A to-many field: items of `model` whose `parent` column equals the parent's id."""

    model: type
    parent: Any
    link: type | None = None  # a link table joined to `model` on link.<fk> == model.id
    link_fk: Any = None
    extra: tuple[Any, ...] = ()


CHILDREN: dict[str, Children] = {
    "sub_plans": Children(BusinessPlan, BusinessPlan.parent_id),
    "plan_accounts": Children(
        Account, PlanAccount.plan_id, PlanAccount, PlanAccount.account_id,
        (PlanAccount.is_primary.label("_is_primary"),),
    ),
    "plan_contacts": Children(Contact, PlanContact.plan_id, PlanContact, PlanContact.contact_id),
    "plan_objectives": Children(Objective, Objective.plan_id),
    "plan_opportunities": Children(
        Opportunity, PlanOpportunity.plan_id, PlanOpportunity, PlanOpportunity.opportunity_id
    ),
    "plan_activities": Children(Activity, Activity.plan_id),
    "sub_objectives": Children(Objective, Objective.parent_id),
    "objective_opportunities": Children(Opportunity, Opportunity.objective_id),
    "objective_activities": Children(Activity, Activity.objective_id),
    "opportunity_plans": Children(
        BusinessPlan, PlanOpportunity.opportunity_id, PlanOpportunity, PlanOpportunity.plan_id
    ),
    "opportunity_contacts": Children(
        Contact, OpportunityContact.opportunity_id, OpportunityContact,
        OpportunityContact.contact_id, (OpportunityContact.role.label("_role"),),
    ),
    "opportunity_activities": Children(Activity, Activity.opportunity_id),
    "follow_ups": Children(Activity, Activity.follow_up_of_id),
    "contact_accounts": Children(
        Account, AccountContact.contact_id, AccountContact, AccountContact.account_id
    ),
    "account_contacts": Children(
        Contact, AccountContact.account_id, AccountContact, AccountContact.contact_id
    ),
    "subsidiaries": Children(Account, Account.parent_id),
}  # fmt: skip

NODE_MODELS: tuple[type, ...] = (
    User,
    Period,
    Account,
    Contact,
    BusinessPlan,
    Objective,
    Opportunity,
    Activity,
)


class Loaders:
    """The loaders of one request; every batch runs on its own short connection."""

    def __init__(self, engine: AsyncEngine, viewer: Viewer) -> None:
        self.engine = engine
        self.viewer = viewer
        self.waves = Waves()
        self.nodes: dict[type, Loader[int, Any]] = {
            model: Loader(self.waves, partial(self._load_nodes, model)) for model in NODE_MODELS
        }
        self.children: dict[str, Loader[tuple[int, PageArgs], Page]] = {
            name: Loader(self.waves, partial(self._load_children, spec))
            for name, spec in CHILDREN.items()
        }
        self.status_history: Loader[int, list[Any]] = Loader(self.waves, self._load_history)
        self._custom: dict[Hashable, Loader[Any, Any]] = {}

    async def fetch(self, query: Select[Any]) -> Sequence[Any]:
        async with self.engine.connect() as connection:
            result = await connection.execute(query)
            return result.all()

    def custom(self, name: Hashable, batch: Callable[[list[Any]], Any]) -> Loader[Any, Any]:
        """A loader made on first use, for resolvers outside this module (picture, roll-ups)."""
        loader = self._custom.get(name)
        if loader is None:
            loader = self._custom[name] = Loader(self.waves, batch)
        return loader

    def restrict(self, query: Select[Any], model: type) -> Select[Any]:
        return restrict(query, model, self.viewer)

    def node(self, model: type) -> Loader[int, Any]:
        return self.nodes[model]

    def prime(self, model: type, rows: Sequence[Any]) -> None:
        loader = self.nodes.get(model)
        if loader is not None:
            for row in rows:
                loader.prime(row.id, row)

    async def _load_nodes(self, model: type, ids: list[int]) -> list[Any]:
        query = self.restrict(select(*columns(model)).where(model.id.in_(ids)), model)  # type: ignore[attr-defined]
        found = {row.id: row for row in await self.fetch(query)}
        return [found.get(i) for i in ids]

    async def _load_children(self, spec: Children, keys: list[tuple[int, PageArgs]]) -> list[Page]:
        by_args: dict[PageArgs, list[int]] = defaultdict(list)
        for parent_id, args in keys:
            by_args[args].append(parent_id)
        pages: dict[tuple[int, PageArgs], Page] = {}
        for args, parents in by_args.items():
            query = select(spec.parent.label("_parent"), *columns(spec.model), *spec.extra)
            if spec.link is not None:
                query = query.select_from(spec.link).join(spec.model, spec.link_fk == spec.model.id)
            query = self.restrict(query.where(spec.parent.in_(parents)), spec.model)
            rows = await self.fetch(paged(query, spec.parent, spec.model.id, args))
            self.prime(spec.model, rows)
            for parent_id, page in split_pages(rows, "_parent", parents, args).items():
                pages[(parent_id, args)] = page
        return [pages[key] for key in keys]

    async def _load_history(self, plan_ids: list[int]) -> list[list[Any]]:
        query = (
            select(*columns(PlanStatusChange))
            .where(PlanStatusChange.plan_id.in_(plan_ids))
            .order_by(PlanStatusChange.plan_id, PlanStatusChange.id)
        )
        history: dict[int, list[Any]] = defaultdict(list)
        for row in await self.fetch(query):
            history[row.plan_id].append(row)
        return [history[i] for i in plan_ids]

    async def root_page(
        self, model: type, conditions: Sequence[ColumnElement[bool]], args: PageArgs
    ) -> Page:
        """A top-level list (Query.accounts, Query.businessPlans, ...): one statement."""
        one = literal_column("0")
        query = self.restrict(select(one.label("_parent"), *columns(model)), model)
        query = query.where(*conditions)
        rows = await self.fetch(paged(query, one, model.id, args))  # type: ignore[attr-defined]
        self.prime(model, rows)
        return split_pages(rows, "_parent", [0], args)[0]
