"""The search box and the reader's find bar, driven offscreen with real widgets."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget

from db.claims import create_claim, update_claim
from db.search import search
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.main_window.reader_pane import ReaderPane
from desktop.search import FindBar, SearchDialog, SearchResultsModel, open_hit
from desktop.search.find_bar import FIND_MARK, ArticleText
from desktop.search.model import ClaimIdRole, MarksRole, NodeKindRole
from tests.gui_shell_support import MULTILINGUAL, add_text_article

SECOND = "Second report: the minister repeated it. Министр again, and again министр.\n"


class Host(QWidget):
    """The parts of a main window search needs: a reader pane and open_article."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.reader_pane = ReaderPane(ctx, self)
        self.reader = self.reader_pane.reader
        self.opened: list[str] = []

    def open_article(self, article_id) -> bool:  # type: ignore[no-untyped-def]
        self.opened.append(str(article_id))
        self.reader.open_article(article_id)
        return True


@pytest.fixture
def ctx(ws):  # type: ignore[no-untyped-def]
    return AppContext(ws, RecordingDialogs())


@pytest.fixture
def host(ctx, qtbot):  # type: ignore[no-untyped-def]
    widget = Host(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def _selected_codepoints(reader, text: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    from db.anchors import Utf16Index

    index = Utf16Index(text)
    cursor = reader.textCursor()
    return index.to_codepoint(cursor.selectionStart()), index.to_codepoint(cursor.selectionEnd())


def test_model_groups_hits_by_article_and_claim(ws, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    first = add_text_article(ws, MULTILINGUAL, title="Multilingual")
    second = add_text_article(ws, SECOND, title="Second")
    start = MULTILINGUAL.index("Министр")
    claim = create_claim(ws, first.id, start, start + 7)
    update_claim(ws, claim.id, notes="министр named twice")
    model = SearchResultsModel()
    model.set_result(search(ws, "министр"))
    qtmodeltester.check(model)
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(titles) == 2
    assert any(t.startswith("Multilingual") for t in titles)
    assert any(t.startswith("Second") for t in titles)
    for row in range(model.rowCount()):
        article = model.index(row, 0)
        kinds = [
            model.index(i, 0, article).data(NodeKindRole) for i in range(model.rowCount(article))
        ]
        if article.data().startswith("Multilingual"):
            assert sorted(kinds) == ["claim", "hit"]  # the claim's group and the text hit
            claim_row = model.index(kinds.index("claim"), 0, article)
            assert claim_row.data(ClaimIdRole) == str(claim.id)
            fields = sorted(
                model.index(i, 0, claim_row).data().split(":")[0]
                for i in range(model.rowCount(claim_row))
            )
            assert fields == ["Quote"]  # one hit per claim: its first matching field
        else:
            assert kinds == ["hit"]
            hit = model.index(0, 0, article)
            text, marks = hit.data(), hit.data(MarksRole)
            assert text.startswith("Text: ")
            assert [text[s:e] for s, e in marks] == ["Министр", "министр"]
    model.set_result(None)
    assert model.rowCount() == 0
    assert model.parent(QModelIndex()) == QModelIndex()
    assert second.id


def test_search_dialog_opens_the_article_at_the_hit(ctx, host, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws = ctx.ws
    add_text_article(ws, SECOND, title="Second")
    target = add_text_article(ws, MULTILINGUAL, title="Multilingual")
    dialog = SearchDialog(ctx, host)
    texts = ArticleText(ctx)
    dialog.hitChosen.connect(lambda hit: open_hit(ctx, host, hit, texts))
    dialog.open_with()
    dialog.edit.insert("ШКОЛАХ")  # Cyrillic in capitals (QtTest types ASCII only)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert "1 hit" in dialog.status.text()
    article = dialog.model.index(0, 0)
    assert article.data().startswith("Multilingual")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Down)  # into the results
    dialog.view.setCurrentIndex(dialog.model.index(0, 0, article))
    with qtbot.waitSignal(dialog.hitChosen):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert host.reader.article_id == target.id
    start = MULTILINGUAL.index("школах")
    assert _selected_codepoints(host.reader, MULTILINGUAL) == (start, start + 6)
    assert host.reader.textCursor().selectedText() == "школах"


def test_search_dialog_opens_a_claim_hit_and_selects_the_claim(ctx, host, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws = ctx.ws
    target = add_text_article(ws, MULTILINGUAL, title="Multilingual")
    add_text_article(ws, SECOND, title="Second")
    start = MULTILINGUAL.index("42 people")
    claim = create_claim(ws, target.id, start, start + 9)
    update_claim(ws, claim.id, statement="Crowd size at the square")
    selected: list[str] = []
    ctx.claimSelected.connect(selected.append)
    ctx.openClaimRequested.connect(selected.append)
    dialog = SearchDialog(ctx, host)
    texts = ArticleText(ctx)
    dialog.hitChosen.connect(lambda hit: open_hit(ctx, host, hit, texts))
    dialog.open_with("crowd size")
    dialog.run()
    claim_row = dialog.model.index(0, 0, dialog.model.index(0, 0))
    assert claim_row.data(NodeKindRole) == "claim"
    hit = dialog.choose(dialog.model.index(0, 0, claim_row))
    assert hit is not None and hit.field == "statement"
    assert host.reader.article_id == target.id
    assert str(claim.id) in selected
    assert host.reader.selected_claim_id == str(claim.id)


def test_search_dialog_explains_a_bad_query_and_follows_changes(ctx, host, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SearchDialog(ctx, host)
    dialog.open_with("%")
    dialog.run()
    assert "no letters or digits" in dialog.status.text()
    assert dialog.model.rowCount() == 0
    dialog.edit.setText("x" * 5000)
    dialog.run()
    assert "too long" in dialog.status.text()
    dialog.edit.setText("школах")
    dialog.run()
    assert dialog.model.rowCount() == 0
    from db.changes import EVERYTHING

    add_text_article(ctx.ws, MULTILINGUAL, title="Later")
    ctx.publish(EVERYTHING)  # a write elsewhere: the open search runs again
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)


def test_find_bar_marks_every_hit_and_steps_through_them(ctx, host, qtbot) -> None:  # type: ignore[no-untyped-def]
    article = add_text_article(ctx.ws, SECOND, title="Second")
    host.reader.open_article(article.id)
    bar = FindBar(ctx, host.reader, host.reader_pane)
    host.reader_pane.layout().addWidget(bar)
    document_before = host.reader.document().toPlainText()
    bar.open_bar()
    assert bar.isVisible() and bar.edit.hasFocus()
    bar.edit.insert("МИНИСТР")
    assert bar.count.text() == "1 of 2"
    assert len(bar.marks()) == 2
    first = SECOND.index("Министр")
    second = SECOND.index("министр")
    assert _selected_codepoints(host.reader, SECOND) == (first, first + 7)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 2"
    assert _selected_codepoints(host.reader, SECOND) == (second, second + 7)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # wraps around
    assert bar.count.text() == "1 of 2"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "2 of 2"
    # The marks are extra selections over the text, never edits of it.
    assert host.reader.document().toPlainText() == document_before
    assert not host.reader.document().isModified()
    # A claim selected in the reader keeps its own mark beside the find marks.
    claim = create_claim(ctx.ws, article.id, first, first + 7)
    ctx.claims_changed([claim.id])
    ctx.claimSelected.emit(str(claim.id))
    selections = host.reader.extraSelections()
    assert len([s for s in selections if s.format.hasProperty(FIND_MARK)]) == 2
    assert len([s for s in selections if not s.format.hasProperty(FIND_MARK)]) == 1
    bar.edit.setText("100%")
    assert bar.count.text() == "No matches" and bar.marks() == []
    bar.edit.setText("again")
    assert bar.count.text().endswith("of 2")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and bar.marks() == []


def test_find_bar_offsets_survive_emoji(ctx, host, qtbot) -> None:  # type: ignore[no-untyped-def]
    article = add_text_article(ctx.ws, MULTILINGUAL, title="Multilingual")
    host.reader.open_article(article.id)
    bar = FindBar(ctx, host.reader, host.reader_pane)
    bar.open_bar()
    bar.edit.setText("closing REMARK")
    assert bar.count.text() == "1 of 1"
    start = MULTILINGUAL.index("Closing remark")
    assert _selected_codepoints(host.reader, MULTILINGUAL) == (start, start + 14)
    assert host.reader.textCursor().selectedText() == "Closing remark"
    assert uuid.UUID(str(article.id))


# ---------------------------------------------------------------- in the main window


def test_main_window_keys_open_search_and_find(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.gui_shell_support import make_window

    target = add_text_article(ws, MULTILINGUAL, title="Multilingual")
    add_text_article(ws, SECOND, title="Second")
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.reader.setFocus()
    ui = window.search_ui
    # Ctrl+Shift+F: the search box; choosing a hit opens its article with the words selected.
    qtbot.keyClick(
        window.reader,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert ui.dialog.isVisible()
    ui.dialog.edit.setText("final figure")
    ui.dialog.run()
    hit = ui.dialog.choose(ui.dialog.model.index(0, 0, ui.dialog.model.index(0, 0)))
    assert hit is not None and hit.article_id == target.id
    assert window.reader.article_id == target.id
    assert window.reader.textCursor().selectedText() == "final figure"
    # Ctrl+F: the find bar under the reader, taking the selected words.
    qtbot.waitUntil(window.isActiveWindow)  # back from the search box
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert ui.find_bar.isVisible()
    assert ui.find_bar.edit.text() == "final figure"
    assert ui.find_bar.count.text() == "1 of 1"
    # F1 lists each key once, the new ones among them.
    rows = window.shortcut_rows()
    keys = [k for _m, _n, joined in rows for k in joined.split(", ")]
    assert len(keys) == len(set(keys)), sorted(keys)
    named = {name: joined for _m, name, joined in rows}
    assert "Ctrl+Shift+F" in named["Search Everywhere…"]
    assert "Ctrl+F" in named["Find in Article…"].split(", ")
    assert "Ctrl+Shift+L" in named["Filter Claims…"]


def test_search_dialog_says_the_index_is_still_being_built(ctx, host, qtbot) -> None:  # type: ignore[no-untyped-def]
    from db.articles import NewArticle, add_articles
    from db.search import index_some

    raw = b"Queued note\n\nA narwhal surfaced near the pier.\n"
    new = NewArticle(text=raw.decode(), original=raw, filename="q.txt", title="Queued note")
    add_articles(ctx.ws, [new], index_later=True)
    dialog = SearchDialog(ctx, host)
    dialog.open_with()
    dialog.edit.setText("narwhal")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert "still being built (1 new article to go)" in dialog.status.text()
    assert index_some(ctx.ws) == 1
    dialog.edit.setText("narwhal pier")
    qtbot.waitUntil(lambda: "still being built" not in dialog.status.text())
    assert dialog.model.rowCount() == 1 and "1 hit" in dialog.status.text()
