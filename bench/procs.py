"""The server under test as a child process, and what /proc says about its process tree.

Memory is sampled from /proc/<pid>/status (VmRSS) of the server and all its descendants
(uvicorn's workers are child processes), so the peak covers every process that serves.
Which worker served a request is invisible to the client, so the spread over workers is
measured as each worker's share of the CPU time the tree spent during a phase.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CLOCK = os.sysconf("SC_CLK_TCK")


def descendants(pid: int) -> list[int]:
    """pid and every process below it (from /proc/<pid>/task/*/children)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo.extend(int(child) for child in task.read_text().split())
            except OSError:
                continue
    return found


def rss_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int) -> float:
    """utime + stime of one process (fields 14 and 15 of /proc/<pid>/stat)."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = raw.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK


class MemorySampler:
    """Sums VmRSS over the tree every `interval` seconds while running; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.pid, self.interval = pid, interval
        self.start = self.peak = self.last = 0
        self._task: asyncio.Task[None] | None = None

    def sample(self) -> int:
        total = sum(rss_bytes(p) for p in descendants(self.pid))
        self.peak, self.last = max(self.peak, total), total
        return total

    async def _loop(self) -> None:
        while True:
            self.sample()
            await asyncio.sleep(self.interval)

    def __enter__(self) -> MemorySampler:
        self.start = self.sample()
        self._task = asyncio.get_running_loop().create_task(self._loop())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()
        self.sample()

    def report(self) -> dict[str, float]:
        mb = 1024 * 1024
        return {
            "start_mb": round(self.start / mb, 1),
            "peak_mb": round(self.peak / mb, 1),
            "end_mb": round(self.last / mb, 1),
        }


def cpu_snapshot(pid: int) -> dict[int, float]:
    return {p: cpu_seconds(p) for p in descendants(pid)}


def postgres_processes() -> list[int]:
    """The PostgreSQL server's processes on this host (none when it runs elsewhere)."""
    found = []
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            if comm.read_text().strip() == "postgres":
                found.append(int(comm.parent.name))
        except OSError:
            continue
    return found


class CpuPerRequest:
    """CPU milliseconds per request of the server's processes and of PostgreSQL's (on this
    host) over a measured phase: where a picture's cost goes under load, which EXPLAIN of one
    statement at a time does not show (other pages in the caches, the other clients)."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self.server: dict[int, float] = {}
        self.postgres: dict[int, float] = {}

    def start(self) -> None:
        self.server = cpu_snapshot(self.server_pid)
        self.postgres = {p: cpu_seconds(p) for p in postgres_processes()}

    def report(self, requests: int) -> dict[str, float | None]:
        server = _spent(self.server, cpu_snapshot(self.server_pid))
        now = {p: cpu_seconds(p) for p in postgres_processes()}
        per = 1000 / max(requests, 1)
        database = round(_spent(self.postgres, now) * per, 2) if now else None
        return {"server_ms": round(server * per, 2), "postgres_ms": database}


def _spent_each(before: dict[int, float], after: dict[int, float]) -> dict[int, float]:
    """Each process's CPU seconds between two snapshots (one started since: all of its own)."""
    return {p: after[p] - before.get(p, 0.0) for p in after}


def _spent(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(_spent_each(before, after).values())


def cpu_shares(before: dict[int, float], after: dict[int, float]) -> dict[str, float]:
    """Each process's share of the CPU time the tree used between two snapshots."""
    spent = _spent_each(before, after)
    total = sum(spent.values()) or 1.0
    return {str(p): round(s / total, 3) for p, s in sorted(spent.items())}


def server_environment(database_url: str) -> dict[str, str]:
    """The served app's settings (Settings.from_env): fair use off unless the environment
    says otherwise, since the bench's one token asks far more than a client's budget and the
    figures are the picture's, not the bucket's."""
    return {"PLANGRAPH_COST_BUCKET_MAX": "0", **os.environ, "DATABASE_URL": database_url}


def listening_sockets(port: int) -> int:
    """How many sockets listen on `port` (TCP, IPv4 and IPv6) on this host: one per worker
    of a server on SO_REUSEPORT (workers.py). Linux's /proc/net/tcp: the local address's
    port is hexadecimal, state 0A is LISTEN."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(FileNotFoundError), open(table) as lines:
            for line in list(lines)[1:]:
                fields = line.split()
                count += fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port
    return count


class Server:
    """`python server.py serve` on loopback, started and stopped by the bench (never left)."""

    def __init__(self, database_url: str, port: int, workers: int,
                 command: list[str] | None = None,
                 env: dict[str, str] | None = None) -> None:  # fmt: skip
        self.url = f"http://127.0.0.1:{port}"
        self.port, self.worker_count = port, workers
        self.database_url, self.env = database_url, env  # to start the same server again
        env = {**server_environment(database_url), "PLANGRAPH_LOG_LEVEL": "WARNING",
               **(env or {})}  # fmt: skip
        if command is None:
            command = [
                sys.executable,
                str(ROOT / "server.py"),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(workers),
            ]
        # The single-worker server logs every request at INFO: discard it, do not pipe it.
        quiet = subprocess.DEVNULL
        self.process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=quiet, stderr=quiet, start_new_session=True
        )

    async def wait_ready(self, timeout: float = 90.0) -> None:
        """Poll /health until the server answers (migration runs first), then until each
        of its workers listens: a measurement that began with one worker listening would
        have every connection on it."""
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(timeout=3) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"server exited with {self.process.returncode}")
                try:
                    if (await client.get(self.url + "/health")).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.3)
            while time.monotonic() < deadline:
                if listening_sockets(self.port) >= self.worker_count:
                    return
                await asyncio.sleep(0.05)
        raise TimeoutError(f"server not ready after {timeout} s")

    def workers(self) -> list[int]:
        """The processes that serve: the children if there are any, else the server itself."""
        tree = descendants(self.process.pid)
        return tree[1:] or tree

    def stop(self) -> None:
        """SIGTERM to the server's own process group (it was started in a new session)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)


def naive_server(database_url: str, port: int) -> Server:
    """The naive eager-loading baseline (bench/naive/server.py): one process, on loopback."""
    command = [
        sys.executable,
        "-m",
        "bench.naive.server",
        "--database-url",
        database_url,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    return Server(database_url, port, 1, command)
