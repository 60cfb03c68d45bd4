"""The demo data: DOMAIN.md's story, written with the ORM inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import demo_data as d
from models.account import Account, AccountContact, AccountTeamMember, Contact
from models.activity import Activity
from models.money import ExchangeRate
from models.objective import Objective, default_measure
from models.opportunity import Opportunity, OpportunityContact
from models.period import Period
from models.plan import (
    BusinessPlan,
    PlanAccount,
    PlanContact,
    PlanOpportunity,
    PlanStatus,
    PlanStatusChange,
)
from models.plan_copy import CopyRequest, copy_plan
from models.user import ApiToken, User, hash_token, new_token

STEP = dt.timedelta(days=7)


@dataclass
class _Ids:
    """The ids of the rows made so far, by their key in demo_data."""

    users: dict[str, int] = field(default_factory=dict)
    periods: dict[str, int] = field(default_factory=dict)
    period_rows: dict[str, Period] = field(default_factory=dict)
    accounts: dict[str, int] = field(default_factory=dict)
    contacts: dict[str, int] = field(default_factory=dict)
    plans: dict[str, int] = field(default_factory=dict)
    objectives: dict[str, int] = field(default_factory=dict)
    opportunities: dict[str, int] = field(default_factory=dict)
    activities: dict[str, Activity] = field(default_factory=dict)


async def seed_demo(session: AsyncSession) -> dict[str, str]:
    """Insert the demo; return {e-mail: API token} of every demo user."""
    ids = _Ids()
    tokens = await _users(session, ids)
    await _periods(session, ids)
    session.add_all(ExchangeRate(base=b, quote=q, rate=Decimal(r)) for b, q, r in d.RATES)
    await _accounts(session, ids)
    await _contacts(session, ids)
    for spec in d.PLANS:
        await _plan(session, ids, spec)
    for objective in d.OBJECTIVES:
        if objective.key not in ids.objectives:  # those of copied plans are made already
            await _objective(session, ids, objective)
    for opportunity in d.OPPORTUNITIES:
        await _opportunity(session, ids, opportunity)
    for activity in d.ACTIVITIES:
        await _activity(session, ids, activity)
    await session.flush()
    return tokens


async def _add(session: AsyncSession, row: Any) -> int:
    session.add(row)
    await session.flush()
    return int(row.id)


async def _users(session: AsyncSession, ids: _Ids) -> dict[str, str]:
    tokens: dict[str, str] = {}
    for key, (email, name, role) in d.USERS.items():
        ids.users[key] = await _add(session, User(email=email, name=name, role=role))
        tokens[email] = new_token()
        session.add(ApiToken(user_id=ids.users[key], token_hash=hash_token(tokens[email])))
    return tokens


async def _periods(session: AsyncSession, ids: _Ids) -> None:
    for key, (name, kind, start, end, parent) in d.PERIODS.items():
        row = Period(
            name=name,
            type=kind,
            start_on=start,
            end_on=end,
            parent_id=ids.periods[parent] if parent else None,
        )
        ids.periods[key] = await _add(session, row)
        ids.period_rows[key] = row


async def _accounts(session: AsyncSession, ids: _Ids) -> None:
    for key, (name, parent, owner) in d.ACCOUNTS.items():
        row = Account(
            name=name, owner_id=ids.users[owner], parent_id=ids.accounts[parent] if parent else None
        )
        ids.accounts[key] = await _add(session, row)
    session.add_all(
        AccountTeamMember(account_id=ids.accounts[a], user_id=ids.users[u], role=role)
        for a, u, role in d.TEAM
    )


async def _contacts(session: AsyncSession, ids: _Ids) -> None:
    for key, (first, last, email, accounts) in d.CONTACTS.items():
        row = Contact(first_name=first, last_name=last, email=email)
        ids.contacts[key] = await _add(session, row)
        session.add_all(
            AccountContact(account_id=ids.accounts[a], contact_id=ids.contacts[key])
            for a in accounts
        )


def _history(ids: _Ids, spec: d.PlanSpec) -> list[PlanStatusChange]:
    """The creation, then each step a week apart; an expiry comes after the period's end."""
    owner = ids.users[spec.owner]
    period = ids.period_rows[spec.period]
    at = dt.datetime.combine(period.start_on, dt.time(9), dt.UTC) - 8 * STEP
    changes = [
        PlanStatusChange(
            version=1,
            from_status=None,
            to_status=PlanStatus.DRAFT,
            changed_by_id=owner,
            changed_at=at,
        )
    ]
    for version, (status, who, comment) in enumerate(spec.steps, start=2):
        at += STEP
        if status is PlanStatus.EXPIRED:
            at = dt.datetime.combine(period.end_on, dt.time(18), dt.UTC) + STEP
        changes.append(
            PlanStatusChange(
                version=version,
                from_status=changes[-1].to_status,
                to_status=status,
                changed_by_id=owner if who == "owner" else ids.users[who],
                changed_at=at,
                comment=comment,
            )
        )
    return changes


async def _plan(session: AsyncSession, ids: _Ids, spec: d.PlanSpec) -> None:
    history = _history(ids, spec)
    if spec.copy_of is not None:
        await _copied_plan(session, ids, spec, history)
        return
    plan = BusinessPlan(
        name=spec.name,
        type=spec.type,
        period_id=ids.periods[spec.period],
        owner_id=ids.users[spec.owner],
        status=history[-1].to_status,
        description=spec.description,
        currency="EUR",
        revenue_target=Decimal(spec.target) if spec.target is not None else None,
        parent_id=ids.plans[spec.parent] if spec.parent else None,
        version=history[-1].version,
        created_at=history[0].changed_at,
        updated_at=history[-1].changed_at,
    )
    ids.plans[spec.key] = await _add(session, plan)
    for change in history:
        change.plan_id = plan.id
    session.add_all(history)
    session.add_all(
        PlanAccount(plan_id=plan.id, account_id=ids.accounts[a], is_primary=index == 0)
        for index, a in enumerate(spec.accounts)
    )
    session.add_all(PlanContact(plan_id=plan.id, contact_id=ids.contacts[c]) for c in spec.contacts)


async def _copied_plan(
    session: AsyncSession, ids: _Ids, spec: d.PlanSpec, history: list[PlanStatusChange]
) -> None:
    """The plan as copyBusinessPlan makes it from `copy_of`, then edited and moved on."""
    for objective in d.OBJECTIVES:
        if objective.plan == spec.copy_of and objective.key not in ids.objectives:
            await _objective(session, ids, objective)
    request = CopyRequest(
        source_id=ids.plans[spec.copy_of or ""],
        period_id=ids.periods[spec.period],
        copier_id=ids.users[spec.owner],
        name=spec.name,
        include_sub_plans=False,
        at=history[0].changed_at,
    )
    plan_id = ids.plans[spec.key] = await copy_plan(session, request)
    plan = await session.get(BusinessPlan, plan_id)
    assert plan is not None
    plan.description = spec.description
    plan.revenue_target = Decimal(spec.target) if spec.target is not None else None
    plan.status, plan.version = history[-1].to_status, history[-1].version
    plan.updated_at = history[-1].changed_at
    for change in history[1:]:  # the copy wrote the creation entry
        change.plan_id = plan_id
    session.add_all(history[1:])
    await _link_missing(session, ids, plan_id, spec)


async def _link_missing(session: AsyncSession, ids: _Ids, plan_id: int, spec: d.PlanSpec) -> None:
    """The spec's accounts and contacts that the copy did not bring along."""
    linked = select(PlanAccount.account_id).where(PlanAccount.plan_id == plan_id)
    accounts = set((await session.execute(linked)).scalars())
    session.add_all(
        PlanAccount(plan_id=plan_id, account_id=ids.accounts[a], is_primary=not accounts)
        for a in spec.accounts
        if ids.accounts[a] not in accounts
    )
    linked = select(PlanContact.contact_id).where(PlanContact.plan_id == plan_id)
    contacts = set((await session.execute(linked)).scalars())
    session.add_all(
        PlanContact(plan_id=plan_id, contact_id=ids.contacts[c])
        for c in spec.contacts
        if ids.contacts[c] not in contacts
    )


def _key(table: dict[str, int], key: str | None) -> int | None:
    return table[key] if key is not None else None


async def _objective(session: AsyncSession, ids: _Ids, spec: d.ObjectiveSpec) -> None:
    row = Objective(
        name=spec.name,
        status=spec.status,
        period_id=ids.periods[spec.period],
        plan_id=_key(ids.plans, spec.plan),
        parent_id=_key(ids.objectives, spec.parent),
        account_id=_key(ids.accounts, spec.account),
        contact_id=_key(ids.contacts, spec.contact),
        target=Decimal(spec.target) if spec.target is not None else None,
        unit=spec.unit,
        revenue_target=Decimal(spec.revenue[0]) if spec.revenue else None,
        revenue_target_currency=spec.revenue[1] if spec.revenue else None,
        measure=spec.measure
        or default_measure(spec.target is not None, spec.unit, spec.revenue is not None),
        manual_actual=Decimal(spec.actual) if spec.actual is not None else None,
    )
    ids.objectives[spec.key] = await _add(session, row)


async def _opportunity(session: AsyncSession, ids: _Ids, spec: d.OpportunitySpec) -> None:
    row = Opportunity(
        name=spec.name,
        account_id=ids.accounts[spec.account],
        stage=spec.stage,
        amount=Decimal(spec.amount),
        currency=spec.currency,
        close_on=spec.close_on,
        owner_id=ids.users[spec.owner],
        objective_id=_key(ids.objectives, spec.objective),
    )
    opportunity_id = ids.opportunities[spec.key] = await _add(session, row)
    session.add_all(
        PlanOpportunity(plan_id=ids.plans[p], opportunity_id=opportunity_id) for p in spec.plans
    )
    session.add_all(
        OpportunityContact(opportunity_id=opportunity_id, contact_id=ids.contacts[c], role=role)
        for c, role in spec.contacts
    )


_LINKS = ("account_id", "contact_id", "plan_id", "objective_id", "opportunity_id")


async def _activity(session: AsyncSession, ids: _Ids, spec: d.ActivitySpec) -> None:
    row = Activity(
        type=spec.type,
        subject=spec.subject,
        status=spec.status,
        due_at=spec.due_at,
        owner_id=ids.users[spec.owner],
        account_id=_key(ids.accounts, spec.account),
        contact_id=_key(ids.contacts, spec.contact),
        plan_id=_key(ids.plans, spec.plan),
        objective_id=_key(ids.objectives, spec.objective),
        opportunity_id=_key(ids.opportunities, spec.opportunity),
    )
    if spec.follow_up_of is not None:
        followed = ids.activities[spec.follow_up_of]
        row.follow_up_of_id = followed.id
        for link in _LINKS:  # the API's rule: a follow-up inherits the links it does not set
            if getattr(row, link) is None:
                setattr(row, link, getattr(followed, link))
    await _add(session, row)
    ids.activities[spec.key] = row
