"""The business-plan workflow: which status moves exist, who may make them, what they need.

Pure functions over plain values, so the rules are testable without a database.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from models.plan import PlanStatus
from models.refusals import RefusalCode
from models.user import Role

S = PlanStatus


class Mover(enum.Enum):
    """Who may make a move: the plan's owner, or anyone who may review the plan."""

    OWNER = "the plan's owner"
    OWNER_OR_REVIEWER = "the plan's owner or a reviewer"


@dataclass(frozen=True)
class Move:
    name: str
    mover: Mover
    comment_required: bool = False


MOVES: dict[tuple[PlanStatus, PlanStatus], Move] = {
    (S.DRAFT, S.SUBMITTED): Move("submit", Mover.OWNER),
    (S.SUBMITTED, S.FINAL_APPROVED): Move("approve", Mover.OWNER),
    (S.SUBMITTED, S.DRAFT): Move("return", Mover.OWNER_OR_REVIEWER, comment_required=True),
    (S.FINAL_APPROVED, S.DRAFT): Move("reopen", Mover.OWNER, comment_required=True),
    (S.DRAFT, S.EXPIRED): Move("expire", Mover.OWNER),
    (S.SUBMITTED, S.EXPIRED): Move("expire", Mover.OWNER),
    (S.FINAL_APPROVED, S.EXPIRED): Move("expire", Mover.OWNER),
}

# Statuses to which opportunities, objectives and activities may still be linked.
LINKABLE = frozenset({S.DRAFT, S.SUBMITTED, S.FINAL_APPROVED})


@dataclass(frozen=True)
class Actor:
    user_id: int
    role: Role


class Refusal(Exception):
    """A rule said no, with the code and the input field that say why."""

    def __init__(self, code: RefusalCode, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def may_act_as(actor: Actor, mover: Mover, owner_id: int) -> bool:
    """Administrators may make every move; otherwise the move's mover decides."""
    if actor.role is Role.ADMIN:
        return True
    is_owner = actor.user_id == owner_id
    is_reviewer = actor.role is Role.REVIEWER
    if mover is Mover.OWNER:
        return is_owner
    return is_owner or is_reviewer


def transition(
    current: PlanStatus, target: PlanStatus, actor: Actor, owner_id: int, comment: str | None
) -> Move:
    """Check one status move; return it, or raise Refusal saying why not."""
    move = MOVES.get((current, target))
    if move is None:
        raise Refusal(
            RefusalCode.INVALID_TRANSITION,
            f"A plan cannot move from {current.value} to {target.value}.",
            "status",
        )
    if not may_act_as(actor, move.mover, owner_id):
        raise Refusal(
            RefusalCode.FORBIDDEN,
            f"Only {move.mover.value} or an administrator may {move.name} this plan.",
        )
    if move.comment_required and not (comment and comment.strip()):
        raise Refusal(
            RefusalCode.INVALID, f"A comment is required to {move.name} a plan.", "comment"
        )
    return move


def check_content_editable(status: PlanStatus) -> None:
    """A final-approved plan's own content is read-only until reopened; an expired one is closed."""
    if status is S.FINAL_APPROVED:
        raise Refusal(
            RefusalCode.READ_ONLY, "The plan is FINAL_APPROVED: reopen it to change its content."
        )
    if status is S.EXPIRED:
        raise Refusal(RefusalCode.READ_ONLY, "The plan is EXPIRED and takes no changes.")


def check_linkable(status: PlanStatus) -> None:
    """Opportunities, objectives and activities may be linked to any plan but an expired one."""
    if status not in LINKABLE:
        raise Refusal(RefusalCode.READ_ONLY, "The plan is EXPIRED and takes no new links.")


def may_edit_content(actor: Actor, owner_id: int, status: PlanStatus) -> bool:
    """Owners and administrators edit plans; reviewers edit submitted ones."""
    if actor.role is Role.ADMIN or actor.user_id == owner_id:
        return True
    return actor.role is Role.REVIEWER and status is S.SUBMITTED
