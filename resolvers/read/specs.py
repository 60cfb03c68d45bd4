"""The read registry's vocabulary: how each GraphQL field reads from the tables.

Every read field is declared once, on its strawberry type (schema/read.py attaches one of
these specs to the field). Both read paths are planners over the same declarations: the
general path's generic resolvers and loaders (resolvers/loaders.py) and the fast path's
compiler (resolvers/fastpath/) dispatch on the spec's class, never on a field's name.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement

from models import (
    Account,
    Activity,
    BusinessPlan,
    Contact,
    Objective,
    Opportunity,
    Period,
    User,
)
from resolvers.read.ordering import Orderings

# The table behind each object type of the graph (the node types of node(id:)).
TYPE_MODELS: dict[str, type[Any]] = {
    "User": User,
    "Period": Period,
    "Account": Account,
    "Contact": Contact,
    "BusinessPlan": BusinessPlan,
    "Objective": Objective,
    "Opportunity": Opportunity,
    "Activity": Activity,
}


class Format(enum.Enum):
    """How a column's value is shown (the fast path formats it in SQL the same way)."""

    PLAIN = "plain"  # text, integers, enum labels
    DATE = "date"
    DATETIME = "datetime"
    DECIMAL = "decimal"  # an exact decimal kept as millionths


@dataclass(frozen=True)
class GlobalId:
    """The object's opaque global id (resolvers/ids.py)."""


@dataclass(frozen=True)
class Column:
    attr: str  # the mapped attribute of the type's model
    format: Format = Format.PLAIN


@dataclass(frozen=True)
class Flag:
    """A boolean computed from the row: `condition(table)` in SQL, `test(row)` in Python."""

    condition: Callable[[Any], ColumnElement[bool]]
    test: Callable[[Any], bool]


@dataclass(frozen=True)
class MoneyOf:
    """A Money object from an amount column and a currency column (null if either is)."""

    amount: str
    currency: str


@dataclass(frozen=True)
class Ref:
    """A to-one field: the object of type `target` whose id is in column `fk`, if visible."""

    fk: str
    target: str


class FilterKind(enum.Enum):
    ONE_OF = "one_of"  # a list of enum values: the column is one of them
    EQUALS = "equals"  # one enum value
    ID = "id"  # a global id of `id_type`: the column equals its primary key
    SEARCH = "search"  # a case-insensitive substring of the column


@dataclass(frozen=True)
class Filter:
    """A list argument that narrows the items: `argument` (its GraphQL name) on `column`."""

    argument: str
    column: str
    kind: FilterKind
    id_type: str = ""


@dataclass(frozen=True)
class EdgeColumn:
    """An extra edge field read from the link table (e.g. PlanAccountEdge.isPrimary)."""

    field: str
    column: str


@dataclass(frozen=True)
class Children:
    """A to-many connection: items of `target` whose `parent` column is this object's id.

    With `link`, the parent column is on that link table, whose `item` column points at the
    items (plan_accounts: plan_id -> account_id).
    """

    target: str
    parent: str
    link: type[Any] | None = None
    item: str = "id"
    edge: tuple[EdgeColumn, ...] = ()


@dataclass(frozen=True)
class Picture:
    """Account.<list>: items linked to the account, to its contacts, or global, each once."""

    target: str
    filters: tuple[Filter, ...]
    via_argument: bool  # the field takes `via:`
    root_only_argument: bool = False
    order: Orderings = ()  # what `orderBy:` may sort by


@dataclass(frozen=True)
class Rollup:
    """Won or open revenue over a plan and every plan below it, each opportunity once."""

    bucket: str  # "won" or "open"


@dataclass(frozen=True)
class RevenueParts:
    """A plan's roll-ups per currency before conversion, and the rates a sum would need."""


@dataclass(frozen=True)
class ProgressField:
    """Objective progress (models/progress.py): `actual`, `progress`, or, on the account's
    objective edge, `actualForAccount` (a global objective counts that account's items)."""

    what: str  # "actual", "progress" or "actualForAccount"


@dataclass(frozen=True)
class History:
    """A plan's status history, oldest first."""


@dataclass(frozen=True)
class RootList:
    """A root connection over every visible row of `target`, narrowed by `filters`."""

    target: str
    filters: tuple[Filter, ...] = ()
    only_global: bool = False  # Query.globalObjectives: no account and no contact
    order: Orderings = ()  # what `orderBy:` may sort by


@dataclass(frozen=True)
class ById:
    """Query.node / account / businessPlan: one object by global id (`target` "" = any)."""

    target: str = ""


@dataclass(frozen=True)
class ViewerField:
    """Query.viewer: the signed-in user."""


Spec = (
    GlobalId
    | Column
    | Flag
    | MoneyOf
    | Ref
    | Children
    | Picture
    | Rollup
    | RevenueParts
    | ProgressField
    | History
    | RootList
    | ById
    | ViewerField
)

# GraphQL type name -> GraphQL field name -> its spec (built by schema/registry.py).
Registry = Mapping[str, Mapping[str, Spec]]
