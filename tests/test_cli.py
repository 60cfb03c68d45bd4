"""The command line is a contract: serve on an empty database, create-user, create-token."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.factories import data_of
from tests.tcp_proxy import free_port

ROOT = Path(__file__).resolve().parents[1]


def _run(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "server.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def test_serve_works_on_an_empty_database_and_a_new_token_signs_in(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'new.db'}"}
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "server.py", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        health = _wait_for(f"http://127.0.0.1:{port}/health")
        _run(env, "create-user", "eve@example.com", "--name", "Eve", "--role", "admin")
        token = _run(env, "create-token", "eve@example.com").strip().splitlines()[-1]
        response = httpx.post(
            f"http://127.0.0.1:{port}/graphql",
            json={"query": "{ viewer { name email } }"},
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)

    assert health == {"status": "ok", "database": "ok"}
    assert data_of(response) == {"data": {"viewer": {"name": "Eve", "email": "eve@example.com"}}}


def _wait_for(url: str) -> object:
    deadline = time.monotonic() + 60
    while True:
        try:
            return httpx.get(url, timeout=2).json()
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_create_token_for_an_unknown_user_fails(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"}
    _run(env, "migrate")
    result = subprocess.run(
        [sys.executable, "server.py", "create-token", "nobody@example.com"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert (result.returncode, result.stderr.strip()) == (
        1,
        "no user with e-mail nobody@example.com",
    )
