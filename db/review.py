"""The review queue, assignments and verdicts.

A claim is in the queue while its status is *in review* or *disputed*.  A
verdict is a reviewer's decision with a written rationale; recording it and
changing the claim's status happen in one transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, String, cast, func, select
from sqlalchemy.orm import Session

from db import rules
from db.analysts import analyst_names, current_analyst, find_analyst
from db.audit import ACTION_KEY
from db.claims import ClaimInfo, claim_info
from db.comments import open_counts
from db.errors import InvalidInput, Refused
from db.ids import resolve_id
from db.models import Article, Claim, HistoryEntry, Source, Status, Verdict
from db.timeutil import as_utc, utcnow
from db.workspace import Workspace

QUEUE_STATUSES = (Status.IN_REVIEW, Status.DISPUTED)
MAX_RATIONALE = 20_000


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


@dataclass(frozen=True, slots=True)
class VerdictInfo:
    id: uuid.UUID
    claim_id: uuid.UUID
    reviewer_id: uuid.UUID
    reviewer_name: str
    status: Status
    rationale: str
    decided_at: dt.datetime


def _status_since(session: Session, claim_ids: Select[uuid.UUID]) -> dict[uuid.UUID, dt.datetime]:
    """When each claim (of the *claim_ids* subquery) last had its status set.

    Matches the serialised key rather than decoding every history entry: the
    text ``"status": [`` can only occur as a key in stored JSON.
    """
    rows = session.execute(
        select(HistoryEntry.entity_id, func.max(HistoryEntry.at))
        .where(
            HistoryEntry.entity_type == "claim",
            HistoryEntry.entity_id.in_(claim_ids),
            cast(HistoryEntry.changes, String).like('%"status": [%'),
        )
        .group_by(HistoryEntry.entity_id)
    )
    out: dict[uuid.UUID, dt.datetime] = {}
    for entity_id, at in rows:
        out[entity_id] = as_utc(at) if isinstance(at, dt.datetime) else at
    return out


def review_queue(
    ws: Workspace,
    article_id: uuid.UUID | str | None = None,
    source_id: uuid.UUID | str | None = None,
    assignee_id: uuid.UUID | str | None = None,
    older_than_days: float | None = None,
    *,
    unassigned: bool = False,
) -> list[QueueItem]:
    """Claims waiting for review, oldest first.

    *assignee_id* accepts an analyst id or name; *unassigned* keeps only claims
    nobody is assigned to; *older_than_days* keeps claims that have waited at
    least that long in their current status.
    """
    now = utcnow()
    with ws.session() as session:
        conditions: list[ColumnElement[bool]] = [Claim.status.in_(QUEUE_STATUSES)]
        if article_id is not None:
            conditions.append(
                Claim.article_id == resolve_id(session, Article, article_id, "article")
            )
        if source_id is not None:
            conditions.append(Claim.source_id == resolve_id(session, Source, source_id, "source"))
        if assignee_id is not None:
            conditions.append(Claim.assignee_id == find_analyst(session, assignee_id).id)
        elif unassigned:
            conditions.append(Claim.assignee_id.is_(None))
        query = (
            select(
                Claim.id,
                Claim.quote,
                Claim.statement,
                Claim.status,
                Claim.article_id,
                Article.title,
                Claim.source_id,
                func.coalesce(Source.name, ""),
                Claim.reliability,
                Claim.credibility,
                Claim.assignee_id,
                Claim.created_by_id,
                Claim.created_at,
            )
            .join(Article, Article.id == Claim.article_id)
            .outerjoin(Source, Source.id == Claim.source_id)
            .where(*conditions)
        )
        rows = session.execute(query).all()
        selected = select(Claim.id).where(*conditions)
        since = _status_since(session, selected)
        threads = open_counts(session, selected)
        names = analyst_names(session, {r.assignee_id for r in rows})
        items: list[QueueItem] = []
        for r in rows:
            entered = since.get(r.id, r.created_at)
            age = (now - entered).total_seconds() / 86400
            if older_than_days is not None and age < older_than_days:
                continue
            items.append(
                QueueItem(
                    claim_id=r.id,
                    quote=r.quote,
                    statement=r.statement,
                    status=Status(r.status),
                    article_id=r.article_id,
                    article_title=r.title,
                    source_id=r.source_id,
                    source_name=r[7],
                    grading=f"{r.reliability or ''}{r.credibility or ''}",
                    assignee_id=r.assignee_id,
                    assignee_name=names.get(r.assignee_id, "") if r.assignee_id else "",
                    created_by_id=r.created_by_id,
                    since=entered,
                    age_days=age,
                    open_threads=threads.get(r.id, 0),
                )
            )
    items.sort(key=lambda i: (i.since, i.article_title, i.quote))
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
    ws: Workspace, claim_id: uuid.UUID | str, status: str | Status, rationale: str
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
        verdict = Verdict(
            id=uuid.uuid4(), claim_id=cid, reviewer_id=me.id, status=decided, rationale=text
        )
        session.add(verdict)
        session.flush()
        return _verdict_info(verdict, {me.id: me.name})


def verdicts_of(ws: Workspace, claim_id: uuid.UUID | str) -> list[VerdictInfo]:
    """A claim's verdicts, oldest first."""
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        rows = session.scalars(
            select(Verdict).where(Verdict.claim_id == cid).order_by(Verdict.decided_at)
        ).all()
        names = analyst_names(session, {v.reviewer_id for v in rows})
        return [_verdict_info(v, names) for v in rows]
