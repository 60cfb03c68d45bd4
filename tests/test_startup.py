"""What a served app does when it starts (its lifespan), as uvicorn runs it in each worker."""

from __future__ import annotations

import gc

from server import create_app
from settings import Settings


async def test_start_up_objects_are_frozen_out_of_the_garbage_collector(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url))
    gc.unfreeze()
    try:
        async with app.router.lifespan_context(app):
            frozen = gc.get_freeze_count()
    finally:
        gc.unfreeze()

    assert frozen > 10_000  # the schema, the models and the registry, at least
