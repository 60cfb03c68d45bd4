"""Objective progress in SQL: the statement gathers what models/progress.py needs (completed
activities, won amounts per currency, the objective's targets) into a placeholder, and
Python applies the same rule as the general path (resolvers/fastpath/run.py).

An objective's inputs are read once however many of its progress fields are asked for: one
select (progress_select) computes `actual` once and gives one column per field. Counted for
all items, `actual` reads the totals the objective's row keeps for its subtree
(models/objective_totals.py, kept by the database's triggers): no walk of the subtree and no
look-up of its items. actualForAccount of a global objective reads the totals it keeps per
account for its subtree (models/account_totals.py): one row by its key, whatever the other
accounts did. The sums per currency of a won amount that needs a rate (a placeholder's)
are kept with those totals too (a JSON text, migration 0017): the statement walks no subtree
and reads no item.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    false,
    func,
    null,
    or_,
    select,
)
from sqlalchemy.sql.selectable import FromClause

from models import ObjectiveAccountTotals
from models import objective_totals as totals
from resolvers.fastpath.dialect import Expr
from resolvers.fastpath.selection import Compilation, NotCovered, Selected
from resolvers.read.constants import Constant, light


def _actual_kept(comp: Compilation, row: FromClause) -> _Actual:
    """`actual` counting every item of the subtree, from the totals the objective's row
    keeps for its subtree (models/objective_totals.py), the placeholder's sums per currency
    too: no walk and no look-up of an activity or opportunity."""
    done, needs = _from_totals(comp, row, *(row.c[name] for name in totals.FIRST))
    return _Actual(done, needs, None, row.c[totals.PER_CURRENCY])


def _from_totals(comp: Compilation, row: FromClause, completed: Any, only: Any, last: Any,
                 high: Any, low: Any) -> tuple[Expr, Expr]:  # fmt: skip
    """(actual's text, whether it needs a rate) from totals: the won currencies' min and
    max, the split won sums and the completed activities."""
    sql = comp.sql
    measure, currency = row.c.measure, row.c.revenue_target_currency
    in_currency = func.coalesce(currency, only)
    won_amount = case(
        (and_(currency.is_(None), only != last), null()),
        (in_currency.is_(None), Constant("0")),
        else_=sql.amount_of_parts(high, low, in_currency),
    )
    done = case(
        (measure == Constant("MANUAL"), sql.decimal(row.c.manual_actual_micros)),
        (measure == Constant("COMPLETED_ACTIVITIES"), sql.text(completed)),
        else_=won_amount,
    )
    foreign = or_(only != currency, last != currency)
    needs = and_(measure == Constant("WON_REVENUE"), currency.is_not(None), foreign)
    return done, needs


@dataclass(frozen=True)
class ForAccount:
    """actualForAccount on the account's objective edge: `account` is the account's row."""

    account: FromClause


# (label, "actual" or "progress", the field, None or the account of actualForAccount)
ProgressRequest = tuple[str, str, Selected, FromClause | None]


@dataclass
class _Actual:
    """`actual` of one objective for one way of counting (all items, or an account's)."""

    done: Expr  # the text of actual
    needs: Expr  # whether won revenue needs a rate (then Python converts the placeholder)
    totals: Any  # None, or the CTE of the account's totals (one row; `done` reads it)
    won: Expr  # the won sums per currency, a JSON text (read only for a placeholder)


def _actual_for_account(comp: Compilation, row: FromClause, account: FromClause,
                        is_global: ColumnElement[bool]) -> _Actual:  # fmt: skip
    """actualForAccount of a global objective: the totals the objective keeps per account
    for its subtree (models/account_totals.py), the placeholder's sums per currency too,
    one row by its key: no walk of the subtree and no look-up of an activity or
    opportunity. An aggregate over the one row or none: no row reads as zero."""
    t = light(ObjectiveAccountTotals.__table__).alias(comp.name("t"))
    totals_of = (
        select(
            func.coalesce(func.sum(t.c.done_activities), Constant(0)).label("done"),
            func.min(t.c.won_min_currency).label("only"),
            func.max(t.c.won_max_currency).label("last"),
            func.coalesce(func.sum(t.c.won_high), Constant(0)).label("high"),
            func.coalesce(func.sum(t.c.won_low), Constant(0)).label("low"),
            func.max(t.c[totals.PER_CURRENCY]).label("currencies"),
        )
        .where(
            t.c.objective_id == row.c.id, t.c.account_id == account.c.id, is_global
        )  # read only for a global one
        .correlate(row, account)
        .cte(comp.name("won"), nesting=True)  # not a nested FROM: SQLite's parser stack
    )
    c = totals_of.c
    done, needs = _from_totals(comp, row, c.done, c.only, c.last, c.high, c.low)
    return _Actual(done, needs, totals_of, c.currencies)


def progress_select(
    comp: Compilation, row: FromClause, fields: list[ProgressRequest]
) -> Select[Any]:
    """A one-row select with a column `label` per request in `fields`: `actual` or
    `progress` (models/progress.py) in SQL, counting every item of the objective's subtree,
    or for actualForAccount (an account given) only the account's items when the objective
    is global. Only won revenue that needs an exchange rate goes out as a placeholder
    {"$progress": ...} that Python converts.

    `actual` is computed once for all the fields; with both
    ways of counting, the account's way is computed only for a global objective (for any
    other the two agree). Every sub-select names `row` (and the account) as correlated
    explicitly: they sit several levels below the statement that reads `row`, where SQL's
    automatic correlation would put `row` into their own FROM (a cross join with the page).
    """
    sql = comp.sql
    accounts = {id(account): account for *_, account in fields if account is not None}
    if len(accounts) > 1:
        raise NotCovered("actualForAccount of several accounts on one row")
    account = next(iter(accounts.values()), None)
    outer = [row] if account is None else [row, account]
    is_global = and_(row.c.account_id.is_(None), row.c.contact_id.is_(None))
    # The plain way is read from the row's columns: always there, for actualForAccount of
    # any objective but a global one too.
    ways = {False: _actual_kept(comp, row)}
    if account is not None:
        ways[True] = _actual_for_account(comp, row, account, is_global)
    columns: list[Any] = []
    for key, way in ways.items():
        done, needs = way.done, way.needs
        if key:  # only for a global objective (any other: as counted for all)
            done = case((is_global, done), else_=null())
            needs = case((is_global, needs), else_=false())
            # The plain way's sums are the row's column, read below as it is.
            columns.append(way.won.label("won1"))
        columns += [done.label(f"done{int(key)}"), needs.label(f"needs{int(key)}")]
    measure, currency = row.c.measure, row.c.revenue_target_currency
    is_won = measure == Constant("WON_REVENUE")
    if any(what == "progress" for _, what, _, _ in fields):
        # The goal formatted once per row: progress's ratio reads it four times.
        goal = case(
            (and_(is_won, row.c.revenue_target_milli.is_not(None)),
             sql.amount(row.c.revenue_target_milli, currency)),
            else_=sql.decimal(row.c.target_micros),
        )  # fmt: skip
        columns.append(goal.label("goal"))
    # `actual` computed once: a subquery the planner keeps (OFFSET 0), read by every field.
    # The plain way reads its totals in its columns; the account's way reads its aggregate.
    kept = select(*columns).correlate(*outer)
    if True in ways:
        kept = kept.select_from(ways[True].totals)
    kept = sql.kept(kept)
    inputs = kept.subquery(comp.name("i"))
    comp.rollups = True  # a placeholder may need the rates
    out = []
    for label, what, item, for_account in fields:
        counted = for_account is not None
        done, needs = inputs.c[f"done{int(counted)}"], inputs.c[f"needs{int(counted)}"]
        won = ways[False].won
        if counted:
            done = case((is_global, done), else_=inputs.c.done0)
            needs = case((is_global, needs), else_=inputs.c.needs0)
            won = case((is_global, inputs.c.won1), else_=won)
        progress = what == "progress"
        value = sql.ratio_json(done, inputs.c.goal) if progress else sql.json_string(done)
        placeholder = sql.obj([
            ("$progress", Constant(what)), ("$measure", measure),
            ("$target", sql.text(row.c.target_micros)),
            ("$revenue", sql.text(row.c.revenue_target_milli)), ("$currency", currency),
            ("$manual", sql.text(row.c.manual_actual_micros)), ("$completed", Constant(0)),
            ("$won", sql.json_of(won)), ("$locations", sql.json_text(json.dumps(item.locations()))),
        ])  # fmt: skip
        out.append(case((needs, placeholder), else_=value).label(label))
    body = select(*out).select_from(inputs).correlate(*outer)
    for way in ways.values():
        if way.totals is not None:
            body = body.add_cte(way.totals, nest_here=True)
    return body
