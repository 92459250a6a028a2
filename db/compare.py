"""The compare view's data: one disputed fact as told by several claims.

Starting from a claim, the set holds the claims linked to it by
*contradicts*, *updates* or *same* — in either direction, up to two links
away — each with the sentence its quote sits in and where it was published.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.articles import published_day, published_text
from db.ids import resolve_id
from db.links import FORWARD_LABEL, INVERSE_LABEL
from db.models import Article, Claim, ClaimLink, Relation, Source, Status
from db.relays import relay_names_in
from db.workspace import Workspace

COMPARE_RELATIONS = (Relation.CONTRADICTS, Relation.UPDATES, Relation.SAME)
MAX_HOPS = 2
MAX_SENTENCE = 600
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before
# whitespace, or at a line break.
_END = re.compile(r"[.!?][\"'”’»)\]]*(?=\s)|\n")


@dataclass(frozen=True, slots=True)
class CompareItem:
    claim_id: uuid.UUID
    hops: int  # 0 for the claim compared from
    relation: str  # "<this> <relation> <the claim it was reached from>" ("" for the first)
    quote: str
    sentence: str
    quote_start: int  # offset of the quote inside ``sentence`` (code points)
    statement: str
    source_name: str
    grading: str
    reliability: str | None
    credibility: int | None
    event_start: dt.date | None
    event_end: dt.date | None
    article_id: uuid.UUID
    article_title: str
    outlet: str
    published_at: dt.datetime | None
    status: Status
    published_offset: int | None = None  # minutes east of UTC the article gave
    published_zone: str = ""  # the zone's name the article gave ("KST")
    relayed_by: tuple[str, ...] = ()  # the relay chain, nearest the original source first
    contested: bool = False  # a decided claim a contradiction put back in review
    superseded: bool = False  # a newer claim updates this one

    @property
    def status_text(self) -> str:
        """``Verified · contested · superseded``."""
        marks = [self.status.label]
        if self.contested:
            marks.append("contested")
        if self.superseded:
            marks.append("superseded")
        return " · ".join(marks)

    @property
    def published_day(self) -> str:
        """The publication day in the article's own zone (UTC when it gave none)."""
        return published_day(self.published_at, self.published_offset)

    @property
    def published_text(self) -> str:
        """The publication time as the article gave it: ``2024-10-30 14:10 KST``."""
        return published_text(self.published_at, self.published_offset, self.published_zone)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end (code points) of the sentence(s) containing ``text[start:end]``."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo = 0
    for m in _END.finditer(text, max(0, start - MAX_SENTENCE), min(len(text), start + 1)):
        if m.end() <= start:
            lo = m.end()
    stop = _END.search(text, max(start, end - 1))
    hi = stop.end() if stop else len(text)
    if stop and stop.group() == "\n":
        hi = stop.start()
    while lo < start and text[lo].isspace():
        lo += 1
    if start - lo > MAX_SENTENCE:
        lo = start - MAX_SENTENCE
    if hi - end > MAX_SENTENCE:
        hi = end + MAX_SENTENCE
    return lo, max(hi, end)


def _neighbours(session: Session, ids: set[uuid.UUID]) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    """(known id, other id, label) for links touching *ids*; the label reads
    "other <label> known", e.g. "updates" when the other claim updates the known one."""
    links = session.scalars(
        select(ClaimLink).where(
            ClaimLink.relation.in_(COMPARE_RELATIONS),
            or_(ClaimLink.from_claim_id.in_(ids), ClaimLink.to_claim_id.in_(ids)),
        )
    ).all()
    out = []
    for link in links:
        rel = Relation(link.relation)
        if link.from_claim_id in ids:
            out.append((link.from_claim_id, link.to_claim_id, INVERSE_LABEL[rel]))
        if link.to_claim_id in ids:
            out.append((link.to_claim_id, link.from_claim_id, FORWARD_LABEL[rel]))
    return out


def compare_set(ws: Workspace, claim_id: uuid.UUID | str) -> list[CompareItem]:
    """The claim and the claims telling the same fact (contradicts/updates/same, ≤2 hops)."""
    with ws.session() as session:
        root = resolve_id(session, Claim, claim_id, "claim")
        reached: dict[uuid.UUID, tuple[int, str]] = {root: (0, "")}
        frontier = {root}
        for hop in range(1, MAX_HOPS + 1):
            found: set[uuid.UUID] = set()
            for _known, other, label in sorted(_neighbours(session, frontier), key=str):
                if other not in reached:
                    reached[other] = (hop, label)
                    found.add(other)
            if not found:
                break
            frontier = found
        rows = session.execute(
            select(
                Claim,
                Article.title,
                Article.outlet,
                Article.published_at,
                func.coalesce(Source.name, ""),
                Article.published_offset,
                Article.published_zone,
            )
            .join(Article, Article.id == Claim.article_id)
            .outerjoin(Source, Source.id == Claim.source_id)
            .where(Claim.id.in_(reached))
        ).all()
        superseded = set(
            session.scalars(
                select(ClaimLink.to_claim_id).where(
                    ClaimLink.relation == Relation.UPDATES, ClaimLink.to_claim_id.in_(reached)
                )
            )
        )
        texts = dict(
            session.execute(
                select(Article.id, Article.text).where(
                    Article.id.in_({r[0].article_id for r in rows})
                )
            ).all()
        )
        chains = relay_names_in(session, list(reached))
        items = []
        for claim, title, outlet, published, source_name, offset, zone in rows:
            text = texts[claim.article_id]
            lo, hi = sentence_bounds(text, claim.start, claim.end)
            hops, relation = reached[claim.id]
            items.append(
                CompareItem(
                    claim_id=claim.id,
                    hops=hops,
                    relation=relation,
                    quote=claim.quote,
                    sentence=text[lo:hi],
                    quote_start=claim.start - lo,
                    statement=claim.statement,
                    source_name=source_name,
                    grading=claim.grading,
                    reliability=claim.reliability,
                    credibility=claim.credibility,
                    event_start=claim.event_start,
                    event_end=claim.event_end,
                    article_id=claim.article_id,
                    article_title=title,
                    outlet=outlet,
                    published_at=published,
                    status=Status(claim.status),
                    published_offset=offset,
                    published_zone=zone or "",
                    relayed_by=chains.get(claim.id, ()),
                    contested=claim.contested,
                    superseded=claim.id in superseded,
                )
            )
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    items.sort(key=lambda i: (i.hops > 0, i.published_at or far, i.article_title, i.quote))
    return items
