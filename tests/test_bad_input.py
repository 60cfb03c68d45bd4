"""Bad input of every kind: a clear error that names the field, and nothing written."""

from __future__ import annotations

import base64
from typing import Any

import orjson
import pytest

from tests import factories as f
from tests.factories import Api

ERRORS = "userErrors"
CREATE_OPPORTUNITY = """
mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {
  opportunity { amount { amount currency } } userErrors { field message code } } }
"""
CREATE_ACCOUNT = """
mutation($input: CreateAccountInput!) { createAccount(input: $input) {
  account { name } userErrors { field message code } } }
"""
CHANGE_STATUS = """
mutation($input: ChangeBusinessPlanStatusInput!) { changeBusinessPlanStatus(input: $input) {
  businessPlan { version } userErrors { field code } } }
"""
COUNTS = "{ accounts { totalCount } businessPlans { totalCount } }"
OPPORTUNITY_COUNT = "query($id: ID!) { account(id: $id) { opportunities { totalCount } } }"
VIEWER = "{ viewer { name } }"
ACCOUNTS_PAGE = (
    "query($first: Int, $after: String) { accounts(first: $first, after: $after) { totalCount } }"
)


async def counts(api: Api) -> dict[str, Any]:
    return await api.ok(COUNTS, user="admin")


async def opportunity_count(api: Api, account: str) -> int:
    data = await api.ok(OPPORTUNITY_COUNT, {"id": account})
    return int(data["account"]["opportunities"]["totalCount"])


async def create_opportunity(api: Api, account: str, amount: Any) -> dict[str, Any]:
    """The whole response body: user errors live in data, type errors at the top level."""
    return await api.post(
        CREATE_OPPORTUNITY, {"input": {"name": "Deal", "accountId": account, "amount": amount}}
    )


def user_errors(body: dict[str, Any]) -> list[dict[str, Any]]:
    errors: list[dict[str, Any]] = body["data"]["createOpportunity"][ERRORS]
    return errors


def top_level(body: dict[str, Any]) -> list[str]:
    """The messages of a request refused before it ran: no data at all."""
    assert "data" not in body, body
    return [e["message"] for e in body["errors"]]


# --- ids -----------------------------------------------------------------------------------


async def test_every_unknown_id_of_an_activity_is_named(api: Api) -> None:
    year = await f.period(api)

    payload = await api.mutate(
        "createActivity",
        {
            "type": "CALL",
            "subject": "Call",
            "accountId": year,
            "contactId": "bad",
            "planId": "QnVzaW5lc3NQbGFuOjc3",
            "objectiveId": "",
            "opportunityId": "x" * 300,
            "followUpOfId": "QWN0aXZpdHk6MQ==",
        },
    )

    assert [(e["field"], e["code"]) for e in payload[ERRORS]] == [
        (["input", name], "NOT_FOUND")
        for name in (
            "accountId",
            "contactId",
            "planId",
            "objectiveId",
            "opportunityId",
            "followUpOfId",
        )
    ]
    assert payload[ERRORS][4]["message"] == f"No Opportunity with id '{'x' * 57}...'."
    assert payload["activity"] is None


async def test_too_many_ids_are_refused(api: Api) -> None:
    year = await f.period(api)

    payload = await api.mutate(
        "createBusinessPlan",
        {
            "name": "P",
            "type": "ACCOUNT",
            "periodId": year,
            "accountIds": [f"a{i}" for i in range(101)],
        },
    )

    assert payload[ERRORS] == [
        {
            "field": ["input", "accountIds"],
            "code": "INVALID",
            "message": "accountIds may list at most 100 ids.",
        }
    ]
    assert await counts(api) == {"accounts": {"totalCount": 0}, "businessPlans": {"totalCount": 0}}


# --- wrong GraphQL types -------------------------------------------------------------------


async def test_a_number_where_an_object_belongs_is_a_top_level_error(api: Api) -> None:
    acme = await f.account(api)

    body = await create_opportunity(api, acme, 12)

    assert top_level(body) == [
        "Variable '$input' has invalid value at .amount: "
        "Expected value of type 'MoneyInput' to be an object, found: 12."
    ]
    assert await opportunity_count(api, acme) == 0


async def test_a_string_where_an_int_belongs_is_a_top_level_error(api: Api) -> None:
    year = await f.period(api)
    plan = await f.plan(api, "P", year)

    body = await api.post(
        CHANGE_STATUS, {"input": {"id": plan, "status": "SUBMITTED", "expectedVersion": "one"}}
    )

    assert len(top_level(body)) == 1
    assert "expectedVersion" in top_level(body)[0]
    assert "Int" in top_level(body)[0]


async def test_an_unknown_enum_value_is_a_top_level_error(api: Api) -> None:
    year = await f.period(api)
    plan = await f.plan(api, "P", year)

    body = await api.post(CHANGE_STATUS, {"input": {"id": plan, "status": "APPROVED"}})

    assert len(top_level(body)) == 1
    assert top_level(body) == [
        "Variable '$input' has invalid value at .status: "
        "Value 'APPROVED' does not exist in 'PlanStatus' enum."
    ]


# --- money ---------------------------------------------------------------------------------


async def test_a_negative_amount_is_refused(api: Api) -> None:
    acme = await f.account(api)

    body = await create_opportunity(api, acme, {"amount": "-5", "currency": "EUR"})

    assert user_errors(body) == [
        {
            "field": ["input", "amount", "amount"],
            "code": "INVALID",
            "message": "amount.amount must not be negative.",
        }
    ]
    assert await opportunity_count(api, acme) == 0


async def test_a_non_numeric_amount_is_a_top_level_error(api: Api) -> None:
    acme = await f.account(api)

    body = await create_opportunity(api, acme, {"amount": "abc", "currency": "EUR"})

    assert top_level(body) == [
        "Variable '$input' has invalid value at .amount.amount: Expected value of type "
        "'Decimal', but encountered error ''abc' is not a decimal number'; found: 'abc'."
    ]
    assert await opportunity_count(api, acme) == 0


async def test_a_non_finite_amount_is_a_top_level_error(api: Api) -> None:
    acme = await f.account(api)
    amounts = ["NaN", "Infinity", "-Infinity", "sNaN"]

    bodies = [
        await create_opportunity(api, acme, {"amount": a, "currency": "EUR"}) for a in amounts
    ]

    assert [top_level(body) for body in bodies] == [
        [
            "Variable '$input' has invalid value at .amount.amount: Expected value of type "
            f"'Decimal', but encountered error 'Decimal must be a finite number'; found: '{amount}'."
        ]
        for amount in amounts
    ]
    assert await opportunity_count(api, acme) == 0


async def test_an_amount_the_currency_cannot_hold_is_refused(api: Api) -> None:
    acme = await f.account(api)
    amounts = [("1.234", "EUR"), ("1.5", "JPY"), ("0.0001", "KWD"), ("1000000000000000.01", "EUR")]

    bodies = [await create_opportunity(api, acme, {"amount": a, "currency": c}) for a, c in amounts]

    assert [(e["field"], e["code"], e["message"]) for b in bodies for e in user_errors(b)] == [
        (["input", "amount", "amount"], "INVALID", message)
        for message in (
            "amount.amount EUR allows at most 2 decimal places.",
            "amount.amount JPY allows at most 0 decimal places.",
            "amount.amount KWD allows at most 3 decimal places.",
            "amount.amount must not exceed 1000000000000000.",
        )
    ]
    assert await opportunity_count(api, acme) == 0


async def test_an_unknown_currency_is_refused(api: Api) -> None:
    acme = await f.account(api)

    body = await create_opportunity(api, acme, {"amount": "5", "currency": "XXX"})

    assert user_errors(body) == [
        {
            "field": ["input", "amount", "currency"],
            "code": "INVALID",
            "message": "amount.currency 'XXX' is not an ISO 4217 currency code.",
        }
    ]
    assert await opportunity_count(api, acme) == 0


async def test_a_currency_code_is_trimmed_and_upper_cased(api: Api) -> None:
    acme = await f.account(api)

    body = await create_opportunity(api, acme, {"amount": "5.10", "currency": " eur "})

    assert body == {
        "data": {
            "createOpportunity": {
                "opportunity": {"amount": {"amount": "5.10", "currency": "EUR"}},
                ERRORS: [],
            }
        }
    }


async def test_the_largest_amount_is_accepted(api: Api) -> None:
    acme = await f.account(api)

    body = await create_opportunity(api, acme, {"amount": "1000000000000000.00", "currency": "EUR"})
    dinars = await create_opportunity(
        api, acme, {"amount": "999999999999999.999", "currency": "KWD"}
    )

    assert body["data"]["createOpportunity"] == {
        "opportunity": {"amount": {"amount": "1000000000000000.00", "currency": "EUR"}},
        ERRORS: [],
    }
    assert dinars["data"]["createOpportunity"] == {
        "opportunity": {"amount": {"amount": "999999999999999.999", "currency": "KWD"}},
        ERRORS: [],
    }


async def test_a_negative_objective_target_is_refused(api: Api) -> None:
    year = await f.period(api)

    payload = await api.mutate(
        "createObjective", {"name": "Calls", "periodId": year, "target": "-1"}
    )

    assert payload == {
        "objective": None,
        ERRORS: [
            {
                "field": ["input", "target"],
                "code": "INVALID",
                "message": "target must not be negative.",
            }
        ],
    }


# --- text ----------------------------------------------------------------------------------


async def test_a_100_kb_name_is_refused(api: Api) -> None:
    body = await api.post(CREATE_ACCOUNT, {"input": {"name": "A" * 100_000}})

    assert body == {
        "data": {
            "createAccount": {
                "account": None,
                ERRORS: [
                    {
                        "field": ["input", "name"],
                        "code": "INVALID",
                        "message": "name is longer than 200 characters (100000).",
                    }
                ],
            }
        }
    }
    assert await counts(api) == {"accounts": {"totalCount": 0}, "businessPlans": {"totalCount": 0}}


async def test_a_body_above_one_megabyte_is_refused_unread(api: Api) -> None:
    response = await api.client.post(
        "/graphql",
        json={"query": CREATE_ACCOUNT, "variables": {"input": {"name": "A" * 1_000_000}}},
        headers={"Authorization": f"Bearer {api.tokens['anna']}"},
    )

    assert (response.status_code, response.json()) == (
        413,
        {
            "errors": [
                {
                    "message": "The request body is too large.",
                    "extensions": {"code": "PAYLOAD_TOO_LARGE"},
                }
            ]
        },
    )
    assert await counts(api) == {"accounts": {"totalCount": 0}, "businessPlans": {"totalCount": 0}}


async def test_blank_names_and_nul_characters_are_refused(api: Api) -> None:
    names = ["", " \t\n ", "Acme\x00Corp"]

    bodies = [await api.post(CREATE_ACCOUNT, {"input": {"name": name}}) for name in names]

    assert [b["data"]["createAccount"] for b in bodies] == [
        {
            "account": None,
            ERRORS: [{"field": ["input", "name"], "code": "INVALID", "message": message}],
        }
        for message in (
            "name must not be blank.",
            "name must not be blank.",
            "name must not contain NUL characters.",
        )
    ]
    assert await counts(api) == {"accounts": {"totalCount": 0}, "businessPlans": {"totalCount": 0}}


async def test_all_problems_of_an_input_are_reported_together(api: Api) -> None:
    payload = await api.mutate(
        "createContact", {"firstName": " ", "lastName": "L" * 201, "email": "not-an-address"}
    )

    assert payload == {
        "contact": None,
        ERRORS: [
            {
                "field": ["input", "firstName"],
                "code": "INVALID",
                "message": "firstName must not be blank.",
            },
            {
                "field": ["input", "lastName"],
                "code": "INVALID",
                "message": "lastName is longer than 200 characters (201).",
            },
            {
                "field": ["input", "email"],
                "code": "INVALID",
                "message": "email must be an e-mail address.",
            },
        ],
    }


async def test_a_long_status_comment_is_refused(api: Api) -> None:
    year = await f.period(api)
    plan = await f.plan(api, "P", year)

    body = await api.post(
        CHANGE_STATUS, {"input": {"id": plan, "status": "SUBMITTED", "comment": "c" * 2001}}
    )

    assert body == {
        "data": {
            "changeBusinessPlanStatus": {
                "businessPlan": None,
                ERRORS: [{"field": ["input", "comment"], "code": "INVALID"}],
            }
        }
    }


# --- dates and times -----------------------------------------------------------------------


async def test_a_due_time_without_offset_is_a_top_level_error(api: Api) -> None:
    body = await api.post(
        "mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } }"
        " }",
        {"input": {"type": "CALL", "subject": "Call", "dueAt": "2027-03-31T09:30:00"}},
    )

    assert top_level(body) == [
        "Variable '$input' has invalid value at .dueAt: Expected value of type 'DateTime', but "
        "encountered error 'DateTime needs a UTC offset, e.g. \"2027-03-31T09:30:00+00:00\"'; "
        "found: '2027-03-31T09:30:00'."
    ]


async def test_a_due_time_before_1900_is_refused(api: Api) -> None:
    payload = await api.mutate(
        "createActivity", {"type": "CALL", "subject": "Call", "dueAt": "1899-12-31T23:00:00+00:00"}
    )

    assert payload == {
        "activity": None,
        ERRORS: [
            {"field": ["input", "dueAt"], "code": "INVALID", "message": "dueAt is out of range."}
        ],
    }


async def test_an_impossible_date_is_a_top_level_error(api: Api) -> None:
    body = await api.post(
        "mutation($input: CreatePeriodInput!) { createPeriod(input: $input) { period { id } } }",
        {
            "input": {
                "name": "Feb",
                "type": "MONTH",
                "startDate": "2027-02-01",
                "endDate": "2027-02-30",
            }
        },
        user="admin",
    )

    assert top_level(body) == [
        "Variable '$input' has invalid value at .endDate: Expected value of type 'Date', but "
        "encountered error ''2027-02-30' is not an ISO 8601 date (YYYY-MM-DD)'; "
        "found: '2027-02-30'."
    ]
    assert (await api.ok("{ periods { totalCount } }")) == {"periods": {"totalCount": 0}}


async def test_a_period_that_ends_before_it_starts_is_refused(api: Api) -> None:
    payload = await api.mutate(
        "createPeriod",
        {"name": "Odd", "type": "MONTH", "startDate": "2027-02-28", "endDate": "2027-02-01"},
        user="admin",
    )

    assert payload == {
        "period": None,
        ERRORS: [
            {
                "field": ["input", "endDate"],
                "code": "INVALID",
                "message": "endDate must not be before startDate.",
            }
        ],
    }


# --- pagination arguments ------------------------------------------------------------------


def page_error(message: str) -> dict[str, Any]:
    """A refused argument of the root `accounts` field: a located error and no data."""
    return {
        "data": None,
        "errors": [
            {
                "message": message,
                "extensions": {"code": "BAD_USER_INPUT"},
                "path": ["accounts"],
                "locations": [{"line": 1, "column": 38}],
            }
        ],
    }


async def test_first_outside_its_range_is_refused(api: Api) -> None:
    bodies = [await api.post(ACCOUNTS_PAGE, {"first": first}) for first in (501, -1)]

    assert bodies == [
        page_error("Argument 'first' must be between 0 and 500; got 501."),
        page_error("Argument 'first' must be between 0 and 500; got -1."),
    ]


async def test_a_malformed_cursor_is_refused(api: Api) -> None:
    body = await api.post(ACCOUNTS_PAGE, {"after": "not a cursor"})

    assert body == page_error("Argument 'after' is not a valid cursor.")


# --- HTTP ----------------------------------------------------------------------------------


async def graphql(
    api: Api,
    method: str = "POST",
    token: str | None = None,
    headers: dict[str, str] | None = None,
    **kwargs: Any,
) -> tuple[int, dict[str, Any]]:
    sent = {"Authorization": f"Bearer {token}"} if token else {}
    response = await api.client.request(
        method, "/graphql", headers=sent | (headers or {}), **kwargs
    )
    return response.status_code, orjson.loads(response.content)


async def test_a_request_without_a_token_is_unauthenticated(api: Api) -> None:
    status, body = await graphql(api, json={"query": VIEWER})

    assert (status, body) == (
        401,
        {
            "errors": [
                {
                    "message": "Sign in: send 'Authorization: Bearer <token>'.",
                    "extensions": {"code": "UNAUTHENTICATED"},
                }
            ]
        },
    )


async def test_a_request_with_a_bad_token_is_unauthenticated(api: Api) -> None:
    status, body = await graphql(api, token="pg_not-a-token", json={"query": VIEWER})

    assert (status, body) == (
        401,
        {
            "errors": [
                {"message": "The token is not valid.", "extensions": {"code": "UNAUTHENTICATED"}}
            ]
        },
    )


async def test_a_plain_text_post_is_refused_and_not_run(api: Api) -> None:
    mutation = 'mutation { createAccount(input: {name: "Acme"}) { account { id } } }'

    status, body = await graphql(
        api,
        token=api.tokens["anna"],
        content=orjson.dumps({"query": mutation}),
        headers={"Content-Type": "text/plain"},
    )

    assert (status, body["errors"][0]["extensions"]) == (415, {"code": "UNSUPPORTED_MEDIA_TYPE"})
    assert await counts(api) == {"accounts": {"totalCount": 0}, "businessPlans": {"totalCount": 0}}


async def test_malformed_json_is_a_bad_request(api: Api) -> None:
    status, body = await graphql(
        api,
        token=api.tokens["anna"],
        content=b'{"query": ',
        headers={"Content-Type": "application/json"},
    )

    assert (status, body) == (
        400,
        {
            "errors": [
                {"message": "The body is not valid JSON.", "extensions": {"code": "BAD_REQUEST"}}
            ]
        },
    )


async def test_a_mutation_over_get_is_refused_and_not_run(api: Api) -> None:
    mutation = 'mutation { createAccount(input: {name: "Acme"}) { account { id } } }'

    status, body = await graphql(api, "GET", api.tokens["anna"], params={"query": mutation})

    assert (status, body) == (
        405,
        {
            "errors": [
                {"message": "Mutations need POST.", "extensions": {"code": "METHOD_NOT_ALLOWED"}}
            ]
        },
    )
    assert await counts(api) == {"accounts": {"totalCount": 0}, "businessPlans": {"totalCount": 0}}


async def test_a_query_over_get_works(api: Api) -> None:
    status, body = await graphql(api, "GET", api.tokens["anna"], params={"query": VIEWER})

    assert (status, body) == (200, {"data": {"viewer": {"name": "Anna Manager"}}})


# --- search text ---------------------------------------------------------------------------


async def test_a_search_text_too_long_or_with_a_nul_is_refused_by_name(api: Api) -> None:
    """Both read paths refuse it the same way; on PostgreSQL a NUL in the bound text failed
    the statement (an internal error) before it was checked."""
    await f.account(api, "Acme")
    query = "query($s: String) { accounts(first: 5, search: $s) { nodes { name } } }"

    found = await api.ok(query, {"s": "cme"})
    long = await api.post(query, {"s": "a" * 201})
    nul = await api.post(query, {"s": "a\x00"})

    assert found == {"accounts": {"nodes": [{"name": "Acme"}]}}
    assert long["data"] is None and nul["data"] is None
    assert [e["message"] for e in long["errors"]] == ["Argument 'search' is longer than 200."]
    assert [e["message"] for e in nul["errors"]] == ["Argument 'search' contains a NUL character."]
    assert [e["extensions"]["code"] for e in long["errors"] + nul["errors"]] == [
        "BAD_USER_INPUT",
        "BAD_USER_INPUT",
    ]


# --- ids and cursors beyond the primary keys' range ------------------------------------------


def _encoded(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


@pytest.mark.parametrize("pk", [2**31, 2**31 + 5, 10**17])
async def test_an_id_or_a_cursor_beyond_the_keys_range_is_malformed_not_a_failure(
    api: Api, pk: int
) -> None:
    """The node tables' keys are 32-bit on PostgreSQL: an id or a cursor past 2**31 - 1
    failed the statement there (the driver refuses the parameter), an internal error. Now it
    is what any id or cursor naming nothing is, on both databases and both read paths."""
    account = await f.account(api, "Acme")
    beyond_id = _encoded(f"Account:{pk}")
    cursor = _encoded(f"cursor:{pk}")

    read = await api.post("query($id: ID!) { account(id: $id) { name } node(id: $id) { id } }",
                          {"id": beyond_id})  # fmt: skip
    paged = await api.post("query($a: String) { accounts(first: 2, after: $a) { totalCount } }",
                           {"a": cursor})  # fmt: skip
    nested = await api.post(
        "query($id: ID!, $a: String) { account(id: $id) { activities(first: 2, after: $a) {"
        " totalCount } } }",
        {"id": account, "a": cursor},
    )
    created = await create_opportunity(api, beyond_id, {"amount": "1", "currency": "EUR"})

    assert read["data"] == {"account": None, "node": None}
    assert [e["extensions"]["code"] for e in read.get("errors", [])] in ([], ["NOT_FOUND"])
    for body in (paged, nested):
        assert [e["message"] for e in body["errors"]] == ["Argument 'after' is not a valid cursor."]
    assert [e["field"] for e in user_errors(created)] == [["input", "accountId"]]
    assert await opportunity_count(api, account) == 0


def test_a_live_cursor_beyond_the_event_ids_range_is_not_a_cursor() -> None:
    from resolvers.live.events import CURSOR_PREFIX, CursorError, decode_cursor

    assert decode_cursor(_encoded(f"{CURSOR_PREFIX}{2**63 - 1}")) == 2**63 - 1
    for number in (str(2**63), "9" * 19, "9" * 5000):
        with pytest.raises(CursorError):
            decode_cursor(_encoded(f"{CURSOR_PREFIX}{number}"))
