"""The root Mutation: every change takes one `input` and returns a payload with `userErrors`."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, TypeVar

import strawberry

from models import Account as AccountRow
from models import Activity as ActivityRow
from models import BusinessPlan as PlanRow
from models import Contact as ContactRow
from models import Objective as ObjectiveRow
from models import Opportunity as OpportunityRow
from models import Period as PeriodRow
from models.base import Base
from resolvers import directory_mutations as directory
from resolvers import plan_copy
from resolvers import plan_mutations as plans
from resolvers import work_mutations as work
from resolvers.mutation_kit import FieldError
from schema import inputs as i
from schema.account_types import Account
from schema.enums import UserErrorCode
from schema.plan_types import BusinessPlan
from schema.read import Ctx, load_node
from schema.types import Contact, Period
from schema.work_types import Activity, Objective, Opportunity


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


P = TypeVar("P")


async def _payload(
    info: Ctx,
    payload: Callable[..., P],
    model: type[Base],
    field: str,
    result: tuple[int | None, list[FieldError]],
) -> P:
    """The payload of a mutation's result: the changed object, or why nothing changed."""
    pk, errors = result
    if errors or pk is None:
        return payload(**{field: None, "user_errors": _errors(errors)})
    info.context.loaders.node(model.__name__).clear(pk)
    obj = await load_node(info, model.__name__, pk)
    return payload(**{field: obj, "user_errors": []})


Input = strawberry.argument(description="What to change.")


@strawberry.type(description="Everything a client can change.")
class Mutation:
    @strawberry.mutation(description="Create a planning period (administrators).")
    async def create_period(
        self, info: Ctx, input: Annotated[i.CreatePeriodInput, Input]
    ) -> PeriodPayload:
        result = await directory.create_period(info.context, input)
        return await _payload(info, PeriodPayload, PeriodRow, "period", result)

    @strawberry.mutation(description="Create an account, owned by you unless ownerId says.")
    async def create_account(
        self, info: Ctx, input: Annotated[i.CreateAccountInput, Input]
    ) -> AccountPayload:
        result = await directory.create_account(info.context, input)
        return await _payload(info, AccountPayload, AccountRow, "account", result)

    @strawberry.mutation(description="Create a contact, optionally for some accounts.")
    async def create_contact(
        self, info: Ctx, input: Annotated[i.CreateContactInput, Input]
    ) -> ContactPayload:
        result = await directory.create_contact(info.context, input)
        return await _payload(info, ContactPayload, ContactRow, "contact", result)

    @strawberry.mutation(description="Associate a contact with an account.")
    async def add_account_contact(
        self, info: Ctx, input: Annotated[i.AccountContactInput, Input]
    ) -> AccountPayload:
        result = await directory.link_account_contact(info.context, input, add=True)
        return await _payload(info, AccountPayload, AccountRow, "account", result)

    @strawberry.mutation(description="Dissociate a contact from an account.")
    async def remove_account_contact(
        self, info: Ctx, input: Annotated[i.AccountContactInput, Input]
    ) -> AccountPayload:
        result = await directory.link_account_contact(info.context, input, add=False)
        return await _payload(info, AccountPayload, AccountRow, "account", result)

    @strawberry.mutation(description="Add a user to an account's team (owner or administrator).")
    async def add_account_team_member(
        self, info: Ctx, input: Annotated[i.AccountTeamMemberInput, Input]
    ) -> AccountPayload:
        result = await directory.change_account_team(info.context, input, add=True)
        return await _payload(info, AccountPayload, AccountRow, "account", result)

    @strawberry.mutation(description="Remove a user from an account's team.")
    async def remove_account_team_member(
        self, info: Ctx, input: Annotated[i.AccountTeamMemberInput, Input]
    ) -> AccountPayload:
        result = await directory.change_account_team(info.context, input, add=False)
        return await _payload(info, AccountPayload, AccountRow, "account", result)

    @strawberry.mutation(description="Create a business plan in DRAFT, owned by you.")
    async def create_business_plan(
        self, info: Ctx, input: Annotated[i.CreateBusinessPlanInput, Input]
    ) -> BusinessPlanPayload:
        result = await plans.create_business_plan(info.context, input)
        return await _payload(info, BusinessPlanPayload, PlanRow, "business_plan", result)

    @strawberry.mutation(description="Change a plan's content (not while FINAL_APPROVED).")
    async def update_business_plan(
        self, info: Ctx, input: Annotated[i.UpdateBusinessPlanInput, Input]
    ) -> BusinessPlanPayload:
        result = await plans.update_business_plan(info.context, input)
        return await _payload(info, BusinessPlanPayload, PlanRow, "business_plan", result)

    @strawberry.mutation(
        description="Move a plan in its workflow: submit, approve, return, reopen, expire."
    )
    async def change_business_plan_status(
        self, info: Ctx, input: Annotated[i.ChangeBusinessPlanStatusInput, Input]
    ) -> BusinessPlanPayload:
        result = await plans.change_status(info.context, input)
        return await _payload(info, BusinessPlanPayload, PlanRow, "business_plan", result)

    @strawberry.mutation(
        description="Copy a plan (any status) into another period of the same length: a DRAFT "
        "copy owned by you, with its sub-plans in the matching sub-periods, its objectives, "
        "accounts and contacts; not its opportunities and activities."
    )
    async def copy_business_plan(
        self, info: Ctx, input: Annotated[i.CopyBusinessPlanInput, Input]
    ) -> BusinessPlanPayload:
        result = await plan_copy.copy_business_plan(info.context, input)
        return await _payload(info, BusinessPlanPayload, PlanRow, "business_plan", result)

    @strawberry.mutation(description="Add an account to a plan, or make it primary.")
    async def add_plan_account(
        self, info: Ctx, input: Annotated[i.PlanAccountInput, Input]
    ) -> BusinessPlanPayload:
        result = await plans.link_plan_account(
            info.context, input, add=True, make_primary=input.is_primary
        )
        return await _payload(info, BusinessPlanPayload, PlanRow, "business_plan", result)

    @strawberry.mutation(description="Remove an account from a plan.")
    async def remove_plan_account(
        self, info: Ctx, input: Annotated[i.RemovePlanAccountInput, Input]
    ) -> BusinessPlanPayload:
        result = await plans.link_plan_account(info.context, input, add=False)
        return await _payload(info, BusinessPlanPayload, PlanRow, "business_plan", result)

    @strawberry.mutation(description="Add a contact to a plan.")
    async def add_plan_contact(
        self, info: Ctx, input: Annotated[i.PlanContactInput, Input]
    ) -> BusinessPlanPayload:
        result = await plans.link_plan_contact(info.context, input, add=True)
        return await _payload(info, BusinessPlanPayload, PlanRow, "business_plan", result)

    @strawberry.mutation(description="Remove a contact from a plan.")
    async def remove_plan_contact(
        self, info: Ctx, input: Annotated[i.PlanContactInput, Input]
    ) -> BusinessPlanPayload:
        result = await plans.link_plan_contact(info.context, input, add=False)
        return await _payload(info, BusinessPlanPayload, PlanRow, "business_plan", result)

    @strawberry.mutation(description="Create an objective; with no account and contact, global.")
    async def create_objective(
        self, info: Ctx, input: Annotated[i.CreateObjectiveInput, Input]
    ) -> ObjectivePayload:
        result = await work.create_objective(info.context, input)
        return await _payload(info, ObjectivePayload, ObjectiveRow, "objective", result)

    @strawberry.mutation(description="Change an objective.")
    async def update_objective(
        self, info: Ctx, input: Annotated[i.UpdateObjectiveInput, Input]
    ) -> ObjectivePayload:
        result = await work.update_objective(info.context, input)
        return await _payload(info, ObjectivePayload, ObjectiveRow, "objective", result)

    @strawberry.mutation(description="Change an objective's status.")
    async def change_objective_status(
        self, info: Ctx, input: Annotated[i.ChangeObjectiveStatusInput, Input]
    ) -> ObjectivePayload:
        # An update with only the status given: every other field is left as it is.
        change = i.UpdateObjectiveInput(id=input.id, status=input.status)
        result = await work.update_objective(info.context, change)
        return await _payload(info, ObjectivePayload, ObjectiveRow, "objective", result)

    @strawberry.mutation(description="Create an opportunity, owned by you.")
    async def create_opportunity(
        self, info: Ctx, input: Annotated[i.CreateOpportunityInput, Input]
    ) -> OpportunityPayload:
        result = await work.create_opportunity(info.context, input)
        return await _payload(info, OpportunityPayload, OpportunityRow, "opportunity", result)

    @strawberry.mutation(description="Change an opportunity.")
    async def update_opportunity(
        self, info: Ctx, input: Annotated[i.UpdateOpportunityInput, Input]
    ) -> OpportunityPayload:
        result = await work.update_opportunity(info.context, input)
        return await _payload(info, OpportunityPayload, OpportunityRow, "opportunity", result)

    @strawberry.mutation(description="Move an opportunity to another sales stage.")
    async def change_opportunity_stage(
        self, info: Ctx, input: Annotated[i.ChangeOpportunityStageInput, Input]
    ) -> OpportunityPayload:
        # An update with only the stage given: every other field is left as it is.
        change = i.UpdateOpportunityInput(id=input.id, stage=input.stage)
        result = await work.update_opportunity(info.context, change)
        return await _payload(info, OpportunityPayload, OpportunityRow, "opportunity", result)

    @strawberry.mutation(description="Link an opportunity to a plan (not an EXPIRED one).")
    async def link_opportunity_to_plan(
        self, info: Ctx, input: Annotated[i.LinkOpportunityToPlanInput, Input]
    ) -> OpportunityPayload:
        result = await work.link_opportunity_plan(info.context, input, add=True)
        return await _payload(info, OpportunityPayload, OpportunityRow, "opportunity", result)

    @strawberry.mutation(description="Unlink an opportunity from a plan.")
    async def unlink_opportunity_from_plan(
        self, info: Ctx, input: Annotated[i.LinkOpportunityToPlanInput, Input]
    ) -> OpportunityPayload:
        result = await work.link_opportunity_plan(info.context, input, add=False)
        return await _payload(info, OpportunityPayload, OpportunityRow, "opportunity", result)

    @strawberry.mutation(description="Create an activity or a follow-up activity.")
    async def create_activity(
        self, info: Ctx, input: Annotated[i.CreateActivityInput, Input]
    ) -> ActivityPayload:
        result = await work.create_activity(info.context, input)
        return await _payload(info, ActivityPayload, ActivityRow, "activity", result)

    @strawberry.mutation(description="Change an activity.")
    async def update_activity(
        self, info: Ctx, input: Annotated[i.UpdateActivityInput, Input]
    ) -> ActivityPayload:
        result = await work.update_activity(info.context, input)
        return await _payload(info, ActivityPayload, ActivityRow, "activity", result)

    @strawberry.mutation(description="Change an activity's status (e.g. complete it).")
    async def change_activity_status(
        self, info: Ctx, input: Annotated[i.ChangeActivityStatusInput, Input]
    ) -> ActivityPayload:
        # An update with only the status given: every other field is left as it is.
        change = i.UpdateActivityInput(id=input.id, status=input.status)
        result = await work.update_activity(info.context, change)
        return await _payload(info, ActivityPayload, ActivityRow, "activity", result)

    @strawberry.mutation(description="Set an exchange rate used by roll-ups (administrators).")
    async def set_exchange_rate(
        self, info: Ctx, input: Annotated[i.SetExchangeRateInput, Input]
    ) -> ExchangeRatePayload:
        result, errors = await directory.set_exchange_rate(info.context, input)
        if errors or result is None:
            return ExchangeRatePayload(
                base=None, quote=None, rate=None, user_errors=_errors(errors)
            )
        base, quote, rate = result
        return ExchangeRatePayload(base=base, quote=quote, rate=rate, user_errors=[])
