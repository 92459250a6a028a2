"""File ▸ Restore from Backup: the open workspace's backups, restored into a new file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.backup import BackupInfo, size_text
from desktop.accessibility import hand_focus_on
from desktop.screen_fit import resize_within_screen

COLUMNS = ("Taken (UTC)", "Schema", "Articles", "Claims", "Sources", "Size")
Index = QModelIndex | QPersistentModelIndex


class BackupsModel(QAbstractTableModel):
    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b = self.backups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                b.taken.strftime("%Y-%m-%d %H:%M:%S"),
                b.revision or "?",
                b.counts.get("article", 0),
                b.counts.get("claim", 0),
                b.counts.get("source", 0),
                size_text(b.size),
            )
            return str(values[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(b.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RestoreDialog(QDialog):
    """Lists backups; accepting returns the chosen one in :attr:`chosen`."""

    def __init__(
        self,
        backups: list[BackupInfo],
        folder: Path,
        disk_use: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from Backup")
        resize_within_screen(self, 720, 380)
        self.chosen: BackupInfo | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose a backup. It is restored into a new workspace file, which then opens; "
            "the workspace open now is not changed."
            if backups
            else "No backups of this workspace yet. One is taken when a workspace opens and "
            "then every few minutes while you edit."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = BackupsModel(backups, self)
        self.table = QTableView(self)
        hand_focus_on(self.table)
        self.table.setObjectName("backupsTable")
        self.table.setAccessibleName("Backups")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 170)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.table, 1)
        where = QLabel(f"Backups are kept in {folder} ({size_text(disk_use)} in all).")
        where.setObjectName("backupFolderLabel")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Restore…")
        self.ok.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        if backups:
            self.table.selectRow(0)
        self.table.setFocus()

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.chosen = self.model.backups[rows[0].row()] if rows else None
        self.ok.setEnabled(self.chosen is not None)
