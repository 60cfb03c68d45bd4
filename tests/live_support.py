"""A real server in a child process and a graphql-transport-ws client speaking to it."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from tests.tcp_proxy import free_port

ROOT = Path(__file__).resolve().parent.parent
WAIT = 20.0  # seconds: a bound on waits for the server, never asserted as a speed


class Server:
    """`server.py serve` on a free port, with its settings from the environment."""

    def __init__(self, database_url: str, port: int | None = None, **settings: Any) -> None:
        self.port = port or free_port()
        env = dict(os.environ, DATABASE_URL=database_url, PLANGRAPH_LOG_LEVEL="WARNING")
        env.update({f"PLANGRAPH_{k.upper()}": str(v) for k, v in settings.items()})
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "server.py"), "serve", "--port", str(self.port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=self.log,
        )  # fmt: skip
        self.http = f"http://127.0.0.1:{self.port}"
        self.ws = f"ws://127.0.0.1:{self.port}/graphql"

    async def ready(self) -> Server:
        deadline = time.monotonic() + WAIT
        async with httpx.AsyncClient() as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(self.output()[-3000:])
                try:
                    if (await client.get(self.http + "/health")).status_code == 200:
                        return self
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.1)
        raise TimeoutError("server did not start")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    async def post(self, token: str, query: str, variables: dict[str, Any] | None = None) -> Any:
        async with httpx.AsyncClient(timeout=WAIT) as client:
            response = await client.post(self.http + "/graphql", json={
                "query": query, "variables": variables or {}},
                headers={"Authorization": f"Bearer {token}"})  # fmt: skip
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        return body["data"]


class LiveClient:
    """The client side of graphql-transport-ws, message by message."""

    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket
        self.early: list[dict[str, Any]] = []  # messages that came before an awaited pong

    @classmethod
    async def open(cls, server: Server, token: str | None = None, **options: Any) -> LiveClient:
        socket = await connect(server.ws, subprotocols=["graphql-transport-ws"], **options)  # type: ignore[list-item]
        client = cls(socket)
        if token is not None:
            await client.send({"type": "connection_init",
                               "payload": {"Authorization": f"Bearer {token}"}})  # fmt: skip
            assert await client.receive() == {"type": "connection_ack"}
        return client

    async def send(self, message: dict[str, Any]) -> None:
        await self.socket.send(json.dumps(message))

    async def receive(self, timeout: float = WAIT) -> dict[str, Any]:
        if self.early:
            return self.early.pop(0)
        raw = await asyncio.wait_for(self.socket.recv(), timeout)
        message: dict[str, Any] = json.loads(raw)
        return message

    async def subscribe(self, op_id: str, query: str, **variables: Any) -> None:
        """Subscribe, then ping: the server answers the ping once the subscription is live."""
        await self.send({"id": op_id, "type": "subscribe",
                         "payload": {"query": query, "variables": variables}})  # fmt: skip
        await self.send({"type": "ping"})
        while True:
            raw = await asyncio.wait_for(self.socket.recv(), WAIT)
            message = json.loads(raw)
            if message == {"type": "pong"}:
                return
            self.early.append(message)

    async def next_data(self, op_id: str) -> dict[str, Any]:
        message = await self.receive()
        assert message["id"] == op_id and message["type"] == "next", message
        assert "errors" not in message["payload"], message
        data: dict[str, Any] = message["payload"]["data"]
        return data

    async def close_code(self) -> int | None:
        """Wait for the server to close the socket; its close code."""
        try:
            while True:
                await asyncio.wait_for(self.socket.recv(), WAIT)
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd is not None else None

    async def close(self) -> None:
        await self.socket.close()
