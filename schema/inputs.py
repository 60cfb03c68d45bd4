"""Mutation inputs: core.graphql's, plus the updates, links and unlinks a client needs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import strawberry
from strawberry import UNSET

from schema.enums import (
    ActivityStatus,
    ActivityType,
    ObjectiveMeasure,
    ObjectiveStatus,
    OpportunityStage,
    PeriodType,
    PlanStatus,
    PlanType,
)

ID = strawberry.ID
f = strawberry.field


@strawberry.input(description="An amount in a currency.")
class MoneyInput:
    amount: Decimal = f(description='A non-negative exact amount, e.g. "125000.00".')
    currency: str = f(description='An ISO 4217 currency code, e.g. "EUR".')


@strawberry.input(description="A new planning period (administrators).")
class CreatePeriodInput:
    name: str = f(description='A unique name, e.g. "FY2027 Q1".')
    type: PeriodType = f(description="Year, quarter or month.")
    start_date: dt.date = f(description="The first day.")
    end_date: dt.date = f(description="The last day (not before the first).")
    parent_id: ID | None = f(default=None, description="The period it lies within.")


@strawberry.input(description="A new account.")
class CreateAccountInput:
    name: str = f(description="The account's name.")
    parent_id: ID | None = f(default=None, description="The parent (multinational) account.")
    owner_id: ID | None = f(default=None, description="The owner; you if left out.")


@strawberry.input(description="A new contact.")
class CreateContactInput:
    first_name: str = f(description="First name.")
    last_name: str = f(description="Last name.")
    email: str | None = f(default=None, description="E-mail address.")
    account_ids: list[ID] | None = f(default=None, description="The accounts they work with.")


@strawberry.input(description="A new business plan; it starts in DRAFT, owned by you.")
class CreateBusinessPlanInput:
    name: str = f(description="Unique within the period.")
    type: PlanType = f(description="What the plan covers.")
    period_id: ID = f(description="The planning period.")
    parent_plan_id: ID | None = f(
        default=None, description="The plan above (its period must contain this plan's)."
    )
    account_ids: list[ID] | None = f(
        default=None,
        description="The accounts covered; the first is primary unless primaryAccountId says.",
    )
    primary_account_id: ID | None = f(default=None, description="The primary account.")
    contact_ids: list[ID] | None = f(default=None, description="The contacts covered.")
    description: str | None = f(default=None, description="The qualitative goals.")
    revenue_target: MoneyInput | None = f(default=None, description="The revenue target.")
    currency: str | None = f(
        default=None,
        description="The plan's currency; defaults to the target's, the parent's, or USD.",
    )


@strawberry.input(description="Changes to a plan's content; fields left out stay as they are.")
class UpdateBusinessPlanInput:
    id: ID = f(description="The plan.")
    expected_version: int | None = f(
        default=None, description="If given and stale: STALE_VERSION, nothing written."
    )
    name: str | None = f(default=UNSET, description="A new name.")
    description: str | None = f(default=UNSET, description="New goals; null clears them.")
    revenue_target: MoneyInput | None = f(
        default=UNSET, description="A new target (its currency becomes the plan's); null clears."
    )
    type: PlanType | None = f(default=UNSET, description="A new plan type.")
    parent_plan_id: ID | None = f(
        default=UNSET, description="A new parent plan; null makes it a top plan."
    )


@strawberry.input(description="A move in the plan workflow.")
class ChangeBusinessPlanStatusInput:
    id: ID = f(description="The plan.")
    status: PlanStatus = f(description="The status to move to.")
    comment: str | None = f(
        default=None, description="Why; required to return a plan to draft or reopen it."
    )
    expected_version: int | None = f(
        default=None, description="If given and stale: STALE_VERSION, nothing written."
    )


@strawberry.input(
    description="Copy a plan into another period of the same length: a DRAFT copy, owned by you."
)
class CopyBusinessPlanInput:
    id: ID = f(description="The plan to copy (any status, EXPIRED included).")
    period_id: ID = f(
        description="The new plan's period; sub-plans go to the matching sub-periods."
    )
    name: str | None = f(
        default=None,
        description="Default: the old name with the old period's name replaced by the new one "
        '(or " (<new period>)" appended when the old name does not contain it).',
    )
    include_sub_plans: bool | None = f(
        default=True, description="Copy the sub-plans too, each into its matching period."
    )
    include_objectives: bool | None = f(
        default=True,
        description="Copy the objectives too: targets, units, measures (not their actuals).",
    )


@strawberry.input(description="Add an account to a plan, or change whether it is primary.")
class PlanAccountInput:
    plan_id: ID = f(description="The plan.")
    account_id: ID = f(description="The account.")
    is_primary: bool = f(default=False, description="Make it the plan's primary account.")
    expected_version: int | None = f(default=None, description="The plan version you read.")


@strawberry.input(description="Remove an account from a plan.")
class RemovePlanAccountInput:
    plan_id: ID = f(description="The plan.")
    account_id: ID = f(description="The account.")
    expected_version: int | None = f(default=None, description="The plan version you read.")


@strawberry.input(description="Add a contact to a plan or remove it.")
class PlanContactInput:
    plan_id: ID = f(description="The plan.")
    contact_id: ID = f(description="The contact.")
    expected_version: int | None = f(default=None, description="The plan version you read.")


@strawberry.input(description="A new objective; with neither account nor contact it is global.")
class CreateObjectiveInput:
    name: str = f(description="What to achieve.")
    period_id: ID = f(description="The planning period.")
    plan_id: ID | None = f(default=None, description="The plan it belongs to.")
    parent_objective_id: ID | None = f(default=None, description="The objective above.")
    account_id: ID | None = f(default=None, description="The account it is for.")
    contact_id: ID | None = f(default=None, description="The contact it is for.")
    target: Decimal | None = f(default=None, description="The quantity to reach, e.g. 12.")
    unit: str | None = f(default=None, description='What is counted, e.g. "sales calls".')
    revenue_target: MoneyInput | None = f(default=None, description="A revenue target.")
    status: ObjectiveStatus | None = f(default=None, description="The status; DRAFT if left out.")
    measure: ObjectiveMeasure | None = f(
        default=None,
        description="How progress is counted; if left out: WON_REVENUE with a revenue target, "
        "COMPLETED_ACTIVITIES when the unit names a kind of activity or a target is set, "
        "else MANUAL.",
    )
    actual: Decimal | None = f(
        default=None, description="The progress so far, typed in: MANUAL objectives only."
    )


@strawberry.input(description="Changes to an objective; fields left out stay as they are.")
class UpdateObjectiveInput:
    id: ID = f(description="The objective.")
    name: str | None = f(default=UNSET, description="A new name.")
    status: ObjectiveStatus | None = f(default=UNSET, description="A new status.")
    target: Decimal | None = f(default=UNSET, description="A new target; null clears it.")
    unit: str | None = f(default=UNSET, description="A new unit; null clears it.")
    revenue_target: MoneyInput | None = f(default=UNSET, description="null clears it.")
    plan_id: ID | None = f(default=UNSET, description="Another plan; null detaches it.")
    measure: ObjectiveMeasure | None = f(
        default=UNSET, description="How progress is counted from now on; null: unchanged."
    )
    actual: Decimal | None = f(
        default=UNSET,
        description="The progress so far, typed in (MANUAL objectives only); null clears it.",
    )


@strawberry.input(description="A new status for an objective.")
class ChangeObjectiveStatusInput:
    id: ID = f(description="The objective.")
    status: ObjectiveStatus = f(description="The new status.")


@strawberry.input(description="A new opportunity, owned by you.")
class CreateOpportunityInput:
    name: str = f(description="The opportunity's name.")
    account_id: ID = f(description="The account the sale is to.")
    amount: MoneyInput = f(description="The expected value.")
    stage: OpportunityStage | None = f(
        default=OpportunityStage.PROSPECTING, description="The sales stage; PROSPECTING if null."
    )
    close_date: dt.date | None = f(default=None, description="The expected close date.")
    plan_ids: list[ID] | None = f(default=None, description="Plans to link it to.")
    objective_id: ID | None = f(default=None, description="The objective it serves.")
    contact_ids: list[ID] | None = f(default=None, description="Contacts in a role on it.")


@strawberry.input(description="Changes to an opportunity; fields left out stay as they are.")
class UpdateOpportunityInput:
    id: ID = f(description="The opportunity.")
    name: str | None = f(default=UNSET, description="A new name.")
    stage: OpportunityStage | None = f(default=UNSET, description="A new stage.")
    amount: MoneyInput | None = f(default=UNSET, description="A new amount.")
    close_date: dt.date | None = f(default=UNSET, description="A new close date; null clears.")
    objective_id: ID | None = f(default=UNSET, description="Another objective; null detaches.")


@strawberry.input(description="A new sales stage for an opportunity.")
class ChangeOpportunityStageInput:
    id: ID = f(description="The opportunity.")
    stage: OpportunityStage = f(description="The new stage.")


@strawberry.input(description="Link an opportunity to a plan, or unlink it.")
class LinkOpportunityToPlanInput:
    opportunity_id: ID = f(description="The opportunity.")
    plan_id: ID = f(description="The plan.")


@strawberry.input(description="A new activity; a follow-up inherits the links it leaves out.")
class CreateActivityInput:
    type: ActivityType = f(description="Task, call, appointment or e-mail.")
    subject: str = f(description="What it is about.")
    due_at: dt.datetime | None = f(default=None, description="When it is due.")
    account_id: ID | None = f(default=None, description="The account.")
    contact_id: ID | None = f(default=None, description="The contact.")
    plan_id: ID | None = f(default=None, description="The plan.")
    objective_id: ID | None = f(default=None, description="The objective.")
    opportunity_id: ID | None = f(default=None, description="The opportunity.")
    follow_up_of_id: ID | None = f(
        default=None, description="The activity this follows up; its links are inherited."
    )


@strawberry.input(description="Changes to an activity; fields left out stay as they are.")
class UpdateActivityInput:
    id: ID = f(description="The activity.")
    subject: str | None = f(default=UNSET, description="A new subject.")
    type: ActivityType | None = f(default=UNSET, description="A new type.")
    status: ActivityStatus | None = f(default=UNSET, description="A new status.")
    due_at: dt.datetime | None = f(default=UNSET, description="A new due time; null clears.")


@strawberry.input(description="A new status for an activity.")
class ChangeActivityStatusInput:
    id: ID = f(description="The activity.")
    status: ActivityStatus = f(description="The new status.")


@strawberry.input(description="Associate a contact with an account, or dissociate it.")
class AccountContactInput:
    account_id: ID = f(description="The account.")
    contact_id: ID = f(description="The contact.")


@strawberry.input(description="Add a user to an account's team, or remove them.")
class AccountTeamMemberInput:
    account_id: ID = f(description="The account.")
    user_id: ID = f(description="The user.")
    role: str | None = f(default=None, description='Their role on the team, e.g. "specialist".')


@strawberry.input(description="An exchange rate: one unit of base is worth `rate` of quote.")
class SetExchangeRateInput:
    base: str = f(description="ISO 4217 code of the currency converted from.")
    quote: str = f(description="ISO 4217 code of the currency converted into.")
    rate: Decimal = f(description="Units of quote per unit of base (positive).")
