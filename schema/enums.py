"""The public enums: each wraps the one Python enum defined in models/."""

from __future__ import annotations

import enum
from collections.abc import Mapping

import strawberry
from strawberry.types.enum import has_enum_definition

from models import activity, objective, opportunity, period, plan, refusals

PlanStatus = strawberry.enum(
    plan.PlanStatus, description="Where a business plan is in its workflow."
)
PlanType = strawberry.enum(plan.PlanType, description="What a business plan covers.")
ObjectiveStatus = strawberry.enum(
    objective.ObjectiveStatus, description="The state of an objective."
)
OpportunityStage = strawberry.enum(
    opportunity.OpportunityStage, description="The sales stage of an opportunity."
)
ActivityType = strawberry.enum(activity.ActivityType, description="The kind of activity.")
ActivityStatus = strawberry.enum(
    activity.ActivityStatus, description="How far an activity has got."
)
PeriodType = strawberry.enum(period.PeriodType, description="The length of a planning period.")


@strawberry.enum(description="How an item reaches an account in its planning picture.")
class LinkVia(enum.Enum):
    ACCOUNT = strawberry.enum_value("ACCOUNT", description="Linked to the account itself.")
    CONTACT = strawberry.enum_value(
        "CONTACT", description="Linked to one of the account's contacts (see `viaContact`)."
    )
    GLOBAL = strawberry.enum_value(
        "GLOBAL", description="An objective with no account and no contact: it applies to all."
    )


UserErrorCode = strawberry.enum(
    refusals.RefusalCode, name="UserErrorCode", description="Why a mutation refused its input."
)
_USER_ERROR_CODE_DESCRIPTIONS = {
    refusals.RefusalCode.INVALID: "A value breaks a rule.",
    refusals.RefusalCode.INVALID_TRANSITION: "The workflow does not allow this status change.",
    refusals.RefusalCode.NOT_FOUND: "No object with that id exists or is visible to you.",
    refusals.RefusalCode.STALE_VERSION: "The object changed since the version you read.",
    refusals.RefusalCode.FORBIDDEN: "You may not make this change.",
    refusals.RefusalCode.READ_ONLY: "The object's status does not allow this change.",
    refusals.RefusalCode.DUPLICATE: "Another object already has this unique value.",
}


def _describe_values(wrapped: type[enum.Enum], descriptions: Mapping[enum.Enum, str]) -> None:
    """Each value's public description: models/ enums carry none, strawberry.enum takes none."""
    assert has_enum_definition(wrapped)
    for value in wrapped.__strawberry_definition__.values:
        value.description = descriptions[wrapped[value.name]]


_describe_values(UserErrorCode, _USER_ERROR_CODE_DESCRIPTIONS)
