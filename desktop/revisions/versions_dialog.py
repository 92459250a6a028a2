"""File ▸ Earlier Versions of Article: the texts an article had before, read-only.

The list shows each earlier version: its number, when it was replaced (local
time), by whom (the analyst's name as the workspace records it), its length and
its file; the text of the chosen one is read only when chosen.  The workspace
keeps no count of the claims a replacement kept, moved or orphaned (the report
shown when it ran gives them; each claim's history records its move), so the
list has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.revisions import RevisionInfo
from desktop.accessibility import hand_focus_on
from desktop.screen_fit import resize_within_screen
from desktop.style import reader_font

TITLES = ("Version", "Replaced (local time)", "Replaced by", "Length", "File")
VERSION, REPLACED, BY, LENGTH, FILE = range(len(TITLES))
NOT_RECORDED = "not recorded"
Index = QModelIndex | QPersistentModelIndex


def replaced_text(info: RevisionInfo) -> str:
    """When *info*'s text was replaced, in local time to the minute (as the command line
    prints it)."""
    when = info.replaced_at
    if isinstance(when, dt.datetime):
        return when.astimezone().strftime("%Y-%m-%d %H:%M")
    return str(when)


def replaced_in_full(info: RevisionInfo) -> str:
    """The same moment to the second with the local zone, for the cell's tooltip."""
    when = info.replaced_at
    if isinstance(when, dt.datetime):
        local = when.astimezone()
        return f"{local.strftime('%A %d %B %Y, %H:%M:%S')} ({local.tzname() or 'local time'})"
    return str(when)


def replaced_by_text(info: RevisionInfo) -> str:
    return info.replaced_by or NOT_RECORDED


class RevisionsModel(QAbstractTableModel):
    def __init__(self, revisions: list[RevisionInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.revisions = revisions

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.revisions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return TITLES[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.revisions[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            values = (
                str(r.number),
                replaced_text(r),
                replaced_by_text(r),
                f"{r.length:,} characters",
                r.filename or "—",
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == REPLACED:
                return replaced_in_full(r)
            if column == BY and not r.replaced_by:
                return "The workspace does not record who replaced this text."
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (VERSION, LENGTH):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class VersionsDialog(QDialog):
    """Earlier texts of one article; the chosen one shown read-only beside the list."""

    def __init__(
        self,
        title: str,
        revisions: list[RevisionInfo],
        read_text: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("versionsDialog")
        self.setWindowTitle(f"Earlier versions of “{title}”")
        resize_within_screen(self, 900, 600)
        self._read_text = read_text
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Texts this article had before it was replaced, oldest first. They are kept "
            "for good and cannot be edited."
            if revisions
            else "This article has had one text only: it was never replaced "
            "(File ▸ Replace Article Text…)."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RevisionsModel(revisions, self)
        self.table = QTableView(self)
        hand_focus_on(self.table)
        self.table.setObjectName("versionsTable")
        self.table.setAccessibleName("Earlier versions")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(REPLACED, 160)
        self.table.setColumnWidth(BY, 160)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("versionText")
        self.text.setAccessibleName("Text of the chosen version")
        self.text.setReadOnly(True)
        self.text.setFont(reader_font())
        self.text.setPlaceholderText("Choose a version to read its text.")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setSizes([160, 440])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.shown_number: int | None = None
        self.table.selectionModel().selectionChanged.connect(self._selected)
        if revisions:
            self.table.selectRow(len(revisions) - 1)  # the text it had just before
        self.table.setFocus()

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        number = self.model.revisions[rows[0].row()].number
        self.text.setPlainText(self._read_text(number))
        self.shown_number = number
