"""The root Mutation: every change takes one `input` and returns a payload with `userErrors`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Annotated, Any

import strawberry

from models import Account as AccountRow
from models import Activity as ActivityRow
from models import BusinessPlan as PlanRow
from models import Contact as ContactRow
from models import Objective as ObjectiveRow
from models import Opportunity as OpportunityRow
from models import Period as PeriodRow
from resolvers import directory_mutations as directory
from resolvers import plan_mutations as plans
from resolvers import work_mutations as work
from resolvers.mutation_kit import FieldError
from schema import inputs as i
from schema.enums import UserErrorCode
from schema.types import (
    Account,
    Activity,
    BusinessPlan,
    Contact,
    Ctx,
    Objective,
    Opportunity,
    Period,
    load_node,
)


@strawberry.type(description="Why a mutation refused its input; nothing was written.")
class UserError:
    field: list[str] | None = strawberry.field(
        description='The path into the input, e.g. ["input", "status"].'
    )
    message: str = strawberry.field(description="A readable sentence.")
    code: UserErrorCode = strawberry.field(description="A stable code to branch on.")


def _errors(errors: list[FieldError]) -> list[UserError]:
    return [UserError(field=e.field, message=e.message, code=e.code) for e in errors]


@strawberry.type(description="The result of a period mutation.")
class PeriodPayload:
    period: Period | None = strawberry.field(description="The period, unless refused.")
    user_errors: list[UserError] = strawberry.field(description="Why it was refused, if it was.")


@strawberry.type(description="The result of an account mutation.")
class AccountPayload:
    account: Account | None = strawberry.field(description="The account, unless refused.")
    user_errors: list[UserError] = strawberry.field(description="Why it was refused, if it was.")


@strawberry.type(description="The result of a contact mutation.")
class ContactPayload:
    contact: Contact | None = strawberry.field(description="The contact, unless refused.")
    user_errors: list[UserError] = strawberry.field(description="Why it was refused, if it was.")


@strawberry.type(description="The result of a business plan mutation.")
class BusinessPlanPayload:
    business_plan: BusinessPlan | None = strawberry.field(description="The plan, unless refused.")
    user_errors: list[UserError] = strawberry.field(description="Why it was refused, if it was.")


@strawberry.type(description="The result of an objective mutation.")
class ObjectivePayload:
    objective: Objective | None = strawberry.field(description="The objective, unless refused.")
    user_errors: list[UserError] = strawberry.field(description="Why it was refused, if it was.")


@strawberry.type(description="The result of an opportunity mutation.")
class OpportunityPayload:
    opportunity: Opportunity | None = strawberry.field(
        description="The opportunity, unless refused."
    )
    user_errors: list[UserError] = strawberry.field(description="Why it was refused, if it was.")


@strawberry.type(description="The result of an activity mutation.")
class ActivityPayload:
    activity: Activity | None = strawberry.field(description="The activity, unless refused.")
    user_errors: list[UserError] = strawberry.field(description="Why it was refused, if it was.")


@strawberry.type(description="The result of setting an exchange rate.")
class ExchangeRatePayload:
    base: str | None = strawberry.field(description="The currency converted from.")
    quote: str | None = strawberry.field(description="The currency converted into.")
    rate: Decimal | None = strawberry.field(description="Units of quote per unit of base.")
    user_errors: list[UserError] = strawberry.field(description="Why it was refused, if it was.")


async def _run(
    info: Ctx,
    action: Callable[..., Awaitable[tuple[Any, list[FieldError]]]],
    payload: Any,
    model: type,
    field: str,
    *args: Any,
) -> Any:
    pk, errors = await action(info.context, *args)
    if errors:
        return payload(**{field: None, "user_errors": _errors(errors)})
    info.context.loaders.node(model).clear(pk)
    obj = await load_node(info, model, pk)
    return payload(**{field: obj, "user_errors": []})


Input = strawberry.argument(description="What to change.")


@strawberry.type(description="Everything a client can change.")
class Mutation:
    @strawberry.mutation(description="Create a planning period (administrators).")
    async def create_period(
        self, info: Ctx, input: Annotated[i.CreatePeriodInput, Input]
    ) -> PeriodPayload:
        return await _run(info, directory.create_period, PeriodPayload, PeriodRow, "period", input)  # type: ignore[no-any-return]

    @strawberry.mutation(description="Create an account, owned by you unless ownerId says.")
    async def create_account(
        self, info: Ctx, input: Annotated[i.CreateAccountInput, Input]
    ) -> AccountPayload:
        return await _run(
            info, directory.create_account, AccountPayload, AccountRow, "account", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Create a contact, optionally for some accounts.")
    async def create_contact(
        self, info: Ctx, input: Annotated[i.CreateContactInput, Input]
    ) -> ContactPayload:
        return await _run(
            info, directory.create_contact, ContactPayload, ContactRow, "contact", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Associate a contact with an account.")
    async def add_account_contact(
        self, info: Ctx, input: Annotated[i.AccountContactInput, Input]
    ) -> AccountPayload:
        return await _run(
            info, directory.link_account_contact, AccountPayload, AccountRow, "account", input, True
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Dissociate a contact from an account.")
    async def remove_account_contact(
        self, info: Ctx, input: Annotated[i.AccountContactInput, Input]
    ) -> AccountPayload:
        return await _run(
            info,
            directory.link_account_contact,
            AccountPayload,
            AccountRow,
            "account",
            input,
            False,
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Add a user to an account's team (owner or administrator).")
    async def add_account_team_member(
        self, info: Ctx, input: Annotated[i.AccountTeamMemberInput, Input]
    ) -> AccountPayload:
        return await _run(
            info, directory.change_account_team, AccountPayload, AccountRow, "account", input, True
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Remove a user from an account's team.")
    async def remove_account_team_member(
        self, info: Ctx, input: Annotated[i.AccountTeamMemberInput, Input]
    ) -> AccountPayload:
        return await _run(
            info, directory.change_account_team, AccountPayload, AccountRow, "account", input, False
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Create a business plan in DRAFT, owned by you.")
    async def create_business_plan(
        self, info: Ctx, input: Annotated[i.CreateBusinessPlanInput, Input]
    ) -> BusinessPlanPayload:
        return await _run(
            info, plans.create_business_plan, BusinessPlanPayload, PlanRow, "business_plan", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Change a plan's content (not while FINAL_APPROVED).")
    async def update_business_plan(
        self, info: Ctx, input: Annotated[i.UpdateBusinessPlanInput, Input]
    ) -> BusinessPlanPayload:
        return await _run(
            info, plans.update_business_plan, BusinessPlanPayload, PlanRow, "business_plan", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(
        description="Move a plan in its workflow: submit, approve, return, reopen, expire."
    )
    async def change_business_plan_status(
        self, info: Ctx, input: Annotated[i.ChangeBusinessPlanStatusInput, Input]
    ) -> BusinessPlanPayload:
        return await _run(
            info, plans.change_status, BusinessPlanPayload, PlanRow, "business_plan", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Add an account to a plan, or make it primary.")
    async def add_plan_account(
        self, info: Ctx, input: Annotated[i.PlanAccountInput, Input]
    ) -> BusinessPlanPayload:
        return await _run(
            info,
            plans.link_plan_account,
            BusinessPlanPayload,
            PlanRow,
            "business_plan",
            input,
            True,
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Remove an account from a plan.")
    async def remove_plan_account(
        self, info: Ctx, input: Annotated[i.RemovePlanAccountInput, Input]
    ) -> BusinessPlanPayload:
        return await _run(
            info,
            plans.link_plan_account,
            BusinessPlanPayload,
            PlanRow,
            "business_plan",
            input,
            False,
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Add a contact to a plan.")
    async def add_plan_contact(
        self, info: Ctx, input: Annotated[i.PlanContactInput, Input]
    ) -> BusinessPlanPayload:
        return await _run(
            info,
            plans.link_plan_contact,
            BusinessPlanPayload,
            PlanRow,
            "business_plan",
            input,
            True,
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Remove a contact from a plan.")
    async def remove_plan_contact(
        self, info: Ctx, input: Annotated[i.PlanContactInput, Input]
    ) -> BusinessPlanPayload:
        return await _run(
            info,
            plans.link_plan_contact,
            BusinessPlanPayload,
            PlanRow,
            "business_plan",
            input,
            False,
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Create an objective; with no account and contact, global.")
    async def create_objective(
        self, info: Ctx, input: Annotated[i.CreateObjectiveInput, Input]
    ) -> ObjectivePayload:
        return await _run(
            info, work.create_objective, ObjectivePayload, ObjectiveRow, "objective", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Change an objective.")
    async def update_objective(
        self, info: Ctx, input: Annotated[i.UpdateObjectiveInput, Input]
    ) -> ObjectivePayload:
        return await _run(
            info, work.update_objective, ObjectivePayload, ObjectiveRow, "objective", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Change an objective's status.")
    async def change_objective_status(
        self, info: Ctx, input: Annotated[i.ChangeObjectiveStatusInput, Input]
    ) -> ObjectivePayload:
        return await _run(
            info, work.update_objective, ObjectivePayload, ObjectiveRow, "objective", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Create an opportunity, owned by you.")
    async def create_opportunity(
        self, info: Ctx, input: Annotated[i.CreateOpportunityInput, Input]
    ) -> OpportunityPayload:
        return await _run(
            info, work.create_opportunity, OpportunityPayload, OpportunityRow, "opportunity", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Change an opportunity.")
    async def update_opportunity(
        self, info: Ctx, input: Annotated[i.UpdateOpportunityInput, Input]
    ) -> OpportunityPayload:
        return await _run(
            info, work.update_opportunity, OpportunityPayload, OpportunityRow, "opportunity", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Move an opportunity to another sales stage.")
    async def change_opportunity_stage(
        self, info: Ctx, input: Annotated[i.ChangeOpportunityStageInput, Input]
    ) -> OpportunityPayload:
        return await _run(
            info, work.update_opportunity, OpportunityPayload, OpportunityRow, "opportunity", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Link an opportunity to a plan (not an EXPIRED one).")
    async def link_opportunity_to_plan(
        self, info: Ctx, input: Annotated[i.LinkOpportunityToPlanInput, Input]
    ) -> OpportunityPayload:
        return await _run(
            info,
            work.link_opportunity_plan,
            OpportunityPayload,
            OpportunityRow,
            "opportunity",
            input,
            True,
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Unlink an opportunity from a plan.")
    async def unlink_opportunity_from_plan(
        self, info: Ctx, input: Annotated[i.LinkOpportunityToPlanInput, Input]
    ) -> OpportunityPayload:
        return await _run(
            info,
            work.link_opportunity_plan,
            OpportunityPayload,
            OpportunityRow,
            "opportunity",
            input,
            False,
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Create an activity or a follow-up activity.")
    async def create_activity(
        self, info: Ctx, input: Annotated[i.CreateActivityInput, Input]
    ) -> ActivityPayload:
        return await _run(
            info, work.create_activity, ActivityPayload, ActivityRow, "activity", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Change an activity.")
    async def update_activity(
        self, info: Ctx, input: Annotated[i.UpdateActivityInput, Input]
    ) -> ActivityPayload:
        return await _run(
            info, work.update_activity, ActivityPayload, ActivityRow, "activity", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Change an activity's status (e.g. complete it).")
    async def change_activity_status(
        self, info: Ctx, input: Annotated[i.ChangeActivityStatusInput, Input]
    ) -> ActivityPayload:
        return await _run(
            info, work.update_activity, ActivityPayload, ActivityRow, "activity", input
        )  # type: ignore[no-any-return]

    @strawberry.mutation(description="Set an exchange rate used by roll-ups (administrators).")
    async def set_exchange_rate(
        self, info: Ctx, input: Annotated[i.SetExchangeRateInput, Input]
    ) -> ExchangeRatePayload:
        result, errors = await directory.set_exchange_rate(info.context, input)
        if errors:
            return ExchangeRatePayload(
                base=None, quote=None, rate=None, user_errors=_errors(errors)
            )
        base, quote, rate = result
        return ExchangeRatePayload(base=base, quote=quote, rate=rate, user_errors=[])
