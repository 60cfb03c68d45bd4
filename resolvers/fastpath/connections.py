"""Connections as SQL: one page per parent row, with totalCount, cursors and page info."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from resolvers.errors import ClientError
from resolvers.fastpath import sql
from resolvers.fastpath.selection import Compilation, Selected, Unsupported
from resolvers.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decode_cursor

# (compilation, edge type, row alias, edge field) -> SQL for an extra edge field like `via`
EdgeField = Callable[[Compilation, str, str, Selected], str]


@dataclass
class Rows:
    """The rows of one connection: `source` yields columns of `table` (as c.*) plus extras."""

    node_type: str
    source: str  # a FROM clause whose item rows are aliased `c`
    where: str  # conditions on `c` (and the outer row)
    extras: str = ""  # ", expr AS _name" columns carried to the edges
    edge_fields: dict[str, EdgeField] = field(default_factory=dict)
    with_clause: str = ""  # a WITH ... prefix (for sets referenced twice)
    parent: tuple[str, str] | None = None  # (table, alias) of the row the list hangs from


# SQLite's parser has a fixed stack: connections nested deeper than this are read by
# statements of their own, after the main one (see resolvers/fastpath/__init__.py).
SQLITE_DEPTH = 1


def page_args(arguments: dict[str, object]) -> tuple[int, int | None]:
    """`first` and `after` as the general path reads them; its errors are its to report."""
    first = arguments.get("first")
    first = DEFAULT_PAGE_SIZE if first is None else first
    if not isinstance(first, int) or first < 0 or first > MAX_PAGE_SIZE:
        raise Unsupported("first")
    after = arguments.get("after")
    if after is None:
        return first, None
    try:
        return first, decode_cursor(str(after))
    except ClientError:
        raise Unsupported("after") from None


def connection(comp: Compilation, selected: Selected, type_name: str, rows: Rows) -> str:
    """The JSON of a connection field over `rows`.

    The page is read with ORDER BY id LIMIT first + 1 (an index range, however long the
    list), and the total is counted only when asked for, as the general path reports them.
    """
    if comp.d.name == "sqlite" and rows.parent is not None and comp.depth >= SQLITE_DEPTH:
        return _deferred(comp, selected, type_name, rows)
    comp.depth += 1
    try:
        return _connection(comp, selected, type_name, rows)
    finally:
        comp.depth -= 1


def _deferred(comp: Compilation, selected: Selected, type_name: str, rows: Rows) -> str:
    """A marker for the list, and the statement that reads it for a set of parent ids."""
    assert rows.parent is not None
    table, t = rows.parent
    depth, params, comp.depth = comp.depth, len(comp.params), 0
    try:
        inner = connection(comp, selected, type_name, rows)
    finally:
        comp.depth = depth
    if len(comp.params) != params:
        raise Unsupported("parameters in a deferred list")
    job = len(comp.deferred)
    comp.deferred.append(f"SELECT {t}.id, {inner} FROM {table} {t} WHERE {t}.id IN ")
    return f"(char(0) || '{job}:' || {t}.id)"


def _connection(comp: Compilation, selected: Selected, type_name: str, rows: Rows) -> str:
    from resolvers.fastpath.objects import node_object

    first, after = page_args(comp.arguments(type_name, selected))
    conn_type = _connection_type(comp, type_name, selected)
    source = f"{rows.source} WHERE {rows.where}"
    w = comp.alias()
    after_cond = f" AND c.id > {int(after)}" if after is not None else ""
    page = f"SELECT c.*{rows.extras} FROM {source}{after_cond} ORDER BY c.id LIMIT {first}"
    d = comp.d
    parts: list[tuple[str, str]] = []
    for item in comp.fields(conn_type, selected.selections()):
        if item.name == "totalCount":
            parts.append((item.key, f"(SELECT count(*) FROM {source})"))
        elif item.name == "__typename":
            parts.append((item.key, sql.quote(conn_type)))
        elif item.name == "pageInfo":
            following = f"{source}{after_cond} ORDER BY c.id LIMIT 1 OFFSET {first}"
            parts.append((item.key, _page_info(comp, item, w, following, after, source)))
        elif item.name == "nodes":
            node = node_object(comp, rows.node_type, w, item.selections())
            parts.append((item.key, d.agg(node, f"{w}.id")))
        elif item.name == "edges":
            edge_type = _named(comp, conn_type, "edges")
            parts.append((item.key, d.agg(_edge(comp, rows, edge_type, w, item), f"{w}.id")))
        else:
            raise Unsupported(item.name)
    # Every read of the page's rows is inside an aggregate, so FROM the page yields exactly
    # one row; without any, the object needs no FROM (an empty page would yield no row).
    uses_rows = any(re.search(rf"\b{w}\.", value) for _, value in parts)
    body = f"SELECT {d.obj(parts)}" + (f" FROM ({page}) {w}" if uses_rows else "")
    return d.sub(f"{rows.with_clause}{body}")


def _edge(comp: Compilation, rows: Rows, edge_type: str, w: str, selected: Selected) -> str:
    from resolvers.fastpath.objects import node_object

    parts: list[tuple[str, str]] = []
    for item in comp.fields(edge_type, selected.selections()):
        if item.name == "cursor":
            parts.append((item.key, comp.d.global_id("cursor", f"{w}.id")))
        elif item.name == "node":
            parts.append((item.key, node_object(comp, rows.node_type, w, item.selections())))
        elif item.name == "__typename":
            parts.append((item.key, sql.quote(edge_type)))
        elif item.name in rows.edge_fields:
            parts.append((item.key, rows.edge_fields[item.name](comp, edge_type, w, item)))
        else:
            raise Unsupported(item.name)
    return comp.d.obj(parts)


def _page_info(comp: Compilation, selected: Selected, w: str, following: str,
               after: int | None, source: str) -> str:  # fmt: skip
    d = comp.d
    previous = (
        f"EXISTS (SELECT 1 FROM {source} AND c.id <= {int(after)})" if after is not None
        else "1 = 0"
    )  # fmt: skip
    values = {
        "hasNextPage": d.boolean(f"EXISTS (SELECT 1 FROM (SELECT c.id FROM {following}) n)"),
        "hasPreviousPage": d.boolean(previous),
        "startCursor": d.global_id("cursor", f"min({w}.id)"),
        "endCursor": d.global_id("cursor", f"max({w}.id)"),
        "__typename": sql.quote("PageInfo"),
    }
    parts = []
    for item in comp.fields("PageInfo", selected.selections()):
        if item.name not in values:
            raise Unsupported(item.name)
        parts.append((item.key, values[item.name]))
    return d.obj(parts)


def _named(comp: Compilation, type_name: str, field_name: str) -> str:
    from graphql import get_named_type

    parent = comp.schema.get_type(type_name)
    return get_named_type(parent.fields[field_name].type).name  # type: ignore[union-attr]


def _connection_type(comp: Compilation, type_name: str, selected: Selected) -> str:
    return _named(comp, type_name, selected.name)
