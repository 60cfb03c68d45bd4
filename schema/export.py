"""Write the schema's SDL to schema.graphql: `python -m schema.export` (a test checks drift)."""

from __future__ import annotations

from pathlib import Path

from schema import build_schema

SDL_PATH = Path(__file__).resolve().parent.parent / "schema.graphql"


def sdl() -> str:
    return build_schema().as_str() + "\n"


if __name__ == "__main__":
    SDL_PATH.write_text(sdl())
    print(f"wrote {SDL_PATH}")
