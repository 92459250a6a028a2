"""Change history: the selected claim's history with "Restore this state", and the
workspace-wide history dialog.  Both are windowed models read a page at a time."""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Entity
from desktop.context import AppContext
from desktop.models.history_model import (
    ACTION_LABELS,
    COL_ACTION,
    COL_WHAT,
    COL_WHEN,
    COL_WHO,
    ClaimIdRole,
    EntryIdRole,
    HistoryModel,
    item_name,
)
from desktop.operations import history as history_ops
from desktop.operations import review as review_ops
from desktop.operations.history import ENTITY_TYPES, HistoryItem
from desktop.review.common import (
    as_uuid,
    attempt,
    bare_claims,
    claims_named,
    follow_changes,
    hidden_in_window,
    local_time,
    when_shown,
)
from desktop.screen_fit import resize_within_screen

__all__ = ["ACTION_LABELS", "HistoryPanel", "WorkspaceHistoryDialog", "item_name"]


def _tree(parent: QWidget, name: str, model: HistoryModel, spoken: str) -> QTreeView:
    tree = QTreeView(parent)
    tree.setObjectName(name)
    tree.setAccessibleName(spoken)
    tree.setModel(model)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tree.setUniformRowHeights(True)
    header = tree.header()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Time, analyst and action are short: their columns fit what the rows in view
    # say (fit_columns; a mode that resizes by itself would read pages out of
    # view).  "What" starts wide enough for a field name and a short quote; longer
    # text is whole in the tooltip.  "Change" takes the rest.
    header.setResizeContentsPrecision(0)  # only the rows in view: no page read for it
    char = tree.fontMetrics().averageCharWidth()
    header.resizeSection(COL_WHAT, 30 * char + 16)
    header.setStretchLastSection(True)
    return tree


def fit_columns(tree: QTreeView) -> None:
    """Size the time, analyst and action columns to the rows in view (and their titles),
    never below what a time or the longest action needs."""
    metrics = tree.fontMetrics()
    least = {
        COL_WHEN: metrics.horizontalAdvance("0000-00-00 00:00"),
        COL_ACTION: max(metrics.horizontalAdvance(t) for t in ACTION_LABELS.values()),
        COL_WHO: 0,
    }
    header = tree.header()
    for col, width in least.items():
        tree.resizeColumnToContents(col)
        header.resizeSection(col, max(header.sectionSize(col), width + 16))


class HistoryPanel(QWidget):
    """The selected claim's history, oldest first (objectName ``historyPanel``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("historyPanel")
        self.claim_id: uuid.UUID | None = None
        self.stale = False  # hidden behind another tab when something changed
        self._bare: set[str] = set()  # claims the last change record created bare
        self.title = QLabel("Select a claim to see its history.", self)
        self.title.setWordWrap(True)
        self.verdicts = QLabel(self)
        self.verdicts.setObjectName("claimVerdicts")
        self.verdicts.setWordWrap(True)
        self.verdicts.setTextFormat(Qt.TextFormat.RichText)
        self.model = HistoryModel(self)
        self.tree = _tree(self, "claimHistoryTree", self.model, "Claim history")
        self.tree.selectionModel().selectionChanged.connect(self._update_button)
        self.restore_button = QPushButton("Restore this state", self)
        self.restore_button.setObjectName("restoreState")
        self.restore_button.setToolTip(
            "Set the claim's fields back to how they were just after the selected change. "
            "The restore is recorded as a new change and can be undone."
        )
        self.restore_button.clicked.connect(self.restore_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.verdicts)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.restore_button)
        layout.addLayout(row)
        ctx.claimSelected.connect(self.show_claim)
        ctx.openClaimRequested.connect(self.show_claim)
        ctx.workspaceChanged.connect(lambda: self.show_claim(""))
        follow_changes(ctx, self._on_changes, self)
        self._update_button()

    def show_claim(self, claim_id: str | uuid.UUID | None) -> None:
        new = as_uuid(claim_id)
        if new == self.claim_id and new is not None:
            return
        self.claim_id = new
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        self._bare = bare_claims(changes)
        if self.claim_id is None or self.stale:
            return
        if hidden_in_window(self):
            self.stale = True  # read when shown
            return
        if changes.everything:
            self.refresh()
            return
        mine = str(self.claim_id)
        named = claims_named(changes)
        # A link names its claims as parents only when the writer knew them.
        if mine not in named and not any(c.parent is None for c in changes.of(Entity.LINK)):
            return
        if attempt(self.ctx, self.model.grow, quiet_not_found=True):
            fit_columns(self.tree)
        self._show_title()
        if changes.touches(Entity.VERDICT) or mine in changes.ids(Entity.CLAIM):
            self._show_verdicts()
        self._update_button()

    def refresh(self) -> None:
        """Read the shown claim's history again (from its first page)."""
        if hidden_in_window(self):
            self.stale = True  # read when shown
            return
        self.stale = False
        claim_id = self.claim_id
        if claim_id is None:
            self.model.clear()
        else:
            count = attempt(
                self.ctx,
                lambda: history_ops.claim_history_count(self.ctx, claim_id),
                quiet_not_found=True,
            )
            self.model.set_source(
                lambda: history_ops.claim_history_count(self.ctx, claim_id),
                lambda offset, limit: history_ops.claim_history_page(
                    self.ctx, claim_id, offset, limit
                ),
                count or 0,
            )
            # A claim's history reads oldest first; show the latest.
            self.tree.scrollToBottom()
            fit_columns(self.tree)
        self._show_title()
        self._show_verdicts()
        self._update_button()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            when_shown(self, self._catch_up)

    def _catch_up(self) -> None:
        if self.stale:
            self.refresh()

    def _show_title(self) -> None:
        if self.claim_id is None:
            self.title.setText("Select a claim to see its history.")
            return
        n = self.model.rowCount()
        self.title.setText(
            f"{n} change{'s' if n != 1 else ''} to claim {str(self.claim_id)[:8]}, "
            "oldest first. Select one to restore the claim to how it was then."
        )

    def _show_verdicts(self) -> None:
        claim_id = self.claim_id
        found = (
            attempt(
                self.ctx, lambda: review_ops.verdicts_of(self.ctx, claim_id), quiet_not_found=True
            )
            if claim_id is not None and str(claim_id) not in self._bare  # a new claim has none
            else None
        )
        lines = [
            f"<b>{html.escape(v.status.label)}</b> by {html.escape(v.reviewer_name)}, "
            f"{local_time(v.decided_at)}: {html.escape(v.rationale)}"
            for v in reversed(found or [])
        ]
        self.verdicts.setText("<br>".join(lines))
        self.verdicts.setVisible(bool(lines))

    @property
    def items(self) -> list[HistoryItem]:
        """Every entry shown (reads every page: for tests and short histories)."""
        found = (self.model.item_at(row) for row in range(self.model.rowCount()))
        return [i for i in found if i is not None]

    def selected_entry_id(self) -> uuid.UUID | None:
        rows = self.tree.selectionModel().selectedRows()
        return as_uuid(rows[0].data(EntryIdRole)) if rows else None

    def select_entry(self, entry_id: uuid.UUID | str) -> bool:
        for row in range(self.model.rowCount()):
            item = self.model.item_at(row)
            if item is not None and str(item.id) == str(entry_id):
                self.tree.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    def _update_button(self) -> None:
        entry = self.selected_entry_id()
        self.restore_button.setEnabled(self.claim_id is not None and entry is not None)

    def restore_selected(self) -> None:
        entry = self.selected_entry_id()
        if self.claim_id is None or entry is None:
            return
        history_ops.restore_state(self.ctx, self.claim_id, entry)


class WorkspaceHistoryDialog(QDialog):
    """Every change in the workspace, newest first, read a page at a time as it scrolls."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workspaceHistory")
        self.setWindowTitle("Workspace history")
        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName("Kind filter")
        self.kind_filter.addItem("Everything", None)
        for kind in ENTITY_TYPES:
            self.kind_filter.addItem(kind.capitalize() + "s", kind)
        self.who_filter = QComboBox(self)
        self.who_filter.setAccessibleName("Analyst filter")
        self.who_filter.addItem("Everyone", None)
        for name, analyst_id in review_ops.analyst_choices(ctx):
            self.who_filter.addItem(name, analyst_id)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.who_filter.currentIndexChanged.connect(self.refresh)
        self.model = HistoryModel(self, show_claim=True)
        self.tree = _tree(self, "workspaceHistoryTree", self.model, "Workspace history")
        self.tree.doubleClicked.connect(self._open_claim)
        self.count_label = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.kind_filter)
        top.addWidget(self.who_filter)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        resize_within_screen(self, 900, 600)
        self.refresh()

    def refresh(self) -> None:
        kind = self.kind_filter.currentData()
        who = self.who_filter.currentData()
        attempt(
            self.ctx,
            lambda: self.model.set_source(
                lambda: history_ops.workspace_history_count(self.ctx, kind, who),
                lambda offset, limit: history_ops.workspace_history_page(
                    self.ctx, offset, limit, kind, who
                ),
            ),
        )
        fit_columns(self.tree)
        n = self.model.rowCount()
        self.count_label.setText(f"{n} change{'s' if n != 1 else ''}, newest first")

    @property
    def items(self) -> list[HistoryItem]:
        """Every entry (reads every page: for tests)."""
        found = (self.model.item_at(row) for row in range(self.model.rowCount()))
        return [i for i in found if i is not None]

    def _open_claim(self, index: QModelIndex) -> None:
        claim_id = index.data(ClaimIdRole)
        if claim_id:
            self.ctx.openClaimRequested.emit(claim_id)
