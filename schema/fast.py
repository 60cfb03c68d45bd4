"""When the read fast path answers (resolvers/fastpath): only documents the general path has
already accepted, so every bound (tokens, depth, aliases, introspection) has been checked by
the same code; the cost is checked per request, since `first` may come from variables."""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

import strawberry
from graphql import DocumentNode, FragmentDefinitionNode, GraphQLError, parse
from sqlalchemy.ext.asyncio import AsyncEngine

from resolvers.fastpath import compile_query, run_fast_path
from resolvers.fastpath.sqlite_functions import install as install_sqlite_functions
from resolvers.visibility import Viewer
from schema.cost import query_cost
from settings import Settings

log = logging.getLogger("plangraph")
KNOWN_DOCUMENTS = 512


class FastPath:
    def __init__(self, schema: strawberry.Schema, engine: AsyncEngine, settings: Settings) -> None:
        self.schema = schema._schema
        self.engine = engine
        self.budget = settings.max_query_cost
        self._accepted: OrderedDict[str, DocumentNode] = OrderedDict()
        self._general_only: set[str] = set()  # documents the database could not run

    @classmethod
    def for_engine(
        cls, schema: strawberry.Schema, engine: AsyncEngine, settings: Settings
    ) -> FastPath | None:
        if not settings.fast_path or engine.dialect.name not in ("postgresql", "sqlite"):
            return None
        if engine.dialect.name == "sqlite":
            install_sqlite_functions(engine)
        return cls(schema, engine, settings)

    def learn(self, query: str, errors: list[GraphQLError] | None) -> None:
        """Remember a document the general path ran (errors with no path: it did not run)."""
        if any(error.path is None for error in errors or []) or query in self._accepted:
            return
        self._accepted[query] = parse(query)
        if len(self._accepted) > KNOWN_DOCUMENTS:
            self._accepted.popitem(last=False)

    async def answer(
        self, query: str, variables: dict[str, Any] | None, operation_name: str | None,
        viewer: Viewer,
    ) -> bytes | None:  # fmt: skip
        """The response body, or None when the general path must answer."""
        if query in self._general_only:
            return None
        compiled = self.compiled(query, variables, operation_name, viewer)
        if compiled is None:
            return None
        try:
            return await run_fast_path(self.engine, compiled)
        except Exception as error:  # the general path answers, and reports, whatever this was
            if "parser stack overflow" in str(error):  # SQLite: too deep for its parser
                self._general_only.add(query)
            else:
                log.warning("fast path failed; answering on the general path", exc_info=True)
            return None

    def compiled(
        self, query: str, variables: dict[str, Any] | None, operation_name: str | None,
        viewer: Viewer,
    ) -> Any:  # fmt: skip
        """The compiled statement of an accepted document within the cost budget, or None."""
        document = self._accepted.get(query)
        if document is None:
            return None
        self._accepted.move_to_end(query)
        compiled = compile_query(self.schema, document, operation_name, variables, viewer,
                                 self.engine.dialect.name)  # fmt: skip
        if compiled is None or self._over_budget(document, compiled.operation, variables):
            return None
        return compiled

    def _over_budget(self, document: DocumentNode, operation: Any, variables: Any) -> bool:
        fragments = {d.name.value: d for d in document.definitions
                     if isinstance(d, FragmentDefinitionNode)}  # fmt: skip
        return query_cost(self.schema, operation, fragments, variables) > self.budget
