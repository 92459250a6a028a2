"""ClaimsTableView: the filter bar over a QTableView of the claims, read a page at a time.

The view refreshes from the change record (``ctx.changed``): the model re-reads,
inserts, moves or removes only the rows a write names, and the selected claim
stays selected by its id, wherever a sort, filter or change moves it.
"""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Entity, Op
from db.claims import ClaimFilter
from db.errors import ClaimDeskError
from db.models import Status
from desktop.accessibility import hand_focus_on
from desktop.claims_table.filter_bar import ClaimFilterBar
from desktop.commands.claims import UpdateClaimCommand
from desktop.context import AppContext
from desktop.models.claims_model import (
    COL_ARTICLE,
    COL_EVENT_DATE,
    COL_GRADING,
    COL_ID,
    COL_QUOTE,
    COL_RELAYS,
    COL_SOURCE,
    COL_STATEMENT,
    COL_STATUS,
    COL_TAGS,
    COL_THREADS,
    COL_UPDATED,
    ClaimIdRole,
    ClaimsTableModel,
)
from desktop.operations.claims_table import R_STATUS
from desktop.palette import status_icon

log = logging.getLogger(__name__)
ROW_HEIGHT = 24
COLUMN_WIDTHS = {
    COL_ID: 80,
    COL_STATUS: 110,
    COL_GRADING: 64,
    COL_SOURCE: 150,
    COL_STATEMENT: 320,
    COL_QUOTE: 260,
    COL_ARTICLE: 150,
    COL_TAGS: 120,
    COL_EVENT_DATE: 150,
    COL_UPDATED: 130,
    COL_THREADS: 64,
    COL_RELAYS: 170,
}


class _Table(QTableView):
    """Enter opens the current claim, like a double-click."""

    def __init__(self, owner: ClaimsTableView) -> None:
        super().__init__(owner)
        self._owner = owner
        hand_focus_on(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._owner.open_index(self.currentIndex())
            return
        super().keyPressEvent(event)


class ClaimsTableView(QWidget):
    """The filterable claims table (objectName ``claimsTablePanel``).

    ``table`` is the QTableView (``claimsTable``), ``filter_edit`` the free-text
    field, ``model`` the :class:`ClaimsTableModel`.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsTablePanel")
        self.ctx = ctx
        self.model = ClaimsTableModel(lambda: self.ctx.ws, self)
        self.filter_bar = ClaimFilterBar(self)
        self.filter_edit = self.filter_bar.filter_edit

        self.table = _Table(self)
        self.table.setObjectName("claimsTable")
        self.table.setAccessibleName("Claims")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # No sort until a header is clicked: rows come by article, then position.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vheader = self.table.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(ROW_HEIGHT)
        vheader.setMinimumSectionSize(ROW_HEIGHT)
        vheader.hide()
        hheader = self.table.horizontalHeader()
        hheader.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hheader.setStretchLastSection(True)
        hheader.setSortIndicatorShown(True)
        for col, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(col, width)
        hheader.moveSection(hheader.visualIndex(COL_THREADS), hheader.visualIndex(COL_STATUS) + 1)
        hheader.moveSection(hheader.visualIndex(COL_RELAYS), hheader.visualIndex(COL_SOURCE) + 1)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("claimsCountLabel")
        self.loading_label = QLabel("Loading claims…", self)
        self.loading_label.setObjectName("claimsLoadingLabel")
        self.loading_label.setVisible(False)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(4, 0, 4, 0)
        status_row.addWidget(self.count_label)
        status_row.addStretch(1)
        status_row.addWidget(self.loading_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(status_row)

        self.table.doubleClicked.connect(self.open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # The claim of the selected row as last seen: rows inserted, moved or removed
        # around it report the same claim selected again, which chooses nothing.
        self._row_claim: str | None = None
        self.filter_bar.filterChanged.connect(self.set_filter)
        self.model.loadingChanged.connect(self.loading_label.setVisible)
        self.model.loaded.connect(self._loaded)
        self.model.countChanged.connect(lambda _n: self._update_count())
        self.model.refreshed.connect(self._restore_selection)
        self.model.located.connect(self._located)
        self.model.loadFailed.connect(self._load_failed)
        self._current: str | None = None  # the claim the analyst selected last
        self._echo: tuple[list[str], bool] | None = None  # legacy signals after a publish
        ctx.changed.connect(self._changed)
        ctx.claimsChanged.connect(self._claims_changed)
        ctx.reviewChanged.connect(self._review_changed)
        ctx.claimSelected.connect(self._follow_selection)
        ctx.openClaimRequested.connect(self._follow_selection)
        ctx.sourcesChanged.connect(lambda: self.filter_bar.reload_sources(self.ctx.ws))
        ctx.articlesChanged.connect(lambda: self.filter_bar.reload_articles(self.ctx.ws))
        ctx.workspaceChanged.connect(self._workspace_changed)
        self.reload()

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the filter choices and the first rows again, in the background."""
        self.filter_bar.reload_choices(self.ctx.ws)
        self._guard(lambda: self.model.load_async(self.filter_bar.current_filter()))

    def _workspace_changed(self) -> None:
        # No rows of the old workspace while the new one loads (the change record
        # naming everything, which follows, reads the new one).
        self.model.clear()
        self._current = None
        self.filter_bar.reload_choices(self.ctx.ws)
        self._update_count()

    def set_filter(self, flt: ClaimFilter) -> None:
        """Show only the claims matching *flt*, read in the background (see ``model.loaded``)."""
        self._guard(lambda: self.model.load_async(flt))

    def _loaded(self, _count: int) -> None:
        self._update_count()
        self._restore_selection()

    def _load_failed(self, exc: BaseException) -> None:
        """A background read failed: an expected failure is reported, any other logged.

        The table keeps the rows it shows; the count line says what went wrong
        (a dropped connection to a shared workspace, say) without a modal dialog.
        """
        if isinstance(exc, ClaimDeskError):
            self.ctx.report_error(exc)
            return
        log.error("reading the claims table failed", exc_info=exc)
        self.count_label.setText(f"The claims could not be read: {str(exc).splitlines()[0]}")

    def current_filter(self) -> ClaimFilter:
        return self.model.claim_filter

    def _changed(self, changes: Changes) -> None:
        """The one path for local and remote writes: refresh only the rows named."""
        claim_ids = sorted(changes.ids(Entity.CLAIM))
        review = changes.touches(Entity.COMMENT) or changes.touches(Entity.VERDICT)
        self._echo = ([] if changes.everything else claim_ids, review)
        QTimer.singleShot(0, self._forget_echo)
        if changes.everything:
            self.filter_bar.reload_choices(self.ctx.ws)
        elif any(
            c.op is not Op.DELETED and (not c.fields or "tags" in c.fields)
            for c in changes.of(Entity.CLAIM)
        ):
            self.filter_bar.reload_tags(self.ctx.ws)  # a claim may carry a new tag
        self._guard(lambda: self.model.apply_changes(changes))

    def _forget_echo(self) -> None:
        self._echo = None

    def _claims_changed(self, ids: list[str]) -> None:
        """Claims changed without a change record (older callers): re-read those ids."""
        if self._echo is not None and self._echo[0] == ids:
            self._echo = (["-"], self._echo[1])  # the record was handled already
            return
        if not ids:
            self.filter_bar.reload_choices(self.ctx.ws)
            self._guard(lambda: self.model.load_async())
            return
        self.filter_bar.reload_tags(self.ctx.ws)
        self._guard(lambda: self.model.refresh_claims(ids))

    def _review_changed(self) -> None:
        if self._echo is not None and self._echo[1]:
            return  # the change record named the claims
        self._guard(lambda: self.model.refresh_thread_counts())

    def _guard(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except ClaimDeskError as exc:
            self.ctx.report_error(exc)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if self.model.loading and not n:
            self.count_label.setText("")
        elif n and not self.model.count_known:
            self.count_label.setText(f"{n:,}+ claims (counting…)")
        elif n:
            self.count_label.setText(f"{n:,} claim{'s' if n != 1 else ''}")
        elif self.model.claim_filter != ClaimFilter():
            self.count_label.setText(
                "No claims match these filters: set them back to all, or clear Find."
            )
        else:
            self.count_label.setText(
                "No claims yet: select words in the reader, then press Ctrl+E to make a claim."
            )

    # ------------------------------------------------------------ selection

    def current_claim_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ClaimIdRole) if index.isValid() else None

    def select_claim(self, claim_id: str, *, emit: bool = True) -> bool:
        """Make *claim_id* the current row (if its row is read) and scroll to it.

        A claim whose row is not read yet is found in the background and selected
        (without signals) when found; the return value is then False.
        """
        claim_id = str(claim_id)
        self._current = claim_id
        row = self.model.row_of(claim_id)
        if row is None:
            # The row selected until now must not stay selected meanwhile: rows
            # inserted above it would report it selected again, and the window would
            # go back to that claim.
            selection = self.table.selectionModel()
            selection.blockSignals(True)
            try:
                selection.clear()
            finally:
                selection.blockSignals(False)
            self._row_claim = None
            self.model.locate(claim_id)
            return False
        self._select_row(row, emit=emit)
        return True

    def _select_row(self, row: int, *, emit: bool) -> None:
        index = self.model.index(row, 0)
        if not emit:
            self._row_claim = index.data(ClaimIdRole)
        selection = self.table.selectionModel()
        if not emit:
            selection.blockSignals(True)
        try:
            # Replaces the selection whatever keys are held (Ctrl still down after
            # Ctrl+E would otherwise add the row to it).
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.select(index, flags)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            if not emit:
                selection.blockSignals(False)
        self.table.scrollTo(index)

    def _located(self, claim_id: str, row: int) -> None:
        if claim_id == self._current and row >= 0 and self.current_claim_id() != claim_id:
            self._select_row(row, emit=False)

    def _restore_selection(self) -> None:
        """Rows were read again or moved: keep the analyst's claim selected."""
        if self._current and self.current_claim_id() != self._current:
            row = self.model.row_of(self._current)
            if row is None:
                self.model.locate(self._current)
            else:
                self._select_row(row, emit=False)

    def _follow_selection(self, claim_id: str) -> None:
        """Highlight a claim chosen elsewhere (reader, links, search, queue) without
        echoing the signal; its row alone stays selected."""
        if claim_id and (
            claim_id != self.current_claim_id() or self.selected_claim_ids() != [claim_id]
        ):
            self.select_claim(claim_id, emit=False)

    def open_index(self, index: QModelIndex) -> None:
        claim_id = index.data(ClaimIdRole)
        if claim_id:
            self.ctx.openClaimRequested.emit(claim_id)

    def _selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            self._row_claim = None
        else:
            claim_id = rows[0].data(ClaimIdRole)
            if claim_id == self._row_claim:
                return  # the same claim, its row moved: the analyst chose nothing
            self._row_claim = claim_id
            if claim_id:
                self._current = claim_id
                self.ctx.claimSelected.emit(claim_id)

    def selected_claim_ids(self) -> list[str]:
        ids = (i.data(ClaimIdRole) for i in self.table.selectionModel().selectedRows())
        return [i for i in ids if i]

    # ------------------------------------------------------------ actions

    def set_status(self, claim_ids: list[str], status: Status) -> int:
        """Give every listed claim *status*, as one undoable step; returns how many changed."""
        todo = [
            claim_id
            for claim_id in claim_ids
            if (row := self.model.row_of(claim_id)) is None
            or self.model.raw_row(row)[R_STATUS] != status
        ]
        if not todo:
            return 0
        stack = self.ctx.undo_stack
        changed = 0
        stack.beginMacro(f"Set {len(todo)} claim(s) to {status.label.lower()}")
        try:
            for claim_id in todo:
                command = UpdateClaimCommand(self.ctx, uuid.UUID(claim_id), {"status": status})
                stack.push(command)
                if command.failed:
                    break
                changed += 1
        except ClaimDeskError as exc:  # reading the old values failed
            self.ctx.report_error(exc)
        finally:
            stack.endMacro()
        return changed

    def _context_menu(self, pos: QPoint) -> None:
        ids = self.selected_claim_ids()
        if not ids:
            return
        menu = QMenu(self)
        open_action = menu.addAction("&Open claim")
        open_action.setEnabled(len(ids) == 1)
        open_action.triggered.connect(lambda: self.ctx.openClaimRequested.emit(ids[0]))
        status_menu = menu.addMenu(f"Set &status of {len(ids)} claim(s)")
        for status in Status:
            action = status_menu.addAction(status_icon(status), status.label)
            action.triggered.connect(lambda _c=False, s=status: self.set_status(ids, s))
        copy = menu.addAction("&Copy id(s)")
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText("\n".join(ids)))
        if self.actions():  # actions other panels gave the table (Assign to Fact…)
            menu.addSeparator()
            menu.addActions(self.actions())
        menu.exec(self.table.viewport().mapToGlobal(pos))
