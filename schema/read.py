"""Read fields declared once: each factory makes a strawberry field carrying its read spec.

The spec (resolvers/read/specs.py) says how the field reads; the general path resolves it
here, generically per kind of spec, and the fast path compiles the same spec into SQL
(schema/registry.py hands the specs to it). A field is never written twice.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from resolvers.context import Context
from resolvers.ids import to_global_id
from resolvers.loaders import edge_label
from resolvers.pagination import Page, PageArgs, encode_cursor
from resolvers.read.specs import (
    TYPE_MODELS,
    Children,
    Column,
    Flag,
    Format,
    GlobalId,
    MoneyOf,
    Ref,
    Spec,
)
from schema.connections import AFTER_DESCRIPTION, FIRST_DESCRIPTION, page_info
from schema.ordering import Before, Last

READ = "plangraph.read"  # the metadata key of a field's spec
First = Annotated[int | None, strawberry.argument(description=FIRST_DESCRIPTION)]
After = Annotated[str | None, strawberry.argument(description=AFTER_DESCRIPTION)]
Ctx = Info[Context, None]


def spec_of(field: Any) -> Spec | None:
    """The read spec of a strawberry field, if it has one."""
    spec: Spec | None = (field.metadata or {}).get(READ)
    return spec


def column(attr: str, description: str, fmt: Format = Format.PLAIN) -> Any:
    return strawberry.field(description=description, metadata={READ: Column(attr, fmt)})


def global_id(description: str = "The object's opaque global id.") -> Any:
    return strawberry.field(description=description, metadata={READ: GlobalId()})


def money_of(amount: str, currency: str, description: str) -> Any:
    return strawberry.field(description=description, metadata={READ: MoneyOf(amount, currency)})


def flag(spec: Flag, description: str) -> Any:
    return strawberry.field(description=description, metadata={READ: spec})


def ref(fk: str, target: str, description: str) -> Any:
    """A to-one field: the `target` object whose id is in this row's `fk`, if visible."""

    async def resolve(root: Any, info: Ctx) -> Any:
        return await load_node(info, target, getattr(root.row, fk))

    return strawberry.field(
        resolver=resolve, description=description, metadata={READ: Ref(fk, target)}
    )


def children(spec: Children, description: str, connection: Any = None, edge: Any = None) -> Any:
    """A to-many connection of `spec`; `connection`/`edge`: its types when not generic."""

    async def resolve(
        root: Any,
        info: Ctx,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Any:
        args = PageArgs.parse(first, after, last, before)
        page = await info.context.loaders.children(spec).load((root.row.id, args))
        return build_connection(page, spec.target, connection, edge, _edge_values(spec))

    return strawberry.field(resolver=resolve, description=description, metadata={READ: spec})


def _edge_values(spec: Children) -> dict[str, Callable[[Any], Any]]:
    return {_snake(e.field): _attribute(edge_label(e.column)) for e in spec.edge}


def _attribute(name: str) -> Callable[[Any], Any]:
    return lambda row: getattr(row, name)


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def build_connection(
    page: Page,
    target: str,
    connection: Any = None,
    edge: Any = None,
    edge_values: dict[str, Callable[[Any], Any]] | None = None,
    tag: str = "",
) -> Any:
    """A connection object of `page`: generic Connection/Edge unless types are given."""
    from schema.connections import Connection, Edge

    connection = connection or Connection
    edge = edge or Edge
    edges = [
        edge(
            cursor=encode_cursor(row.id, tag),
            node=from_row(target, row),
            **{name: value(row) for name, value in (edge_values or {}).items()},
        )
        for row in page.rows
    ]
    return connection(edges=edges, page_info=page_info(page, tag), total_count=page.total)


async def load_node(info: Ctx, target: str, pk: int | None) -> Any:
    """The `target` object with this primary key, if it exists and the viewer may see it."""
    if pk is None:
        return None
    row = await info.context.loaders.node(target).load(pk)
    return None if row is None else from_row(target, row)


def from_row(target: str, row: Any) -> Any:
    """The strawberry object of type `target` for a row: plain fields from their specs."""
    cls, plain = _plain_fields(target)
    return cls(row=row, **{name: value(row) for name, value in plain})


@cache
def _plain_fields(target: str) -> tuple[type[Any], tuple[tuple[str, Any], ...]]:
    cls = TYPES[target]
    plain = []
    for field in cls.__strawberry_definition__.fields:
        spec = spec_of(field)
        getter = _getter(target, spec)
        if getter is not None:
            plain.append((field.python_name, getter))
    return cls, tuple(plain)


def _getter(target: str, spec: Spec | None) -> Any:
    from schema.types import money

    if isinstance(spec, GlobalId):
        return lambda row: strawberry.ID(to_global_id(target, row.id))
    if isinstance(spec, Column):
        return lambda row: getattr(row, spec.attr)
    if isinstance(spec, MoneyOf):
        return lambda row: money(getattr(row, spec.amount), getattr(row, spec.currency))
    if isinstance(spec, Flag):
        return spec.test
    return None


# GraphQL type name -> its strawberry class; filled by register().
TYPES: dict[str, type[Any]] = {}


def register(cls: type[Any]) -> type[Any]:
    """Mark a strawberry type as the one that shows rows of TYPE_MODELS[its name]."""
    assert cls.__name__ in TYPE_MODELS, cls
    TYPES[cls.__name__] = cls
    return cls


Row = strawberry.Private[Any]  # the row an object was made from (its columns by name)
