"""A connection's page in SQL: its arguments as parameters, its order, its page info.

The order and the keyset condition are resolvers/read/ordering.py's, the same the general
path pages with; `first`/`last`, the cursor and the cursor's ordering are checked by the
same rules (resolvers/pagination.py), raised here as ArgumentError for the general path to
report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Select, exists, false, func, not_
from sqlalchemy.sql.selectable import FromClause

from resolvers.errors import ClientError
from resolvers.fastpath.dialect import Expr
from resolvers.fastpath.selection import ArgumentError, Compilation, Selected
from resolvers.pagination import PageArgs
from resolvers.read.constants import Constant
from resolvers.read.ordering import (
    Order,
    Orderings,
    SortKey,
    beyond,
    cursor_keys,
    ordered,
    sort_key,
    sort_keys,
)


@dataclass
class Paging:
    size: BindParameter[Any]
    cursor: BindParameter[Any] | None
    backward: bool
    order: Order
    key: SortKey | None

    @property
    def forward_scan(self) -> bool:
        return self.order.descending == self.backward

    @property
    def cursor_type(self) -> str:
        """The global-id "type" whose ids are this ordering's cursors (pagination.py)."""
        return f"cursor:{self.order.tag}" if self.order.tag else "cursor"


def paging(comp: Compilation, owner: str, selected: Selected, orderings: Orderings) -> Paging:
    """Which arguments are given shapes the statement; their values are parameters."""
    arguments = comp.arguments(owner, selected)
    order = Order()
    if arguments.get("orderBy") is not None:
        order_by = arguments["orderBy"]  # coerced to {"field": member, "direction": member}
        order = Order(order_by["field"].value, order_by["direction"].value == "DESC")
    backward = arguments.get("last") is not None or arguments.get("before") is not None
    names = ("last", "before") if backward else ("first", "after")
    if backward and (arguments.get("first") is not None or arguments.get("after") is not None):
        raise ArgumentError("first and last")

    def parse(values: dict[str, Any]) -> PageArgs:
        try:
            return PageArgs.parse(
                values.get("first"),
                values.get("after"),
                values.get("last"),
                values.get("before"),
                order,
            )
        except ClientError:
            raise ArgumentError("paging") from None

    size = comp.arguments_param(owner, selected, lambda values: parse(values).size)
    cursor = None
    if arguments.get(names[1]) is not None:
        cursor = comp.arguments_param(owner, selected, lambda values: parse(values).cursor)
    return Paging(size, cursor, backward, order, sort_key(orderings, order))


def past_cursor(
    p: Paging, item: FromClause, target_table: FromClause, keys: list[ColumnElement[Any]]
) -> list[ColumnElement[bool]]:
    if p.cursor is None:
        return []
    return [beyond(keys, cursor_keys(target_table, p.key, p.cursor), p.forward_scan)]


def page_info(
    comp: Compilation,
    selected: Selected,
    p: Paging,
    rows_query: Select[Any],
    past: list[ColumnElement[bool]],
    keys: list[ColumnElement[Any]],
    cursors: Expr,
    w: FromClause,
) -> tuple[Expr, bool]:
    """PageInfo: more rows beyond the page (in the scan direction) and rows before the
    cursor; a backward page swaps which of them is next and which previous."""
    sql = comp.sql
    more = rows_query.where(*past).order_by(*ordered(keys, p.forward_scan))
    more_exists: ColumnElement[bool] = more.limit(1).offset(p.size).exists()
    earlier: ColumnElement[bool] = false()
    if past:
        earlier = exists(rows_query.where(not_(past[0])))
    following, preceding = (earlier, more_exists) if p.backward else (more_exists, earlier)
    if p.key is None:
        start = sql.global_id(p.cursor_type, func.min(w.c.id))
        end = sql.global_id(p.cursor_type, func.max(w.c.id))
    else:
        start, end = sql.first_of(cursors), sql.last_of(cursors)
    values = {
        "hasNextPage": sql.boolean(following),
        "hasPreviousPage": sql.boolean(preceding),
        "startCursor": start,
        "endCursor": end,
    }
    parts, uses_page = [], False
    for item in comp.fields("PageInfo", selected.selections()):
        value = Constant("PageInfo") if item.name == "__typename" else values[item.name]
        uses_page = uses_page or item.name in ("startCursor", "endCursor")
        parts.append((item.key, value))
    return sql.obj(parts), uses_page


__all__ = ["Paging", "page_info", "paging", "past_cursor", "sort_keys"]
