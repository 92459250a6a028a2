"""SourcesView: the source registry with add/edit/delete/merge and each source's claims."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Entity, Op
from db.claims import ClaimFilter
from db.errors import ClaimDeskError
from desktop.accessibility import hand_focus_on
from desktop.context import AppContext
from desktop.models.claims_model import (
    COL_ARTICLE,
    COL_GRADING,
    COL_ID,
    COL_SOURCE,
    COL_STATEMENT,
    COL_STATUS,
    ClaimIdRole,
    ClaimsTableModel,
)
from desktop.models.sources_model import COL_ALIASES, COL_NAME, SourceIdRole, SourcesTableModel
from desktop.operations import sources as source_ops
from desktop.operations.sources import SourceInfo, source_values
from desktop.review.common import follow_changes
from desktop.sources.dialogs import MergeTargetDialog, SourceEditDialog

# An empty filter matching no claim: shown while no source is selected.
_NO_SOURCE = ClaimFilter(source_ids=frozenset({uuid.UUID(int=0)}))


class SourcesView(QWidget):
    """Every source with its claims (objectName ``sourcesView``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesView")
        self.ctx = ctx
        self.model = SourcesTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        # Replaced in tests to answer dialogs without showing them.
        self.edit_dialog_factory: Callable[[SourceInfo | None], Any] = lambda info: (
            SourceEditDialog(info, self)
        )
        self.merge_dialog_factory: Callable[[SourceInfo, list[SourceInfo]], Any] = (
            lambda drop, all_: MergeTargetDialog(drop, all_, self)
        )
        self._build()
        # Claim counts go stale when claims move between sources; they are counted
        # again once the edits settle, and only while the view is shown.
        self._counts_stale = False
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(300)
        self._count_timer.timeout.connect(self._recount)
        follow_changes(ctx, self._on_changes, self)
        self.reload()

    def _build(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("sourcesFilterEdit")
        self.filter_edit.setPlaceholderText("Filter sources by name, alias, affiliation…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        find_label = QLabel("Find:", self)
        find_label.setBuddy(self.filter_edit)

        self.add_button = QPushButton("Ne&w…", self)
        self.add_button.setObjectName("addSourceButton")
        self.edit_button = QPushButton("Edit…", self)
        self.edit_button.setObjectName("editSourceButton")
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.setObjectName("deleteSourceButton")
        self.merge_button = QPushButton("&Merge into…", self)
        self.merge_button.setObjectName("mergeSourceButton")
        self.merge_button.setToolTip(
            "Merge the selected duplicate into another source: its claims move over "
            "and its name becomes an alias (cannot be undone)"
        )
        self.add_button.clicked.connect(self.add_with_dialog)
        self.edit_button.clicked.connect(self.edit_with_dialog)
        self.delete_button.clicked.connect(self.delete_selected)
        self.merge_button.clicked.connect(self.merge_with_dialog)

        self.table = QTableView(self)
        hand_focus_on(self.table)
        self.table.setObjectName("sourcesTable")
        self.table.setAccessibleName("Sources")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((180, 75, 150, 160, 150, 55)):
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setSectionResizeMode(
            COL_ALIASES, QHeaderView.ResizeMode.Stretch
        )
        self.table.doubleClicked.connect(lambda _i: self.edit_with_dialog())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

        self.claims_label = QLabel("Claims of the selected source", self)
        self.claims_label.setObjectName("sourceClaimsLabel")
        self.claims_model = ClaimsTableModel(lambda: self.ctx.ws, self)
        self.claims_table = QTableView(self)
        hand_focus_on(self.claims_table)
        self.claims_table.setObjectName("sourceClaimsTable")
        self.claims_table.setAccessibleName("Claims of the selected source")
        self.claims_table.setModel(self.claims_model)
        self.claims_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.claims_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.claims_table.setSortingEnabled(True)
        self.claims_table.verticalHeader().hide()
        self.claims_table.verticalHeader().setDefaultSectionSize(24)
        self.claims_table.setWordWrap(False)
        for col in range(self.claims_model.columnCount()):
            keep = col in (COL_ID, COL_STATUS, COL_GRADING, COL_STATEMENT, COL_ARTICLE)
            self.claims_table.setColumnHidden(col, not keep)
        self.claims_table.setColumnHidden(COL_SOURCE, True)
        self.claims_table.setColumnWidth(COL_ID, 80)
        self.claims_table.setColumnWidth(COL_STATEMENT, 300)
        self.claims_table.horizontalHeader().setStretchLastSection(True)
        self.claims_table.doubleClicked.connect(self._open_claim)
        self.claims_table.activated.connect(self._open_claim)

        buttons = QHBoxLayout()
        buttons.addWidget(find_label)
        buttons.addWidget(self.filter_edit, 1)
        for button in (self.add_button, self.edit_button, self.delete_button, self.merge_button):
            buttons.addWidget(button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.claims_label)
        lower_layout.addWidget(self.claims_table)
        # Side by side: the panel usually sits in the short, wide bottom dock, where
        # stacking the two tables left each only a row or two.
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        """Re-read every source, keeping the selection when it still exists."""
        selected = self.selected_source_id()
        try:
            sources = source_ops.list_sources(self.ctx)
        except ClaimDeskError as exc:
            self.ctx.report_error(exc)
            return
        self.model.set_sources(sources)
        self._counts_stale = False
        if selected and not self.select_source(selected):
            selected = None
        if not selected:
            self._show_claims(None)
        self._update_buttons()

    def _on_changes(self, changes: Changes) -> None:
        """Update the rows of the sources named; count claims again when they moved."""
        if changes.everything:
            self.reload()
            return
        try:
            self._apply(changes)
        except ClaimDeskError as exc:
            self.ctx.report_error(exc)

    def _apply(self, changes: Changes) -> None:
        gone = changes.ids(Entity.SOURCE, Op.DELETED)
        if gone:
            selected = self.selected_source_id()
            self.model.remove_ids(gone)
            if selected in gone:
                self._show_claims(None)
        touched = changes.ids(Entity.SOURCE) - gone
        if touched:
            self.model.upsert(source_ops.sources_by_ids(self.ctx, touched))
        claims = changes.of(Entity.CLAIM)
        created = [c.id for c in claims if c.op is Op.CREATED]
        if created:  # a new claim counts for its source: that row only
            sources = source_ops.sources_of_claims(self.ctx, created)
            if sources:
                self.model.upsert(source_ops.sources_by_ids(self.ctx, sources))
        moved = [
            c
            for c in claims
            if c.op is Op.DELETED
            or (c.op is Op.UPDATED and (not c.fields or "source_id" in c.fields))
        ]
        if moved:
            self._counts_stale = True
            if self.isVisible():
                self._count_timer.start()
        selected = self.selected_source_id()
        if claims and selected:
            self.claims_model.refresh_ids([c.id for c in claims])
            self._show_claims(selected)
        self._update_buttons()

    def _recount(self) -> None:
        if not self._counts_stale:
            return
        try:
            self.model.set_counts(source_ops.claim_counts(self.ctx))
        except ClaimDeskError as exc:
            self.ctx.report_error(exc)
            return
        self._counts_stale = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._counts_stale:
            self._count_timer.start()

    def select_source(self, source_id: str | uuid.UUID) -> bool:
        row = self.model.row_of(str(source_id))
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        return True

    def selected_source_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(SourceIdRole) if index.isValid() else None

    def selected_source(self) -> SourceInfo | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.source_at(self.proxy.mapToSource(index).row())

    def _cached(self, source_id: str | uuid.UUID) -> SourceInfo | None:
        row = self.model.row_of(str(source_id))
        return None if row is None else self.model.source_at(row)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_claims(current.data(SourceIdRole) if current.isValid() else None)
        self._update_buttons()

    def _show_claims(self, source_id: str | None) -> None:
        info = self._cached(source_id) if source_id else None
        if info is None:
            self.claims_label.setText("Select a source to list its claims.")
            self.claims_model.clear()
            return
        flt = ClaimFilter(source_ids=frozenset({info.id}))
        if self.claims_model.claim_filter != flt:
            try:
                self.claims_model.load(flt)
            except ClaimDeskError as exc:
                self.ctx.report_error(exc)
        n = self.claims_model.rowCount()
        self.claims_label.setText(f"Claims attributed to {info.name}: {n}")

    def _update_buttons(self) -> None:
        has = self.selected_source_id() is not None
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(has)
        self.merge_button.setEnabled(has and self.model.rowCount() > 1)

    def _open_claim(self, index: QModelIndex) -> None:
        claim_id = index.data(ClaimIdRole)
        if claim_id:
            self.ctx.openClaimRequested.emit(claim_id)

    # ------------------------------------------------------------ actions

    def add_source(self, name: str, **fields: Any) -> uuid.UUID | None:
        """Create a source (undoable) and select it; None when refused."""
        source_id = source_ops.create_source(self.ctx, name, **fields)
        if source_id is not None:
            self.select_source(source_id)
        return source_id

    def update_source(self, source_id: str | uuid.UUID, **fields: Any) -> bool:
        """Change fields of a source (undoable, refused if someone else changed it)."""
        sid = uuid.UUID(str(source_id))
        info = self._cached(sid)
        if info is None:
            try:
                info = source_ops.get_source(self.ctx, sid)
            except ClaimDeskError as exc:
                self.ctx.report_error(exc)
                return False
        stored = source_values(info)
        new = {k: v for k, v in fields.items() if stored.get(k) != v}
        if not new:
            return False
        old = {k: stored[k] for k in new}
        return source_ops.update_source(self.ctx, sid, new, old, info.version)

    def delete_source(self, source_id: str | uuid.UUID) -> bool:
        """Delete a source after confirmation (undoable); its claims keep no source."""
        info = self._cached(source_id)
        if info is None:
            return False
        message = f"Delete the source “{info.name}”?"
        if info.claim_count:
            message += f" Its {info.claim_count} claim(s) will have no source."
        message += " You can undo this."
        if not self.ctx.dialogs.confirm("Delete source", message):
            return False
        return source_ops.delete_source(self.ctx, info.id)

    def merge_sources(self, drop_id: str | uuid.UUID, keep_id: str | uuid.UUID) -> bool:
        """Merge *drop* into *keep* after confirmation (undoable)."""
        drop, keep = self._cached(drop_id), self._cached(keep_id)
        if drop is None or keep is None:
            return False
        if keep.id == drop.id:
            self.ctx.report_error(ClaimDeskError("A source cannot be merged with itself."))
            return False
        message = (
            f"Merge “{drop.name}” into “{keep.name}”? Its {drop.claim_count} claim(s) move to "
            f"“{keep.name}”, and “{drop.name}” becomes one of its aliases. "
            "You can undo this."
        )
        if not self.ctx.dialogs.confirm("Merge sources", message):
            return False
        if not source_ops.merge_sources(self.ctx, drop.id, keep.id):
            return False
        self.select_source(keep.id)
        return True

    # ------------------------------------------------------------ dialogs

    def add_with_dialog(self) -> None:
        dialog = self.edit_dialog_factory(None)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            values = dialog.values()
            self.add_source(values.pop("name"), **values)

    def edit_with_dialog(self) -> None:
        info = self.selected_source()
        if info is None:
            return
        dialog = self.edit_dialog_factory(info)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.update_source(info.id, **dialog.values())

    def delete_selected(self) -> None:
        source_id = self.selected_source_id()
        if source_id:
            self.delete_source(source_id)

    def merge_with_dialog(self) -> None:
        drop = self.selected_source()
        if drop is None:
            return
        dialog = self.merge_dialog_factory(drop, self.model.sources())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.target_id():
            self.merge_sources(drop.id, dialog.target_id())
