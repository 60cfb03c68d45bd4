"""resolvers/waves.py: request-scoped loaders dispatched in waves."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from resolvers.waves import Loader, Waves
from tests.factories import Api


async def test_a_cancelled_waiter_leaves_the_others_of_its_key_their_value() -> None:
    """graphql-core cancels the fields under a parent that a sibling's error nulled; a field
    elsewhere waiting for the same key (the viewer and an account's owner, one user) must
    still get its value, not the cancellation (it ended the request with HTTP 500)."""
    batches: list[list[int]] = []

    async def batch(keys: list[int]) -> list[str]:
        batches.append(keys)
        await asyncio.sleep(0.01)
        return [f"user {key}" for key in keys]

    loader = Loader(Waves(), batch)
    owner = asyncio.create_task(_await(loader.load(7)))
    viewer = asyncio.create_task(_await(loader.load(7)))
    await asyncio.sleep(0)
    owner.cancel()

    assert await viewer == "user 7"
    with pytest.raises(asyncio.CancelledError):
        await owner
    assert await loader.load(7) == "user 7"  # the cached value, no statement more
    assert batches == [[7]]


async def test_closing_lets_a_wave_under_way_finish_and_starts_no_other() -> None:
    """At the end of a request a wave under way finishes its statements before the answer
    goes (cancelled, its connections were terminated mid-statement); keys asked for after
    that load nothing."""
    finished: list[list[int]] = []

    async def batch(keys: list[int]) -> list[str]:
        await asyncio.sleep(0.02)
        finished.append(keys)
        return [str(key) for key in keys]

    waves = Waves()
    loader = Loader(waves, batch)
    first = loader.load(1)
    await asyncio.sleep(0.005)  # the wave is under way
    await asyncio.wait_for(waves.close(timeout=5), 2)
    late = loader.load(2)

    assert finished == [[1]] and first.done() and await first == "1"
    await asyncio.sleep(0.05)
    assert finished == [[1]] and not late.done()


async def test_closing_stops_a_wave_that_outlasts_the_time_given() -> None:
    finished: list[list[int]] = []

    async def batch(keys: list[int]) -> list[str]:
        await asyncio.sleep(10)
        finished.append(keys)
        return []

    waves = Waves()
    Loader(waves, batch).load(1)
    await asyncio.sleep(0.005)
    await asyncio.wait_for(waves.close(timeout=0.05), 2)

    assert finished == [] and waves._task is not None and waves._task.done()


async def test_stopping_cancels_a_wave_under_way() -> None:
    """A request out of time stops its statements."""
    started, finished = asyncio.Event(), []

    async def batch(keys: list[int]) -> list[str]:
        started.set()
        await asyncio.sleep(10)
        finished.append(keys)
        return []

    waves = Waves()
    Loader(waves, batch).load(1)
    await started.wait()
    await waves.stop()

    assert finished == []


async def _await(awaitable: asyncio.Future[str]) -> str:
    return await awaitable


async def test_a_stray_cancellation_is_answered_in_json(
    api: Api, app_and_counter: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should a resolver's cancellation reach the execution anyway, the client gets the
    server's JSON error with the request id, not a bare HTTP 500 page."""
    endpoint = app_and_counter[0].state.graphql

    async def cancelled(*args: Any, **kwargs: Any) -> Any:
        raise asyncio.CancelledError

    monkeypatch.setattr(endpoint.schema, "execute", cancelled)
    monkeypatch.setattr(endpoint, "fast", None)  # the general path
    response = await api.client.post(
        "/graphql", json={"query": "{ viewer { name } }"},
        headers={"Authorization": f"Bearer {api.tokens['anna']}"},
    )  # fmt: skip

    assert response.status_code == 500
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert error["message"].startswith("Internal server error (request ")
