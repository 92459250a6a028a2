"""Claims: create, read, change and delete; each call is one transaction."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, bindparam, func, inspect, select, true
from sqlalchemy.orm import Session

from db import rules, timeutil
from db.anchors import CONTEXT_CHARS, Anchor, find_quote
from db.claim_criteria import ClaimFilter as ClaimFilter
from db.decisions import clean_rationale, needs_rationale, record_decision
from db.errors import InvalidInput, NotFound, StaleEdit, enum_member
from db.ids import resolve_id
from db.models import (
    CREDIBILITY,
    RELIABILITY,
    Article,
    Claim,
    ClaimKind,
    ClaimLink,
    ClaimRelay,
    Fact,
    Relation,
    Source,
    Status,
    Tag,
    claim_tag,
)
from db.plain_inserts import insert_claim
from db.search import claims_matching
from db.tags import normalise_tags
from db.workspace import Workspace

EDITABLE_FIELDS = (
    "statement",
    "kind",
    "source_id",
    "reliability",
    "credibility",
    "status",
    "event_start",
    "event_end",
    "notes",
    "tags",
    "assignee_id",
)


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    """A claim as plain data, safe to hand to any thread or widget."""

    id: uuid.UUID
    article_id: uuid.UUID
    article_title: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    statement: str
    kind: ClaimKind
    source_id: uuid.UUID | None
    source_name: str
    reliability: str | None
    credibility: int | None
    status: Status
    event_start: dt.date | None
    event_end: dt.date | None
    notes: str
    tags: tuple[str, ...]
    assignee_id: uuid.UUID | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    created_by_id: uuid.UUID | None
    updated_by_id: uuid.UUID | None
    # A decided claim an accepted contradiction put back in review (see db.contested).
    contested: bool = False
    fact_id: uuid.UUID | None = None  # the fact (question) the claim answers, if any

    @property
    def grading(self) -> str:
        return f"{self.reliability or ''}{self.credibility or ''}"


# ---------------------------------------------------------------- validation


def _reliability(value: Any) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip().upper()
    if text not in RELIABILITY:
        raise InvalidInput(f"Source reliability must be a letter A–F, not {value!r}.")
    return text


def _credibility(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number not in CREDIBILITY:
        raise InvalidInput(f"Information credibility must be a number 1–6, not {value!r}.")
    return number


def _date(value: Any, name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(f"The {name} {value!r} is not a date (YYYY-MM-DD).") from None


def normalise_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate and convert editable fields; raises InvalidInput naming the problem."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidInput(f"Claims have no field(s) {', '.join(sorted(unknown))}.")
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "status":
            out[key] = enum_member(Status, value, "status")
        elif key == "kind":
            out[key] = enum_member(ClaimKind, value, "kind")
        elif key == "reliability":
            out[key] = _reliability(value)
        elif key == "credibility":
            out[key] = _credibility(value)
        elif key in ("event_start", "event_end"):
            out[key] = _date(value, key.replace("_", " "))
        elif key == "tags":
            out[key] = normalise_tags(value)
        elif key in ("source_id", "assignee_id"):
            out[key] = uuid.UUID(str(value)) if value else None
        else:
            out[key] = "" if value is None else str(value)
    start, end = out.get("event_start"), out.get("event_end")
    if start and end and end < start:
        raise InvalidInput("The event's end date is before its start date.")
    return out


def get_tags(session: Session, names: Iterable[str]) -> list[Tag]:
    """Tag rows for *names*, creating the missing ones."""
    wanted = sorted(set(names))
    if not wanted:
        return []
    existing = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    for name in wanted:
        if name not in existing:
            tag = Tag(name=name)
            session.add(tag)
            existing[name] = tag
    return [existing[n] for n in wanted]


def apply_fields(
    session: Session,
    claim: Claim,
    fields: dict[str, Any],
    *,
    rationale: str | None = None,
    restoring: bool = False,
) -> str | None:
    """Set already-normalised fields on an ORM claim, checking the review rules.

    Making the claim verified or false needs *rationale* and records the verdict
    (see :mod:`db.decisions`), unless *restoring* puts back an earlier state.  A
    claim not stored yet gets its verdict from the caller once it is flushed: the
    rationale to record is returned.
    """
    with session.no_autoflush:
        decided: str | None = None
        if "status" in fields and fields["status"] != claim.status:
            rules.check_status_change(session, claim, fields["status"])
            if not restoring and needs_rationale(claim.status, fields["status"]):
                decided = clean_rationale(fields["status"], rationale)
        if "source_id" in fields and fields["source_id"] is not None:
            if session.get(Source, fields["source_id"]) is None:
                raise NotFound(f"No source with id {fields['source_id']}.")
        for key, value in fields.items():
            if key == "tags":
                claim.tags = get_tags(session, value)
            else:
                setattr(claim, key, value)
        if decided is not None and inspect(claim).persistent:
            record_decision(session, claim.id, fields["status"], decided)
            return None
        return decided


# ---------------------------------------------------------------- reading


def _base_query() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Claim.id,
            Claim.article_id,
            Article.title,
            Claim.start,
            Claim.end,
            Claim.quote,
            Claim.prefix,
            Claim.suffix,
            Claim.statement,
            Claim.kind,
            Claim.source_id,
            func.coalesce(Source.name, ""),
            Claim.reliability,
            Claim.credibility,
            Claim.status,
            Claim.event_start,
            Claim.event_end,
            Claim.notes,
            Claim.assignee_id,
            Claim.version,
            Claim.created_at,
            Claim.updated_at,
            Claim.created_by_id,
            Claim.updated_by_id,
            Claim.contested,
            Claim.fact_id,
        )
        .select_from(Claim)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Source, Source.id == Claim.source_id)
    )


def mark_conditions(flt: ClaimFilter) -> list[ColumnElement[bool]]:
    """The filter's contested and superseded criteria, as conditions on the claim."""
    out: list[ColumnElement[bool]] = []
    if flt.contested_only:
        out.append(Claim.contested == true())
    if flt.hide_superseded:
        newer = select(ClaimLink.id).where(
            ClaimLink.to_claim_id == Claim.id, ClaimLink.relation == Relation.UPDATES
        )
        out.append(~newer.exists())
    return out


def _apply_filter(query: Select[Any], flt: ClaimFilter) -> Select[Any]:
    if flt.statuses:
        query = query.where(Claim.status.in_(sorted(flt.statuses)))
    if flt.article_ids:
        query = query.where(Claim.article_id.in_(flt.article_ids))
    if flt.source_ids:
        query = query.where(Claim.source_id.in_(flt.source_ids))
    if flt.tags:
        tagged = (
            select(claim_tag.c.claim_id)
            .join(Tag, Tag.id == claim_tag.c.tag_id)
            .where(Tag.name.in_(sorted(flt.tags)))
        )
        query = query.where(Claim.id.in_(tagged))
    if flt.text.strip():
        # The full-text indexes: any script, any case, % and _ literal (db.search).
        query = query.where(claims_matching(flt.text))
    if flt.since is not None:
        query = query.where(Article.published_at >= flt.since)
    if flt.until is not None:
        query = query.where(Article.published_at < flt.until)
    for condition in mark_conditions(flt):
        query = query.where(condition)
    return query


def _tags_for(session: Session, ids: Sequence[uuid.UUID] | None) -> dict[uuid.UUID, list[str]]:
    query = select(claim_tag.c.claim_id, Tag.name).join(Tag, Tag.id == claim_tag.c.tag_id)
    if ids is not None:
        if not ids:
            return {}
        if len(ids) <= 500:
            query = query.where(claim_tag.c.claim_id.in_(ids))
    out: dict[uuid.UUID, list[str]] = defaultdict(list)
    for claim_id, name in session.execute(query.order_by(Tag.name)):
        out[claim_id].append(name)
    return out


def _infos(session: Session, rows: Sequence[Any]) -> list[ClaimInfo]:
    ids = [r[0] for r in rows]
    tags = _tags_for(session, ids if len(ids) <= 500 else None)
    return [ClaimInfo(*[*r[:18], tuple(tags.get(r[0], ())), *r[18:]]) for r in rows]


def list_claims(
    ws: Workspace,
    flt: ClaimFilter | None = None,
    *,
    order_by_position: bool = False,
) -> list[ClaimInfo]:
    """Claims matching *flt*, newest article first, then by position in the text."""
    flt = flt or ClaimFilter()
    query = _apply_filter(_base_query(), flt)
    if order_by_position:
        query = query.order_by(Claim.start, Claim.end)
    else:
        query = query.order_by(Article.title, Claim.start, Claim.end)
    with ws.session() as session:
        rows = session.execute(query).all()
        return _infos(session, rows)


def claims_of_article(ws: Workspace, article_id: uuid.UUID) -> list[ClaimInfo]:
    """The claims placed in the article's text, by position (orphans have no place)."""
    query = (
        _apply_filter(_base_query(), ClaimFilter(article_ids=frozenset({article_id})))
        .where(Claim.orphaned.is_(False))
        .order_by(Claim.start, Claim.end)
    )
    with ws.session() as session:
        return _infos(session, session.execute(query).all())


def get_claim(ws: Workspace, claim_id: uuid.UUID | str) -> ClaimInfo:
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        rows = session.execute(_base_query().where(Claim.id == cid)).all()
        return _infos(session, rows)[0]


def claim_info(session: Session, claim_id: uuid.UUID) -> ClaimInfo:
    """Like :func:`get_claim`, inside an open session."""
    rows = session.execute(_base_query().where(Claim.id == claim_id)).all()
    if not rows:
        raise NotFound(f"No claim with id {claim_id}.")
    return _infos(session, rows)[0]


# ---------------------------------------------------------------- writing


@functools.cache
def _anchor_query() -> Select[str, int, str]:
    """The article's title, its text's length and ``n`` characters of it from ``lo``
    (counted from 1), for the article ``aid``: built once (building it cost more than
    running it)."""
    return select(
        Article.title,
        func.length(Article.text),
        func.substr(
            Article.text, bindparam("lo", type_=Integer()), bindparam("n", type_=Integer())
        ),
    ).where(Article.id == bindparam("aid", type_=Article.id.type))


def _anchor_in(
    session: Session, article_id: uuid.UUID | str, start: int, end: int
) -> tuple[uuid.UUID, str, Anchor]:
    """(article id, title, anchor) read in one statement, without the article's bytes.

    Only the quote and its context are read from the text (``substr`` counts
    characters, as the offsets do, in SQLite and PostgreSQL alike).
    """
    if isinstance(article_id, uuid.UUID):
        aid = article_id
    else:
        try:
            aid = uuid.UUID(str(article_id).strip())
        except ValueError:
            aid = resolve_id(session, Article, article_id, "article")
    lo = max(0, start - CONTEXT_CHARS)
    hi = max(lo, end + CONTEXT_CHARS)
    params = {"aid": aid, "lo": lo + 1, "n": hi - lo}
    row = session.connection().execute(_anchor_query(), params).first()
    if row is None:
        raise NotFound(f"No article with id {article_id}.")
    title, length, window = row
    if not 0 <= start < end <= length:
        raise InvalidInput(
            f"The span {start}–{end} is not a non-empty range inside the text (0–{length})."
        )
    anchor = Anchor(
        start=start,
        end=end,
        quote=window[start - lo : end - lo],
        prefix=window[: start - lo],
        suffix=window[end - lo :],
    )
    return aid, title, anchor


def create_claim(
    ws: Workspace,
    article_id: uuid.UUID | str,
    start: int,
    end: int,
    *,
    claim_id: uuid.UUID | None = None,
    contested: bool = False,
    fact_id: uuid.UUID | None = None,
    rationale: str | None = None,
    restoring: bool = False,
    **fields: Any,
) -> ClaimInfo:
    """Create a claim over ``text[start:end]`` (code points) of an article.

    *contested* and *restoring* are for bringing back a deleted claim as it was
    (see :mod:`db.contested`); a new claim made verified or false needs *rationale*.

    Without fields this is three statements: the anchor's part of the text,
    the claim and its history entry (plain INSERTs, no ORM object).  The returned
    info is built from what was written, not read back.  *fact_id* puts it in that
    fact if the fact still exists (undoing a deletion).
    """
    values = normalise_fields(fields)
    if not values and fact_id is None and rationale is None:
        return _create_plain(ws, article_id, start, end, claim_id, contested)
    with ws.session() as session:
        aid, title, anchor = _anchor_in(session, article_id, start, end)
        claim = Claim(
            id=claim_id or uuid.uuid4(),
            article_id=aid,
            start=anchor.start,
            end=anchor.end,
            quote=anchor.quote,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
            statement=anchor.quote,
            kind=ClaimKind.FIGURE,
            notes="",
            contested=contested,
        )
        source_name = ""
        if values.get("source_id"):
            source = session.get(Source, values["source_id"])
            if source is not None:
                source_name = source.name
                # A new claim starts with its source's default grading.
                if source.default_reliability and "reliability" not in values:
                    values["reliability"] = source.default_reliability
                if source.default_credibility and "credibility" not in values:
                    values["credibility"] = source.default_credibility
        claim.status = Status.UNVERIFIED
        if fact_id is not None and session.get(Fact, fact_id) is not None:
            claim.fact_id = fact_id
        decided = apply_fields(session, claim, values, rationale=rationale, restoring=restoring)
        session.add(claim)
        session.flush()
        if decided is not None:
            record_decision(session, claim.id, claim.status, decided)
        return _claim_info(
            functools.partial(getattr, claim), title, source_name, tuple(values.get("tags", ()))
        )


def _create_plain(
    ws: Workspace,
    article_id: uuid.UUID | str,
    start: int,
    end: int,
    claim_id: uuid.UUID | None,
    contested: bool,
) -> ClaimInfo:
    """:func:`create_claim` for a claim given no field: its row and history entry are
    written by two plain INSERTs (:func:`db.plain_inserts.insert_claim`), no ORM object."""
    with ws.session() as session:
        aid, title, anchor = _anchor_in(session, article_id, start, end)
        now = timeutil.utcnow()  # as a flush stamps it (db.audit)
        row: dict[str, Any] = {
            "id": claim_id or uuid.uuid4(),
            "article_id": aid,
            "start": anchor.start,
            "end": anchor.end,
            "quote": anchor.quote,
            "prefix": anchor.prefix,
            "suffix": anchor.suffix,
            "statement": anchor.quote,
            "kind": ClaimKind.FIGURE,
            "source_id": None,
            "reliability": None,
            "credibility": None,
            "status": Status.UNVERIFIED,
            "event_start": None,
            "event_end": None,
            "notes": "",
            "orphaned": False,
            "contested": contested,
            "fact_id": None,
            "assignee_id": None,
            "status_since": now,
            "created_at": now,
            "updated_at": now,
            "version": 1,
            "created_by_id": None,
            "updated_by_id": None,
        }
        insert_claim(session, row)
        return _claim_info(row.__getitem__, title, "", ())


# The claim's own columns a ClaimInfo repeats (beside its article's title, its source's name
# and its tags, read from other tables).
_INFO_COLUMNS = (
    "id", "article_id", "start", "end", "quote", "prefix", "suffix", "statement", "kind",
    "source_id", "reliability", "credibility", "status", "event_start", "event_end", "notes",
    "assignee_id", "version", "created_at", "updated_at", "created_by_id", "updated_by_id",
    "contested", "fact_id",
)  # fmt: skip


def _claim_info(
    column: Callable[[str], Any], title: str, source_name: str, tags: tuple[str, ...]
) -> ClaimInfo:
    """A :class:`ClaimInfo` of a claim whose columns *column* reads by name."""
    values = {name: column(name) for name in _INFO_COLUMNS}
    return ClaimInfo(article_title=title, source_name=source_name, tags=tags, **values)


def create_claim_by_quote(
    ws: Workspace,
    article_id: uuid.UUID | str,
    quote: str,
    occurrence: int = 1,
    **fields: Any,
) -> ClaimInfo:
    """Create a claim over the *occurrence*-th appearance of *quote* in the article."""
    with ws.session() as session:
        aid = resolve_id(session, Article, article_id, "article")
        text = session.get_one(Article, aid).text
    anchor = find_quote(text, quote, occurrence)
    return create_claim(ws, aid, anchor.start, anchor.end, **fields)


def update_claim(
    ws: Workspace,
    claim_id: uuid.UUID | str,
    *,
    expected_version: int | None = None,
    rationale: str | None = None,
    restoring: bool = False,
    **fields: Any,
) -> ClaimInfo:
    """Change fields of a claim.

    Making it verified or false needs *rationale* (the verdict is recorded with
    it); *restoring* marks putting back an earlier state (undo), which does not.

    With *expected_version*, a claim changed by someone else since it was read
    is refused with :class:`StaleEdit` carrying the current values.
    """
    values = normalise_fields(fields)
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        if expected_version is not None and claim.version != expected_version:
            current = claim_info(session, cid)
            raise StaleEdit(
                f"Claim {str(cid)[:8]} was changed by someone else (version "
                f"{claim.version}, you edited version {expected_version}); your edit was "
                "not saved.",
                current={"claim": current},
            )
        _refuse_relay_as_source(session, claim, values.get("source_id"))
        apply_fields(session, claim, values, rationale=rationale, restoring=restoring)
        session.flush()
        return claim_info(session, cid)


def _refuse_relay_as_source(session: Session, claim: Claim, source_id: Any) -> None:
    """A source in the claim's relay chain cannot become its original source as well."""
    if source_id is None or source_id == claim.source_id:
        return
    relay = session.scalar(
        select(Source.name)
        .join(ClaimRelay, ClaimRelay.source_id == Source.id)
        .where(ClaimRelay.claim_id == claim.id, ClaimRelay.source_id == source_id)
    )
    if relay is not None:
        raise InvalidInput(
            f"{relay} relays this claim; remove it from the relay chain first to make it "
            "the original source."
        )


def delete_claim(ws: Workspace, claim_id: uuid.UUID | str) -> None:
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        session.delete(session.get_one(Claim, cid))


def restore_claim(ws: Workspace, info: ClaimInfo) -> ClaimInfo:
    """Recreate a deleted claim with its former id and fields (used by undo)."""
    return create_claim(
        ws,
        info.article_id,
        info.start,
        info.end,
        claim_id=info.id,
        contested=info.contested,
        fact_id=info.fact_id,
        restoring=True,
        statement=info.statement,
        kind=info.kind,
        source_id=info.source_id,
        reliability=info.reliability,
        credibility=info.credibility,
        status=info.status,
        event_start=info.event_start,
        event_end=info.event_end,
        notes=info.notes,
        tags=list(info.tags),
        assignee_id=info.assignee_id,
    )


def editable_values(info: ClaimInfo) -> dict[str, Any]:
    """The editable fields of a claim, as accepted by :func:`update_claim`."""
    return {
        "statement": info.statement,
        "kind": info.kind,
        "source_id": info.source_id,
        "reliability": info.reliability,
        "credibility": info.credibility,
        "status": info.status,
        "event_start": info.event_start,
        "event_end": info.event_end,
        "notes": info.notes,
        "tags": list(info.tags),
        "assignee_id": info.assignee_id,
    }


def all_tags(ws: Workspace) -> list[str]:
    with ws.session() as session:
        return list(session.scalars(select(Tag.name).order_by(Tag.name)))
