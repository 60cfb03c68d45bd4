"""Caching headers of GraphQL answers: private revalidation, and ETag / 304 for GET queries."""

from __future__ import annotations

import hashlib

import orjson
from starlette.requests import Request
from starlette.responses import Response

# Answers depend on the token: only the client itself may keep one, and it asks each time.
CACHE_CONTROL = "private, no-cache"
# Headers a 304 repeats from the 200 it stands for (RFC 9110, 15.4.5).
KEPT_ON_304 = ("cache-control", "etag", "x-request-id", "vary")


def etag_of(body: bytes) -> str:
    """A weak validator of the JSON value, whatever its spacing or encoding on the wire.

    The two read paths spell the same answer differently (PostgreSQL's JSON has spaces), so
    the value is hashed in one canonical spelling.
    """
    try:
        canonical = orjson.dumps(orjson.loads(body), option=orjson.OPT_SORT_KEYS)
    except orjson.JSONDecodeError:
        canonical = body
    return f'W/"{hashlib.sha256(canonical).hexdigest()[:32]}"'


def matches(if_none_match: str | None, etag: str) -> bool:
    """Weak comparison of If-None-Match's list (or `*`) against the current ETag."""
    if not if_none_match:
        return False
    opaque = etag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == opaque:
            return True
    return False


def finish(request: Request, response: Response) -> Response:
    """The answer with its caching headers; 304 without a body when a GET's result is unchanged."""
    response.headers["cache-control"] = CACHE_CONTROL
    if request.method != "GET" or response.status_code != 200:
        return response
    etag = etag_of(bytes(response.body))
    response.headers["etag"] = etag
    if not matches(request.headers.get("if-none-match"), etag):
        return response
    kept = {k: v for k, v in response.headers.items() if k in KEPT_ON_304}
    return Response(status_code=304, headers=kept)
