"""A document validated once is not validated again with every rule (schema/known_documents.py);
the query cost, which depends on the variables, is checked for every request."""

from __future__ import annotations

from typing import Any

import pytest
import strawberry.schema.schema as strawberry_schema

from tests.factories import Api
from tests.test_limits import FIVE_DEEP

CONTACT = """mutation($i: CreateContactInput!) { createContact(input: $i) {
  contact { firstName } userErrors { message } } }"""


async def test_a_mutation_document_is_validated_once_for_many_requests(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    validations: list[Any] = []
    validate = strawberry_schema.validate_document

    def counted(*args: Any) -> Any:
        validations.append(args[1])
        return validate(*args)

    monkeypatch.setattr(strawberry_schema, "validate_document", counted)
    names = ["Ada", "Bea", "Cy"]
    for name in names:
        data = await api.ok(CONTACT, {"i": {"firstName": name, "lastName": "Known"}}, "admin")
        assert data["createContact"] == {"contact": {"firstName": name}, "userErrors": []}

    assert len(validations) == 1


async def test_a_known_document_is_still_refused_when_its_variables_cost_too_much(
    api: Api,
) -> None:
    assert await api.ok(FIVE_DEEP, {"n": 5}) == {"accounts": {"nodes": []}}

    body = await api.post(FIVE_DEEP, {"n": 500})

    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert await api.ok(FIVE_DEEP, {"n": 5}) == {"accounts": {"nodes": []}}


async def test_an_invalid_document_is_refused_every_time(api: Api) -> None:
    for _ in range(2):
        body = await api.post("{ accounts { nodes { noSuchField } } }")
        assert "data" not in body
        assert "noSuchField" in body["errors"][0]["message"]
