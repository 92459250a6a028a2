"""A claim made without fields (Ctrl+E) is written by two plain INSERTs
(db.plain_inserts.insert_claim): the same row, history entry and search index as a
claim added to a session, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from db import claims
from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.changefeed import changes_since, latest_change, own_entries
from db.claims import ClaimFilter, list_claims
from db.models import Claim, HistoryEntry, Status
from db.workspace import Workspace, open_workspace

# The columns that differ between two claims made one after the other.
OWN = {"id", "created_at", "updated_at", "status_since"}


def _article(ws: Workspace, seed: Path) -> tuple[uuid.UUID, str]:
    data = seed.read_bytes()
    text = data.decode("utf-8").replace("\r\n", "\n")
    info = add_article(ws, NewArticle(text=text, original=data, title=seed.stem))
    return info.id, text


def _row(ws: Workspace, claim_id: uuid.UUID) -> dict[str, Any]:
    with ws.session() as session:
        claim = session.get_one(Claim, claim_id)
        return {c.key: getattr(claim, c.key) for c in Claim.__table__.columns}


def _entries(ws: Workspace, claim_id: uuid.UUID) -> list[HistoryEntry]:
    with ws.session() as session:
        query = select(HistoryEntry).where(HistoryEntry.entity_id == claim_id)
        return list(session.scalars(query.order_by(HistoryEntry.seq)))


def _span(text: str) -> tuple[int, int]:
    """A span of 25 characters inside the first long line of *text*."""
    offset = 0
    for line in text.split("\n"):
        if len(line) > 60:
            return offset + 10, offset + 35
        offset += len(line) + 1
    raise AssertionError("no long line in the seed")


def test_a_claim_without_fields_matches_one_made_through_the_session(
    store: Workspace, seed_paths: list[Path]
) -> None:
    aid, text = _article(store, seed_paths[0])
    start, end = _span(text)
    # No field: the plain INSERTs.  A field given (the default kind): a session's flush.
    plain = claims.create_claim(store, aid, start, end)
    flushed = claims.create_claim(store, aid, start, end, kind="figure")

    plain_row, flushed_row = _row(store, plain.id), _row(store, flushed.id)
    assert plain_row["quote"] == text[start:end] == plain.quote
    assert plain_row["status"] is Status.UNVERIFIED
    assert plain_row["created_by_id"] == store.analyst_id is not None
    assert plain_row["status_since"] == plain_row["created_at"] == plain.created_at
    assert {k: v for k, v in plain_row.items() if k not in OWN} == {
        k: v for k, v in flushed_row.items() if k not in OWN
    }
    # The info handed back is what a read finds.
    assert claims.get_claim(store, plain.id) == plain

    (entry,) = _entries(store, plain.id)
    (other,) = _entries(store, flushed.id)
    assert (entry.action, entry.entity_type, entry.claim_id) == ("create", "claim", plain.id)
    assert entry.analyst_id == store.analyst_id
    assert entry.seq is not None and other.seq == entry.seq + 1
    if store.shared:
        assert entry.txid is not None
    assert entry.changes["id"] == [None, str(plain.id)]
    assert entry.changes["tags"] == [None, []]
    mine = {k: v for k, v in entry.changes.items() if k != "id"}
    assert mine == {k: v for k, v in other.changes.items() if k != "id"}
    assert entry.id in own_entries(store)


def test_a_claim_without_fields_costs_three_statements(
    store: Workspace, seed_paths: list[Path]
) -> None:
    aid, text = _article(store, seed_paths[1])
    start, end = _span(text)
    claims.create_claim(store, aid, start, end)  # statements compiled once before
    seen: list[list[str]] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement.split()[:3])

    event.listen(store.engine, "before_cursor_execute", note)
    try:
        claims.create_claim(store, aid, start + 1, end + 1)
    finally:
        event.remove(store.engine, "before_cursor_execute", note)
    # The anchor's part of the text, the claim, its history entry.
    assert [words[0] for words in seen] == ["SELECT", "INSERT", "INSERT"]
    assert sorted(words[2] for words in seen[1:]) == ["claim", "history"]


def test_search_undo_and_other_windows_see_the_new_claim(
    store_url: str, store: Workspace, seed_paths: list[Path]
) -> None:
    aid, text = _article(store, seed_paths[2])
    start, end = _span(text)
    other = open_workspace(store_url)
    bind_analyst(other)
    try:
        mark = latest_change(other)
        info = claims.create_claim(store, aid, start, end)
        # Another window's poll reads it; this one counts the entry as its own.
        changes = changes_since(other, mark)
        assert changes.claim_ids == {info.id}
        assert changes_since(store, mark, skip_own=True).claim_ids == set()
        # The full-text index holds its quote at once.
        word = max(text[start:end].split(), key=len).strip(".,;:!?\"'()")
        found = {c.id for c in list_claims(other, ClaimFilter(text=word))}
        assert info.id in found
        # Undo deletes it by id; redo brings it back with the same id and fields.
        claims.delete_claim(store, info.id)
        assert info.id not in {c.id for c in list_claims(other, ClaimFilter(text=word))}
        back = claims.restore_claim(store, info)
        assert back.id == info.id and back.quote == info.quote and back.status is info.status
        assert info.id in {c.id for c in list_claims(other, ClaimFilter(text=word))}
        actions = [e.action for e in _entries(store, info.id)]
        assert actions == ["create", "delete", "create"]
    finally:
        other.close()
