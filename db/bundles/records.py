"""Entities as JSON records and back, with strict validation of incoming values."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, Integer, String, Text, Uuid, inspect
from sqlalchemy.orm import object_session

from db.articles import MAX_OFFSET
from db.audit import to_json
from db.errors import InvalidInput
from db.models import (
    Analyst,
    Article,
    Claim,
    ClaimLink,
    Comment,
    Evidence,
    HistoryEntry,
    Source,
    Verdict,
)
from db.models.base import Base, UTCDateTime
from db.relays import MAX_RELAYS, RELAY_FIELD, relay_ids
from db.timeutil import as_utc

# Bundle section name -> model, in the order a merge applies them.
SECTIONS: dict[str, type[Base]] = {
    "analysts": Analyst,
    "sources": Source,
    "articles": Article,
    "claims": Claim,
    "links": ClaimLink,
    "evidence": Evidence,
    "comments": Comment,
    "verdicts": Verdict,
    "history": HistoryEntry,
}
NOUN = {
    "analysts": "analyst",
    "sources": "source",
    "articles": "article",
    "claims": "claim",
    "links": "link",
    "evidence": "evidence",
    "comments": "comment",
    "verdicts": "verdict",
    "history": "history entry",
    # The sections only a full backup carries (db.bundles.full).
    "settings": "setting",
    "tags": "tag",
    "taggings": "tagging",
    "facts": "fact",
    "revisions": "earlier text",
    "relays": "relay",
    "filters": "saved filter",
    "dismissals": "dismissed suggestion",
    "proposals": "dismissed proposal",
}
# Columns that travel in member files or stay local.
EXCLUDED: dict[str, set[str]] = {
    "articles": {"text", "original"},
    "analysts": {"login"},
    # Positions in this database's change feed: an imported entry gets new ones.
    "history": {"seq", "txid"},
    # Facts organise one workspace's claims; they do not travel (yet).  When a
    # claim entered its status is kept by each workspace as its status changes there.
    "claims": {"fact_id", "status_since"},
}
# Columns added after bundles were first written: a record without them (from
# an older ClaimDesk) takes these values.
ADDED_LATER: dict[str, dict[str, Any]] = {
    "articles": {"published_offset": None, "published_zone": ""},
    "claims": {"orphaned": False, "contested": False},
}
# Not part of what a record "says": local bookkeeping of the last change.
BOOKKEEPING = {"version", "updated_at", "updated_by_id"}


def columns(section: str) -> list[Any]:
    model = SECTIONS[section]
    skip = EXCLUDED.get(section, set())
    return [c for c in inspect(model).columns if c.key not in skip]


def to_record(
    section: str, obj: Any, relays: dict[uuid.UUID, list[uuid.UUID]] | None = None
) -> dict[str, Any]:
    """A JSON-safe record of *obj* (UUIDs as strings, ISO timestamps).

    A claim's record also lists its tags and its relay chain (``relayed_by``:
    source ids, nearest the original source first), read from *relays* when given.
    """
    out = {c.key: to_json(getattr(obj, c.key)) for c in columns(section)}
    if section == "claims":
        out["tags"] = sorted(t.name for t in obj.tags)
        chain = relays.get(obj.id, []) if relays is not None else _chain_of(obj)
        out[RELAY_FIELD] = [str(sid) for sid in chain]
    return out


def _chain_of(claim: Any) -> list[uuid.UUID]:
    session = object_session(claim)
    if session is None:
        return []
    return relay_ids(session, [claim.id]).get(claim.id, [])


def _relay_list(section: str, record: dict[str, Any]) -> list[uuid.UUID]:
    value = record.get(RELAY_FIELD, [])  # absent from bundles of older ClaimDesks
    if not isinstance(value, list) or len(value) > MAX_RELAYS:
        raise _fail(section, record, RELAY_FIELD, f"not a list of up to {MAX_RELAYS} source ids")
    try:
        chain = [uuid.UUID(v) for v in value if isinstance(v, str)]
    except ValueError:
        chain = []
    if len(chain) != len(value) or len(set(chain)) != len(chain):
        raise _fail(section, record, RELAY_FIELD, "not a list of distinct source ids")
    return chain


def _fail(section: str, record: Any, key: str, why: str) -> InvalidInput:
    rid = record.get("id", "?") if isinstance(record, dict) else "?"
    return InvalidInput(f"The bundle's {NOUN[section]} {rid} has an invalid {key}: {why}.")


def _parse(section: str, record: dict[str, Any], column: Any, value: Any) -> Any:
    key = column.key
    kind = column.type
    if value is None:
        if not column.nullable and not column.primary_key:
            raise _fail(section, record, key, "it is missing")
        if column.primary_key:
            raise _fail(section, record, key, "it is missing")
        return None
    try:
        if isinstance(kind, UTCDateTime | DateTime):
            if not isinstance(value, str):
                raise ValueError
            return as_utc(dt.datetime.fromisoformat(value))
        if isinstance(kind, Date):
            if not isinstance(value, str):
                raise ValueError
            return dt.date.fromisoformat(value)
        if isinstance(kind, Uuid):
            if not isinstance(value, str):
                raise ValueError
            return uuid.UUID(value)
        if isinstance(kind, Enum) and kind.enum_class is not None:
            return kind.enum_class(value)
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError
            return value
        if isinstance(kind, String | Text):
            if not isinstance(value, str):
                raise ValueError
            length = getattr(kind, "length", None)
            if length and len(value) > length:
                raise _fail(section, record, key, f"longer than {length} characters")
            return value
        if isinstance(kind, JSON):
            if not isinstance(value, list | dict):
                raise ValueError
            return value
    except (ValueError, TypeError):
        raise _fail(section, record, key, f"{str(value)[:40]!r} is not accepted") from None
    raise _fail(section, record, key, "unsupported column")


def from_record(section: str, record: Any) -> dict[str, Any]:
    """Validated Python values for a record's columns (plus ``tags`` for claims)."""
    if not isinstance(record, dict):
        raise InvalidInput(f"The bundle's {section} list holds something that is not a record.")
    out: dict[str, Any] = {}
    for column in columns(section):
        if column.key not in record:
            if column.key == "version":
                out["version"] = 1
                continue
            later = ADDED_LATER.get(section, {})
            if column.key in later:
                out[column.key] = later[column.key]
                continue
            raise _fail(section, record, column.key, "it is missing")
        out[column.key] = _parse(section, record, column, record[column.key])
    if section == "articles":
        offset = out.get("published_offset")
        if offset is not None and abs(offset) > MAX_OFFSET:
            raise _fail(section, record, "published_offset", "more than 18 hours from UTC")
    if section == "claims":
        tags = record.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
            raise _fail(section, record, "tags", "not a list of names")
        out["tags"] = sorted({t.strip() for t in tags})
        out[RELAY_FIELD] = _relay_list(section, record)
    return out


def content(values: dict[str, Any]) -> dict[str, Any]:
    """The comparable part of parsed values: JSON-safe, bookkeeping left out."""
    return {k: to_json(v) for k, v in values.items() if k not in BOOKKEEPING}


def local_values(section: str, obj: Any) -> dict[str, Any]:
    out = {c.key: getattr(obj, c.key) for c in columns(section)}
    if section == "claims":
        out["tags"] = sorted(t.name for t in obj.tags)
        out[RELAY_FIELD] = _chain_of(obj)
    return out
