"""When the read fast path answers (resolvers/fastpath): from a document's first request, once
strawberry's own parse and validation have accepted it (schema/checks.py: every bound of the
schema, checked by the same code as on the general path); the cost is checked per request,
since `first` may come from variables.

Every time the general path answers instead, the reason is counted (`fallbacks`) and logged
at debug. A document the fast path does not cover (a mutation, introspection) is declared as
such when compiled; in strict mode (the tests) any other fallback is an error.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import time
from collections import Counter, OrderedDict
from collections.abc import Hashable, Iterator
from pathlib import Path
from typing import Any

import strawberry
from graphql import DocumentNode, FragmentDefinitionNode
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from models.db import Warmer, read_only
from models.user import Role
from resolvers.fastpath import (
    ArgumentError,
    Compiled,
    FirstRuns,
    NotCovered,
    coerced_variables,
    compile_query,
    operation_of,
    run_compiled,
    shape_key,
)
from resolvers.fastpath.sqlite_functions import install as install_sqlite_functions
from resolvers.ids import to_global_id
from resolvers.visibility import Viewer
from schema.checks import checked_document
from schema.cost import query_cost
from schema.registry import build_registry
from schema.request_cost import parsed_document
from schema.served import ServedDocuments
from settings import Settings

log = logging.getLogger("plangraph")
KNOWN_DOCUMENTS = 512
KNOWN_STATEMENTS = 2048
WARM_UP = Path(__file__).with_name("warmup.graphql")
WARM_RUN_SHARE = 0.75  # of the warm-up's seconds that its statements may take on connections
# Who the warm-up reads as: one viewer who sees everything, one who sees by team (the two
# kinds of statement a document compiles to); neither is a user.
WARM_UP_VIEWERS = (
    Viewer(user_id=0, role=Role.ADMIN, name="warm-up", email=""),
    Viewer(user_id=0, role=Role.ACCOUNT_MANAGER, name="warm-up", email=""),
)


class FastPathBug(Exception):
    """The fast path failed on a document it covers (strict mode raises it)."""


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while a statement compiles: the tens of thousands of objects a
    compile builds are garbage as soon as it is done, and collecting the young ones again and
    again while it runs was a tenth of its time (measured: the planning picture's first
    compile 58 -> 53 ms of CPU). They are collected at the next collection after."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class FastPath:
    def __init__(
        self,
        schema: strawberry.Schema,
        engine: AsyncEngine,
        settings: Settings,
        bookkeeping: AsyncEngine | None = None,  # for the served documents' records
    ) -> None:
        self.strawberry = schema
        self.schema = schema._schema
        self.registry = build_registry(self.schema)
        self.engine = engine
        self.reader = read_only(engine)  # one statement, no transaction around it
        self.budget = settings.max_query_cost
        self.max_tokens = settings.max_tokens
        self.strict = settings.fast_path_strict
        self.fallbacks: Counter[str] = Counter()
        self._accepted: OrderedDict[str, DocumentNode] = OrderedDict()
        self._statements: OrderedDict[Hashable, Compiled | NotCovered] = OrderedDict()
        self._general_only: set[str] = set()  # documents the database could not run
        # The documents clients use, shared by the servers on PostgreSQL (schema/served.py):
        # recorded when this process first answers one, the newest compiled at start-up.
        self.warm_documents = settings.warm_documents
        shared = settings.warm_documents > 0 and engine.dialect.name == "postgresql"
        self.served = ServedDocuments(bookkeeping or engine) if shared else None
        # A new statement prepared on one connection at a time (resolvers/fastpath/run.py).
        postgres = engine.dialect.name == "postgresql"
        self.first_runs = FirstRuns() if postgres and settings.first_runs_one_at_a_time else None

    @classmethod
    def for_engine(
        cls,
        schema: strawberry.Schema,
        engine: AsyncEngine,
        settings: Settings,
        bookkeeping: AsyncEngine | None = None,
    ) -> FastPath | None:
        if not settings.fast_path or engine.dialect.name not in ("postgresql", "sqlite"):
            return None
        if engine.dialect.name == "sqlite":
            install_sqlite_functions(engine)
        return cls(schema, engine, settings, bookkeeping)

    async def check(
        self, query: str, variables: dict[str, Any] | None, operation_name: str | None
    ) -> bool:
        """Whether the document is accepted (checked once, then remembered); a refused one is
        not remembered, since its cost may depend on the variables."""
        if query in self._accepted:
            return True
        # Parsed once: the request's own parse (schema/http.py) is reused, under its bound.
        parsed = parsed_document(query, self.max_tokens)
        document = await checked_document(self.strawberry, query, variables, operation_name, parsed)
        if document is None:
            return False
        self._accepted[query] = document
        if len(self._accepted) > KNOWN_DOCUMENTS:
            self._accepted.popitem(last=False)
        return True

    async def warm_up(self, seconds: float = 2.0) -> Warmer:
        """Check and compile schema/warmup.graphql for both kinds of viewer, before the first
        request: what a client's first document then runs is code already run once. Returns
        what runs the statements (for an account that does not exist) on a connection, for
        models/db.py warm_pool. Best effort: a warm-up the fast path cannot answer warms
        nothing and is logged, and the server starts (in strict mode, the tests, it raises).

        Then the newest documents clients used (schema/served.py) are compiled too, within
        `seconds` of the warm-up's start, and their statements run with the warm-up's."""
        deadline = time.monotonic() + seconds
        query = ""
        variables = {"id": to_global_id("Account", 0)}
        statements: list[tuple[str, tuple[Any, ...]]] = []
        try:
            query = WARM_UP.read_text()
            if not await self.check(query, variables, None):
                raise NotCovered("the warm-up document is refused")
            statements += self._warm_statements(query, variables, None)
        except Exception:
            log.warning("fast path: the start-up warm-up failed", exc_info=True)
            if self.strict:
                raise
        finally:
            self._accepted.pop(query, None)  # not a client's: takes no place among theirs
        # The clients' documents first: the warm-up document only stands in for them.
        statements = await self._served_statements(deadline) + statements
        first_start: list[float] = []

        async def run(connection: AsyncConnection) -> None:
            # Within a share of `seconds` from the first connection's start, the same for
            # all: a connection that stops early is still returned to the pool warm (one
            # cut short by models/db.py warm_pool's own bound is not).
            if not first_start:
                first_start.append(time.monotonic())
            stop = first_start[0] + WARM_RUN_SHARE * seconds
            for sql, parameters in statements:
                if time.monotonic() > stop:
                    break
                await connection.exec_driver_sql(sql, parameters)

        return run

    def _warm_statements(
        self, query: str, variables: dict[str, Any] | None, operation_name: str | None
    ) -> list[tuple[str, tuple[Any, ...]]]:
        """An accepted document compiled for both kinds of viewer: its statements and their
        parameters for the warm-up viewers (who are no user)."""
        statements = []
        for viewer in WARM_UP_VIEWERS:
            found = self.compiled(query, variables, operation_name, viewer)
            if found is None:
                raise NotCovered("the warm-up document is not covered")
            compiled, values = found
            statements.append((compiled.sql, compiled.positional(compiled.values(values, viewer))))
        return statements

    async def _served_statements(self, deadline: float) -> list[tuple[str, tuple[Any, ...]]]:
        """The newest documents clients used (schema/served.py), compiled as their first
        request was, until `deadline` (time.monotonic()): their statements, to run on each
        warm connection. Best effort: a document refused or not covered now is skipped."""
        if self.served is None:
            return []
        try:
            async with asyncio.timeout(max(0.0, deadline - time.monotonic())):
                served = await self.served.newest(self.warm_documents)
        except Exception:
            log.warning("fast path: the served documents were not read", exc_info=True)
            return []
        statements: list[tuple[str, tuple[Any, ...]]] = []
        for query, operation_name, variables in served:
            if time.monotonic() > deadline:
                break
            try:
                if await self.check(query, variables, operation_name):
                    statements += self._warm_statements(query, variables, operation_name)
            except Exception:
                log.info("fast path: a served document was not warmed", exc_info=True)
        return statements

    def _fall_back(self, reason: str, detail: str = "") -> None:
        self.fallbacks[reason] += 1
        log.debug("fast path: general path answers (%s %s)", reason, detail)

    async def answer(
        self,
        query: str,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        viewer: Viewer,
    ) -> bytes | None:
        """The response body, or None when the general path must answer."""
        if query in self._general_only:
            self._fall_back("database_limit")
            return None
        try:
            if not await self.check(query, variables, operation_name):
                self._fall_back("invalid")  # the general path reports the errors
                return None
            found = self.compiled(query, variables, operation_name, viewer)
            if found is None:
                return None
            if self.served is not None:  # the document's first request here: recorded
                self.served.after_response(query, operation_name, variables)
            return await self._run(*found, viewer)
        except ArgumentError as error:
            self._fall_back("argument", str(error))  # the general path reports the error
        except NotCovered as error:
            self._fall_back("not_covered", error.reason)
        except Exception as error:
            self._failed(query, error)
        return None

    async def _run(self, compiled: Compiled, values: dict[str, Any], viewer: Viewer) -> bytes:
        try:
            return await run_compiled(self.reader, compiled, values, viewer, self.first_runs)
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
        # The connection was dead (the database restarted, with no ping per checkout):
        # SQLAlchemy has invalidated it and the pool's older ones; one try on a fresh one.
        log.info("fast path: connection lost; trying once more on a new connection")
        return await run_compiled(self.reader, compiled, values, viewer, self.first_runs)

    def _failed(self, query: str, error: Exception) -> None:
        if "parser stack overflow" in str(error):  # SQLite: too deep for its parser
            self._general_only.add(query)
            self._fall_back("database_limit", "SQLite parser stack")
            return
        self._fall_back("error", type(error).__name__)
        log.error("fast path failed on a covered document; the general path answers", exc_info=True)
        if self.strict:
            raise FastPathBug(str(error)) from error

    def compiled(
        self,
        query: str,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        viewer: Viewer,
    ) -> tuple[Compiled, dict[str, Any]] | None:
        """The statement of an accepted document (see `check`) within the cost budget, or None."""
        document = self._accepted.get(query)
        if document is None:
            self._fall_back("unchecked")
            return None
        self._accepted.move_to_end(query)
        operation = operation_of(document, operation_name)
        values = coerced_variables(self.schema, operation, variables)
        if self._over_budget(document, operation, values):
            self._fall_back("cost")
            return None
        key = (query, operation_name, viewer.sees_everything, shape_key(values.coerced))
        compiled = self._statements.get(key)
        if compiled is None:
            compiled = self._compile(document, operation, values, viewer)
            self._statements[key] = compiled
            if len(self._statements) > KNOWN_STATEMENTS:
                self._statements.popitem(last=False)
        if isinstance(compiled, NotCovered):
            raise compiled
        return compiled, values

    def _compile(
        self, document: DocumentNode, operation: Any, values: dict[str, Any], viewer: Viewer
    ) -> Compiled | NotCovered:
        try:
            with collector_paused():
                return compile_query(
                    self.schema, self.registry, document, operation, values, viewer,
                    self.engine.dialect,
                )  # fmt: skip
        except NotCovered as not_covered:
            return not_covered

    def _over_budget(self, document: DocumentNode, operation: Any, variables: Any) -> bool:
        fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        return query_cost(self.schema, operation, fragments, variables) > self.budget
