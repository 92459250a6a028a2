"""Change history: the selected claim's history with "Restore this state", and the
workspace-wide history dialog."""

from __future__ import annotations

import html
import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import history as history_ops
from db.analysts import list_analysts
from db.history import ENTITY_TYPES, HistoryItem
from db.review import verdicts_of
from desktop.commands.review import RestoreStateCommand
from desktop.context import AppContext
from desktop.review.common import as_uuid, attempt, local_time, one_line

IdRole = Qt.ItemDataRole.UserRole
WHAT_WIDTH = 420
ACTION_LABELS = {
    "create": "created",
    "update": "changed",
    "delete": "deleted",
    "restore": "restored",
    "verdict": "verdict",
    "take back": "verdict taken back",
}


def _value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return one_line(str(value), 120)


def _full(value: Any) -> str:
    """A value whole, for the tooltip of a row that shows it cut short."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return "—" if value is None or value == "" else str(value)


def item_name(item: HistoryItem) -> str:
    """The kind of item and its readable name: ``source “Reuters”``, ``claim “…”``."""
    if not item.label:
        return item.entity_type
    if item.entity_type == "link":
        return f"link {item.label}"
    return f"{item.entity_type} “{item.label}”"


def fill_history_tree(
    tree: QTreeWidget, items: list[HistoryItem], show_claim: bool = False
) -> None:
    """One row per change; its field changes (old → new) as child rows."""
    tree.clear()
    for item in items:
        what = item_name(item)
        if show_claim and item.claim_id and item.entity_type != "claim":
            what = f"{what} · claim {str(item.claim_id)[:8]}"
        top = QTreeWidgetItem(
            [
                local_time(item.at),
                item.analyst_name or "—",
                ACTION_LABELS.get(item.action, item.action),
                what,
                "" if item.action in ("create", "delete") else item.summary(40),
            ]
        )
        top.setData(0, IdRole, str(item.id))
        top.setData(1, IdRole, str(item.claim_id) if item.claim_id else "")
        top.setToolTip(4, item.summary(400))
        top.setToolTip(0, local_time(item.at, seconds=True))
        top.setToolTip(3, what)
        for ch in item.changes:
            child = QTreeWidgetItem(
                ["", "", "", ch.field, f"{_value(ch.old_shown)} → {_value(ch.new_shown)}"]
            )
            child.setToolTip(4, f"{_full(ch.old_shown)}\n→\n{_full(ch.new_shown)}")
            child.setData(0, IdRole, str(item.id))
            child.setData(1, IdRole, str(item.claim_id) if item.claim_id else "")
            top.addChild(child)
        tree.addTopLevelItem(top)
    for col in range(4):
        tree.resizeColumnToContents(col)
    # Long names (a quote, a URL) are cut short; the full one is in the tooltip.
    tree.setColumnWidth(3, min(tree.columnWidth(3), WHAT_WIDTH))
    if not show_claim:
        tree.scrollToBottom()  # a claim's history reads oldest first; show the latest


def _tree(parent: QWidget, name: str) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setObjectName(name)
    tree.setHeaderLabels(["When", "Who", "Action", "What", "Change"])
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setUniformRowHeights(True)
    return tree


class HistoryPanel(QWidget):
    """The selected claim's history, oldest first (objectName ``historyPanel``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("historyPanel")
        self.claim_id: uuid.UUID | None = None
        self.items: list[HistoryItem] = []
        self.title = QLabel("Select a claim to see its history.", self)
        self.title.setWordWrap(True)
        self.verdicts = QLabel(self)
        self.verdicts.setObjectName("claimVerdicts")
        self.verdicts.setWordWrap(True)
        self.verdicts.setTextFormat(Qt.TextFormat.RichText)
        self.tree = _tree(self, "claimHistoryTree")
        self.tree.itemSelectionChanged.connect(self._update_button)
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
        ctx.claimsChanged.connect(self._claims_changed)
        ctx.linksChanged.connect(self._claims_changed)
        ctx.reviewChanged.connect(self.refresh)
        ctx.workspaceChanged.connect(lambda: self.show_claim(""))
        self._update_button()

    def show_claim(self, claim_id: str | uuid.UUID | None) -> None:
        self.claim_id = as_uuid(claim_id)
        self.refresh()

    def _claims_changed(self, ids: list[str]) -> None:
        if self.claim_id is not None and (not ids or str(self.claim_id) in ids):
            self.refresh()

    def refresh(self) -> None:
        if self.claim_id is None:
            self.items = []
            self.tree.clear()
            self.title.setText("Select a claim to see its history.")
        else:
            claim_id = self.claim_id
            items = attempt(
                self.ctx,
                lambda: history_ops.claim_history(self.ctx.ws, claim_id),
                quiet_not_found=True,
            )
            self.items = items or []
            fill_history_tree(self.tree, self.items)
            n = len(self.items)
            self.title.setText(
                f"{n} change{'s' if n != 1 else ''} to claim {str(self.claim_id)[:8]}, "
                "oldest first. Select one to restore the claim to how it was then."
            )
        self._show_verdicts()
        self._update_button()

    def _show_verdicts(self) -> None:
        claim_id = self.claim_id
        found = (
            attempt(self.ctx, lambda: verdicts_of(self.ctx.ws, claim_id), quiet_not_found=True)
            if claim_id is not None
            else None
        )
        lines = [
            f"<b>{html.escape(v.status.label)}</b> by {html.escape(v.reviewer_name)}, "
            f"{local_time(v.decided_at)}: {html.escape(v.rationale)}"
            for v in reversed(found or [])
        ]
        self.verdicts.setText("<br>".join(lines))
        self.verdicts.setVisible(bool(lines))

    def selected_entry_id(self) -> uuid.UUID | None:
        current = self.tree.currentItem()
        if current is None or not self.tree.selectedItems():
            return None
        return as_uuid(current.data(0, IdRole))

    def select_entry(self, entry_id: uuid.UUID | str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, IdRole) == str(entry_id):
                self.tree.setCurrentItem(item)
                return True
        return False

    def _update_button(self) -> None:
        entry = self.selected_entry_id()
        self.restore_button.setEnabled(self.claim_id is not None and entry is not None)

    def restore_selected(self) -> None:
        entry = self.selected_entry_id()
        if self.claim_id is None or entry is None:
            return
        self.ctx.undo_stack.push(RestoreStateCommand(self.ctx, self.claim_id, entry))
        self.refresh()


class WorkspaceHistoryDialog(QDialog):
    """Every change in the workspace, newest first, a page at a time."""

    PAGE = 200

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workspaceHistory")
        self.setWindowTitle("Workspace history")
        self.offset = 0
        self.items: list[HistoryItem] = []
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem("Everything", None)
        for kind in ENTITY_TYPES:
            self.kind_filter.addItem(kind.capitalize() + "s", kind)
        self.who_filter = QComboBox(self)
        self.who_filter.addItem("Everyone", None)
        for a in list_analysts(ctx.ws):
            self.who_filter.addItem(a.name, str(a.id))
        self.kind_filter.currentIndexChanged.connect(self._first_page)
        self.who_filter.currentIndexChanged.connect(self._first_page)
        self.tree = _tree(self, "workspaceHistoryTree")
        self.tree.itemDoubleClicked.connect(self._open_claim)
        self.newer = QPushButton("Newer", self)
        self.older = QPushButton("Older", self)
        self.newer.clicked.connect(lambda: self._page(-1))
        self.older.clicked.connect(lambda: self._page(1))
        self.page_label = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.kind_filter)
        top.addWidget(self.who_filter)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.newer)
        bottom.addWidget(self.older)
        bottom.addWidget(self.page_label)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        self.resize(900, 600)
        self.refresh()

    def _first_page(self) -> None:
        self.offset = 0
        self.refresh()

    def _page(self, step: int) -> None:
        self.offset = max(0, self.offset + step * self.PAGE)
        self.refresh()

    def refresh(self) -> None:
        items = attempt(
            self.ctx,
            lambda: history_ops.workspace_history(
                self.ctx.ws,
                limit=self.PAGE,
                offset=self.offset,
                entity_type=self.kind_filter.currentData(),
                analyst=self.who_filter.currentData(),
            ),
        )
        self.items = items or []
        fill_history_tree(self.tree, self.items, show_claim=True)
        self.newer.setEnabled(self.offset > 0)
        self.older.setEnabled(len(self.items) == self.PAGE)
        first = self.offset + 1 if self.items else 0
        self.page_label.setText(f"changes {first}–{self.offset + len(self.items)}")

    def _open_claim(self, item: QTreeWidgetItem, _col: int) -> None:
        claim_id = item.data(1, IdRole)
        if claim_id:
            self.ctx.openClaimRequested.emit(claim_id)
