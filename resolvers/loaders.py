"""Per-request data loaders over the read registry: each batch is one SQL statement.

The loaders are made on first use for each spec (resolvers/read/specs.py), so a field
declared once on its type is loaded here without a table of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, literal_column, select
from sqlalchemy.ext.asyncio import AsyncEngine

from models import PlanStatusChange
from resolvers.pagination import Page, PageArgs, paged, split_pages
from resolvers.read.ordering import SortKey, cursor_keys, sort_keys
from resolvers.read.specs import TYPE_MODELS, Children
from resolvers.rows import columns
from resolvers.visibility import Viewer, restrict
from resolvers.waves import Loader, Waves


def edge_label(column: str) -> str:
    """The label of a link column carried to the edge (plan_accounts.is_primary)."""
    return f"_edge_{column}"


class Loaders:
    """The loaders of one request; every batch runs on its own short connection."""

    def __init__(self, engine: AsyncEngine, viewer: Viewer) -> None:
        self.engine = engine
        self.viewer = viewer
        self.waves = Waves()
        self._loaders: dict[Hashable, Loader[Any, Any]] = {}

    async def fetch(self, query: Any) -> Sequence[Any]:
        async with self.engine.connect() as connection:
            result = await connection.execute(query)
            return list(result.all())

    def custom(
        self, name: Hashable, batch: Callable[[list[Any]], Awaitable[Sequence[Any]]]
    ) -> Loader[Any, Any]:
        """The loader called `name`, made on first use with `batch`."""
        loader = self._loaders.get(name)
        if loader is None:
            loader = self._loaders[name] = Loader(self.waves, batch)
        return loader

    def restrict(self, query: Any, model: Any) -> Select[Any]:
        return restrict(query, model, self.viewer)

    def node(self, type_name: str) -> Loader[int, Any]:
        model = TYPE_MODELS[type_name]
        return self.custom(("node", type_name), lambda ids: self._load_nodes(model, ids))

    def children(self, spec: Children) -> Loader[tuple[int, PageArgs], Page]:
        return self.custom(spec, lambda keys: self._load_children(spec, keys))

    def status_history(self) -> Loader[int, list[Any]]:
        return self.custom("history", self._load_history)

    def prime(self, type_name: str, rows: Sequence[Any]) -> None:
        loader = self.node(type_name)
        for row in rows:
            loader.prime(row.id, row)

    async def _load_nodes(self, model: Any, ids: list[int]) -> list[Any]:
        query = self.restrict(select(*columns(model)).where(model.id.in_(ids)), model)
        found = {row.id: row for row in await self.fetch(query)}
        return [found.get(i) for i in ids]

    def children_query(self, spec: Children, parents: list[int]) -> tuple[Select[Any], Any]:
        """The items of `spec` for these parents, with the parent id as `_parent`."""
        model: Any = TYPE_MODELS[spec.target]
        if spec.link is None:
            parent = model.__table__.c[spec.parent]
            query = select(parent.label("_parent"), *columns(model))
        else:
            link = spec.link.__table__
            parent = link.c[spec.parent]
            extra = [link.c[e.column].label(edge_label(e.column)) for e in spec.edge]
            query = (
                select(parent.label("_parent"), *columns(model), *extra)
                .select_from(link)
                .join(model, link.c[spec.item] == model.id)
            )
        return self.restrict(query.where(parent.in_(parents)), model), parent

    async def _load_children(self, spec: Children, keys: list[tuple[int, PageArgs]]) -> list[Page]:
        by_args: dict[PageArgs, list[int]] = defaultdict(list)
        for parent_id, args in keys:
            by_args[args].append(parent_id)
        pages: dict[tuple[int, PageArgs], Page] = {}
        model: Any = TYPE_MODELS[spec.target]
        for args, parents in by_args.items():
            query, parent = self.children_query(spec, parents)
            table = model.__table__
            cursor = cursor_keys(table, None, args.cursor) if args.cursor is not None else None
            rows = await self.fetch(paged(query, parent, sort_keys(table, None), cursor, args))
            self.prime(spec.target, rows)
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
        self,
        type_name: str,
        conditions: Sequence[ColumnElement[bool]],
        args: PageArgs,
        key: SortKey | None = None,
    ) -> Page:
        """A top-level list (Query.accounts, Query.businessPlans, ...): one statement."""
        model: Any = TYPE_MODELS[type_name]
        one: Any = literal_column("0")
        query = self.restrict(select(one.label("_parent"), *columns(model)), model)
        query = query.where(*conditions)
        table = model.__table__
        cursor = cursor_keys(table, key, args.cursor) if args.cursor is not None else None
        rows = await self.fetch(paged(query, one, sort_keys(table, key), cursor, args))
        self.prime(type_name, rows)
        return split_pages(rows, "_parent", [0], args)[0]
