"""The claim sheet as light rows for CSV and XLSX: one streamed query, raw values.

:func:`db.exporting.rows.iter_rows` builds a typed :class:`~db.exporting.rows.SheetRow`
per claim (ids as ``uuid.UUID``, every timestamp converted), which the richer formats
need.  The sheets need only text: here ids stay the text the database holds (dashed
on the way out), the publication time is converted once per article rather than once
per claim, and tags, links, evidence and relays are looked up only for the few claims
that have any.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple, TypeVar, overload

from sqlalchemy import (
    BindParameter,
    Connection,
    String,
    Uuid,
    and_,
    bindparam,
    or_,
    select,
    type_coerce,
    union,
)
from sqlalchemy.orm import aliased

from db.articles import in_offset
from db.claims import ClaimFilter, _apply_filter
from db.exporting.rows import every_status_as_none
from db.exporting.verdicts import VerdictCell
from db.models import (
    Analyst,
    Article,
    Claim,
    ClaimLink,
    ClaimRelay,
    Evidence,
    Relation,
    Source,
    Tag,
    Verdict,
    claim_tag,
)
from db.workspace import Workspace

BATCH = 2000


class SheetCells(NamedTuple):
    """One claim of the sheet: text and numbers, ready to be written."""

    id: str
    statement: str
    quote: str
    start: int
    end: int
    article_title: str
    outlet: str
    url: str
    published: dt.datetime | None  # at the article's own offset (UTC when it gave none)
    published_at: dt.datetime | None  # in UTC, as stored
    published_offset: int | None
    published_zone: str
    source: str
    relayed_by: str
    grading: str
    status: str
    event_start: dt.date | None
    event_end: dt.date | None
    tags: str
    links: str
    evidence: str
    notes: str
    contested: bool  # a decided claim an accepted contradiction put back in review
    superseded_by: str  # the newer claims that update this one
    reliability: str = ""  # the grading's two halves, each in its own column
    credibility: int | None = None
    verifier: str = ""  # the verdict behind the status: who, when (UTC, ISO), why
    verdict_at: str = ""
    rationale: str = ""

    @property
    def event_date(self) -> str:
        if self.event_start is None:
            return ""
        if self.event_end is None or self.event_end == self.event_start:
            return self.event_start.isoformat()
        return f"{self.event_start.isoformat()}/{self.event_end.isoformat()}"


def id_text(raw: Any) -> str:
    """An id as the database handed it (32 hex digits on SQLite, a UUID on PostgreSQL),
    as the dashed text everything else shows."""
    if isinstance(raw, str) and len(raw) == 32:
        return f"{raw[:8]}-{raw[8:12]}-{raw[12:16]}-{raw[16:20]}-{raw[20:]}"
    return str(raw)


def _raw(column: Any) -> Any:
    """*column* handed back as the driver reads it (no conversion per row)."""
    return type_coerce(column, String)


NO_EXTRAS = ("", "", "", "", "")
# A UTC time as SQLite stores it (db.models.base.UTCDateTime): 2024-10-30 05:10:00.000000.
_STORED_UTC = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", re.ASCII)
T = TypeVar("T")


# A verdict of the same claim giving the same status, decided later (or at the same
# moment, with a greater id): the verdict behind a claim's status is the one without.
_LATER = aliased(Verdict)
_LATER_VERDICT = (
    select(_LATER.id)
    .where(
        _LATER.claim_id == Verdict.claim_id,
        _LATER.status == Verdict.status,
        or_(
            _LATER.decided_at > Verdict.decided_at,
            and_(_LATER.decided_at == Verdict.decided_at, _LATER.id > Verdict.id),
        ),
    )
    .correlate(Verdict)
    .exists()
)


def _query(flt: ClaimFilter) -> Any:
    query = (
        select(
            _raw(Claim.id),
            Claim.statement,
            Claim.quote,
            Claim.start,
            Claim.end,
            Article.title,
            Article.outlet,
            Article.url,
            _raw(Article.published_at),
            Article.published_offset,
            Article.published_zone,
            Source.name,
            Claim.reliability,
            Claim.credibility,
            _raw(Claim.status),
            _raw(Claim.event_start),
            _raw(Claim.event_end),
            Claim.notes,
            _raw(Claim.contested),
            Analyst.name,
            _raw(Verdict.decided_at),
            Verdict.rationale,
        )
        .select_from(Claim)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Source, Source.id == Claim.source_id)
        # The verdict behind the claim's status: the latest giving the status it has now
        # (a join looked at only for the claims with such verdicts, not a subquery a claim).
        .outerjoin(
            Verdict,
            and_(Verdict.claim_id == Claim.id, Verdict.status == Claim.status, ~_LATER_VERDICT),
        )
        .outerjoin(Analyst, Analyst.id == Verdict.reviewer_id)
    )
    return _apply_filter(query, every_status_as_none(flt)).order_by(
        Article.published_at, Article.title, Claim.start, Claim.id
    )


def _decorated(conn: Connection) -> set[Any]:
    """Ids (as the driver reads them) of the claims with any tag, link, evidence or relay:
    most claims have none, and only these are looked up."""
    query = union(
        select(_raw(claim_tag.c.claim_id)),
        select(_raw(ClaimLink.from_claim_id)),
        select(_raw(ClaimLink.to_claim_id)),
        select(_raw(Evidence.claim_id)),
        select(_raw(ClaimRelay.claim_id)),
    )
    return set(conn.scalars(query))


# Claim ids bound as text (dashed or not): no UUID object made per id; PostgreSQL
# casts each to its uuid column, SQLite compares them as the hex it stores.
_IDS: BindParameter[Any] = bindparam("ids", expanding=True, type_=Uuid(as_uuid=False))
_TAGS = (
    select(_raw(claim_tag.c.claim_id), Tag.name)
    .join(Tag, Tag.id == claim_tag.c.tag_id)
    .where(claim_tag.c.claim_id.in_(_IDS))
    .order_by(Tag.name)
)
_LINKS = (
    select(_raw(ClaimLink.from_claim_id), _raw(ClaimLink.relation), _raw(ClaimLink.to_claim_id))
    .where(ClaimLink.from_claim_id.in_(_IDS) | ClaimLink.to_claim_id.in_(_IDS))
    .order_by(ClaimLink.created_at, ClaimLink.id)
)
_EVIDENCE = (
    select(_raw(Evidence.claim_id), _raw(Evidence.stance), Evidence.url, Evidence.note)
    .where(Evidence.claim_id.in_(_IDS))
    .order_by(Evidence.created_at)
)
_RELAYS = (
    select(_raw(ClaimRelay.claim_id), Source.name)
    .join(Source, Source.id == ClaimRelay.source_id)
    .where(ClaimRelay.claim_id.in_(_IDS))
    .order_by(ClaimRelay.claim_id, ClaimRelay.position)
)
# The tags, links, evidence and relays of several batches' claims are looked up together
# (four queries a window, not four a batch): batches are read until this many of their
# claims have any, or the rows read reach EXTRAS_ROWS (memory stays bounded).
EXTRAS_IDS = 1000
EXTRAS_ROWS = 10_000


def _extras(conn: Connection, raw_ids: list[Any]) -> dict[str, dict[str, str]]:
    """Column -> claim id text -> the joined cell, for the claims in *raw_ids*."""
    if not raw_ids:
        return {}
    parts: dict[str, dict[str, list[str]]] = {
        name: defaultdict(list)
        for name in ("tags", "links", "superseded_by", "evidence", "relayed_by")
    }
    ids = [id_text(raw) for raw in raw_ids]
    wanted = {"ids": ids}
    for cid, name in conn.execute(_TAGS, wanted):
        parts["tags"][id_text(cid)].append(name)
    chosen = set(ids)
    for src, relation, dst in conn.execute(_LINKS, wanted):
        src, dst = id_text(src), id_text(dst)
        if src in chosen:
            parts["links"][src].append(f"{relation} {dst}")
        if dst in chosen:
            parts["links"][dst].append(f"← {relation} {src}")
            if relation == Relation.UPDATES.value:
                parts["superseded_by"][dst].append(src)
    for cid, stance, url, note in conn.execute(_EVIDENCE, wanted):
        body = " — ".join(p for p in (url, note) if p)
        parts["evidence"][id_text(cid)].append(f"{stance}: {body}")
    for cid, name in conn.execute(_RELAYS, wanted):
        parts["relayed_by"][id_text(cid)].append(name)
    return {name: {k: "; ".join(v) for k, v in cells.items()} for name, cells in parts.items()}


def _windows(parts: Iterator[Any], decorated: set[Any]) -> Iterator[list[Any]]:
    """The batches of *parts* grouped into windows whose extras are looked up together."""
    window: list[Any] = []
    ids = rows = 0
    for part in parts:
        window.append(part)
        rows += len(part)
        ids += sum(1 for r in part if r[0] in decorated)
        if ids >= EXTRAS_IDS or rows >= EXTRAS_ROWS:
            yield window
            window = []
            ids = rows = 0
    if window:
        yield window


Published = tuple[Any, Any, str]  # (UTC as stored, at the article's offset, that as ISO text)
Extra = tuple[str, str, str, str, str]  # relayed_by, tags, links, evidence, superseded_by
Event = tuple[dt.date | None, dt.date | None, str]  # start, end, the event_date cell
NO_EVENT: Event = (None, None, "")
# Makes one row of a sheet from the query's row and what was looked up for it.
Build = Callable[[Any, str, Published, Extra, VerdictCell | None, Event], T]


def _event(start: dt.date | None, end: dt.date | None) -> Event:
    if start is None:
        return (start, end, "")
    if end is None or end == start:
        return (start, end, start.isoformat())
    return (start, end, f"{start.isoformat()}/{end.isoformat()}")


def _sheet_cells(
    r: Any,
    cid: str,
    published: Published,
    extra: Extra,
    verdict: VerdictCell | None,
    event: Event,
) -> SheetCells:
    rel, cred = r[12], r[13]
    return SheetCells(
        cid,
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        published[1],
        published[0],
        r[9],
        r[10] or "",
        r[11] or "",
        extra[0],
        f"{rel or ''}{cred or ''}",
        r[14],
        event[0],
        event[1],
        extra[1],
        extra[2],
        extra[3],
        r[17],
        bool(r[18]),
        extra[4],
        rel or "",
        cred,
        verdict.verifier if verdict else "",
        verdict.decided_text if verdict else "",
        verdict.rationale if verdict else "",
    )


@overload
def iter_cells(
    ws: Workspace, flt: ClaimFilter, *, batch: int = BATCH
) -> Iterator[list[SheetCells]]: ...


@overload
def iter_cells(
    ws: Workspace, flt: ClaimFilter, *, batch: int = BATCH, build: Build[T]
) -> Iterator[list[T]]: ...


def iter_cells(
    ws: Workspace, flt: ClaimFilter, *, batch: int = BATCH, build: Build[Any] = _sheet_cells
) -> Iterator[list[Any]]:
    """Yield the sheet in batches of at most *batch* rows; memory stays bounded.

    Each row is a :class:`SheetCells`, or what *build* makes of the query's row (a
    writer's own cells, without the row in between).

    The event dates, the contested flag and the verdict's time come as the driver reads
    them: most claims have no event date and no verdict, and the few values there are
    get converted once each (event dates once per distinct pair), not once per claim.
    """
    with ws.session() as session:
        conn = session.connection()  # plain rows: no ORM loading per row
        dialect = conn.dialect
        to_datetime = Article.published_at.type.dialect_impl(dialect).result_processor(
            dialect, None
        )
        to_date = Claim.event_start.type.dialect_impl(dialect).result_processor(dialect, None)
        to_decided = Verdict.decided_at.type.dialect_impl(dialect).result_processor(dialect, None)
        events: dict[tuple[Any, Any], Event] = {(None, None): NO_EVENT}
        decorated = _decorated(conn)
        shown: dict[tuple[Any, int | None, str], Published] = {}
        result = conn.execute(_query(flt).execution_options(yield_per=batch))
        for window in _windows(result.partitions(batch), decorated):
            extras = _extras(conn, [r[0] for part in window for r in part if r[0] in decorated])
            tags = extras.get("tags", {})
            links = extras.get("links", {})
            evidence = extras.get("evidence", {})
            relays = extras.get("relayed_by", {})
            newer = extras.get("superseded_by", {})
            for part in window:
                rows: list[Any] = []
                append = rows.append
                for r in part:
                    raw_id = r[0]
                    if type(raw_id) is str and len(raw_id) == 32:  # id_text(), without the call
                        h = raw_id
                        cid = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
                    else:
                        cid = id_text(raw_id)
                    key = (r[8], r[9], r[10] or "")
                    published = shown.get(key)
                    if published is None:  # once per article, not once per claim
                        at = to_datetime(key[0]) if to_datetime else key[0]
                        given = in_offset(at, key[1], key[2]) if at is not None else None
                        iso = given.isoformat() if given is not None else ""
                        published = shown[key] = (at, given, iso)
                    if raw_id in decorated:  # most claims have no tag, link, evidence or relay
                        extra: Extra = (
                            relays.get(cid, ""),
                            tags.get(cid, ""),
                            links.get(cid, ""),
                            evidence.get(cid, ""),
                            newer.get(cid, ""),
                        )
                    else:
                        extra = NO_EXTRAS
                    dates = (r[15], r[16])
                    event = events.get(dates)
                    if event is None:  # once per distinct pair of event dates
                        start, end = (to_date(d) if to_date and d is not None else d for d in dates)
                        event = events[dates] = _event(start, end)
                    decided = r[20]
                    if decided is None:
                        verdict = None
                    elif type(decided) is str and _STORED_UTC.fullmatch(decided):
                        # SQLite's text of a UTC time: read and written without a detour.
                        verdict = VerdictCell(
                            r[19] or "",
                            dt.datetime.fromisoformat(decided).replace(tzinfo=dt.UTC),
                            r[21],
                            f"{decided[:10]}T{decided[11:19]}+00:00",
                        )
                    else:
                        when = to_decided(decided) if to_decided else decided
                        verdict = VerdictCell(r[19] or "", when, r[21])
                    append(build(r, cid, published, extra, verdict, event))
                yield rows
