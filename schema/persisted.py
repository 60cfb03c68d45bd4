"""Persisted documents: Apollo's automatic persisted queries, or only the trusted documents.

Both turn a request's `extensions.persistedQuery.sha256Hash` (and maybe its `query`) into
the document to run, before the endpoint executes it; the fast path then sees plain text.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections import OrderedDict
from pathlib import Path
from typing import Any

from graphql import GraphQLError, GraphQLSchema, parse, validate
from sqlalchemy.ext.asyncio import AsyncEngine

from models.persisted import sha256_of
from resolvers import persisted_documents

log = logging.getLogger("plangraph")
HEX64 = re.compile(r"[0-9a-f]{64}")
CACHED_DOCUMENTS = 1000


class PersistedQueryError(Exception):
    """A request the persisted-documents rules refuse, answered before anything runs."""

    def __init__(
        self, status: int, message: str, code: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}


def load_manifest(path: str) -> dict[str, str]:
    """The trusted documents ({"<sha256 hex>": "<document>"}); ValueError saying what is wrong."""
    where = f"PLANGRAPH_TRUSTED_DOCUMENTS ({path})"
    try:
        manifest = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"{where}: cannot read it as JSON: {error}") from None
    if not isinstance(manifest, dict) or not manifest:
        raise ValueError(f'{where}: expected a non-empty JSON object {{"<sha256>": "<document>"}}')
    trusted: dict[str, str] = {}
    for key, document in manifest.items():
        sha = key.lower()
        if not HEX64.fullmatch(sha) or not isinstance(document, str):
            raise ValueError(f"{where}: {key!r} must be a SHA-256 hex key of a document string")
        if sha256_of(document) != sha:
            raise ValueError(f"{where}: {key!r} is not the SHA-256 of its document")
        trusted[sha] = document
    return trusted


def requested_hash(params: dict[str, Any]) -> str | None:
    """The hash of `extensions.persistedQuery`, None without one; 400 when it is malformed."""
    extensions = params.get("extensions")
    if extensions is None:
        return None
    if not isinstance(extensions, dict):
        raise PersistedQueryError(400, "'extensions' must be a JSON object.", "BAD_REQUEST")
    persisted = extensions.get("persistedQuery")
    if persisted is None:
        return None
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        raise PersistedQueryError(
            400, "extensions.persistedQuery.version must be 1.", "PERSISTED_QUERY_NOT_SUPPORTED"
        )
    sha = persisted.get("sha256Hash")
    if not isinstance(sha, str) or not HEX64.fullmatch(sha.lower()):
        raise PersistedQueryError(
            400, "extensions.persistedQuery.sha256Hash must be 64 hexadecimal digits.",
            "BAD_REQUEST",
        )  # fmt: skip
    return sha.lower()


def _checked(sha: str, query: str) -> str:
    if sha256_of(query) != sha:
        raise PersistedQueryError(
            400, "extensions.persistedQuery.sha256Hash is not the SHA-256 of 'query'.",
            "PERSISTED_QUERY_HASH_MISMATCH",
        )  # fmt: skip
    return query


class PersistedDocuments:
    """Resolves the document of a request from its hash, registering new ones (APQ)."""

    def __init__(
        self, schema: GraphQLSchema, engine: AsyncEngine, manifest_path: str, max_tokens: int,
        timeout_seconds: float = 0.0,
    ) -> None:  # fmt: skip
        self.schema = schema
        self.engine = engine
        self.max_tokens = max_tokens
        self.timeout_seconds = timeout_seconds  # the request's time limit (0: none)
        self.trusted = load_manifest(manifest_path) if manifest_path else None
        # Documents never change under a hash, so the cache needs no invalidation.
        self.cache: OrderedDict[str, str] = OrderedDict()

    async def resolve(self, params: dict[str, Any]) -> dict[str, Any]:
        """The request's parameters with the document to run in 'query'."""
        sha = requested_hash(params)
        query = params.get("query")
        if self.trusted is not None:
            return {**params, "query": self._trusted(sha, query)}
        if sha is None:
            return params
        if isinstance(query, str):
            await self._register(sha, _checked(sha, query))
            return params
        document = await self._find(sha)
        if document is None:
            raise PersistedQueryError(200, "PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")
        return {**params, "query": document}

    def _trusted(self, sha: str | None, query: Any) -> str:
        assert self.trusted is not None
        if sha is None and isinstance(query, str):
            sha = sha256_of(query)
        document = self.trusted.get(sha or "")
        if document is None:
            raise PersistedQueryError(
                400, "This server runs only its trusted documents, and this is not one of them.",
                "PERSISTED_QUERY_REQUIRED",
            )  # fmt: skip
        return _checked(sha or "", query) if isinstance(query, str) else document

    async def _find(self, sha: str) -> str | None:
        document = self.cache.get(sha)
        if document is None:
            document = await self._database(persisted_documents.find(self.engine, sha))
            if document is not None:
                self._remember(sha, document)
        return document

    async def _register(self, sha: str, document: str) -> None:
        """Stores a valid document once; an invalid one runs only to report its errors."""
        if sha in self.cache or not self._valid(document):
            return
        await self._database(persisted_documents.register(self.engine, sha, document))
        self._remember(sha, document)

    def _valid(self, document: str) -> bool:
        try:
            return not validate(self.schema, parse(document, max_tokens=self.max_tokens))
        except GraphQLError:
            return False

    def _remember(self, sha: str, document: str) -> None:
        self.cache[sha] = document
        self.cache.move_to_end(sha)
        if len(self.cache) > CACHED_DOCUMENTS:
            self.cache.popitem(last=False)

    async def _database(self, work: Any) -> Any:
        try:
            async with asyncio.timeout(self.timeout_seconds or None):
                return await work
        except Exception:
            log.warning("persisted documents: database unavailable", exc_info=True)
            raise PersistedQueryError(
                503,
                "The database is unavailable; try again shortly.",
                "SERVICE_UNAVAILABLE",
                {"retry-after": "5"},
            ) from None
