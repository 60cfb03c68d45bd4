"""Writes to objectives, opportunities and activities: the execution of plans."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types.unset import UnsetType

from models import (
    Account,
    Activity,
    BusinessPlan,
    Contact,
    Objective,
    ObjectiveMeasure,
    Opportunity,
    OpportunityContact,
    OpportunityStage,
    Period,
    PlanOpportunity,
)
from models.objective import default_measure
from models.plan_workflow import LINKABLE, check_linkable
from models.refusals import RefusalCode
from resolvers.context import Context
from resolvers.mutation_inputs import (
    ActivityChanges,
    NewActivity,
    NewObjective,
    NewOpportunity,
    ObjectiveChanges,
    OpportunityChanges,
    OpportunityPlanLink,
)
from resolvers.mutation_kit import (
    SHORT_MAX,
    Check,
    FieldError,
    Refused,
    in_transaction,
    linked_rows,
    period_within,
    resolve_id,
)

Result = tuple[int | None, list[FieldError]]
SUBJECT_MAX = 500


def _linkable(check: Check, name: str | list[str], plan: BusinessPlan | None) -> None:
    if plan is not None and plan.status not in LINKABLE:
        check.add(name, "The plan is EXPIRED and takes no new links.", RefusalCode.READ_ONLY)


def _manual_actual(
    check: Check, measure: ObjectiveMeasure, actual: Decimal | UnsetType | None
) -> Decimal | None:
    """A typed-in actual: only a MANUAL objective takes one (the others count theirs)."""
    if actual is None or isinstance(actual, UnsetType):
        return None
    if measure is not ObjectiveMeasure.MANUAL:
        check.add(
            "actual",
            f"actual is typed in only for MANUAL objectives; this one's measure is {measure}.",
        )
        return None
    return check.decimal("actual", actual)


async def create_objective(ctx: Context, inp: NewObjective) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        name = check.text("name", inp.name)
        unit = check.text("unit", inp.unit, SHORT_MAX, required=False)
        target = check.decimal("target", inp.target)
        revenue = check.money("revenueTarget", inp.revenue_target)
        measure = inp.measure or default_measure(target is not None, unit, revenue is not None)
        actual = _manual_actual(check, measure, inp.actual)
        period = await resolve_id(session, ctx, check, "periodId", Period, inp.period_id)
        plan = await resolve_id(session, ctx, check, "planId", BusinessPlan, inp.plan_id)
        parent = await resolve_id(
            session, ctx, check, "parentObjectiveId", Objective, inp.parent_objective_id
        )
        account = await resolve_id(session, ctx, check, "accountId", Account, inp.account_id)
        contact = await resolve_id(session, ctx, check, "contactId", Contact, inp.contact_id)
        _linkable(check, "planId", plan)
        if (
            plan is not None
            and period is not None
            and not await period_within(session, period, plan.period_id)
        ):
            check.add("periodId", "An objective's period must lie within its plan's period.")
        check.done()
        assert name is not None and period is not None
        objective = Objective(
            name=name,
            period_id=period.id,
            plan_id=plan.id if plan else None,
            parent_id=parent.id if parent else None,
            account_id=account.id if account else None,
            contact_id=contact.id if contact else None,
            target=target,
            unit=unit,
            revenue_target=revenue[0] if revenue else None,
            revenue_target_currency=revenue[1] if revenue else None,
            measure=measure,
            manual_actual=actual,
        )
        if inp.status is not None:
            objective.status = inp.status
        session.add(objective)
        await session.flush()
        return objective.id

    return await in_transaction(ctx, work)


async def update_objective(ctx: Context, inp: ObjectiveChanges) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        objective = await resolve_id(session, ctx, check, "id", Objective, inp.id, lock=True)
        check.done()
        assert objective is not None
        if not isinstance(inp.name, UnsetType):
            objective.name = check.text("name", inp.name) or objective.name
        if inp.status is not None and not isinstance(inp.status, UnsetType):
            objective.status = inp.status
        if not isinstance(inp.target, UnsetType):
            objective.target = check.decimal("target", inp.target)
        if not isinstance(inp.unit, UnsetType):
            objective.unit = check.text("unit", inp.unit, SHORT_MAX, required=False)
        if not isinstance(inp.revenue_target, UnsetType):
            revenue = check.money("revenueTarget", inp.revenue_target)
            objective.revenue_target = revenue[0] if revenue else None
            objective.revenue_target_currency = revenue[1] if revenue else None
        if not isinstance(inp.plan_id, UnsetType):
            plan = await resolve_id(session, ctx, check, "planId", BusinessPlan, inp.plan_id)
            _linkable(check, "planId", plan)
            objective.plan_id = plan.id if plan else None
        _change_measure(check, objective, inp)
        check.done()
        return objective.id

    return await in_transaction(ctx, work)


def _change_measure(check: Check, objective: Objective, inp: ObjectiveChanges) -> None:
    """The measure first, then the actual, checked against the measure it will have."""
    if inp.measure is not None and not isinstance(inp.measure, UnsetType):
        objective.measure = inp.measure
        if inp.measure is not ObjectiveMeasure.MANUAL:
            objective.manual_actual = None  # a count replaces what was typed in
    if not isinstance(inp.actual, UnsetType):
        objective.manual_actual = _manual_actual(check, objective.measure, inp.actual)


async def create_opportunity(ctx: Context, inp: NewOpportunity) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        name = check.text("name", inp.name)
        amount = check.money("amount", inp.amount)
        account = await resolve_id(session, ctx, check, "accountId", Account, inp.account_id)
        objective = await resolve_id(
            session, ctx, check, "objectiveId", Objective, inp.objective_id
        )
        plans = await linked_rows(
            session,
            ctx,
            check,
            "planIds",
            BusinessPlan,
            inp.plan_ids,
            lambda path, plan: _linkable(check, path, plan),
        )
        contacts = await linked_rows(session, ctx, check, "contactIds", Contact, inp.contact_ids)
        check.done()
        assert name is not None and amount is not None and account is not None
        opportunity = Opportunity(
            name=name,
            account_id=account.id,
            stage=inp.stage or OpportunityStage.PROSPECTING,
            amount=amount[0],
            currency=amount[1],
            close_on=inp.close_date,
            owner_id=ctx.viewer.user_id,
            objective_id=objective.id if objective else None,
        )
        session.add(opportunity)
        await session.flush()
        session.add_all(PlanOpportunity(plan_id=p.id, opportunity_id=opportunity.id) for p in plans)
        session.add_all(
            OpportunityContact(opportunity_id=opportunity.id, contact_id=c.id) for c in contacts
        )
        return opportunity.id

    return await in_transaction(ctx, work)


async def update_opportunity(ctx: Context, inp: OpportunityChanges) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        opportunity = await resolve_id(session, ctx, check, "id", Opportunity, inp.id, lock=True)
        check.done()
        assert opportunity is not None
        if not isinstance(inp.name, UnsetType):
            opportunity.name = check.text("name", inp.name) or opportunity.name
        if inp.stage is not None and not isinstance(inp.stage, UnsetType):
            opportunity.stage = inp.stage
        amount = check.money("amount", inp.amount)  # null or left out: unchanged
        if amount is not None:
            opportunity.amount, opportunity.currency = amount
        if not isinstance(inp.close_date, UnsetType):
            opportunity.close_on = inp.close_date
        if not isinstance(inp.objective_id, UnsetType):
            objective = await resolve_id(
                session, ctx, check, "objectiveId", Objective, inp.objective_id
            )
            opportunity.objective_id = objective.id if objective else None
        check.done()
        return opportunity.id

    return await in_transaction(ctx, work)


async def link_opportunity_plan(ctx: Context, inp: OpportunityPlanLink, add: bool) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        opportunity = await resolve_id(
            session, ctx, check, "opportunityId", Opportunity, inp.opportunity_id
        )
        plan = await resolve_id(session, ctx, check, "planId", BusinessPlan, inp.plan_id)
        check.done()
        assert opportunity is not None and plan is not None
        check_linkable(plan.status)
        link = await session.get(PlanOpportunity, (plan.id, opportunity.id))
        if add and link is None:
            session.add(PlanOpportunity(plan_id=plan.id, opportunity_id=opportunity.id))
        elif not add and link is not None:
            await session.execute(
                delete(PlanOpportunity).where(
                    PlanOpportunity.plan_id == plan.id,
                    PlanOpportunity.opportunity_id == opportunity.id,
                )
            )
        return opportunity.id

    return await in_transaction(ctx, work)


_INHERITED = ("account_id", "contact_id", "plan_id", "objective_id", "opportunity_id")


async def create_activity(ctx: Context, inp: NewActivity) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        subject = check.text("subject", inp.subject, SUBJECT_MAX)
        due_at = check.datetime("dueAt", inp.due_at)
        account = await resolve_id(session, ctx, check, "accountId", Account, inp.account_id)
        contact = await resolve_id(session, ctx, check, "contactId", Contact, inp.contact_id)
        plan = await resolve_id(session, ctx, check, "planId", BusinessPlan, inp.plan_id)
        objective = await resolve_id(
            session, ctx, check, "objectiveId", Objective, inp.objective_id
        )
        opportunity = await resolve_id(
            session, ctx, check, "opportunityId", Opportunity, inp.opportunity_id
        )
        previous = await resolve_id(
            session, ctx, check, "followUpOfId", Activity, inp.follow_up_of_id
        )
        _linkable(check, "planId", plan)
        links = {
            "account_id": account,
            "contact_id": contact,
            "plan_id": plan,
            "objective_id": objective,
            "opportunity_id": opportunity,
        }
        check.done()
        assert subject is not None
        ids = {key: row.id if row is not None else None for key, row in links.items()}
        if previous is not None:
            # A follow-up inherits the links of the activity it follows, unless given here.
            for key in _INHERITED:
                if ids[key] is None:
                    ids[key] = getattr(previous, key)
            await _check_inherited_plan(session, ids["plan_id"])
        activity = Activity(
            type=inp.type,
            subject=subject,
            due_at=due_at,
            owner_id=ctx.viewer.user_id,
            follow_up_of_id=previous.id if previous is not None else None,
            **ids,
        )
        session.add(activity)
        await session.flush()
        return activity.id

    return await in_transaction(ctx, work)


async def _check_inherited_plan(session: AsyncSession, plan_id: int | None) -> None:
    if plan_id is None:
        return
    plan = await session.get(BusinessPlan, plan_id)
    if plan is not None and plan.status not in LINKABLE:
        raise Refused(
            [
                FieldError(
                    ["input", "followUpOfId"],
                    "The followed activity's plan is EXPIRED and takes no new links.",
                    RefusalCode.READ_ONLY,
                )
            ]
        )


async def update_activity(ctx: Context, inp: ActivityChanges) -> Result:
    async def work(session: AsyncSession) -> int:
        check = Check()
        activity = await resolve_id(session, ctx, check, "id", Activity, inp.id, lock=True)
        check.done()
        assert activity is not None
        if not isinstance(inp.subject, UnsetType):
            activity.subject = check.text("subject", inp.subject, SUBJECT_MAX) or activity.subject
        if inp.status is not None and not isinstance(inp.status, UnsetType):
            activity.status = inp.status
        if inp.type is not None and not isinstance(inp.type, UnsetType):
            activity.type = inp.type
        if not isinstance(inp.due_at, UnsetType):
            activity.due_at = check.datetime("dueAt", inp.due_at)
        check.done()
        return activity.id

    return await in_transaction(ctx, work)
