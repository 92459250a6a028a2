"""What the claims table, exports and the CLI select claims by: a value type alone.

Kept apart from :mod:`db.claims` so that the claims table can be built, and its first
rows read, before the ORM and the models are imported.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.enums import Status


@dataclass(frozen=True)
class ClaimFilter:
    """What the claims table, exports and the CLI select by; empty means all."""

    statuses: frozenset[Status] = frozenset()
    article_ids: frozenset[uuid.UUID] = frozenset()
    source_ids: frozenset[uuid.UUID] = frozenset()
    tags: frozenset[str] = frozenset()
    text: str = ""
    since: dt.datetime | None = None  # article published at or after
    until: dt.datetime | None = None  # article published before
    extra: dict[str, Any] = field(default_factory=dict)
    contested_only: bool = False  # only claims a contradiction put back in review
    hide_superseded: bool = False  # leave out claims a newer claim updates
