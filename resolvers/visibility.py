"""Who sees what: the one place that decides which rows a viewer may read.

Every read path (node(id:), root lists, nested connections, counts) filters with these
expressions, so a hidden row and a missing one look the same to the client.

- Administrators and reviewers see everything.
- An account manager sees the accounts they own or are on the account team of, the contacts
  of those accounts, and what is linked to those accounts or contacts; a plan is also always
  visible to its owner, and a plan linked only to contacts is visible with those contacts'
  accounts; an activity is also always visible to its owner. Global objectives, users and
  periods are visible to everyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, literal, or_, select
from sqlalchemy.orm import QueryableAttribute

from models import (
    Account,
    AccountContact,
    AccountTeamMember,
    Activity,
    BusinessPlan,
    Contact,
    Objective,
    Opportunity,
    PlanAccount,
    PlanContact,
    Role,
)


@dataclass(frozen=True)
class Viewer:
    user_id: int
    role: Role
    name: str
    email: str

    @property
    def sees_everything(self) -> bool:
        return self.role in (Role.ADMIN, Role.REVIEWER)


# The viewer's user id in SQL: a literal value on the general path, a bound parameter of a
# compiled statement on the fast path (whose text is then shared by every viewer).
UserId = ColumnElement[Any]


def visible_account_ids(user: UserId) -> Select[Any]:
    team = select(AccountTeamMember.account_id).where(AccountTeamMember.user_id == user)
    return select(Account.id).where(or_(Account.owner_id == user, Account.id.in_(team)))


def contact_seen(
    contact_id: ColumnElement[Any] | QueryableAttribute[Any], user: UserId
) -> ColumnElement[bool]:
    """The contact is one of an account the viewer sees: its own links read by the index on
    contact_id. (`contact_id IN (every contact of the viewer's accounts)` made PostgreSQL
    read all the links of all accounts into a hash for each list it filtered: 10,000 rows,
    twice per picture statement of an account manager in the bench.)"""
    link = AccountContact.__table__.alias()
    return exists().where(
        link.c.contact_id == contact_id, link.c.account_id.in_(visible_account_ids(user))
    )


def _plan_filter(user: UserId) -> ColumnElement[bool]:
    accounts = visible_account_ids(user)
    return or_(
        BusinessPlan.owner_id == user,
        exists().where(
            and_(PlanAccount.plan_id == BusinessPlan.id, PlanAccount.account_id.in_(accounts))
        ),
        exists().where(
            and_(PlanContact.plan_id == BusinessPlan.id, contact_seen(PlanContact.contact_id, user))
        ),
    )


def _objective_filter(user: UserId) -> ColumnElement[bool]:
    return or_(
        and_(Objective.account_id.is_(None), Objective.contact_id.is_(None)),
        Objective.account_id.in_(visible_account_ids(user)),
        contact_seen(Objective.contact_id, user),
    )


# The account's lists whose every item the viewer sees when they see the account (the rules
# above): a plan linked to the account or to one of its contacts, an objective of the
# account, of one of its contacts or global, an activity of the account or of one of its
# contacts. Every Account row the fast path (resolvers/fastpath/lists.py) reads is one the
# viewer sees (root lists, node(id:), references and child lists all filter), so these lists
# need no visibility filter: for an account manager it read each of the account's 1,005
# activities to count them, and every contact of their accounts twice. An opportunity
# reached through a contact may belong to an account the viewer does not see: that list
# keeps its filter.
SEEN_WITH_THE_ACCOUNT = frozenset({"BusinessPlan", "Objective", "Activity"})


def item_filter(model: type, row: Any, user: UserId) -> ColumnElement[bool]:
    """An opportunity or an activity is visible: on the columns of `row` (ITEM_COLUMNS), a row
    of its table (the table itself, or an alias of it in a statement)."""
    if model is Opportunity:
        return row.c.account_id.in_(visible_account_ids(user))  # type: ignore[no-any-return]
    return or_(
        row.c.owner_id == user,
        row.c.account_id.in_(visible_account_ids(user)),
        contact_seen(row.c.contact_id, user),
    )


# The tables whose visibility is a condition on their own row's columns (item_filter).
ITEM_COLUMNS = {Opportunity: ("account_id",), Activity: ("owner_id", "account_id", "contact_id")}


def _filters(user: UserId) -> dict[type, ColumnElement[bool]]:
    accounts = visible_account_ids(user)
    return {
        Account: Account.id.in_(accounts),
        Contact: contact_seen(Contact.id, user),
        BusinessPlan: _plan_filter(user),
        Objective: _objective_filter(user),
        Opportunity: item_filter(Opportunity, Opportunity.__table__, user),
        Activity: item_filter(Activity, Activity.__table__, user),
    }


def visible(model: type, viewer: Viewer, user: UserId | None = None) -> ColumnElement[bool] | None:
    """The condition a row of `model` must meet to be seen, or None if all rows are visible.

    `user` stands for the viewer's id in SQL (default: the id itself).
    """
    if viewer.sees_everything:
        return None
    return _filters(literal(viewer.user_id) if user is None else user).get(model)


def restrict(query: Select[Any], model: type, viewer: Viewer) -> Select[Any]:
    condition = visible(model, viewer)
    return query if condition is None else query.where(condition)
