"""plangraph: the app factory and the command line (serve, migrate, create-user, create-token)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import functools
import gc
import logging
import sys
from collections.abc import AsyncIterator, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, text
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute

from models.db import (
    Warmer,
    make_bookkeeping_engine,
    make_engine,
    make_writer_sessionmaker,
    warm_pool,
)
from ops.logs import configure as configure_logging
from settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from schema.http import GraphQLEndpoint

ROOT = Path(__file__).resolve().parent
WARM_UP_SECONDS = 2.0  # each step of a worker's start-up warm-up, at most
STOP_SECONDS = 15.0  # each step of the lifespan's shutdown, at most (then: ops/shutdown.py)
log = logging.getLogger("plangraph")


def create_app(settings: Settings) -> Starlette:
    """The ASGI app; its lifespan disposes of the engine that serves its requests."""
    from ops.health import routes as health_routes
    from ops.metrics import routes as metrics_routes
    from schema import build_schema
    from schema.cors import allowed_origins
    from schema.http import GraphQLEndpoint
    from schema.live import Live
    from schema.live_ws import LiveEndpoint

    options: dict[str, Any] = {
        "statement_timeout_ms": settings.statement_timeout_ms,
        "pgbouncer": settings.pgbouncer,
        "generic_plans": settings.generic_plans,
    }
    engine = make_engine(settings.database_url, **options)
    bookkeeping = make_bookkeeping_engine(engine, settings.database_url, **options)
    live = Live(engine, settings)  # live updates: schema/live_ws.py, resolvers/live/
    writer = make_writer_sessionmaker(engine, on_events=live.broker.poke)
    schema = build_schema(settings)
    endpoint = GraphQLEndpoint(schema, engine, writer, settings, bookkeeping)
    live.endpoint = LiveEndpoint(schema, writer, endpoint.authenticator, live.broker, settings)

    async def health(request: Request) -> JSONResponse:
        try:
            async with asyncio.timeout(3):
                async with engine.connect() as connection:
                    await connection.execute(text("SELECT 1"))
        except Exception:
            log.warning("health check: database unreachable", exc_info=True)
            return JSONResponse({"status": "unavailable", "database": "unreachable"}, 503)
        return JSONResponse({"status": "ok", "database": "ok"})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # The warm-up first: the live broker's reads, made while warm_pool held its
        # connections, made the pool open more, which the warm-up never warmed.
        await _warm_up(engine, endpoint, settings.warm_connections)
        await live.start()
        # What start-up built (schema, models, registry) lives as long as the process: frozen
        # out of the collector's sight, the full collections that a document's first compile
        # triggers no longer walk it (that compile took 2 to 3 times longer without this).
        gc.collect()
        gc.freeze()
        yield
        # Each step bounded: uvicorn awaits the lifespan's end with no limit, and no signal
        # cuts it short, so a step that never ended kept the process alive after SIGTERM.
        await _bounded("live updates", live.stop())  # sockets closed with 1012: clients resume
        await _bounded("the database engine", engine.dispose())

    app = Starlette(
        routes=[
            # Every method reaches the endpoint, which answers the unsupported ones in JSON.
            Route(
                "/graphql",
                endpoint.handle,
                methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
            ),
            WebSocketRoute("/graphql", live.handle),
            Route("/health", health, methods=["GET"]),
            Route("/graphiql/assets/{name}", endpoint.graphiql.asset, methods=["GET"]),
            *health_routes(engine, settings.ready_timeout_seconds),
            *metrics_routes(settings.metrics_token),
        ],
        lifespan=lifespan,
        middleware=_middleware(allowed_origins(settings.cors_origins)),
    )
    app.state.engine = engine
    app.state.bookkeeping = bookkeeping
    app.state.graphql = endpoint
    app.state.live = live
    app.state.settings = settings
    app.state.draining = False
    app.state.shutdown_hooks = [functools.partial(_start_draining, app)]  # ops/shutdown.py
    return app


async def _warm_up(engine: AsyncEngine, endpoint: GraphQLEndpoint, connections: int) -> None:
    """Before the first request: the fast path's and the sign-in's code run once, and the
    worker's first connections opened and warmed (models/db.py warm_pool). Best effort."""
    warmers: list[Warmer] = [endpoint.authenticator.warm_up]
    if endpoint.fast is not None:
        warmers.append(await endpoint.fast.warm_up(WARM_UP_SECONDS))
    await warm_pool(engine, connections, timeout=WARM_UP_SECONDS, warmers=warmers)
    try:  # the first marker, read now (bounded: a database that does not answer at all)
        async with asyncio.timeout(WARM_UP_SECONDS):
            await endpoint.authenticator.revocations.changed()
            # After the marker: a token revoked from now on changes it (schema/auth.py).
            await endpoint.authenticator.preload()
    except Exception:
        log.debug("warm-up: the revocation marker or the recent tokens were not read",
                  exc_info=True)  # fmt: skip


async def _bounded(what: str, step: Coroutine[Any, Any, None]) -> None:
    """A shutdown step, given up (and logged) after STOP_SECONDS; a failed one is logged. Run
    as a task of its own and waited for, so that a step that ignores its cancellation cannot
    hold the shutdown either (ops/shutdown.py's watchdog ends a process that still hangs)."""
    task = asyncio.ensure_future(step)
    done, _ = await asyncio.wait({task}, timeout=STOP_SECONDS)
    if not done:
        task.cancel()
        log.error("shutdown: %s did not stop within %g s; going on", what, STOP_SECONDS)
    elif not task.cancelled() and task.exception() is not None:
        log.error("shutdown: stopping %s failed", what, exc_info=task.exception())


async def _start_draining(app: Starlette) -> None:
    """The first shutdown hook: /health/ready answers 503 from now on."""
    app.state.draining = True


def _middleware(cors_origins: frozenset[str]) -> list[Middleware]:
    """CORS (outermost, so preflights never reach the endpoint) when origins are listed; gzip."""
    from starlette.middleware.gzip import GZipMiddleware

    from schema.cors import CORSMiddleware

    # Level 6: nearly level 9's size for a fraction of its CPU on JSON (bench/README.md).
    gzip = Middleware(GZipMiddleware, minimum_size=1000, compresslevel=6)
    return [Middleware(CORSMiddleware, origins=cors_origins), gzip] if cors_origins else [gzip]


def migrate(database_url: str) -> None:
    """Bring the database to the newest schema (creates it from nothing on first run)."""
    logging.getLogger("alembic").setLevel(logging.WARNING)  # before import: it logs then
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["database_url"] = database_url
    command.upgrade(config, "head")


async def create_user(database_url: str, email: str, name: str, role: str) -> int:
    from models import Role, User
    from models.db import make_sessionmaker

    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine).begin() as session:
            user = User(email=email.strip().lower(), name=name, role=Role(role))
            session.add(user)
            await session.flush()
            return user.id
    finally:
        await engine.dispose()


async def create_token(database_url: str, email: str) -> str | None:
    from models import ApiToken, User
    from models.db import make_sessionmaker
    from models.user import hash_token, new_token

    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine).begin() as session:
            user_id = (
                await session.execute(select(User.id).where(User.email == email.strip().lower()))
            ).scalar_one_or_none()
            if user_id is None:
                return None
            token = new_token()
            session.add(ApiToken(user_id=user_id, token_hash=hash_token(token)))
            return token
    finally:
        await engine.dispose()


async def load_demo(database_url: str) -> dict[str, str] | None:
    """Demo data into an empty database; the tokens of the demo users, or None if not empty."""
    from models import User
    from models.db import make_sessionmaker
    from models.demo import seed_demo

    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine).begin() as session:
            if (await session.execute(select(func.count()).select_from(User))).scalar_one():
                return None
            return await seed_demo(session)
    finally:
        await engine.dispose()


async def expire_plans(database_url: str, admin_email: str, before: dt.date) -> int | None:
    from models import Role, User
    from models.db import make_sessionmaker
    from resolvers.context import new_context
    from resolvers.plan_mutations import expire_plans as expire
    from resolvers.visibility import Viewer

    engine = make_engine(database_url)
    try:
        async with make_sessionmaker(engine)() as session:
            user = (
                await session.execute(select(User).where(User.email == admin_email.lower()))
            ).scalar_one_or_none()
        if user is None or user.role is not Role.ADMIN:
            return None
        viewer = Viewer(user.id, user.role, user.name, user.email)
        context = new_context(engine, make_writer_sessionmaker(engine), viewer)
        return await expire(context, None, before)
    finally:
        await engine.dispose()


def settings_problem(settings: Settings) -> str | None:
    """Why the settings cannot serve, said before anything starts; None when they can."""
    from schema.cors import allowed_origins
    from schema.persisted import load_manifest

    try:
        allowed_origins(settings.cors_origins)
        if settings.trusted_documents:
            load_manifest(settings.trusted_documents)
    except ValueError as error:
        return str(error)
    return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="server.py", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="migrate, then serve GraphQL at /graphql")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--demo", action="store_true", help="load demo data into an empty database")
    serve.add_argument("--workers", type=int, default=1)
    commands.add_parser("migrate", help="bring the database to the newest schema")
    user = commands.add_parser("create-user", help="add a user")
    user.add_argument("email")
    user.add_argument("--name", required=True)
    user.add_argument("--role", required=True, choices=["account_manager", "reviewer", "admin"])
    token = commands.add_parser("create-token", help="print a new API token for a user")
    token.add_argument("email")
    tokens = commands.add_parser("list-tokens", help="list a user's API tokens (id first)")
    tokens.add_argument("email")
    revoke = commands.add_parser("revoke-token", help="revoke an API token on every server")
    revoke.add_argument("id", type=int)
    expire = commands.add_parser("expire-plans", help="expire active plans of ended periods")
    expire.add_argument("--by", required=True, help="the administrator recorded in the history")
    expire.add_argument(
        "--before",
        type=dt.date.fromisoformat,
        default=dt.date.today(),
        help="expire plans whose period ended before this date (default today)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings.from_env()
    problem = settings_problem(settings)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    configure_logging(settings.log_level, settings.log_format)
    url = settings.database_url
    if args.command in ("serve", "migrate"):
        migrate(settings.listen_database_url or url)  # DDL on a direct connection
    if args.command == "migrate":
        print("database is at the newest schema")
    elif args.command == "serve":
        return _serve(args, settings)
    elif args.command == "create-user":
        user_id = asyncio.run(create_user(url, args.email, args.name, args.role))
        print(f"created user {args.email} ({args.role}), id {user_id}")
    elif args.command == "create-token":
        token = asyncio.run(create_token(url, args.email))
        if token is None:
            print(f"no user with e-mail {args.email}", file=sys.stderr)
            return 1
        print("A new API token (shown once; send it as 'Authorization: Bearer <token>'):")
        print(token)
    elif args.command in ("list-tokens", "revoke-token"):
        return _tokens(args, url)
    elif args.command == "expire-plans":
        count = asyncio.run(expire_plans(url, args.by, args.before))
        if count is None:
            print(f"{args.by} is not an administrator", file=sys.stderr)
            return 1
        print(f"expired {count} plan(s) of periods that ended before {args.before}")
    return 0


def _tokens(args: argparse.Namespace, url: str) -> int:
    from ops.tokens import list_tokens, revoke_token

    if args.command == "list-tokens":
        tokens = asyncio.run(list_tokens(url, args.email))
        if tokens is None:
            print(f"no user with e-mail {args.email}", file=sys.stderr)
            return 1
        for token in tokens:
            print(token.line())
        return 0
    outcome = asyncio.run(revoke_token(url, args.id))
    if outcome == "not found":
        print(f"no API token with id {args.id}", file=sys.stderr)
        return 1
    print(f"token {args.id}: {outcome}")
    return 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from ops.shutdown import serve as serve_one

    if args.demo:
        tokens = asyncio.run(load_demo(settings.database_url))
        if tokens is None:
            print("the database already has data: demo not loaded")
        else:
            print("Demo data loaded. API tokens (send as 'Authorization: Bearer <token>'):")
            for email, token in tokens.items():
                print(f"  {email:32} {token}")
    print(f"GraphiQL: http://{args.host}:{args.port}/graphql")
    if args.workers > 1:
        from models.db import is_sqlite
        from workers import serve

        if is_sqlite(settings.database_url):
            print("--workers above 1 needs PostgreSQL: on SQLite, live updates are delivered "
                  "within one process only. Serve with one worker.", file=sys.stderr)  # fmt: skip
            return 2

        return serve(app_from_env, args.host, args.port, args.workers)
    serve_one(create_app(settings), args.host, args.port, settings.drain_timeout_seconds,
              delay=settings.shutdown_delay_seconds)  # fmt: skip
    return 0


def app_from_env() -> Starlette:
    """The app of a worker process (workers.py), with the log format of the environment."""
    settings = Settings.from_env()
    configure_logging(settings.log_level, settings.log_format)
    return create_app(settings)


if __name__ == "__main__":
    sys.exit(main())
