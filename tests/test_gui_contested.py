"""Contested and superseded claims in the real views (offscreen): the review queue's
Keep verdict action, the badges of the inspector, queue and claims table, the
reader's faded superseded spans and the compare view; every step undone and redone."""

from __future__ import annotations

import pytest
from panels_support import add_seed_article, sentence_claims
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QAction
from review_support import act_as
from test_gui_review import _Shell

from db import analysts, claims, history
from db.anchors import Utf16Index
from db.articles import article_text
from db.models import Status
from desktop.claims_table import ClaimsTableView
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.inspector import ClaimInspector
from desktop.models.claims_model import COL_QUOTE, COL_STATUS
from desktop.models.review_queue_model import COL_STATUS as QUEUE_STATUS
from desktop.operations import links as link_ops
from desktop.palette import superseded_color
from desktop.reader.view import ReaderView
from desktop.review import CompareView, ReviewQueueView, install_review_ui


@pytest.fixture
def setup(ws, seed_paths, qtbot):  # type: ignore[no-untyped-def]
    article = add_seed_article(ws, seed_paths[1], "Alpha report")
    text = article_text(ws, article.id).text
    made = sentence_claims(ws, article, text, 3)
    # Decided while the workspace has one analyst; the team joins afterwards.
    claims.update_claim(ws, made[0].id, status="verified", rationale="Checked against the record.")
    analysts.add_analyst(ws, "Ana Lyst")
    analysts.add_analyst(ws, "Rita Review", role="reviewer")
    ctx = AppContext(ws, RecordingDialogs())
    return ctx, article, [c.id for c in made]


def _drain(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not QThreadPool.globalInstance().activeThreadCount(), timeout=5000)
    qtbot.wait(10)


def _table(ctx, qtbot) -> ClaimsTableView:  # type: ignore[no-untyped-def]
    table = ClaimsTableView(ctx)
    qtbot.addWidget(table)
    table.resize(1200, 500)
    table.show()
    qtbot.waitUntil(lambda: not table.model.busy, timeout=5000)
    return table


def _cell(table: ClaimsTableView, claim_id, col: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    row = table.model.row_of(str(claim_id))
    assert row is not None
    return table.model.data(table.model.index(row, col), role)


def _queue_status(queue: ReviewQueueView) -> dict[str, str]:
    model = queue.model
    return {
        model.claim_id_at(r) or "": model.data(model.index(r, QUEUE_STATUS))
        for r in range(model.rowCount())
    }


def test_contradiction_contests_keep_verdict_and_undo(setup, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx, _article, (decided, open_one, _other) = setup
    queue = ReviewQueueView(ctx)
    inspector = ClaimInspector(ctx)
    for widget in (queue, inspector):
        qtbot.addWidget(widget)
    table = _table(ctx, qtbot)
    inspector.show_claim(decided)
    assert inspector.badges() == [] and queue.model.rowCount() == 0

    assert link_ops.add_link(ctx, open_one, decided, "contradicts")
    _drain(qtbot)
    assert _queue_status(queue) == {str(decided): "Verified · contested", str(open_one): "Disputed"}
    assert inspector.badges() == ["contested"]
    assert _cell(table, decided, COL_STATUS) == "Verified · contested"
    assert "Contested" in _cell(table, decided, COL_STATUS, Qt.ItemDataRole.ToolTipRole)
    assert _cell(table, open_one, COL_STATUS) == "Disputed"

    ctx.undo_stack.undo()  # the link goes, and with it both marks
    _drain(qtbot)
    assert not claims.get_claim(ctx.ws, decided).contested
    assert claims.get_claim(ctx.ws, open_one).status is Status.UNVERIFIED
    assert queue.model.rowCount() == 0 and inspector.badges() == []
    assert _cell(table, decided, COL_STATUS) == "Verified"
    ctx.undo_stack.redo()
    _drain(qtbot)
    assert inspector.badges() == ["contested"]
    assert _cell(table, decided, COL_STATUS) == "Verified · contested"

    # A plain analyst cannot keep a verdict: refused in words, nothing changes.
    act_as(ctx.ws, "Ana Lyst")
    assert queue.select_claim(decided)
    assert queue.confirm_button.isEnabled()
    qtbot.mouseClick(queue.confirm_button, Qt.MouseButton.LeftButton)
    assert ctx.dialogs.errors and "reviewer" in ctx.dialogs.errors[-1][1]
    assert claims.get_claim(ctx.ws, decided).contested

    act_as(ctx.ws, "Rita Review")
    qtbot.mouseClick(queue.confirm_button, Qt.MouseButton.LeftButton)
    _drain(qtbot)
    kept = claims.get_claim(ctx.ws, decided)
    assert (kept.status, kept.contested) == (Status.VERIFIED, False)
    assert set(_queue_status(queue)) == {str(open_one)}
    assert inspector.badges() == []
    assert _cell(table, decided, COL_STATUS) == "Verified"
    entry = [e for e in history.claim_history(ctx.ws, decided) if e.entity_type == "claim"][-1]
    assert (entry.action, entry.analyst_name) == ("confirm", "Rita Review")
    # The disputed claim has no verdict to keep.
    assert queue.select_claim(open_one)
    assert not queue.confirm_button.isEnabled()

    ctx.claimSelected.emit(str(decided))  # selected elsewhere: the inspector follows
    assert inspector.claim_id == decided and inspector.badges() == []
    ctx.undo_stack.undo()  # contested again, back in the queue
    _drain(qtbot)
    assert claims.get_claim(ctx.ws, decided).contested
    assert _queue_status(queue)[str(decided)] == "Verified · contested"
    assert inspector.badges() == ["contested"]


def test_keep_verdict_menu_action_has_a_shortcut(setup, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx, _article, (decided, open_one, _other) = setup
    window = _Shell()
    qtbot.addWidget(window)
    ui = install_review_ui(window, ctx)
    act = window.findChild(QAction, "actionConfirmVerdict")
    assert act is not None and act.shortcut().toString() == "Ctrl+Shift+K"
    link_ops.add_link(ctx, open_one, decided, "contradicts")
    act_as(ctx.ws, "Rita Review")
    ui.queue.refresh()
    assert ui.queue.select_claim(decided)
    act.trigger()
    assert not claims.get_claim(ctx.ws, decided).contested


def test_superseded_claim_in_reader_table_inspector_and_compare(setup, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx, article, (older, newer, _other) = setup
    reader = ReaderView(ctx)
    inspector = ClaimInspector(ctx)
    compare = CompareView(ctx)
    for widget in (reader, inspector, compare):
        qtbot.addWidget(widget)
    table = _table(ctx, qtbot)
    reader.open_article(article.id)
    inspector.show_claim(older)
    assert reader.superseded_ids == frozenset()

    index = Utf16Index(article_text(ctx.ws, article.id).text)

    def struck(claim_id) -> bool:  # type: ignore[no-untyped-def]
        at = index.to_utf16(claims.get_claim(ctx.ws, claim_id).start)
        block = reader.document().findBlock(at)
        local = at - block.position()
        return any(
            r.start <= local < r.start + r.length and r.format.fontStrikeOut()
            for r in block.layout().formats()
        )

    assert not struck(older)
    assert link_ops.add_link(ctx, newer, older, "updates")
    _drain(qtbot)
    assert reader.superseded_ids == frozenset({str(older)})
    assert struck(older) and not struck(newer)
    # Painted, not written: the document's text is the article's own.
    assert reader.toPlainText() == article_text(ctx.ws, article.id).text
    assert not reader.document().isModified()
    assert inspector.badges() == ["superseded"]
    assert _cell(table, older, COL_STATUS) == "Verified · superseded"
    assert _cell(table, older, COL_QUOTE, Qt.ItemDataRole.ForegroundRole) == superseded_color()
    assert _cell(table, newer, COL_STATUS) == "Unverified"
    compare.show_claim(older)
    cards = {str(c.item.claim_id): c for c in compare.columns}
    assert "superseded" in cards[str(older)].header.text()
    assert "superseded" not in cards[str(newer)].header.text()
    assert cards[str(older)].sentence.toolTip().startswith("Superseded")

    # The status filter's "Hide superseded" leaves the older claim out.
    total = table.model.rowCount()
    table.filter_bar.hide_superseded_action.setChecked(True)
    qtbot.waitUntil(lambda: not table.model.busy, timeout=5000)
    assert table.model.rowCount() == total - 1 and table.model.row_of(str(older)) is None
    assert "not superseded" in table.filter_bar.status_button.text()
    table.filter_bar.hide_superseded_action.setChecked(False)
    qtbot.waitUntil(lambda: not table.model.busy and table.model.rowCount() == total, timeout=5000)

    ctx.undo_stack.undo()
    _drain(qtbot)
    assert reader.superseded_ids == frozenset() and not struck(older)
    assert inspector.badges() == []
    assert _cell(table, older, COL_STATUS) == "Verified"
