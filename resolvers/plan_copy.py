"""copyBusinessPlan: start the next period's plan from the last (the rules: models/plan_copy.py)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from models import BusinessPlan, Objective, Period
from models.plan_copy import CopyRefused, CopyRequest, copy_plan
from resolvers.context import Context
from resolvers.mutation_inputs import PlanCopy
from resolvers.mutation_kit import Check, FieldError, Refused, in_transaction, resolve_id
from resolvers.visibility import visible

Result = tuple[int | None, list[FieldError]]


async def copy_business_plan(ctx: Context, inp: PlanCopy) -> Result:
    """A plan the viewer may see is copied whole, or nothing is written."""

    async def work(session: AsyncSession) -> int:
        check = Check()
        source = await resolve_id(session, ctx, check, "id", BusinessPlan, inp.id)
        period = await resolve_id(session, ctx, check, "periodId", Period, inp.period_id)
        name = check.text("name", inp.name) if inp.name is not None else None
        check.done()
        assert source is not None and period is not None
        request = CopyRequest(
            source_id=source.id,
            period_id=period.id,
            copier_id=ctx.viewer.user_id,
            name=name,
            include_sub_plans=inp.include_sub_plans is not False,
            include_objectives=inp.include_objectives is not False,
            visible_plans=visible(BusinessPlan, ctx.viewer),
            visible_objectives=visible(Objective, ctx.viewer),
        )
        try:
            return await copy_plan(session, request)
        except CopyRefused as refused:
            raise Refused(
                [FieldError(["input", p.field], p.message, p.code) for p in refused.problems]
            ) from None

    return await in_transaction(ctx, work)
