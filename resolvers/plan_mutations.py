"""Writes to business plans: create, update, status changes, account and contact links."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types.unset import UnsetType

from models import (
    Account,
    BusinessPlan,
    Contact,
    Period,
    PlanAccount,
    PlanContact,
    PlanStatus,
    PlanStatusChange,
)
from models.base import utcnow
from models.money import ISO_4217
from models.plan_workflow import (
    Actor,
    Refusal,
    check_content_editable,
    may_edit_content,
    transition,
)
from models.refusals import RefusalCode
from resolvers.context import Context
from resolvers.mutation_inputs import (
    NewPlan,
    PlanAccountLink,
    PlanChanges,
    PlanContactLink,
    PlanStatusMove,
)
from resolvers.mutation_kit import (
    COMMENT_MAX,
    TEXT_MAX,
    Check,
    FieldError,
    in_transaction,
    linked_rows,
    period_within,
    resolve_id,
)

DEFAULT_CURRENCY = "USD"
Result = tuple[int | None, list[FieldError]]


def actor(ctx: Context) -> Actor:
    return Actor(ctx.viewer.user_id, ctx.viewer.role)


def check_version(plan: BusinessPlan, expected: int | None) -> None:
    """The client's expectedVersion, if given, must be the plan's current version."""
    if expected is not None and expected != plan.version:
        raise Refusal(
            RefusalCode.STALE_VERSION,
            f"The plan is at version {plan.version}, not {expected}: reload it and retry.",
            "expectedVersion",
        )


async def bump_version(
    session: AsyncSession, plan: BusinessPlan, expected: int | None, **values: Any
) -> int:
    """Compare-and-swap on the version: exactly one writer wins each version."""
    check_version(plan, expected)
    new_version = plan.version + 1
    result = await session.execute(
        update(BusinessPlan)
        .where(BusinessPlan.id == plan.id, BusinessPlan.version == plan.version)
        .values(version=new_version, updated_at=utcnow(), **values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise Refusal(
            RefusalCode.STALE_VERSION,
            "The plan changed while this change was made: reload and retry.",
            "expectedVersion",
        )
    return new_version


async def _name_taken(
    session: AsyncSession, period_id: int, name: str, except_id: int | None = None
) -> bool:
    query = select(func.count()).where(
        BusinessPlan.period_id == period_id, BusinessPlan.name == name
    )
    if except_id is not None:
        query = query.where(BusinessPlan.id != except_id)
    return bool((await session.execute(query)).scalar_one())


def _currency(
    check: Check,
    given: str | None,
    target: tuple[Decimal, str] | None,
    parent: BusinessPlan | None,
) -> str:
    if given is not None:
        code = str(given).strip().upper()
        if code not in ISO_4217:
            check.add("currency", f"'{str(given)[:10]}' is not an ISO 4217 currency code.")
        elif target is not None and target[1] != code:
            check.add("currency", "currency must match revenueTarget.currency.")
        return code
    if target is not None:
        return target[1]
    return parent.currency if parent is not None else DEFAULT_CURRENCY


async def create_business_plan(ctx: Context, inp: NewPlan) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        name = check.text("name", inp.name)
        description = check.text("description", inp.description, TEXT_MAX, required=False)
        target = check.money("revenueTarget", inp.revenue_target)
        period = await resolve_id(session, ctx, check, "periodId", Period, inp.period_id)
        parent = await resolve_id(
            session, ctx, check, "parentPlanId", BusinessPlan, inp.parent_plan_id
        )
        accounts = await linked_rows(session, ctx, check, "accountIds", Account, inp.account_ids)
        contacts = await linked_rows(session, ctx, check, "contactIds", Contact, inp.contact_ids)
        primary = await resolve_id(
            session, ctx, check, "primaryAccountId", Account, inp.primary_account_id
        )
        currency = _currency(check, inp.currency, target, parent)
        if parent is not None and parent.status is PlanStatus.EXPIRED:
            check.add(
                "parentPlanId",
                "The parent plan is EXPIRED and takes no sub-plans.",
                RefusalCode.READ_ONLY,
            )
        if (
            parent is not None
            and period is not None
            and not await period_within(session, period, parent.period_id)
        ):
            check.add("periodId", "A sub-plan's period must lie within its parent's period.")
        if name and period is not None and await _name_taken(session, period.id, name):
            check.add(
                "name",
                f"A plan named '{name}' already exists in this period.",
                RefusalCode.DUPLICATE,
            )
        check.done()
        assert name is not None and period is not None
        if primary is not None and all(a.id != primary.id for a in accounts):
            accounts.insert(0, primary)
        primary_id = primary.id if primary is not None else (accounts[0].id if accounts else None)
        plan = BusinessPlan(
            name=name,
            type=inp.type,
            period_id=period.id,
            owner_id=ctx.viewer.user_id,
            status=PlanStatus.DRAFT,
            description=description,
            currency=currency,
            revenue_target=target[0] if target else None,
            parent_id=parent.id if parent is not None else None,
            version=1,
        )
        session.add(plan)
        await session.flush()
        session.add_all(
            PlanAccount(plan_id=plan.id, account_id=a.id, is_primary=a.id == primary_id)
            for a in accounts
        )
        session.add_all(PlanContact(plan_id=plan.id, contact_id=c.id) for c in contacts)
        session.add(_history(ctx, plan.id, 1, None, PlanStatus.DRAFT, None))
        return plan.id

    return await in_transaction(ctx, work)


def _history(
    ctx: Context,
    plan_id: int,
    version: int,
    old: PlanStatus | None,
    new: PlanStatus,
    comment: str | None,
) -> PlanStatusChange:
    return PlanStatusChange(
        plan_id=plan_id,
        version=version,
        from_status=old,
        to_status=new,
        changed_by_id=ctx.viewer.user_id,
        changed_at=utcnow(),
        comment=comment,
    )


async def change_status(ctx: Context, inp: PlanStatusMove) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        plan = await resolve_id(session, ctx, check, "id", BusinessPlan, inp.id, lock=True)
        comment = check.text("comment", inp.comment, COMMENT_MAX, required=False)
        check.done()
        assert plan is not None
        check_version(plan, inp.expected_version)  # a stale version, before the move's checks
        old = plan.status
        transition(old, inp.status, actor(ctx), plan.owner_id, comment)
        version = await bump_version(session, plan, inp.expected_version, status=inp.status)
        session.add(_history(ctx, plan.id, version, old, inp.status, comment))
        return plan.id

    return await in_transaction(ctx, work)


async def _editable_plan(
    session: AsyncSession, ctx: Context, check: Check, name: str, global_id: str
) -> BusinessPlan:
    plan = await resolve_id(session, ctx, check, name, BusinessPlan, global_id, lock=True)
    check.done()
    assert plan is not None
    if not may_edit_content(actor(ctx), plan.owner_id, plan.status):
        raise Refusal(
            RefusalCode.FORBIDDEN,
            "Only the plan's owner, a reviewer of a submitted plan, "
            "or an administrator may edit this plan.",
        )
    check_content_editable(plan.status)
    return plan


async def _creates_cycle(session: AsyncSession, plan_id: int, parent_id: int) -> bool:
    seen: set[int] = set()
    current: int | None = parent_id
    while current is not None and current not in seen:
        if current == plan_id:
            return True
        seen.add(current)
        current = (
            await session.execute(select(BusinessPlan.parent_id).where(BusinessPlan.id == current))
        ).scalar_one_or_none()
    return False


async def update_business_plan(ctx: Context, inp: PlanChanges) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        plan = await _editable_plan(session, ctx, check, "id", inp.id)
        values: dict[str, Any] = {}
        if not isinstance(inp.name, UnsetType):
            name = check.text("name", inp.name)
            if (
                name
                and name != plan.name
                and await _name_taken(session, plan.period_id, name, plan.id)
            ):
                check.add(
                    "name",
                    f"A plan named '{name}' already exists in this period.",
                    RefusalCode.DUPLICATE,
                )
            values["name"] = name
        if not isinstance(inp.description, UnsetType):
            values["description"] = check.text(
                "description", inp.description, TEXT_MAX, required=False
            )
        if not isinstance(inp.revenue_target, UnsetType):
            target = check.money("revenueTarget", inp.revenue_target)
            values["revenue_target"] = target[0] if target else None
            if target is not None:
                values["currency"] = target[1]
        if inp.type is not None and not isinstance(inp.type, UnsetType):
            values["type"] = inp.type
        if not isinstance(inp.parent_plan_id, UnsetType):
            values["parent_id"] = await _new_parent(session, ctx, check, plan, inp.parent_plan_id)
        check.done()
        await bump_version(session, plan, inp.expected_version, **values)
        return plan.id

    return await in_transaction(ctx, work)


async def _new_parent(
    session: AsyncSession, ctx: Context, check: Check, plan: BusinessPlan, global_id: str | None
) -> int | None:
    if global_id is None:
        return None
    parent = await resolve_id(session, ctx, check, "parentPlanId", BusinessPlan, global_id)
    if parent is None:
        return None
    if await _creates_cycle(session, plan.id, parent.id):
        check.add("parentPlanId", "A plan cannot be placed below itself or its own sub-plans.")
    elif parent.status is PlanStatus.EXPIRED:
        check.add(
            "parentPlanId",
            "The parent plan is EXPIRED and takes no sub-plans.",
            RefusalCode.READ_ONLY,
        )
    else:
        period = await session.get(Period, plan.period_id)
        if period is not None and not await period_within(session, period, parent.period_id):
            check.add("parentPlanId", "A sub-plan's period must lie within its parent's period.")
    return parent.id


async def link_plan_account(
    ctx: Context, inp: PlanAccountLink, add: bool, make_primary: bool = False
) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        plan = await _editable_plan(session, ctx, check, "planId", inp.plan_id)
        account = await resolve_id(session, ctx, check, "accountId", Account, inp.account_id)
        check.done()
        assert account is not None
        link = await session.get(PlanAccount, (plan.id, account.id))
        if add:
            # A plan with accounts always has a primary one: the first account added is it.
            primary = make_primary or not await _has_primary(session, plan.id)
            if primary:
                await session.execute(
                    update(PlanAccount)
                    .where(PlanAccount.plan_id == plan.id)
                    .values(is_primary=False)
                )
            if link is None:
                session.add(PlanAccount(plan_id=plan.id, account_id=account.id, is_primary=primary))
            else:
                link.is_primary = primary or link.is_primary
        elif link is not None:
            await session.delete(link)
            await session.flush()
            if link.is_primary:
                await _promote_first(session, plan.id)
        await bump_version(session, plan, inp.expected_version)
        return plan.id

    return await in_transaction(ctx, work)


async def _has_primary(session: AsyncSession, plan_id: int) -> bool:
    query = select(func.count()).where(PlanAccount.plan_id == plan_id, PlanAccount.is_primary)
    return bool((await session.execute(query)).scalar_one())


async def _promote_first(session: AsyncSession, plan_id: int) -> None:
    """When the primary account leaves a plan, the remaining account with the lowest id leads."""
    first = (
        await session.execute(
            select(func.min(PlanAccount.account_id)).where(PlanAccount.plan_id == plan_id)
        )
    ).scalar_one_or_none()
    if first is not None:
        await session.execute(
            update(PlanAccount)
            .where(PlanAccount.plan_id == plan_id, PlanAccount.account_id == first)
            .values(is_primary=True)
        )


async def link_plan_contact(ctx: Context, inp: PlanContactLink, add: bool) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        plan = await _editable_plan(session, ctx, check, "planId", inp.plan_id)
        contact = await resolve_id(session, ctx, check, "contactId", Contact, inp.contact_id)
        check.done()
        assert contact is not None
        link = await session.get(PlanContact, (plan.id, contact.id))
        if add and link is None:
            session.add(PlanContact(plan_id=plan.id, contact_id=contact.id))
        elif not add and link is not None:
            await session.execute(
                delete(PlanContact).where(
                    PlanContact.plan_id == plan.id, PlanContact.contact_id == contact.id
                )
            )
        await bump_version(session, plan, inp.expected_version)
        return plan.id

    return await in_transaction(ctx, work)


async def expire_plans(ctx: Context, period_ids: list[int] | None, ended_before: dt.date) -> int:
    """Expire every active plan whose period ended before a date: one history entry each."""
    async with ctx.writer.begin() as session:
        query = (
            select(BusinessPlan)
            .join(Period, Period.id == BusinessPlan.period_id)
            .where(BusinessPlan.status != PlanStatus.EXPIRED, Period.end_on < ended_before)
            .with_for_update(of=BusinessPlan)
        )
        if period_ids:
            query = query.where(Period.id.in_(period_ids))
        plans = (await session.execute(query)).scalars().all()
        for plan in plans:
            version = await bump_version(session, plan, None, status=PlanStatus.EXPIRED)
            session.add(
                _history(
                    ctx,
                    plan.id,
                    version,
                    plan.status,
                    PlanStatus.EXPIRED,
                    "Expired in bulk at the end of the period.",
                )
            )
        return len(plans)
