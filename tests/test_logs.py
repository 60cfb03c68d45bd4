"""One structured log line per request: readable text by default, JSON on request."""

from __future__ import annotations

import logging
import re

import orjson
import pytest

from ops.logs import JsonFormatter, formatter
from settings import Settings
from tests.factories import Api

ACCOUNTS = "query Accounts { accounts(first: 3) { nodes { name } } }"


async def _request_lines(api: Api, caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    with caplog.at_level(logging.INFO, logger="plangraph.requests"):
        caplog.clear()
        await api.ok(ACCOUNTS, user="ben")
        await api.ok(ACCOUNTS, user="ben")
        await api.client.post("/graphql", json={"query": ACCOUNTS})  # no token
        return [r for r in caplog.records if r.name == "plangraph.requests"]


async def test_one_json_line_per_request_with_its_fields(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    records = await _request_lines(api, caplog)
    json_format = formatter(Settings.from_env({"PLANGRAPH_LOG_FORMAT": "json"}).log_format)
    lines = [orjson.loads(json_format.format(record)) for record in records]

    assert isinstance(json_format, JsonFormatter)
    assert len(lines) == 3
    first, fast, refused = lines  # both queries on the fast path, from the first request
    assert first["level"] == "INFO" and first["logger"] == "plangraph.requests"
    assert {k: first[k] for k in ("operation_name", "operation_type", "status", "read_path",
                                    "cost")} == {
        "operation_name": "Accounts", "operation_type": "query", "status": 200,
        "read_path": "fast", "cost": 4,
    }  # fmt: skip
    assert fast["read_path"] == "fast" and fast["user_id"] == first["user_id"] is not None
    assert len(first["request_id"]) == 16 and first["request_id"] != fast["request_id"]
    assert isinstance(first["duration_ms"], float) and first["duration_ms"] >= 0
    assert first["sql"] >= 1
    assert refused["status"] == 401 and refused["user_id"] is None
    assert refused["read_path"] == "none"


async def test_readable_text_by_default(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    records = await _request_lines(api, caplog)
    text_format = formatter(Settings.from_env({}).log_format)
    line = text_format.format(records[1])
    request_id = records[1].request["request_id"]  # type: ignore[attr-defined]

    assert not line.startswith("{")
    assert f"INFO plangraph.requests request {request_id} query Accounts user=" in line
    assert re.search(r" status=200 \d+\.\dms path=fast cost=4 sql=\d+$", line), line
