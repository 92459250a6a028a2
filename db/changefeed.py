"""What changed since a moment: polling the history table, on any database.

Every change to a tracked row writes a :class:`HistoryEntry` stamped with the
writer's clock.  Because a transaction may commit a little after its entries
were stamped (and clocks of different machines differ slightly), a mark keeps
a look-back window: entries newer than ``mark.at - LOOKBACK`` are read again
and those already seen (by id) are skipped.  A change may in rare cases be
reported twice; it is never missed if it commits within the window.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
import weakref
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from db.models import HistoryEntry
from db.workspace import Workspace, WorkspaceSession

LOOKBACK = dt.timedelta(seconds=15)
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
    entries = [o.id for o in session.new if isinstance(o, HistoryEntry) and o.id is not None]
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
    """A position in the change history: the newest time seen and the ids near it."""

    at: dt.datetime | None = None
    seen: frozenset[uuid.UUID] = frozenset()


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

    @property
    def empty(self) -> bool:
        return self.entries == 0


def _mark(rows: list[tuple[uuid.UUID, dt.datetime]], floor: ChangeMark) -> ChangeMark:
    newest = max((at for _, at in rows), default=None)
    if floor.at is not None and (newest is None or floor.at > newest):
        newest = floor.at
    if newest is None:
        return ChangeMark()
    cutoff = newest - LOOKBACK
    seen = {i for i, at in rows if at >= cutoff}
    seen |= {i for i in floor.seen}
    return ChangeMark(at=newest, seen=frozenset(seen))


def latest_change(ws: Workspace) -> ChangeMark:
    """The mark of the newest change so far (poll from here to see later changes)."""
    with ws.session() as session:
        newest = session.scalar(select(func.max(HistoryEntry.at)))
        if newest is None:
            return ChangeMark()
        rows = session.execute(
            select(HistoryEntry.id, HistoryEntry.at).where(HistoryEntry.at >= newest - LOOKBACK)
        ).all()
        return _mark([(i, at) for i, at in rows], ChangeMark())


def _uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def changes_since(ws: Workspace, mark: ChangeMark, *, skip_own: bool = False) -> ChangeSet:
    """Everything changed after *mark* (all history when the mark is empty).

    With *skip_own*, changes written through this same Workspace object are
    left out (the window that made them has already refreshed).
    """
    query = select(
        HistoryEntry.id,
        HistoryEntry.at,
        HistoryEntry.entity_type,
        HistoryEntry.entity_id,
        HistoryEntry.claim_id,
        HistoryEntry.analyst_id,
        HistoryEntry.changes,
    )
    if mark.at is not None:
        query = query.where(HistoryEntry.at >= mark.at - LOOKBACK)
    with ws.session() as session:
        rows = session.execute(query).all()
    skip = own_entries(ws) if skip_own else frozenset()
    claims: set[uuid.UUID] = set()
    articles: set[uuid.UUID] = set()
    sources: set[uuid.UUID] = set()
    link_claims: set[uuid.UUID] = set()
    analysts: set[uuid.UUID | None] = set()
    links = False
    comments = False
    fresh = 0
    for entry_id, _at, kind, entity_id, claim_id, analyst_id, changes in rows:
        if entry_id in mark.seen or entry_id in skip:
            continue
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
    pairs = [(r[0], r[1]) for r in rows]
    floor = mark if mark.at is not None else ChangeMark()
    new_mark = _mark(pairs, ChangeMark(floor.at, frozenset()))
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
    )
