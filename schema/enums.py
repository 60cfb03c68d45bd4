"""The public enums: each wraps the one Python enum defined in models/."""

from __future__ import annotations

import enum

import strawberry

from models import activity, objective, opportunity, period, plan

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


@strawberry.enum(description="Why a mutation refused its input.")
class UserErrorCode(enum.Enum):
    INVALID = strawberry.enum_value("INVALID", description="A value breaks a rule.")
    INVALID_TRANSITION = strawberry.enum_value(
        "INVALID_TRANSITION", description="The workflow does not allow this status change."
    )
    NOT_FOUND = strawberry.enum_value(
        "NOT_FOUND", description="No object with that id exists or is visible to you."
    )
    STALE_VERSION = strawberry.enum_value(
        "STALE_VERSION", description="The object changed since the version you read."
    )
    FORBIDDEN = strawberry.enum_value("FORBIDDEN", description="You may not make this change.")
    READ_ONLY = strawberry.enum_value(
        "READ_ONLY", description="The object's status does not allow this change."
    )
    DUPLICATE = strawberry.enum_value(
        "DUPLICATE", description="Another object already has this unique value."
    )
