"""Serving on several processes that each get their share of the connections.

uvicorn's own `--workers` shares one listening socket: whichever worker wakes first accepts,
and a handful of keep-alive clients can all land on one process (measured: 8 benchmark
connections, 99.5% of the CPU time in one of two workers). Here each worker listens on its
own socket with SO_REUSEPORT, and the kernel spreads new connections over them. The workers
start listening together, once each has warmed up (`listen_together`): a worker that listened
first would get every connection of the clients (and the load balancer) already waiting, and
keep them for as long as they are kept alive.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger("plangraph")
# How long a warmed-up worker waits for the others before it listens alone.
LISTEN_TOGETHER_SECONDS = 30.0


def worker_socket(host: str, port: int) -> socket.socket:
    """The worker's own socket on the shared port, bound but not yet listening: uvicorn
    listens on it (asyncio's create_server) once the app's lifespan has started, with its
    warm-up done. Until then the kernel gives the worker no connection (a port's SO_REUSEPORT
    group holds only listening sockets), so no request waits for a worker that is still
    importing or warming up, at start-up or when a worker is restarted."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets whose proto says TCP, and
    # accepted sockets inherit the listener's. Without it a response written in two parts
    # (the gzip middleware's head, then its small body) waits for the client's delayed ACK:
    # measured, 40 ms more per gzip'd picture on a keep-alive connection.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def listen_together(started: Any, timeout: float = LISTEN_TOGETHER_SECONDS) -> None:
    """Wait until every worker has started (its lifespan, with its warm-up, done), so that
    they all begin to listen at once (`started`: a multiprocessing Barrier of the workers).
    Measured without it, on a fresh server with 2 workers (bench data, PostgreSQL): the
    second worker listened 0.4 to 0.9 s after the first answered /health, and the
    connections made in between all went to the first (and stay there while kept alive).
    A worker not ready within `timeout` (or dead) breaks the barrier for all: the others
    listen without it."""
    try:
        started.wait(timeout)
    except threading.BrokenBarrierError:
        log.warning("start-up: listening without waiting for every worker (one was not ready "
                    "within %g s, or the server is stopping)", timeout)  # fmt: skip


def _worker(app_factory: Callable[[], Any], host: str, port: int, log_level: str,
            started: Any = None) -> None:  # fmt: skip
    """One worker: its own socket, listening once every worker has started (`started`);
    on SIGTERM it drains its requests and exits 0."""
    from ops.shutdown import serve as serve_app

    sock = worker_socket(host, port)
    app = app_factory()
    settings = app.state.settings
    wait = None if started is None else functools.partial(listen_together, started)
    serve_app(app, host, port, settings.drain_timeout_seconds, log_level, sockets=[sock],
              delay=settings.shutdown_delay_seconds, before_listening=wait)  # fmt: skip


def serve(
    app_factory: Callable[[], Any], host: str, port: int, workers: int, log_level: str = "warning"
) -> int:
    """Run `workers` processes until SIGINT/SIGTERM; a worker that dies (any of them, while
    starting or serving) ends the others, and the exit status is its."""
    if not hasattr(socket, "SO_REUSEPORT"):
        print("SO_REUSEPORT is not available here: serving with one process", file=sys.stderr)
        _worker(app_factory, host, port, log_level)
        return 0
    with _metrics_directory():
        return _run_workers(app_factory, host, port, workers, log_level)


@contextlib.contextmanager
def _metrics_directory() -> Iterator[None]:
    """PROMETHEUS_MULTIPROC_DIR for the workers (ops/metrics.py): a fresh temporary directory,
    or the operator's, emptied of an earlier run's files; set before any worker starts."""
    configured = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if configured:
        for stale in Path(configured).glob("*.db"):
            stale.unlink()
        yield
        return
    directory = tempfile.mkdtemp(prefix="plangraph-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
    try:
        yield
    finally:
        del os.environ["PROMETHEUS_MULTIPROC_DIR"]
        shutil.rmtree(directory, ignore_errors=True)


def _run_workers(app_factory: Callable[[], Any], host: str, port: int, workers: int,
                 log_level: str) -> int:  # fmt: skip
    context = multiprocessing.get_context("spawn")
    started = context.Barrier(workers)
    processes = [
        context.Process(
            target=_worker, args=(app_factory, host, port, log_level, started), daemon=False
        )
        for _ in range(workers)
    ]
    for process in processes:
        process.start()

    def stop(signum: int, _frame: Any) -> None:
        # Workers still waiting for the others listen (and then stop) at once. In a thread:
        # a worker killed inside the barrier's own lock would leave abort() waiting for good.
        threading.Thread(target=started.abort, daemon=True).start()
        for process in processes:
            if process.is_alive() and process.pid is not None:
                os.kill(process.pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    code = 0
    running = list(processes)
    while running:  # whichever worker ends first (a crash, or SIGTERM) ends the others
        ended = multiprocessing.connection.wait([process.sentinel for process in running])
        for process in [p for p in running if p.sentinel in ended]:
            process.join()
            running.remove(process)
            code = code or (process.exitcode or 0)
        stop(signal.SIGTERM, None)
    from ops.metrics import worker_exited  # now: PROMETHEUS_MULTIPROC_DIR is set

    for process in processes:
        if process.pid is not None:
            worker_exited(process.pid)
    return 0 if code in (0, -signal.SIGTERM) else code
