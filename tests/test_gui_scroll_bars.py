"""The large tables' scroll bars are drawn by the style only when their look changes.

A row added to a long table changes the vertical bar's range, and Qt repaints both
bars for it; the picture kept from the last drawing must then be painted again
(what the style draws, to a level of rounding), and a bar whose slider moved drawn anew.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QScrollBar, QTableView

from desktop.shared.scroll_bars import CachedScrollBar, cache_scroll_bars

ROWS = 100_000
COLUMNS = 12

Index = QModelIndex | QPersistentModelIndex
TOP = QModelIndex()


class _Rows(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows = ROWS

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row()}·{index.column()}"
        return None

    def insert(self, at: int) -> None:
        self.beginInsertRows(TOP, at, at)
        self.rows += 1
        self.endInsertRows()


def _table(qtbot, cached: bool) -> tuple[QTableView, _Rows]:  # type: ignore[no-untyped-def]
    model = _Rows()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    if cached:
        cache_scroll_bars(view)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalHeader().hide()
    for column in range(COLUMNS):
        view.setColumnWidth(column, 160)  # wider than the view: both bars shown
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)
    return view, model


def _image(bar: QScrollBar) -> QImage:
    return bar.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


def _largest_difference(one: QImage, other: QImage) -> int:
    """The largest difference of one channel of one pixel of two images of one size."""
    assert one.size() == other.size()
    largest = 0
    for y in range(one.height()):
        for x in range(one.width()):
            a, b = one.pixel(x, y), other.pixel(x, y)
            if a != b:
                largest = max(
                    largest, *(abs((a >> s & 255) - (b >> s & 255)) for s in (0, 8, 16, 24))
                )
    return largest


def test_a_row_added_paints_the_kept_picture_of_both_bars(qtbot) -> None:
    view, model = _table(qtbot, cached=True)
    across, down = view.horizontalScrollBar(), view.verticalScrollBar()
    assert isinstance(across, CachedScrollBar) and isinstance(down, CachedScrollBar)
    assert across.isVisible() and down.isVisible()
    drawn = (across.drawn, down.drawn)
    assert min(drawn) >= 1  # each drawn once when first shown

    maximum = down.maximum()
    for at in (5, 50, 500):
        model.insert(at)
        qtbot.wait(20)
        across.repaint()
        down.repaint()
    assert down.maximum() > maximum  # the range grew ...
    assert (across.drawn, down.drawn) == drawn  # ... and neither bar was drawn again

    # Scrolled far enough to move the slider: that bar is drawn anew, once.
    down.setValue(down.maximum() // 2)
    qtbot.wait(20)
    down.repaint()
    down.repaint()
    assert down.drawn == drawn[1] + 1 and across.drawn == drawn[0]


def test_the_kept_picture_is_what_the_style_draws(qtbot) -> None:
    plain, plain_model = _table(qtbot, cached=False)
    cached, cached_model = _table(qtbot, cached=True)
    assert not isinstance(plain.horizontalScrollBar(), CachedScrollBar)
    for model in (plain_model, cached_model):
        model.insert(3)
    for view in (plain, cached):
        view.verticalScrollBar().setValue(1234)
        view.horizontalScrollBar().setValue(40)
    qtbot.wait(20)
    for bar in ("horizontalScrollBar", "verticalScrollBar"):
        mine = getattr(cached, bar)()
        mine.repaint()  # from the picture the second time
        assert mine.drawn >= 1
        # The picture is drawn on a transparent pixmap, then laid over the background:
        # the edges' blending may round a level apart, nothing more.
        assert _largest_difference(_image(mine), _image(getattr(plain, bar)())) <= 2
