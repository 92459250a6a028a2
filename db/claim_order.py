"""The orders the claims table can be read in, and its page size: value types alone
(the SQL of each order is in :mod:`db.claim_pages`)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

PAGE_SIZE = 200


class SortKey(enum.StrEnum):
    """What the claims table is ordered by."""

    POSITION = "position"  # article title, then the claim's place in the article
    ID = "id"
    STATUS = "status"
    GRADING = "grading"
    SOURCE = "source"
    STATEMENT = "statement"
    QUOTE = "quote"
    ARTICLE = "article"
    TAGS = "tags"
    EVENT = "event"
    UPDATED = "updated"
    THREADS = "threads"
    RELAYS = "relays"  # the first relay's name (nearest the original source)


@dataclass(frozen=True)
class ClaimOrder:
    key: SortKey = SortKey.POSITION
    descending: bool = False

    def reversed(self) -> ClaimOrder:
        return ClaimOrder(self.key, not self.descending)
