"""GraphQL over HTTP: request parsing, sign-in, execution, and errors without stack traces."""

from __future__ import annotations

import asyncio
import functools
import logging
import uuid
from typing import Any

import orjson
import strawberry
from graphql import GraphQLError, OperationDefinitionNode, OperationType
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import Response
from strawberry.exceptions import MissingQueryError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType as StrawberryOperation

from ops import after_response
from ops import requests as observe
from resolvers.context import new_context
from resolvers.visibility import Viewer
from schema import http_cache
from schema.auth import Authenticator, AuthError
from schema.fast import FastPath
from schema.graphiql import GraphiQL
from schema.persisted import PersistedDocuments, PersistedQueryError
from schema.request_cost import operation_and_cost, parsed_document
from schema.throttle import FairUse, client_key
from settings import Settings

log = logging.getLogger("plangraph")

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


class RequestError(Exception):
    def __init__(self, status: int, message: str, code: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}


CSRF_HEADER = "x-plangraph-csrf"
QUERY_CANCELED = "57014"  # PostgreSQL: a statement stopped by statement_timeout (or a cancel)


def _media_type(accept: str | None) -> str | None:
    """The response type for an Accept header (GraphQL over HTTP), None if neither is accepted.

    `application/graphql-response+json` when the client names it (and does not prefer
    `application/json`); `application/json` for a missing Accept, for wildcards and for
    legacy clients that name only it.
    """
    if accept is None or not accept.strip():
        return JSON
    graphql_q = json_q = 0.0
    json_specificity = -1
    for item in accept.split(","):
        media, _, params = item.partition(";")
        media = media.strip().lower()
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media == GRAPHQL_RESPONSE:
            graphql_q = max(graphql_q, q)
        specificity = {JSON: 2, "application/*": 1, "*/*": 0}.get(media, -1)
        if specificity > json_specificity:  # the most specific range decides
            json_specificity, json_q = specificity, q
    if graphql_q > 0 and graphql_q >= json_q:
        return GRAPHQL_RESPONSE
    if json_q > 0:
        return JSON
    return None


def _after(response: Response, jobs: list[after_response.Job]) -> Response:
    """The response, with the request's deferred work run once it is sent."""
    if jobs:
        response.background = BackgroundTask(after_response.run_all, jobs)
    return response


def _json(
    body: Any, status: int, media_type: str, headers: dict[str, str] | None = None
) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type=media_type, headers=headers)


class GraphQLEndpoint:
    """The /graphql endpoint: GraphiQL for browsers, GraphQL for clients with a token."""

    def __init__(
        self,
        schema: strawberry.Schema,
        engine: AsyncEngine,
        writer: async_sessionmaker[AsyncSession],
        settings: Settings,
        bookkeeping: AsyncEngine | None = None,  # models/db.py make_bookkeeping_engine
    ) -> None:
        self.schema = schema
        self.engine = engine
        self.writer = writer
        self.limits = settings
        self.authenticator = Authenticator(engine, settings, bookkeeping=bookkeeping)
        self.fast = FastPath.for_engine(schema, engine, settings, bookkeeping)
        self.persisted = PersistedDocuments(
            schema._schema, engine, settings.trusted_documents, settings.max_tokens,
            settings.request_timeout_seconds,
        )  # fmt: skip
        self.graphiql = GraphiQL()
        self.observer = observe.RequestObserver(engine)
        self.fair_use = FairUse(engine, settings)

    async def handle(self, request: Request) -> Response:
        if request.method == "GET" and self._wants_ide(request):
            return self.graphiql.page()
        record = observe.begin(uuid.uuid4().hex[:16])
        status = 500
        try:
            response = await self._handle(request, record)
            status = response.status_code
            return response
        finally:  # every request is counted and logged once, however it ended
            self.observer.finish(record, status)

    async def _handle(self, request: Request, record: observe.RequestRecord) -> Response:
        request_id = record.request_id
        jobs = after_response.collect()  # ops/after_response.py: run once the answer is sent
        media_type = _media_type(request.headers.get("accept"))
        try:
            if media_type is None:
                raise RequestError(406, f"Accept {GRAPHQL_RESPONSE} or {JSON}.", "NOT_ACCEPTABLE")
            params = await self._params(request)
            if "\x00" in str(params.get("query") or ""):
                # Refused before anything stores it (a persisted or served document):
                # PostgreSQL's text cannot hold U+0000, and the lexer refuses it outside
                # comments anyway.
                raise RequestError(400, "The document contains a NUL character (U+0000).",
                                   "BAD_REQUEST")  # fmt: skip
            viewer = await self._viewer(request)
            params = await self.persisted.resolve(params)
            record.user_id = viewer.user_id
            record.client = client_key(request.headers.get("authorization", ""), viewer)
        except (RequestError, PersistedQueryError) as error:
            body = {"errors": [{"message": error.message, "extensions": {"code": error.code}}]}
            response = _json(body, error.status, media_type or JSON, error.headers)
            return _after(http_cache.finish(request, response), jobs)
        response = await self._execute(request, params, viewer, request_id, media_type)
        # The ETag names the data (before the cost report, which changes on every request).
        return _after(self.fair_use.annotate(http_cache.finish(request, response), record), jobs)

    @staticmethod
    def _wants_ide(request: Request) -> bool:
        return (
            "text/html" in request.headers.get("accept", "")
            and "query" not in request.query_params
            and "extensions" not in request.query_params
        )

    async def _params(self, request: Request) -> dict[str, Any]:
        if request.method == "GET":
            # CSRF: a GET runs only with a header that a browser must preflight before sending
            # it cross-site, so a link, an <img> or a form from another site never runs a query.
            # Either header does: sign-in is by the Authorization header only (no cookies),
            # and a cross-site request carrying it is preflighted like X-Plangraph-CSRF.
            if CSRF_HEADER not in request.headers and "authorization" not in request.headers:
                raise RequestError(
                    400, "A GET request needs an X-Plangraph-CSRF (any value) or an "
                    "Authorization header.", "CSRF_HEADER_REQUIRED",
                )  # fmt: skip
            query = dict(request.query_params)
            variables = query.get("variables")
            extensions = query.get("extensions")  # persisted queries send their hash here
            return {
                "query": query.get("query"),
                "variables": _loads(variables) if variables else None,
                "operationName": query.get("operationName"),
                "extensions": _loads(extensions) if extensions else None,
            }
        if request.method != "POST":
            raise RequestError(
                405, "Use GET or POST.", "METHOD_NOT_ALLOWED", {"allow": "GET, POST"}
            )
        # CSRF: only application/json is executed. The types a browser sends cross-site without
        # a preflight (text/plain, application/x-www-form-urlencoded, multipart/form-data) are
        # refused here, before the body is read.
        media, _, parameters = request.headers.get("content-type", "").partition(";")
        charset = _parameter(parameters, "charset")
        if media.strip().lower() != JSON or charset not in (None, "utf-8", "utf8"):
            raise RequestError(415, "POST bodies must be application/json (UTF-8).",
                               "UNSUPPORTED_MEDIA_TYPE", {"accept-post": JSON})  # fmt: skip
        # A compressed body is refused by name, not read as JSON and refused as invalid JSON
        # (RFC 9110 15.5.16: 415, with the codings accepted in Accept-Encoding).
        coding = request.headers.get("content-encoding", "").strip().lower()
        if coding not in ("", "identity"):
            raise RequestError(415, f"Request bodies with Content-Encoding '{coding[:40]}' are "
                               "not supported: send the body uncompressed.",
                               "UNSUPPORTED_CONTENT_ENCODING",
                               {"accept-encoding": "identity"})  # fmt: skip
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.limits.max_body_bytes:
            raise RequestError(413, "The request body is too large.", "PAYLOAD_TOO_LARGE")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > self.limits.max_body_bytes:
                raise RequestError(413, "The request body is too large.", "PAYLOAD_TOO_LARGE")
        params = _loads(body)
        if isinstance(params, list):
            raise RequestError(400, "Batched requests are not supported: send one operation "
                               "per request.", "BATCH_NOT_SUPPORTED")  # fmt: skip
        if not isinstance(params, dict):
            raise RequestError(400, "The body must be a JSON object.", "BAD_REQUEST")
        return params

    async def _viewer(self, request: Request) -> Viewer:
        try:
            async with asyncio.timeout(self.limits.request_timeout_seconds or None):
                return await self.authenticator.viewer(request.headers.get("authorization", ""))
        except AuthError as error:
            raise RequestError(401, error.message, "UNAUTHENTICATED",
                               {"www-authenticate": error.challenge}) from None  # fmt: skip
        except Exception:
            # The token is read from the database: when it is down or hung, say so in JSON.
            log.warning("sign-in failed: database unavailable", exc_info=True)
            raise RequestError(503, "The database is unavailable; try again shortly.",
                               "SERVICE_UNAVAILABLE", {"retry-after": "5"}) from None  # fmt: skip

    async def _fast(
        self, query: str, variables: Any, operation_name: str | None, viewer: Viewer
    ) -> bytes | None:
        """The fast path's answer within the request's time limit, or None (general path)."""
        assert self.fast is not None
        async with asyncio.timeout(self.limits.request_timeout_seconds or None):
            return await self.fast.answer(query, variables, operation_name, viewer)

    def _describe(self, query: str, operation_name: Any, variables: Any) -> observe.RequestRecord:
        """The request's record, with the operation it runs and its query cost."""
        record = observe.CURRENT.get() or observe.begin(uuid.uuid4().hex[:16])
        operation, record.cost = operation_and_cost(
            self.schema._schema, query, operation_name, variables, self.limits.max_tokens
        )
        if operation is not None:
            record.operation_type = operation.operation.value
            record.operation_name = operation.name.value if operation.name else None
        return record

    def _timed_out(self, request_id: str, media_type: str) -> Response:
        log.warning("request %s: stopped after %ss", request_id,
                    self.limits.request_timeout_seconds)  # fmt: skip
        seconds = f"{self.limits.request_timeout_seconds:g}"
        return _request_error(504, f"The request took longer than {seconds} seconds and was "
                              f"stopped (request {request_id}).", media_type, "TIMEOUT",
                              request_id)  # fmt: skip

    async def _execute(
        self, request: Request, params: dict[str, Any], viewer: Viewer, request_id: str,
        media_type: str,
    ) -> Response:  # fmt: skip
        query = params.get("query")
        variables = params.get("variables")
        operation_name = params.get("operationName")
        if not isinstance(query, str) or not query.strip():
            return _request_error(400, "Send a GraphQL document in 'query'.", media_type)
        if variables is not None and not isinstance(variables, dict):
            return _request_error(400, "'variables' must be a JSON object.", media_type)
        if operation_name is not None and not isinstance(operation_name, str):
            return _request_error(400, "'operationName' must be a string.", media_type)
        operations = _operations(query, self.limits.max_tokens)
        if operation_name is None and operations is not None and len(operations) > 1:
            return _request_error(400, "The document has several operations: name the one to "
                                  "run in 'operationName'.", media_type)  # fmt: skip
        if request.method == "GET" and _is_mutation(operations or (), operation_name):
            return _mutation_needs_post(media_type)
        record = self._describe(query, operation_name, variables)
        refused = await self.fair_use.admit(record, media_type)
        if refused is not None:
            return refused
        allowed = (
            {StrawberryOperation.QUERY}
            if request.method == "GET"
            else {StrawberryOperation.QUERY, StrawberryOperation.MUTATION}
        )
        if self.fast is not None:
            try:
                answer = await self._fast(query, variables, operation_name, viewer)
            except TimeoutError:
                return self._timed_out(request_id, media_type)
            if answer is not None:
                record.read_path = "fast"
                return Response(answer, 200, {"x-request-id": request_id}, media_type)
        record.read_path = "general"
        context = new_context(self.engine, self.writer, viewer, request_id)
        try:
            # The time limit of a request. A timeout cancels the resolvers where they wait:
            # a mutation works inside `async with writer.begin()` (resolvers/mutation_kit.py),
            # so its transaction is rolled back unless it had already committed. On PostgreSQL
            # the statement_timeout (models/db.py) also stops a statement on the server.
            async with asyncio.timeout(self.limits.request_timeout_seconds or None):
                result = await self.schema.execute(
                    query, variable_values=variables, context_value=context,
                    operation_name=operation_name, allowed_operation_types=allowed,
                )  # fmt: skip
        except TimeoutError:
            await context.loaders.waves.stop()
            return self._timed_out(request_id, media_type)
        except (MissingQueryError, CannotGetOperationTypeError) as error:
            # An unknown operationName, or a document without an operation.
            reason = (
                error.as_http_error_reason()
                if isinstance(error, CannotGetOperationTypeError) and operation_name is not None
                else "The document has no operation to run."
            )
            return _request_error(400, reason, media_type)
        except InvalidOperationTypeError as error:
            if request.method == "GET" and error.operation_type is StrawberryOperation.MUTATION:
                return _mutation_needs_post(media_type)
            reason = error.as_http_error_reason(request.method)  # e.g. subscriptions
            return _request_error(400, f"{reason[:1].upper()}{reason[1:]}.", media_type)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise  # the request itself is being stopped (a client gone, a shutdown)
            # A cancellation meant for one resolver that reached the execution (see
            # resolvers/waves.py Loader.load): an error in JSON, not a bare HTTP 500.
            log.exception("request %s: a resolver's cancellation ended it", request_id)
            return _request_error(500, f"Internal server error (request {request_id}).",
                                  media_type, "INTERNAL_SERVER_ERROR", request_id)  # fmt: skip
        except Exception:
            log.exception("request %s failed outside execution", request_id)
            return _request_error(500, f"Internal server error (request {request_id}).",
                                  media_type, "INTERNAL_SERVER_ERROR", request_id)  # fmt: skip
        await context.loaders.waves.close(self.limits.request_timeout_seconds or None)
        body: dict[str, Any] = {}
        record.errors = bool(result.errors)
        if result.errors:
            body["errors"] = [_format_error(e, request_id) for e in result.errors]
        # Execution started when there is data or an error with a path; before that (a syntax,
        # validation or variable error, or a refused bound) there is no `data` at all.
        executed = result.data is not None or any(e.path is not None for e in result.errors or [])
        if executed or not result.errors:
            body["data"] = result.data
        # GraphQL over HTTP: application/json answers 200 to every well-formed request;
        # application/graphql-response+json answers 400 when the operation did not start.
        status = 400 if media_type == GRAPHQL_RESPONSE and "data" not in body else 200
        return _json(body, status, media_type, {"x-request-id": request_id})


def _mutation_needs_post(media_type: str) -> Response:
    body = {"errors": [{"message": "Mutations need POST.", "extensions": {
        "code": "METHOD_NOT_ALLOWED"}}]}  # fmt: skip
    return _json(body, 405, media_type, {"allow": "POST"})


def _parameter(parameters: str, name: str) -> str | None:
    for parameter in parameters.split(";"):
        key, _, value = parameter.partition("=")
        if key.strip().lower() == name:
            return value.strip().strip('"').lower()
    return None


def _loads(raw: str | bytes) -> Any:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise RequestError(400, "The body is not valid JSON.", "BAD_REQUEST") from None


def _request_error(
    status: int, message: str, media_type: str, code: str = "BAD_REQUEST", request_id: str = ""
) -> Response:
    extensions = {"code": code} | ({"requestId": request_id} if request_id else {})
    headers = {"x-request-id": request_id} if request_id else None
    body = {"errors": [{"message": message, "extensions": extensions}]}
    return _json(body, status, media_type, headers)


@functools.lru_cache(maxsize=512)
def _operations(query: str, max_tokens: int) -> tuple[OperationDefinitionNode, ...] | None:
    """The operations of a document; None if it does not parse (execution reports why).

    Cached, and parsed once with the cost's reading (schema/request_cost.py): clients send
    the same few documents again and again, and parsing a planning picture costs
    milliseconds.
    """
    document = parsed_document(query, max_tokens)
    if document is None:
        return None
    return tuple(d for d in document.definitions if isinstance(d, OperationDefinitionNode))


def _is_mutation(
    operations: tuple[OperationDefinitionNode, ...], operation_name: str | None
) -> bool:
    """Whether the operation a GET would run is a mutation (GET must not change anything)."""
    for operation in operations:
        name = operation.name.value if operation.name else None
        if operation_name is None or name == operation_name:
            return operation.operation is not OperationType.QUERY
    return False


def _format_error(error: GraphQLError, request_id: str) -> dict[str, Any]:
    """Client errors keep their message; anything unexpected becomes a generic message."""
    original = error.original_error
    if original is None or (
        isinstance(original, (GraphQLError, ValueError)) and error.path is None
    ):
        formatted: dict[str, Any] = dict(error.formatted)
        extensions = dict(formatted.get("extensions") or {})
        extensions.setdefault("code", "GRAPHQL_VALIDATION_FAILED" if error.path is None
                              else "BAD_USER_INPUT")  # fmt: skip
        formatted["extensions"] = extensions
        return formatted
    if isinstance(original, GraphQLError):
        formatted = dict(original.formatted)
        formatted["path"] = error.path
        formatted["locations"] = error.formatted.get("locations")
        return formatted
    if getattr(getattr(original, "orig", None), "sqlstate", None) == QUERY_CANCELED:
        log.warning("request %s: statement timeout at %s", request_id, error.path)
        return {
            "message": f"The database took too long and the statement was stopped "
            f"(request {request_id}).",
            "path": error.path,
            "extensions": {"code": "TIMEOUT", "requestId": request_id},
        }
    log.error("request %s: unexpected error at %s", request_id, error.path,
              exc_info=(type(original), original, original.__traceback__))  # fmt: skip
    return {
        "message": f"Internal server error (request {request_id}).",
        "path": error.path,
        "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
    }
