"""Optimistic locking helpers shared by every service that edits a row.

Every editable row carries a ``version`` counter (SQLAlchemy's version_id_col).
An editor reads a row, remembers its version and sends it back with the edit
as ``expected_version``; when the stored version differs, the edit is refused
with :class:`StaleEdit` carrying the current values, so nothing is lost.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from db.errors import StaleEdit

T = TypeVar("T")


def check_version(
    noun: str,
    entity_id: uuid.UUID,
    stored: int,
    expected: int | None,
    current: Callable[[], Any],
) -> None:
    """Raise :class:`StaleEdit` when *expected* is given and differs from *stored*.

    *current* is called only on a mismatch; its result is the current value
    handed to the analyst (``error.current[noun]``).
    """
    if expected is None or stored == expected:
        return
    raise StaleEdit(
        f"The {noun} {str(entity_id)[:8]} was changed by someone else (version {stored}, "
        f"you edited version {expected}); your edit was not saved.",
        current={noun: current()},
    )


def retry_on_stale(operation: Callable[[], T], attempts: int = 20) -> T:
    """Run *operation* (which re-reads what it edits) until it is not stale.

    Meant for edits that can be re-applied blindly, such as appending to a
    field; edits made by people go to the conflict dialog instead.
    """
    last: StaleEdit | None = None
    for _ in range(max(1, attempts)):
        try:
            return operation()
        except StaleEdit as exc:
            last = exc
    assert last is not None
    raise last
