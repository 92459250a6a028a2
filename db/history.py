"""Reading the append-only change history, and restoring a claim's earlier state.

Nothing here edits or deletes history rows: restoring a state is itself a new
change, recorded with the action ``restore``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, String, cast, func, or_, select
from sqlalchemy.orm import Session

from db.analysts import analyst_names, find_analyst
from db.audit import ACTION_KEY
from db.claims import EDITABLE_FIELDS, ClaimInfo, apply_fields, claim_info, normalise_fields
from db.errors import InvalidInput, NotFound
from db.ids import resolve_id
from db.models import Claim, HistoryEntry, Source
from db.relays import RELAY_FIELD, SourceFinder, write_chain
from db.workspace import Workspace

ENTITY_TYPES = ("article", "claim", "source", "link", "evidence", "comment")
# Fields holding the id of an analyst or a source: shown by name.
ANALYST_FIELDS = frozenset({"assignee_id", "reviewer_id", "analyst_id", "author_id"})
SOURCE_FIELDS = frozenset({"source_id"})
# The recorded fields that name an item of each kind, first found wins.
NAME_FIELDS: dict[str, tuple[str, ...]] = {
    "article": ("title",),
    "source": ("name",),
    "claim": ("quote",),
    "evidence": ("url", "note"),
    "comment": ("body",),
}
LINK_FIELDS = ("relation", "from_claim_id", "to_claim_id")
LABEL_LIMIT = 60


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: Any
    new: Any
    # The name behind an analyst or source id (None when not a reference or unknown).
    old_name: str | None = None
    new_name: str | None = None

    @property
    def old_shown(self) -> Any:
        return self.old_name or self.old

    @property
    def new_shown(self) -> Any:
        return self.new_name or self.new


@dataclass(frozen=True, slots=True)
class HistoryItem:
    id: uuid.UUID
    at: dt.datetime
    analyst_id: uuid.UUID | None
    analyst_name: str
    entity_type: str
    entity_id: uuid.UUID
    claim_id: uuid.UUID | None
    action: str
    changes: tuple[FieldChange, ...]
    # What the entry is about, readable: a source's name, an article's title,
    # a claim's quote (shortened), a link's relation and claims; "" if unknown.
    label: str = ""

    def summary(self, limit: int = 80) -> str:
        """A one-line description: ``status: in_review → verified; notes: …``."""
        if self.action in ("create", "delete"):
            named = f" {self.label}" if self.label else ""
            return f"{self.action}d {self.entity_type}{named}"
        parts = []
        for ch in self.changes:
            parts.append(
                f"{ch.field}: {_short(ch.old_shown, limit)} → {_short(ch.new_shown, limit)}"
            )
        return "; ".join(parts)


def _short(value: Any, limit: int) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value) or "—"
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _ref(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _change(key: str, old: Any, new: Any, names: dict[uuid.UUID, str]) -> FieldChange:
    if key not in ANALYST_FIELDS and key not in SOURCE_FIELDS:
        return FieldChange(key, old, new)
    old_id, new_id = _ref(old), _ref(new)
    return FieldChange(
        key,
        old,
        new,
        names.get(old_id) if old_id else None,
        names.get(new_id) if new_id else None,
    )


def _changes(entry: HistoryEntry) -> dict[str, Any]:
    return entry.changes if isinstance(entry.changes, dict) else {}


def _flat(value: Any, limit: int = LABEL_LIMIT) -> str:
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _own_values(entry: HistoryEntry) -> dict[str, Any]:
    """The values the entry itself records: new ones, or the old ones of a deletion."""
    values: dict[str, Any] = {}
    for key, pair in _changes(entry).items():
        if isinstance(pair, list) and len(pair) == 2:
            value = pair[0] if entry.action == "delete" else pair[1]
            if value is not None and value != "":
                values[key] = value
    return values


def _recorded_values(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    """Each entity's latest recorded field values, replayed from its whole history
    (so deleted items keep the name they had)."""
    known: dict[uuid.UUID, dict[str, Any]] = {}
    if not ids:
        return known
    rows = session.scalars(
        select(HistoryEntry)
        .where(HistoryEntry.entity_id.in_(ids))
        .order_by(HistoryEntry.seq, HistoryEntry.at)
    )
    for row in rows:
        known.setdefault(row.entity_id, {}).update(_own_values(row))
    return known


def _name_from(kind: str, values: dict[str, Any]) -> str:
    for key in NAME_FIELDS.get(kind, ()):
        text = _flat(values.get(key))
        if text:
            return text
    return ""


def _labels(session: Session, entries: list[HistoryEntry]) -> dict[uuid.UUID, str]:
    """A readable name for each entry, by entry id: from its own values, else from
    what the history recorded about the same item (and, for links, their claims)."""
    own = {e.id: _own_values(e) for e in entries}

    def lacks_name(e: HistoryEntry) -> bool:
        if e.entity_type == "link":
            return not all(k in own[e.id] for k in LINK_FIELDS)
        return not _name_from(e.entity_type, own[e.id])

    wanted = {e.entity_id for e in entries if lacks_name(e)}
    known = _recorded_values(session, wanted)
    merged = {e.id: {**known.get(e.entity_id, {}), **own[e.id]} for e in entries}
    claim_ids = {
        ref
        for e in entries
        if e.entity_type == "link"
        for key in ("from_claim_id", "to_claim_id")
        if (ref := _ref(merged[e.id].get(key))) is not None
    }
    quotes = {k: _name_from("claim", v) for k, v in _recorded_values(session, claim_ids).items()}
    labels: dict[uuid.UUID, str] = {}
    for e in entries:
        values = merged[e.id]
        if e.entity_type != "link":
            labels[e.id] = _name_from(e.entity_type, values)
            continue
        ends = []
        for key in ("from_claim_id", "to_claim_id"):
            ref = _ref(values.get(key))
            quote = _flat(quotes.get(ref, ""), 30) if ref else ""
            ends.append(f"“{quote}”" if quote else (str(ref)[:8] if ref else "?"))
        relation = str(values.get("relation") or "link").replace("_", " ")
        labels[e.id] = f"{ends[0]} {relation} {ends[1]}"
    return labels


def _item(entry: HistoryEntry, names: dict[uuid.UUID, str], label: str = "") -> HistoryItem:
    changes = _changes(entry)
    return HistoryItem(
        id=entry.id,
        at=entry.at,
        analyst_id=entry.analyst_id,
        analyst_name=names.get(entry.analyst_id, "") if entry.analyst_id else "",
        entity_type=entry.entity_type,
        entity_id=entry.entity_id,
        claim_id=entry.claim_id,
        action=entry.action,
        changes=tuple(_change(k, v[0], v[1], names) for k, v in changes.items()),
        label=label,
    )


def _items(session: Session, entries: list[HistoryEntry]) -> list[HistoryItem]:
    analysts: set[uuid.UUID | None] = {e.analyst_id for e in entries}
    sources: set[uuid.UUID] = set()
    for entry in entries:
        for key, values in _changes(entry).items():
            if key in ANALYST_FIELDS or key in SOURCE_FIELDS:
                found = {i for i in map(_ref, values) if i is not None}
                if key in ANALYST_FIELDS:
                    analysts |= found
                else:
                    sources |= found
    names = analyst_names(session, analysts)
    if sources:
        rows = session.execute(select(Source.id, Source.name).where(Source.id.in_(sources)))
        names.update({r[0]: r[1] for r in rows})
    labels = _labels(session, entries)
    return [_item(e, names, labels.get(e.id, "")) for e in entries]


def _claim_condition(session: Session, cid: uuid.UUID) -> ColumnElement[bool]:
    """The history entries of a claim: its own, its evidence's and comments', its links'."""
    # Links are recorded under their from-claim; find those pointing at this claim too.
    link_ids = set(
        session.scalars(
            select(HistoryEntry.entity_id).where(
                HistoryEntry.entity_type == "link",
                cast(HistoryEntry.changes, String).like(f"%{cid}%"),
            )
        )
    )
    condition: ColumnElement[bool] = HistoryEntry.claim_id == cid
    if link_ids:
        condition = or_(
            condition,
            (HistoryEntry.entity_type == "link") & HistoryEntry.entity_id.in_(link_ids),
        )
    return condition


def _claim_entries(session: Session, cid: uuid.UUID) -> list[HistoryEntry]:
    return list(
        session.scalars(
            select(HistoryEntry)
            .where(_claim_condition(session, cid))
            .order_by(HistoryEntry.seq, HistoryEntry.at)
        )
    )


def _claim_uuid(session: Session, claim_id: uuid.UUID | str) -> uuid.UUID:
    if isinstance(claim_id, uuid.UUID):
        return claim_id
    try:
        return uuid.UUID(str(claim_id).strip())
    except ValueError:
        return resolve_id(session, Claim, claim_id, "claim")


def claim_history_count(ws: Workspace, claim_id: uuid.UUID | str) -> int:
    """How many history entries a claim has (see :func:`claim_history`)."""
    with ws.session() as session:
        cid = _claim_uuid(session, claim_id)
        query = select(func.count()).select_from(HistoryEntry)
        return int(session.scalar(query.where(_claim_condition(session, cid))) or 0)


def claim_history_page(
    ws: Workspace, claim_id: uuid.UUID | str, offset: int, limit: int
) -> list[HistoryItem]:
    """Entries *offset* .. *offset* + *limit* of a claim's history, oldest first."""
    with ws.session() as session:
        cid = _claim_uuid(session, claim_id)
        query = (
            select(HistoryEntry)
            .where(_claim_condition(session, cid))
            .order_by(HistoryEntry.seq, HistoryEntry.at)
            .offset(max(0, offset))
            .limit(max(0, limit))
        )
        return _items(session, list(session.scalars(query)))


def workspace_history_count(
    ws: Workspace, entity_type: str | None = None, analyst: uuid.UUID | str | None = None
) -> int:
    """How many entries :func:`workspace_history` pages through."""
    with ws.session() as session:
        query = select(func.count()).select_from(HistoryEntry)
        for condition in _workspace_conditions(session, entity_type, analyst):
            query = query.where(condition)
        return int(session.scalar(query) or 0)


def _workspace_conditions(
    session: Session, entity_type: str | None, analyst: uuid.UUID | str | None
) -> list[ColumnElement[bool]]:
    if entity_type is not None and entity_type not in ENTITY_TYPES:
        raise InvalidInput(f"Unknown kind of item {entity_type!r}; use {', '.join(ENTITY_TYPES)}.")
    conditions: list[ColumnElement[bool]] = []
    if entity_type is not None:
        conditions.append(HistoryEntry.entity_type == entity_type)
    if analyst is not None:
        conditions.append(HistoryEntry.analyst_id == find_analyst(session, analyst).id)
    return conditions


def claim_history(ws: Workspace, claim_id: uuid.UUID | str) -> list[HistoryItem]:
    """Every change to a claim and its evidence, comments and links, oldest first.

    Works for deleted claims too when given the full id.
    """
    with ws.session() as session:
        if isinstance(claim_id, uuid.UUID):
            cid = claim_id
        else:
            try:
                cid = uuid.UUID(str(claim_id).strip())
            except ValueError:
                cid = resolve_id(session, Claim, claim_id, "claim")
        entries = _claim_entries(session, cid)
        if not entries and session.get(Claim, cid) is None:
            raise NotFound(f"No claim with id {claim_id}.")
        return _items(session, entries)


def workspace_history(
    ws: Workspace,
    limit: int = 100,
    offset: int = 0,
    entity_type: str | None = None,
    analyst: uuid.UUID | str | None = None,
) -> list[HistoryItem]:
    """The workspace's changes, newest first, a page at a time."""
    if entity_type is not None and entity_type not in ENTITY_TYPES:
        raise InvalidInput(f"Unknown kind of item {entity_type!r}; use {', '.join(ENTITY_TYPES)}.")
    with ws.session() as session:
        query = select(HistoryEntry)
        if entity_type is not None:
            query = query.where(HistoryEntry.entity_type == entity_type)
        if analyst is not None:
            query = query.where(HistoryEntry.analyst_id == find_analyst(session, analyst).id)
        query = (
            query.order_by(HistoryEntry.seq.desc(), HistoryEntry.at.desc())
            .limit(max(0, limit))
            .offset(max(0, offset))
        )
        return _items(session, list(session.scalars(query)))


def state_after(session: Session, cid: uuid.UUID, entry: HistoryEntry) -> dict[str, Any]:
    """The claim's fields (as stored in history) just after *entry*, by replaying its history."""
    rows = session.scalars(
        select(HistoryEntry)
        .where(
            HistoryEntry.entity_type == "claim",
            HistoryEntry.entity_id == cid,
            # Write order (seq), not the writers' clocks, decides what came before.
            HistoryEntry.seq <= entry.seq if entry.seq is not None else HistoryEntry.at <= entry.at,
        )
        .order_by(HistoryEntry.seq, HistoryEntry.at)
    ).all()
    state: dict[str, Any] = {}
    for row in rows:
        changes = row.changes if isinstance(row.changes, dict) else {}
        if row.action == "create":
            state = {}
        if row.action == "delete":
            continue
        for key, pair in changes.items():
            state[key] = pair[1]
    return state


def _or_default(key: str, value: Any) -> Any:
    """Creation entries record unset columns as None; use the column default then."""
    if value is not None or key not in Claim.__table__.c:
        return value
    default = Claim.__table__.c[key].default
    if default is not None and default.is_scalar:
        return default.arg
    return value


def restore_claim_state(
    ws: Workspace, claim_id: uuid.UUID | str, history_entry_id: uuid.UUID | str
) -> ClaimInfo:
    """Set a claim's editable fields back to their values just after a history entry.

    The review rules apply to the restored status; the change is recorded as a
    new history entry with the action ``restore``.
    """
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        eid = resolve_id(session, HistoryEntry, history_entry_id, "history entry")
        entry = session.get_one(HistoryEntry, eid)
        if entry not in _claim_entries(session, cid):
            raise InvalidInput("That history entry is not part of this claim's history.")
        state = state_after(session, cid, entry)
        if not state:
            raise InvalidInput("The claim did not exist yet at that point of its history.")
        wanted = {k: _or_default(k, state[k]) for k in EDITABLE_FIELDS if k in state}
        if wanted.get("source_id") and session.get(Source, uuid.UUID(wanted["source_id"])) is None:
            raise NotFound("The source the claim had then has since been deleted; edit it by hand.")
        values = normalise_fields(wanted)
        recorded = state.get(RELAY_FIELD)
        if recorded is None and any(
            RELAY_FIELD in _changes(e) for e in _claim_entries(session, cid) if e.entity_id == cid
        ):
            recorded = []  # relays were added only later: the chain was empty then
        chain = _chain_then(session, recorded)
        current = claim_info(session, cid)
        differing = {
            k: v
            for k, v in values.items()
            if (list(getattr(current, k)) if k == "tags" else getattr(current, k)) != v
        }
        claim = session.get_one(Claim, cid)
        session.info[ACTION_KEY] = "restore"
        if differing:
            apply_fields(session, claim, differing, restoring=True)
            session.flush()
        if chain is not None:
            write_chain(session, claim, [s for s in chain if s != claim.source_id])
        return claim_info(session, cid)


def put_back_state(
    ws: Workspace,
    claim_id: uuid.UUID | str,
    fields: dict[str, Any],
    chain: list[uuid.UUID] | None,
) -> None:
    """Undo a restore in one transaction: the editable *fields* and, when given, the relay
    *chain* as they were (less sources deleted since)."""
    values = normalise_fields(fields)
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        if values:
            apply_fields(session, claim, values, restoring=True)
            session.flush()
        if chain is not None:
            present = [
                sid
                for sid in chain
                if sid != claim.source_id and session.get(Source, sid) is not None
            ]
            write_chain(session, claim, present)


def _chain_then(session: Session, names: Any) -> list[uuid.UUID] | None:
    """The sources a recorded relay chain named, by name or alias (None: none recorded)."""
    if not isinstance(names, list):
        return None
    finder = SourceFinder(session)
    chain: list[uuid.UUID] = []
    for name in names:
        sid = finder.find(str(name))
        if sid is None:
            raise NotFound(
                f"The relay {name} the claim had then has since been deleted; "
                "edit the relay chain by hand."
            )
        chain.append(sid)
    return list(dict.fromkeys(chain))
