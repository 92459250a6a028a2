"""The timeline of a fact (or of the whole workspace), as plain data.

One item per claim: when the event happened (a day or a range, or None), when
the article was published, the figure with its bounds (or None), the claim's
status and whether a later claim supersedes it; plus the contradicts and
updates links between the claims shown.  The desktop draws it; the command line
writes it as JSON.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from db.facts import readings as readings_store
from db.facts.profile import Profile, profile
from db.ids import resolve_id
from db.models import Article, Claim, ClaimLink, ClaimReading, Fact, Relation
from db.workspace import Workspace

DRAWN_RELATIONS = (Relation.CONTRADICTS, Relation.UPDATES)


@dataclass(frozen=True)
class TimelineItem:
    claim_id: uuid.UUID
    article_id: uuid.UUID
    quote: str
    status: str
    event_start: dt.date | None
    event_end: dt.date | None  # equal to event_start for a single day
    published: dt.datetime | None
    value: float | None
    low: float | None  # the bounds the figure's qualifier allows;
    high: float | None  # None with a value: open-ended ("more than 10,000")
    unit: str
    superseded: bool
    superseded_by: tuple[uuid.UUID, ...] = ()
    notes: tuple[str, ...] = ()  # problems found in the data, in words

    @property
    def has_figure(self) -> bool:
        return self.value is not None

    def as_json(self) -> dict[str, object]:
        return {
            "claim": str(self.claim_id),
            "article": str(self.article_id),
            "quote": self.quote,
            "status": self.status,
            "event": None
            if self.event_start is None or self.event_end is None
            else {"start": self.event_start.isoformat(), "end": self.event_end.isoformat()},
            "published": self.published.isoformat() if self.published else None,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "superseded": self.superseded,
            "superseded_by": [str(c) for c in self.superseded_by],
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class TimelineLink:
    from_claim_id: uuid.UUID
    to_claim_id: uuid.UUID
    relation: Relation

    def as_json(self) -> dict[str, object]:
        return {
            "relation": self.relation.value,
            "from": str(self.from_claim_id),
            "to": str(self.to_claim_id),
        }


@dataclass(frozen=True)
class Timeline:
    fact_id: uuid.UUID | None
    fact_name: str  # "" for the whole workspace
    items: list[TimelineItem] = field(default_factory=list)
    links: list[TimelineLink] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "fact": str(self.fact_id) if self.fact_id else None,
            "name": self.fact_name,
            "items": [i.as_json() for i in self.items],
            "links": [link.as_json() for link in self.links],
        }


def _event_range(
    start: dt.date | None, end: dt.date | None, guessed: dt.date | None
) -> tuple[dt.date | None, dt.date | None, tuple[str, ...]]:
    if start is None and end is None:
        return guessed, guessed, ()
    if start is None or end is None:
        day = start or end
        return day, day, ()
    if end < start:
        note = f"event dates were reversed ({start} after {end}); shown from {end} to {start}"
        return end, start, (note,)
    return start, end, ()


# What a claim says in numbers depends only on these inputs, so it is kept between
# calls: reopening a timeline, or refreshing it after an edit, reads the figures of
# the claims that changed only.  Bounded; cleared whole when full.
_PROFILES: dict[tuple[Any, ...], Profile] = {}
_PROFILES_MAX = 100_000


def _profile(
    row: tuple[Any, ...], lead: str, key: str | None, stored: str | None, fresh: list[Any]
) -> Profile:
    """The profile of *row* (claim id … publication time) with its quote's stored
    reading (*key*, *stored*) while current; a quote read again is added to *fresh*."""
    found = _PROFILES.get((*row, lead))
    if found is None:
        if len(_PROFILES) >= _PROFILES_MAX:
            _PROFILES.clear()
        cid, _aid, quote, _start, _end, _event, published = row
        reading = readings_store.reading_of(cid, quote, lead, published, key, stored, fresh)
        found = _PROFILES[(*row, lead)] = profile(*row, lead=lead, reading=reading)
    return found


def _finite(bound: float) -> float | None:
    return bound if math.isfinite(bound) else None


def timeline(ws: Workspace, fact: uuid.UUID | str | None = None) -> Timeline:
    """The timeline of *fact* (its claims), or of every claim when None."""
    with ws.session() as session:
        fact_id: uuid.UUID | None = None
        fact_name = ""
        query = select(
            Claim.id,
            Claim.article_id,
            Claim.quote,
            Claim.start,
            Claim.end,
            Claim.event_start,
            Article.published_at,
            Claim.status,
            Claim.event_end,
            Claim.prefix,
            ClaimReading.key,
            ClaimReading.reading,
        )
        query = query.join(Article, Article.id == Claim.article_id).outerjoin(
            ClaimReading, ClaimReading.id == Claim.id
        )
        if fact is not None:
            fact_id = resolve_id(session, Fact, fact, "fact")
            fact_name = session.get_one(Fact, fact_id).name
            query = query.where(Claim.fact_id == fact_id)
        rows: list[tuple[Any, ...]] = [
            tuple(r) for r in session.execute(query.order_by(Claim.event_start, Claim.id))
        ]
        ids = {r[0] for r in rows}
        link_rows = session.execute(
            select(ClaimLink.from_claim_id, ClaimLink.to_claim_id, ClaimLink.relation).where(
                ClaimLink.relation.in_(DRAWN_RELATIONS)
            )
        ).all()
    # Superseded: another claim updates it (the updates links are among those drawn).
    updated_by: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for a, b, relation in link_rows:
        if relation == Relation.UPDATES and b in ids:
            updated_by[b].append(a)
    items = []
    fresh: list[Any] = []
    for row in rows:
        cid, article_id, quote, _start, _end, ev_start, published, status, ev_end = row[:9]
        lead, key, stored = row[9:]
        prof = _profile(row[:7], lead, key, stored, fresh)
        guessed = prof.when if prof.when_is_event else None
        start, end, notes = _event_range(ev_start, ev_end, guessed)
        has_figure = prof.value is not None
        by = tuple(sorted(updated_by[cid], key=str)) if cid in updated_by else ()
        items.append(
            TimelineItem(
                claim_id=cid,
                article_id=article_id,
                quote=quote,
                status=getattr(status, "value", str(status)),
                event_start=start,
                event_end=end,
                published=published,
                value=prof.value,
                low=_finite(prof.low) if has_figure else None,
                high=_finite(prof.high) if has_figure else None,
                unit=prof.unit,
                superseded=bool(by),
                superseded_by=by,
                notes=notes,
            )
        )
    readings_store.store(ws, fresh)
    links = [
        TimelineLink(a, b, Relation(relation))
        for a, b, relation in link_rows
        if a in ids and b in ids
    ]
    links.sort(
        key=lambda link: (link.relation.value, str(link.from_claim_id), str(link.to_claim_id))
    )
    return Timeline(fact_id, fact_name, items, links)
