"""Rolling restarts: on SIGTERM a server stops accepting, runs its shutdown hooks, finishes
the requests in flight (at most `drain_timeout` seconds), and exits 0. With a `delay` it
first keeps serving that long while /health/ready answers 503, so that a load balancer takes
it out of rotation before it stops accepting.

Shutdown hooks are async callables in `app.state.shutdown_hooks`, run in order as soon as
the shutdown begins, before the drain (the first one marks the server as draining, so
/health/ready answers 503). Live updates append one that closes every open websocket with
code 1012 (service restart), so their clients reconnect elsewhere instead of holding the
drain up:

    app.state.shutdown_hooks.append(close_subscriptions)   # async def close_subscriptions()
"""

from __future__ import annotations

import asyncio
import faulthandler
import logging
import math
import os
import signal
import socket
import threading
from collections.abc import Awaitable, Callable
from typing import Any

import uvicorn

from ops.websocket import LiveWebSocketProtocol

log = logging.getLogger("plangraph")
ShutdownHook = Callable[[], Awaitable[None]]
SETTLE_SECONDS = 0.5
EXIT_AFTER_SECONDS = 45.0  # after the drain: the lifespan's two bounded steps and a margin


class DrainingServer(uvicorn.Server):
    """uvicorn's server, with the app's shutdown hooks run before connections are drained."""

    def __init__(self, config: uvicorn.Config, app: Any, delay: float = 0.0,
                 before_listening: Callable[[], None] | None = None) -> None:  # fmt: skip
        super().__init__(config)
        self.app = app
        self.delay = delay
        self.before_listening = before_listening

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        """uvicorn's start-up (the app's lifespan, then listening), with `before_listening`
        called in between, in a thread: it may block (workers.py listen_together)."""
        if self.before_listening is not None:
            wait, lifespan_startup = self.before_listening, self.lifespan.startup

            async def started_then_wait() -> None:
                await lifespan_startup()
                if not self.lifespan.should_exit:  # a failed start-up exits at once
                    await asyncio.to_thread(wait)

            self.lifespan.startup = started_then_wait
        await super().startup(sockets)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        await run_shutdown_hooks(self.app, self.config.timeout_graceful_shutdown)
        # Still serving, but not ready: a load balancer that checks /health/ready more often
        # than `delay` sends no new connection by the time the socket closes (a connection
        # the kernel completed but nobody accepted yet would be reset).
        await asyncio.sleep(self.delay)
        # Stop accepting first, then give the connections just accepted time to deliver the
        # request their client has already sent: uvicorn closes a connection with no request
        # read yet at once, which would reset a request that was on its way.
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        await asyncio.sleep(SETTLE_SECONDS)
        drain = self.config.timeout_graceful_shutdown
        if drain is not None:  # None: no limit was asked for, none is imposed
            exit_if_still_running(after=drain + EXIT_AFTER_SECONDS)
        await super().shutdown(sockets)  # closes idle connections, drains the rest


def exit_if_still_running(after: float) -> threading.Timer:
    """The last resort: a process still running `after` seconds from now logs its threads'
    stacks and exits with status 1. The app's own shutdown steps are bounded (server.py
    STOP_SECONDS), but after them asyncio cancels the tasks left and waits for each with no
    limit, and a task that ignores its cancellation would keep the process alive for good."""

    def give_up() -> None:
        log.error("shutdown: still running %g s after the drain; exiting", after)
        faulthandler.dump_traceback(all_threads=True)
        os._exit(1)

    timer = threading.Timer(after, give_up)
    timer.daemon = True
    timer.start()
    return timer


async def run_shutdown_hooks(app: Any, timeout: float | None) -> None:
    """Each hook once, in order, bounded by the drain timeout; a failing hook is logged."""
    for hook in list(getattr(app.state, "shutdown_hooks", [])):
        try:
            async with asyncio.timeout(timeout):
                await hook()
        except Exception:
            log.exception("a shutdown hook failed")


def serve(app: Any, host: str, port: int, drain_timeout: float, log_level: str = "info",
          sockets: list[socket.socket] | None = None, delay: float = 0.0,
          before_listening: Callable[[], None] | None = None) -> None:  # fmt: skip
    """Serve until SIGTERM or SIGINT; a SIGTERM ends in a normal exit (status 0).
    `before_listening` is called once the app has started, before the server listens."""
    # uvicorn raises the signal again after its graceful shutdown, which would end the
    # process with status 143; with a handler of our own installed, that raise is a no-op.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: None)
    # log_config=None: uvicorn's own messages go through the root handler (ops/logs.py), so
    # they are JSON too with PLANGRAPH_LOG_FORMAT=json.
    # ws: uvicorn's websockets protocol with the live endpoint's direct send (ops/websocket.py).
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=False,
                            log_config=None, ws=LiveWebSocketProtocol,
                            timeout_graceful_shutdown=math.ceil(drain_timeout) or None)  # fmt: skip
    DrainingServer(config, app, delay, before_listening).run(sockets=sockets)
