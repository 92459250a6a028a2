"""The reader's paragraph layout measures a block once until it is laid out again.

Qt asks the layout for a block's rectangle for every block from the first on screen
down to the one it wants (the caret's, a selection's, a changed block's), several
times when a claim is made and selected.  The layout keeps each answer until the
block's text, formats or the text width change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextDocumentLayout

from db.word_snap import snap_to_words
from desktop.reader.paragraphs import ParagraphLayout
from tests.gui_shell_support import select_codepoints, settle, window_on_article


def _opened(ws, text: str, tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    return window_on_article(ws, text, tmp_path, qtbot, (1400, 1000), "Paragraphs")


def _paragraphs(n: int) -> str:
    line = "Paragraph {}: the council said {} buses would run on the new route."
    return "\n\n".join(line.format(k, k * 7) for k in range(n))


def test_a_new_claim_measures_few_blocks_though_qt_asks_for_many(
    ws, tmp_path: Path, qtbot, monkeypatch
) -> None:
    text = _paragraphs(30)
    asked: list[int] = []
    measured: list[int] = []
    told = ParagraphLayout.blockBoundingRect
    base = QPlainTextDocumentLayout.blockBoundingRect

    def telling(layout, block):  # type: ignore[no-untyped-def]
        asked.append(block.blockNumber())
        return told(layout, block)

    def measuring(layout, block):  # type: ignore[no-untyped-def]
        measured.append(block.blockNumber())
        return base(layout, block)

    monkeypatch.setattr(ParagraphLayout, "blockBoundingRect", telling)
    monkeypatch.setattr(QPlainTextDocumentLayout, "blockBoundingRect", measuring)
    window = _opened(ws, text, tmp_path, qtbot)  # Qt finds the counting override
    reader = window.reader
    for paragraph in (12, 14, 16):  # well below the first line on screen
        at = text.index(f"Paragraph {paragraph}:") + 14
        select_codepoints(reader, text, *snap_to_words(text, at, at + 12))
        settle(qtbot)
        asked.clear()
        measured.clear()
        reader.setFocus()
        QTest.keyClick(reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot)
        assert reader.selected_claim_id is not None
        # Qt walked down from the first block on screen several times...
        assert len(asked) >= 60, len(asked)
        # ...but only the block restyled by the new highlight was measured again.
        assert len(measured) <= 6, (len(measured), sorted(set(measured)))


def test_a_blocks_height_follows_a_new_width_and_new_formats(ws, tmp_path: Path, qtbot) -> None:
    long = " ".join(["The ferry stays shut for seven days while engineers inspect it."] * 4)
    text = _paragraphs(1) + "\n\n" + long + "\n\n# A heading\n\nThe last line."
    window = _opened(ws, text, tmp_path, qtbot)
    reader = window.reader
    document = reader.document()
    block = document.findBlockByNumber(2)  # a paragraph, then an empty line

    def lines_height() -> float:
        layout = block.layout()
        return sum(layout.lineAt(n).height() for n in range(layout.lineCount()))

    wide = reader.blockBoundingRect(block).height()
    assert abs(wide - lines_height()) < 1
    lines = block.layout().lineCount()
    window.resize(700, 1000)  # the paragraph wraps onto more lines
    settle(qtbot)
    assert block.layout().lineCount() > lines, reader.width()
    narrow = reader.blockBoundingRect(block).height()
    assert narrow > wide
    assert abs(narrow - lines_height()) < 1
    # Blocks below it are placed by the new heights too.
    after = document.findBlockByNumber(3)
    top = reader.blockBoundingGeometry(block).top()
    assert reader.blockBoundingGeometry(after).top() == top + narrow
    # The heading's block is drawn larger than a plain line of the same text would be.
    heading = document.findBlockByNumber(document.blockCount() - 3)
    assert heading.text() == "# A heading"
    line = QFontMetricsF(document.defaultFont()).lineSpacing()
    assert reader.blockBoundingRect(heading).height() > line + 1
    window.reader.zoom_by(4)  # new default font: every block measured again
    settle(qtbot)
    assert abs(reader.blockBoundingRect(block).height() - lines_height()) < 1
