"""Connections as SQL: one page per parent row, with totalCount, cursors and page info.

The page is read with ORDER BY id LIMIT first (an index range, however long the list), and
the total is counted only when asked for. Its rows come from the list's spec: a child
relation, the account picture (resolvers/read/sources.py) or a root list, with visibility.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    bindparam,
    case,
    column,
    exists,
    func,
    null,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.sql.selectable import FromClause, TextualSelect

from resolvers.fastpath.dialect import Expr
from resolvers.fastpath.objects import (
    node_object,
    reference,
    share,
    table_of,
    visibility,
    with_shared,
)
from resolvers.fastpath.paging import Paging, page_info, paging, past_cursor
from resolvers.fastpath.progress import ForAccount
from resolvers.fastpath.rendered import rendered_account_select
from resolvers.fastpath.selection import ArgumentError, Compilation, NotCovered, Selected
from resolvers.ids import pk_of
from resolvers.read.constants import Constant, constants
from resolvers.read.ordering import Orderings, ordered, sort_keys
from resolvers.read.sources import Via, chosen_links, filter_condition
from resolvers.read.specs import Children, Filter, FilterKind, Picture, RootList
from resolvers.search import like_pattern, search_problem
from resolvers.visibility import SEEN_WITH_THE_ACCOUNT

# SQLite's parser has a fixed stack: connections nested deeper than this are read by
# statements of their own, after the main one (resolvers/fastpath/run.py).
SQLITE_DEPTH = 1
# (compilation, page row, edge field) -> the SQL of an extra edge field like `via`
EdgeField = Callable[[Compilation, FromClause, Selected], Expr]


@dataclass
class Rows:
    """The rows of one connection: items `item` (an alias of the target's table) in `source`."""

    target: str
    item: FromClause
    source: FromClause
    where: list[ColumnElement[bool]]
    extras: list[Any] = field(default_factory=list)
    edge_fields: dict[str, EdgeField] = field(default_factory=dict)
    outer: FromClause | None = None  # the row the list hangs from
    # nesting CTEs the list reads twice (the picture's chosen items; SQLite's rootOnly)
    ctes: list[Any] = field(default_factory=list)
    order: Orderings = ()  # what `orderBy:` may sort by
    # The items' ids in `source` before they are read (the picture's CTE): counted, and
    # paged in id order, without reading the items themselves.
    ids: Any = None


def list_field(comp: Compilation, owner: str, row: FromClause, item: Selected, spec: Any) -> Expr:
    if isinstance(spec, Children):
        make: Callable[[FromClause], Rows] = lambda r: child_rows(comp, spec, r)  # noqa: E731
    elif isinstance(spec, Picture):
        make = lambda r: picture_rows(comp, spec, r, item)  # noqa: E731
    else:
        raise NotCovered(f"{owner}.{item.name}")
    if comp.sql.name == "sqlite" and comp.depth >= SQLITE_DEPTH:
        return _deferred(comp, item, owner, row, make)
    return connection(comp, item, owner, make(row))


def _deferred(
    comp: Compilation,
    item: Selected,
    owner: str,
    row: FromClause,
    make: Callable[[FromClause], Rows],
) -> Expr:
    """SQLite: a marker {"$deferred": job, "$parent": id} here, and the job's statement
    reading the list for a set of parent ids, run after the main one (run.py)."""
    parent = comp.alias(table_of(owner), "p")
    depth, comp.depth = comp.depth, 0
    try:
        inner = connection(comp, item, owner, make(parent))
    finally:
        comp.depth = depth
    job = select(parent.c.id, inner).where(parent.c.id.in_(bindparam("parents", expanding=True)))
    comp.deferred.append(job)
    return comp.sql.obj([("$deferred", Constant(len(comp.deferred) - 1)), ("$parent", row.c.id)])


def child_rows(comp: Compilation, spec: Children, row: FromClause) -> Rows:
    c = comp.alias(table_of(spec.target), "c")
    seen = visibility(comp, spec.target, c)
    if spec.link is None:
        return Rows(spec.target, c, c, [c.c[spec.parent] == row.c.id, *seen], outer=row)
    link = comp.alias(spec.link.__table__, "l")
    extras = [link.c[e.column].label(f"_edge_{e.column}") for e in spec.edge]
    edges = {e.field: _edge_column(f"_edge_{e.column}") for e in spec.edge}
    source = link.join(c, c.c.id == link.c[spec.item])
    where = [link.c[spec.parent] == row.c.id, *seen]
    return Rows(spec.target, c, source, where, extras, edges, row)


def _edge_column(label: str) -> EdgeField:
    return lambda comp, w, selected: comp.sql.boolean(w.c[label])


def root_rows(comp: Compilation, spec: RootList, selected: Selected) -> Rows:
    c = comp.alias(table_of(spec.target), "c")
    where = filters(comp, "Query", selected, spec.filters, c)
    if spec.only_global:
        where += [c.c.account_id.is_(None), c.c.contact_id.is_(None)]
    return Rows(spec.target, c, c, where + visibility(comp, spec.target, c), order=spec.order)


def filters(
    comp: Compilation, owner: str, selected: Selected, specs: tuple[Filter, ...], table: FromClause
) -> list[ColumnElement[bool]]:
    """The given filters: enum lists in the SQL (the query's shape), ids and text as params."""
    arguments = comp.arguments(owner, selected)
    out = []
    for spec in specs:
        value = arguments.get(spec.argument)
        if value is None or (spec.kind is FilterKind.SEARCH and value == ""):
            continue
        if spec.kind is FilterKind.ONE_OF:
            value = constants(sorted(v.value for v in value))
        elif spec.kind is FilterKind.EQUALS:
            value = Constant(value.value)
        elif spec.kind is FilterKind.ID:
            value = comp.argument_param(owner, selected, spec.argument, _id_of(spec))
        else:
            value = comp.argument_param(owner, selected, spec.argument, _pattern, _text_type())
        out.append(filter_condition(table, spec, value))
    return out


def _text_type() -> Any:
    from sqlalchemy import String

    return String


def _id_of(spec: Filter) -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        pk = pk_of(value, spec.id_type)
        if pk is None:
            raise ArgumentError(spec.argument)
        return pk

    return convert


def _pattern(value: Any) -> str:
    if search_problem(value) is not None:
        raise ArgumentError("search")  # the general path reports it
    return like_pattern(value)


def picture_rows(comp: Compilation, spec: Picture, row: FromClause, selected: Selected) -> Rows:
    """Account.<list>: each item once by `via`, filtered after that (resolvers/read/sources).

    `row` must be an account the viewer sees (SEEN_WITH_THE_ACCOUNT): a new way to reach an
    Account row must filter it by visibility, as every one does today."""
    arguments = comp.arguments("Account", selected)
    via = arguments.get("via") if spec.via_argument else None
    if not spec.via_argument:
        vias = [Via.ACCOUNT, Via.CONTACT]
    else:
        vias = sorted(Via[v.name] for v in (via if via is not None else list(Via)))
    x = _chosen(comp, spec, row, vias, selected).cte(comp.name("chosen"), nesting=True)
    c = comp.alias(table_of(spec.target), "c")
    where: list[ColumnElement[bool]] = []
    ctes = [x]
    if arguments.get("rootOnly") and comp.sql.name == "sqlite":
        x = _roots(comp, x)
        ctes.append(x)
    elif arguments.get("rootOnly"):
        above = x.alias(comp.name("above"))
        parent_shown = exists(select(above.c.id).where(above.c.id == x.c.parent_id))
        where.append((x.c.parent_id.is_(None)) | ~parent_shown)
    edges: dict[str, EdgeField] = {"via": _via, "viaContact": _via_contact}
    if spec.target == "Objective":
        edges["actualForAccount"] = _for_account(row)
    extras = [x.c._via, x.c._via_contact]
    source = x.join(c, c.c.id == x.c.id)
    return Rows(spec.target, c, source, where, extras, edges, row, ctes, spec.order, x.c.id)


def _roots(comp: Compilation, chosen: Any) -> Any:
    """rootOnly on SQLite: the chosen items whose parent is not among them, found in one
    pass. Each item is marked once as an id and once as its parent's child; a child whose
    parent's partition holds an id mark has its parent shown. SQLite evaluates a CTE that
    depends on the account row again for every row of a correlated subquery that reads
    it, so `NOT EXISTS (... chosen ...)` or `NOT IN` per item re-read all the account's
    links for each item: 1.9 s for 500 plans in a parent chain, against 17 ms this way."""
    none, no_id = null(), type_coerce(null(), Integer)
    marks = union_all(
        select(chosen.c.id.label("key"), Constant(1).label("is_id"), no_id.label("id"),
               none.label("_via"), none.label("_via_contact"), no_id.label("parent_id")),
        select(chosen.c.parent_id, Constant(0), chosen.c.id, chosen.c._via,
               chosen.c._via_contact, chosen.c.parent_id),
    ).subquery(comp.name("marks"))  # fmt: skip
    shown = func.max(marks.c.is_id).over(partition_by=marks.c.key)
    flagged = select(marks, shown.label("shown")).subquery(comp.name("flagged"))
    return (
        select(flagged.c.id, flagged.c._via, flagged.c._via_contact, flagged.c.parent_id)
        .where(flagged.c.is_id == Constant(0), flagged.c.shown == Constant(0))
        .cte(comp.name("roots"), nesting=True)
    )


def _chosen(
    comp: Compilation, spec: Picture, row: FromClause, vias: list[Via], selected: Selected
) -> Select[Any] | TextualSelect:
    """(id, _via, _via_contact[, parent_id]) of the account's items that pass the filters.

    The items' links (resolvers/read/sources.py chosen_links) are the largest part of a
    picture's statement to build and render: when the list has no filter and nothing to
    check of visibility (the usual case), the select reads nothing of the request but the
    account's row, and is rendered once per process and kind of list (rendered.py), then
    reused as text by every document that asks for the list.
    """
    k = comp.alias(table_of(spec.target), "k")
    conditions = filters(comp, "Account", selected, spec.filters, k)
    seen = spec.target in SEEN_WITH_THE_ACCOUNT or comp.viewer.sees_everything
    if not conditions and seen:
        columns = [column(name, Integer) for name in ("id", "_via", "_via_contact")]
        if spec.root_only_argument:
            columns.append(column("parent_id", Integer))
        key = ("chosen", spec.target, tuple(vias), spec.root_only_argument)

        def build(scratch: Compilation, account: FromClause) -> Select[Any]:
            return _picked(
                scratch, spec, account, vias, scratch.alias(table_of(spec.target), "k"), []
            )

        rendered = rendered_account_select(comp, key, build, row, columns)
        if rendered is not None:
            return rendered
    return _picked(comp, spec, row, vias, k, conditions)


def _picked(
    comp: Compilation,
    spec: Picture,
    row: FromClause,
    vias: list[Via],
    k: FromClause,
    conditions: list[ColumnElement[bool]],
) -> Select[Any]:
    """The chosen items (_chosen) of the account `row` that meet `conditions` (on `k`, an
    alias of the items' table).

    Without filters (or rootOnly) the items are not read: every chosen id is an item's (it
    comes from the item's own table or a link with a foreign key), and visibility needs
    only the id. A long list (1,005 activities) is then counted and paged from these rows.
    """
    chosen = chosen_links(spec.target, lambda column: column == row.c.id, vias, row).subquery()
    implied = spec.target in SEEN_WITH_THE_ACCOUNT

    def seen(rows: FromClause) -> list[ColumnElement[bool]]:
        return [] if implied else visibility(comp, spec.target, rows)

    if not conditions and not spec.root_only_argument:
        links = select(
            chosen.c.item.label("id"),
            chosen.c.prio.label("_via"),
            chosen.c.contact.label("_via_contact"),
        ).subquery(comp.name("links"))
        return select(links).where(*seen(links))
    columns = [k.c.id, chosen.c.prio.label("_via"), chosen.c.contact.label("_via_contact")]
    if spec.root_only_argument:
        columns.append(k.c.parent_id)
    return (
        select(*columns)
        .select_from(chosen.join(k, k.c.id == chosen.c.item))
        .where(*conditions, *seen(k))
    )


def _for_account(account_row: FromClause) -> EdgeField:
    def emit(comp: Compilation, w: FromClause, selected: Selected) -> Expr:
        return share(comp, w, selected, ForAccount(account_row))

    return emit


def _via(comp: Compilation, w: FromClause, selected: Selected) -> Expr:
    names = [(w.c._via == Constant(int(v)), Constant(v.name)) for v in (Via.ACCOUNT, Via.CONTACT)]
    return case(*names, else_=Constant(Via.GLOBAL.name))


def _via_contact(comp: Compilation, w: FromClause, selected: Selected) -> Expr:
    return reference(comp, "Contact", w.c._via_contact, selected)


def connection(comp: Compilation, selected: Selected, owner: str, rows: Rows) -> Expr:
    """The JSON of a connection field over `rows`."""
    comp.depth += 1
    try:
        return _connection(comp, selected, owner, rows)
    finally:
        comp.depth -= 1


def _connection(comp: Compilation, selected: Selected, owner: str, rows: Rows) -> Expr:
    p = paging(comp, owner, selected, rows.order)
    conn_type = comp.field_type(owner, selected.name)
    c = rows.item
    correlate = [rows.outer] if rows.outer is not None else []
    by_ids = p.key is None and rows.ids is not None  # id order: paged from the ids alone
    keys = [rows.ids] if by_ids else sort_keys(c, p.key)
    past = past_cursor(p, c, table_of(rows.target), keys)
    labelled = [k.label(f"_k{i}") for i, k in enumerate(keys[:-1])]
    page: Any = (
        _page_by_ids(comp, rows, keys, past, p)
        if by_ids
        else select(c, *rows.extras, *labelled)
        .select_from(rows.source)
        .where(*rows.where, *past)
        .order_by(*ordered(keys, p.forward_scan))
        .limit(p.size)
        .correlate(*correlate)
        .subquery(comp.name("w"))
    )
    output = not p.order.descending  # the order the page is shown in
    if comp.sql.name == "sqlite" and p.forward_scan != output:  # rows arrive in output order
        reordered = select(page).order_by(*ordered(_keys(page, labelled), output))
        page = reordered.subquery(comp.name("w"))
    # Rows that arrive in the order shown (the page's ORDER BY, which also keeps PostgreSQL
    # from flattening the subquery) are aggregated as they come, not sorted a second time.
    shown = [] if p.forward_scan == output else ordered(_keys(page, labelled), output)
    rows_query = (
        (select(rows.ids) if by_ids else select(c.c.id).select_from(rows.source))
        .where(*rows.where)
        .correlate(*correlate)
    )  # by ids: pageInfo reads no item either
    sql, uses_page = comp.sql, False
    parts: list[tuple[str, Expr]] = []
    for item in comp.fields(conn_type, selected.selections()):
        if item.name == "totalCount":
            counted = rows.source if rows.ids is None else rows.ids.table
            count = select(func.count()).select_from(counted).where(*rows.where)
            parts.append((item.key, count.correlate(*correlate).scalar_subquery()))
        elif item.name == "__typename":
            parts.append((item.key, Constant(conn_type)))
        elif item.name == "pageInfo":
            cursors = sql.agg(sql.global_id(p.cursor_type, page.c.id), shown)
            value, uses = page_info(comp, item, p, rows_query, past, keys, cursors, page)
            parts.append((item.key, value))
            uses_page = uses_page or uses
        elif item.name == "nodes":
            node = node_object(comp, rows.target, page, item.selections())
            parts.append((item.key, sql.agg(node, shown)))
            uses_page = True
        elif item.name == "edges":
            edge_type = comp.field_type(conn_type, "edges")
            edge = _edge(comp, rows, edge_type, page, item, p)
            parts.append((item.key, sql.agg(edge, shown)))
            uses_page = True
        else:
            raise NotCovered(f"{conn_type}.{item.name}")
    body = select(sql.obj(parts))
    if uses_page:
        body = body.select_from(with_shared(comp, page, page))
    for cte in rows.ctes:
        body = body.add_cte(cte, nest_here=True)
    return body.scalar_subquery()


def _page_by_ids(comp: Compilation, rows: Rows, keys: list[Any], past: list[Any], p: Paging) -> Any:
    """The page's ids first (sorted and cut from the CTE's rows), then only its items read:
    a page of 50 out of 1,005 reads 50 items, not 1,005."""
    ids = rows.ids.table
    head = (
        select(ids)
        .where(*rows.where, *past)
        .order_by(*ordered(keys, p.forward_scan))
        .limit(p.size)
        .subquery(comp.name("head"))
    )
    c = rows.item
    return (
        select(c, *(head.c[extra.name] for extra in rows.extras))
        .select_from(head.join(c, c.c.id == head.c.id))
        .order_by(*ordered([head.c.id], p.forward_scan))
        .subquery(comp.name("w"))
    )


def _keys(page: Any, labelled: list[Any]) -> list[Any]:
    return [page.c[f"_k{i}"] for i in range(len(labelled))] + [page.c.id]


def _edge(
    comp: Compilation, rows: Rows, edge_type: str, w: FromClause, selected: Selected, p: Paging
) -> Expr:
    parts: list[tuple[str, Expr]] = []
    for item in comp.fields(edge_type, selected.selections()):
        if item.name == "cursor":
            parts.append((item.key, comp.sql.global_id(p.cursor_type, w.c.id)))
        elif item.name == "node":
            parts.append((item.key, node_object(comp, rows.target, w, item.selections())))
        elif item.name == "__typename":
            parts.append((item.key, Constant(edge_type)))
        elif item.name in rows.edge_fields:
            parts.append((item.key, rows.edge_fields[item.name](comp, w, item)))
        else:
            raise NotCovered(f"{edge_type}.{item.name}")
    return comp.sql.obj(parts)
