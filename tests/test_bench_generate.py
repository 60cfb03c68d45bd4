"""The benchmark generator: the standard shape, usable ids, determinism, refusal, the CLI."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text

from bench.generate import Generated, NotEmptyError, generate, main
from bench.shape import TABLES, Codec, account_rows, empty_rows
from models import Account, Activity, ApiToken, BusinessPlan, PlanStatus, User
from models.db import make_engine, make_sessionmaker
from models.user import hash_token

N = 3
# The shape formula, written out: 5 contacts; an annual plan with 4 quarters (5 plans) of
# 5 objectives with 5 opportunities with 8 activities each; per contact one plan, one
# objective and one activity; 20 global objectives; 12 users, 2 tokens, 5 periods.
EXPECTED = {
    "users": 12, "api_tokens": 2, "periods": 5,
    "accounts": N, "contacts": N * 5, "account_contacts": N * 5,
    "business_plans": N * 5 + N * 5, "plan_accounts": N * 5, "plan_contacts": N * 5,
    "plan_status_changes": N * 5 + N * 5,
    "objectives": N * (5 * 5 + 5) + 20,
    "opportunities": N * 5 * 5 * 5, "plan_opportunities": N * 5 * 5 * 5,
    "activities": N * (5 * 5 * 5 * 8 + 5),
}  # fmt: skip
PRIMARY_KEYS = {
    "account_contacts": "account_id, contact_id",
    "plan_accounts": "plan_id, account_id",
    "plan_contacts": "plan_id, contact_id",
    "plan_opportunities": "plan_id, opportunity_id",
}


def quiet(_: str) -> None:
    pass


async def run(url: str, seed: int = 7) -> Generated:
    return await generate(url, N, seed, batch=2, progress=quiet)  # 2 batches: exercise chunking


async def scalar(url: str, sql: str) -> object:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            return (await connection.execute(text(sql))).scalar()
    finally:
        await engine.dispose()


async def checksum(url: str) -> str:
    """A digest of every generated row (tokens are random by design, so they are left out)."""
    digest = hashlib.sha256()
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            for table in TABLES:
                if table != "api_tokens":
                    order = PRIMARY_KEYS.get(table, "id")
                    rows = await connection.execute(text(f"SELECT * FROM {table} ORDER BY {order}"))
                    digest.update(repr(rows.all()).encode())
    finally:
        await engine.dispose()
    return digest.hexdigest()


async def wipe(url: str) -> None:
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            for table in reversed(TABLES):
                await connection.execute(text(f"DELETE FROM {table}"))
    finally:
        await engine.dispose()


async def test_generates_the_standard_shape(database_url: str) -> None:
    result = await run(database_url)

    counts = {t: await scalar(database_url, f"SELECT count(*) FROM {t}") for t in TABLES}
    assert counts == EXPECTED
    assert result.rows == sum(EXPECTED.values())


async def test_postgresql_data_are_vacuumed_and_analyzed(database_url: str) -> None:
    """As autovacuum leaves them, even where it is off: statistics for the planner, and pages
    marked all-visible (index-only scans then skip the table); SQLite is left as loaded."""
    await run(database_url)

    if database_url.startswith("sqlite"):
        assert await scalar(database_url, "SELECT count(*) FROM sqlite_master "
                            "WHERE name = 'sqlite_stat1'") == 0  # fmt: skip
        return
    names = ", ".join(f"'{table}'" for table in TABLES)
    analyzed = await scalar(database_url, "SELECT count(*) FROM pg_stat_user_tables WHERE "
                            f"relname IN ({names}) AND last_analyze IS NOT NULL "
                            "AND last_vacuum IS NOT NULL")  # fmt: skip
    assert analyzed == len(TABLES)
    visible = await scalar(database_url, "SELECT relallvisible FROM pg_class "
                           "WHERE relname = 'activities'")  # fmt: skip
    assert isinstance(visible, int) and visible > 0


async def test_rows_read_back_through_the_models(database_url: str) -> None:
    result = await run(database_url)

    async with make_sessionmaker(engine := make_engine(database_url))() as session:
        quarter = await session.get(BusinessPlan, 2)
        admin_id = await session.scalar(
            select(ApiToken.user_id).where(ApiToken.token_hash == hash_token(result.token))
        )
        admin = await session.get(User, admin_id)
    await engine.dispose()
    assert quarter is not None and admin is not None
    assert (quarter.name, quarter.parent_id) == ("Account 1 Q1", 1)
    assert quarter.status is PlanStatus.DRAFT
    assert isinstance(quarter.revenue_target, Decimal)
    assert quarter.created_at.tzinfo is not None
    assert admin.email == result.user
    stages = await scalar(database_url, "SELECT count(DISTINCT stage) FROM opportunities")
    creations = await scalar(
        database_url,
        "SELECT count(*) FROM plan_status_changes "
        "WHERE version = 1 AND from_status IS NULL AND to_status = 'DRAFT'",
    )
    globals_ = await scalar(
        database_url,
        "SELECT count(*) FROM objectives WHERE account_id IS NULL AND contact_id IS NULL",
    )
    assert (stages, creations, globals_) == (6, EXPECTED["business_plans"], 20)


async def test_orm_inserts_after_generation_get_fresh_ids(database_url: str) -> None:
    await run(database_url)

    engine = make_engine(database_url)
    async with make_sessionmaker(engine).begin() as session:
        account = Account(name="Added later")
        activity = Activity(type="CALL", subject="Added later", owner_id=1)
        session.add_all([account, activity])
        await session.flush()
        ids = (account.id, activity.id)
    await engine.dispose()
    assert ids == (N + 1, EXPECTED["activities"] + 1)


async def test_same_seed_same_data(database_url: str) -> None:
    await run(database_url, seed=11)
    first = await checksum(database_url)
    await wipe(database_url)

    await run(database_url, seed=11)

    assert await checksum(database_url) == first


def test_the_seed_changes_the_data() -> None:
    rows = []
    for seed in (1, 2):
        out = empty_rows()
        account_rows(out, Codec(sqlite=True), 0, seed)
        rows.append(out)
    assert rows[0]["activities"] != rows[1]["activities"]
    assert [len(v) for v in rows[0].values()] == [len(v) for v in rows[1].values()]


async def test_refuses_a_database_with_data(database_url: str) -> None:
    await run(database_url)

    with pytest.raises(NotEmptyError, match="accounts"):
        await run(database_url)

    assert await scalar(database_url, "SELECT count(*) FROM accounts") == N


def test_cli_migrates_loads_and_refuses_a_second_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"

    assert main(["--database-url", url, "--accounts", "1", "--seed", "3"]) == 0
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (last["accounts"], last["rows"]) == (1, 1326 + 12 + 2 + 5 + 20)
    assert last["token"].startswith("pg_")

    assert main(["--database-url", url, "--accounts", "1"]) == 2
    assert "refusing" in capsys.readouterr().err
