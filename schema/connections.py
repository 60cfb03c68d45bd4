"""Cursor connections: every to-many field returns one (see resolvers/pagination.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import strawberry

from resolvers.pagination import Page, encode_cursor

T = TypeVar("T")

FIRST_DESCRIPTION = "How many items to return: 50 if left out, at most 500 (more is an error)."
AFTER_DESCRIPTION = "Return the items after this cursor (an edge's `cursor`, or `endCursor`)."


@strawberry.type(description="Where a page sits in its connection.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    has_previous_page: bool = strawberry.field(description="Items come before this page.")
    start_cursor: str | None = strawberry.field(description="The cursor of the first edge.")
    end_cursor: str | None = strawberry.field(
        description="The cursor of the last edge: pass it as `after` for the next page."
    )


def page_info(page: Page, tag: str = "") -> PageInfo:
    cursors = [encode_cursor(row.id, tag) for row in page.rows[:1] + page.rows[-1:]]
    return PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.has_previous,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )


@strawberry.type(description="One item of a connection, with its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="The position of this item, for `after`.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of items with cursors, page info and the total count.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page, with cursors.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    total_count: int = strawberry.field(
        description="How many items the connection has across all pages (that you may see)."
    )

    @strawberry.field(description="The items of this page, without cursors.")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


def connection(page: Page, convert: Callable[[Any], Any]) -> Connection[Any]:
    return Connection(
        edges=[Edge(cursor=encode_cursor(row.id), node=convert(row)) for row in page.rows],
        page_info=page_info(page),
        total_count=page.total,
    )
