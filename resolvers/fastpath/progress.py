"""Objective progress in SQL: the statement gathers what models/progress.py needs (completed
activities, won amounts per currency, the objective's targets) into a placeholder, and
Python applies the same rule as the general path (resolvers/fastpath/run.py)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import ColumnElement, and_, func, not_, or_, select
from sqlalchemy.sql.selectable import FromClause

from models import Activity, Objective, Opportunity
from resolvers.fastpath.dialect import Expr
from resolvers.fastpath.selection import Compilation, Selected
from resolvers.read.constants import Constant
from resolvers.read.sources import money_sum, reaches_account


def _subtree(comp: Compilation, row: FromClause) -> Any:
    """The objective and every objective below it (a nesting recursive CTE)."""
    anchor = select(row.c.id.label("id")).correlate(row)
    tree = anchor.cte(comp.name("objective_tree"), recursive=True, nesting=True)
    below = Objective.__table__.alias(comp.name("ob"))
    return tree.union(select(below.c.id).join(tree, below.c.parent_id == tree.c.id))


def _for_account(
    row: FromClause, table: FromClause, account: FromClause | None
) -> list[ColumnElement[bool]]:
    """actualForAccount: a global objective counts only the account's own items."""
    if account is None:
        return []
    is_global = and_(row.c.account_id.is_(None), row.c.contact_id.is_(None))
    return [or_(not_(is_global), reaches_account(table, account.c.id))]


def progress_placeholder(comp: Compilation, row: FromClause, item: Selected, what: str,
                         account: FromClause | None = None) -> Expr:  # fmt: skip
    """{"$progress": what, ...inputs}: replaced in Python by the value (or null + error)."""
    from resolvers.fastpath.objects import locations

    comp.rollups = True
    sql = comp.sql
    outer = [row] if account is None else [row, account]  # SQL's correlation, made explicit
    tree = _subtree(comp, row)
    in_tree = select(tree.c.id)
    a = Activity.__table__.alias(comp.name("a"))
    completed = (
        select(func.count())
        .select_from(a)
        .where(a.c.objective_id.in_(in_tree), a.c.status == Constant("COMPLETED"),
               *_for_account(row, a, account))
        .correlate(*outer)
        .scalar_subquery()
    )  # fmt: skip
    o = Opportunity.__table__.alias(comp.name("o"))
    high, low = money_sum(o.c.amount_milli)
    sums = (
        select(o.c.currency, high.label("high"), low.label("low"))
        .where(o.c.objective_id.in_(in_tree), o.c.stage == Constant("CLOSED_WON"),
               *_for_account(row, o, account))
        .group_by(o.c.currency)
        .correlate(*outer)
        .subquery(comp.name("s"))
    )  # fmt: skip
    won = select(sql.object_agg(sums.c.currency, sql.pair(sums.c.high, sums.c.low)))
    placeholder = sql.obj([
        ("$progress", Constant(what)), ("$measure", row.c.measure),
        ("$target", sql.text(row.c.target_micros)),
        ("$revenue", sql.text(row.c.revenue_target_milli)),
        ("$currency", row.c.revenue_target_currency),
        ("$manual", sql.text(row.c.manual_actual_micros)),
        ("$completed", completed), ("$won", won.select_from(sums).scalar_subquery()),
        ("$locations", sql.json_text(json.dumps(locations(item)))),
    ])  # fmt: skip
    body = select(placeholder).correlate(*outer).add_cte(tree, nest_here=True)
    return body.scalar_subquery()
