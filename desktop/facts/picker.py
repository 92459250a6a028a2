"""Pick a fact: a search field over a list filtered and paged in SQL.

The list reads one page of facts at a time (more as it is scrolled), so it
opens at once however many facts the workspace holds.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from db.errors import ClaimDeskError
from db.facts.service import FactInfo
from desktop.context import AppContext
from desktop.operations import facts as fact_ops
from desktop.palette import hint_style
from desktop.screen_fit import resize_within_screen

Index = QModelIndex | QPersistentModelIndex
FactIdRole = Qt.ItemDataRole.UserRole + 1
PAGE = 200
TYPE_DELAY_MS = 200


def _claims(n: int) -> str:
    return f"{n} claim{'s' if n != 1 else ''}"


class FactListModel(QAbstractListModel):
    """Facts matching a text, read a page at a time as the view asks for more."""

    def __init__(self, ctx: AppContext, exclude: set[uuid.UUID] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.exclude = set(exclude or ())
        self.text = ""
        self.rows: list[FactInfo] = []
        self._read = 0  # facts read from the database so far (excluded ones included)
        self._more = True
        self.error = ""

    def set_text(self, text: str) -> None:
        self.beginResetModel()
        self.text = text
        self.rows = []
        self._read = 0
        self._more = True
        self.error = ""
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more:
            return
        try:
            page = fact_ops.find_facts(self.ctx, self.text, self._read, PAGE)
        except ClaimDeskError as exc:
            self.error = str(exc)
            self._more = False
            return
        self._read += len(page)
        self._more = len(page) == PAGE
        page = [f for f in page if f.id not in self.exclude]
        if page:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        fact = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{fact.name}  ({_claims(fact.claim_count)})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return fact.notes or fact.name
        if role == FactIdRole:
            return fact.id
        return None


class FactPickerDialog(QDialog):
    """Type to find a fact, Enter picks it; :meth:`chosen` gives its id."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        title: str = "Assign to fact",
        prompt: str = "The question this claim answers:",
        ok_text: str = "&Assign",
        exclude: set[uuid.UUID] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("factPickerDialog")
        self.setWindowTitle(title)
        resize_within_screen(self, 560, 420)
        self.model = FactListModel(ctx, exclude)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("factFilterEdit")
        self.filter_edit.setPlaceholderText("Type words of the fact's name or notes")
        self.filter_edit.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPE_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.filter_edit.textChanged.connect(lambda _t: self._timer.start())
        self.filter_edit.returnPressed.connect(self._enter)
        self.list = QListView(self)
        self.list.setObjectName("factPickerList")
        self.list.setAccessibleName("Facts")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.doubleClicked.connect(lambda _i: self.accept())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("factPickerCount")
        self.count_label.setStyleSheet(hint_style())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        label = QLabel("&Find:", self)
        label.setBuddy(self.filter_edit)
        form.addRow(QLabel(prompt, self))
        form.addRow(label, self.filter_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.buttons)
        self.filter_edit.setFocus()
        self.refresh()

    def refresh(self) -> None:
        """Show the first page of facts matching the search text."""
        self._timer.stop()
        self.model.set_text(self.filter_edit.text().strip())
        n = self.model.rowCount()
        if self.model.error:
            self.count_label.setText(self.model.error)
        elif n == 0:
            self.count_label.setText(
                "No fact matches. Close this and use “New Fact from Claim…” to make one."
            )
        else:
            more = " (scroll for more)" if self.model.canFetchMore(QModelIndex()) else ""
            self.count_label.setText(f"{n} matching fact{'s' if n != 1 else ''}{more}.")
        if n:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(n))

    def _enter(self) -> None:
        if self._timer.isActive():
            self.refresh()
        if self.chosen() is not None:
            self.accept()

    def select_fact(self, fact_id: uuid.UUID) -> bool:
        for row, fact in enumerate(self.model.rows):
            if fact.id == fact_id:
                self.list.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def chosen(self) -> uuid.UUID | None:
        index = self.list.currentIndex()
        return index.data(FactIdRole) if index.isValid() else None
