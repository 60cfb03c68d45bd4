"""Fair use over HTTP: a request whose cost its client's bucket cannot pay gets 429 with
Retry-After and RATE_LIMITED; every charged response carries `extensions.cost` as Shopify's."""

from __future__ import annotations

import asyncio
import logging

import orjson
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.responses import Response

from models.user import TOKEN_PREFIX, hash_token
from ops import metrics
from ops.fair_use import buckets
from ops.requests import RequestRecord
from resolvers.visibility import Viewer
from settings import Settings

log = logging.getLogger("plangraph")


def client_key(authorization: str, viewer: Viewer) -> str:
    """Whose bucket: an API token's own; for sign-in by OIDC access tokens (a new one every
    hour or so), the user's."""
    credential = authorization.partition(" ")[2].strip()
    if credential.startswith(TOKEN_PREFIX):
        return "token:" + hash_token(credential)[:40]
    return f"user:{viewer.user_id}"


class FairUse:
    def __init__(self, engine: AsyncEngine, settings: Settings) -> None:
        self.buckets = buckets(
            engine, settings.cost_bucket_max, settings.cost_bucket_restore_per_second,
            settings.pgbouncer,
        )  # fmt: skip
        self.timeout = settings.request_timeout_seconds or None
        self.max_query_cost = settings.max_query_cost

    async def admit(self, record: RequestRecord, media_type: str) -> Response | None:
        """Charge the request's cost (at least 1; 1 for a query refused as too costly, which
        never runs); the 429 response when it cannot be paid."""
        if self.buckets is None or record.client is None:
            return None
        cost = record.cost or 0
        charge = 1 if cost > self.max_query_cost else max(1, cost)
        try:
            async with asyncio.timeout(self.timeout):
                throttle = await self.buckets.spend(record.client, charge)
        except Exception as error:  # the budget is bookkeeping: without it, serve (fail open)
            log.warning("fair use: the cost bucket is unavailable: %s", type(error).__name__)
            return None
        record.throttle = throttle
        if throttle.allowed:
            return None
        metrics.RATE_LIMITED.inc()
        seconds = throttle.retry_after()
        body = {
            "errors": [{"message": (
                f"Rate limited: this query costs {throttle.requested} and the token's budget "
                f"holds {int(throttle.available):,} of {throttle.maximum:,.0f}, restored at "
                f"{throttle.restore_rate:,.0f} per second. Retry after {seconds} s."
            ), "extensions": {"code": "RATE_LIMITED", "requestId": record.request_id}}],
            "extensions": {"cost": throttle.extension()},
        }  # fmt: skip
        headers = {"retry-after": str(seconds), "x-request-id": record.request_id}
        return Response(orjson.dumps(body), 429, headers, media_type)

    @staticmethod
    def annotate(response: Response, record: RequestRecord) -> Response:
        """Splice `"extensions": {"cost": ...}` into the finished JSON object: the fast path's
        bytes are never parsed again."""
        body = bytes(response.body).rstrip()
        if record.throttle is None or not record.throttle.allowed or not body.endswith(b"}"):
            return response
        extensions = orjson.dumps({"cost": record.throttle.extension()})
        separator = b"," if body[:-1].strip() != b"{" else b""
        response.body = body[:-1] + separator + b'"extensions":' + extensions + b"}"
        response.headers["content-length"] = str(len(response.body))
        return response
