"""Local writes and other people's edits reach the views by one path: ctx.changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.changes import Changes, Entity, Op
from db.claims import create_claim, update_claim
from db.workspace import open_workspace
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.shared.poller import ChangePoller


@pytest.fixture
def two_views(tmp_path: Path, seed_paths: list[Path]):
    """One window's context and a second Workspace object on the same SQLite file."""
    path = tmp_path / "desk.sqlite"
    mine = open_workspace(path)
    bind_analyst(mine)
    other = open_workspace(path)
    bind_analyst(other)
    data = seed_paths[0].read_bytes()
    article = add_article(mine, NewArticle(text=data.decode("utf-8"), original=data))
    ctx = AppContext(mine, RecordingDialogs())
    yield ctx, other, article
    other.close()
    ctx.ws.close()


def test_remote_edit_reaches_ctx_changed_naming_the_claim(qtbot, two_views) -> None:
    ctx, other, article = two_views
    claim = create_claim(ctx.ws, article.id, 0, 12)
    published: list[Changes] = []
    ctx.changed.connect(published.append)
    legacy: list[list[str]] = []
    ctx.claimsChanged.connect(legacy.append)
    poller = ChangePoller(ctx, interval_ms=200)
    with qtbot.waitSignal(poller.ready, timeout=3000):
        poller.start()
    update_claim(other, claim.id, notes="edited at the other desk")
    qtbot.waitUntil(lambda: bool(published), timeout=3000)
    poller.stop()
    qtbot.waitUntil(lambda: poller.idle, timeout=3000)

    record = published[0]
    assert record.remote and not record.everything
    [change] = record.of(Entity.CLAIM)
    assert (change.id, change.op, change.parent) == (str(claim.id), Op.UPDATED, str(article.id))
    assert change.fields == {"notes"}
    assert legacy == [[str(claim.id)]]  # views not yet reading `changed` still hear of it


def test_own_edits_are_not_published_twice(qtbot, two_views) -> None:
    ctx, other, article = two_views
    published: list[Changes] = []
    ctx.changed.connect(published.append)
    poller = ChangePoller(ctx, interval_ms=200)
    with qtbot.waitSignal(poller.ready, timeout=3000):
        poller.start()
    create_claim(ctx.ws, article.id, 0, 12)  # through this window's own Workspace
    theirs = create_claim(other, article.id, 20, 30)
    qtbot.waitUntil(lambda: bool(published), timeout=3000)
    poller.stop()
    qtbot.waitUntil(lambda: poller.idle, timeout=3000)
    assert [r.ids(Entity.CLAIM) for r in published] == [{str(theirs.id)}]
    assert all(r.remote for r in published)
