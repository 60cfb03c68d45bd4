"""Which accounts' pictures show an object: the reach of a change (DOMAIN.md, the picture).

A plan reaches the accounts it is linked to and the accounts of its contacts, and so do its
sub-plans (a tree shows under its root); objectives, opportunities and activities reach the
accounts and contacts they are linked to and the accounts of their plans; a global objective
reaches every account (None).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.account import AccountContact
from models.activity import Activity
from models.objective import Objective
from models.opportunity import Opportunity, OpportunityContact
from models.plan import BusinessPlan, PlanAccount, PlanContact, PlanOpportunity

Ref = tuple[str, int]  # ("account" | "contact" | "plan" | ... | "global", id)
MAX_TREE_DEPTH = 100


def affected_accounts(session: Session, refs: set[Ref]) -> set[int | None]:
    """The account ids the refs reach; {None} when one of them is global."""
    todo = set(refs)
    for kind, pk in refs:
        if kind in ("objective", "activity", "opportunity"):
            todo |= _places(session, kind, pk)
    if ("global", 0) in todo:
        return {None}
    accounts: set[int | None] = {pk for kind, pk in todo if kind == "account"}
    contacts = {pk for kind, pk in todo if kind == "contact"}
    plans = _with_ancestors(session, {pk for kind, pk in todo if kind == "plan"})
    if plans:
        accounts |= set(
            _column(session, select(PlanAccount.account_id).where(PlanAccount.plan_id.in_(plans)))
        )
        contacts |= set(
            _column(session, select(PlanContact.contact_id).where(PlanContact.plan_id.in_(plans)))
        )
    if contacts:
        accounts |= set(
            _column(
                session,
                select(AccountContact.account_id).where(AccountContact.contact_id.in_(contacts)),
            )
        )
    return accounts


def _column(session: Session, query: Any) -> list[Any]:
    return list(session.execute(query).scalars().all())


def _places(session: Session, kind: str, pk: int) -> set[Ref]:
    """The places a work item is linked to now (besides those its own row change named)."""
    places: set[Ref] = set()
    if kind == "opportunity":
        places |= {
            ("account", a)
            for a in _column(session, select(Opportunity.account_id).where(Opportunity.id == pk))
        }
        places |= {
            ("plan", p)
            for p in _column(
                session, select(PlanOpportunity.plan_id).where(PlanOpportunity.opportunity_id == pk)
            )
        }
        places |= {
            ("contact", c)
            for c in _column(
                session,
                select(OpportunityContact.contact_id).where(
                    OpportunityContact.opportunity_id == pk
                ),
            )
        }
        return places
    model: Any = Objective if kind == "objective" else Activity
    row = session.execute(select(model).where(model.id == pk)).scalar_one_or_none()
    if row is None:
        return places
    for column, ref in (
        ("account_id", "account"),
        ("contact_id", "contact"),
        ("plan_id", "plan"),
        ("opportunity_id", "opportunity"),
    ):
        value = getattr(row, column, None)
        if value is not None:
            places.add((ref, value))
    if kind == "objective" and row.account_id is None and row.contact_id is None:
        places.add(("global", 0))
    for ref_kind, ref_pk in list(places):
        if ref_kind == "opportunity":  # an activity about an opportunity shows where it does
            places |= _places(session, "opportunity", ref_pk)
    return places


def _with_ancestors(session: Session, plans: set[int]) -> set[int]:
    """The plans and every plan above them (a sub-plan shows in its root's tree)."""
    found = set(plans)
    frontier = set(plans)
    for _ in range(MAX_TREE_DEPTH):
        if not frontier:
            break
        parents = set(
            _column(
                session,
                select(BusinessPlan.parent_id).where(
                    BusinessPlan.id.in_(frontier), BusinessPlan.parent_id.is_not(None)
                ),
            )
        )
        frontier = parents - found
        found |= parents
    return found
