"""Objective progress on the general path: the completed activities and the won amounts of
each objective's tree (for one account, with actualForAccount), one statement per kind."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, literal, select

from models import Account, Activity, ActivityStatus, Objective, Opportunity, OpportunityStage
from resolvers.loaders import Loaders
from resolvers.read.sources import reaches_account, subtree
from resolvers.waves import Loader

Key = tuple[int, int | None]  # (objective, account whose items alone count, or None)


@dataclass
class Gathered:
    completed: int = 0
    won: dict[str, Decimal] = field(default_factory=dict)


def _items(table: Any, condition: Any, nodes: set[int], accounts: set[int]) -> list[Any]:
    """The items linked to `nodes` (acct NULL), and those reaching each of `accounts`."""
    base = [table.c.objective_id.in_(sorted(nodes)), condition]
    queries = [select(table, literal(None, Integer).label("acct")).where(*base)]
    if accounts:
        ids = select(Account.id.label("acct")).where(Account.id.in_(sorted(accounts)))
        accts = ids.subquery("accts")
        reach = reaches_account(table, accts.c.acct)
        queries.append(select(table, accts.c.acct).where(*base, reach))
    return queries


def progress_loader(loaders: Loaders) -> Loader[Key, Gathered]:
    async def batch(keys: list[Key]) -> list[Gathered]:
        roots = sorted({objective for objective, _ in keys})
        tree = subtree(Objective, Objective.id.in_(roots), "objective_tree")
        rows = await loaders.fetch(select(tree.c.root, tree.c.node))
        roots_of: dict[int, list[int]] = defaultdict(list)
        for root, node in rows:
            roots_of[node].append(root)
        accounts = {account for _, account in keys if account is not None}
        found: dict[Key, Gathered] = defaultdict(Gathered)
        activity, opportunity = Activity.__table__, Opportunity.__table__
        done = activity.c.status == ActivityStatus.COMPLETED.value
        for query in _items(activity, done, set(roots_of), accounts):
            for row in await loaders.fetch(query):
                for root in roots_of[row.objective_id]:
                    found[(root, row.acct)].completed += 1
        won = opportunity.c.stage == OpportunityStage.CLOSED_WON.value
        for query in _items(opportunity, won, set(roots_of), accounts):
            for row in await loaders.fetch(query):
                amount: Decimal = row.amount_milli  # ScaledDecimal: already exact
                for root in roots_of[row.objective_id]:
                    sums = found[(root, row.acct)].won
                    sums[row.currency] = sums.get(row.currency, Decimal(0)) + amount
        return [found[key] for key in keys]

    return loaders.custom("progress", batch)
