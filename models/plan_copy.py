"""copyBusinessPlan's work: a DRAFT copy of a plan (and its sub-plans and objectives) in
another period, written in the caller's transaction after every check has passed.

The caller decides who sees what: `visible_plans` and `visible_objectives` are SQL conditions
(None: all rows); sub-plans and objectives outside them are not copied.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from models.base import utcnow
from models.copy_rules import (
    NAME_MAX,
    copied_comment,
    copy_name,
    matching_period,
    same_length,
    shifted_start,
)
from models.objective import Objective, ObjectiveStatus
from models.period import Period
from models.plan import BusinessPlan, PlanAccount, PlanContact, PlanStatus, PlanStatusChange
from models.refusals import RefusalCode


@dataclass(frozen=True)
class CopyRequest:
    source_id: int
    period_id: int
    copier_id: int
    name: str | None = None  # the top copy's name; None: the default rule
    include_sub_plans: bool = True
    include_objectives: bool = True
    visible_plans: ColumnElement[bool] | None = None
    visible_objectives: ColumnElement[bool] | None = None
    at: dt.datetime | None = None  # when the copy is made (the demo's story sets it)


@dataclass(frozen=True)
class CopyProblem:
    field: str  # the input field it concerns: "name" or "periodId"
    message: str
    code: RefusalCode = RefusalCode.INVALID


class CopyRefused(Exception):
    """The copy cannot be made; nothing was written."""

    def __init__(self, problems: list[CopyProblem]) -> None:
        super().__init__(problems[0].message)
        self.problems = problems


@dataclass
class _Plan:
    """A plan to copy: the source row, its new period and name."""

    source: BusinessPlan
    period: Period | None = None
    name: str = ""
    copy_id: int | None = None


@dataclass
class _Copy:
    request: CopyRequest
    periods: dict[int, Period]
    plans: list[_Plan] = field(default_factory=list)  # parents before their sub-plans
    objectives: list[tuple[Objective, Period | None]] = field(default_factory=list)
    problems: list[CopyProblem] = field(default_factory=list)

    def refuse(self, name: str, message: str, code: RefusalCode = RefusalCode.INVALID) -> None:
        self.problems.append(CopyProblem(name, message, code))


async def copy_plan(session: AsyncSession, request: CopyRequest) -> int:
    """Copy the plan; return the top copy's id, or raise CopyRefused having written nothing."""
    periods = {p.id: p for p in (await session.execute(select(Period))).scalars()}
    source = await session.get(BusinessPlan, request.source_id)
    assert source is not None and request.period_id in periods
    copy = _Copy(request, periods)
    old_top, new_top = periods[source.period_id], periods[request.period_id]
    if not same_length(old_top, new_top):
        copy.refuse(
            "periodId",
            f"'{source.name}' is for a {old_top.type} ({old_top.name}): it can be copied only "
            f"into another {old_top.type}, not into {new_top.name} ({new_top.type}).",
        )
        raise CopyRefused(copy.problems)
    await _collect_plans(session, copy, source)
    _place_plans(copy, old_top, new_top)
    await _check_names(session, copy)
    if request.include_objectives:
        await _collect_objectives(session, copy, old_top, new_top)
    if copy.problems:
        raise CopyRefused(copy.problems)
    await _write_plans(session, copy)
    await _write_objectives(session, copy)
    assert copy.plans[0].copy_id is not None
    return copy.plans[0].copy_id


async def _collect_plans(session: AsyncSession, copy: _Copy, source: BusinessPlan) -> None:
    """The source and, if asked, every visible plan below it, level by level."""
    copy.plans.append(_Plan(source))
    level, seen = [source.id], {source.id}
    while copy.request.include_sub_plans and level:
        query = select(BusinessPlan).where(BusinessPlan.parent_id.in_(level))
        if copy.request.visible_plans is not None:
            query = query.where(copy.request.visible_plans)
        found = (await session.execute(query.order_by(BusinessPlan.id))).scalars().all()
        rows = [row for row in found if row.id not in seen]  # a tree: each plan once
        seen.update(row.id for row in rows)
        copy.plans.extend(_Plan(row) for row in rows)
        level = [row.id for row in rows]


def _place_plans(copy: _Copy, old_top: Period, new_top: Period) -> None:
    """Each plan's new period and name; a sub-plan without a matching period is refused."""
    for index, plan in enumerate(copy.plans):
        old = copy.periods[plan.source.period_id]
        plan.period = matching_period(old_top, old, new_top, copy.periods.values())
        if plan.period is None:
            copy.refuse(
                "periodId",
                f"The sub-plan '{plan.source.name}' is for {old.name}, and {new_top.name} has "
                f"no matching {old.type} (one starting "
                f"{_shifted(old_top, old, new_top).isoformat()}).",
            )
            continue
        given = copy.request.name if index == 0 else None
        plan.name = given or copy_name(
            plan.source.name,
            [(old.name, plan.period.name), (old_top.name, new_top.name)],
        )


def _shifted(old_top: Period, old: Period, new_top: Period) -> dt.date:
    return shifted_start(old_top.start_on, old.start_on, new_top.start_on)


def _described(index: int, plan: _Plan) -> str:
    return "The copy" if index == 0 else f"The copy of the sub-plan '{plan.source.name}'"


async def _check_names(session: AsyncSession, copy: _Copy) -> None:
    """Each copy's name must be free in its period, among existing plans and the other copies."""
    placed = [(i, p) for i, p in enumerate(copy.plans) if p.period is not None]
    keys = [(p.period.id, p.name) for _, p in placed if p.period is not None]
    taken = set()
    if keys:
        query = select(BusinessPlan.period_id, BusinessPlan.name).where(
            tuple_(BusinessPlan.period_id, BusinessPlan.name).in_(keys)
        )
        taken = {(row[0], row[1]) for row in await session.execute(query)}
    for index, plan in placed:
        assert plan.period is not None
        key = (plan.period.id, plan.name)
        if len(plan.name) > NAME_MAX:
            copy.refuse(
                "name",
                f"{_described(index, plan)} would be named '{plan.name[:60]}...', longer than "
                f"{NAME_MAX} characters: "
                + ("give the copy a shorter name." if index == 0 else "shorten its name first."),
            )
        elif key in taken:
            copy.refuse(
                "name",
                f"{_described(index, plan)} would be named '{plan.name}', and a plan of that "
                f"name already exists in {plan.period.name}.",
                RefusalCode.DUPLICATE,
            )
        taken.add(key)


async def _collect_objectives(
    session: AsyncSession, copy: _Copy, old_top: Period, new_top: Period
) -> None:
    """The visible objectives of the copied plans, each with its new period."""
    query = select(Objective).where(Objective.plan_id.in_([p.source.id for p in copy.plans]))
    if copy.request.visible_objectives is not None:
        query = query.where(copy.request.visible_objectives)
    for objective in (await session.execute(query.order_by(Objective.id))).scalars():
        old = copy.periods[objective.period_id]
        period = matching_period(old_top, old, new_top, copy.periods.values())
        if period is None:
            copy.refuse(
                "periodId",
                f"The objective '{objective.name}' is for {old.name}, and {new_top.name} has "
                f"no matching {old.type}.",
            )
        copy.objectives.append((objective, period))


async def _write_plans(session: AsyncSession, copy: _Copy) -> None:
    """Parents first, so each sub-plan's copy hangs below its parent's copy."""
    at = copy.request.at or utcnow()
    copies: dict[int, int] = {}
    for index, plan in enumerate(copy.plans):
        source, period = plan.source, plan.period
        assert period is not None
        row = BusinessPlan(
            name=plan.name,
            type=source.type,
            period_id=period.id,
            owner_id=copy.request.copier_id,
            status=PlanStatus.DRAFT,
            description=source.description,
            currency=source.currency,
            revenue_target=source.revenue_target,
            parent_id=None if index == 0 else copies[_parent_id(source)],
            version=1,
            copied_from_id=source.id,
            created_at=at,
            updated_at=at,
        )
        session.add(row)
        await session.flush()
        plan.copy_id = copies[source.id] = row.id
        await _write_links(session, source.id, row.id)
        session.add(_creation(copy, row.id, at, source))
    await session.flush()


def _parent_id(plan: BusinessPlan) -> int:
    assert plan.parent_id is not None  # a sub-plan, collected through its parent
    return plan.parent_id


def _creation(copy: _Copy, plan_id: int, at: dt.datetime, source: BusinessPlan) -> PlanStatusChange:
    return PlanStatusChange(
        plan_id=plan_id,
        version=1,
        from_status=None,
        to_status=PlanStatus.DRAFT,
        changed_by_id=copy.request.copier_id,
        changed_at=at,
        comment=copied_comment(source.name, copy.periods[source.period_id].name),
    )


async def _write_links(session: AsyncSession, source_id: int, copy_id: int) -> None:
    """The same accounts (the primary one kept) and contacts as the source."""
    accounts = await session.execute(
        select(PlanAccount.account_id, PlanAccount.is_primary).where(
            PlanAccount.plan_id == source_id
        )
    )
    session.add_all(
        PlanAccount(plan_id=copy_id, account_id=account, is_primary=primary)
        for account, primary in accounts
    )
    contacts = await session.execute(
        select(PlanContact.contact_id).where(PlanContact.plan_id == source_id)
    )
    session.add_all(PlanContact(plan_id=copy_id, contact_id=c) for (c,) in contacts)


async def _write_objectives(session: AsyncSession, copy: _Copy) -> None:
    """Targets, units, measures and revenue targets; not actuals. An objective above one
    copied stays above its copy only when it is copied too."""
    plan_copies = {p.source.id: p.copy_id for p in copy.plans}
    copies: dict[int, Objective] = {}
    for objective, period in copy.objectives:
        assert period is not None and objective.plan_id is not None
        copies[objective.id] = Objective(
            name=objective.name,
            status=ObjectiveStatus.DRAFT,
            period_id=period.id,
            plan_id=plan_copies[objective.plan_id],
            account_id=objective.account_id,
            contact_id=objective.contact_id,
            target=objective.target,
            unit=objective.unit,
            revenue_target=objective.revenue_target,
            revenue_target_currency=objective.revenue_target_currency,
            measure=objective.measure,
        )
    session.add_all(copies.values())
    await session.flush()
    for objective, _ in copy.objectives:
        if objective.parent_id in copies:
            copies[objective.id].parent_id = copies[objective.parent_id].id
    await session.flush()
