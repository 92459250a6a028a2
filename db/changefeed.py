"""What changed since a mark: polling the history table, on any database.

Positions come from the database, never from a client's clock, so a writer
whose clock is wrong or whose transaction commits late is still seen, and no
entry is reported twice:

* SQLite (one writer at a time): every entry gets ``seq`` = max + 1 while the
  writer holds the lock, so positions follow commit order; a mark is the
  highest position seen and the next poll reads ``seq > mark``.
* PostgreSQL: every entry carries its transaction's id (``txid``).  A poll
  reads in one snapshot and keeps that snapshot's ``xmax`` and in-progress ids
  as the mark; the next poll reads exactly the entries that snapshot could not
  see (``txid >= xmax`` or ``txid`` among those in progress), however long
  those transactions took to commit.
"""

from __future__ import annotations

import threading
import uuid
import weakref
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, cast, event, func, or_, select, true
from sqlalchemy.orm import Session

from db.changes import Change, Changes, Entity, Op
from db.models import Analyst, Claim, HistoryEntry, Setting, Verdict
from db.sessions import WorkspaceSession
from db.workspace import Workspace

OWN_MEMORY = 20_000


class _OwnEntries:
    """History entry ids written through one engine (this Workspace object)."""

    def __init__(self) -> None:
        self.order: deque[uuid.UUID] = deque()
        self.ids: set[uuid.UUID] = set()

    def add(self, entry_id: uuid.UUID) -> None:
        self.order.append(entry_id)
        self.ids.add(entry_id)
        while len(self.order) > OWN_MEMORY:
            self.ids.discard(self.order.popleft())


_own: weakref.WeakKeyDictionary[Any, _OwnEntries] = weakref.WeakKeyDictionary()
_own_lock = threading.Lock()


def _record_own(session: Session, flush_context: Any) -> None:
    remember_own(
        session, [o.id for o in session.new if isinstance(o, HistoryEntry) and o.id is not None]
    )


def remember_own(session: Session, entries: Sequence[uuid.UUID]) -> None:
    """Count history entries written in *session* as this Workspace's own (a flush counts
    those it writes; a plain INSERT of history rows names them here)."""
    if not entries:
        return
    engine = session.get_bind()
    with _own_lock:
        own = _own.get(engine)
        if own is None:
            own = _own[engine] = _OwnEntries()
        for entry_id in entries:
            own.add(entry_id)


if not event.contains(WorkspaceSession, "after_flush", _record_own):
    event.listen(WorkspaceSession, "after_flush", _record_own)


def own_entries(ws: Workspace) -> frozenset[uuid.UUID]:
    """Ids of history entries this Workspace object wrote (recently), to skip echoes."""
    with _own_lock:
        own = _own.get(ws.engine)
        return frozenset(own.ids) if own else frozenset()


@dataclass(frozen=True)
class ChangeMark:
    """A position in the change history, as the database counts it.

    On SQLite *position* is the highest ``seq`` seen.  On PostgreSQL it is the
    reading snapshot's ``xmax`` and *pending* the transactions still in
    progress then.  The empty mark lies before the first entry.
    """

    position: int | None = None
    pending: frozenset[int] = frozenset()

    @property
    def empty(self) -> bool:
        return self.position is None


@dataclass(frozen=True)
class ChangeSet:
    """Ids touched by changes after a mark, and the mark to poll from next."""

    claim_ids: frozenset[uuid.UUID]
    article_ids: frozenset[uuid.UUID]
    source_ids: frozenset[uuid.UUID]
    links_changed: bool
    mark: ChangeMark
    # Claims at either end of a changed link.
    link_claim_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)
    analyst_ids: frozenset[uuid.UUID | None] = field(default_factory=frozenset)
    entries: int = 0
    # A comment was added, edited, resolved or reopened (discussion threads changed).
    comments_changed: bool = False
    # The same changes as the record every view reads (remote=True), by entity and id.
    record: Changes = field(default_factory=lambda: Changes(remote=True))

    @property
    def empty(self) -> bool:
        return self.entries == 0


def _postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


@contextmanager
def _reading(ws: Workspace) -> Iterator[Connection]:
    """A read-only connection whose queries all see one snapshot."""
    with ws.engine.connect() as conn:
        if _postgres(conn):
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def _snapshot(conn: Connection) -> ChangeMark:
    """This transaction's snapshot as a mark (PostgreSQL; the first statement read)."""
    text_ = conn.execute(select(cast(func.pg_current_snapshot(), String))).scalar_one()
    _xmin, xmax, in_progress = str(text_).split(":")
    return ChangeMark(int(xmax), frozenset(int(x) for x in in_progress.split(",") if x))


def _after(conn: Connection, mark: ChangeMark) -> ColumnElement[bool]:
    """The condition selecting entries a reader at *mark* could not see yet."""
    if mark.position is None:
        return true()
    if not _postgres(conn):
        return HistoryEntry.seq > mark.position
    newer = HistoryEntry.txid >= mark.position
    if mark.pending:
        return or_(newer, HistoryEntry.txid.in_(sorted(mark.pending)))
    return newer


def latest_change(ws: Workspace) -> ChangeMark:
    """The mark of the newest change so far (poll from here to see later changes)."""
    with _reading(ws) as conn:
        if _postgres(conn):
            mark = _snapshot(conn)
            anything = conn.execute(select(HistoryEntry.id).limit(1)).first()
            return mark if anything is not None else ChangeMark()
        newest = conn.execute(select(func.max(HistoryEntry.seq))).scalar()
        return ChangeMark(int(newest)) if newest is not None else ChangeMark()


def _uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


ENTITY_OF_KIND: dict[str, Entity] = {
    "article": Entity.ARTICLE,
    "claim": Entity.CLAIM,
    "source": Entity.SOURCE,
    "link": Entity.LINK,
    "evidence": Entity.EVIDENCE,
    "comment": Entity.COMMENT,
}
OP_OF_ACTION: dict[str, Op] = {"create": Op.CREATED, "delete": Op.DELETED}

Row = tuple[uuid.UUID, int | None, str, uuid.UUID, uuid.UUID | None, uuid.UUID | None, Any, str]


def _values(changes: Any, key: str) -> list[uuid.UUID]:
    """The ids an entry's ``key -> [old, new]`` names (either side, either may be null)."""
    pair = (changes or {}).get(key) or ()
    return [found for found in (_uuid(v) for v in pair) if found is not None]


def _record(conn: Connection, rows: list[Row]) -> Changes:
    """One Changes record (remote=True) naming every entity the *rows* touched.

    Claims carry their article as parent (read in the same snapshot for plain
    updates), evidence and comments their claim; a link is named once per
    claim at either end; a verdict (a claim entry with action "verdict") names
    the claim's newest verdict.  A claim created or deleted also updates its
    article (field ``claims``: the counts shown beside it).
    """
    items: list[Change] = []
    article_of: dict[uuid.UUID, uuid.UUID] = {}
    unknown: set[uuid.UUID] = set()
    verdict_claims: set[uuid.UUID] = set()
    for _id, _seq, kind, entity_id, _claim, _analyst, changes, _action in rows:
        if kind == "claim":
            found = _values(changes, "article_id")
            if found:
                article_of[entity_id] = found[-1]
            else:
                unknown.add(entity_id)
    unknown -= set(article_of)
    if unknown:
        query = select(Claim.id, Claim.article_id).where(Claim.id.in_(sorted(unknown)))
        article_of.update({cid: aid for cid, aid in conn.execute(query)})
    for _id, _seq, kind, entity_id, claim_id, _analyst, changes, action in rows:
        entity = ENTITY_OF_KIND.get(kind)
        if entity is None:
            continue
        op = OP_OF_ACTION.get(action, Op.UPDATED)
        fields = frozenset(changes or ()) if op is Op.UPDATED else frozenset[str]()
        if entity is Entity.CLAIM:
            article = article_of.get(entity_id)
            items.append(Change(entity, str(entity_id), op, fields, _str(article)))
            if op is not Op.UPDATED and article is not None:
                items.append(
                    Change(Entity.ARTICLE, str(article), Op.UPDATED, frozenset({"claims"}))
                )
            if action == "verdict":
                verdict_claims.add(entity_id)
        elif entity is Entity.LINK:
            ends = _values(changes, "from_claim_id") + _values(changes, "to_claim_id")
            if claim_id is not None:
                ends.append(claim_id)
            for end in dict.fromkeys(ends) or [None]:
                items.append(Change(entity, str(entity_id), op, fields, _str(end)))
        elif entity in (Entity.EVIDENCE, Entity.COMMENT):
            items.append(Change(entity, str(entity_id), op, fields, _str(claim_id)))
        else:
            items.append(Change(entity, str(entity_id), op, fields))
    if verdict_claims:
        newest: dict[uuid.UUID, uuid.UUID] = {}
        query = (
            select(Verdict.claim_id, Verdict.id)
            .where(Verdict.claim_id.in_(sorted(verdict_claims)))
            .order_by(Verdict.decided_at)
        )
        for cid, vid in conn.execute(query):
            newest[cid] = vid
        for cid, vid in newest.items():
            items.append(Change(Entity.VERDICT, str(vid), Op.CREATED, parent=str(cid)))
    return Changes(tuple(items), remote=True)


def _str(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)


def changes_since(ws: Workspace, mark: ChangeMark, *, skip_own: bool = False) -> ChangeSet:
    """Everything changed after *mark* (all history when the mark is empty).

    With *skip_own*, changes written through this same Workspace object are
    left out (the window that made them has already refreshed).
    """
    query = select(
        HistoryEntry.id,
        HistoryEntry.seq,
        HistoryEntry.entity_type,
        HistoryEntry.entity_id,
        HistoryEntry.claim_id,
        HistoryEntry.analyst_id,
        HistoryEntry.changes,
        HistoryEntry.action,
    )
    skip = own_entries(ws) if skip_own else frozenset()
    with _reading(ws) as conn:
        now = _snapshot(conn) if _postgres(conn) else None
        rows = conn.execute(query.where(_after(conn, mark)).order_by(HistoryEntry.seq)).all()
        fresh_rows: list[Row] = [tuple(r) for r in rows if r[0] not in skip]
        record = _record(conn, fresh_rows)
    if now is not None:
        new_mark = now
    else:
        newest = max((r[1] for r in rows if r[1] is not None), default=mark.position)
        new_mark = ChangeMark(int(newest)) if newest is not None else ChangeMark()
    claims: set[uuid.UUID] = set()
    articles: set[uuid.UUID] = set()
    sources: set[uuid.UUID] = set()
    link_claims: set[uuid.UUID] = set()
    analysts: set[uuid.UUID | None] = set()
    links = False
    comments = False
    fresh = 0
    for _entry_id, _seq, kind, entity_id, claim_id, analyst_id, changes, _action in fresh_rows:
        fresh += 1
        analysts.add(analyst_id)
        if claim_id is not None:
            claims.add(claim_id)
        if kind == "claim":
            claims.add(entity_id)
            article = _uuid(((changes or {}).get("article_id") or [None, None])[-1])
            article = article or _uuid(((changes or {}).get("article_id") or [None])[0])
            if article is not None:
                articles.add(article)  # a claim created or deleted changes the counts
        elif kind == "article":
            articles.add(entity_id)
        elif kind == "source":
            sources.add(entity_id)
        elif kind == "comment":
            comments = True
        elif kind == "link":
            links = True
            for key in ("from_claim_id", "to_claim_id"):
                for value in (changes or {}).get(key) or ():
                    found = _uuid(value)
                    if found is not None:
                        link_claims.add(found)
            if claim_id is not None:
                link_claims.add(claim_id)
    return ChangeSet(
        claim_ids=frozenset(claims),
        article_ids=frozenset(articles),
        source_ids=frozenset(sources),
        links_changed=links,
        mark=new_mark,
        link_claim_ids=frozenset(link_claims),
        analyst_ids=frozenset(analysts),
        entries=fresh,
        comments_changed=comments,
        record=record,
    )


# The team and the settings keep no history: a poller compares small snapshots.
TEAM_FIELDS = ("name", "initials", "color", "role", "login")


@dataclass(frozen=True)
class TeamState:
    """Every analyst's details and every stored setting, as read at one moment."""

    analysts: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)


def team_state(ws: Workspace) -> TeamState:
    """Analysts (id -> name, initials, colour, role, login) and stored settings."""
    columns = [getattr(Analyst, name) for name in TEAM_FIELDS]
    with _reading(ws) as conn:
        analysts = {
            str(row[0]): tuple(row[1:]) for row in conn.execute(select(Analyst.id, *columns))
        }
        settings = {str(k): str(v) for k, v in conn.execute(select(Setting.key, Setting.value))}
    return TeamState(analysts, settings)


def team_changes(before: TeamState, after: TeamState) -> Changes:
    """What differs between two snapshots, as a remote record (analysts by id, settings by key)."""
    items: list[Change] = []
    for analyst_id in sorted(set(before.analysts) | set(after.analysts)):
        old, new = before.analysts.get(analyst_id), after.analysts.get(analyst_id)
        if old == new:
            continue
        if old is None:
            items.append(Change(Entity.ANALYST, analyst_id, Op.CREATED))
        elif new is None:
            items.append(Change(Entity.ANALYST, analyst_id, Op.DELETED))
        else:
            fields = frozenset(f for f, a, b in zip(TEAM_FIELDS, old, new, strict=True) if a != b)
            items.append(Change(Entity.ANALYST, analyst_id, Op.UPDATED, fields))
    for key in sorted(set(before.settings) | set(after.settings)):
        if before.settings.get(key) != after.settings.get(key):
            items.append(Change(Entity.SETTING, key, Op.UPDATED, frozenset({"value"})))
    return Changes(tuple(items), remote=True)
