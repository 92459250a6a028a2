"""The article list: one query fills it, it sorts and filters itself, and a change
record re-reads only the articles it names."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event, insert

from db.changes import Change, Changes, Entity, Op
from db.claims import create_claim
from db.models import Article
from desktop.articles import ArticleListPanel
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs

COUNT = 1500


@pytest.fixture
def many(ws):  # type: ignore[no-untyped-def]
    """COUNT articles written directly (a fixture, not the path under test)."""
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    rows = [
        {
            "id": uuid.uuid4(),
            "title": f"Article {n:04d}",
            "outlet": "Daily" if n % 2 else "Weekly",
            "text": f"Text {n} of the article.",
            "original": b"x",
            "sha256": uuid.uuid4().hex * 2,
            "published_at": start + dt.timedelta(hours=n),
            "version": 1,
        }
        for n in range(COUNT)
    ]
    with ws.engine.begin() as conn:
        conn.execute(insert(Article), rows)
    return rows


def _statements(ws):  # type: ignore[no-untyped-def]
    seen: list[str] = []
    event.listen(ws.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


def test_one_query_fills_the_list_newest_first(ws, many, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen = _statements(ws)
    panel = ArticleListPanel(AppContext(ws, RecordingDialogs()))
    qtbot.addWidget(panel)
    assert len(seen) == 1
    assert panel.model.rowCount() == COUNT
    assert panel.titles()[:2] == [f"Article {COUNT - 1:04d}", f"Article {COUNT - 2:04d}"]
    panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert panel.titles()[:2] == ["Article 0000", "Article 0001"]
    panel.filter.setText("article 012")
    assert panel.titles() == [f"Article 012{n}" for n in range(10)]
    panel.filter.setText("weekly")
    assert panel.model.rowCount() == COUNT // 2
    assert len(seen) == 1  # sorting and filtering read nothing


def test_a_record_recounts_one_article_and_adds_or_drops_named_ones(ws, many, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(ws, RecordingDialogs())
    panel = ArticleListPanel(ctx)
    qtbot.addWidget(panel)
    target = str(many[7]["id"])
    assert panel.select(target)
    create_claim(ws, target, 0, 4)
    seen = _statements(ws)
    ctx.publish(Changes((Change(Entity.ARTICLE, target, Op.UPDATED, frozenset({"claims"})),)))
    assert len(seen) == 1 and "count" in seen[0].lower()
    assert panel.model.info(target).claim_count == 1
    assert panel.current_id() == target

    gone = str(many[8]["id"])
    ctx.publish(Changes((Change(Entity.ARTICLE, gone, Op.DELETED),)))
    assert len(seen) == 1  # a deletion needs no read
    assert panel.model.rowCount() == COUNT - 1
    assert panel.model.row_of(gone) == -1
    assert panel.current_id() == target
