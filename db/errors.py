"""Errors that carry one clear, user-facing sentence.

The CLI prints ``str(error)`` and exits 2; the GUI shows it in a message box.
A message may quote stored text (a title, a quote, a file name); invisible and
text-direction characters in it are shown marked (``<U+202E>``), so they can
neither hide in the message nor reorder it.
"""

from __future__ import annotations

import enum
from typing import Any, TypeVar

from db.invisible import marked

E = TypeVar("E", bound=enum.Enum)


class ClaimDeskError(Exception):
    """Base for every expected failure: bad input, refusals, unknown ids."""

    def __str__(self) -> str:
        return marked(super().__str__())


class NotFound(ClaimDeskError):
    """An id, name or quote that does not exist."""


class InvalidInput(ClaimDeskError):
    """A value or file that cannot be accepted."""


class Refused(ClaimDeskError):
    """A rule forbids the action (role, four-eyes rule, ...)."""


class StaleEdit(ClaimDeskError):
    """Someone else changed the row since it was read (optimistic locking)."""

    def __init__(self, message: str, *, current: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.current = current or {}


class SchemaError(ClaimDeskError):
    """The workspace's schema is newer than this program, or out of date."""


class DuplicateArticle(ClaimDeskError):
    """The same article bytes were imported before."""

    def __init__(self, message: str, *, existing_id: str) -> None:
        super().__init__(message)
        self.existing_id = existing_id


def enum_member(enum_cls: type[E], value: object, noun: str) -> E:
    """The member of *enum_cls* with *value*; else InvalidInput naming the choices."""
    try:
        return enum_cls(value)
    except ValueError:
        names = ", ".join(str(m.value) for m in enum_cls)
        raise InvalidInput(f"Unknown {noun} {value!r}; use one of {names}.") from None
