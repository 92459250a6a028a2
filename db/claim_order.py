"""The orders the claims table can be read in, its page size, and where a page is read
from: value types and arithmetic alone (the SQL of each order is in
:mod:`db.claim_pages`)."""

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


@dataclass(frozen=True)
class PageWindow:
    """Where the rows of a page are read: *offset* and *limit* in the order, or in the
    reverse order when *reverse* (the rows then come last first)."""

    offset: int
    limit: int
    reverse: bool


def page_window(offset: int, limit: int, total: int | None) -> PageWindow | None:
    """Where to read rows *offset* to *offset* + *limit* of *total* matching rows.

    Given the *total*, a page in the second half is read in the reverse order from the
    end, so the database skips fewer rows.  None: no row to read.
    """
    offset = max(0, offset)
    if limit <= 0:
        return None
    if total is None or offset <= total // 2:
        return PageWindow(offset, limit, False)
    end = min(total, offset + limit)
    if end <= offset:
        return None
    return PageWindow(total - end, end - offset, True)
