"""The documents the fast path answered for clients, shared by every server through the
database (models/persisted.py ServedDocument), on PostgreSQL: each server process records a
document at its first request there, and at start-up compiles the newest of them and runs
their statements on its warm connections before it takes requests (schema/fast.py
warm_up). A restarted, redeployed or added server then answers the first requests of the
documents its clients use like the thousandth: compiling the planning picture takes tens of
milliseconds of CPU (more than a hundred on a slow machine), and on a fresh server every
worker paid it, and PostgreSQL its first planning, while the first requests waited
(bench.run "first 100 requests on a fresh server").

Apollo Router does the same for its query plans (a cache shared by the routers, warmed with
the most used queries when a router starts). Recording is one small write per document and
process, run by the request that finds the document new here once its response is sent
(a Starlette background task, schema/http.py): the client does not wait for it (a
transaction and its commit: 40 to 75 ms of the first request's time on a fresh server under
load, measured), and the server's shutdown still waits for it, as for the request. Bounded
in time; a failure is logged, and the document is recorded at its next request. SQLite, the
embedded single-server default, records nothing: a write there would queue behind the
mutations' write lock.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from models.base import utcnow
from models.persisted import ServedDocument, served_document_key
from ops import after_response

log = logging.getLogger("plangraph")
KEEP = 200  # rows kept: the newest documents (a client that sends ever new ones cannot grow it)
WRITE_SECONDS = 1.0  # a recording's bound: the request it rides on goes on after it
REMEMBERED = 4096  # documents this process knows it has recorded
BOOKKEEPING = {"plangraph_bookkeeping": True}  # not a request's statement (tests count those)

# (document, operation name, the first request's variables)
Served = tuple[str, str | None, dict[str, Any] | None]


class ServedDocuments:
    def __init__(self, engine: AsyncEngine, keep: int = KEEP) -> None:
        self.engine = engine
        self.keep = keep
        # What this process has written (or is writing): asked on every request, so the
        # texts themselves (their hash is kept by the string), not the SHA-256 of them.
        self._recorded: set[tuple[str, str | None]] = set()

    def after_response(
        self, document: str, operation_name: str | None, variables: dict[str, Any] | None
    ) -> None:
        """`record` the document once the response of the current request is sent (a request
        that reaches the fast path without the HTTP endpoint records nothing)."""
        if (document, operation_name) not in self._recorded:
            after_response.defer(
                functools.partial(self.record, document, operation_name, variables)
            )

    async def record(
        self, document: str, operation_name: str | None, variables: dict[str, Any] | None
    ) -> None:
        """Write the document once per process, at its first request here (that request
        has just compiled it, or found it compiled by the warm-up). Bounded, and a failure
        is logged and tried again at the document's next request: the request goes on."""
        if (document, operation_name) in self._recorded:
            return
        if len(self._recorded) >= REMEMBERED:  # bounded: such a client rewrites a few rows
            self._recorded.clear()
        self._recorded.add((document, operation_name))
        try:
            async with asyncio.timeout(WRITE_SECONDS):
                await self._write(document, operation_name, variables)
        except Exception:
            self._recorded.discard((document, operation_name))
            log.warning("served documents: a document was not recorded", exc_info=True)

    async def _write(self, document: str, operation_name: str | None, variables: Any) -> None:
        key = served_document_key(document, operation_name)
        try:
            text = None if variables is None else json.dumps(variables)
        except (TypeError, ValueError):
            text = None
        values = {"key": key, "document": document, "operation_name": operation_name,
                  "variables": text, "served_at": utcnow()}  # fmt: skip
        upsert = insert(ServedDocument).values(values)
        upsert = upsert.on_conflict_do_update(
            index_elements=[ServedDocument.key], set_={"served_at": upsert.excluded.served_at}
        )
        newest = select(ServedDocument.key).order_by(ServedDocument.served_at.desc())
        older = delete(ServedDocument).where(
            ServedDocument.key.not_in(newest.limit(self.keep).scalar_subquery())
        )
        async with self.engine.begin() as connection:
            await connection.execute(upsert, execution_options=BOOKKEEPING)
            await connection.execute(older, execution_options=BOOKKEEPING)

    async def newest(self, count: int) -> list[Served]:
        """The `count` documents served most recently (by any server), newest first."""
        if count <= 0:
            return []
        query = (
            select(ServedDocument.document, ServedDocument.operation_name,
                   ServedDocument.variables)
            .order_by(ServedDocument.served_at.desc())
            .limit(count)
        )  # fmt: skip
        async with self.engine.connect() as connection:
            rows = (await connection.execute(query, execution_options=BOOKKEEPING)).all()
        out: list[Served] = []
        for document, operation_name, variables in rows:
            try:
                out.append((document, operation_name, json.loads(variables or "null")))
            except ValueError:
                continue
        return out
