"""The review queue, assignments and verdicts.

A claim is in the queue while its status is *in review* or *disputed*, or while
it is *contested* (a decided claim an accepted contradiction put back in
review, until a reviewer confirms or changes its verdict: see
:mod:`db.contested`).  A
verdict is a reviewer's decision with a written rationale; recording it and
changing the claim's status happen in one transaction.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session

from db import rules
from db.analysts import analyst_names, current_analyst, find_analyst
from db.audit import ACTION_KEY
from db.claims import ClaimInfo, claim_info
from db.comments import open_counts
from db.decisions import MAX_RATIONALE
from db.errors import InvalidInput, NotFound, Refused
from db.ids import resolve_id
from db.models import Article, Claim, Source, Status, Verdict
from db.timeutil import utcnow
from db.workspace import Workspace

QUEUE_STATUSES = (Status.IN_REVIEW, Status.DISPUTED)


@dataclass(frozen=True, slots=True)
class QueueItem:
    claim_id: uuid.UUID
    quote: str
    statement: str
    status: Status
    article_id: uuid.UUID
    article_title: str
    source_id: uuid.UUID | None
    source_name: str
    grading: str
    assignee_id: uuid.UUID | None
    assignee_name: str
    created_by_id: uuid.UUID | None
    since: dt.datetime  # when the claim entered its current status
    age_days: float
    open_threads: int
    contested: bool = False


@dataclass(frozen=True, slots=True)
class VerdictInfo:
    id: uuid.UUID
    claim_id: uuid.UUID
    reviewer_id: uuid.UUID
    reviewer_name: str
    status: Status
    rationale: str
    decided_at: dt.datetime


def review_queue(
    ws: Workspace,
    article_id: uuid.UUID | str | None = None,
    source_id: uuid.UUID | str | None = None,
    assignee_id: uuid.UUID | str | None = None,
    older_than_days: float | None = None,
    *,
    unassigned: bool = False,
) -> list[QueueItem]:
    """Claims waiting for review, longest waiting first (every row: for the CLI and tests).

    *assignee_id* accepts an analyst id or name; *unassigned* keeps only claims
    nobody is assigned to; *older_than_days* keeps claims that have waited at
    least that long in their current status.
    """
    flt = QueueFilter(
        article_id=None if article_id is None else str(article_id),
        source_id=None if source_id is None else str(source_id),
        assignee_id=None if assignee_id is None else str(assignee_id),
        unassigned=unassigned,
        older_than_days=older_than_days,
    )
    order = [cid for _, cid in queue_order(ws, flt)]
    found = {str(i.claim_id): i for i in queue_items(ws, order)}
    return [found[cid] for cid in order if cid in found]


class QueueSort(enum.StrEnum):
    """What the queue can be ordered by (ties: longest waiting first, then id; the quote
    order breaks ties by id alone; descending reverses the whole order).  The orders
    exactly are in :mod:`db.review_pages`."""

    WAITING = "waiting"
    STATUS = "status"
    ASSIGNEE = "assignee"
    THREADS = "threads"
    ARTICLE = "article"
    SOURCE = "source"
    GRADING = "grading"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """Which claims of the queue to show; ids as strings, ``None`` = any."""

    article_id: str | None = None
    source_id: str | None = None
    assignee_id: str | None = None
    unassigned: bool = False
    older_than_days: float | None = None


QueueKey = tuple[Any, ...]
"""A row's sort key; the queue is ordered by ``(key, claim id)``."""


def in_queue() -> ColumnElement[bool]:
    """The condition for a claim to wait in the review queue."""
    return or_(Claim.status.in_(QUEUE_STATUSES), Claim.contested == true())


def _queue_conditions(session: Session, flt: QueueFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [in_queue()]
    if flt.article_id is not None:
        aid = resolve_id(session, Article, flt.article_id, "article")
        conditions.append(Claim.article_id == aid)
    if flt.source_id is not None:
        conditions.append(Claim.source_id == resolve_id(session, Source, flt.source_id, "source"))
    if flt.assignee_id is not None:
        conditions.append(Claim.assignee_id == find_analyst(session, flt.assignee_id).id)
    elif flt.unassigned:
        conditions.append(Claim.assignee_id.is_(None))
    return conditions


def queue_order(
    ws: Workspace,
    flt: QueueFilter = QueueFilter(),
    sort: QueueSort = QueueSort.WAITING,
    *,
    descending: bool = False,
    claim_ids: Collection[uuid.UUID | str] | None = None,
) -> list[tuple[QueueKey, str]]:
    """The whole queue as ``(sort key, claim id)``, in order, filtered and sorted in SQL.

    For the command line and tests: a view reads the queue a page at a time
    (:mod:`db.review_pages`).  With *claim_ids*, only those claims are considered.
    """
    from db.review_pages import queue_keys

    return queue_keys(ws, flt, sort, descending=descending, claim_ids=claim_ids)


def _as_uuid(value: uuid.UUID | str) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def queue_items(ws: Workspace, claim_ids: Sequence[uuid.UUID | str]) -> list[QueueItem]:
    """The rows of the given queue claims (in no particular order), for display.

    Claims no longer in the queue are left out.
    """
    if not claim_ids:
        return []
    wanted = [_as_uuid(i) for i in claim_ids]
    with ws.session() as session:
        found = _queue_items(session, [Claim.id.in_(wanted)])
    # Filtered here: a condition on the status would lead SQLite to its status index.
    return [i for i in found if i.status in QUEUE_STATUSES or i.contested]


def _queue_items(session: Session, conditions: list[ColumnElement[bool]]) -> list[QueueItem]:
    now = utcnow()
    since = Claim.status_since.label("since")
    query = (
        select(
            Claim.id,
            Claim.quote,
            Claim.statement,
            Claim.status,
            Claim.article_id,
            Article.title,
            Claim.source_id,
            func.coalesce(Source.name, "").label("source_name"),
            Claim.reliability,
            Claim.credibility,
            Claim.assignee_id,
            Claim.created_by_id,
            Claim.contested,
            since,
        )
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Source, Source.id == Claim.source_id)
        .where(*conditions)
    )
    rows = session.execute(query).all()
    ids = [r.id for r in rows]
    threads = open_counts(session, ids)
    names = analyst_names(session, {r.assignee_id for r in rows})
    items: list[QueueItem] = []
    for r in rows:
        entered: dt.datetime = r.since or now
        items.append(
            QueueItem(
                claim_id=r.id,
                quote=r.quote,
                statement=r.statement,
                status=Status(r.status),
                article_id=r.article_id,
                article_title=r.title,
                source_id=r.source_id,
                source_name=r.source_name,
                grading=f"{r.reliability or ''}{r.credibility or ''}",
                assignee_id=r.assignee_id,
                assignee_name=names.get(r.assignee_id, "") if r.assignee_id else "",
                created_by_id=r.created_by_id,
                since=entered,
                age_days=(now - entered).total_seconds() / 86400,
                open_threads=threads.get(r.id, 0),
                contested=bool(r.contested),
            )
        )
    return items


def assign(ws: Workspace, claim_id: uuid.UUID | str, analyst: uuid.UUID | str | None) -> ClaimInfo:
    """Assign a claim to an analyst (by id or name); None unassigns it."""
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        target = find_analyst(session, analyst).id if analyst else None
        if claim.assignee_id != target:
            claim.assignee_id = target
            session.flush()
        return claim_info(session, cid)


def _verdict_info(v: Verdict, names: dict[uuid.UUID, str]) -> VerdictInfo:
    return VerdictInfo(
        id=v.id,
        claim_id=v.claim_id,
        reviewer_id=v.reviewer_id,
        reviewer_name=names.get(v.reviewer_id, ""),
        status=Status(v.status),
        rationale=v.rationale,
        decided_at=v.decided_at,
    )


def _verdict_status(value: str | Status) -> Status:
    try:
        status = Status(str(value).strip().lower().replace(" ", "_"))
    except ValueError:
        status = None
    if status not in rules.VERDICTS:
        names = ", ".join(sorted(s.value for s in rules.VERDICTS))
        raise InvalidInput(f"A verdict is one of {names}, not {value!r}.")
    return status


def give_verdict(
    ws: Workspace,
    claim_id: uuid.UUID | str,
    status: str | Status,
    rationale: str,
    *,
    verdict_id: uuid.UUID | None = None,
) -> VerdictInfo:
    """Decide a claim: record the verdict and set the claim's status together.

    Requires a written rationale and a reviewer or admin; the four-eyes rule
    applies (see :mod:`db.rules`).
    """
    decided = _verdict_status(status)
    text = (rationale or "").strip()
    if not text:
        raise InvalidInput(
            "A verdict needs a rationale: say why the claim is " + decided.label.lower() + "."
        )
    if len(text) > MAX_RATIONALE:
        raise InvalidInput(f"A rationale can be at most {MAX_RATIONALE} characters long.")
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        me = current_analyst(session)
        if me is None:
            raise Refused("Choose who you are before giving a verdict.")
        rules.check_status_change(session, claim, decided, as_verdict=True)
        session.info[ACTION_KEY] = "verdict"
        claim.status = decided
        claim.contested = False  # a new verdict settles a contradiction too
        verdict = Verdict(
            id=verdict_id or uuid.uuid4(),
            claim_id=cid,
            reviewer_id=me.id,
            status=decided,
            rationale=text,
        )
        session.add(verdict)
        session.flush()
        return _verdict_info(verdict, {me.id: me.name})


def take_back_verdict(
    ws: Workspace,
    verdict_id: uuid.UUID | str,
    status: str | Status,
    *,
    contested: bool = False,
) -> None:
    """Undo a verdict: set its claim's status back to *status* (and its contested mark
    back to *contested*, what it was before the verdict).

    Verdicts are append-only (see :mod:`db.append_only`): the verdict stays on
    record, and the history shows the claim's status going back, with the
    action ``take back``.  Only the reviewer who gave the verdict may take it
    back, and only while the claim still has the status the verdict gave it.
    """
    previous = Status(status)
    with ws.session() as session:
        verdict = session.get(Verdict, _as_uuid(verdict_id))
        if verdict is None:
            raise NotFound(f"No verdict with id {verdict_id}.")
        me = current_analyst(session)
        if me is None or me.id != verdict.reviewer_id:
            raise Refused("Only the reviewer who gave a verdict can take it back.")
        claim = session.get(Claim, verdict.claim_id)
        if claim is None:
            raise NotFound("The claim of this verdict was deleted.")
        if claim.status != verdict.status:
            raise Refused(
                f"The claim is {Status(claim.status).label.lower()} now, no longer "
                f"{verdict.status.label.lower()} as the verdict left it: nothing was changed."
            )
        if previous != claim.status or contested != claim.contested:
            session.info[ACTION_KEY] = "take back"
            claim.status = previous
            claim.contested = contested
            session.flush()


def verdicts_of(ws: Workspace, claim_id: uuid.UUID | str) -> list[VerdictInfo]:
    """A claim's verdicts, oldest first."""
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        rows = session.scalars(
            select(Verdict).where(Verdict.claim_id == cid).order_by(Verdict.decided_at)
        ).all()
        names = analyst_names(session, {v.reviewer_id for v in rows})
        return [_verdict_info(v, names) for v in rows]
