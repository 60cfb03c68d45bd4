"""Bytes on the wire: gzip from 1 KB, ETag and 304 for GET queries, private revalidation."""

from __future__ import annotations

import gzip
import json

from tests import factories as f
from tests.factories import Api

TYPES = "{ __schema { types { name description } } }"
ACCOUNTS = "{ accounts(first: 10) { nodes { name } } }"


def _auth(api: Api, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {api.tokens['anna']}", **headers}


async def _raw_post(api: Api, query: str, encoding: str) -> tuple[dict[str, str], bytes]:
    request = api.client.build_request(
        "POST", "/graphql", json={"query": query},
        headers=_auth(api, **{"Accept-Encoding": encoding}),
    )  # fmt: skip
    response = await api.client.send(request, stream=True)
    raw = b"".join([chunk async for chunk in response.aiter_raw()])
    await response.aclose()
    return dict(response.headers), raw


async def test_a_large_answer_is_gzipped_when_the_client_accepts_it(api: Api) -> None:
    headers, raw = await _raw_post(api, TYPES, "gzip")
    _, plain = await _raw_post(api, TYPES, "identity")

    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(raw) == plain
    assert len(plain) >= 1000 and len(raw) < len(plain) / 2
    assert "Accept-Encoding" in headers["vary"]


async def test_a_small_answer_or_a_client_without_gzip_gets_plain_json(api: Api) -> None:
    small_headers, small = await _raw_post(api, "{ viewer { name } }", "gzip")
    large_headers, _ = await _raw_post(api, TYPES, "identity")

    assert "content-encoding" not in small_headers
    # The document's first request is answered by the fast path (PostgreSQL's JSON spacing).
    assert json.loads(small) == {"data": {"viewer": {"name": "Anna Manager"}}}
    assert "content-encoding" not in large_headers


async def test_a_get_query_answers_304_while_its_result_is_unchanged(api: Api) -> None:
    await f.account(api, name="Acme")
    first = await api.client.get("/graphql", params={"query": ACCOUNTS}, headers=_auth(api))
    etag = first.headers["etag"]

    again = await api.client.get(
        "/graphql", params={"query": ACCOUNTS}, headers=_auth(api, **{"If-None-Match": etag})
    )

    assert first.status_code == 200 and first.json()["data"]["accounts"]["nodes"]
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["cache-control"] == "private, no-cache"


async def test_a_changed_result_gets_a_new_etag_and_the_full_answer(api: Api) -> None:
    await f.account(api, name="Acme")
    first = await api.client.get("/graphql", params={"query": ACCOUNTS}, headers=_auth(api))
    await f.account(api, name="Globex")

    after = await api.client.get(
        "/graphql", params={"query": ACCOUNTS},
        headers=_auth(api, **{"If-None-Match": first.headers["etag"]}),
    )  # fmt: skip

    assert after.status_code == 200
    assert after.headers["etag"] != first.headers["etag"]
    assert [n["name"] for n in after.json()["data"]["accounts"]["nodes"]] == ["Acme", "Globex"]


async def test_every_graphql_answer_is_private_and_revalidated(api: Api) -> None:
    post = await api.client.post("/graphql", json={"query": ACCOUNTS}, headers=_auth(api))
    refused = await api.client.post("/graphql", json={"query": ACCOUNTS})
    bad_get = await api.client.get("/graphql", params={"query": "{ nope }"}, headers=_auth(api))

    for response in (post, refused, bad_get):
        assert response.headers["cache-control"] == "private, no-cache"
    assert "etag" not in post.headers  # a POST is never answered from a cache
    assert refused.status_code == 401
