"""A SQL function call or operator rendered from a fixed template, for the fast path's
formats (ids, amounts, JSON objects): one element of the statement instead of a tree of
functions, casts and operators, each of which SQLAlchemy builds, coerces and visits."""

from __future__ import annotations

import itertools
import re
from typing import Any

from sqlalchemy.sql.elements import ColumnElement, Grouping
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import TypeEngine

# One function call (or CAST) or one parenthesized expression: needs no grouping as an operand.
_ATOMIC = re.compile(r"[A-Za-z_]*\(.*\)", re.DOTALL)


class Template(ColumnElement[Any]):
    """`template` with `{0}`, `{1}`... replaced by its arguments' SQL. The template is the
    fast path's own text, never a request's value; the arguments are SQL expressions (not
    Python values: they are not coerced). An argument that is an operator expression is
    parenthesized; a template that is not one function call, CAST or parenthesized
    expression is parenthesized when it is itself an operand."""

    inherit_cache = True
    _traverse_internals = [
        ("template", InternalTraversal.dp_string),
        ("arguments", InternalTraversal.dp_clauseelement_tuple),
        ("type", InternalTraversal.dp_type),
    ]

    def __init__(
        self, template: str, *arguments: ColumnElement[Any], type_: TypeEngine[Any]
    ) -> None:
        self.template = template
        self.arguments = tuple(a.self_group() for a in arguments)
        self.type = type_

    def self_group(self, against: Any = None) -> ColumnElement[Any]:
        return self if _ATOMIC.fullmatch(self.template) else Grouping(self)

    @property
    def _from_objects(self) -> list[Any]:
        return list(itertools.chain.from_iterable(a._from_objects for a in self.arguments))

    def _compiler_dispatch(self, visitor: Any, **kw: Any) -> str:
        kw.pop("add_to_result_map", None)  # the result column is this element, not an argument
        kw.pop("within_columns_clause", None)
        return self.template.format(*(a._compiler_dispatch(visitor, **kw) for a in self.arguments))
