"""Lists in the order a UI asks for (`orderBy`), forwards and backwards (`last`/`before`)."""

from __future__ import annotations

from typing import Any

from tests import factories as f
from tests.factories import Api

OPPORTUNITIES = """
query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { account(id: $id) {
  opportunities(first: $first, after: $after, last: $last, before: $before,
                orderBy: {field: CLOSE_DATE, direction: DESC}) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { name closeDate } } } }
"""
ACCOUNTS = """
query($after: String, $before: String, $last: Int) {
  accounts(first: 2, after: $after, orderBy: {field: NAME, direction: ASC}) {
    nodes { name } pageInfo { endCursor } }
  byId: accounts(last: $last, before: $before) { nodes { name } } }
"""


async def _deals(api: Api) -> str:
    acme = await f.account(api, "Acme")
    for name, close in [
        ("a", "2027-03-01"),
        ("b", None),
        ("c", "2027-01-15"),
        ("d", "2027-03-01"),
        ("e", "2027-06-30"),
    ]:
        fields: dict[str, Any] = {
            "name": name,
            "accountId": acme,
            "amount": {"amount": "10", "currency": "EUR"},
        }
        if close is not None:
            fields["closeDate"] = close
        await api.create("createOpportunity", fields)
    return acme


async def _pages(api: Api, acme: str, size: int, backward: bool) -> list[list[str]]:
    pages, cursor = [], None
    while True:
        args = (
            {"id": acme, "last": size, "before": cursor}
            if backward
            else {"id": acme, "first": size, "after": cursor}
        )
        for _ in range(2):  # the second time on the fast path: the same answer
            conn = (await api.ok(OPPORTUNITIES, args))["account"]["opportunities"]
        pages.append([n["name"] for n in conn["nodes"]])
        info = conn["pageInfo"]
        if not (info["hasPreviousPage"] if backward else info["hasNextPage"]):
            return pages[::-1] if backward else pages
        cursor = info["startCursor"] if backward else info["endCursor"]


async def test_pages_forwards_and_backwards_give_the_same_order(api: Api) -> None:
    acme = await _deals(api)

    forwards = await _pages(api, acme, 2, backward=False)
    backwards = await _pages(api, acme, 2, backward=True)

    # DESC reverses the ascending order whole: no close date first, then the latest, ties
    # by id (descending too).
    assert forwards == [["b", "e"], ["d", "a"], ["c"]]
    assert backwards == [["b"], ["e", "d"], ["a", "c"]]


async def test_a_cursor_belongs_to_its_ordering(api: Api) -> None:
    await f.account(api, "Beta")
    await f.account(api, "Alpha")
    first = await api.ok(ACCOUNTS, {"last": 1})

    body = await api.post(ACCOUNTS, {"before": first["accounts"]["pageInfo"]["endCursor"]})

    assert first["accounts"]["nodes"] == [{"name": "Alpha"}, {"name": "Beta"}]
    assert first["byId"]["nodes"] == [{"name": "Alpha"}]
    assert [e["message"] for e in body["errors"]] == [
        "Argument 'before' is a cursor of another ordering."
    ]


async def test_first_and_last_together_are_refused(api: Api) -> None:
    body = await api.post("{ accounts(first: 1, last: 1) { totalCount } }")

    assert body["data"] is None
    assert [(e["message"], e["extensions"]["code"]) for e in body["errors"]] == [
        (
            "Page forwards with `first`/`after` or backwards with `last`/`before`, not both.",
            "BAD_USER_INPUT",
        )
    ]


ORDERED_PAGES = [
    (
        "accounts",
        "{ accounts(first: 10, orderBy: {field: NAME, direction: ASC}) { nodes { name } } }",
    ),
    (
        "business_plans",
        "{ businessPlans(last: 10, orderBy: {field: UPDATED_AT, direction: DESC})"
        " { nodes { name } } }",
    ),
]


async def test_an_ordered_page_reads_the_page_by_index_not_the_table(database_url: str) -> None:
    import pytest

    if not database_url.startswith("postgresql"):
        pytest.skip("query plans are PostgreSQL's: SQLite's planner is not the production one")
    from tests.plans import ordered_page_plans

    reads = await ordered_page_plans(database_url, ORDERED_PAGES, rows=3000)

    for table, scans in reads.items():
        assert scans, table
        assert all(kind != "Seq Scan" and rows <= 11 for kind, rows in scans), (table, scans)
