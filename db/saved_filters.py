"""Named claim filters kept in the workspace, so every analyst of the team can pick them.

A saved filter stores the criteria of a :class:`~db.claims.ClaimFilter` as JSON
under a name unique in the workspace (compared without regard to case).  Each
call is one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from db.analysts import current_analyst
from db.claims import ClaimFilter
from db.errors import InvalidInput, NotFound
from db.invisible import marked
from db.models import SavedFilter, Status
from db.workspace import Workspace

MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class SavedFilterInfo:
    id: uuid.UUID
    name: str
    claim_filter: ClaimFilter


def to_criteria(flt: ClaimFilter) -> str:
    """The filter's criteria as JSON text (ids and statuses as sorted strings)."""
    body: dict[str, Any] = {
        "statuses": sorted(s.value for s in flt.statuses),
        "article_ids": sorted(str(a) for a in flt.article_ids),
        "source_ids": sorted(str(s) for s in flt.source_ids),
        "tags": sorted(flt.tags),
        "text": flt.text,
        "since": flt.since.isoformat() if flt.since else None,
        "until": flt.until.isoformat() if flt.until else None,
        "contested_only": flt.contested_only,
        "hide_superseded": flt.hide_superseded,
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True)


def from_criteria(text: str) -> ClaimFilter:
    """The filter *text* (from :func:`to_criteria`) stands for; unknown keys are ignored."""
    try:
        body = json.loads(text)
        return ClaimFilter(
            statuses=frozenset(Status(s) for s in body.get("statuses", ())),
            article_ids=frozenset(uuid.UUID(a) for a in body.get("article_ids", ())),
            source_ids=frozenset(uuid.UUID(s) for s in body.get("source_ids", ())),
            tags=frozenset(str(t) for t in body.get("tags", ())),
            text=str(body.get("text") or ""),
            since=dt.datetime.fromisoformat(body["since"]) if body.get("since") else None,
            until=dt.datetime.fromisoformat(body["until"]) if body.get("until") else None,
            contested_only=bool(body.get("contested_only")),
            hide_superseded=bool(body.get("hide_superseded")),
        )
    except (ValueError, TypeError, AttributeError, KeyError):
        raise InvalidInput(
            "This saved filter cannot be read; delete it and save it again."
        ) from None


def clean_name(name: str) -> str:
    text = unicodedata.normalize("NFC", " ".join(str(name or "").split()))
    if not text:
        raise InvalidInput("A saved filter needs a name.")
    if len(text) > MAX_NAME:
        raise InvalidInput(f"A saved filter's name can be at most {MAX_NAME} characters long.")
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in text):
        raise InvalidInput(
            f"The name {marked(text)!r} holds control or invisible characters; use plain text."
        )
    return text


def _taken(session: Any, name: str, other_than: uuid.UUID | None = None) -> None:
    query = select(SavedFilter.id).where(func.lower(SavedFilter.name) == name.lower())
    if other_than is not None:
        query = query.where(SavedFilter.id != other_than)
    if session.scalar(query) is not None:
        raise InvalidInput(
            f"A saved filter is already named {name!r}: choose another name, or delete it first."
        )


def _info(row: SavedFilter) -> SavedFilterInfo:
    return SavedFilterInfo(row.id, row.name, from_criteria(row.criteria))


def list_saved(ws: Workspace) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of every saved filter, by name."""
    with ws.session() as session:
        rows = session.execute(
            select(SavedFilter.id, SavedFilter.name).order_by(func.lower(SavedFilter.name))
        )
        return [(fid, name) for fid, name in rows]


def get_saved(ws: Workspace, filter_id: uuid.UUID) -> SavedFilterInfo:
    with ws.session() as session:
        row = session.get(SavedFilter, filter_id)
        if row is None:
            raise NotFound("That saved filter was deleted meanwhile.")
        return _info(row)


def save_filter(
    ws: Workspace, name: str, flt: ClaimFilter, *, filter_id: uuid.UUID | None = None
) -> SavedFilterInfo:
    """Keep *flt* under *name* (unique in the workspace); *filter_id* brings one back."""
    name = clean_name(name)
    with ws.session() as session:
        _taken(session, name)
        me = current_analyst(session)
        row = SavedFilter(
            id=filter_id or uuid.uuid4(),
            name=name,
            criteria=to_criteria(flt),
            created_by_id=me.id if me is not None else None,
        )
        session.add(row)
        session.flush()
        return SavedFilterInfo(row.id, row.name, flt)


def rename_filter(ws: Workspace, filter_id: uuid.UUID, name: str) -> str:
    """Give a saved filter another name; returns the name it had."""
    name = clean_name(name)
    with ws.session() as session:
        row = session.get(SavedFilter, filter_id)
        if row is None:
            raise NotFound("That saved filter was deleted meanwhile.")
        _taken(session, name, other_than=filter_id)
        old, row.name = row.name, name
        return old


def delete_filter(ws: Workspace, filter_id: uuid.UUID) -> SavedFilterInfo:
    """Delete a saved filter; returns it, so it can be brought back."""
    with ws.session() as session:
        row = session.get(SavedFilter, filter_id)
        if row is None:
            raise NotFound("That saved filter was deleted meanwhile.")
        info = _info(row)
        session.delete(row)
        return info
