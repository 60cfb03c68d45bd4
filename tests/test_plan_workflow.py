"""The plan workflow rules, without a database: moves, movers, comments, read-only statuses."""

from __future__ import annotations

import itertools

import pytest

from models.plan import PlanStatus
from models.plan_workflow import (
    MOVES,
    Actor,
    Refusal,
    check_content_editable,
    check_linkable,
    may_edit_content,
    transition,
)
from models.user import Role

S = PlanStatus
OWNER_ID = 1
OWNER = Actor(OWNER_ID, Role.ACCOUNT_MANAGER)
OTHER_MANAGER = Actor(2, Role.ACCOUNT_MANAGER)
REVIEWER = Actor(3, Role.REVIEWER)
ADMIN = Actor(4, Role.ADMIN)

ALLOWED = {
    (S.DRAFT, S.SUBMITTED): "submit",
    (S.SUBMITTED, S.FINAL_APPROVED): "approve",
    (S.SUBMITTED, S.DRAFT): "return",
    (S.FINAL_APPROVED, S.DRAFT): "reopen",
    (S.DRAFT, S.EXPIRED): "expire",
    (S.SUBMITTED, S.EXPIRED): "expire",
    (S.FINAL_APPROVED, S.EXPIRED): "expire",
}
ALL_PAIRS = list(itertools.product(S, S))


def refusal(current: S, target: S, actor: Actor, comment: str | None = "why") -> Refusal:
    with pytest.raises(Refusal) as raised:
        transition(current, target, actor, OWNER_ID, comment)
    return raised.value


def as_dict(error: Refusal) -> dict[str, str | None]:
    return {"code": error.code, "field": error.field}


def test_the_moves_are_exactly_the_documented_ones() -> None:
    assert {pair: move.name for pair, move in MOVES.items()} == ALLOWED


@pytest.mark.parametrize(("current", "target"), list(ALLOWED))
def test_the_owner_may_make_every_move(current: S, target: S) -> None:
    move = transition(current, target, OWNER, OWNER_ID, "because")

    assert move.name == ALLOWED[(current, target)]


@pytest.mark.parametrize(("current", "target"), ALL_PAIRS, ids=lambda s: s.value)
def test_every_pair_is_allowed_or_an_invalid_transition(current: S, target: S) -> None:
    if (current, target) in ALLOWED:
        assert transition(current, target, ADMIN, OWNER_ID, "ok").name == ALLOWED[(current, target)]
    else:
        error = refusal(current, target, ADMIN)
        assert as_dict(error) == {"code": "INVALID_TRANSITION", "field": "status"}
        assert error.message == f"A plan cannot move from {current.value} to {target.value}."


def test_nothing_leaves_expired() -> None:
    codes = [refusal(S.EXPIRED, target, ADMIN).code for target in S]

    assert codes == ["INVALID_TRANSITION"] * 4


@pytest.mark.parametrize(("current", "target"), list(ALLOWED))
def test_another_account_manager_may_make_no_move(current: S, target: S) -> None:
    error = refusal(current, target, OTHER_MANAGER)

    assert as_dict(error) == {"code": "FORBIDDEN", "field": None}


@pytest.mark.parametrize(("current", "target"), list(ALLOWED))
def test_an_administrator_may_make_every_move(current: S, target: S) -> None:
    assert (
        transition(current, target, ADMIN, OWNER_ID, "admin says").name
        == ALLOWED[(current, target)]
    )


def test_a_reviewer_may_return_a_submitted_plan() -> None:
    assert transition(S.SUBMITTED, S.DRAFT, REVIEWER, OWNER_ID, "needs numbers").name == "return"


@pytest.mark.parametrize(
    ("current", "target"),
    [pair for pair in ALLOWED if pair != (S.SUBMITTED, S.DRAFT)],
)
def test_a_reviewer_may_make_no_other_move(current: S, target: S) -> None:
    error = refusal(current, target, REVIEWER)

    assert as_dict(error) == {"code": "FORBIDDEN", "field": None}


def test_the_forbidden_message_names_who_may_move() -> None:
    error = refusal(S.DRAFT, S.SUBMITTED, OTHER_MANAGER)

    assert error.message == "Only the plan's owner or an administrator may submit this plan."


@pytest.mark.parametrize(
    ("current", "target"), [(S.SUBMITTED, S.DRAFT), (S.FINAL_APPROVED, S.DRAFT)]
)
@pytest.mark.parametrize("comment", [None, "", "   ", "\n\t"])
def test_return_and_reopen_need_a_comment(current: S, target: S, comment: str | None) -> None:
    error = refusal(current, target, OWNER, comment)

    assert as_dict(error) == {"code": "INVALID", "field": "comment"}


def test_the_comment_check_comes_after_the_mover_check() -> None:
    error = refusal(S.SUBMITTED, S.DRAFT, OTHER_MANAGER, None)

    assert error.code == "FORBIDDEN"


@pytest.mark.parametrize(
    ("current", "target"),
    [(S.DRAFT, S.SUBMITTED), (S.SUBMITTED, S.FINAL_APPROVED), (S.DRAFT, S.EXPIRED)],
)
def test_other_moves_need_no_comment(current: S, target: S) -> None:
    assert transition(current, target, OWNER, OWNER_ID, None).comment_required is False


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED])
def test_draft_and_submitted_content_is_editable(status: S) -> None:
    check_content_editable(status)  # raises no Refusal


@pytest.mark.parametrize("status", [S.FINAL_APPROVED, S.EXPIRED])
def test_approved_and_expired_content_is_read_only(status: S) -> None:
    with pytest.raises(Refusal) as raised:
        check_content_editable(status)

    assert as_dict(raised.value) == {"code": "READ_ONLY", "field": None}


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.FINAL_APPROVED])
def test_active_plans_take_links(status: S) -> None:
    check_linkable(status)  # raises no Refusal


def test_an_expired_plan_takes_no_links() -> None:
    with pytest.raises(Refusal) as raised:
        check_linkable(S.EXPIRED)

    assert as_dict(raised.value) == {"code": "READ_ONLY", "field": None}


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        (OWNER, {S.DRAFT: True, S.SUBMITTED: True, S.FINAL_APPROVED: True, S.EXPIRED: True}),
        (ADMIN, {S.DRAFT: True, S.SUBMITTED: True, S.FINAL_APPROVED: True, S.EXPIRED: True}),
        (REVIEWER, {S.DRAFT: False, S.SUBMITTED: True, S.FINAL_APPROVED: False, S.EXPIRED: False}),
        (OTHER_MANAGER, {s: False for s in S}),
    ],
    ids=["owner", "admin", "reviewer", "other-manager"],
)
def test_who_may_edit_content(actor: Actor, expected: dict[S, bool]) -> None:
    assert {status: may_edit_content(actor, OWNER_ID, status) for status in S} == expected
