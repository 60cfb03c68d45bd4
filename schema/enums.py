"""The public enums: each wraps the one Python enum defined in models/."""

from __future__ import annotations

import enum
from typing import TypeVar

import strawberry

from models import activity, objective, opportunity, period, plan

E = TypeVar("E", bound=type[enum.Enum])


def _described(cls: E, description: str, values: dict[str, str]) -> E:
    """A models/ enum exposed with a description on every value (GraphiQL shows them)."""
    exposed = strawberry.enum(cls, description=description)
    for value in getattr(exposed, "__strawberry_definition__").values:  # noqa: B009
        value.description = values[value.name]  # KeyError: a value left undescribed
    return exposed


PlanStatus = _described(
    plan.PlanStatus,
    "Where a business plan is in its workflow.",
    {
        "DRAFT": "Being written; the owner submits it when ready.",
        "SUBMITTED": "Waiting for approval; reviewers may edit it or return it to draft.",
        "FINAL_APPROVED": "Approved: its own content is fixed, execution goes on.",
        "EXPIRED": "Closed (its period ended, or it was dropped); final: no edits, no new links.",
    },
)
PlanType = _described(
    plan.PlanType,
    "What a business plan covers.",
    {
        "ACCOUNT": "One customer account (and its subsidiaries).",
        "LOCAL": "A local territory or branch.",
        "REGIONAL": "A region with several territories.",
        "NATIONAL": "A whole country.",
        "MARKET_SEGMENT": "An industry or market segment across accounts.",
        "ENGAGEMENT": "One engagement or project with a customer.",
        "BRAND": "One brand or product line.",
    },
)
ObjectiveStatus = _described(
    objective.ObjectiveStatus,
    "The state of an objective.",
    {
        "DRAFT": "Being written.",
        "SUBMITTED": "Waiting for approval.",
        "FINAL_APPROVED": "Approved as written.",
        "CURRENT": "Being worked on now.",
        "EXPIRED": "Its period is over.",
        "FUTURE": "Planned for later; not started.",
        "ON_HOLD": "Paused for now.",
    },
)
OpportunityStage = _described(
    opportunity.OpportunityStage,
    "The sales stage of an opportunity.",
    {
        "PROSPECTING": "A possible sale, not yet qualified.",
        "QUALIFICATION": "Checking the need, the budget and who decides.",
        "PROPOSAL": "An offer has been made.",
        "NEGOTIATION": "Agreeing on terms and price.",
        "CLOSED_WON": "Sold: counts towards the won revenue of the plans it is linked to.",
        "CLOSED_LOST": "Not sold.",
    },
)
ActivityType = _described(
    activity.ActivityType,
    "The kind of activity.",
    {
        "TASK": "Something to do.",
        "CALL": "A telephone call.",
        "APPOINTMENT": "A meeting at a set time.",
        "EMAIL": "An e-mail to write or send.",
    },
)
ActivityStatus = _described(
    activity.ActivityStatus,
    "How far an activity has got.",
    {
        "NOT_STARTED": "Not begun yet.",
        "IN_PROGRESS": "Begun, not finished.",
        "COMPLETED": "Done.",
        "CANCELLED": "Will not be done.",
    },
)
PeriodType = _described(
    period.PeriodType,
    "The length of a planning period.",
    {
        "YEAR": "A fiscal year.",
        "QUARTER": "A quarter of a fiscal year.",
        "MONTH": "A month.",
    },
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
