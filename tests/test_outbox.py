"""The outbox: each committed change writes its events in its own transaction, nothing else does."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from models import ChangeEvent
from resolvers.ids import pk_of
from tests import factories as f
from tests.factories import Api


async def events(api: Api) -> list[tuple[str, str, int, int | None]]:
    engine = api.client._transport.app.state.engine  # type: ignore[attr-defined]
    async with engine.connect() as connection:
        rows = (await connection.execute(select(ChangeEvent).order_by(ChangeEvent.id))).all()
    return [(r.kind, r.node_type, r.node_id, r.account_id) for r in rows]


def pk(global_id: str, type_name: str) -> int:
    value = pk_of(global_id, type_name)
    assert value is not None
    return value


async def picture(api: Api) -> dict[str, Any]:
    """An account with a contact; a plan linked only to the contact; a sub-plan below it."""
    ids: dict[str, Any] = {"period": await f.period(api)}
    ids["acme"] = await f.account(api, "Acme")
    ids["carla"] = await f.contact(api, accountIds=[ids["acme"]])
    ids["plan"] = await f.plan(api, "Carla 2027", ids["period"], contactIds=[ids["carla"]])
    ids["sub"] = await f.plan(api, "Carla Q1", ids["period"], parentPlanId=ids["plan"])
    return ids


async def test_a_plan_linked_to_a_contact_reaches_the_contacts_account(api: Api) -> None:
    ids = await picture(api)
    acme = pk(ids["acme"], "Account")

    got = await events(api)

    assert ("CREATED", "Account", acme, acme) in got
    assert ("CREATED", "Contact", pk(ids["carla"], "Contact"), acme) in got
    assert ("CREATED", "BusinessPlan", pk(ids["plan"], "BusinessPlan"), acme) in got
    # A sub-plan shows in its root's tree, so it reaches the root's accounts.
    assert ("CREATED", "BusinessPlan", pk(ids["sub"], "BusinessPlan"), acme) in got
    assert len(got) == len(set(got))


async def test_a_status_move_records_its_history_row_and_who(api: Api) -> None:
    ids = await picture(api)
    before = len(await events(api))

    payload = await api.mutate(
        "changeBusinessPlanStatus", {"id": ids["plan"], "status": "SUBMITTED"}
    )

    assert payload["userErrors"] == []
    engine = api.client._transport.app.state.engine  # type: ignore[attr-defined]
    async with engine.connect() as connection:
        rows = (await connection.execute(select(ChangeEvent).order_by(ChangeEvent.id))).all()
    new = rows[before:]
    assert [(r.kind, r.node_type, r.account_id) for r in new] == [
        ("STATUS_CHANGED", "BusinessPlan", pk(ids["acme"], "Account"))
    ]
    assert new[0].history_id is not None and new[0].changed_by_id is not None


async def test_a_global_objective_reaches_every_account_once(api: Api) -> None:
    period = await f.period(api)

    await api.create("createObjective", {"name": "Launch Nova X", "periodId": period})

    got = await events(api)
    assert [e for e in got if e[1] == "Objective"] == [("CREATED", "Objective", 1, None)]


async def test_a_refused_mutation_writes_no_event(api: Api) -> None:
    ids = await picture(api)
    before = await events(api)

    refused = await api.mutate(
        "changeBusinessPlanStatus",
        {"id": ids["plan"], "status": "FINAL_APPROVED", "expectedVersion": 99},
    )
    invalid = await api.mutate(
        "createBusinessPlan", {"name": "Carla 2027", "type": "ACCOUNT", "periodId": ids["period"]}
    )

    assert refused["userErrors"] and invalid["userErrors"]
    assert await events(api) == before


async def test_link_and_unlink_reach_the_account_they_touch(api: Api) -> None:
    ids = await picture(api)
    other = await f.account(api, "Other")
    before = len(await events(api))

    await api.mutate("addPlanAccount", {"planId": ids["plan"], "accountId": other})
    await api.mutate("removePlanAccount", {"planId": ids["plan"], "accountId": other})

    plan, acme, oth = (
        pk(ids["plan"], "BusinessPlan"),
        pk(ids["acme"], "Account"),
        pk(other, "Account"),
    )
    assert (await events(api))[before:] == [
        ("LINKED", "BusinessPlan", plan, acme),
        ("LINKED", "BusinessPlan", plan, oth),
        ("UNLINKED", "BusinessPlan", plan, acme),
        ("UNLINKED", "BusinessPlan", plan, oth),
    ]
