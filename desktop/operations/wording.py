"""Field names and stored values in words for the panels (see :mod:`db.wording`)."""

from __future__ import annotations

from typing import Any

from db import wording


def field_words(name: str) -> str:
    """A stored field's name as people say it: ``source_id`` → "Source"."""
    return wording.field_words(name)


def value_words(field: str, value: Any) -> Any:
    """A stored code in words ("in_review" → "In review"); other values as they are."""
    return wording.value_words(field, value)


__all__ = ["field_words", "value_words"]
