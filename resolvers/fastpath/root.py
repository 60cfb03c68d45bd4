"""The root Query fields of the fast path, from their read specs."""

from __future__ import annotations

from typing import Any

from graphql import SelectionSetNode
from sqlalchemy import select

from resolvers.fastpath.dialect import Expr
from resolvers.fastpath.lists import connection, root_rows
from resolvers.fastpath.objects import node_object, table_of, visibility, with_shared
from resolvers.fastpath.selection import Compilation, NotCovered, Selected
from resolvers.ids import from_global_id
from resolvers.read.constants import Constant
from resolvers.read.specs import ById, RootList, ViewerField


def root_fields(comp: Compilation, selection_set: SelectionSetNode) -> Expr:
    parts: list[tuple[str, Expr]] = []
    specs = comp.registry["Query"]
    for item in comp.fields("Query", selection_set):
        if item.name == "__typename":
            parts.append((item.key, Constant("Query")))
            continue
        spec = specs.get(item.name)
        if isinstance(spec, ById):
            parts.append((item.key, _by_id(comp, item, spec)))
        elif isinstance(spec, ViewerField):
            parts.append((item.key, _one(comp, "User", comp.viewer_param(), item)))
        elif isinstance(spec, RootList):
            parts.append((item.key, connection(comp, item, "Query", root_rows(comp, spec, item))))
        else:
            raise NotCovered(f"Query.{item.name}")
    return comp.sql.obj(parts)


def _one(comp: Compilation, type_name: str, pk: Any, selected: Selected) -> Expr:
    r = comp.alias(table_of(type_name))
    obj = node_object(comp, type_name, r, selected.selections())
    return (
        select(obj)
        .select_from(with_shared(comp, r, r))
        .where(r.c.id == pk, *visibility(comp, type_name, r))
        .scalar_subquery()
    )


def _by_id(comp: Compilation, selected: Selected, spec: ById) -> Expr:
    """The id's type shapes the statement (it is part of the cache key); its pk is a param."""
    decoded = from_global_id(str(comp.arguments("Query", selected)["id"]))
    if decoded is None or (spec.target and decoded[0] != spec.target):
        return comp.sql.null_json()
    pk = comp.argument_param("Query", selected, "id", _pk)
    return _one(comp, decoded[0], pk, selected)


def _pk(value: Any) -> int:
    decoded = from_global_id(str(value))
    assert decoded is not None  # the id's type is part of the statement's cache key
    return decoded[1]
