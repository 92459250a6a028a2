"""The reader makes claims of whole words (Alt keeps the exact selection), and
Shift+Alt+arrows move a claim's edges a word at a time, undoably, keeping the claim."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_shell_support import make_window, select_codepoints
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from review_support import add_seed

from db.claims import claims_of_article, get_claim
from db.history import claim_history
from db.links import add_link, links_of_claim
from db.word_snap import snap_to_words, word_bounds

MOD = Qt.KeyboardModifier
KOREAN = "북한은 러시아에 병력을 파견했다고 국정원이 밝혔다. Министр сообщил о 15 новых школах 😀."


def press(qtbot, window, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:  # type: ignore[no-untyped-def]
    """Keys pressed in the reader of the active window, as the analyst would."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, key, modifiers)


@pytest.fixture
def shown(ws, tmp_path, qtbot, seed_paths: list[Path]):  # type: ignore[no-untyped-def]
    article_id, text = add_seed(ws, seed_paths[0])
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_article(article_id)
    return window, article_id, text


def _short_drag(text: str) -> tuple[int, int, tuple[int, int]]:
    """A drag over five words of the text's first long line that stops two letters short
    of the last word's end; returns it and the five whole words' span."""
    i, words = 0, []
    while len(words) < 12:
        bounds = word_bounds(text, i)
        if bounds is None:
            i += 1
            continue
        words.append(bounds)
        i = bounds[1]
    first, last = words[6], words[10]
    assert last[1] - last[0] >= 4  # long enough to be cut two letters short
    return first[0], last[1] - 2, (first[0], last[1])


def test_ctrl_e_on_a_short_drag_makes_a_claim_of_whole_words(ws, shown, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, article_id, text = shown
    start, end, whole = _short_drag(text)
    assert snap_to_words(text, start, end) == whole
    select_codepoints(window.reader, text, start, end)
    press(qtbot, window, Qt.Key.Key_E, MOD.ControlModifier)
    stored = claims_of_article(ws, article_id)
    assert [(c.start, c.end, c.quote) for c in stored] == [(*whole, text[whole[0] : whole[1]])]


def test_ctrl_alt_e_keeps_the_exact_selection(ws, shown, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, article_id, text = shown
    start, end, _whole = _short_drag(text)
    select_codepoints(window.reader, text, start, end)
    press(qtbot, window, Qt.Key.Key_E, MOD.ControlModifier | MOD.AltModifier)
    assert [(c.start, c.end) for c in claims_of_article(ws, article_id)] == [(start, end)]


def _drag(reader, text: str, start: int, end: int, modifiers: Qt.KeyboardModifier) -> None:  # type: ignore[no-untyped-def]
    """Press at text[start], move to text[end] with the button held, release there."""

    def point(offset: int) -> QPointF:
        cursor = QTextCursor(reader.document())
        cursor.setPosition(offset)
        rect = reader.cursorRect(cursor)
        return QPointF(rect.left() + 1, rect.center().y())

    viewport = reader.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, where, button, buttons in (
        (QEvent.Type.MouseButtonPress, point(start), left, left),
        (QEvent.Type.MouseMove, point(end), none, left),
        (QEvent.Type.MouseButtonRelease, point(end), left, none),
    ):
        event = QMouseEvent(kind, where, viewport.mapToGlobal(where), button, buttons, modifiers)
        QApplication.sendEvent(viewport, event)


def test_a_selection_dragged_with_alt_stays_exact_and_without_alt_snaps(ws, shown, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, article_id, text = shown
    start, end, whole = _short_drag(text)
    reader = window.reader
    reader.ensureCursorVisible()
    _drag(reader, text, start, end, MOD.AltModifier)
    assert reader.selected_span() == (start, end)
    press(qtbot, window, Qt.Key.Key_E, MOD.ControlModifier)
    assert [(c.start, c.end) for c in claims_of_article(ws, article_id)] == [(start, end)]

    # The same drag without Alt: Ctrl+E widens it (another claim over the words).
    _drag(reader, text, start, end, MOD.NoModifier)
    assert reader.selected_span() == (start, end)
    press(qtbot, window, Qt.Key.Key_E, MOD.ControlModifier)
    spans = sorted((c.start, c.end) for c in claims_of_article(ws, article_id))
    assert spans == sorted([(start, end), whole])


def test_shift_alt_arrows_move_the_edges_keeping_the_claim(ws, shown, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, article_id, text = shown
    _start, _end, whole = _short_drag(text)
    select_codepoints(window.reader, text, *whole)
    press(qtbot, window, Qt.Key.Key_E, MOD.ControlModifier)
    (claim,) = claims_of_article(ws, article_id)
    other_at = snap_to_words(text, whole[1] + 200, whole[1] + 220)
    from db.claims import create_claim

    other = create_claim(ws, article_id, *other_at)
    add_link(ws, claim.id, other.id, "supports")
    window.ctx.claimSelected.emit(str(claim.id))
    history_before = len(claim_history(ws, claim.id))

    steps = [
        (Qt.Key.Key_Right, MOD.ShiftModifier | MOD.AltModifier),  # end grows
        (Qt.Key.Key_Left, MOD.ShiftModifier | MOD.AltModifier | MOD.ControlModifier),  # start
    ]
    for key, modifiers in steps:
        press(qtbot, window, key, modifiers)
    moved = get_claim(ws, claim.id)
    assert moved.start < claim.start and moved.end > claim.end
    assert moved.quote == text[moved.start : moved.end]
    assert text[moved.start : moved.end].split()[1:-1] == claim.quote.split()
    assert [v.other_id for v in links_of_claim(ws, claim.id)] == [other.id]
    assert len(claim_history(ws, claim.id)) == history_before + 2
    assert window.reader.selected_claim_id == str(claim.id)

    # Shrinking at the end and at the start (Shift+Alt+Down) undoes the growth.
    press(qtbot, window, Qt.Key.Key_Left, MOD.ShiftModifier | MOD.AltModifier)
    press(qtbot, window, Qt.Key.Key_Down, MOD.ShiftModifier | MOD.AltModifier)
    back = get_claim(ws, claim.id)
    assert (back.start, back.end, back.quote) == (claim.start, claim.end, claim.quote)

    # The moves merged into one step: one undo goes back to the claim as made.
    press(qtbot, window, Qt.Key.Key_Right, MOD.ShiftModifier | MOD.AltModifier)
    assert get_claim(ws, claim.id).end > claim.end
    window.ctx.undo_stack.undo()
    after_undo = get_claim(ws, claim.id)
    assert (after_undo.start, after_undo.end) == (claim.start, claim.end)
    assert window.reader.claims[0].end == claim.end  # the highlight followed
    window.ctx.undo_stack.redo()
    assert get_claim(ws, claim.id).end > claim.end


def test_whole_words_in_hangul_and_cyrillic_with_an_emoji(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui_shell_support import add_text_article

    article = add_text_article(ws, KOREAN)
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_article(article.id)
    start = KOREAN.index("시아에")  # inside 러시아에
    end = KOREAN.index("파견") + 1  # inside 파견했다고
    select_codepoints(window.reader, KOREAN, start, end)
    press(qtbot, window, Qt.Key.Key_E, MOD.ControlModifier)
    start = KOREAN.index("ых школ")  # inside новых, through the emoji after школах
    end = KOREAN.index("😀") + 1
    select_codepoints(window.reader, KOREAN, start, end)
    press(qtbot, window, Qt.Key.Key_E, MOD.ControlModifier)
    quotes = sorted(c.quote for c in claims_of_article(ws, article.id))
    assert quotes == ["новых школах", "러시아에 병력을 파견했다고"]
