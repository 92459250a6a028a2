"""The change feed reports others' edits once, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from db import timeutil
from db.analysts import bind_analyst
from db.articles import NewArticle, add_article, update_article
from db.changefeed import ChangeMark, changes_since, latest_change
from db.claims import create_claim, update_claim
from db.links import add_link
from db.models import HistoryEntry, Source
from db.sources import create_source
from db.workspace import (
    Workspace,
    alembic_config,
    make_engine,
    migrate,
    open_workspace,
    to_url,
    upgrade,
)


@pytest.fixture
def pair(store: Workspace, store_again: Workspace) -> tuple[Workspace, Workspace]:
    return store, store_again


def _article(ws: Workspace, seed: Path):
    data = seed.read_bytes()
    return add_article(ws, NewArticle(text=data.decode("utf-8"), original=data, title=seed.name))


def test_empty_workspace_has_empty_mark(pair) -> None:
    first, _ = pair
    mark = latest_change(first)
    assert mark == ChangeMark()
    assert changes_since(first, mark).empty


def test_changes_by_another_workspace_are_reported_once(pair, seed_paths) -> None:
    first, second = pair
    article = _article(second, seed_paths[0])
    mark = latest_change(first)
    assert not mark.empty

    claim_a = create_claim(second, article.id, 0, 10)
    claim_b = create_claim(second, article.id, 20, 30)
    source = create_source(second, "Interior ministry")
    add_link(second, claim_a.id, claim_b.id, "supports")
    update_article(second, article.id, title="Renamed")

    changes = changes_since(first, mark)
    assert changes.claim_ids >= {claim_a.id, claim_b.id}
    assert changes.article_ids == {article.id}
    assert changes.source_ids == {source.id}
    assert changes.links_changed
    assert changes.link_claim_ids == {claim_a.id, claim_b.id}
    assert changes.entries == 5

    again = changes_since(first, changes.mark)
    assert again.empty and not again.claim_ids and not again.links_changed

    update_claim(second, claim_b.id, notes="later")
    third = changes_since(first, again.mark)
    assert third.claim_ids == {claim_b.id}
    assert not third.article_ids and not third.links_changed


def test_entry_stamped_long_before_the_mark_is_not_missed(pair, seed_paths) -> None:
    first, second = pair
    article = _article(second, seed_paths[1])
    mark = latest_change(first)
    assert not mark.empty
    late_claim = uuid.uuid4()
    # An entry whose writer's clock says it happened an hour before the mark.
    with second.session() as session:
        session.add(
            HistoryEntry(
                at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1),
                entity_type="claim",
                entity_id=late_claim,
                claim_id=late_claim,
                action="update",
                changes={"notes": ["", "x"]},
            )
        )
    changes = changes_since(first, mark)
    assert changes.claim_ids == {late_claim}
    assert article.id not in changes.article_ids
    assert changes_since(first, changes.mark).empty


def test_writer_with_a_slow_clock_is_seen_at_the_next_poll(
    pair, seed_paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = pair
    article = _article(first, seed_paths[0])
    mark = changes_since(first, latest_change(first)).mark
    skewed = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)
    monkeypatch.setattr(timeutil, "utcnow", lambda: skewed)
    claim = create_claim(second, article.id, 0, 10)
    monkeypatch.undo()
    with first.session() as session:
        assert session.get(HistoryEntry, _entries_of(first, claim.id)[0]).at == skewed
    changes = changes_since(first, mark)
    assert changes.claim_ids == {claim.id}
    assert changes.entries == 1
    # The reader's own later edit (with a correct clock) does not hide anything either.
    update_article(first, article.id, title="Renamed")
    monkeypatch.setattr(timeutil, "utcnow", lambda: skewed)
    update_claim(second, claim.id, notes="still ten minutes behind")
    monkeypatch.undo()
    after = changes_since(first, changes.mark)
    assert after.claim_ids == {claim.id}
    assert after.article_ids == {article.id}
    assert after.entries == 2
    assert changes_since(first, after.mark).empty


def _entries_of(ws: Workspace, entity_id: uuid.UUID) -> list[uuid.UUID]:
    with ws.session() as session:
        return list(
            session.scalars(select(HistoryEntry.id).where(HistoryEntry.entity_id == entity_id))
        )


def test_transaction_committing_after_the_mark_is_seen_once(pair, seed_paths) -> None:
    first, second = pair
    article = _article(first, seed_paths[2])
    with second.session() as session:
        # The writer's transaction has written its entry but not committed yet...
        session.add(Source(name="Slow agency"))
        session.flush()
        mark = latest_change(first)
        assert not changes_since(first, mark).source_ids
        mark = changes_since(first, mark).mark
    # ...and commits after the reader's mark was taken.
    changes = changes_since(first, mark)
    assert len(changes.source_ids) == 1
    assert changes.entries == 1
    assert article.id not in changes.article_ids
    assert changes_since(first, changes.mark).empty


@pytest.mark.postgres
def test_lower_transaction_committing_after_a_higher_one_is_seen(pg_url: str) -> None:
    """A transaction that began first but commits last is still reported, once."""
    migrate(pg_url)
    reader, slow, quick = open_workspace(pg_url), open_workspace(pg_url), open_workspace(pg_url)
    try:
        for ws in (reader, slow, quick):
            bind_analyst(ws)  # in a shared workspace the login acts as its analyst
        mark = latest_change(reader)
        with slow.session() as slow_session:
            slow_session.add(Source(name="Began first"))
            slow_session.flush()  # takes the lower transaction id and holds it
            fast = create_source(quick, "Committed first")
            seen = changes_since(reader, mark)
            assert seen.source_ids == {fast.id}
            assert changes_since(reader, seen.mark).empty
        later = changes_since(reader, seen.mark)
        assert len(later.source_ids) == 1 and fast.id not in later.source_ids
        assert later.entries == 1
        assert changes_since(reader, later.mark).empty
        everything = changes_since(reader, ChangeMark())
        assert everything.entries == 2
    finally:
        for ws in (reader, slow, quick):
            ws.close()


def test_migration_numbers_existing_entries_by_time(tmp_path: Path) -> None:
    """Entries written before positions existed get them in the order they were stamped."""
    url = to_url(tmp_path / "old.sqlite")
    engine = make_engine(url)
    try:
        command.upgrade(alembic_config(engine), "0002")
        base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        ids = [uuid.uuid4() for _ in range(3)]
        with engine.begin() as conn:
            for minutes, entry_id in zip((5, 1, 3), ids, strict=True):
                conn.execute(
                    text(
                        "INSERT INTO history (id, at, entity_type, entity_id, action, changes) "
                        "VALUES (:id, :at, 'source', :id, 'create', '{}')"
                    ),
                    {"id": entry_id.hex, "at": base + dt.timedelta(minutes=minutes)},
                )
        upgrade(engine)
    finally:
        engine.dispose()
    ws = open_workspace(url)
    try:
        with ws.session() as session:
            order = session.scalars(select(HistoryEntry.id).order_by(HistoryEntry.seq)).all()
        assert order == [ids[1], ids[2], ids[0]]
        mark = latest_change(ws)
        bind_analyst(ws)
        source = create_source(ws, "After the upgrade")
        changes = changes_since(ws, mark)
        assert changes.source_ids == {source.id}
        assert changes_since(ws, ChangeMark()).entries >= 4
    finally:
        ws.close()


def test_skip_own_leaves_out_this_workspaces_edits(pair, seed_paths) -> None:
    first, second = pair
    article = _article(first, seed_paths[2])
    mark = latest_change(first)
    mine = create_claim(first, article.id, 0, 10)
    theirs = create_claim(second, article.id, 20, 30)
    changes = changes_since(first, mark, skip_own=True)
    assert changes.claim_ids == {theirs.id}
    assert changes.entries == 1
    everything = changes_since(first, mark)
    assert everything.claim_ids == {mine.id, theirs.id}
    assert changes_since(first, changes.mark).empty
    assert changes_since(first, everything.mark).empty


def test_record_names_every_entity_by_id_with_its_parent(pair, seed_paths) -> None:
    from db.changes import Entity, Op
    from db.comments import add_comment
    from db.review import give_verdict

    first, second = pair
    article = _article(second, seed_paths[3])
    claim_a = create_claim(second, article.id, 0, 10)
    claim_b = create_claim(second, article.id, 20, 30)
    mark = latest_change(first)
    update_claim(second, claim_a.id, notes="checked", status="in_review")
    link = add_link(second, claim_a.id, claim_b.id, "supports")
    comment = add_comment(second, claim_b.id, "Which year?")
    verdict = give_verdict(second, claim_a.id, "unverifiable", "No record either way.")
    new = create_claim(second, article.id, 40, 50)

    record = changes_since(first, mark).record
    assert record.remote and not record.everything
    edits = [c for c in record.of(Entity.CLAIM, Op.UPDATED) if c.id == str(claim_a.id)]
    assert edits[0].fields == {"notes", "status"}
    assert {c.parent for c in edits} == {str(article.id)}
    assert record.ids(Entity.CLAIM, Op.CREATED) == {str(new.id)}
    assert record.ids(Entity.ARTICLE) == {str(article.id)}
    assert record.fields_of(Entity.ARTICLE, str(article.id)) == {"claims"}
    assert {c.parent for c in record.of(Entity.LINK)} == {str(claim_a.id), str(claim_b.id)}
    assert record.ids(Entity.LINK, Op.CREATED) == {str(link.id)}
    assert [(c.id, c.parent) for c in record.of(Entity.COMMENT)] == [
        (str(comment.id), str(claim_b.id))
    ]
    assert [(c.id, c.parent) for c in record.of(Entity.VERDICT)] == [
        (str(verdict.id), str(claim_a.id))
    ]
    assert changes_since(first, changes_since(first, mark).mark).record.empty
