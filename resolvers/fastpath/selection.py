"""The state of one compilation: the document's fields per response key, the parameters.

Values from the request (ids, cursors, `first`, search text, the viewer's id) become bound
parameters with a recipe that computes them from the variables; only the query's shape goes
into the SQL, so one compiled statement serves every request of that shape.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    ListValueNode,
    ObjectValueNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
)
from graphql.execution.values import get_argument_values, get_directive_values
from graphql.type.directives import GraphQLIncludeDirective, GraphQLSkipDirective
from sqlalchemy import BindParameter, Integer, String, bindparam
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.selectable import FromClause, Select

from resolvers.fastpath.dialect import PostgresJSON
from resolvers.read.constants import light
from resolvers.read.specs import Registry
from resolvers.visibility import Viewer


class NotCovered(Exception):
    """The document asks for something the fast path does not answer (declared, counted)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ArgumentError(Exception):
    """A request's argument the general path reports as an error (first > 500, bad cursor)."""


def line_and_column(body: str, position: int) -> tuple[int, int]:
    """graphql-core's get_location (1-indexed line and column of a character offset), from a
    table of the document's line breaks made once per document: graphql-core scans the text
    from its start for every location, 0.3 ms each in the planning picture, eight per
    compile."""
    starts, ends = _line_breaks(body)
    before = bisect.bisect_left(starts, position)  # the line breaks that start before it
    return before + 1, position + 1 - (ends[before - 1] if before else 0)


@functools.lru_cache(maxsize=64)
def _line_breaks(body: str) -> tuple[list[int], list[int]]:
    breaks = list(_NEWLINE.finditer(body))
    return [m.start() for m in breaks], [m.end() for m in breaks]


_NEWLINE = re.compile(r"\r\n|[\n\r]")  # graphql-core's (graphql/language/source.py)

# A parameter's value from the request: (variables, viewer) -> value.
Recipe = Callable[[Any, Viewer], Any]


@dataclass
class Selected:
    """One response key: the field and every node that selects it (merged)."""

    key: str
    name: str
    nodes: list[FieldNode]

    def locations(self) -> list[dict[str, int]]:
        """Where the field is in the document, as a field error reports it."""
        out = []
        for node in self.nodes:
            if node.loc is not None:
                line, column = line_and_column(node.loc.source.body, node.loc.start)
                out.append({"line": line, "column": column})
        return out

    def selections(self) -> SelectionSetNode | None:
        sets = [n.selection_set for n in self.nodes if n.selection_set is not None]
        if not sets:
            return None
        if len(sets) == 1:
            return sets[0]
        return SelectionSetNode(selections=tuple(s for st in sets for s in st.selections))


def _no_list_compiler() -> Any:
    raise AssertionError("a Compilation compiles lists with the list_field it is given")


@dataclass
class Compilation:
    schema: GraphQLSchema
    registry: Registry
    viewer: Viewer
    variables: Any  # graphql-core's VariableValues of this request
    fragments: dict[str, FragmentDefinitionNode]
    sql: PostgresJSON
    dialect: Dialect  # the database's, as the statement is rendered for (rendered.py)
    recipes: dict[str, Recipe] = field(default_factory=dict)
    depth: int = 0  # connections nested around the one being compiled
    deferred: list[Select[Any]] = field(default_factory=list)  # SQLite: lists read afterwards
    visible: dict[str, Any] = field(default_factory=dict)  # per type: the visible ids
    rollups: bool = False
    # Per row (by id()), per group: the shared fields asked of the row, whose LATERAL select
    # the FROM that reads the row joins (resolvers/fastpath/objects.py share, with_shared).
    shared: dict[int, dict[Any, Any]] = field(default_factory=dict)
    counter: int = 0
    # The compiler of list fields (resolvers/fastpath/lists.py), handed in by compile.py:
    # lists build objects and objects hold lists, without the two modules importing each other.
    list_field: Callable[..., Any] = field(default=lambda *args: _no_list_compiler())

    def param(self, recipe: Recipe, type_: Any = Integer) -> BindParameter[Any]:
        name = f"p{len(self.recipes) + 1}"
        self.recipes[name] = recipe
        return bindparam(name, type_=type_)

    def argument_param(
        self,
        owner: str,
        selected: Selected,
        argument: str,
        convert: Callable[[Any], Any],
        type_: Any = Integer,
    ) -> BindParameter[Any]:
        """A parameter whose value is `convert(argument)` of this field in each request."""
        definition = self.field_definition(owner, selected.name)
        node = selected.nodes[0]

        def recipe(variables: Any, viewer: Viewer) -> Any:
            return convert(get_argument_values(definition, node, variables).get(argument))

        return self.param(_once_if_literal(node, recipe), type_)

    def arguments_param(
        self,
        owner: str,
        selected: Selected,
        convert: Callable[[dict[str, Any]], Any],
        type_: Any = Integer,
    ) -> BindParameter[Any]:
        """A parameter computed from all of this field's arguments in each request."""
        definition = self.field_definition(owner, selected.name)
        node = selected.nodes[0]

        def recipe(variables: Any, viewer: Viewer) -> Any:
            return convert(get_argument_values(definition, node, variables))

        return self.param(_once_if_literal(node, recipe), type_)

    def viewer_param(self) -> BindParameter[Any]:
        if "viewer" not in self.recipes:
            self.recipes["viewer"] = lambda variables, viewer: viewer.user_id
        return bindparam("viewer", type_=Integer)

    def text_param(self, recipe: Recipe) -> BindParameter[Any]:
        return self.param(recipe, String)

    def name(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def alias(self, table: FromClause, prefix: str = "t") -> FromClause:
        return light(table).alias(self.name(prefix))

    def field_definition(self, owner: str, name: str) -> GraphQLField:
        parent = self.schema.get_type(owner)
        assert isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)), owner
        definition: GraphQLField = parent.fields[name]
        return definition

    def arguments(self, owner: str, selected: Selected) -> dict[str, Any]:
        """This request's argument values: for the query's shape (presence, enums, flags)."""
        definition = self.field_definition(owner, selected.name)
        return get_argument_values(definition, selected.nodes[0], self.variables)

    def field_type(self, owner: str, name: str) -> str:
        return get_named_type(self.field_definition(owner, name).type).name

    def fields(self, type_name: str, selection_set: SelectionSetNode | None) -> list[Selected]:
        out: dict[str, Selected] = {}
        if selection_set is not None:
            self._collect(type_name, selection_set, out, set())
        return list(out.values())

    def _collect(
        self,
        type_name: str,
        selection_set: SelectionSetNode,
        out: dict[str, Selected],
        seen: set[str],
    ) -> None:
        for node in selection_set.selections:
            if not self._included(node):
                continue
            if isinstance(node, FieldNode):
                key = node.alias.value if node.alias else node.name.value
                if key in out:
                    out[key].nodes.append(node)
                else:
                    out[key] = Selected(key, node.name.value, [node])
            elif isinstance(node, InlineFragmentNode):
                condition = node.type_condition.name.value if node.type_condition else type_name
                if self._applies(condition, type_name):
                    self._collect(type_name, node.selection_set, out, seen)
            elif isinstance(node, FragmentSpreadNode):
                name = node.name.value
                fragment = self.fragments[name]
                if name not in seen and self._applies(
                    fragment.type_condition.name.value, type_name
                ):
                    self._collect(type_name, fragment.selection_set, out, seen | {name})

    def _applies(self, condition: str, type_name: str) -> bool:
        if condition == type_name:
            return True
        abstract = self.schema.get_type(condition)
        concrete = self.schema.get_type(type_name)
        if not isinstance(abstract, GraphQLInterfaceType) or concrete is None:
            return False
        return self.schema.is_sub_type(abstract, concrete)

    def _included(self, node: Any) -> bool:
        for directive in node.directives or ():
            if directive.name.value not in ("skip", "include"):
                raise NotCovered(f"directive @{directive.name.value}")
        skip = get_directive_values(GraphQLSkipDirective, node, self.variables)
        if skip and skip.get("if"):
            return False
        include = get_directive_values(GraphQLIncludeDirective, node, self.variables)
        return not (include and not include.get("if"))


def _once_if_literal(node: FieldNode, recipe: Recipe) -> Recipe:
    """`recipe` itself when the field's arguments use variables; else a recipe that computes
    the value once and then returns it: `first: 100` is the same in every request, and
    coercing a field's arguments again per request and per list was the largest part of the
    fast path's own CPU per picture (measured: about 0.3 ms of 1.9). A value that fails to
    convert is never kept, so the error comes back with every request."""
    if any(_has_variable(argument.value) for argument in node.arguments or ()):
        return recipe
    known: list[Any] = []

    def once(variables: Any, viewer: Viewer) -> Any:
        if not known:
            known.append(recipe(variables, viewer))
        return known[0]

    return once


def _has_variable(value: ValueNode) -> bool:
    if isinstance(value, VariableNode):
        return True
    if isinstance(value, ListValueNode):
        return any(_has_variable(item) for item in value.values)
    if isinstance(value, ObjectValueNode):
        return any(_has_variable(item.value) for item in value.fields)
    return False
