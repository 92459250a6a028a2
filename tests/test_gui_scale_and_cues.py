"""The reader at any font size and zoom, and status shown by more than colour."""

from __future__ import annotations

import pytest
from gui_shell_support import MULTILINGUAL, add_text_article, make_window
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from db.claims import create_claim
from db.models import Status
from desktop.models.claims_model import COL_STATUS
from desktop.palette import STATUS_LETTERS

RATIONALE = {Status.VERIFIED: "Matches the record.", Status.FALSE: "The record differs."}


@pytest.fixture
def app_font(qapp):  # type: ignore[no-untyped-def]
    """The application font at 16 pt for one test."""
    before = QApplication.font()
    font = QFont(before)
    font.setPointSizeF(16)
    QApplication.setFont(font)
    yield font
    QApplication.setFont(before)


def _claims_of_every_status(ws, article_id):  # type: ignore[no-untyped-def]
    """One claim per status on the first line, in text order, a word apart."""
    made = []
    for n, status in enumerate(Status):
        made.append(
            create_claim(
                ws, article_id, 4 * n, 4 * n + 3, status=status.value,
                rationale=RATIONALE.get(status),
            )
        )  # fmt: skip
    return made


def test_the_margin_letters_every_status_without_touching_the_text(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article = add_text_article(ws, "Word " * 40 + "\nSecond line with no claim.\n" + MULTILINGUAL)
    _claims_of_every_status(ws, article.id)
    late = create_claim(ws, article.id, 206, 212, status="disputed")  # on the second line
    window = make_window(ws, tmp_path, qtbot)
    window.resize(2400, 900)  # wide: the first line is one line on screen
    window.show()
    qtbot.waitExposed(window)
    window.open_article(article.id)
    reader = window.reader
    text_before = reader.toPlainText()
    painted = reader.margin.painted()
    # The first line carries six claims: three letters at most, the last one "+".
    letters = [STATUS_LETTERS[s] for s in Status]
    assert painted[0][1] == "".join(letters[:2]) + "+"
    assert painted[1][1] == STATUS_LETTERS[Status.DISPUTED] and painted[1][0] > painted[0][0]
    assert len(painted) == 2  # lines without a claim starting on them have no letter
    assert reader.toPlainText() == text_before  # painted beside the text, never written in
    margin = reader.margin
    # The margin sits right beside the text's viewport (centred on a wide reader).
    assert margin.isVisible() and margin.width() > 0
    assert margin.geometry().right() + 1 == reader.viewport().geometry().left()
    # Something is really drawn there beside the first claimed line.
    image = margin.grab().toImage()
    row = int(painted[0][0] + 2)
    base = image.pixelColor(1, row)
    assert any(image.pixelColor(x, y) != base for x in range(image.width())
               for y in range(row, row + 8))  # fmt: skip
    assert str(late.id) in {s.claim_id for s in reader._spans.spans}


def test_the_margin_letters_a_band_as_the_whole_margin_does(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    lines = [f"Line {n} of the ferry notes." for n in range(40)]
    text = "\n".join(lines)
    article = add_text_article(ws, text)
    for n in range(0, 40, 3):
        start = text.index(lines[n])
        create_claim(ws, article.id, start, start + 4, status="in_review")
    window = make_window(ws, tmp_path, qtbot)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.open_article(article.id)
    reader = window.reader
    every = list(reader.margin_marks())
    assert len(every) >= 6
    assert [top for top, _h, _s in every] == sorted(top for top, _h, _s in every)
    top, height, _statuses = every[3]
    band = list(reader.margin_marks((top, top + height)))
    # The lines in the band, where the whole margin has them; none far above or below.
    assert every[3] in band and all(mark in every for mark in band)
    assert every[0] not in band and every[-1] not in band


def test_the_margin_makes_its_letters_font_once_per_reader_font(
    ws, tmp_path, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import desktop.reader.margin as margin_module

    text = "\n".join(f"Line {n} of the ferry notes." for n in range(20))
    article = add_text_article(ws, text)
    create_claim(ws, article.id, 0, 4, status="in_review")
    window = make_window(ws, tmp_path, qtbot)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.open_article(article.id)
    reader = window.reader
    margin = reader.margin
    margin.grab()
    made: list[QFont] = []
    real = margin_module.QFontMetricsF

    def counting(font: QFont):  # type: ignore[no-untyped-def]
        made.append(QFont(font))
        return real(font)

    monkeypatch.setattr(margin_module, "QFontMetricsF", counting)
    for _ in range(3):  # a paint per Ctrl+E, say: the letters' font is not made again
        margin.grab()
    assert made == []
    before = margin.letter_font().pointSizeF()
    reader.zoom_by(4)  # a new reader font: the letters follow it
    margin.grab()
    assert margin.letter_font().pointSizeF() > before
    assert [f.pointSizeF() for f in made][-1:] == [margin.letter_font().pointSizeF()]
    assert margin.painted()[0][1] == "R"


def test_the_link_dialog_names_each_status_in_words(ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.inspector.link_dialog import LinkClaimDialog

    article = add_text_article(ws, "Word " * 40)
    made = _claims_of_every_status(ws, article.id)
    dialog = LinkClaimDialog(AppContext(ws, RecordingDialogs()), None)
    qtbot.addWidget(dialog)
    shown = [dialog.items.item(r).text() for r in range(dialog.items.rowCount())]
    assert len(shown) == len(made)
    for status in Status:
        assert sum(t.startswith(f"{status.label} · ") for t in shown) == 1, status


def test_the_reader_follows_the_application_font_and_zooms(app_font, ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article = add_text_article(ws, MULTILINGUAL)
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    window.open_article(article.id)
    reader = window.reader
    assert reader.font().pointSizeF() == pytest.approx(16)
    reader.setFocus()
    qtbot.waitUntil(reader.hasFocus)
    qtbot.keyClick(reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert reader.font().pointSizeF() == pytest.approx(19.2)
    qtbot.keyClick(reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert reader.font().pointSizeF() == pytest.approx(17.6)
    assert reader.margin.width() == reader.viewportMargins().left()  # the margin grew too
    # The zoom is the analyst's: a new window on the same settings starts zoomed.
    window.save_settings()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert int(settings.value("reader/zoom")) == 1
    again = make_window(ws, tmp_path, qtbot)
    assert again.reader.font().pointSizeF() == pytest.approx(17.6)
    # The desktop's font grows: the reader follows at its zoom.
    bigger = QFont(app_font)
    bigger.setPointSizeF(20)
    QApplication.setFont(bigger)
    qtbot.waitUntil(lambda: reader.font().pointSizeF() == pytest.approx(22))
    qtbot.keyClick(reader, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert reader.font().pointSizeF() == pytest.approx(20)


def test_status_columns_never_cut_two_statuses_alike(app_font, ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article = add_text_article(ws, "Word " * 40)
    _claims_of_every_status(ws, article.id)
    window = make_window(ws, tmp_path, qtbot)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    table = window.claims_table.table
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() == len(Status))
    metrics = table.fontMetrics()
    width = table.columnWidth(COL_STATUS)
    shown = set()
    for row in range(model.rowCount()):
        index = model.index(row, COL_STATUS)
        text = index.data()
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        assert text in tip  # the whole status on hover as well
        # Room for the text, the icon and the cell's margins at the 16 pt font.
        assert metrics.horizontalAdvance(text) + 16 + 12 <= width, (text, width)
        shown.add(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - 28))
    assert len(shown) == len(Status)
    assert table.verticalHeader().defaultSectionSize() >= metrics.height()


def test_graph_markers_carry_their_status_letter(ws, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    from db.claims import get_claim
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.graph import GraphWindow
    from tests.test_timeline import _story

    ids = _story(ws)
    window = GraphWindow(AppContext(ws, RecordingDialogs()))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=15000):
        window.show()
    for claim_id, marker in window.view.markers.items():
        letters = [c for c in marker.childItems() if isinstance(c, QGraphicsSimpleTextItem)]
        status = get_claim(ws, claim_id).status
        assert [c.text() for c in letters] == [STATUS_LETTERS[status]]
    assert set(window.view.markers) == set(ids)
