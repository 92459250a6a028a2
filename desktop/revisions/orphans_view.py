"""The Orphans tab: claims a revised text left without a place, read a page at a time.

Choose an orphan (Enter or a double-click opens its article), select its words
in the reader and press Ctrl+Shift+P (Claim ▸ Place Orphan Here).  The list is
counted again only when a change record names claims or an article's text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Entity, Op
from db.revisions import OrphanInfo
from desktop.accessibility import hand_focus_on
from desktop.context import AppContext
from desktop.marks import one_line as shared_one_line
from desktop.operations import revisions as revision_ops

COL_QUOTE, COL_ARTICLE, COL_REASON = range(3)
TITLES = ("Quote", "Article", "Why it has no place")
PAGE = 100
CACHE_PAGES = 20
ARTICLE_FIELDS = frozenset({"text", "title"})
ModelIndex = QModelIndex | QPersistentModelIndex
Counter = Callable[[], int]
Pager = Callable[[int, int], list[OrphanInfo]]


def one_line(text: str, limit: int = 200) -> str:
    return shared_one_line(text, limit)


def touches_orphans(changes: Changes) -> bool:
    """Whether *changes* may add, remove or rename an orphan (a status edit does not)."""
    if changes.everything:
        return True
    for change in changes.of(Entity.CLAIM):
        if change.op is Op.DELETED or not change.fields or "orphaned" in change.fields:
            return True
    return any(
        c.op is Op.DELETED or not c.fields or c.fields & ARTICLE_FIELDS
        for c in changes.of(Entity.ARTICLE)
    )


class OrphansModel(QAbstractTableModel):
    """Orphans in the pager's order (article title, then place); pages read on demand."""

    def __init__(self, count: Counter, page: Pager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = count
        self._page = page
        self._rows = 0
        self._pages: dict[int, list[OrphanInfo]] = {}
        self.page_reads = 0

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._rows = self._count()
        self.endResetModel()

    def orphan_at(self, row: int) -> OrphanInfo | None:
        if not 0 <= row < self._rows:
            return None
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            if len(self._pages) >= CACHE_PAGES:
                self._pages.clear()
            self.page_reads += 1
            page = self._page(number * PAGE, PAGE)
            self._pages[number] = page
        offset = row - number * PAGE
        return page[offset] if offset < len(page) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TITLES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(TITLES)
        ):
            return TITLES[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        orphan = self.orphan_at(index.row())
        if orphan is None:
            return None
        values = (orphan.quote, orphan.article_title, orphan.reason)
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(values[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == COL_QUOTE and orphan.statement:
                return f"{orphan.quote}\n\nStatement: {orphan.statement}"
            return values[index.column()]
        return None


class OrphansView(QWidget):
    """The list of orphans; :attr:`chosen` is the one the analyst picked."""

    # (article id, claim id) of the orphan whose article should open in the reader.
    openRequested = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orphansView")
        self.ctx = ctx
        self.model = OrphansModel(
            lambda: revision_ops.orphan_count(ctx),
            lambda offset, limit: revision_ops.orphan_page(ctx, offset, limit),
            self,
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("orphansSummary")
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        hand_focus_on(self.table)
        self.table.setObjectName("orphansTable")
        self.table.setAccessibleName("Claims whose words left the article")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(COL_QUOTE, 420)
        self.table.setColumnWidth(COL_ARTICLE, 220)
        self.table.doubleClicked.connect(lambda _i: self.open_chosen())
        # The chosen orphan shows in the inspector (its statement, links, history).
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        opener = QAction(self)
        opener.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        opener.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        opener.triggered.connect(self.open_chosen)
        self.table.addAction(opener)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.stale = True
        self.shown = False
        ctx.changed.connect(self._changed)

    @property
    def chosen(self) -> OrphanInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.orphan_at(rows[0].row()) if rows else None

    def set_shown(self, shown: bool) -> None:
        """Connected to the dock's visibilityChanged: counted only while in front."""
        self.shown = shown
        if shown and self.stale:
            self.reload()

    def reload(self) -> None:
        chosen = self.chosen
        self.stale = False
        self.model.reload()
        count = self.model.rowCount()
        self.summary.setText(
            "No orphaned claims: every claim has its place in its article's text."
            if not count
            else f"{count} claim{'s' if count != 1 else ''} without a place. Choose one, "
            "select its words in the article and press Ctrl+Shift+P to place it."
        )
        if chosen is not None:
            self.choose(str(chosen.id))

    def choose(self, claim_id: str) -> bool:
        """Select the row of *claim_id* among the pages read so far."""
        for row in range(self.model.rowCount()):
            orphan = self.model.orphan_at(row)
            if orphan is not None and str(orphan.id) == claim_id:
                self.table.selectRow(row)
                return True
            if row >= PAGE * 2:  # look no further than the first pages
                break
        return False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        orphan = self.model.orphan_at(current.row()) if current.isValid() else None
        if orphan is not None:
            self.ctx.claimSelected.emit(str(orphan.id))

    def open_chosen(self) -> None:
        orphan = self.chosen
        if orphan is not None:
            self.openRequested.emit(str(orphan.article_id), str(orphan.id))

    def _changed(self, changes: Changes) -> None:
        if not touches_orphans(changes):
            return
        self.stale = True
        if self.shown:
            self.reload()
