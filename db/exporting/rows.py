"""The claim sheet: one row per claim, streamed from the database in batches.

Every export format (CSV, JSON, XLSX, reports, ...) reads these rows, so they
agree on what a claim sheet holds.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, func, select, union
from sqlalchemy.orm import Session

from db.articles import in_offset, published_text
from db.claims import ClaimFilter, _apply_filter, _base_query
from db.exporting.verdicts import VerdictCell, as_uuids, decided_claims, verdict_cells
from db.models import (
    Article,
    Claim,
    ClaimLink,
    ClaimRelay,
    Evidence,
    Relation,
    Status,
    Tag,
    claim_tag,
)
from db.relays import relay_names_in
from db.workspace import Workspace

# The sheet's columns, in order, as they appear in CSV headers and JSON keys.
COLUMNS: tuple[str, ...] = (
    "id",
    "statement",
    "quote",
    "start",
    "end",
    "article_title",
    "outlet",
    "url",
    "published_at",
    "source",
    "relayed_by",
    "grading",
    "reliability",
    "credibility",
    "status",
    "contested",
    "verifier",
    "verdict_at",
    "rationale",
    "event_date",
    "tags",
    "links",
    "superseded_by",
    "evidence",
)

BATCH = 2000
Progress = Callable[[int, int], bool]
"""Called with (done, total); returning False cancels the export."""


class ExportCancelled(Exception):
    """The analyst cancelled a running export; the partial file is removed."""


@dataclass(frozen=True, slots=True)
class LinkCell:
    relation: str
    other_id: uuid.UUID
    outgoing: bool

    def __str__(self) -> str:
        arrow = "" if self.outgoing else "← "
        return f"{arrow}{self.relation} {self.other_id}"


@dataclass(frozen=True, slots=True)
class EvidenceCell:
    stance: str
    url: str
    note: str

    def __str__(self) -> str:
        body = " — ".join(p for p in (self.url, self.note) if p)
        return f"{self.stance}: {body}"


@dataclass(frozen=True, slots=True)
class SheetRow:
    id: uuid.UUID
    article_id: uuid.UUID
    statement: str
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    article_title: str
    outlet: str
    url: str
    published_at: dt.datetime | None
    source: str
    kind: str
    reliability: str | None
    credibility: int | None
    status: Status
    event_start: dt.date | None
    event_end: dt.date | None
    notes: str
    tags: tuple[str, ...]
    links: tuple[LinkCell, ...]
    evidence: tuple[EvidenceCell, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    created_by_id: uuid.UUID | None
    updated_by_id: uuid.UUID | None
    # Minutes east of UTC the article gave its publication time in (None: not given)
    # and the zone's name when it gave one ("KST").
    published_offset: int | None = None
    published_zone: str = ""
    # The sources that relayed the claim from its original source, nearest first.
    relayed_by: tuple[str, ...] = ()
    # A decided claim an accepted contradiction put back in review.
    contested: bool = False
    # The verdict behind the claim's status: who decided, when (UTC) and why.
    verdict: VerdictCell | None = None

    @property
    def superseded_by(self) -> tuple[uuid.UUID, ...]:
        """The newer claims that update this one (an *updates* link points at it)."""
        return tuple(
            link.other_id
            for link in self.links
            if link.relation == Relation.UPDATES.value and not link.outgoing
        )

    @property
    def status_text(self) -> str:
        """The status as a report shows it: ``Verified (contested; superseded by 1a2b3c4d)``."""
        marks = ["contested"] if self.contested else []
        newer = ", ".join(str(i)[:8] for i in self.superseded_by)
        if newer:
            marks.append(f"superseded by {newer}")
        return self.status.label + (f" ({'; '.join(marks)})" if marks else "")

    @property
    def published_as_given(self) -> dt.datetime | None:
        """The publication time at the article's own UTC offset (UTC when it gave none)."""
        if self.published_at is None:
            return None
        return in_offset(self.published_at, self.published_offset, self.published_zone)

    @property
    def published_text(self) -> str:
        """``2024-10-30 14:10 KST`` (UTC when the article gave no zone); "" when undated."""
        return published_text(self.published_at, self.published_offset, self.published_zone)

    @property
    def grading(self) -> str:
        return f"{self.reliability or ''}{self.credibility or ''}"

    @property
    def event_date(self) -> str:
        if self.event_start is None:
            return ""
        if self.event_end is None or self.event_end == self.event_start:
            return self.event_start.isoformat()
        return f"{self.event_start.isoformat()}/{self.event_end.isoformat()}"

    def cells(self) -> dict[str, str | int]:
        """The sheet's columns as plain text and numbers (CSV, Markdown)."""
        return {
            "id": str(self.id),
            "statement": self.statement,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "article_title": self.article_title,
            "outlet": self.outlet,
            "url": self.url,
            "published_at": (
                self.published_as_given.isoformat() if self.published_as_given else ""
            ),
            "source": self.source,
            "relayed_by": "; ".join(self.relayed_by),
            "grading": self.grading,
            "reliability": self.reliability or "",
            "credibility": self.credibility or "",
            "status": self.status.value,
            "contested": "yes" if self.contested else "",
            "verifier": self.verdict.verifier if self.verdict else "",
            "verdict_at": self.verdict.decided_text if self.verdict else "",
            "rationale": self.verdict.rationale if self.verdict else "",
            "event_date": self.event_date,
            "tags": "; ".join(self.tags),
            "links": "; ".join(str(link) for link in self.links),
            "superseded_by": "; ".join(str(i) for i in self.superseded_by),
            "evidence": "; ".join(str(e) for e in self.evidence),
        }

    def as_json(self) -> dict[str, object]:
        """The sheet's columns with structure kept (JSON)."""
        out: dict[str, object] = dict(self.cells())
        out["tags"] = list(self.tags)
        out["relayed_by"] = list(self.relayed_by)
        out["contested"] = self.contested
        out["credibility"] = self.credibility
        out["reliability"] = self.reliability
        for key in ("verifier", "verdict_at", "rationale"):
            out[key] = out[key] or None
        out["superseded_by"] = [str(i) for i in self.superseded_by]
        out["links"] = [
            {
                "relation": link.relation,
                "claim_id": str(link.other_id),
                "direction": "outgoing" if link.outgoing else "incoming",
            }
            for link in self.links
        ]
        out["evidence"] = [
            {"stance": e.stance, "url": e.url, "note": e.note} for e in self.evidence
        ]
        return out


def default_filter(statuses: Sequence[Status] | None = None) -> ClaimFilter:
    """The export default: verified claims only."""
    return ClaimFilter(statuses=frozenset(statuses or (Status.VERIFIED,)))


def every_status_as_none(flt: ClaimFilter) -> ClaimFilter:
    """*flt* without its status condition when it names every status: the same claims
    (a claim always has one of them), read without a look-up per claim in the status
    index, which costs more than the rows it keeps out."""
    if flt.statuses and flt.statuses >= frozenset(Status):
        return replace(flt, statuses=frozenset())
    return flt


def _sheet_query(flt: ClaimFilter) -> Select[*tuple[Any, ...]]:
    query = _apply_filter(_base_query(), every_status_as_none(flt)).add_columns(
        Article.outlet,
        Article.url,
        Article.published_at,
        Article.published_offset,
        Article.published_zone,
    )
    return query.order_by(Article.published_at, Article.title, Claim.start, Claim.id)


def count_rows(ws: Workspace, flt: ClaimFilter) -> int:
    with ws.session() as session:
        sub = _apply_filter(_base_query(), every_status_as_none(flt)).subquery()
        return session.scalar(select(func.count()).select_from(sub)) or 0


def _claims_with_extras(session: Session) -> set[uuid.UUID]:
    """Ids of claims that have any tag, link or evidence.

    Most claims have none; asking only for these keeps the per-batch look-ups
    small (an IN list of thousands of ids costs more than the rows it finds).
    """
    query = union(
        select(claim_tag.c.claim_id),
        select(ClaimLink.from_claim_id),
        select(ClaimLink.to_claim_id),
        select(Evidence.claim_id),
        select(ClaimRelay.claim_id),
    )
    return set(session.scalars(query))


def _extras(
    session: Session, ids: list[uuid.UUID]
) -> tuple[
    dict[uuid.UUID, list[str]], dict[uuid.UUID, list[LinkCell]], dict[uuid.UUID, list[EvidenceCell]]
]:
    if not ids:
        return {}, {}, {}
    id_set = set(ids)
    tags: dict[uuid.UUID, list[str]] = defaultdict(list)
    for cid, name in session.execute(
        select(claim_tag.c.claim_id, Tag.name)
        .join(Tag, Tag.id == claim_tag.c.tag_id)
        .where(claim_tag.c.claim_id.in_(ids))
        .order_by(Tag.name)
    ):
        tags[cid].append(name)
    links: dict[uuid.UUID, list[LinkCell]] = defaultdict(list)
    for link in session.scalars(
        select(ClaimLink).where(ClaimLink.from_claim_id.in_(ids) | ClaimLink.to_claim_id.in_(ids))
    ):
        if link.from_claim_id in id_set:
            links[link.from_claim_id].append(LinkCell(link.relation.value, link.to_claim_id, True))
        if link.to_claim_id in id_set:
            links[link.to_claim_id].append(LinkCell(link.relation.value, link.from_claim_id, False))
    evidence: dict[uuid.UUID, list[EvidenceCell]] = defaultdict(list)
    for ev in session.scalars(
        select(Evidence).where(Evidence.claim_id.in_(ids)).order_by(Evidence.created_at)
    ):
        evidence[ev.claim_id].append(EvidenceCell(ev.stance.value, ev.url, ev.note))
    return tags, links, evidence


def iter_rows(ws: Workspace, flt: ClaimFilter, *, batch: int = BATCH) -> Iterator[list[SheetRow]]:
    """Yield the sheet in batches of at most *batch* rows; memory stays bounded."""
    with ws.session() as session:
        decorated = _claims_with_extras(session)
        decided = set(as_uuids(decided_claims(session.connection())))
        result = session.execute(_sheet_query(flt).execution_options(yield_per=batch))
        for part in result.partitions(batch):
            extra = [r[0] for r in part if r[0] in decorated]
            tags, links, evidence = _extras(session, extra)
            relays = relay_names_in(session, extra)
            verdicts = verdict_cells(session, {r[0]: r[14] for r in part if r[0] in decided})
            rows = []
            for r in part:
                (cid, aid, title, start, end, quote, prefix, suffix, statement, kind) = r[:10]
                (_sid, source, rel, cred, status, ev_start, ev_end, notes) = r[10:18]
                (_assignee, _version, created, updated, created_by, updated_by) = r[18:24]
                contested = bool(r[24])
                outlet, url, published, offset, zone = r[-5:]  # added after the claim's
                rows.append(
                    SheetRow(
                        id=cid,
                        article_id=aid,
                        statement=statement,
                        quote=quote,
                        prefix=prefix,
                        suffix=suffix,
                        start=start,
                        end=end,
                        article_title=title,
                        outlet=outlet,
                        url=url,
                        published_at=published,
                        source=source,
                        kind=kind.value,
                        reliability=rel,
                        credibility=cred,
                        status=status,
                        event_start=ev_start,
                        event_end=ev_end,
                        notes=notes,
                        tags=tuple(tags.get(cid, ())),
                        links=tuple(links.get(cid, ())),
                        evidence=tuple(evidence.get(cid, ())),
                        created_at=created,
                        updated_at=updated,
                        created_by_id=created_by,
                        updated_by_id=updated_by,
                        published_offset=offset,
                        published_zone=zone or "",
                        relayed_by=tuple(relays.get(cid, ())),
                        contested=contested,
                        verdict=verdicts.get(cid),
                    )
                )
            yield rows
