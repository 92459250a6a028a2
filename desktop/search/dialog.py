"""The search box (Ctrl+Shift+F): type words, see every place they occur, open one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes
from db.errors import ClaimDeskError
from db.search import Hit
from desktop.context import AppContext
from desktop.operations import search as search_ops
from desktop.screen_fit import resize_within_screen
from desktop.search.delegate import SnippetDelegate
from desktop.search.model import SearchResultsModel

TYPING_DELAY_MS = 200
HINT = (
    "Every word is looked for in article titles and text, claim quotes, statements and "
    "notes, comments, sources and tags — in any script and any case; % and _ are plain "
    "characters. Enter opens the chosen hit in the reader."
)


class _QueryEdit(QLineEdit):
    """Down moves into the results, so the keyboard alone picks a hit."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class SearchDialog(QDialog):
    """Non-modal: stays open beside the window while hits are opened one after another."""

    hitChosen = Signal(object)  # a db.search.Hit

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("searchDialog")
        self.setWindowTitle("Search everywhere")
        self.setModal(False)
        resize_within_screen(self, 760, 520)
        self.edit = _QueryEdit(self)
        self.edit.setObjectName("searchEdit")
        self.edit.setPlaceholderText("Words to find (e.g. Министр, 1,500 troops, 국방부)")
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel(HINT, self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("searchResults")
        self.view.setAccessibleName("Search results")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setItemDelegate(SnippetDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        label = QLabel("&Find:", self)
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(self._enter)
        self.edit.down.connect(self._into_results)
        self.view.activated.connect(self.choose)
        ctx.changed.connect(self._on_changed)
        ctx.workspaceChanged.connect(self._on_workspace_changed)

    # ------------------------------------------------------------ searching

    def open_with(self, text: str = "") -> None:
        """Show the box (prefilled with *text* if given) with the query selected."""
        if text:
            self.edit.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def run(self) -> None:
        """Search now for what is typed; an unusable query is explained in place."""
        self._timer.stop()
        text = self.edit.text()
        if not text.strip():
            self.model.set_result(None)
            self.status.setText(HINT)
            return
        try:
            result = search_ops.search(self.ctx, text)
        except ClaimDeskError as exc:
            self.model.set_result(None)
            self.status.setText(str(exc))
            return
        self.model.set_result(result)
        self.view.expandAll()
        n = len(result.hits)
        articles = self.model.rowCount()
        if n == 0:
            self.status.setText(f"Nothing found for “{result.query}”.")
        else:
            more = "+" if result.more else ""
            self.status.setText(
                f"{n}{more} hit{'s' if n != 1 else ''} in {articles} "
                f"article{'s' if articles != 1 else ''}, newest first."
                + (" Showing the first ones: add words to narrow the search." if more else "")
            )
        if result.indexing:
            waiting = result.indexing
            self.status.setText(
                self.status.text() + f" The search index is still being built ({waiting:,} new "
                f"article{'s' if waiting != 1 else ''} to go); "
                + (
                    f"{result.unread:,} of them were not searched yet: search again shortly."
                    if result.unread
                    else "those are read directly, so they are searched too."
                )
            )
        if n:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _enter(self) -> None:
        if self._timer.isActive() or self.model.result is None:
            self.run()
            return
        self.choose(self.view.currentIndex())

    def _into_results(self) -> None:
        if self._timer.isActive():
            self.run()
        if self.model.rowCount():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0, 0))

    def choose(self, index: QModelIndex) -> Hit | None:
        """Open the hit at *index* (an article or claim row opens its first hit)."""
        hit = self.model.hit_at(index)
        if hit is not None:
            self.hitChosen.emit(hit)
        return hit

    # ------------------------------------------------------------ staying current

    def _on_changed(self, changes: Changes) -> None:
        if self.isVisible() and self.model.result is not None and not changes.empty:
            self._timer.start()

    def _on_workspace_changed(self) -> None:
        self.model.set_result(None)
        if self.isVisible() and self.edit.text().strip():
            self._timer.start()
