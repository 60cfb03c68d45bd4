"""Reading a validated document: merged fields per response key, directives, arguments."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
)
from graphql.execution.values import get_argument_values, get_directive_values
from graphql.type.directives import GraphQLIncludeDirective, GraphQLSkipDirective

from resolvers.ids import pk_of
from resolvers.visibility import Viewer


class Unsupported(Exception):
    """The fast path cannot answer exactly like the general path: use the general path."""


def id_argument(value: object, type_name: str) -> int | None:
    """A filter's id; a malformed one is an error for the general path to report."""
    if value is None:
        return None
    pk = pk_of(value, type_name)
    if pk is None:
        raise Unsupported("id argument")
    return pk


@dataclass
class Selected:
    """One response key: the field and every node that selects it (merged)."""

    key: str
    name: str
    nodes: list[FieldNode]

    def selections(self) -> SelectionSetNode | None:
        sets = [n.selection_set for n in self.nodes if n.selection_set is not None]
        if not sets:
            return None
        if len(sets) == 1:
            return sets[0]
        return SelectionSetNode(selections=tuple(s for st in sets for s in st.selections))


@dataclass
class Compilation:
    schema: GraphQLSchema
    viewer: Viewer
    variables: dict[str, Any]
    fragments: dict[str, FragmentDefinitionNode]
    d: Any = None  # the database's SQL fragments (resolvers/fastpath/sql.py)
    counter: int = 0
    rollups: bool = False
    params: list[Any] = field(default_factory=list)
    depth: int = 0  # connections nested around the one being compiled
    deferred: list[str] = field(default_factory=list)  # SQLite: statements run after the main
    ctes: dict[str, str] = field(default_factory=dict)  # SQLite: WITH name AS (...) for all
    visible_ids: dict[str, str | None] = field(default_factory=dict)  # per type, compiled

    def with_ctes(self, statement: str) -> str:
        if not self.ctes:
            return statement
        ctes = ", ".join(f"{name} AS ({body})" for name, body in self.ctes.items())
        return f"WITH {ctes} {statement}"

    def alias(self) -> str:
        self.counter += 1
        return f"t{self.counter}"

    def param(self, value: Any) -> str:
        self.params.append(value)
        return str(self.d.param(len(self.params)))

    def fields(self, type_name: str, selection_set: SelectionSetNode | None) -> list[Selected]:
        out: dict[str, Selected] = {}
        if selection_set is not None:
            self._collect(type_name, selection_set, out, set())
        return list(out.values())

    def _collect(self, type_name: str, selection_set: SelectionSetNode,
                 out: dict[str, Selected], seen: set[str]) -> None:  # fmt: skip
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
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:
                    raise Unsupported("fragment")
                if self._applies(fragment.type_condition.name.value, type_name):
                    self._collect(type_name, fragment.selection_set, out, seen | {name})

    def _applies(self, condition: str, type_name: str) -> bool:
        if condition == type_name:
            return True
        abstract = self.schema.get_type(condition)
        concrete = self.schema.get_type(type_name)
        if not isinstance(abstract, GraphQLInterfaceType) or concrete is None:
            return False
        return self.schema.is_sub_type(abstract, concrete)  # type: ignore[arg-type]

    def _included(self, node: Any) -> bool:
        for directive in node.directives or ():
            if directive.name.value not in ("skip", "include"):
                raise Unsupported("directive")
        skip = get_directive_values(GraphQLSkipDirective, node, self.variables)
        if skip and skip.get("if"):
            return False
        include = get_directive_values(GraphQLIncludeDirective, node, self.variables)
        return not (include and not include.get("if"))

    def arguments(self, type_name: str, selected: Selected) -> dict[str, Any]:
        parent = self.schema.get_type(type_name)
        field_def: GraphQLField = parent.fields[selected.name]  # type: ignore[union-attr]
        return get_argument_values(field_def, selected.nodes[0], self.variables)
