"""Claim rows as the claims table shows them: plain tuples, and how one is made from
the values a query returns (SQLite's text or a driver's objects).

A row is ``(id, status, reliability, credibility, source, statement, quote,
article_title, tags, event_start, event_end, updated_at, article_id, source_id,
open_threads, relayed_by, contested, superseded_by)`` with ids as strings, ``tags``
one comma-separated string, ``open_threads`` the number of unresolved discussion
threads on the claim, ``relayed_by`` its relay chain joined with " → " (nearest the
original source first), ``contested`` a bool and ``superseded_by`` the id of a newer
claim that updates this one (None when none does).

Importing this needs neither the ORM nor the models (see :mod:`db.claim_first_rows`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from db.timeutil import as_utc

if TYPE_CHECKING:
    from db.claims import ClaimInfo

ROW_FIELDS: tuple[str, ...] = (
    "id",
    "status",
    "reliability",
    "credibility",
    "source",
    "statement",
    "quote",
    "article",
    "tags",
    "event_start",
    "event_end",
    "updated_at",
    "article_id",
    "source_id",
    "open_threads",
    "relayed_by",
    "contested",
    "superseded_by",
)
(
    R_ID,
    R_STATUS,
    R_RELIABILITY,
    R_CREDIBILITY,
    R_SOURCE,
    R_STATEMENT,
    R_QUOTE,
    R_ARTICLE,
    R_TAGS,
    R_EVENT_START,
    R_EVENT_END,
    R_UPDATED,
    R_ARTICLE_ID,
    R_SOURCE_ID,
    R_THREADS,
    R_RELAYS,
    R_CONTESTED,
    R_SUPERSEDED_BY,
) = range(len(ROW_FIELDS))
RELAY_JOIN = " → "

ClaimRow = tuple[Any, ...]


def sid(value: Any) -> str | None:
    """A UUID as its canonical hyphenated text, from SQLite's 32 hex digits or a UUID."""
    if value is None:
        return None
    if type(value) is str:
        if len(value) == 32:
            return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
        return value
    return str(value)


def utc(value: Any) -> dt.datetime | None:
    """An aware UTC datetime from SQLite's naive UTC text or a driver's datetime."""
    if value is None:
        return None
    if type(value) is str:
        return dt.datetime.fromisoformat(value + "+00:00")
    return as_utc(value)


def make_row(r: Any, tags: dict[str, str], relays: dict[str, str]) -> ClaimRow:
    cid = sid(r[0])
    return (
        cid,
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        tags.get(cid, "") if cid is not None else "",
        r[8],
        r[9],
        utc(r[10]),
        sid(r[11]),
        sid(r[12]),
        r[13] or 0,
        relays.get(cid, "") if cid is not None else "",
        bool(r[14]),
        sid(r[15]),
    )


def row_of_new_claim(info: ClaimInfo) -> ClaimRow | None:
    """The row of a claim just created, from what was written: no open thread, no relay,
    nothing superseding it (a claim brought back with its links or relays is not bare:
    its writer names those too).  None when its tags are set (their order is the
    database's)."""
    if info.tags:
        return None
    source_id = None if info.source_id is None else str(info.source_id)
    return (
        str(info.id),
        info.status.value,
        info.reliability,
        info.credibility,
        info.source_name if source_id is not None else "",
        info.statement,
        info.quote,
        info.article_title,
        "",
        info.event_start,
        info.event_end,
        as_utc(info.updated_at),
        str(info.article_id),
        source_id,
        0,
        "",
        bool(info.contested),
        None,
    )
