"""Suggested claims in the real window on a seed article: listed, underlined, keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QMenu

from db.analysts import bind_analyst
from db.claims import claims_of_article
from db.importing import import_file
from db.workspace import open_workspace
from tests.gui_shell_support import action, make_window


def _open_seed(ws, seed_paths, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    article = import_file(ws, seed_paths[0])
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    view = window.suggestions_view
    window.open_article(article.id)
    qtbot.waitUntil(lambda: not view.pending and view.model.rowCount() > 0, timeout=20000)
    return article, window, view


def _underlined(window, start: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether the reader paints a dotted underline at code point *start*."""
    reader = window.reader
    position = reader._index.to_utf16(start)
    block = reader.document().findBlock(position)
    local = position - block.position()
    for r in block.layout().formats():
        if r.start <= local < r.start + r.length:
            style = r.format.underlineStyle()
            if style == QTextCharFormat.UnderlineStyle.DotLine:
                return True
    return False


def test_open_lists_and_underlines_suggestions(ws, seed_paths, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    _article, window, view = _open_seed(ws, seed_paths, tmp_path, qtbot)
    rows = view.model.rows
    assert len(rows) > 0
    assert str(len(rows)) in view.summary.text()
    assert window.docks["Suggestions"].windowTitle() == f"Suggestions ({len(rows)})"
    text = window.reader.toPlainText()
    for s in rows:  # each row's quote is the text it underlines
        assert window.reader._text[s.start : s.end] == s.quote
    assert _underlined(window, rows[0].start)
    assert text == window.reader._text.replace("\r", "")  # the document text is untouched
    assert not window.reader.document().isModified()
    assert view.model.data(view.model.index(0, 1)) == rows[0].quote.replace("\n", " ")


def test_next_previous_accept_undo(ws, seed_paths, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article, window, view = _open_seed(ws, seed_paths, tmp_path, qtbot)
    reader = window.reader
    reader.setFocus()
    rows = list(view.model.rows)
    qtbot.keyClick(reader, Qt.Key.Key_F9)
    assert reader.cursor_span() == (rows[0].start, rows[0].end)
    assert view.current() == rows[0]
    qtbot.keyClick(reader, Qt.Key.Key_F9)
    assert reader.cursor_span() == (rows[1].start, rows[1].end)
    qtbot.keyClick(reader, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    assert reader.cursor_span() == (rows[0].start, rows[0].end)
    qtbot.keyClick(reader, Qt.Key.Key_F9)
    target = view.current()
    assert target == rows[1]

    selected: list[str] = []
    window.ctx.claimSelected.connect(selected.append)
    qtbot.keyClick(reader, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    claims = claims_of_article(ws, article.id)
    assert [c.quote for c in claims] == [target.quote]
    assert selected[-1] == str(claims[0].id)
    assert window.inspector.claim_id == claims[0].id  # selected in the inspector
    assert window.inspector.info is not None and window.inspector.info.quote == target.quote
    assert target not in view.model.rows
    assert reader.claim_count == 1
    qtbot.waitUntil(lambda: not view.timer.isActive() and not view.pending, timeout=20000)
    assert target not in view.model.rows  # overlapping a claim: not offered again

    qtbot.keyClick(reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert claims_of_article(ws, article.id) == []
    assert reader.claim_count == 0
    qtbot.waitUntil(lambda: target in view.model.rows, timeout=20000)
    assert _underlined(window, target.start)


def test_dismiss_is_remembered_and_shown_again(ws, ws_path, seed_paths, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article, window, view = _open_seed(ws, seed_paths, tmp_path, qtbot)
    reader = window.reader
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_F9)
    target = view.current()
    assert target is not None
    count = view.model.rowCount()
    qtbot.keyClick(reader, Qt.Key.Key_Delete, Qt.KeyboardModifier.AltModifier)
    assert target not in view.model.rows
    assert view.model.rowCount() == count - 1
    assert not _underlined(window, target.start)

    # Reopen the article (another article first): still dismissed.
    other = import_file(ws, seed_paths[1])
    window.open_article(other.id)
    qtbot.waitUntil(lambda: not view.pending and view.article_id == other.id, timeout=20000)
    window.open_article(article.id)
    qtbot.waitUntil(lambda: not view.pending and view.model.rowCount() > 0, timeout=20000)
    assert target not in view.model.rows

    # The toggle shows it again, marked dismissed; the dismiss key offers it again.
    action(window, "actionShowDismissed").trigger()
    assert view.dismissed_box.isChecked()
    qtbot.waitUntil(lambda: not view.pending and target in view.model.rows, timeout=20000)
    assert view.model.is_dismissed(target)
    assert "dismissed" in view.model.data(view.model.index(view.model.rows.index(target), 0))
    action(window, "actionShowDismissed").trigger()
    qtbot.waitUntil(lambda: not view.pending and target not in view.model.rows, timeout=20000)

    # Undo of the dismissal offers it again (the reopen did not touch the undo stack).
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: not view.pending and target in view.model.rows, timeout=20000)


def test_dismissal_survives_reopening_the_workspace(ws_path, seed_paths, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws = open_workspace(ws_path)
    bind_analyst(ws)
    try:
        article, window, view = _open_seed(ws, seed_paths, tmp_path, qtbot)
        window.docks["Suggestions"].raise_()  # a panel behind another tab takes no keys
        qtbot.waitUntil(view.table.isVisible)
        view.table.setFocus()
        view.table.selectRow(0)
        target = view.current()
        qtbot.keyClick(view.table, Qt.Key.Key_D)
        assert target not in view.model.rows
        window.close()
    finally:
        ws.close()
    again = open_workspace(ws_path)
    bind_analyst(again)
    try:
        window = make_window(again, Path(tmp_path / "second"), qtbot)
        view = window.suggestions_view
        window.open_article(article.id)
        qtbot.waitUntil(lambda: not view.pending and view.model.rowCount() > 0, timeout=20000)
        assert target not in view.model.rows
    finally:
        again.close()


def test_enter_in_the_list_accepts_with_its_source(ws, seed_paths, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from db.sources import list_sources

    article, window, view = _open_seed(ws, seed_paths, tmp_path, qtbot)
    rows = view.model.rows
    sourced = next(n for n, s in enumerate(rows) if s.source and s.source_id is None)
    target = rows[sourced]
    before = {s.id for s in list_sources(ws)}
    view.table.setFocus()
    view.table.selectRow(sourced)
    assert window.reader.cursor_span() == (target.start, target.end)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    [claim] = claims_of_article(ws, article.id)
    assert (claim.quote, claim.statement) == (target.quote, target.quote)
    assert claim.source_name == target.source
    assert claim.source_id not in before
    if target.event_date:
        assert claim.event_start is not None
    window.ctx.undo_stack.undo()
    assert claims_of_article(ws, article.id) == []
    assert {s.id for s in list_sources(ws)} == before  # the source it made is gone
    window.ctx.undo_stack.redo()
    [again] = claims_of_article(ws, article.id)
    assert again.quote == target.quote and again.source_name == target.source


def test_suggestion_keys_are_in_the_menu_and_the_shortcut_list(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    menu = window.findChild(QMenu, "menuSuggestions")
    assert menu is not None
    names = {a.objectName() for a in menu.actions()}
    assert {
        "actionNextSuggestion",
        "actionPrevSuggestion",
        "actionAcceptSuggestion",
        "actionDismissSuggestion",
        "actionShowDismissed",
    } <= names
    rows = {name: keys for _menu, name, keys in window.shortcut_rows()}
    assert "F9" in rows["Next Suggestion"] and "Shift+F9" in rows["Previous Suggestion"]
    assert "Alt+Return" in rows["Accept Suggestion"] or "Alt+Enter" in rows["Accept Suggestion"]
    assert "Alt+Del" in rows["Dismiss Suggestion"]
    assert action(window, "actionAcceptSuggestion").statusTip()
    every = [k for keys in rows.values() for k in keys.split(", ")]
    assert every.count("F9") == 1 and every.count("Alt+Del") == 1  # no clash


def test_accept_key_takes_the_suggestion_under_the_cursor(ws, seed_paths, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article, window, view = _open_seed(ws, seed_paths, tmp_path, qtbot)
    reader = window.reader
    rows = view.model.rows
    # A suggestion whose second character no earlier suggestion covers.
    target = next(
        s for n, s in enumerate(rows) if not any(r.start <= s.start + 1 <= r.end for r in rows[:n])
    )
    assert view.current() is None
    cursor = reader.textCursor()
    cursor.setPosition(reader._index.to_utf16(target.start + 1))
    reader.setTextCursor(cursor)
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    [claim] = claims_of_article(ws, article.id)
    assert claim.quote == target.quote


def test_new_claim_drops_what_it_overlaps_in_place(ws, seed_paths, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    _article, window, view = _open_seed(ws, seed_paths, tmp_path, qtbot)
    reader = window.reader
    reader.setFocus()
    rows = list(view.model.rows)
    qtbot.keyClick(reader, Qt.Key.Key_F9)
    qtbot.keyClick(reader, Qt.Key.Key_F9)
    target = view.current()
    assert target == rows[1]
    qtbot.keyClick(reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert reader.claim_count == 1
    # Dropped in place: nothing computed again, nothing waiting to be.
    assert target not in view.model.rows
    assert not view.timer.isActive() and not view.pending
    shown = list(view.model.rows)
    assert shown == [s for s in rows if not (s.start < target.end and target.start < s.end)]
    view.refresh()
    qtbot.waitUntil(lambda: not view.pending, timeout=20000)
    assert view.model.rows == shown  # what a fresh computation gives
