"""Selection and focus in step: a claim chosen anywhere selects its article in the article
list and its row alone in the claims table, and shows the inspector from its top; File →
Delete Article deletes the article selected in the list, named in the confirmation."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_shell_support import action, make_window, select_codepoints
from panels_support import add_seed_article, sentence_claims
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication

from db.articles import article_text, list_articles
from db.claims import claims_of_article
from db.word_snap import snap_to_words
from desktop.dialogs import RecordingDialogs


class AskedDialogs(RecordingDialogs):
    """Records the confirmation questions too."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []

    def confirm(self, title: str, message: str) -> bool:
        self.asked.append((title, message))
        return self.confirm_answer


@pytest.fixture
def desk(ws, tmp_path, qtbot, seed_paths: list[Path]):  # type: ignore[no-untyped-def]
    alpha = add_seed_article(ws, seed_paths[1], "Alpha report")
    beta = add_seed_article(ws, seed_paths[2], "Beta report")
    a = sentence_claims(ws, alpha, article_text(ws, alpha.id).text, 3)
    b = sentence_claims(ws, beta, article_text(ws, beta.id).text, 3)
    window = make_window(ws, tmp_path, qtbot)
    window.ctx.dialogs = AskedDialogs()
    window.resize(1100, 640)
    window.show()
    qtbot.waitExposed(window)
    _settle(qtbot)
    assert window.article_panel.select(alpha.id)  # the analyst opens Alpha from the list
    assert window.reader.article_id == alpha.id
    return window, alpha, beta, a, b


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        qtbot.wait(30)
        QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(30)


def _in_step(qtbot, window, article, claim) -> None:  # type: ignore[no-untyped-def]
    """Everything shows *claim* of *article*, and only it."""
    qtbot.waitUntil(
        lambda: window.claims_table.selected_claim_ids() == [str(claim.id)], timeout=5000
    )
    assert window.reader.article_id == article.id
    assert window.article_panel.selected_id() == str(article.id)
    assert window.article_panel.current_id() == str(article.id)
    assert len(window.article_panel.view.selectionModel().selectedRows()) == 1
    assert window.inspector.info is not None and window.inspector.info.id == claim.id
    assert window.inspector.scroll.verticalScrollBar().value() == 0


def _scroll_inspector_down(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    bar = window.inspector.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)  # the claim is taller than it
    bar.setValue(bar.maximum())
    assert bar.value() > 0


def test_a_claim_opened_from_elsewhere_brings_its_article_row_and_inspector_top(
    desk, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window, alpha, beta, a, b = desk
    ctx = window.ctx
    ctx.claimSelected.emit(str(a[0].id))  # a claim of the open article
    _in_step(qtbot, window, alpha, a[0])
    _scroll_inspector_down(qtbot, window)

    # As the search results, the conflicts list and the compare cards ask for it.
    ctx.openClaimRequested.emit(str(b[1].id))
    _in_step(qtbot, window, beta, b[1])

    # A click on a row of the claims table.
    _scroll_inspector_down(qtbot, window)
    table = window.claims_table.table
    row = window.claims_table.model.row_of(str(a[2].id))
    assert row is not None
    rect = table.visualRect(window.claims_table.model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _in_step(qtbot, window, alpha, a[2])

    # Shift+F8 steps back to the claim before it in the reader, F8 on again.
    for key, modifiers, claim in (
        (Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier, a[1]),
        (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier, a[2]),
    ):
        _scroll_inspector_down(qtbot, window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        window.reader.setFocus()
        qtbot.keyClick(window.reader, key, modifiers)
        _in_step(qtbot, window, alpha, claim)


def test_successive_ctrl_e_leave_only_the_newest_row_selected(ws, desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, alpha, _beta, a, _b = desk
    text = article_text(ws, alpha.id).text
    made = []
    pos = a[-1].end + 5
    for _ in range(3):
        span = snap_to_words(text, pos, pos + 10)
        select_codepoints(window.reader, text, *span)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        window.reader.setFocus()
        qtbot.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        new = [c for c in claims_of_article(ws, alpha.id) if (c.start, c.end) == span]
        assert len(new) == 1
        made.append(new[0])
        _in_step(qtbot, window, alpha, new[0])
        pos = span[1] + 3
    assert window.claims_table.selected_claim_ids() == [str(made[-1].id)]


def test_delete_article_acts_on_the_article_selected_in_the_list(ws, desk, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _alpha, beta, _a, b = desk
    dialogs = window.ctx.dialogs
    window.ctx.openClaimRequested.emit(str(b[0].id))
    _in_step(qtbot, window, beta, b[0])
    action(window, "actionDeleteArticle").trigger()
    assert dialogs.asked and "Beta report" in dialogs.asked[-1][1]
    assert [x.title for x in list_articles(ws)] == ["Alpha report"]


def test_delete_article_with_the_open_article_filtered_out_asks_for_a_choice(
    ws, desk, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window, _alpha, beta, _a, b = desk
    dialogs = window.ctx.dialogs
    qtbot.keyClicks(window.article_panel.filter, "Alpha")
    window.ctx.openClaimRequested.emit(str(b[0].id))  # Beta opens, but the list hides it
    qtbot.waitUntil(lambda: window.reader.article_id == beta.id, timeout=5000)
    assert window.article_panel.selected_id() is None  # Alpha does not look chosen
    action(window, "actionDeleteArticle").trigger()
    assert dialogs.asked == []
    assert dialogs.errors and "article list" in dialogs.errors[-1][1]
    assert sorted(x.title for x in list_articles(ws)) == ["Alpha report", "Beta report"]


def test_choosing_from_the_review_queue_and_the_search_box_keeps_all_in_step(  # type: ignore[no-untyped-def]
    ws, desk, qtbot
) -> None:
    from db.claims import update_claim

    window, alpha, beta, _a, b = desk
    update_claim(ws, b[2].id, status="in_review")
    queue = window.review_ui.queue
    window.review_ui.docks["Review queue"].show()
    window.review_ui.docks["Review queue"].raise_()
    queue.refresh()
    qtbot.waitUntil(lambda: queue.model.row_of(str(b[2].id)) is not None, timeout=5000)
    _scroll_inspector_down(qtbot, window)
    row = queue.model.row_of(str(b[2].id))
    rect = queue.table.visualRect(queue.model.index(row, 1))
    qtbot.mouseClick(queue.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _in_step(qtbot, window, beta, b[2])

    # Search everywhere for words of a claim of Alpha, then choose the claim's hit.
    target = claims_of_article(ws, alpha.id)[1]
    words = " ".join(target.quote.split()[:4])
    dialog = window.search_ui.dialog
    dialog.open_with(words)
    dialog.run()
    model = dialog.model
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    rows += [
        model.index(c, 0, parent) for parent in list(rows) for c in range(model.rowCount(parent))
    ]
    found = [i for i in rows if (h := model.hit_at(i)) is not None and h.claim_id == target.id]
    assert found, words
    _scroll_inspector_down(qtbot, window)
    dialog.view.setCurrentIndex(found[0])
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)  # the analyst opens the hit
    _in_step(qtbot, window, alpha, target)
    dialog.close()
