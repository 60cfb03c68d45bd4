"""GraphQL over HTTP: media types and status codes, GET for queries only, and CSRF."""

from __future__ import annotations

import gzip
from typing import Any

import httpx
import orjson
import pytest

from tests.factories import Api

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
NO_ACCEPT = None  # the request has no Accept header at all

OK = "{ viewer { name } }"
INVALID = "{ nosuchfield }"
SYNTAX = "{ viewer { name "
BAD_VARIABLE = ("query($n: Int) { accounts(first: $n) { totalCount } }", {"n": "many"})
FIELD_ERROR = "{ accounts(first: 501) { totalCount } }"  # execution starts, `data` is null
NESTED = """query($n: Int) { accounts(first: $n) { nodes { businessPlans(first: $n) { nodes {
  subPlans(first: $n) { nodes { name } } } } } } }"""


async def send(
    api: Api, body: Any, accept: str | None, user: str = "anna", **headers: str
) -> httpx.Response:
    content = body if isinstance(body, bytes) else orjson.dumps(body)
    headers = {"Authorization": f"Bearer {api.tokens[user]}", "Content-Type": JSON, **headers}
    request = api.client.build_request("POST", "/graphql", content=content, headers=headers)
    if accept is None:
        del request.headers["accept"]
    else:
        request.headers["accept"] = accept
    return await api.client.send(request)


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (NO_ACCEPT, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        (JSON, JSON),
        (f"{JSON}; charset=utf-8", JSON),
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, {JSON};q=0.9", GRAPHQL_RESPONSE),
        (f"{JSON}, {GRAPHQL_RESPONSE};q=0.5", JSON),
        (f"text/html, {GRAPHQL_RESPONSE};q=0.8, */*;q=0.1", GRAPHQL_RESPONSE),
    ],
)
async def test_the_response_media_type_follows_accept(
    api: Api, accept: str | None, media_type: str
) -> None:
    response = await send(api, {"query": OK}, accept)

    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert response.json() == {"data": {"viewer": {"name": "Anna Manager"}}}


@pytest.mark.parametrize("accept", ["text/html", "application/xml", f"{JSON};q=0, text/plain"])
async def test_a_client_that_accepts_neither_json_type_gets_406(api: Api, accept: str) -> None:
    response = await send(
        api, {"query": 'mutation { createAccount(input: {name: "X"}) { account { id } } }'}, accept
    )

    assert response.status_code == 406
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_ACCEPTABLE"
    assert await api.ok("{ accounts { totalCount } }", user="admin") == {
        "accounts": {"totalCount": 0}
    }


# (request, status with application/graphql-response+json, status with application/json,
#  whether the body has `data`)
STATUS_CASES = {
    "valid": ({"query": OK}, 200, 200, True),
    "field error after execution started": ({"query": FIELD_ERROR}, 200, 200, True),
    "validation error": ({"query": INVALID}, 400, 200, False),
    "syntax error": ({"query": SYNTAX}, 400, 200, False),
    "variable coercion error": (
        {"query": BAD_VARIABLE[0], "variables": BAD_VARIABLE[1]},
        400,
        200,
        False,
    ),
    "cost over the budget": ({"query": NESTED, "variables": {"n": 500}}, 400, 200, False),
    "no query": ({"variables": {}}, 400, 400, False),
    "query not a string": ({"query": 5}, 400, 400, False),
    "variables not an object": ({"query": OK, "variables": [1]}, 400, 400, False),
    "operationName not a string": ({"query": OK, "operationName": 1}, 400, 400, False),
    "unknown operationName": (
        {"query": "query A { viewer { name } }", "operationName": "B"},
        400,
        400,
        False,
    ),
    "two operations, no operationName": ({"query": f"query A {OK} query B {OK}"}, 400, 400, False),
    "no operation": ({"query": "fragment F on Query { viewer { name } }"}, 400, 400, False),
    "body not an object": ("just a string", 400, 400, False),
    "body a batch": ([{"query": OK}], 400, 400, False),
    "body not JSON": (b"{not json", 400, 400, False),
}


@pytest.mark.parametrize("case", list(STATUS_CASES))
@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, JSON])
async def test_status_codes(api: Api, case: str, accept: str) -> None:
    body, graphql_status, json_status, has_data = STATUS_CASES[case]

    response = await send(api, body, accept)

    assert response.status_code == (graphql_status if accept == GRAPHQL_RESPONSE else json_status)
    assert response.headers["content-type"].split(";")[0] == accept
    assert ("data" in response.json()) is has_data, response.json()
    if response.status_code != 200 or not has_data:
        assert response.json()["errors"][0]["extensions"]["code"]


async def test_a_missing_or_bad_token_is_401_with_either_media_type(api: Api) -> None:
    for accept in (GRAPHQL_RESPONSE, JSON):
        response = await send(api, {"query": OK}, accept, Authorization="Bearer nope")
        assert response.status_code == 401
        assert response.headers["content-type"].split(";")[0] == accept
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_body_over_the_limit_is_413(api: Api) -> None:
    big = {"query": OK, "variables": {"pad": "x" * 1_000_001}}
    response = await send(api, big, JSON)

    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


# GET


def auth(api: Api, user: str = "anna") -> dict[str, str]:
    return {"Authorization": f"Bearer {api.tokens[user]}"}


async def test_get_runs_a_query(api: Api) -> None:
    response = await api.client.get(
        "/graphql",
        params={
            "query": "query($n: Int) { accounts(first: $n) { totalCount } }",
            "variables": '{"n": 2}',
        },
        headers=auth(api),
    )

    assert response.status_code == 200
    assert response.json() == {"data": {"accounts": {"totalCount": 0}}}


async def test_get_with_a_mutation_is_405_with_allow_post_and_writes_nothing(api: Api) -> None:
    mutation = 'mutation M { createAccount(input: {name: "Via GET"}) { account { id } } }'
    named = {"query": f"query Q {OK} {mutation}", "operationName": "M"}
    for params in ({"query": mutation}, named):
        response = await api.client.get("/graphql", params=params, headers=auth(api))

        assert response.status_code == 405
        assert response.headers["allow"] == "POST"
        assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"
    assert await api.ok("{ accounts { totalCount } }", user="admin") == {
        "accounts": {"totalCount": 0}
    }


async def test_other_methods_are_405(api: Api) -> None:
    response = await api.client.put("/graphql", json={"query": OK}, headers=auth(api))

    assert response.status_code == 405
    assert "POST" in response.headers["allow"]


# CSRF


async def test_get_without_a_preflighted_header_is_refused(api: Api) -> None:
    response = await api.client.get("/graphql", params={"query": OK})

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "CSRF_HEADER_REQUIRED"


async def test_get_with_the_csrf_header_passes_csrf_and_still_needs_a_token(api: Api) -> None:
    response = await api.client.get(
        "/graphql", params={"query": OK}, headers={"X-Plangraph-CSRF": "1"}
    )

    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_browser_still_gets_graphiql_without_any_header(api: Api) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = await api.client.get("/graphql", headers={"Accept": accept})

    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


CREATE = 'mutation { createAccount(input: {name: "Forged"}) { account { id } } }'


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/graphql",
        "application/json; charset=latin-1",
        None,
    ],
)
async def test_a_post_that_is_not_json_never_runs(api: Api, content_type: str | None) -> None:
    request = api.client.build_request(
        "POST", "/graphql", content=orjson.dumps({"query": CREATE}), headers=auth(api)
    )
    if content_type is None:
        request.headers.pop("content-type", None)
    else:
        request.headers["content-type"] = content_type
    api.counter.statements.clear()
    api.counter.active = True
    response = await api.client.send(request)
    api.counter.active = False

    assert response.status_code == 415
    assert response.json()["errors"][0]["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert api.counter.statements == []
    assert await api.ok("{ accounts { totalCount } }", user="admin") == {
        "accounts": {"totalCount": 0}
    }


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br", "GZIP, identity"])
async def test_a_compressed_post_is_refused_by_name_and_never_runs(api: Api, coding: str) -> None:
    """A client that compresses its request body learns that from the error (not "invalid
    JSON"), and what to send instead; nothing is written."""
    body = gzip.compress(orjson.dumps({"query": CREATE}))
    api.counter.statements.clear()
    api.counter.active = True
    response = await send(api, body, JSON, **{"Content-Encoding": coding})
    api.counter.active = False

    assert response.status_code == 415
    assert response.headers["accept-encoding"] == "identity"
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "UNSUPPORTED_CONTENT_ENCODING"}
    assert coding.lower() in error["message"] and "uncompressed" in error["message"]
    assert api.counter.statements == []
    assert await api.ok("{ accounts { totalCount } }", user="admin") == {
        "accounts": {"totalCount": 0}
    }


async def test_an_identity_encoded_post_runs(api: Api) -> None:
    response = await send(api, {"query": OK}, JSON, **{"Content-Encoding": "identity"})

    assert response.status_code == 200
    assert "errors" not in response.json()


async def test_a_json_post_with_charset_runs(api: Api) -> None:
    response = await send(
        api, {"query": CREATE}, JSON, **{"Content-Type": "application/json; charset=UTF-8"}
    )

    assert response.status_code == 200
    assert response.json()["data"]["createAccount"]["account"]["id"]
