"""What each account contributed to a global objective, kept on write
(models/account_totals.py): after every kind of write that moves an item, a contact's link or
an objective, the stored rows equal the counts afresh, on both databases; the flag marks
exactly the global trees; on PostgreSQL two transactions adding to one global objective for
one account both count; and actualForAccount reads them (the differential tests compare the
fast path, which reads the rows, with the general path, which counts the items)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from models import account_totals as kept
from models.db import is_sqlite, make_engine
from models.objective_totals import NAMES, SPLIT
from resolvers.ids import from_global_id
from tests import factories as f
from tests.conftest import alembic_config
from tests.factories import Api
from tests.test_objective_totals import (
    Sums,
    add_won,
    complete_both_at_once,
    expected_totals,
    kept_totals,
    stored_totals,
    totals_of,
)


def _pk(global_id: str) -> int:
    found = from_global_id(global_id)
    assert found is not None
    return found[1]


async def _rows(connection: AsyncConnection, sql: str) -> list[Any]:
    return list(await connection.execute(text(sql)))


async def _expected_flags(connection: AsyncConnection) -> dict[int, bool]:
    rows = await _rows(connection, "SELECT id, parent_id, account_id, contact_id FROM objectives")
    parent = {pk: up for pk, up, _, _ in rows}
    is_global = {pk: account is None and contact is None for pk, _, account, contact in rows}

    def flagged(pk: int | None) -> bool:
        while pk is not None:
            if is_global[pk]:
                return True
            pk = parent[pk]
        return False

    return {pk: flagged(pk) for pk in parent}


async def _expected(connection: AsyncConnection) -> dict[tuple[int, int], tuple[Any, ...]]:
    """(objective, account) -> totals of the counted items of the objective's subtree that
    reach the account, for the objectives of a global tree; counted in Python, zeros left
    out."""
    flags = await _expected_flags(connection)
    contacts: dict[int, set[int]] = {}
    for account, contact in await _rows(
        connection, "SELECT account_id, contact_id FROM account_contacts"
    ):
        contacts.setdefault(contact, set()).add(account)  # fmt: skip
    deal_contacts: dict[int, set[int]] = {}
    for deal, contact in await _rows(
        connection, "SELECT opportunity_id, contact_id FROM opportunity_contacts"
    ):
        deal_contacts.setdefault(deal, set()).add(contact)  # fmt: skip
    totals: dict[tuple[int, int], tuple[list[int], Sums]] = {}

    def entry(objective: int, account: int) -> tuple[list[int], Sums]:
        return totals.setdefault((objective, account), ([0], {}))

    for objective, account, contact in await _rows(connection, (
            "SELECT objective_id, account_id, contact_id FROM activities "
            "WHERE status = 'COMPLETED' AND objective_id IS NOT NULL")):  # fmt: skip
        if flags[objective]:
            for reached in ({account} | contacts.get(contact, set())) - {None}:
                entry(objective, reached)[0][0] += 1
    for deal, objective, account, currency, amount in await _rows(connection, (
            "SELECT id, objective_id, account_id, currency, amount_milli FROM opportunities "
            "WHERE stage = 'CLOSED_WON' AND objective_id IS NOT NULL")):  # fmt: skip
        if flags[objective]:
            reached = {account}
            for contact in deal_contacts.get(deal, set()):
                reached |= contacts.get(contact, set())
            for one in reached:
                add_won(entry(objective, one)[1], currency, amount // SPLIT, amount % SPLIT)
    # A row holds the objective's subtree: its own and every objective's below it.
    parent = {pk: up for pk, up in await _rows(connection, "SELECT id, parent_id FROM objectives")}
    subtree: dict[tuple[int, int], tuple[list[int], Sums]] = {}
    for (objective, account), (done, sums) in totals.items():
        up: int | None = objective
        while up is not None and flags[up]:
            row = subtree.setdefault((up, account), ([0], {}))
            row[0][0] += done[0]
            for currency, (high, low) in sums.items():
                add_won(row[1], currency, high, low)
            up = parent[up]
    return {
        key: totals_of(done[0], sums) for key, (done, sums) in subtree.items() if done[0] or sums
    }


async def _stored(connection: AsyncConnection) -> dict[tuple[int, int], tuple[Any, ...]]:
    rows = await _rows(connection, f"SELECT objective_id, account_id, {', '.join(NAMES)} "
                                   f"FROM {kept.TABLE}")  # fmt: skip
    zero = (0, None, None, 0, 0, None)
    totals = {(r[0], r[1]): stored_totals(r[2:]) for r in rows}
    return {key: row for key, row in totals.items() if row != zero}


async def _flags(connection: AsyncConnection) -> dict[int, bool]:
    rows = await _rows(connection, f"SELECT id, {kept.FLAG} FROM objectives")
    return {pk: bool(flag) for pk, flag in rows}


async def test_the_rows_follow_every_write(api: Api, database_url: str) -> None:
    year = await f.period(api)
    acme, globex = await f.account(api, "Acme"), await f.account(api, "Globex")
    carla = await f.contact(api, "Carla", accountIds=[acme, globex])
    dan = await f.contact(api, "Dan", accountIds=[globex])
    new = {"periodId": year, "target": "10", "unit": "calls"}
    launch = await api.create("createObjective", {"name": "launch", **new})  # global
    step = await api.create("createObjective", {"name": "step", **new, "parentObjectiveId": launch,
                                                "accountId": acme})  # fmt: skip
    own = await api.create("createObjective", {"name": "own", **new, "accountId": acme})
    leaf = await api.create("createObjective", {"name": "leaf", **new, "parentObjectiveId": step})
    other = await api.create("createObjective", {"name": "other", **new})  # global
    for objective, where in [(launch, {"accountId": acme}), (launch, {"contactId": carla}),
                             (step, {"accountId": acme, "contactId": dan}),
                             (leaf, {"accountId": globex}), (leaf, {"contactId": carla}),
                             (own, {"accountId": acme}), (launch, {"contactId": dan})]:  # fmt: skip
        activity = await api.create("createActivity", {"type": "CALL", "subject": "Call",
                                                       "objectiveId": objective, **where})  # fmt: skip
        await api.mutate("changeActivityStatus", {"id": activity, "status": "COMPLETED"})
    await api.create("createActivity", {"type": "CALL", "subject": "Open", "objectiveId": launch,
                                        "accountId": globex})  # fmt: skip
    won = {"stage": "CLOSED_WON", "objectiveId": launch}
    await api.create("createOpportunity", {**won, "name": "a", "accountId": acme,
                                           "amount": {"amount": "400.5", "currency": "EUR"}})  # fmt: skip
    await api.create("createOpportunity", {**won, "name": "b", "accountId": globex,
                                           "contactIds": [carla],
                                           "amount": {"amount": "999999999999999", "currency": "USD"}})  # fmt: skip
    await api.create("createOpportunity", {**won, "name": "c", "accountId": globex,
                                           "objectiveId": step, "stage": "PROPOSAL",
                                           "amount": {"amount": "7", "currency": "CHF"}})  # fmt: skip
    await api.mutate("removeAccountContact", {"accountId": globex, "contactId": carla})
    await api.mutate("addAccountContact", {"accountId": acme, "contactId": dan})

    l, s, o = _pk(launch), _pk(step), _pk(own)  # noqa: E741
    writes = [
        # an activity changes its account, another its contact, one is reopened
        f"UPDATE activities SET account_id = {_pk(globex)} WHERE objective_id = {s}",
        f"UPDATE activities SET contact_id = {_pk(carla)} WHERE contact_id = {_pk(dan)} "
        f"AND objective_id = {l}",
        f"UPDATE activities SET status = 'IN_PROGRESS' WHERE objective_id = {l} "
        f"AND account_id = {_pk(acme)}",
        # opportunities: one won, one lost, one changes currency and amount, a contact added
        "UPDATE opportunities SET stage = 'CLOSED_WON' WHERE name = 'c'",
        "UPDATE opportunities SET stage = 'CLOSED_LOST' WHERE name = 'a'",
        "UPDATE opportunities SET currency = 'JPY', amount_milli = 123456789012 WHERE name = 'b'",
        f"INSERT INTO opportunity_contacts (opportunity_id, contact_id) SELECT id, {_pk(dan)} "
        "FROM opportunities WHERE name = 'c'",
        # a contact's links to accounts come and go
        f"INSERT INTO account_contacts (account_id, contact_id) VALUES ({_pk(globex)}, {_pk(carla)})",
        f"DELETE FROM account_contacts WHERE account_id = {_pk(acme)} AND contact_id = {_pk(dan)}",
        # an account's objective moves below the global one, then out; the global one gets an
        # account (its tree stops being global), then loses it again
        # the step moves, with its leaf, below the other global objective, and back
        f"UPDATE objectives SET parent_id = {_pk(other)} WHERE id = {s}",
        f"UPDATE objectives SET parent_id = {l} WHERE id = {s}",
        f"UPDATE objectives SET parent_id = {l} WHERE id = {o}",
        f"UPDATE objectives SET parent_id = NULL WHERE id = {o}",
        f"UPDATE objectives SET account_id = {_pk(acme)} WHERE id = {l}",
        f"UPDATE objectives SET account_id = NULL WHERE id = {l}",
        # an opportunity with a contact is deleted (its links go by the cascade), then the
        # activities of the leaf and the leaf, then the step's and the step itself
        "DELETE FROM opportunities WHERE name = 'b'",
        f"DELETE FROM activities WHERE objective_id = {_pk(leaf)}",
        f"DELETE FROM objectives WHERE id = {_pk(leaf)}",
        f"DELETE FROM activities WHERE objective_id = {s}",
        f"DELETE FROM opportunities WHERE objective_id = {s}",
        f"DELETE FROM objectives WHERE id = {s}",
    ]
    engine = make_engine(database_url)
    seen = []
    try:
        async with engine.connect() as connection:
            assert await _stored(connection) == await _expected(connection)
            assert await _flags(connection) == await _expected_flags(connection)
            seen.append(await _stored(connection))
            for write in writes:
                await connection.execute(text(write))
                await connection.commit()
                assert await _flags(connection) == await _expected_flags(connection), write
                stored = await _stored(connection)
                assert stored == await _expected(connection), write
                seen.append(stored)
    finally:
        await engine.dispose()
    # Not vacuous: the rows changed with the writes, and both accounts had some.
    assert len({tuple(sorted(s.items())) for s in seen}) >= 10
    assert {account for state in seen for _, account in state} == {_pk(acme), _pk(globex)}
    assert any(key[0] == o for state in seen for key in state)  # while below the global one


async def test_concurrent_writers_for_one_account_both_count(api: Api, database_url: str) -> None:
    if is_sqlite(database_url):
        pytest.skip("SQLite has one writer at a time")
    year = await f.period(api)
    acme = await f.account(api)
    launch = await api.create("createObjective", {"name": "launch", "periodId": year,
                                                  "target": "2", "unit": "calls"})  # fmt: skip
    activity = {"type": "CALL", "subject": "Call", "objectiveId": launch, "accountId": acme}
    activities = [_pk(await api.create("createActivity", activity)) for _ in range(2)]
    engine = make_engine(database_url)
    try:
        await complete_both_at_once(engine, activities)
        async with engine.connect() as connection:
            done = (await connection.execute(text(
                f"SELECT done_activities FROM {kept.TABLE} WHERE objective_id = :o "
                "AND account_id = :a"), {"o": _pk(launch), "a": _pk(acme)})).scalar_one()  # fmt: skip
    finally:
        await engine.dispose()
    assert done == 2


async def test_actual_for_account_reads_the_rows(api: Api, database_url: str) -> None:
    """The fast path's actualForAccount is the row's count: a row changed behind the
    triggers' back shows (so the picture reads the rows, not the items)."""
    year = await f.period(api)
    acme = await f.account(api)
    launch = await api.create("createObjective", {"name": "launch", "periodId": year,
                                                  "target": "5", "unit": "calls"})  # fmt: skip
    activity = await api.create("createActivity", {"type": "CALL", "subject": "Call",
                                                   "objectiveId": launch, "accountId": acme})  # fmt: skip
    await api.mutate("changeActivityStatus", {"id": activity, "status": "COMPLETED"})
    query = """query($id: ID!) { account(id: $id) { objectives(first: 10) {
        edges { actualForAccount node { id actual } } } } }"""

    async def read() -> list[Any]:
        data = await api.ok(query, {"id": acme})
        return [(e["node"]["id"], e["actualForAccount"], e["node"]["actual"])
                for e in data["account"]["objectives"]["edges"]]  # fmt: skip

    assert await read() == [(launch, "1", "1")]
    engine = make_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text(f"UPDATE {kept.TABLE} SET done_activities = 4"))
    finally:
        await engine.dispose()
    assert await read() == [(launch, "4", "1")]


# Data as it stood at migration 0016: a global objective with a step (Acme's) and a leaf
# below, Acme's own objective; won deals in three currencies, one reaching Globex through a
# contact; a lost one.
AT_0016 = """
INSERT INTO users (id, email, name, role, created_at) VALUES (1, 'a@x', 'A', 'admin', '2027-01-01')
INSERT INTO periods (id, name, type, start_on, end_on) VALUES (1, 'FY', 'YEAR', '2027-01-01', '2027-12-31')
INSERT INTO accounts (id, name, created_at) VALUES (1, 'Acme', '2027-01-01'), (2, 'Globex', '2027-01-01')
INSERT INTO contacts (id, first_name, last_name, created_at) VALUES (1, 'Carla', 'C', '2027-01-01')
INSERT INTO account_contacts (account_id, contact_id) VALUES (2, 1)
INSERT INTO objectives (id, name, status, period_id, measure, created_at) VALUES (1, 'launch', 'DRAFT', 1, 'WON_REVENUE', '2027-01-01')
INSERT INTO objectives (id, name, status, period_id, parent_id, account_id, measure, created_at) VALUES (2, 'step', 'DRAFT', 1, 1, 1, 'WON_REVENUE', '2027-01-01')
INSERT INTO objectives (id, name, status, period_id, parent_id, measure, created_at) VALUES (3, 'leaf', 'DRAFT', 1, 2, 'WON_REVENUE', '2027-01-01')
INSERT INTO objectives (id, name, status, period_id, account_id, measure, created_at) VALUES (4, 'own', 'DRAFT', 1, 1, 'WON_REVENUE', '2027-01-01')
INSERT INTO opportunities (id, name, account_id, stage, amount_milli, currency, owner_id, objective_id, created_at) VALUES (1, 'a', 1, 'CLOSED_WON', 400500, 'EUR', 1, 3, '2027-01-01'), (2, 'b', 1, 'CLOSED_WON', 999999999999999000, 'USD', 1, 3, '2027-01-01'), (3, 'c', 1, 'CLOSED_WON', 7000, 'EUR', 1, 2, '2027-01-01'), (4, 'd', 1, 'CLOSED_WON', 5000, 'JPY', 1, 1, '2027-01-01'), (5, 'e', 1, 'CLOSED_LOST', 9000, 'CHF', 1, 1, '2027-01-01'), (6, 'f', 1, 'CLOSED_WON', 12000, 'CHF', 1, 4, '2027-01-01')
INSERT INTO opportunity_contacts (opportunity_id, contact_id) VALUES (4, 1)
"""


def test_the_migration_fills_the_sums_per_currency_and_goes_back(empty_url: str) -> None:
    command.upgrade(alembic_config(empty_url), "0016")
    asyncio.run(_execute(empty_url, AT_0016.strip().splitlines()))
    command.upgrade(alembic_config(empty_url), "head")

    objectives, rows = asyncio.run(_compare(empty_url))
    # The launch's subtree: its own yen (both accounts: Globex through Carla), the step's and
    # the leaf's euros and the leaf's dollars (Acme's); the own objective's francs alone.
    eur, usd = (0, 400500 + 7000), (999999999, 999999000)
    assert objectives[1][-1] == (("EUR", eur), ("JPY", (0, 5000)), ("USD", usd))
    assert objectives[4][-1] == (("CHF", (0, 12000)),)
    assert rows[1, 1][-1] == objectives[1][-1]
    assert rows[1, 2][-1] == (("JPY", (0, 5000)),)

    # Down to 0016 (the column and its triggers go), a deal lost there, and up again.
    command.downgrade(alembic_config(empty_url), "0016")
    asyncio.run(
        _execute(empty_url, ["UPDATE opportunities SET stage = 'CLOSED_LOST' WHERE id = 1"])
    )
    command.upgrade(alembic_config(empty_url), "head")
    objectives, _ = asyncio.run(_compare(empty_url))
    assert objectives[1][-1] == (("EUR", (0, 7000)), ("JPY", (0, 5000)), ("USD", usd))


async def _execute(url: str, statements: list[str]) -> None:
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            for statement in statements:
                await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def _compare(url: str) -> tuple[dict[int, Any], dict[tuple[int, int], Any]]:
    """The stored totals after the migration, each checked against a count afresh."""
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            objectives = await kept_totals(connection)
            assert objectives == await expected_totals(connection)
            rows = await _stored(connection)
            assert rows == await _expected(connection)
            return objectives, rows
    finally:
        await engine.dispose()
