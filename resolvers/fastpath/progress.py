"""Objective progress in SQL: the statement gathers what models/progress.py needs (completed
activities, won amounts per currency, the objective's targets) into a placeholder, and
Python applies the same rule as the general path (resolvers/fastpath/run.py).

An objective's inputs are read once however many of its progress fields are asked for: one
select (progress_select) walks the objective's subtree, sums its won opportunities per
currency and computes `actual` once, and gives one column per field.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, not_, null, or_, select
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
    """One progress field (`actual` or `progress`) of `row` on its own."""
    return progress_select(comp, row, [("f0", what, item)], account).scalar_subquery()


def progress_select(comp: Compilation, row: FromClause, fields: list[tuple[str, str, Selected]],
                    account: FromClause | None = None) -> Select[Any]:  # fmt: skip
    """A one-row select with a column `label` per (label, what, item) in `fields`: `actual`
    or `progress` (models/progress.py) in SQL. Only won revenue that needs an exchange rate
    goes out as a placeholder {"$progress": ...} that Python converts.

    The objective's subtree is walked once; its won opportunities are read by one aggregate
    (their currencies and split sums) and its completed activities counted, each only for
    the measure that uses them; `actual` is computed once for all the fields. Every
    sub-select names `row` (and `account`) as correlated explicitly: they sit several levels
    below the statement that reads `row`, where SQL's automatic correlation would put `row`
    into their own FROM (a cross join with the whole page).
    """
    sql = comp.sql
    outer = [row] if account is None else [row, account]
    tree = _subtree(comp, row)
    in_tree = select(tree.c.id)
    measure, currency = row.c.measure, row.c.revenue_target_currency
    is_won = measure == Constant("WON_REVENUE")
    a = Activity.__table__.alias(comp.name("a"))
    completed = (
        select(func.count())
        .select_from(a)
        .where(a.c.objective_id.in_(in_tree), a.c.status == Constant("COMPLETED"),
               *_for_account(row, a, account))
        .correlate(*outer)
        .scalar_subquery()
    )  # fmt: skip

    def won_rows(o: FromClause) -> list[ColumnElement[bool]]:
        return [o.c.objective_id.in_(in_tree), o.c.stage == Constant("CLOSED_WON"),
                *_for_account(row, o, account)]  # fmt: skip

    o = Opportunity.__table__.alias(comp.name("o"))
    high, low = money_sum(o.c.amount_milli)
    foreign = case((o.c.currency != currency, Constant(1)), else_=Constant(0))
    won = (
        select(
            func.count(o.c.currency.distinct()).label("currencies"),
            func.min(o.c.currency).label("only"),
            func.coalesce(high, Constant(0)).label("high"),
            func.coalesce(low, Constant(0)).label("low"),
            func.coalesce(func.sum(foreign), Constant(0)).label("foreign"),
        )
        .where(*won_rows(o), is_won)  # read only for won revenue
        .correlate(*outer)
        .cte(comp.name("won"), nesting=True)  # not a nested FROM: SQLite's parser stack
    )
    in_currency = func.coalesce(currency, won.c.only)
    won_amount = case(
        (and_(currency.is_(None), won.c.currencies > Constant(1)), null()),
        (in_currency.is_(None), Constant("0")),
        else_=sql.amount_of_parts(won.c.high, won.c.low, in_currency),
    )
    done = case(
        (measure == Constant("MANUAL"), sql.decimal(row.c.manual_actual_micros)),
        (measure == Constant("COMPLETED_ACTIVITIES"), sql.text(completed)),
        else_=won_amount,
    )
    needs_rates = and_(is_won, currency.is_not(None), won.c.foreign > Constant(0))
    # `actual` computed once: a subquery the planner keeps (OFFSET 0), read by every field.
    inputs = (
        select(done.label("done"), needs_rates.label("needs"))
        .select_from(won)
        .correlate(*outer)
        .offset(Constant(0))
        .subquery(comp.name("i"))
    )
    comp.rollups = True  # a placeholder may need the rates
    # The won sums per currency, for Python's conversion: read only when a rate is needed.
    w = Opportunity.__table__.alias(comp.name("o"))
    w_high, w_low = money_sum(w.c.amount_milli)
    per_currency = (
        select(w.c.currency, w_high.label("high"), w_low.label("low"))
        .where(*won_rows(w))
        .group_by(w.c.currency)
        .correlate(*outer)
        .cte(comp.name("s"), nesting=True)
    )
    won_json = (
        select(sql.object_agg(per_currency.c.currency,
                              sql.pair(per_currency.c.high, per_currency.c.low)))
        .select_from(per_currency)
        .scalar_subquery()
    )  # fmt: skip
    columns = []
    for label, what, item in fields:
        if what == "progress":
            goal = case(
                (and_(is_won, row.c.revenue_target_milli.is_not(None)),
                 sql.amount(row.c.revenue_target_milli, currency)),
                else_=sql.decimal(row.c.target_micros),
            )  # fmt: skip
            value = sql.ratio_json(inputs.c.done, goal)
        else:
            value = sql.json_string(inputs.c.done)
        placeholder = sql.obj([
            ("$progress", Constant(what)), ("$measure", measure),
            ("$target", sql.text(row.c.target_micros)),
            ("$revenue", sql.text(row.c.revenue_target_milli)), ("$currency", currency),
            ("$manual", sql.text(row.c.manual_actual_micros)), ("$completed", Constant(0)),
            ("$won", won_json), ("$locations", sql.json_text(json.dumps(item.locations()))),
        ])  # fmt: skip
        columns.append(case((inputs.c.needs, placeholder), else_=value).label(label))
    body = select(*columns).select_from(inputs).correlate(*outer)
    for cte in (tree, won, per_currency):
        body = body.add_cte(cte, nest_here=True)
    return body
