"""Editing many claims at once: status, a tag, the source or the fact of every claim named,
in one transaction — all of them or, when one is refused, none.

Each claim's history records its own change, as for a single edit.  What each
changed claim held before comes back (:data:`Before`), so the edit can be put
back by id in one transaction too (:func:`put_back`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from db import rules
from db.changes import Change, Changes, Entity, Op
from db.claims import get_tags
from db.decisions import clean_rationale, needs_rationale, record_decision
from db.errors import InvalidInput, NotFound
from db.models import Claim, ClaimRelay, Fact, Source, Status, Tag, claim_tag
from db.tags import normalise_tag
from db.workspace import Workspace

CHUNK = 500  # ids per IN list: well under every database's limit on bound values

Before = dict[str, dict[str, Any]]
"""Claim id -> the fields the edit changed -> their value before it."""


@dataclass(frozen=True)
class BulkEdit:
    """What to do to every claim: each field given is set (the tag is added)."""

    status: Status | None = None
    add_tag: str | None = None
    source_id: uuid.UUID | None = None
    fact_id: uuid.UUID | None = None
    rationale: str | None = None  # required to make claims verified or false

    @property
    def fields(self) -> frozenset[str]:
        named = {
            "status": self.status,
            "tags": self.add_tag,
            "source_id": self.source_id,
            "fact_id": self.fact_id,
        }
        return frozenset(k for k, v in named.items() if v is not None)


def _chunks(ids: Sequence[uuid.UUID]) -> Iterator[list[uuid.UUID]]:
    for at in range(0, len(ids), CHUNK):
        yield list(ids[at : at + CHUNK])


def _ids(claim_ids: Iterable[uuid.UUID | str]) -> list[uuid.UUID]:
    out: dict[uuid.UUID, None] = {}
    for value in claim_ids:
        try:
            out[value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))] = None
        except ValueError:
            raise InvalidInput(f"{value!r} is not a claim id.") from None
    if not out:
        raise InvalidInput("Select at least one claim.")
    return list(out)


def _load(session: Session, ids: list[uuid.UUID], tags: bool) -> list[Claim]:
    claims: list[Claim] = []
    for part in _chunks(ids):
        query = select(Claim).where(Claim.id.in_(part))
        if tags:
            query = query.options(selectinload(Claim.tags))
        claims.extend(session.scalars(query))
    if len(claims) != len(ids):
        found = {c.id for c in claims}
        gone = [i for i in ids if i not in found]
        raise NotFound(
            f"{len(gone)} of the {len(ids)} claims no longer exist (claim {str(gone[0])[:8]} "
            "was deleted); nothing was changed."
        )
    return claims


def _check_source(session: Session, claims: list[Claim], source_id: uuid.UUID) -> None:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"No source with id {source_id}.")
    relaying = 0
    for part in _chunks([c.id for c in claims]):
        relaying += len(
            session.scalars(
                select(ClaimRelay.claim_id).where(
                    ClaimRelay.source_id == source_id, ClaimRelay.claim_id.in_(part)
                )
            ).all()
        )
    if relaying:
        raise InvalidInput(
            f"{source.name} relays {relaying} of these claims; a claim's relay cannot also be "
            "its original source. Nothing was changed."
        )


def _record(
    claims: dict[str, str], fields: Iterable[str], fact: uuid.UUID | None, *, verdicts: bool
) -> Changes:
    """The change record: every changed claim (its article as parent), each new verdict
    (under its claim) and the fact the claims went into."""
    names = frozenset(fields)
    items = [Change(Entity.CLAIM, cid, Op.UPDATED, names, aid) for cid, aid in claims.items()]
    if verdicts:
        items += [Change(Entity.VERDICT, cid, Op.CREATED, parent=cid) for cid in claims]
    if fact is not None:
        items.append(Change(Entity.FACT, str(fact), Op.UPDATED, frozenset({"claims"})))
    return Changes(tuple(items))


def pending(ws: Workspace, claim_ids: Iterable[uuid.UUID | str], edit: BulkEdit) -> int:
    """How many of the claims *edit* would change (a read: nothing is written)."""
    ids = _ids(claim_ids)
    tag = None if edit.add_tag is None else normalise_tag(edit.add_tag)
    conditions: list[Any] = []
    if edit.status is not None:
        conditions.append(Claim.status != Status(edit.status))
    if edit.source_id is not None:
        conditions.append(or_(Claim.source_id.is_(None), Claim.source_id != edit.source_id))
    if edit.fact_id is not None:
        conditions.append(or_(Claim.fact_id.is_(None), Claim.fact_id != edit.fact_id))
    if tag is not None:
        tagged = (
            select(claim_tag.c.claim_id)
            .join(Tag, Tag.id == claim_tag.c.tag_id)
            .where(Tag.name == tag)
        )
        conditions.append(Claim.id.not_in(tagged))
    if not conditions:
        return 0
    total = 0
    with ws.session() as session:
        for part in _chunks(ids):
            query = select(func.count()).where(Claim.id.in_(part), or_(*conditions))
            total += session.scalar(query) or 0
    return total


def bulk_edit(
    ws: Workspace,
    claim_ids: Iterable[uuid.UUID | str],
    edit: BulkEdit,
    *,
    restoring: bool = False,
) -> tuple[Before, Changes]:
    """Apply *edit* to every claim named, in one transaction; refused whole or done whole.

    Claims that already hold the values are left alone.  Making claims verified
    or false needs ``edit.rationale`` (recorded as each claim's verdict by the
    current analyst), unless *restoring* (a redo) puts that decision back.
    """
    ids = _ids(claim_ids)
    if not edit.fields:
        raise InvalidInput("Choose what to change: a status, a tag, a source or a fact.")
    status = None if edit.status is None else Status(edit.status)
    tag = None if edit.add_tag is None else normalise_tag(edit.add_tag)
    reason = None
    if status is not None and not restoring and needs_rationale(None, status):
        reason = clean_rationale(status, edit.rationale)
    before: Before = {}
    touched: dict[str, str] = {}
    with ws.session() as session:
        claims = _load(session, ids, tags=tag is not None)
        if edit.fact_id is not None and session.get(Fact, edit.fact_id) is None:
            raise NotFound(f"No fact with id {edit.fact_id}.")
        if edit.source_id is not None:
            moving = [c for c in claims if c.source_id != edit.source_id]
            _check_source(session, moving, edit.source_id)
        if status is not None:
            rules.check_many(session, claims, status)
        tag_rows = get_tags(session, [tag]) if tag is not None else []
        with session.no_autoflush:
            for claim in claims:
                old: dict[str, Any] = {}
                if status is not None and claim.status != status:
                    old["status"] = claim.status
                    claim.status = status
                    if reason is not None:
                        record_decision(session, claim.id, status, reason)
                if tag is not None and tag not in {t.name for t in claim.tags}:
                    old["tags"] = sorted(t.name for t in claim.tags)
                    claim.tags = [*claim.tags, *tag_rows]
                if edit.source_id is not None and claim.source_id != edit.source_id:
                    old["source_id"] = claim.source_id
                    claim.source_id = edit.source_id
                if edit.fact_id is not None and claim.fact_id != edit.fact_id:
                    old["fact_id"] = claim.fact_id
                    claim.fact_id = edit.fact_id
                if old:
                    before[str(claim.id)] = old
                    touched[str(claim.id)] = str(claim.article_id)
        session.flush()
    decided = reason is not None and any("status" in old for old in before.values())
    return before, _record(touched, edit.fields, edit.fact_id, verdicts=decided)


def put_back(ws: Workspace, before: Before) -> Changes:
    """Give every claim of *before* its earlier values again, in one transaction (undo).

    Not a new decision: a status put back needs no rationale, though the review
    rules still apply to it.
    """
    if not before:
        return Changes()
    ids = [uuid.UUID(cid) for cid in before]
    fields: set[str] = set()
    facts: set[uuid.UUID] = set()
    touched: dict[str, str] = {}
    with ws.session() as session:
        claims = _load(session, ids, tags=any("tags" in old for old in before.values()))
        by_status: dict[Status, list[Claim]] = {}
        for claim in claims:
            old_status = before[str(claim.id)].get("status")
            if old_status is not None:
                by_status.setdefault(Status(old_status), []).append(claim)
        for old_status, group in by_status.items():
            rules.check_many(session, group, old_status)
        with session.no_autoflush:
            for claim in claims:
                old = before[str(claim.id)]
                fields |= set(old)
                if "status" in old:
                    claim.status = Status(old["status"])
                if "tags" in old:
                    claim.tags = get_tags(session, old["tags"])
                if "source_id" in old:
                    claim.source_id = old["source_id"]
                if "fact_id" in old:
                    if claim.fact_id is not None:
                        facts.add(claim.fact_id)
                    claim.fact_id = old["fact_id"]
                    if old["fact_id"] is not None:
                        facts.add(old["fact_id"])
                touched[str(claim.id)] = str(claim.article_id)
        session.flush()
    record = _record(touched, fields, None, verdicts=False)
    facts_changed = tuple(
        Change(Entity.FACT, str(f), Op.UPDATED, frozenset({"claims"})) for f in facts
    )
    return record.merged(Changes(facts_changed))
