"""PostgreSQL's CPU per picture statement, one checkout against another, taking turns.

    # in each checkout (its own code compiles its statements):
    .venv/bin/python -m bench.statement_ab dump --database-url URL --out before.json
    # then, from any checkout:
    .venv/bin/python -m bench.statement_ab compare before.json@URL_BEFORE after.json@URL_AFTER

`dump` compiles the core and the planning picture (bench/queries) as an administrator for 40
random accounts, as the server would, and writes their SQL and parameters; with `--as EMAIL`
(bench.generate's manager01@bench.example) as that user, for 40 of the accounts they see: an
account manager's statement carries the visibility filters an administrator's does not.
`compare` prepares each statement on a connection of its own (JIT off, as the server's),
warms it, then runs every variant over its accounts round by round, in turns, so that the
machine's other load falls on all alike; it prints the backend's CPU time per statement
(/proc, so PostgreSQL must run on this host), median and least over the rounds, and what the
planning fields cost (planning - core) in each. Each dump runs on its own database URL: a
checkout whose migrations differ needs its own copy of the data (CREATE DATABASE ...
TEMPLATE).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bench.clients import PICTURES
from bench.planning_fields import ADMIN, Variant, _statement, backend_cpu
from resolvers.visibility import Viewer


async def dump(
    database_url: str, accounts: int = 40, seed: int = 1, email: str | None = None
) -> dict[str, Any]:
    from models.db import make_engine
    from resolvers.ids import to_global_id
    from schema import build_schema
    from schema.fast import FastPath
    from settings import Settings

    engine = make_engine(database_url)
    fast = FastPath.for_engine(build_schema(), engine, Settings(database_url=database_url))
    assert fast is not None, "the fast path is off"
    out: dict[str, Any] = {}
    try:
        viewer, seen = await _viewer_and_accounts(engine, email)
        rng = random.Random(seed)
        ids = [to_global_id("Account", rng.choice(seen)) for _ in range(accounts)]
        for name, query in PICTURES.items():
            assert await fast.check(query, {"id": ids[0]}, None), f"the {name} picture is refused"
            sql, parameters = _statement(fast, query, ids, viewer)
            out[name] = {"sql": sql, "parameters": [list(p) for p in parameters]}
    finally:
        await engine.dispose()
    return out


async def _viewer_and_accounts(engine: AsyncEngine, email: str | None) -> tuple[Viewer, list[int]]:
    """The viewer the statements are compiled for (bench.planning_fields' administrator, or
    the user with `email`) and the ids of the accounts they see (resolvers/visibility.py:
    those they own or are on the team of; every account for an administrator)."""
    from sqlalchemy import literal, select

    from models import Account, User
    from resolvers.visibility import visible_account_ids

    async with engine.connect() as connection:
        if email is None:
            viewer = ADMIN
        else:
            user = (await connection.execute(
                select(User.id, User.role, User.name, User.email).where(User.email == email)
            )).one()  # fmt: skip
            viewer = Viewer(user.id, user.role, user.name, user.email)
        query = select(Account.id)
        if not viewer.sees_everything:
            query = visible_account_ids(literal(viewer.user_id))
        seen = sorted((await connection.execute(query)).scalars())
    if not seen:
        raise RuntimeError(f"{viewer.email} sees no account")
    return viewer, seen


async def compare(targets: list[tuple[str, dict[str, Any], str]], rounds: int) -> dict[str, Any]:
    """targets: (label, a dump, its database URL). CPU ms per statement of each variant."""
    statements: dict[str, Variant] = {
        f"{label} {picture}": (url, dumped[picture]["sql"],
                               [tuple(p) for p in dumped[picture]["parameters"]])
        for label, dumped, url in targets
        for picture in PICTURES
    }  # fmt: skip
    cpu = await backend_cpu(statements, rounds)
    out: dict[str, Any] = {}
    for label, _, _ in targets:
        figures = {p: cpu[f"{label} {p}"] for p in PICTURES}
        median, least = {}, {}
        for picture, measured in figures.items():
            if measured is None:
                raise RuntimeError("PostgreSQL's processes are not on this host")
            median[picture], least[picture] = measured["median"], measured["least"]
        out[label] = {
            "median_ms": median,
            "least_ms": least,
            "planning_fields_ms": round(median["planning"] - median["core"], 2),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.statement_ab", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("--database-url", required=True)
    dumping.add_argument("--out", required=True)
    dumping.add_argument(
        "--as", dest="email", help="compile as this user (default: an administrator)"
    )
    comparing = commands.add_parser("compare")
    comparing.add_argument("targets", nargs="+", help="DUMP.json@DATABASE_URL, in order")
    comparing.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    if args.command == "dump":
        with open(args.out, "w") as out:
            json.dump(asyncio.run(dump(args.database_url, email=args.email)), out)
        return 0
    targets = []
    for target in args.targets:
        path, url = target.split("@", 1)
        with open(path) as dumped:
            targets.append((path.rsplit("/", 1)[-1].removesuffix(".json"), json.load(dumped), url))
    for label, figures in asyncio.run(compare(targets, args.rounds)).items():
        print(f"{label}: PostgreSQL CPU per statement, median {figures['median_ms']} ms, least "
              f"{figures['least_ms']} ms; the planning fields cost "
              f"{figures['planning_fields_ms']} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
