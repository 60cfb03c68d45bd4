"""bench/alternate.py: two pictures in alternating slices on one server (issue 10's ratio)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from bench import alternate
from bench.alternate import slice_order, summary
from bench.drive import Samples
from bench.generate import generate
from server import migrate
from tests.tcp_proxy import free_port


def test_slices_run_in_abba_order_each_pair_once() -> None:
    """A B, B A, A B: within two pairs each picture runs first once, so a drift of the
    machine's speed across a pair favours neither."""
    assert slice_order(3, ("core", "planning")) == [
        (0, "core"), (0, "planning"), (1, "planning"), (1, "core"),
        (2, "core"), (2, "planning"),
    ]  # fmt: skip


def _samples(requests: int, seconds: float, errors: int = 0) -> Samples:
    return Samples(latencies=[0.01] * requests, sizes=[1] * requests, errors=errors,
                   seconds=seconds)  # fmt: skip


def test_the_summary_rates_each_picture_over_all_its_slices_and_each_pair() -> None:
    """Overall rates are requests over seconds of all a picture's slices (a slow slice weighs
    by its length, not as one of n ratios); each pair's ratio is second over first."""
    slices = {
        (0, "core"): _samples(300, 3.0), (0, "planning"): _samples(270, 3.0),
        (1, "planning"): _samples(100, 2.0), (1, "core"): _samples(200, 2.0, errors=1),
    }  # fmt: skip
    out = summary(slices, ("core", "planning"))
    assert out["core"] == {"requests": 500, "seconds": 5.0, "requests_per_s": 100.0, "errors": 1}
    assert out["planning"]["requests_per_s"] == 74.0
    assert out["ratio"] == 0.74
    assert out["pair_ratios"] == [0.9, 0.5]
    assert out["pair_ratio_median"] == 0.7


def test_alternate_drives_both_pictures_on_one_server(tmp_path: Path) -> None:
    """End to end on a small SQLite bench database and one worker: every slice answered,
    without errors, and the report's ratio is the two rates' (the pictures' answers
    themselves are compared by tests/test_bench_run.py and tests/test_fastpath.py)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'bench.db'}"
    migrate(url)
    generated = asyncio.run(generate(url, accounts=3, seed=1, progress=lambda _: None))
    out = tmp_path / "alternate.json"

    code = alternate.main(["--database-url", url, "--token", generated.token, "--workers", "1",
                           "--port", str(free_port()), "--pairs", "2", "--slice", "0.5",
                           "--warmup", "0.3", "--concurrency", "2",
                           "--json", str(out)])  # fmt: skip
    report = json.loads(out.read_text())

    assert code == 0
    core, planning = report["core"], report["planning"]
    assert core["requests"] > 0 and planning["requests"] > 0
    assert core["errors"] == planning["errors"] == 0
    assert report["ratio"] == round(planning["requests_per_s"] / core["requests_per_s"], 3)
    assert len(report["pair_ratios"]) == 2
    for picture in (core, planning):  # the server's and this client's work are counted
        cpu = picture["cpu_ms_per_request"]
        assert set(cpu) == {"server", "postgres", "client"}
        assert cpu["server"] > 0 and cpu["client"] > 0
