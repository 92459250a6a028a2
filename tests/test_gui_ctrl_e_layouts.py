"""Ctrl+E in the whole main window lays out no more than the labels whose text changed.

A new claim changes the byline's claim count, the claims table's count and the
inspector's header.  Each label's layout request used to climb through its panel's
layout to the main window, whose layout then measured every dock again (their title
bars included) though nothing moved.  The labels sit in boxes (desktop.shared.
steady_box) that pass a request on only when the label's size needs change; a box
still grows when its label needs more room.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from db.word_snap import snap_to_words
from desktop.shared.steady_box import SteadyBox
from tests.gui_shell_support import select_codepoints, settle, window_on_article


class LayoutRequests(QObject):
    """Counts the layout requests delivered to each widget, application-wide."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[QObject] = []
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.seen.append(watched)
        return False

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)

    def to(self, widget: QObject) -> int:
        return sum(1 for w in self.seen if w is widget)


def test_ctrl_e_lays_out_neither_the_window_nor_the_panels(
    ws, seed_paths: list[Path], tmp_path: Path, qtbot
) -> None:
    text = seed_paths[0].read_text(encoding="utf-8")
    window = window_on_article(ws, text, tmp_path, qtbot, (1600, 1000), "Seed", in_review=20)
    reader = window.reader
    # A first claim shows the inspector's form; the presses measured come after it.
    select_codepoints(reader, text, *snap_to_words(text, 200, 212))
    reader.setFocus()
    QTest.keyClick(reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    pane = window.reader_pane
    table = window.claims_table
    body = window.inspector.header.parentWidget().parentWidget()  # the form's page
    presses_retitling: list[bool] = []
    for start in (300, 420, 540, 660, 780):
        words = snap_to_words(text, start, start + 14)
        select_codepoints(reader, text, *words)
        settle(qtbot)
        byline, count, header = (
            pane.byline.text(),
            table.count_label.text(),
            window.inspector.header.text(),
        )
        titles = [d.windowTitle() for d in window.docks.values()]
        requests = LayoutRequests()
        QTest.keyClick(reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot)
        requests.stop()
        # The labels did change (the figures below are not for want of a change).
        assert pane.byline.text() != byline and table.count_label.text() != count
        assert window.inspector.header.text() != header
        assert window.inspector.info is not None
        assert (window.inspector.info.start, window.inspector.info.end) == words
        # A panel's title naming a count (the suggestions') that changed is a tab's
        # text changed: the window lays out its docks for that, once.
        retitled = titles != [d.windowTitle() for d in window.docks.values()]
        presses_retitling.append(retitled)
        assert requests.to(window) == int(retitled)
        assert requests.to(pane) == 0 and requests.to(table) == 0 and requests.to(body) == 0
        assert sum(1 for w in requests.seen if isinstance(w, SteadyBox)) >= 3
    assert not all(presses_retitling)
    # The counts are shown whole (their boxes took the width their text needs).
    for label in (table.count_label, pane.byline):
        assert label.width() >= label.sizeHint().width(), label.objectName()
        assert label.height() >= label.heightForWidth(label.width()), label.objectName()


def test_a_steady_box_grows_with_its_label_and_is_still_otherwise(qtbot) -> None:
    panel = QWidget()
    qtbot.addWidget(panel)
    layout = QVBoxLayout(panel)
    label = QLabel("1,200 claims")
    label.setWordWrap(True)
    box = SteadyBox(label, panel)
    layout.addWidget(box)
    layout.addStretch(1)
    panel.resize(200, 300)
    panel.show()
    qtbot.waitExposed(panel)
    settle(qtbot)
    assert label.geometry() == box.rect()
    height = box.height()

    hint = label.sizeHint()
    requests = LayoutRequests()
    label.setText("1,201 claims")  # the same size
    assert label.sizeHint() == hint
    settle(qtbot)
    assert requests.to(box) == 1 and requests.to(panel) == 0
    assert box.height() == height

    label.setText(" ".join(["a longer text that needs more lines at this width"] * 4))
    settle(qtbot)
    requests.stop()
    assert requests.to(panel) == 1
    assert box.height() > height and label.geometry() == box.rect()

    # Changed while hidden (no request reaches the box): measured again when shown.
    box.hide()
    label.setText("1,202 claims")
    box.show()
    settle(qtbot)
    assert box.height() == height and label.geometry() == box.rect()
