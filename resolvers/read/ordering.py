"""List orderings, declared once: the sort keys and the keyset condition both paths use.

A list is ordered by its sort key, then by id (so the order is total). A nullable key sorts
its nulls last (first when descending); an enum key sorts in the enum's declared order (the
workflow's order), the same on every database. A cursor names the ordering and the id of
its row; the keyset condition reads that row's sort values by id, so cursors are the same
text on both read paths and stay valid within their ordering.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, func, select, tuple_
from sqlalchemy.sql.selectable import FromClause

from resolvers.read.constants import Constant

NULL_SENTINEL = "0001-01-01"  # stands in for a null date or time (its null flag sorts first)


@dataclass(frozen=True)
class SortKey:
    """What an order field sorts by: a column, nullable or not, or an enum by rank."""

    column: str
    nullable: bool = False
    ranks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Order:
    """One list's ordering: `field` of the list's order enum (None: by id), `descending`."""

    field: str | None = None
    descending: bool = False

    @property
    def tag(self) -> str:
        """The ordering's name inside its cursors ("" for the id order of old cursors)."""
        if self.field is None:
            return ""
        return f"{self.field}:{'DESC' if self.descending else 'ASC'}"


def sort_keys(table: FromClause, key: SortKey | None) -> list[ColumnElement[Any]]:
    """The expressions a list sorts by, id last; every one of them is never null."""
    if key is None:
        return [table.c.id]
    column = table.c[key.column]
    if key.ranks:
        ranked = [(Constant(label), Constant(rank)) for rank, label in enumerate(key.ranks)]
        return [case(*ranked, value=column, else_=Constant(len(key.ranks))), table.c.id]
    if key.nullable:
        flag = case((column.is_(None), Constant(1)), else_=Constant(0))
        return [flag, func.coalesce(column, Constant(NULL_SENTINEL)), table.c.id]
    return [column, table.c.id]


def cursor_keys(table: FromClause, key: SortKey | None, cursor: Any) -> list[ColumnElement[Any]]:
    """The sort keys of the cursor's row, each read by id (the cursor carries only its id)."""
    if key is None:
        return [cursor]
    row = table.alias()
    return [
        select(expression).where(row.c.id == cursor).scalar_subquery()
        for expression in sort_keys(row, key)[:-1]
    ] + [cursor]


def beyond(
    keys: Sequence[ColumnElement[Any]], cursor: Sequence[ColumnElement[Any]], forward: bool
) -> ColumnElement[bool]:
    """Rows strictly past the cursor in the scan direction (a row-value comparison)."""
    if len(keys) == 1:
        return keys[0] > cursor[0] if forward else keys[0] < cursor[0]
    left, right = tuple_(*keys), tuple_(*cursor)
    return left > right if forward else left < right


def ordered(keys: Sequence[ColumnElement[Any]], forward: bool) -> list[ColumnElement[Any]]:
    return [k.asc() if forward else k.desc() for k in keys]


# The orderings the lists offer: order-enum value -> sort key (schema/ordering.py names them).
Orderings = tuple[tuple[str, SortKey], ...]
PLAN_STATUSES = ("DRAFT", "SUBMITTED", "FINAL_APPROVED", "EXPIRED")
STAGES = ("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "CLOSED_WON", "CLOSED_LOST")
OBJECTIVE_STATUSES = (
    "DRAFT",
    "SUBMITTED",
    "FINAL_APPROVED",
    "CURRENT",
    "EXPIRED",
    "FUTURE",
    "ON_HOLD",
)
ACCOUNT_ORDER: Orderings = (("NAME", SortKey("name")),)
PLAN_ORDER: Orderings = (
    ("NAME", SortKey("name")),
    ("STATUS", SortKey("status", ranks=PLAN_STATUSES)),
    ("UPDATED_AT", SortKey("updated_at")),
)
OBJECTIVE_ORDER: Orderings = (
    ("NAME", SortKey("name")),
    ("STATUS", SortKey("status", ranks=OBJECTIVE_STATUSES)),
)
OPPORTUNITY_ORDER: Orderings = (
    ("AMOUNT", SortKey("amount_milli")),
    ("CLOSE_DATE", SortKey("close_on", nullable=True)),
    ("STAGE", SortKey("stage", ranks=STAGES)),
    ("NAME", SortKey("name")),
)
ACTIVITY_ORDER: Orderings = (
    ("DUE_AT", SortKey("due_at", nullable=True)),
    ("SUBJECT", SortKey("subject")),
)
PERIOD_ORDER: Orderings = (("START_DATE", SortKey("start_on")), ("NAME", SortKey("name")))


def sort_key(orderings: Orderings, order: Order) -> SortKey | None:
    return dict(orderings)[order.field] if order.field is not None else None
