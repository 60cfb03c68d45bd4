"""Why a change was refused: the codes the rules and the input checks give, one enum for all."""

from __future__ import annotations

import enum


class RefusalCode(enum.StrEnum):
    """A stable name clients branch on (the public UserErrorCode wraps this enum)."""

    INVALID = "INVALID"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    NOT_FOUND = "NOT_FOUND"
    STALE_VERSION = "STALE_VERSION"
    FORBIDDEN = "FORBIDDEN"
    READ_ONLY = "READ_ONLY"
    DUPLICATE = "DUPLICATE"
