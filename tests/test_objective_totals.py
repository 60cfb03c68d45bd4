"""The objectives' totals kept on write (models/objective_totals.py): after every kind of
write that moves an item or an objective, each objective's stored totals equal its subtree's
items counted afresh, on both databases; and on PostgreSQL two transactions completing
activities of one objective at once count both."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from models import objective_totals as totals
from models.db import is_sqlite, make_engine
from resolvers.ids import from_global_id
from resolvers.read.sources import SPLIT
from tests import factories as f
from tests.factories import Api


def test_the_totals_split_sums_as_the_reads_do() -> None:
    assert totals.SPLIT == SPLIT


Sums = dict[str, tuple[int, int]]


def add_won(sums: Sums, currency: str, high: int, low: int) -> None:
    """Add a split amount (or split sums) to `sums`, per currency."""
    was_high, was_low = sums.get(currency, (0, 0))
    sums[currency] = (was_high + high, was_low + low)


def totals_of(done: int, sums: Sums) -> tuple[Any, ...]:
    """The kept totals' columns (models/objective_totals.py NAMES) for `done` completed
    activities and the won sums per currency."""
    high, low = sum(h for h, _ in sums.values()), sum(lo for _, lo in sums.values())
    per_currency = tuple(sorted(sums.items())) or None  # hashable: the test keeps a set
    return (done, min(sums, default=None), max(sums, default=None), high, low, per_currency)


def stored_totals(row: Any) -> tuple[Any, ...]:
    """A row of the kept totals' columns, the sums per currency read from their JSON."""
    *first, per_currency = row
    sums = None if per_currency is None else json.loads(per_currency)
    return (*first, None if sums is None else tuple((c, (h, lo)) for c, (h, lo) in sums.items()))


async def expected_totals(connection: AsyncConnection) -> dict[int, tuple[Any, ...]]:
    """Each objective's totals counted from its subtree's items, in Python."""
    rows = await connection.execute(text("SELECT id, parent_id FROM objectives"))
    parent: dict[int, int | None] = {pk: up for pk, up in rows}
    own: dict[int, list[Any]] = {i: [0, {}] for i in parent}
    for (objective,) in await connection.execute(text(
            "SELECT objective_id FROM activities WHERE status = 'COMPLETED' "
            "AND objective_id IS NOT NULL")):  # fmt: skip
        own[objective][0] += 1
    for objective, currency, amount in await connection.execute(text(
            "SELECT objective_id, currency, amount_milli FROM opportunities "
            "WHERE stage = 'CLOSED_WON' AND objective_id IS NOT NULL")):  # fmt: skip
        add_won(own[objective][1], currency, amount // SPLIT, amount % SPLIT)
    out = {}
    for root in parent:
        below = {root}
        while True:
            more = {i for i, p in parent.items() if p in below} - below
            if not more:
                break
            below |= more
        sums: Sums = {}
        for i in below:
            for currency, (high, low) in own[i][1].items():
                add_won(sums, currency, high, low)
        out[root] = totals_of(sum(own[i][0] for i in below), sums)
    return out


async def kept_totals(connection: AsyncConnection) -> dict[int, tuple[Any, ...]]:
    rows = await connection.execute(text(f"SELECT id, {', '.join(totals.NAMES)} FROM objectives"))
    return {row[0]: stored_totals(row[1:]) for row in rows}


def _pk(global_id: str) -> int:
    found = from_global_id(global_id)
    assert found is not None
    return found[1]


async def test_the_totals_follow_every_write_of_items_and_objectives(
    api: Api, database_url: str
) -> None:
    year = await f.period(api)
    acme = await f.account(api)
    new = {"periodId": year, "target": "10", "unit": "calls"}
    top = await api.create("createObjective", {"name": "top", **new})
    mid = await api.create("createObjective", {"name": "mid", **new, "parentObjectiveId": top})
    leaf = await api.create("createObjective", {"name": "leaf", **new, "parentObjectiveId": mid})
    other = await api.create("createObjective", {"name": "other", **new})
    for objective, status in [(top, "COMPLETED"), (mid, "COMPLETED"), (leaf, "COMPLETED"),
                              (leaf, "IN_PROGRESS"), (other, "COMPLETED")]:  # fmt: skip
        activity = await api.create("createActivity", {"type": "CALL", "subject": "Call",
                                                       "objectiveId": objective})  # fmt: skip
        await api.mutate("changeActivityStatus", {"id": activity, "status": status})
    deal = {"accountId": acme, "stage": "CLOSED_WON"}
    await api.create("createOpportunity", {**deal, "name": "a", "objectiveId": leaf,
                                           "amount": {"amount": "400.5", "currency": "EUR"}})  # fmt: skip
    await api.create("createOpportunity", {**deal, "name": "b", "objectiveId": mid,
                                           "amount": {"amount": "999999999999999", "currency": "USD"}})  # fmt: skip
    await api.create("createOpportunity", {**deal, "name": "c", "objectiveId": other,
                                           "amount": {"amount": "7", "currency": "CHF"}})  # fmt: skip
    await api.create("createOpportunity", {**deal, "name": "d", "objectiveId": top, "stage": "PROPOSAL",
                                           "amount": {"amount": "5", "currency": "AUD"}})  # fmt: skip

    engine = make_engine(database_url)
    seen = []
    writes = [
        # an activity moves from the leaf to the other objective, one leaves its objective
        f"UPDATE activities SET objective_id = {_pk(other)} WHERE objective_id = {_pk(leaf)} "
        "AND status = 'COMPLETED'",
        f"UPDATE activities SET objective_id = NULL WHERE objective_id = {_pk(top)}",
        # an opportunity is lost, another changes currency and amount, a proposal is won
        "UPDATE opportunities SET stage = 'CLOSED_LOST' WHERE name = 'c'",
        "UPDATE opportunities SET currency = 'JPY', amount_milli = 123456789012 WHERE name = 'b'",
        "UPDATE opportunities SET stage = 'CLOSED_WON' WHERE name = 'd'",
        # the middle objective (with its leaf) moves below the other one, then back to the top
        f"UPDATE objectives SET parent_id = {_pk(other)} WHERE id = {_pk(mid)}",
        f"UPDATE objectives SET parent_id = {_pk(top)} WHERE id = {_pk(mid)}",
        # the leaf's items are deleted, then the leaf itself
        f"DELETE FROM activities WHERE objective_id = {_pk(leaf)}",
        f"DELETE FROM opportunities WHERE objective_id = {_pk(leaf)}",
        f"DELETE FROM objectives WHERE id = {_pk(leaf)}",
    ]
    try:
        async with engine.connect() as connection:
            assert await kept_totals(connection) == await expected_totals(connection)
            for write in writes:
                await connection.execute(text(write))
                await connection.commit()
                stored, expected = await kept_totals(connection), await expected_totals(connection)
                assert stored == expected, write
                seen.append(stored[_pk(top)])
    finally:
        await engine.dispose()
    # The top objective's totals moved with the writes below it (the checks were not vacuous).
    assert len(set(seen)) >= 5
    assert seen[-1][1:3] == ("AUD", "JPY")


async def complete_both_at_once(engine: AsyncEngine, activities: list[int]) -> None:
    """Two transactions each complete one of two activities: the second waits for the
    first's lock on the objective (inside its trigger), and commits after it."""
    complete = "UPDATE activities SET status = 'COMPLETED' WHERE id = :id"
    async with engine.connect() as first, engine.connect() as second:
        await first.execute(text(complete), {"id": activities[0]})
        waiting = asyncio.create_task(second.execute(text(complete), {"id": activities[1]}))
        await asyncio.sleep(0.3)
        assert not waiting.done()
        await first.commit()
        await waiting
        await second.commit()


async def test_concurrent_writers_of_one_objective_both_count(api: Api, database_url: str) -> None:
    if is_sqlite(database_url):
        pytest.skip("SQLite has one writer at a time")
    year = await f.period(api)
    goal = await api.create("createObjective", {"name": "calls", "periodId": year,
                                                "target": "2", "unit": "calls"})  # fmt: skip
    activity = {"type": "CALL", "subject": "Call", "objectiveId": goal}
    activities = [_pk(await api.create("createActivity", activity)) for _ in range(2)]
    engine = make_engine(database_url)
    try:
        await complete_both_at_once(engine, activities)
        async with engine.connect() as connection:
            done = (await connection.execute(text(
                "SELECT done_activities FROM objectives WHERE id = :id"), {"id": _pk(goal)})).scalar_one()  # fmt: skip
    finally:
        await engine.dispose()
    assert done == 2


async def test_a_write_that_counts_neither_before_nor_after_recomputes_nothing(
    api: Api, database_url: str
) -> None:
    """An open activity added, an open deal re-priced: no total can move, and the triggers
    leave the objective alone (on PostgreSQL they would lock its row to recompute it: another
    transaction's FOR NO KEY UPDATE NOWAIT shows whether they did; the foreign key's KEY SHARE
    lock does not conflict with it). A completed one does lock it."""
    if is_sqlite(database_url):
        pytest.skip("row locks are PostgreSQL's")
    year = await f.period(api)
    acme = await f.account(api)
    goal = await api.create("createObjective", {"name": "calls", "periodId": year,
                                                "target": "2", "unit": "calls"})  # fmt: skip
    deal = await api.create("createOpportunity", {"name": "d", "accountId": acme, "objectiveId": goal,
                                                  "amount": {"amount": "5", "currency": "EUR"}})  # fmt: skip
    insert = ("INSERT INTO activities (type, subject, status, owner_id, objective_id, created_at) "
              "SELECT 'CALL', 'Call', :status, owner_id, :goal, created_at FROM opportunities "
              "WHERE id = :deal")  # fmt: skip
    ids = {"goal": _pk(goal), "deal": _pk(deal)}
    writes: list[tuple[str, dict[str, Any], bool]] = [
        (insert, {**ids, "status": "NOT_STARTED"}, False),
        ("UPDATE opportunities SET amount_milli = 9000 WHERE id = :deal", ids, False),
        (insert, {**ids, "status": "COMPLETED"}, True),
    ]
    engine = make_engine(database_url)
    locked = []
    try:
        for write, values, _ in writes:
            async with engine.connect() as writer, engine.connect() as other:
                await writer.execute(text(write), values)
                try:
                    await other.execute(text(
                        "SELECT id FROM objectives WHERE id = :goal FOR NO KEY UPDATE NOWAIT"), ids)  # fmt: skip
                    locked.append(False)
                except DBAPIError:
                    locked.append(True)
                await other.rollback()
                await writer.commit()
        async with engine.connect() as connection:
            assert await kept_totals(connection) == await expected_totals(connection)
    finally:
        await engine.dispose()
    assert locked == [expected for *_, expected in writes]
