"""Time helpers: every stored timestamp is timezone-aware UTC."""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    """The current moment as an aware UTC datetime."""
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime) -> dt.datetime:
    """Return *value* as aware UTC; a naive value is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)
