"""The SQL that both read paths share: filters, the picture's links and `via` rules, links.

The general path runs these batched over many parents (`owner.in_(ids)`); the fast path
embeds them correlated to the row being built (`owner == row.id`). Either way it is the same
expression, declared once here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    false,
    func,
    null,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.sql.selectable import FromClause

from models import (
    Account,
    AccountContact,
    Activity,
    BusinessPlan,
    Objective,
    Opportunity,
    OpportunityContact,
    PlanAccount,
    PlanContact,
)
from models.base import MONEY_SCALE
from resolvers.read.constants import Constant, constants
from resolvers.read.specs import Filter, FilterKind

# Which rows belong to the parent(s) at hand: `column IN (ids)` batched, `= row.id` inline.
Owner = Callable[[Any], ColumnElement[bool]]


class Via(enum.IntEnum):
    """How an item reaches an account; the lower value wins when several apply."""

    ACCOUNT = 1
    CONTACT = 2
    GLOBAL = 3


def filter_condition(table: FromClause, spec: Filter, value: Any) -> ColumnElement[bool]:
    """`spec` applied to `table`; `value` is the argument, decoded (a pk for an id)."""
    column: ColumnElement[Any] = table.c[spec.column]
    if spec.kind is FilterKind.ONE_OF:
        return column.in_(value) if value else false()  # an empty list matches nothing
    if spec.kind is FilterKind.SEARCH:
        lowered: ColumnElement[str] = func.lower(column)
        return lowered.like(func.lower(value), escape="\\")
    equal: ColumnElement[bool] = column == value
    return equal


def _row(acct: Any, item: Any, via: Via, contact: Any) -> Select[Any]:
    return select(
        acct.label("acct"),
        item.label("item"),
        Constant(int(via)).label("prio"),
        contact.label("contact"),
    )


# The links are built on the tables, not the mapped classes: a select of mapped attributes is
# compiled through the ORM's compile state (a fast path compile of the picture spent about a
# quarter of its time there), and these selects need nothing of the ORM.
def _table(model: Any) -> Any:
    return model.__table__


def _global(owner: Owner) -> Select[Any]:
    """Every account gets every global objective (no account, no contact)."""
    a, o = _table(Account).c, _table(Objective).c
    return (
        _row(a.id, o.id, Via.GLOBAL, null())
        .join_from(_table(Account), _table(Objective), true())
        .where(owner(a.id), o.account_id.is_(None), o.contact_id.is_(None))
    )


def _direct(model: Any, owner: Owner) -> Select[Any]:
    c = _table(model).c
    return _row(c.account_id, c.id, Via.ACCOUNT, null()).where(owner(c.account_id))


def _through_contact(model: Any, owner: Owner) -> Select[Any]:
    ac, c = _table(AccountContact), _table(model).c
    return (
        _row(ac.c.account_id, c.id, Via.CONTACT, c.contact_id)
        .join_from(ac, _table(model), c.contact_id == ac.c.contact_id)
        .where(owner(ac.c.account_id))
    )


def _plan_links(owner: Owner) -> list[Select[Any]]:
    ac, pa, pc = _table(AccountContact), _table(PlanAccount).c, _table(PlanContact)
    return [
        _row(pa.account_id, pa.plan_id, Via.ACCOUNT, null()).where(owner(pa.account_id)),
        _row(ac.c.account_id, pc.c.plan_id, Via.CONTACT, pc.c.contact_id)
        .join_from(ac, pc, pc.c.contact_id == ac.c.contact_id)
        .where(owner(ac.c.account_id)),
    ]


def _opportunity_links(owner: Owner) -> list[Select[Any]]:
    ac, oc = _table(AccountContact), _table(OpportunityContact)
    return [
        _direct(Opportunity, owner),
        _row(ac.c.account_id, oc.c.opportunity_id, Via.CONTACT, oc.c.contact_id)
        .join_from(ac, oc, oc.c.contact_id == ac.c.contact_id)
        .where(owner(ac.c.account_id)),
    ]


# The picture's sources: every (account, item, via, contact) link of each kind of item.
PICTURE_LINKS: dict[str, Callable[[Owner], list[Select[Any]]]] = {
    "BusinessPlan": _plan_links,
    "Objective": lambda owner: [
        _direct(Objective, owner),
        _through_contact(Objective, owner),
        _global(owner),
    ],
    "Opportunity": _opportunity_links,
    "Activity": lambda owner: [_direct(Activity, owner), _through_contact(Activity, owner)],
}


def chosen_links(
    target: str, owner: Owner, vias: Sequence[Via], outer: FromClause | None = None
) -> Select[Any]:
    """Each item once per account, with the first way it came (ACCOUNT, CONTACT, GLOBAL;
    the lowest contact id), kept only if that way is one of `vias`.

    `outer`: the row the owner condition refers to, when embedded in a larger statement.
    """
    sources = PICTURE_LINKS[target](owner)
    if outer is not None:
        sources = [source.correlate(outer) for source in sources]
    links = union_all(*sources).subquery("links")
    ranked = select(
        links,
        func.row_number()
        .over(partition_by=(links.c.acct, links.c.item), order_by=(links.c.prio, links.c.contact))
        .label("pick"),
    ).subquery("ranked")
    prios = constants([int(v) for v in vias] or [0])
    return select(ranked.c.acct, ranked.c.item, ranked.c.prio, ranked.c.contact).where(
        and_(ranked.c.pick == 1, ranked.c.prio.in_(prios))
    )


def plan_tree(root: ColumnElement[Any]) -> Any:
    """(root, plan) for a plan and every plan below it; UNION ends the walk even on a cycle."""
    tree = (
        select(BusinessPlan.id.label("root"), BusinessPlan.id.label("plan"))
        .where(root)
        .cte("tree", recursive=True)
    )
    below = select(tree.c.root, BusinessPlan.id).join(
        BusinessPlan, BusinessPlan.parent_id == tree.c.plan
    )
    return tree.union(below)


def bucket_condition(bucket: str, stage: ColumnElement[Any]) -> ColumnElement[bool]:
    """The roll-up buckets: won is CLOSED_WON; open is every stage not yet closed."""
    if bucket == "won":
        return stage == Constant("CLOSED_WON")
    return stage.not_in(constants(["CLOSED_WON", "CLOSED_LOST"]))


# A sum of amounts in thousandths is kept as two sums, of the amounts' quotient and rest by
# SPLIT: each stays far below 2^63 for any number of rows, where one sum could overflow
# SQLite's 64-bit integers (PostgreSQL's sum(bigint) is exact anyway).
SPLIT = 10**9


def money_sum(column: Any) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    """sum(column) as (sum of column / SPLIT, sum of column % SPLIT)."""
    return func.sum(column // Constant(SPLIT)), func.sum(column % Constant(SPLIT))


def money_of_parts(high: Any, low: Any) -> Decimal:
    """The exact amount of a sum that money_sum kept in two parts (of thousandths)."""
    return (Decimal(int(high)) * SPLIT + Decimal(int(low))) / Decimal(10**MONEY_SCALE)


def subtree(model: Any, root: ColumnElement[bool], name: str = "tree") -> Any:
    """(root, node) for each root row of `model` (by `root`) and every row below it by
    parent_id; UNION ends the walk even on a cycle (plans and objectives alike)."""
    anchor = select(model.id.label("root"), model.id.label("node")).where(root)
    tree = anchor.cte(name, recursive=True)
    below = select(tree.c.root, model.id).join(model, model.parent_id == tree.c.node)
    return tree.union(below)


def reaches_account(table: FromClause, account: Any) -> ColumnElement[bool]:
    """An activity or opportunity counts for an account (actualForAccount): its own, or one of
    its contacts' (the activity's contact; a contact in a role on the opportunity).

    `account` is a column of the row that names the account (correlated explicitly: it may
    sit several levels above this condition in a statement).
    """
    holder = account.table
    contacts = (
        select(AccountContact.contact_id)
        .where(AccountContact.account_id == account)
        .correlate(holder)
    )
    if "contact_id" in table.c:
        return or_(table.c.account_id == account, table.c.contact_id.in_(contacts))
    oc = OpportunityContact.__table__
    by_contact = (
        select(oc.c.opportunity_id)
        .where(oc.c.opportunity_id == table.c.id, oc.c.contact_id.in_(contacts))
        .correlate(table, holder)
    )
    return or_(table.c.account_id == account, by_contact.exists())
