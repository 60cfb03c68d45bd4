"""Name search: a case-insensitive substring, with LIKE's wildcards taken literally."""

MAX_SEARCH_LENGTH = 200


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
