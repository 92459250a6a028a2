"""Relay chains of claims: who passed a claim on from its original source, nearest first.

A claim's ``source_id`` is its original source (the Admiralty grading belongs to it);
the chain lists the sources that relayed it, the one nearest the original first and
the outlet last.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.audit import ACTION_KEY, ANALYST_KEY, FROM_BUNDLE_KEY
from db.changes import Changes, Entity, Op, changed
from db.errors import InvalidInput, NotFound, StaleEdit
from db.ids import resolve_id, short
from db.models import Claim, ClaimRelay, HistoryEntry, Source
from db.sources import SourceInfo, create_source, find_source, normalise_source_fields
from db.timeutil import utcnow
from db.workspace import Workspace

MAX_RELAYS = 20
# The claim field a relay chain is recorded under, in history and in bundles.
RELAY_FIELD = "relayed_by"
# One link of a chain as the inspector shows it: (source id, source name).
RelayLink = tuple[uuid.UUID, str]


def relay_names_in(
    session: Session, claim_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, tuple[str, ...]]:
    """The relay chain of each claim, as source names, nearest relay first (in *session*)."""
    ids = list(claim_ids)
    out: dict[uuid.UUID, list[str]] = defaultdict(list)
    query = (
        select(ClaimRelay.claim_id, Source.name)
        .join(Source, Source.id == ClaimRelay.source_id)
        .order_by(ClaimRelay.claim_id, ClaimRelay.position)
    )
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for claim_id, name in session.execute(query.where(ClaimRelay.claim_id.in_(chunk))):
            out[claim_id].append(name)
    return {k: tuple(v) for k, v in out.items()}


def relay_names(ws: Workspace, claim_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, tuple[str, ...]]:
    """The relay chain of each claim, as source names, nearest relay first."""
    ids = list(claim_ids)
    if not ids:
        return {}
    with ws.session() as session:
        return relay_names_in(session, ids)


def _chain(session: Session, cid: uuid.UUID) -> list[RelayLink]:
    query = (
        select(ClaimRelay.source_id, Source.name)
        .join(Source, Source.id == ClaimRelay.source_id)
        .where(ClaimRelay.claim_id == cid)
        .order_by(ClaimRelay.position)
    )
    return [(sid, name) for sid, name in session.execute(query)]


def relay_ids(session: Session, claim_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The chain of each claim in *claim_ids* that has one, as source ids, nearest first."""
    out: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    query = select(ClaimRelay.claim_id, ClaimRelay.source_id).order_by(
        ClaimRelay.claim_id, ClaimRelay.position
    )
    ids = list(claim_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for cid, sid in session.execute(query.where(ClaimRelay.claim_id.in_(chunk))):
            out[cid].append(sid)
    return dict(out)


def store_chain(session: Session, claim_id: uuid.UUID, source_ids: Sequence[uuid.UUID]) -> None:
    """Store the chain of a claim being added (a bundle's, a restored one): no history of
    its own, the claim's creation covers it."""
    for position, sid in enumerate(source_ids):
        session.add(ClaimRelay(claim_id=claim_id, position=position, source_id=sid))
    session.flush()


def restore_chain(
    ws: Workspace, claim_id: uuid.UUID | str, source_ids: Sequence[uuid.UUID]
) -> Changes:
    """Give a claim brought back by undo its former chain, less the sources deleted
    since (recorded in its history like any relay edit)."""
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        present = [
            sid
            for sid in source_ids
            if sid != claim.source_id and session.get(Source, sid) is not None
        ]
        write_chain(session, claim, present)
        return changed(Entity.CLAIM, [cid], Op.UPDATED, [RELAY_FIELD], parent=claim.article_id)


def chains_through(ws: Workspace, source_id: uuid.UUID) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The chains (source ids) of the claims *source_id* relays, by claim id."""
    with ws.session() as session:
        claims = session.scalars(
            select(ClaimRelay.claim_id).where(ClaimRelay.source_id == source_id)
        ).all()
        return relay_ids(session, list(claims))


def replace_relay(session: Session, old: uuid.UUID, new: uuid.UUID | None) -> list[uuid.UUID]:
    """Put *new* (None: nothing) in place of *old* in every chain holding it, in *session*,
    each change recorded in its claim's history; a source that would appear twice, or
    relay its own claim, is left out.  The ids of the claims changed."""
    claims = session.scalars(select(ClaimRelay.claim_id).where(ClaimRelay.source_id == old)).all()
    for cid, chain in relay_ids(session, list(claims)).items():
        claim = session.get_one(Claim, cid)
        swapped = [new if sid == old else sid for sid in chain]
        kept = [sid for sid in dict.fromkeys(swapped) if sid is not None and sid != claim.source_id]
        write_chain(session, claim, kept)
    return list(claims)


def restore_chains(ws: Workspace, chains: dict[uuid.UUID, list[uuid.UUID]]) -> Changes:
    """Put back the chains an undone source edit changed, on the claims that still exist
    (less sources deleted since); each recorded in its claim's history."""
    out = Changes(())
    with ws.session() as session:
        for cid, chain in chains.items():
            claim = session.get(Claim, cid)
            if claim is None:
                continue
            present = [
                sid
                for sid in dict.fromkeys(chain)
                if sid != claim.source_id and session.get(Source, sid) is not None
            ]
            if write_chain(session, claim, present):
                out = out.merged(
                    changed(Entity.CLAIM, [cid], Op.UPDATED, [RELAY_FIELD], claim.article_id)
                )
    return out


def relay_chain(ws: Workspace, claim_id: uuid.UUID | str) -> list[RelayLink]:
    """One claim's relay chain as (source id, name), nearest relay first."""
    with ws.session() as session:
        return _chain(session, resolve_id(session, Claim, claim_id, "claim"))


def write_chain(session: Session, claim: Claim, source_ids: Sequence[uuid.UUID]) -> bool:
    """Store *source_ids* as *claim*'s chain in *session*, recorded in its history.

    The claim row is touched (its version moves on) and a history entry records
    the chain's names before and after.  False when the chain was already that.
    """
    if len(source_ids) > MAX_RELAYS:
        raise InvalidInput(f"A claim is relayed by at most {MAX_RELAYS} sources.")
    if len(set(source_ids)) != len(source_ids):
        raise InvalidInput("A source appears twice in the relay chain.")
    names: list[str] = []
    for sid in source_ids:
        source = session.get(Source, sid)
        if source is None:
            raise NotFound(f"No source with id {sid}; it may have been deleted.")
        if sid == claim.source_id:
            raise InvalidInput(
                f"{source.name} is the claim's original source; it cannot also relay it."
            )
        names.append(source.name)
    before = _chain(session, claim.id)
    if [sid for sid, _ in before] == list(source_ids):
        return False
    session.execute(delete(ClaimRelay).where(ClaimRelay.claim_id == claim.id))
    for position, sid in enumerate(source_ids):
        session.add(ClaimRelay(claim_id=claim.id, position=position, source_id=sid))
    if not session.info.get(FROM_BUNDLE_KEY):
        analyst_id = session.info.get(ANALYST_KEY)
        claim.updated_at = utcnow()
        claim.updated_by_id = analyst_id
        session.add(
            HistoryEntry(
                at=utcnow(),
                analyst_id=analyst_id,
                entity_type="claim",
                entity_id=claim.id,
                claim_id=claim.id,
                action=session.info.get(ACTION_KEY) or "update",
                changes={RELAY_FIELD: [[name for _, name in before], names]},
            )
        )
    session.flush()
    return True


def _create_source(session: Session, source_id: uuid.UUID, name: str) -> bool:
    """Add the source (id, name) unless it exists; True when added."""
    if session.get(Source, source_id) is not None:
        return False
    session.add(Source(id=source_id, **normalise_source_fields({"name": name})))
    session.flush()
    return True


def _drop_unused_source(session: Session, source_id: uuid.UUID) -> bool:
    """Delete the source if no claim cites or relays it any more; True when deleted."""
    source = session.get(Source, source_id)
    if source is None:
        return False
    if session.scalar(select(Claim.id).where(Claim.source_id == source_id).limit(1)):
        return False
    if session.scalar(select(ClaimRelay.id).where(ClaimRelay.source_id == source_id).limit(1)):
        return False
    session.delete(source)
    session.flush()
    return True


def set_relay_ids(
    ws: Workspace,
    claim_id: uuid.UUID | str,
    source_ids: Sequence[uuid.UUID],
    *,
    expected: Sequence[uuid.UUID] | None = None,
    new_source: tuple[uuid.UUID, str] | None = None,
    drop_source: uuid.UUID | None = None,
) -> Changes:
    """Replace a claim's relay chain by *source_ids* (nearest relay first), in one transaction.

    With *expected*, the edit is refused (StaleEdit) unless the chain stored now
    is that one: an undo puts back exactly the chain it replaced, or nothing.
    *new_source* (id, name) is created first when it does not exist (a relay typed
    as a new name); *drop_source* is deleted afterwards when nothing refers to it
    any more (undoing that).
    """
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        if expected is not None:
            now = [sid for sid, _ in _chain(session, cid)]
            if now != list(expected):
                raise StaleEdit(
                    f"The relay chain of claim {short(cid)} was changed by someone else; "
                    "your edit was not saved."
                )
        created = new_source is not None and _create_source(session, *new_source)
        write_chain(session, claim, list(source_ids))
        dropped = drop_source is not None and _drop_unused_source(session, drop_source)
        out = changed(Entity.CLAIM, [cid], Op.UPDATED, [RELAY_FIELD], parent=claim.article_id)
        if created and new_source is not None:
            out = out.merged(changed(Entity.SOURCE, [new_source[0]], Op.CREATED))
        if dropped and drop_source is not None:
            out = out.merged(changed(Entity.SOURCE, [drop_source], Op.DELETED))
        return out


class SourceFinder:
    """Registry sources by name or alias (case-insensitive, any script) within one
    session, adding the names not found as new sources.  The registry's names are
    read once, on the first look-up."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._known: dict[str, uuid.UUID] | None = None

    def _registry(self) -> dict[str, uuid.UUID]:
        known: dict[str, uuid.UUID] = {}
        rows = self.session.execute(select(Source.id, Source.name, Source.aliases))
        for sid, name, aliases in rows:
            for alias in aliases or ():
                known.setdefault(" ".join(alias.split()).casefold(), sid)
            known[" ".join(name.split()).casefold()] = sid  # a name wins over an alias
        return known

    def find(self, name: str) -> uuid.UUID | None:
        """The registry source of that name or alias, or None."""
        if self._known is None:
            self._known = self._registry()
        return self._known.get(" ".join(name.split()).casefold())

    def get(self, name: str) -> uuid.UUID:
        sid = self.find(name)
        if sid is None:
            assert self._known is not None
            key = " ".join(name.split()).casefold()
            sid = uuid.uuid4()
            _create_source(self.session, sid, name)
            self._known[key] = sid
        return sid


def set_relay_names(ws: Workspace, claim_id: uuid.UUID | str, names: Sequence[str]) -> Changes:
    """Replace a claim's chain by *names* (nearest relay first), matched by name or alias and
    the unknown ones added as new sources, all in one transaction: a refused chain (a blank
    name, a repeat, the original source) leaves everything as it was."""
    cleaned = [" ".join(str(name).split()) for name in names]
    if any(not name for name in cleaned):
        raise InvalidInput("A relay needs a name.")
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        finder = SourceFinder(session)
        write_chain(session, claim, [finder.get(name) for name in cleaned])
        return changed(Entity.CLAIM, [cid], Op.UPDATED, [RELAY_FIELD], parent=claim.article_id)


def relay_sources(ws: Workspace, names: Sequence[str]) -> tuple[list[SourceInfo], list[SourceInfo]]:
    """``(chain, created)``: the registry source for each name, creating the unknown ones."""
    chain: list[SourceInfo] = []
    created: list[SourceInfo] = []
    for raw in names:
        name = " ".join(raw.split())
        if not name:
            raise InvalidInput("A relay needs a name.")
        found = find_source(ws, name)
        if found is None:
            found = create_source(ws, name)
            created.append(found)
        chain.append(found)
    return chain, created


__all__ = [
    "MAX_RELAYS",
    "RELAY_FIELD",
    "RelayLink",
    "SourceFinder",
    "chains_through",
    "relay_chain",
    "relay_ids",
    "relay_names",
    "relay_names_in",
    "relay_sources",
    "replace_relay",
    "restore_chain",
    "restore_chains",
    "set_relay_ids",
    "set_relay_names",
    "store_chain",
    "write_chain",
]
