"""A lean HTTP/1.1 client for the load phases: keep-alive connections, one request at a time
on each, the bytes read as they come.

The bench compares plangraph with a floor that has no HTTP at all, on the same two cores as
the load driver. httpx spent about 2 ms of the driver's CPU per 150 KB picture (measured on
the bench machine): CPU that then lacked to the server, so the driver measured itself too.
This client spends a fraction of that, as wrk would (the issue's own side-by-side figures
were taken with wrk), and asks for no compression unless told to, as wrk does.
"""

from __future__ import annotations

import asyncio
import gzip
import time
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import orjson


@dataclass
class Response:
    status_code: int
    content: bytes
    headers: dict[str, str]


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.idle_since = time.monotonic()

    async def request(self, head: bytes, body: bytes) -> Response:
        self.writer.write(head + body)
        status_line, *lines = (await self.reader.readuntil(b"\r\n\r\n")).decode().split("\r\n")
        headers = {}
        for line in lines:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            content = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            content = await self._chunked()
        else:
            content = await self.reader.read()  # the server closes the connection
        if headers.get("content-encoding") == "gzip":
            content = gzip.decompress(content)
        return Response(int(status_line.split(" ", 2)[1]), content, headers)

    async def _chunked(self) -> bytes:
        parts: list[bytes] = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")  # no trailers are expected
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)


class LeanClient:
    """Up to `connections` keep-alive connections to one server; `post` borrows one. A
    connection idle for `idle_seconds` is not used again: the server may be closing it
    (uvicorn keeps one alive for 5 s)."""

    def __init__(
        self,
        base_url: str,
        headers: dict[str, str],
        connections: int,
        compressed: bool = False,
        idle_seconds: float = 2.0,
    ) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        fixed = {
            "Host": f"{self.host}:{self.port}",
            "Accept-Encoding": "gzip" if compressed else "identity",
            **headers,
        }
        self._fixed = "".join(f"{k}: {v}\r\n" for k, v in fixed.items())
        self._idle: list[_Connection] = []
        self._idle_seconds = idle_seconds
        self._slots = asyncio.Semaphore(connections)
        self._open: list[_Connection] = []

    async def post(
        self,
        path: str,
        json: Any = None,
        content: bytes = b"",
        headers: dict[str, str] | None = None,
    ) -> Response:
        body = orjson.dumps(json) if json is not None else content
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        head = (
            f"POST {path} HTTP/1.1\r\n{self._fixed}{extra}Content-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        async with self._slots:
            connection = self._idle_connection() or await self._connect()
            try:
                response = await connection.request(head, body)
            except BaseException:
                connection.writer.close()
                self._open.remove(connection)
                raise
            if response.headers.get("connection", "").lower() == "close":
                connection.writer.close()
                self._open.remove(connection)
            else:
                connection.idle_since = time.monotonic()
                self._idle.append(connection)
            return response

    def _idle_connection(self) -> _Connection | None:
        while self._idle:
            connection = self._idle.pop()
            if time.monotonic() - connection.idle_since < self._idle_seconds:
                return connection
            connection.writer.close()
            self._open.remove(connection)
        return None

    async def _connect(self) -> _Connection:
        reader, writer = await asyncio.open_connection(self.host, self.port, limit=1 << 20)
        connection = _Connection(reader, writer)
        self._open.append(connection)
        return connection

    async def aclose(self) -> None:
        for connection in self._open:
            connection.writer.close()
        self._open.clear()
        self._idle.clear()

    async def __aenter__(self) -> LeanClient:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
