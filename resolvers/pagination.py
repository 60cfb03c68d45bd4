"""Cursor pagination for every connection, batched over many parents in one statement.

Each connection is ordered by the id of its items; a cursor is an opaque id position.
`first` defaults to DEFAULT_PAGE_SIZE and may not exceed MAX_PAGE_SIZE.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_

from resolvers.errors import ClientError

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
_CURSOR_PREFIX = "cursor:"


@dataclass(frozen=True)
class PageArgs:
    first: int
    after: int | None

    @classmethod
    def parse(cls, first: int | None, after: str | None) -> PageArgs:
        if first is None:
            first = DEFAULT_PAGE_SIZE
        if first < 0 or first > MAX_PAGE_SIZE:
            raise ClientError(
                f"Argument 'first' must be between 0 and {MAX_PAGE_SIZE}; got {first}."
            )
        return cls(first, decode_cursor(after) if after is not None else None)


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{position}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not text.startswith(_CURSOR_PREFIX):
            raise ValueError(text)
        return int(text.removeprefix(_CURSOR_PREFIX))
    except (ValueError, binascii.Error, UnicodeError):
        raise ClientError("Argument 'after' is not a valid cursor.") from None


@dataclass
class Page:
    """One page of one connection: rows in order, with what the PageInfo needs."""

    rows: list[Any] = field(default_factory=list)
    total: int = 0
    has_next: bool = False
    has_previous: bool = False


def paged(
    query: Select[Any], parent: ColumnElement[Any], order: ColumnElement[Any], args: PageArgs
) -> Select[Any]:
    """Wrap `query` so that it returns, per parent, one page plus one row to detect a next page.

    The result has the query's columns, `_rn`, `_total` (rows of that parent across all
    pages) and `_before` (rows of that parent at or before the cursor). The first row of each
    parent is always returned, so that an empty page still knows its total.
    """
    before = (
        func.sum(case((order <= args.after, 1), else_=0)).over(partition_by=parent)
        if args.after is not None
        else literal(0)
    )
    inner = query.add_columns(
        func.row_number().over(partition_by=parent, order_by=order).label("_rn"),
        func.count().over(partition_by=parent).label("_total"),
        before.label("_before"),
    ).subquery()
    return (
        inner.select()
        .where(
            or_(
                and_(
                    inner.c._rn > inner.c._before, inner.c._rn <= inner.c._before + args.first + 1
                ),
                inner.c._rn == 1,  # always one row per parent, so its total is known
            )
        )
        .order_by(inner.c._rn)
    )


def split_pages(
    rows: Sequence[Any], parent_key: str, parents: Sequence[Any], args: PageArgs
) -> dict[Any, Page]:
    """Group the rows of `paged` by parent, cutting the extra row into has_next."""
    pages: dict[Any, Page] = {p: Page() for p in parents}
    for row in rows:
        page = pages[row._mapping[parent_key]]
        page.total = row._total
        page.has_previous = row._before > 0
        if row._rn <= row._before:
            continue
        if len(page.rows) < args.first:
            page.rows.append(row)
        else:
            page.has_next = True
    return pages
