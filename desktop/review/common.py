"""Small helpers shared by the review panels."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TypeVar

from db.errors import ClaimDeskError, NotFound
from desktop.context import AppContext

T = TypeVar("T")


def local_time(when: dt.datetime | None, seconds: bool = False) -> str:
    """An aware UTC timestamp shown in the computer's local time."""
    if when is None:
        return ""
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def attempt(
    ctx: AppContext,
    action: Callable[[], T],
    title: str = "ClaimDesk",
    *,
    quiet_not_found: bool = False,
) -> T | None:
    """Run a db/ call; an expected failure is shown to the user and None returned.

    With *quiet_not_found*, a vanished item (deleted meanwhile) just gives None.
    """
    try:
        return action()
    except ClaimDeskError as exc:
        if quiet_not_found and isinstance(exc, NotFound):
            return None
        ctx.report_error(exc, title)
        return None


def as_uuid(value: str | uuid.UUID | None) -> uuid.UUID | None:
    if not value:
        return None
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def one_line(text: str, limit: int = 90) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
