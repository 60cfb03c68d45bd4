"""Documents the general path has validated: later requests skip the rules that read only the
document (the specified rules, depth, aliases, introspection), and the query cost, which
depends on the variables, is checked again for every request.

A mutation's document is the same text request after request: validating it with every rule
took about as much CPU as running it (measured: 1.2 ms for `createContact`, from
bench/live.py's 50 mutations per second). The fast path remembers the documents it accepted
the same way (schema/fast.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator

from graphql import validate
from strawberry.extensions import SchemaExtension

KNOWN_DOCUMENTS = 500


class KnownDocuments:
    """The texts of the documents that passed every rule once (the newest KNOWN_DOCUMENTS)."""

    def __init__(self, size: int = KNOWN_DOCUMENTS) -> None:
        self.size = size
        self.texts: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, query: str) -> bool:
        if query in self.texts:
            self.texts.move_to_end(query)
            return True
        return False

    def add(self, query: str) -> None:
        self.texts[query] = None
        if len(self.texts) > self.size:
            self.texts.popitem(last=False)

    def extension(self) -> Callable[[], SchemaExtension]:
        return lambda: SkipKnownValidation(self)


def depends_on_variables(rule: type) -> bool:
    """A rule marked `depends_on_variables` (schema/cost.py) runs for every request."""
    return bool(getattr(rule, "depends_on_variables", False))


class SkipKnownValidation(SchemaExtension):
    def __init__(self, known: KnownDocuments) -> None:
        self.known = known

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        query, document = context.query, context.graphql_document
        known = query is not None and document is not None and query in self.known
        if known:  # strawberry validates only when nothing has set the errors yet
            assert document is not None
            rules = [rule for rule in context.validation_rules if depends_on_variables(rule)]
            context.pre_execution_errors = (
                validate(context.schema._schema, document, rules) if rules else []
            )
        yield
        if not known and query is not None and context.pre_execution_errors == []:
            self.known.add(query)
