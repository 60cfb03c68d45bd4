"""Cursor pagination for every connection, batched over many parents in one statement.

A connection is ordered by the id of its items, or by an `orderBy` (resolvers/read/ordering.py)
and then id; a cursor is an opaque position in one ordering. Pages go forwards (`first`,
`after`) or backwards (`last`, `before`); the size defaults to DEFAULT_PAGE_SIZE and may not
exceed MAX_PAGE_SIZE.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_

from resolvers.errors import ClientError
from resolvers.ids import MAX_PK
from resolvers.read.ordering import Order, beyond, ordered

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
_CURSOR_PREFIX = "cursor:"


@dataclass(frozen=True)
class PageArgs:
    """One connection call's paging: `size` items after (or, backward, before) `cursor`."""

    size: int
    cursor: int | None = None
    backward: bool = False
    order: Order = field(default_factory=Order)

    @property
    def forward_scan(self) -> bool:
        """Whether the page is read in ascending key order (descending and backward flip it)."""
        return self.order.descending == self.backward

    @classmethod
    def parse(
        cls,
        first: int | None,
        after: str | None,
        last: int | None = None,
        before: str | None = None,
        order: Order | None = None,
    ) -> PageArgs:
        """The arguments as given; the errors name the argument and the reason."""
        order = order or Order()
        if last is not None or before is not None:
            if first is not None or after is not None:
                raise ClientError(
                    "Page forwards with `first`/`after` or backwards with "
                    "`last`/`before`, not both."
                )
            return cls(_size("last", last), _decode("before", before, order), True, order)
        return cls(_size("first", first), _decode("after", after, order), False, order)


def _size(name: str, value: int | None) -> int:
    size = DEFAULT_PAGE_SIZE if value is None else value
    if size < 0 or size > MAX_PAGE_SIZE:
        raise ClientError(f"Argument '{name}' must be between 0 and {MAX_PAGE_SIZE}; got {size}.")
    return size


def _decode(name: str, cursor: str | None, order: Order) -> int | None:
    if cursor is None:
        return None
    tag, position = decode_cursor(cursor, name)
    if tag != order.tag:
        raise ClientError(f"Argument '{name}' is a cursor of another ordering.")
    return position


def encode_cursor(position: int, tag: str = "") -> str:
    """An opaque position: "cursor:<id>" for the id order, "cursor:<FIELD>:<DIR>:<id>"."""
    prefix = f"{_CURSOR_PREFIX}{tag}:" if tag else _CURSOR_PREFIX
    return base64.urlsafe_b64encode(f"{prefix}{position}".encode()).decode()


def decode_cursor(cursor: str, name: str = "after") -> tuple[str, int]:
    """(ordering tag, id) of a cursor; anything else is the client's error naming `name`."""
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not text.startswith(_CURSOR_PREFIX) or len(text) > 200:
            raise ValueError(text)
        tag, _, position = text.removeprefix(_CURSOR_PREFIX).rpartition(":")
        if not position.isdigit() or len(position) > 18 or int(position) > MAX_PK:
            raise ValueError(text)
        return tag, int(position)
    except (ValueError, binascii.Error, UnicodeError):
        raise ClientError(f"Argument '{name}' is not a valid cursor.") from None


@dataclass
class Page:
    """One page of one connection: rows in order, with what the PageInfo needs."""

    rows: list[Any] = field(default_factory=list)
    total: int = 0
    has_next: bool = False
    has_previous: bool = False


def paged(
    query: Select[Any],
    parent: ColumnElement[Any],
    keys: Sequence[ColumnElement[Any]],
    cursor: Sequence[ColumnElement[Any]] | None,
    args: PageArgs,
) -> Select[Any]:
    """Wrap `query` so that it returns, per parent, one page plus one row to detect more.

    `keys` are the list's sort keys (resolvers/read/ordering.py), `cursor` the cursor row's.
    The result has the query's columns, `_rn` (the position in the scan direction), `_total`
    (rows of that parent across all pages) and `_before` (rows of that parent up to and
    including the cursor in the scan direction). The first row of each parent is always
    returned, so that an empty page still knows its total.
    """
    forward = args.forward_scan
    before: ColumnElement[Any] = literal(0)
    if cursor is not None:
        past = beyond(keys, cursor, forward)
        before = func.sum(case((past, 0), else_=1)).over(partition_by=parent)
    inner = query.add_columns(
        func.row_number().over(partition_by=parent, order_by=ordered(keys, forward)).label("_rn"),
        func.count().over(partition_by=parent).label("_total"),
        before.label("_before"),
    ).subquery()
    window = and_(inner.c._rn > inner.c._before, inner.c._rn <= inner.c._before + args.size + 1)
    # always one row per parent, so that its total is known
    return inner.select().where(or_(window, inner.c._rn == 1)).order_by(inner.c._rn)


def split_pages(
    rows: Sequence[Any], parent_key: str, parents: Sequence[Any], args: PageArgs
) -> dict[Any, Page]:
    """Group the rows of `paged` by parent: the extra row says there is more; a backward
    page is read from its end and turned around."""
    pages: dict[Any, Page] = {p: Page() for p in parents}
    more: dict[Any, bool] = {}
    past_cursor: dict[Any, bool] = {}
    for row in rows:
        key = row._mapping[parent_key]
        page = pages[key]
        page.total = row._total
        past_cursor[key] = row._before > 0
        if row._rn <= row._before:
            continue
        if len(page.rows) < args.size:
            page.rows.append(row)
        else:
            more[key] = True
    for key, page in pages.items():
        if args.backward:
            page.rows.reverse()
            page.has_previous, page.has_next = more.get(key, False), past_cursor.get(key, False)
        else:
            page.has_next, page.has_previous = more.get(key, False), past_cursor.get(key, False)
    return pages
