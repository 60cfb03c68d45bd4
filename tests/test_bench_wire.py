"""bench/wire.py measures what it says: compressed, persisted and revalidated picture reads."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from bench import wire
from bench.generate import generate
from server import migrate
from tests.tcp_proxy import free_port


def test_wire_bench_reports_each_variant(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bench.db'}"
    migrate(url)
    generated = asyncio.run(generate(url, accounts=2, seed=1, progress=lambda _: None))
    out = tmp_path / "wire.json"

    code = wire.main(["--database-url", url, "--token", generated.token, "--requests", "4",
                      "--port", str(free_port()), "--json", str(out)])  # fmt: skip
    variants = json.loads(out.read_text())["variants"]

    assert code == 0
    plain, gzipped = variants["POST, identity"], variants["POST, gzip"]
    persisted, revalidated = (
        variants["persisted GET, gzip"],
        variants["persisted GET, If-None-Match (304)"],
    )
    assert plain["statuses"] == gzipped["statuses"] == persisted["statuses"] == [200]
    assert gzipped["response_bytes"] < plain["response_bytes"] / 3
    assert persisted["response_bytes"] == gzipped["response_bytes"]
    assert persisted["request_bytes"] < plain["request_bytes"] / 2
    assert (revalidated["statuses"], revalidated["response_bytes"]) == ([304], 0)
