"""Automatic who/when stamping and the append-only change history.

A ``before_flush`` listener stamps ``created_by``/``updated_by`` from the
session's current analyst and writes one :class:`HistoryEntry` per created,
changed or deleted tracked row, with ``field -> [old, new]``.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import uuid
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Mapper, Session

from db import timeutil
from db.models import (
    Article,
    Claim,
    ClaimLink,
    Comment,
    Evidence,
    Fact,
    HistoryEntry,
    Source,
)
from db.models.base import TrackedMixin

AUDITED: dict[type, str] = {
    Article: "article",
    Claim: "claim",
    Source: "source",
    ClaimLink: "link",
    Evidence: "evidence",
    Comment: "comment",
    Fact: "fact",
}
IGNORED_FIELDS = {
    "created_at",
    "updated_at",
    "created_by_id",
    "updated_by_id",
    "version",
    # When a claim entered its status: derived from the status changes recorded.
    "status_since",
    # An article's text and file are kept whole elsewhere (the article row and its
    # earlier revisions); a history entry records that they changed by their sha256.
    "original",
    "text",
}
ANALYST_KEY = "analyst_id"
ACTION_KEY = "history_action"
# Set by a bundle merge: the changes it applies are described by the history
# entries the bundle brings (the other workspace's), appended as they are.
FROM_BUNDLE_KEY = "from_bundle"
# A local workspace without analysts, opened by the command line: the name of the
# person at the computer, made its first analyst by the first write (never before,
# so a refused command leaves the workspace as it was).
FIRST_ANALYST_KEY = "first_analyst"
CREATED_ANALYST_KEY = "created_analyst"


def to_json(value: Any) -> Any:
    """A JSON-safe form of a column value, for history and bundles."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def _claim_of(obj: object) -> uuid.UUID | None:
    if isinstance(obj, Claim):
        return obj.id
    if isinstance(obj, Evidence | Comment):
        return obj.claim_id
    if isinstance(obj, ClaimLink):
        return obj.from_claim_id
    return None


def _column_default(column: Any) -> Any:
    """The value a pending INSERT will give an unset column (scalar and list defaults)."""
    default = column.default
    if default is None:
        return None
    if default.is_scalar:
        return default.arg
    if default.is_callable and getattr(default.arg, "__wrapped__", None) is list:
        return []
    return None


def snapshot(obj: object) -> dict[str, Any]:
    """All audited fields of *obj* as JSON-safe values."""
    state = inspect(obj)
    out: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in IGNORED_FIELDS:
            continue
        value = getattr(obj, attr.key)
        if value is None:
            value = _column_default(attr.columns[0])
        out[attr.key] = to_json(value)
    if isinstance(obj, Claim):
        out["tags"] = sorted(t.name for t in obj.tags)
    return out


@functools.cache
def _audited_columns(model: type) -> tuple[tuple[str, Any], ...]:
    """(attribute, column) of every field :func:`snapshot` records for *model*, in order."""
    mapper: Mapper[Any] = inspect(model)
    return tuple(
        (attr.key, attr.columns[0])
        for attr in mapper.column_attrs
        if attr.key not in IGNORED_FIELDS
    )


# Values to_json hands back as they are: a created row's strings and numbers need no call.
_AS_THEY_ARE = frozenset({str, int, float, bool})


def created_changes(model: type, values: dict[str, Any]) -> dict[str, list[Any]]:
    """The changes a ``create`` entry records for a row of *model* inserted with *values*
    (attribute -> value), exactly as :func:`snapshot` records an object added to a
    session; for rows written by a plain INSERT (models without collections)."""
    out: dict[str, list[Any]] = {}
    for key, column in _audited_columns(model):
        value = values.get(key)
        if value is None:
            value = _column_default(column)
        out[key] = [None, value if type(value) in _AS_THEY_ARE else to_json(value)]
    return out


def _changes(obj: object) -> dict[str, list[Any]]:
    state = inspect(obj)
    changes: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in IGNORED_FIELDS:
            continue
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if to_json(old) != to_json(new):
                changes[attr.key] = [to_json(old), to_json(new)]
    if isinstance(obj, Claim):
        hist = state.attrs["tags"].history
        if hist.added or hist.deleted:
            new_names = sorted(t.name for t in obj.tags)
            old_names = sorted({t.name for t in (*hist.unchanged, *hist.deleted)})
            if old_names != new_names:
                changes["tags"] = [old_names, new_names]
    return changes


def _entry(
    obj: Any, kind: str, analyst_id: uuid.UUID | None, action: str, changes: dict[str, list[Any]]
) -> HistoryEntry:
    """The history row recording *action* on *obj*."""
    return HistoryEntry(
        at=timeutil.utcnow(),  # for display only: the change feed never relies on it
        analyst_id=analyst_id,
        entity_type=kind,
        entity_id=obj.id,
        claim_id=_claim_of(obj),
        action=action,
        changes=changes,
    )


def _writes(session: Session) -> bool:
    from db.models import Analyst

    return any(
        isinstance(obj, TrackedMixin | Analyst) or type(obj) in AUDITED
        for obj in (*session.new, *session.dirty, *session.deleted)
    )


def _first_analyst(session: Session, name: str) -> uuid.UUID:
    """Insert the workspace's first analyst, an admin (the command line's first write)."""
    from sqlalchemy import func, insert, select

    from db.analysts import PALETTE, default_initials
    from db.models import Analyst, Role

    conn = session.connection()
    found = conn.execute(
        select(Analyst.id).where(func.lower(Analyst.name) == name.lower())
    ).scalar()
    if found is not None:
        return uuid.UUID(str(found))
    first = not conn.execute(select(func.count()).select_from(Analyst)).scalar()
    new_id = uuid.uuid4()
    conn.execute(
        insert(Analyst).values(
            id=new_id,
            name=name,
            initials=default_initials(name)[:8],
            color=PALETTE[0],
            role=Role.ADMIN if first else Role.ANALYST,
            login=None,
            created_at=timeutil.utcnow(),
        )
    )
    return new_id


def writing_analyst(session: Session) -> uuid.UUID | None:
    """The analyst a write in *session* is recorded under.

    In a local workspace without analysts opened by the command line, the first
    write makes the person at the computer its first analyst: call this only when
    about to write.
    """
    analyst_id: uuid.UUID | None = session.info.get(ANALYST_KEY)
    pending = session.info.get(FIRST_ANALYST_KEY)
    if analyst_id is None and pending:
        analyst_id = _first_analyst(session, pending)
        session.info[ANALYST_KEY] = analyst_id
        session.info[CREATED_ANALYST_KEY] = analyst_id
        session.info[FIRST_ANALYST_KEY] = None
    return analyst_id


QUEUE_FIELDS = ("status", "contested")


def _stamp_entered(session: Session) -> None:
    """A claim whose status or contested mark changes enters it now (``status_since``)."""
    now: dt.datetime | None = None
    for obj in session.dirty:
        if not isinstance(obj, Claim):
            continue
        attrs = inspect(obj).attrs
        for key in QUEUE_FIELDS:
            hist = attrs[key].history
            if hist.added and hist.deleted and to_json(hist.added[0]) != to_json(hist.deleted[0]):
                now = now or timeutil.utcnow()
                obj.status_since = now
                break


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    if session.info.get(FROM_BUNDLE_KEY):
        _stamp_entered(session)  # the bundle's entries are its own: stamped now
        return
    analyst_id = session.info.get(ANALYST_KEY)
    if analyst_id is None and session.info.get(FIRST_ANALYST_KEY) and _writes(session):
        analyst_id = writing_analyst(session)
    action_override = session.info.get(ACTION_KEY)
    entries: list[HistoryEntry] = []
    for obj in list(session.new):
        kind = AUDITED.get(type(obj))
        if isinstance(obj, TrackedMixin):
            if obj.id is None:
                obj.id = uuid.uuid4()
            if obj.created_by_id is None:
                obj.created_by_id = analyst_id
            if obj.updated_by_id is None:
                obj.updated_by_id = analyst_id
        if kind:
            created = {k: [None, v] for k, v in snapshot(obj).items()}
            entries.append(_entry(obj, kind, analyst_id, "create", created))
    for obj in list(session.dirty):
        kind = AUDITED.get(type(obj))
        if not kind or not session.is_modified(obj):
            continue
        changes = _changes(obj)
        if not changes:
            continue
        if isinstance(obj, TrackedMixin):
            obj.updated_by_id = analyst_id
            if "tags" in changes and len(changes) == 1:
                # Only the collection changed: touch the row so its version moves on.
                from db.timeutil import utcnow

                obj.updated_at = utcnow()
        entry = _entry(obj, kind, analyst_id, action_override or "update", changes)
        entries.append(entry)
        if isinstance(obj, Claim) and any(key in changes for key in QUEUE_FIELDS):
            obj.status_since = entry.at  # the moment the history records
    for obj in list(session.deleted):
        kind = AUDITED.get(type(obj))
        if not kind:
            continue
        deleted = {k: [v, None] for k, v in snapshot(obj).items()}
        entries.append(_entry(obj, kind, analyst_id, "delete", deleted))
    session.add_all(entries)


def install(session_class: type[Session]) -> None:
    """Attach the audit listener to a session class (idempotent)."""
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)
