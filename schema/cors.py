"""CORS from an exact allow-list: browsers on those origins may call the API, no one else."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALLOW_METHODS = "GET, POST, OPTIONS"
# The request headers a front end sends: the token, JSON bodies, and the CSRF header of GETs.
ALLOW_HEADERS = "authorization, content-type, x-plangraph-csrf"
EXPOSE_HEADERS = "etag, x-request-id"
MAX_AGE_SECONDS = "600"


def allowed_origins(setting: str) -> frozenset[str]:
    """The origins of PLANGRAPH_CORS_ORIGINS; ValueError (with the reason) if one is not exact."""
    origins = [o.strip() for o in setting.split(",") if o.strip()]
    for origin in origins:
        if origin == "*" or "*" in origin:
            raise ValueError(
                "PLANGRAPH_CORS_ORIGINS: '*' is refused: API tokens are credentials, so list "
                "each front end's exact origin (e.g. https://plans.example.com)."
            )
        parts = urlsplit(origin)
        if (
            parts.scheme not in ("http", "https")
            or not parts.hostname
            or parts.path
            or parts.query
            or parts.fragment
            or parts.username
        ):
            raise ValueError(
                f"PLANGRAPH_CORS_ORIGINS: {origin!r} is not an origin; write scheme://host[:port] "
                "with no path or trailing slash (e.g. http://localhost:5173)."
            )
    return frozenset(o.lower() for o in origins)


class CORSMiddleware:
    """Answers allowed origins' preflights and marks their responses readable; others unchanged.

    A request from an origin not on the list gets no Access-Control-Allow-* header at all, so
    the browser keeps its response from the page; its preflight goes on to the endpoint, which
    answers OPTIONS with 405 as it does without CORS.

    Websockets have no CORS: a browser opens one from any page and only sends Origin. So the
    list is enforced here: a handshake whose Origin is neither listed nor the server's own
    (GraphiQL) is refused with HTTP 403. Handshakes without Origin (not a browser) pass.
    """

    def __init__(self, app: ASGIApp, origins: frozenset[str]) -> None:
        self.app = app
        self.origins = origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and not self._websocket_allowed(scope):
            # Closing before accepting refuses the handshake: the server answers 403.
            await send({"type": "websocket.close", "code": 1008, "reason": "origin not allowed"})
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        allowed = origin is not None and origin.lower() in self.origins
        if allowed and scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            await self._preflight(origin or "")(scope, receive, send)
            return

        async def send_marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                response_headers = MutableHeaders(scope=message)
                response_headers.add_vary_header("Origin")  # the answer depends on it
                if allowed:
                    response_headers["access-control-allow-origin"] = origin or ""
                    response_headers["access-control-expose-headers"] = EXPOSE_HEADERS
            await send(message)

        await self.app(scope, receive, send_marked)

    def _websocket_allowed(self, scope: Scope) -> bool:
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if origin is None or origin.lower() in self.origins:
            return True
        # Same origin: the page was served by this host (e.g. GraphiQL on /graphql).
        return urlsplit(origin).netloc.lower() == headers.get("host", "").lower()

    @staticmethod
    def _preflight(origin: str) -> Response:
        return Response(
            status_code=204,
            headers={
                "access-control-allow-origin": origin,
                "access-control-allow-methods": ALLOW_METHODS,
                "access-control-allow-headers": ALLOW_HEADERS,
                "access-control-max-age": MAX_AGE_SECONDS,
                "vary": "Origin",
            },
        )
