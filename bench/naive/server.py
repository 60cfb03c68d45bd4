"""The naive baseline as a server: starlette + strawberry, one process, one session a request.

    .venv/bin/python -m bench.naive.server --database-url URL --port P [--host 127.0.0.1]

POST /graphql with `Authorization: Bearer <api token>` (checked against api_tokens by its
SHA-256, as plangraph does); GET /health for readiness. See bench/naive/__init__.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repo root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

import argparse
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import async_sessionmaker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bench.naive import orm
from bench.naive.schema import schema
from models.db import make_engine
from models.user import hash_token


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"data": None, "errors": [{"message": message}]}, status)


def create_app(database_url: str) -> Starlette:
    engine = make_engine(database_url)
    sessions = async_sessionmaker(engine, expire_on_commit=False)

    async def graphql(request: Request) -> JSONResponse:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        try:
            body: Any = await request.json()
            query, variables = body["query"], body.get("variables")
        except (ValueError, KeyError, TypeError):
            return _error("expected a JSON body with a query", 400)
        async with sessions() as session:
            user = await session.scalar(
                select(orm.User)
                .join(orm.ApiToken, orm.ApiToken.user_id == orm.User.id)
                .where(
                    orm.ApiToken.token_hash == hash_token(token), orm.ApiToken.revoked_at.is_(None)
                )
            )
            if scheme.lower() != "bearer" or user is None:
                return _error("missing or invalid API token", 401)
            context = {"session": session, "user": user}
            result = await schema.execute(
                query,
                variable_values=variables,
                context_value=context,
                operation_name=body.get("operationName"),
            )
        answer: dict[str, Any] = {"data": result.data}
        if result.errors:
            answer["errors"] = [error.formatted for error in result.errors]
        return JSONResponse(answer)

    async def health(request: Request) -> JSONResponse:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return JSONResponse({"status": "ok"})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await engine.dispose()

    app = Starlette(
        routes=[
            Route("/graphql", graphql, methods=["POST"]),
            Route("/health", health, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.state.engine = engine
    return app


def main(argv: list[str] | None = None) -> int:
    import uvicorn

    parser = argparse.ArgumentParser(prog="bench.naive.server", description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args(argv)
    uvicorn.run(create_app(args.database_url), host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
