"""GraphiQL comes from the server itself, under a policy that lets the page contact no other site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from schema.graphiql import ASSETS, GraphiQL
from tests.factories import Api

needs_web = pytest.mark.skipif(
    not GraphiQL().installed(), reason="web/node_modules is missing: run `cd web && npm ci`"
)


@needs_web
async def test_the_page_loads_only_files_of_this_server(api: Api) -> None:
    response = await api.client.get("/graphql", headers={"Accept": "text/html"})

    sources = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert response.status_code == 200
    assert sorted(s for s in sources if s != "data:,") == sorted(
        f"/graphiql/assets/{name}" for name in ASSETS
    )
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self';" in policy
    assert "http" not in policy


@needs_web
@pytest.mark.parametrize("name", sorted(ASSETS))
async def test_every_asset_is_served_and_revalidated(api: Api, name: str) -> None:
    first = await api.client.get(f"/graphiql/assets/{name}")
    again = await api.client.get(
        f"/graphiql/assets/{name}", headers={"If-None-Match": first.headers["etag"]}
    )

    assert first.status_code == 200 and len(first.content) > 0
    assert first.headers["content-type"].startswith(
        "text/css" if name.endswith(".css") else "text/javascript"
    )
    assert (again.status_code, again.content) == (304, b"")


@pytest.mark.parametrize("name", ["server.py", "..%2Fserver.py", "package.json", "index.html"])
async def test_nothing_else_is_served_as_an_asset(api: Api, name: str) -> None:
    response = await api.client.get(f"/graphiql/assets/{name}")

    assert response.status_code == 404


async def test_without_its_files_the_page_says_how_to_install_them(
    api: Api, app_and_counter: tuple[object, object], tmp_path: Path
) -> None:
    app = app_and_counter[0]
    app.state.graphql.graphiql = GraphiQL(web=tmp_path)  # type: ignore[attr-defined]

    response = await api.client.get("/graphql", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert "npm ci" in response.text
    assert "<script" not in response.text and "://" not in response.text
    assert "default-src 'self'" in response.headers["content-security-policy"]
