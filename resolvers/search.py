"""Name search: a case-insensitive substring, with LIKE's wildcards taken literally."""

MAX_SEARCH_LENGTH = 200


def search_problem(text: str) -> str | None:
    """Why a search text is refused (both read paths say the same), or None. A NUL character
    is refused: PostgreSQL's text cannot hold one, and would fail the statement."""
    if len(text) > MAX_SEARCH_LENGTH:
        return f"is longer than {MAX_SEARCH_LENGTH}"
    if "\x00" in text:
        return "contains a NUL character"
    return None


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
