"""The public enums: each wraps the one Python enum defined in models/."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TypeVar

import strawberry
from strawberry.types.enum import has_enum_definition

from models import activity, objective, opportunity, period, plan, refusals

E = TypeVar("E", bound=enum.Enum)

# strawberry.enum marks the models/ enum itself; each name here is that same class, so that
# it is a type to mypy as well.
PlanStatus = plan.PlanStatus
PlanType = plan.PlanType
ObjectiveStatus = objective.ObjectiveStatus
OpportunityStage = opportunity.OpportunityStage
ActivityType = activity.ActivityType
ActivityStatus = activity.ActivityStatus
PeriodType = period.PeriodType
UserErrorCode = refusals.RefusalCode

strawberry.enum(PlanStatus, description="Where a business plan is in its workflow.")
strawberry.enum(PlanType, description="What a business plan covers.")
strawberry.enum(ObjectiveStatus, description="The state of an objective.")
strawberry.enum(OpportunityStage, description="The sales stage of an opportunity.")
strawberry.enum(ActivityType, description="The kind of activity.")
strawberry.enum(ActivityStatus, description="How far an activity has got.")
strawberry.enum(PeriodType, description="The length of a planning period.")
strawberry.enum(
    UserErrorCode, name="UserErrorCode", description="Why a mutation refused its input."
)


@strawberry.enum(description="How an item reaches an account in its planning picture.")
class LinkVia(enum.Enum):
    ACCOUNT = strawberry.enum_value("ACCOUNT", description="Linked to the account itself.")
    CONTACT = strawberry.enum_value(
        "CONTACT", description="Linked to one of the account's contacts (see `viaContact`)."
    )
    GLOBAL = strawberry.enum_value(
        "GLOBAL", description="An objective with no account and no contact: it applies to all."
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


def _describe_values(wrapped: type[E], descriptions: Mapping[E, str]) -> None:
    """Each value's public description: models/ enums carry none, strawberry.enum takes none."""
    marked: object = wrapped  # narrowed below, while `wrapped` stays the enum class
    assert has_enum_definition(marked)
    for value in marked.__strawberry_definition__.values:
        value.description = descriptions[wrapped(value.value)]


_describe_values(UserErrorCode, _USER_ERROR_CODE_DESCRIPTIONS)
