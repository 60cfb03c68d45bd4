"""The query cost estimate: how many objects a query may return, refused above a budget.

The cost is counted on the document before anything runs:

- every field that returns an object (not a scalar or enum) counts 1 for each object it may
  return, and its selections are counted once per such object;
- a connection (a type whose name ends in `Connection`) returns up to `first` items: its
  `edges` and `nodes` count `first` (or `last`) objects each, where it is the literal or variable
  value, or 50 (resolvers/pagination.py DEFAULT_PAGE_SIZE) when it is left out or null;
- any other list of objects (e.g. `statusHistory`) counts LIST_ESTIMATE items;
- fragments and inline fragments count as if their fields were written out; `@skip` and
  `@include` are ignored (the estimate is an upper bound).

Graphql-core validation rules do not see the request's variables, so the rule is made per
request by `QueryCostLimiter.on_operation` with the variables at hand. Refusing happens in
validation: no resolver runs and no SQL is sent.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NamedTypeNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    VariableNode,
    get_named_type,
    get_nullable_type,
)
from strawberry.extensions import AddValidationRules
from strawberry.types import ExecutionContext

from resolvers.pagination import DEFAULT_PAGE_SIZE

LIST_ESTIMATE = 10  # items assumed for a list of objects that is not a connection
CONNECTION_SUFFIX = "Connection"
COST_CODE = "QUERY_TOO_COMPLEX"
PAGE_ARGUMENTS = ("first", "last")
KNOWN_COSTS = 1024


@dataclass
class _Known:
    """What is remembered of one parsed operation: its page-size variables and its cost per
    values of them. A document is parsed once and its nodes kept (schema/fast.py,
    strawberry's cache), so the same operation object comes back with every request of it:
    its cost, counted once per distinct `first`, is then a lookup instead of a walk of the
    whole document (a measured 0.2 to 0.3 ms per picture request, twice: the budget check and
    the cost report). The entry holds the operation itself, so its id cannot be reused while
    the entry lives."""

    operation: OperationDefinitionNode
    pages: list[str]  # the variables given as `first` or `last`: all the cost depends on
    costs: dict[tuple[Any, ...], int] = field(default_factory=dict)


_known: OrderedDict[tuple[int, int], _Known] = OrderedDict()  # by (schema, operation) ids


def query_cost(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    variables: Mapping[str, Any] | None = None,
) -> int:
    """The estimated number of objects `operation` may return (see the module docstring)."""
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    values = _variable_values(operation, variables or {})
    known = _remembered(schema, operation, fragments)
    pages = tuple(values.get(name) for name in known.pages)
    try:
        return known.costs[pages]
    except KeyError:
        remember = True
    except TypeError:  # an unhashable value where an Int belongs: counted, not remembered
        remember = False
    cost = _Counter(schema, fragments, values).selections(
        root, operation.selection_set, None, frozenset()
    )
    if remember and len(known.costs) < KNOWN_COSTS:
        known.costs[pages] = cost
    return cost


def _remembered(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
) -> _Known:
    key = (id(schema), id(operation))
    known = _known.get(key)
    if known is not None and known.operation is operation:
        _known.move_to_end(key)
        return known
    known = _known[key] = _Known(operation, _page_variables(operation, fragments))
    if len(_known) > KNOWN_COSTS:
        _known.popitem(last=False)
    return known


def _page_variables(
    operation: OperationDefinitionNode, fragments: Mapping[str, FragmentDefinitionNode]
) -> list[str]:
    """The variables given as `first` or `last` anywhere in the operation or its fragments."""
    names: set[str] = set()
    todo: list[SelectionSetNode | None] = [operation.selection_set]
    todo.extend(fragment.selection_set for fragment in fragments.values())
    while todo:
        selection_set = todo.pop()
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                for argument in selection.arguments or ():
                    if argument.name.value in PAGE_ARGUMENTS and isinstance(
                        argument.value, VariableNode
                    ):
                        names.add(argument.value.name.value)
            if isinstance(selection, (FieldNode, InlineFragmentNode)):
                todo.append(selection.selection_set)
    return sorted(names)


def _variable_values(
    operation: OperationDefinitionNode, variables: Mapping[str, Any]
) -> dict[str, Any]:
    """The request's variables, with the operation's defaults for the ones left out."""
    values: dict[str, Any] = {}
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        if name in variables:
            values[name] = variables[name]
        elif isinstance(definition.default_value, IntValueNode):
            values[name] = int(definition.default_value.value)
    return values


class _Counter:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables

    def selections(
        self,
        parent: GraphQLNamedType,
        selection_set: SelectionSetNode | None,
        page_size: int | None,
        seen: frozenset[str],
    ) -> int:
        """The cost of one object of type `parent` with these selections.

        `page_size` is the `first` of the connection when `parent` is a connection type.
        """
        return sum(
            self.field(owner, node, page_size, fragments)
            for owner, node, fragments in self._fields(parent, selection_set, seen)
        )

    def _fields(
        self, parent: GraphQLNamedType, selection_set: SelectionSetNode | None, seen: frozenset[str]
    ) -> Iterator[tuple[GraphQLNamedType, FieldNode, frozenset[str]]]:
        """The fields of a selection set, fragments expanded, with the type that owns each."""
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                yield parent, selection, seen
            elif isinstance(selection, InlineFragmentNode):
                owner = self._type(selection.type_condition, parent)
                yield from self._fields(owner, selection.selection_set, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is not None and name not in seen:  # cycles are a validation error
                    owner = self._type(fragment.type_condition, parent)
                    yield from self._fields(owner, fragment.selection_set, seen | {name})

    def _type(self, condition: NamedTypeNode | None, parent: GraphQLNamedType) -> GraphQLNamedType:
        if condition is None:
            return parent
        return self.schema.get_type(condition.name.value) or parent

    def field(
        self, parent: GraphQLNamedType, node: FieldNode, page_size: int | None, seen: frozenset[str]
    ) -> int:
        definition = _field_definition(parent, node.name.value)
        if definition is None or node.selection_set is None:
            return 0  # a scalar, an enum, `__typename`, or an unknown field (a validation error)
        named = get_named_type(definition.type)
        if isinstance(get_nullable_type(definition.type), GraphQLList):
            count = page_size if page_size is not None else LIST_ESTIMATE
        else:
            count = 1
        first = self._first(node) if named.name.endswith(CONNECTION_SUFFIX) else None
        return count * (1 + self.selections(named, node.selection_set, first, seen))

    def _first(self, node: FieldNode) -> int:
        for argument in node.arguments or ():
            if argument.name.value not in PAGE_ARGUMENTS:
                continue
            value: Any = None
            if isinstance(argument.value, IntValueNode):
                value = int(argument.value.value)
            elif isinstance(argument.value, VariableNode):
                value = self.variables.get(argument.value.name.value)
            if isinstance(value, int) and not isinstance(value, bool):
                return max(value, 0)
        return DEFAULT_PAGE_SIZE


def _field_definition(parent: GraphQLNamedType, name: str) -> Any:
    if isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)):
        return parent.fields.get(name)
    return None  # a union has no fields of its own but `__typename`


def cost_rule(budget: int, execution_context: ExecutionContext) -> type[ValidationRule]:
    """A validation rule that refuses the operation to run if it costs more than `budget`.

    Only the operation that would run is checked: the one `operationName` names, or the
    document's only operation.
    """

    class QueryCostRule(ValidationRule):
        depends_on_variables = True  # run for every request (schema/known_documents.py)

        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            document = context.document
            variables = execution_context.variables
            operation_name = execution_context.operation_name
            fragments = {
                d.name.value: d
                for d in document.definitions
                if isinstance(d, FragmentDefinitionNode)
            }
            for operation in document.definitions:
                if not isinstance(operation, OperationDefinitionNode):
                    continue
                name = operation.name.value if operation.name else None
                if operation_name is not None and name != operation_name:
                    continue
                cost = query_cost(context.schema, operation, fragments, variables)
                if cost > budget:
                    context.report_error(
                        GraphQLError(
                            f"Query cost {cost} exceeds the budget of {budget}: "
                            "lower `first` on nested connections.",
                            operation,
                            extensions={"code": COST_CODE, "cost": cost, "budget": budget},
                        )
                    )

    return QueryCostRule


class QueryCostLimiter(AddValidationRules):
    """Refuses, in validation, a query whose cost estimate exceeds `max_cost`."""

    def __init__(self, max_cost: int) -> None:
        self.max_cost = max_cost
        super().__init__([])

    def on_operation(self) -> Iterator[None]:
        self.validation_rules = [cost_rule(self.max_cost, self.execution_context)]
        yield from super().on_operation()
