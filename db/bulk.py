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
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from db import rules
from db.analysts import current_analyst
from db.audit import to_json
from db.changes import Change, Changes, Entity, Op
from db.claims import get_tags
from db.decisions import clean_rationale, needs_rationale
from db.errors import InvalidInput, NotFound
from db.models import (
    Claim,
    ClaimRelay,
    Fact,
    HistoryEntry,
    Source,
    Status,
    Tag,
    Verdict,
    claim_tag,
)
from db.tags import normalise_tag
from db.timeutil import utcnow
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


_CLAIM = cast(Table, Claim.__table__)
_HISTORY = cast(Table, HistoryEntry.__table__)
_VERDICT = cast(Table, Verdict.__table__)
_COLUMNS = ("status", "source_id", "fact_id")


def _rows(session: Session, ids: list[uuid.UUID]) -> list[Any]:
    """(id, article_id, status, created_by_id, source_id, fact_id) of each claim, read once;
    NotFound when some of them were deleted meanwhile."""
    rows: list[Any] = []
    conn = session.connection()  # plain rows: no ORM loading per row
    for part in _chunks(ids):
        rows.extend(
            conn.execute(
                select(
                    Claim.id,
                    Claim.article_id,
                    Claim.status,
                    Claim.created_by_id,
                    Claim.source_id,
                    Claim.fact_id,
                ).where(Claim.id.in_(part))
            )
        )
    if len(rows) != len(ids):
        found = {r.id for r in rows}
        gone = [i for i in ids if i not in found]
        raise NotFound(
            f"{len(gone)} of the {len(ids)} claims no longer exist (claim {str(gone[0])[:8]} "
            "was deleted); nothing was changed."
        )
    return rows


def _tags_of(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    out: dict[uuid.UUID, list[str]] = {i: [] for i in ids}
    for part in _chunks(ids):
        query = (
            select(claim_tag.c.claim_id, Tag.name)
            .join(Tag, Tag.id == claim_tag.c.tag_id)
            .where(claim_tag.c.claim_id.in_(part))
            .order_by(Tag.name)
        )
        for claim_id, name in session.execute(query):
            out[claim_id].append(name)
    return out


def _write(
    session: Session,
    changes: dict[uuid.UUID, dict[str, tuple[Any, Any]]],
    new_tags: dict[uuid.UUID, list[str]],
    action: str,
) -> None:
    """Write each claim's new values (field -> (old, new)) with plain statements, move its
    version on, and record one history entry per claim, as an ORM flush would."""
    me = current_analyst(session)
    who = me.id if me is not None else None
    now = utcnow()
    by_fields: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for claim_id, fields in changes.items():
        columns = tuple(sorted(k for k in fields if k in _COLUMNS))
        row = {"b_id": claim_id, **{f"b_{k}": fields[k][1] for k in columns}}
        by_fields.setdefault(columns, []).append(row)
    for columns, params in by_fields.items():
        values: dict[str, Any] = {k: bindparam(f"b_{k}") for k in columns}
        statement = (
            update(_CLAIM)
            .where(_CLAIM.c.id == bindparam("b_id"))
            .values(
                **values,
                version=_CLAIM.c.version + 1,
                updated_at=now,
                updated_by_id=who,
            )
        )
        session.execute(statement, params)
    if new_tags:
        names = sorted({n for tags in new_tags.values() for n in tags})
        tag_rows = get_tags(session, names)
        session.flush()  # a new tag's row (and id) first
        tag_ids = {t.name: t.id for t in tag_rows}
        for part in _chunks(list(new_tags)):
            session.execute(delete(claim_tag).where(claim_tag.c.claim_id.in_(part)))
        links = [
            {"claim_id": cid, "tag_id": tag_ids[n]} for cid, tags in new_tags.items() for n in tags
        ]
        if links:
            session.execute(insert(claim_tag), links)
    entries = [
        {
            "id": uuid.uuid4(),
            "at": now,
            "analyst_id": who,
            "entity_type": "claim",
            "entity_id": claim_id,
            "claim_id": claim_id,
            "action": action,
            "changes": {k: [to_json(old), to_json(new)] for k, (old, new) in fields.items()},
        }
        for claim_id, fields in changes.items()
    ]
    if entries:
        session.execute(insert(_HISTORY), entries)


def _check_source(session: Session, claims: Sequence[Any], source_id: uuid.UUID) -> None:
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
    current analyst), unless *restoring* (a redo) puts that decision back.  The
    rows are written with a few set-wise statements, not one object per claim;
    each claim's history records its change all the same.
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
        rows = _rows(session, ids)
        if edit.fact_id is not None and session.get(Fact, edit.fact_id) is None:
            raise NotFound(f"No fact with id {edit.fact_id}.")
        if edit.source_id is not None:
            moving = [r for r in rows if r.source_id != edit.source_id]
            _check_source(session, moving, edit.source_id)
        if status is not None:
            rules.check_many(session, rows, status)
        tags = _tags_of(session, ids) if tag is not None else {}
        changes: dict[uuid.UUID, dict[str, tuple[Any, Any]]] = {}
        new_tags: dict[uuid.UUID, list[str]] = {}
        for row in rows:
            fields: dict[str, tuple[Any, Any]] = {}
            if status is not None and Status(row.status) != status:
                fields["status"] = (Status(row.status), status)
            if tag is not None and tag not in tags[row.id]:
                fields["tags"] = (tags[row.id], sorted([*tags[row.id], tag]))
                new_tags[row.id] = fields["tags"][1]
            if edit.source_id is not None and row.source_id != edit.source_id:
                fields["source_id"] = (row.source_id, edit.source_id)
            if edit.fact_id is not None and row.fact_id != edit.fact_id:
                fields["fact_id"] = (row.fact_id, edit.fact_id)
            if fields:
                changes[row.id] = fields
                before[str(row.id)] = {k: old for k, (old, _new) in fields.items()}
                touched[str(row.id)] = str(row.article_id)
        _write(session, changes, new_tags, "update")
        decided = [cid for cid, f in changes.items() if "status" in f]
        if reason is not None and decided:
            me = current_analyst(session)
            if me is not None:
                verdicts = [
                    {
                        "id": uuid.uuid4(),
                        "claim_id": cid,
                        "reviewer_id": me.id,
                        "status": status,
                        "rationale": reason,
                        "decided_at": utcnow(),
                    }
                    for cid in decided
                ]
                session.execute(insert(_VERDICT), verdicts)
    made = reason is not None and bool(decided)
    return before, _record(touched, edit.fields, edit.fact_id, verdicts=made)


def put_back(ws: Workspace, before: Before) -> Changes:
    """Give every claim of *before* its earlier values again, in one transaction (undo).

    Not a new decision: a status put back needs no rationale, though the review
    rules still apply to it.
    """
    if not before:
        return Changes()
    ids = [uuid.UUID(cid) for cid in before]
    fields_named: set[str] = set()
    facts: set[uuid.UUID] = set()
    touched: dict[str, str] = {}
    with ws.session() as session:
        rows = _rows(session, ids)
        by_status: dict[Status, list[Any]] = {}
        for row in rows:
            old_status = before[str(row.id)].get("status")
            if old_status is not None:
                by_status.setdefault(Status(old_status), []).append(row)
        for old_status, group in by_status.items():
            rules.check_many(session, group, old_status)
        wants_tags = [r.id for r in rows if "tags" in before[str(r.id)]]
        tags = _tags_of(session, wants_tags) if wants_tags else {}
        changes: dict[uuid.UUID, dict[str, tuple[Any, Any]]] = {}
        new_tags: dict[uuid.UUID, list[str]] = {}
        for row in rows:
            old = before[str(row.id)]
            fields: dict[str, tuple[Any, Any]] = {}
            if "status" in old and Status(row.status) != Status(old["status"]):
                fields["status"] = (Status(row.status), Status(old["status"]))
            if "tags" in old and tags[row.id] != sorted(old["tags"]):
                fields["tags"] = (tags[row.id], sorted(old["tags"]))
                new_tags[row.id] = fields["tags"][1]
            for key in ("source_id", "fact_id"):
                if key in old and getattr(row, key) != old[key]:
                    fields[key] = (getattr(row, key), old[key])
            if "fact_id" in fields:
                facts |= {f for f in fields["fact_id"] if f is not None}
            if fields:
                changes[row.id] = fields
                fields_named |= set(fields)
                touched[str(row.id)] = str(row.article_id)
        _write(session, changes, new_tags, "update")
    record = _record(touched, fields_named, None, verdicts=False)
    facts_changed = tuple(
        Change(Entity.FACT, str(f), Op.UPDATED, frozenset({"claims"})) for f in facts
    )
    return record.merged(Changes(facts_changed))
