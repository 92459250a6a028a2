"""Ctrl+E in the whole main window paints the inspector's header once.

The views that show a new claim change labels (the claims count, the byline's count,
the inspector's header) whose layouts Qt redoes one level of widgets per pass; a later
pass measuring the inspector's rich-text header again marked it for painting again,
so one claim was painted twice.  Lists of the inspector that stay empty (evidence,
links, relays of a new claim) are not reset either: a reset lays the list out and
repaints it a pass later.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest

from db.word_snap import snap_to_words
from tests.gui_shell_support import select_codepoints, settle, window_on_article


class Painted(QObject):
    """Counts the paints of a widget."""

    def __init__(self, widget: QObject) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_new_claims_header_is_painted_once_and_empty_lists_are_left_alone(
    ws, seed_paths: list[Path], tmp_path: Path, qtbot
) -> None:
    text = seed_paths[0].read_text(encoding="utf-8")
    window = window_on_article(ws, text, tmp_path, qtbot, (1600, 1000), "Seed", in_review=20)
    reader = window.reader
    # A first claim shows the inspector's form; the presses measured come after it.
    first = snap_to_words(text, 200, 212)
    select_codepoints(reader, text, *first)
    reader.setFocus()
    QTest.keyClick(reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    inspector = window.inspector
    lists = [inspector.evidence.list, inspector.links.list, inspector.relays.list]
    resets: list[str] = []
    for view in lists:
        name = view.objectName()
        view.model().modelReset.connect(lambda name=name: resets.append(name))
    for start in (300, 420, 540):
        words = snap_to_words(text, start, start + 14)
        select_codepoints(reader, text, *words)
        reader.setFocus()
        settle(qtbot)
        passes = Painted(inspector.header)
        before = window.claims_table.model.rowCount()
        QTest.keyClick(reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot)
        window.removeEventFilter(passes)
        # Shown everywhere: the claims table, the inspector, the byline's count.
        assert window.claims_table.model.rowCount() == before + 1
        assert inspector.info is not None and (inspector.info.start, inspector.info.end) == words
        inspector.header.removeEventFilter(passes)
        assert passes.count == 1
    assert all(view.count() == 0 for view in lists)
    assert resets == []
