"""The public enums: each wraps the one Python enum defined in models/, once."""

from __future__ import annotations

import enum
from typing import Any

import strawberry
from strawberry.types.enum import has_enum_definition

from models import activity, objective, opportunity, period, plan, refusals

# strawberry.enum marks the models/ enum itself; each name here is that same class, so that
# it is a type to mypy as well.
PlanStatus = plan.PlanStatus
PlanType = plan.PlanType
ObjectiveStatus = objective.ObjectiveStatus
ObjectiveMeasure = objective.ObjectiveMeasure
OpportunityStage = opportunity.OpportunityStage
ActivityType = activity.ActivityType
ActivityStatus = activity.ActivityStatus
PeriodType = period.PeriodType
UserErrorCode = refusals.RefusalCode


def described(cls: type[enum.Enum], description: str, values: dict[str, str], **kw: Any) -> None:
    """A models/ enum exposed with a description on every value (GraphiQL shows them)."""
    strawberry.enum(cls, description=description, **kw)
    marked: object = cls
    assert has_enum_definition(marked)
    for value in marked.__strawberry_definition__.values:
        value.description = values[value.name]  # KeyError: a value left undescribed


described(
    PlanStatus,
    "Where a business plan is in its workflow.",
    {
        "DRAFT": "Being written; the owner submits it when ready.",
        "SUBMITTED": "Waiting for approval; reviewers may edit it or return it to draft.",
        "FINAL_APPROVED": "Approved: its own content is fixed, execution goes on.",
        "EXPIRED": "Closed (its period ended, or it was dropped); final: no edits, no new links.",
    },
)
described(
    PlanType,
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
described(
    ObjectiveStatus,
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
described(
    ObjectiveMeasure,
    "How an objective's progress (`actual`) is counted.",
    {
        "MANUAL": "Typed in by hand: the `actual` input of createObjective/updateObjective.",
        "COMPLETED_ACTIVITIES": "Completed activities linked to the objective or the "
        "objectives below it, each counted once.",
        "WON_REVENUE": "CLOSED_WON opportunities linked to the objective or the objectives "
        "below it, each counted once, in the revenue target's currency.",
    },
)
described(
    OpportunityStage,
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
described(
    ActivityType,
    "The kind of activity.",
    {
        "TASK": "Something to do.",
        "CALL": "A telephone call.",
        "APPOINTMENT": "A meeting at a set time.",
        "EMAIL": "An e-mail to write or send.",
    },
)
described(
    ActivityStatus,
    "How far an activity has got.",
    {
        "NOT_STARTED": "Not begun yet.",
        "IN_PROGRESS": "Begun, not finished.",
        "COMPLETED": "Done.",
        "CANCELLED": "Will not be done.",
    },
)
described(
    PeriodType,
    "The length of a planning period.",
    {
        "YEAR": "A fiscal year.",
        "QUARTER": "A quarter of a fiscal year.",
        "MONTH": "A month.",
    },
)


described(
    UserErrorCode,
    "Why a mutation refused its input.",
    {
        "INVALID": "A value breaks a rule.",
        "INVALID_TRANSITION": "The workflow does not allow this status change.",
        "NOT_FOUND": "No object with that id exists or is visible to you.",
        "STALE_VERSION": "The object changed since the version you read.",
        "FORBIDDEN": "You may not make this change.",
        "READ_ONLY": "The object's status does not allow this change.",
        "DUPLICATE": "Another object already has this unique value.",
    },
    name="UserErrorCode",
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
