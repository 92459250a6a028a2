"""Pick another claim and a relation to link the shown claim to.

The list is filled from the database as the analyst types, a few hundred
matches at a time, so it opens at once in workspaces of any size.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from db.claim_rows import R_ARTICLE, R_ID, R_QUOTE, R_SOURCE, R_STATEMENT, R_STATUS
from db.claims import ClaimFilter
from db.errors import ClaimDeskError
from db.links import FORWARD_LABEL
from db.models import Relation, Status
from desktop.context import AppContext
from desktop.operations import claims as claim_ops
from desktop.palette import hint_style, status_icon
from desktop.screen_fit import resize_within_screen

ClaimIdRole = Qt.ItemDataRole.UserRole + 1
SHOWN = 300  # matches listed at once
TYPE_DELAY_MS = 200


class LinkClaimDialog(QDialog):
    """A searchable list of claims plus a relation; ``choice()`` gives (claim id, relation)."""

    def __init__(self, ctx: AppContext, exclude: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkClaimDialog")
        self.setWindowTitle("Link to another claim")
        resize_within_screen(self, 680, 480)
        self.ctx = ctx
        self.exclude = exclude

        self.relation_combo = QComboBox(self)
        self.relation_combo.setObjectName("relationCombo")
        for relation in Relation:
            self.relation_combo.addItem(f"This claim {FORWARD_LABEL[relation]} …", relation.value)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("linkFilterEdit")
        self.filter_edit.setPlaceholderText("Type to search quotes, statements, notes and sources")
        self.filter_edit.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPE_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.filter_edit.textChanged.connect(lambda _t: self._timer.start())

        self.items = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setObjectName("linkClaimList")
        self.list.setAccessibleName("Claims to link to")
        self.list.setModel(self.items)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.doubleClicked.connect(lambda _i: self.accept())
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet(hint_style())

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Link")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        relation_label = QLabel("&Relation:", self)
        relation_label.setBuddy(self.relation_combo)
        filter_label = QLabel("&Find:", self)
        filter_label.setBuddy(self.filter_edit)
        form.addRow(relation_label, self.relation_combo)
        form.addRow(filter_label, self.filter_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        self.filter_edit.setFocus()
        self.refresh()

    def refresh(self) -> None:
        """List the first matches of the search text (runs as a database query)."""
        self._timer.stop()
        text = self.filter_edit.text().strip()
        try:
            rows = claim_ops.pick_rows(self.ctx, ClaimFilter(text=text), SHOWN + 1)
        except ClaimDeskError as exc:
            self.count_label.setText(str(exc))
            return
        rows = [r for r in rows if r[R_ID] != self.exclude]
        self.items.clear()
        for row in rows[:SHOWN]:
            quote = " ".join(row[R_QUOTE].split())
            status = Status(row[R_STATUS])
            # The status in words as well as in colour.
            label = f"{status.label} · “{quote[:140]}” — {row[R_ARTICLE]}"
            if row[R_SOURCE]:
                label += f" ({row[R_SOURCE]})"
            item = QStandardItem(status_icon(status), label)
            item.setData(row[R_ID], ClaimIdRole)
            item.setToolTip(row[R_STATEMENT] or row[R_QUOTE])
            item.setEditable(False)
            self.items.appendRow(item)
        more = len(rows) > SHOWN
        self.count_label.setText(
            f"First {SHOWN} matches; type more to narrow the list."
            if more
            else f"{len(rows[:SHOWN])} matching claim(s)."
        )
        if self.items.rowCount():
            self.list.setCurrentIndex(self.items.index(0, 0))

    def select_claim(self, claim_id: str) -> bool:
        for row in range(self.items.rowCount()):
            index = self.items.index(row, 0)
            if index.data(ClaimIdRole) == claim_id:
                self.list.setCurrentIndex(index)
                return True
        return False

    def set_relation(self, relation: Relation | str) -> None:
        self.relation_combo.setCurrentIndex(self.relation_combo.findData(str(relation)))

    def choice(self) -> tuple[str, Relation] | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return index.data(ClaimIdRole), Relation(self.relation_combo.currentData())
