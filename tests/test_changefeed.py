"""The change feed reports others' edits once, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article, update_article
from db.changefeed import ChangeMark, changes_since, latest_change
from db.claims import create_claim, update_claim
from db.links import add_link
from db.models import HistoryEntry
from db.sources import create_source
from db.workspace import Workspace, migrate, open_workspace


@pytest.fixture(params=["sqlite", "postgresql"])
def pair(request: pytest.FixtureRequest, tmp_path: Path):
    if request.param == "sqlite":
        url = str(tmp_path / "feed.sqlite")
    else:
        url = request.getfixturevalue("pg_url")
        migrate(url)
    first = open_workspace(url)
    bind_analyst(first)
    second = open_workspace(url)
    bind_analyst(second)
    yield first, second
    first.close()
    second.close()


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
    assert mark.at is not None

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


def test_late_committed_entry_is_not_missed(pair, seed_paths) -> None:
    first, second = pair
    article = _article(second, seed_paths[1])
    mark = latest_change(first)
    assert mark.at is not None
    late_claim = uuid.uuid4()
    # An entry stamped before the mark but committed after it (a slow transaction).
    with second.session() as session:
        session.add(
            HistoryEntry(
                at=mark.at - dt.timedelta(seconds=2),
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
    assert changes.mark == everything.mark
