"""GraphQL over HTTP: request parsing, sign-in, execution, and errors without stack traces."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import orjson
import strawberry
from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from strawberry.http.ides import get_graphql_ide_html
from strawberry.types.graphql import OperationType as StrawberryOperation

from resolvers.context import new_context
from resolvers.visibility import Viewer
from schema.auth import Authenticator, AuthError
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


def _media_type(request: Request) -> str:
    accept = request.headers.get("accept", "")
    return GRAPHQL_RESPONSE if GRAPHQL_RESPONSE in accept else JSON


def _json(body: Any, status: int, media_type: str, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type=media_type, headers=headers)


class GraphQLEndpoint:
    """The /graphql endpoint: GraphiQL for browsers, GraphQL for clients with a token."""

    def __init__(
        self,
        schema: strawberry.Schema,
        engine: AsyncEngine,
        writer: async_sessionmaker[AsyncSession],
        settings: Settings,
    ) -> None:
        self.schema = schema
        self.engine = engine
        self.writer = writer
        self.limits = settings
        self.authenticator = Authenticator(engine, settings)
        self.ide_html = get_graphql_ide_html("graphiql")

    async def handle(self, request: Request) -> Response:
        request_id = uuid.uuid4().hex[:16]
        media_type = _media_type(request)
        if request.method == "GET" and self._wants_ide(request):
            return HTMLResponse(self.ide_html)
        try:
            params = await self._params(request)
            viewer = await self._viewer(request)
        except RequestError as error:
            body = {"errors": [{"message": error.message, "extensions": {"code": error.code}}]}
            return _json(body, error.status, media_type, error.headers)
        return await self._execute(request, params, viewer, request_id, media_type)

    @staticmethod
    def _wants_ide(request: Request) -> bool:
        return "text/html" in request.headers.get("accept", "") and "query" not in request.query_params

    async def _params(self, request: Request) -> dict[str, Any]:
        if request.method == "GET":
            query = dict(request.query_params)
            variables = query.get("variables")
            return {
                "query": query.get("query"),
                "variables": _loads(variables) if variables else None,
                "operationName": query.get("operationName"),
            }
        if request.method != "POST":
            raise RequestError(405, "Use GET or POST.", "METHOD_NOT_ALLOWED", {"allow": "GET, POST"})
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != JSON:
            raise RequestError(415, "POST bodies must be application/json.", "UNSUPPORTED_MEDIA_TYPE")
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.limits.max_body_bytes:
            raise RequestError(413, "The request body is too large.", "PAYLOAD_TOO_LARGE")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > self.limits.max_body_bytes:
                raise RequestError(413, "The request body is too large.", "PAYLOAD_TOO_LARGE")
        params = _loads(body)
        if not isinstance(params, dict):
            raise RequestError(400, "The body must be a JSON object.", "BAD_REQUEST")
        return params

    async def _viewer(self, request: Request) -> Viewer:
        try:
            return await self.authenticator.viewer(request.headers.get("authorization", ""))
        except AuthError as error:
            raise RequestError(401, error.message, "UNAUTHENTICATED",
                               {"www-authenticate": error.challenge}) from None  # fmt: skip

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
        if request.method == "GET" and _is_mutation(query, operation_name):
            return _json({"errors": [{"message": "Mutations need POST.", "extensions": {
                "code": "METHOD_NOT_ALLOWED"}}]}, 405, media_type, {"allow": "POST"})  # fmt: skip
        allowed = (
            {StrawberryOperation.QUERY}
            if request.method == "GET"
            else {StrawberryOperation.QUERY, StrawberryOperation.MUTATION}
        )
        context = new_context(self.engine, self.writer, viewer, request_id)
        try:
            result = await self.schema.execute(
                query, variable_values=variables, context_value=context,
                operation_name=operation_name, allowed_operation_types=allowed,
            )  # fmt: skip
        except Exception:
            log.exception("request %s failed outside execution", request_id)
            return _request_error(500, f"Internal server error (request {request_id}).",
                                  media_type, "INTERNAL_SERVER_ERROR")  # fmt: skip
        body: dict[str, Any] = {}
        if result.errors:
            body["errors"] = [_format_error(e, request_id) for e in result.errors]
        executed = result.data is not None or any(e.path is not None for e in result.errors or [])
        if executed or not result.errors:
            body["data"] = result.data
        status = 200
        if media_type == GRAPHQL_RESPONSE and result.data is None and result.errors:
            status = 400
        return _json(body, status, media_type, {"x-request-id": request_id})


def _loads(raw: str | bytes) -> Any:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise RequestError(400, "The body is not valid JSON.", "BAD_REQUEST") from None


def _request_error(
    status: int, message: str, media_type: str, code: str = "BAD_REQUEST"
) -> Response:
    return _json({"errors": [{"message": message, "extensions": {"code": code}}]}, status, media_type)


def _is_mutation(query: str, operation_name: str | None) -> bool:
    """Whether the operation a GET would run is a mutation (GET must not change anything)."""
    try:
        document = parse(query)
    except GraphQLError:
        return False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    for operation in operations:
        name = operation.name.value if operation.name else None
        if operation_name is None or name == operation_name:
            return operation.operation is not OperationType.QUERY
    return False


def _format_error(error: GraphQLError, request_id: str) -> dict[str, Any]:
    """Client errors keep their message; anything unexpected becomes a generic message."""
    original = error.original_error
    if original is None or isinstance(original, (GraphQLError, ValueError)) and error.path is None:
        formatted = error.formatted
        extensions = dict(formatted.get("extensions") or {})
        extensions.setdefault("code", "GRAPHQL_VALIDATION_FAILED" if error.path is None
                              else "BAD_USER_INPUT")  # fmt: skip
        formatted["extensions"] = extensions
        return dict(formatted)
    if isinstance(original, GraphQLError):
        formatted = dict(original.formatted)
        formatted["path"] = error.path
        formatted["locations"] = error.formatted.get("locations")
        return formatted
    log.error("request %s: unexpected error at %s", request_id, error.path,
              exc_info=(type(original), original, original.__traceback__))  # fmt: skip
    return {
        "message": f"Internal server error (request {request_id}).",
        "path": error.path,
        "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
    }
