"""Pick another claim and a relation to link the shown claim to."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
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

from db.claims import ClaimInfo
from db.links import FORWARD_LABEL
from db.models import Relation
from desktop.palette import status_icon

ClaimIdRole = Qt.ItemDataRole.UserRole + 1


class LinkClaimDialog(QDialog):
    """A filterable list of claims plus a relation; ``choice()`` gives (claim id, relation)."""

    def __init__(
        self, claims: list[ClaimInfo], exclude: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linkClaimDialog")
        self.setWindowTitle("Link to another claim")
        self.resize(640, 460)

        self.relation_combo = QComboBox(self)
        self.relation_combo.setObjectName("relationCombo")
        for relation in Relation:
            self.relation_combo.addItem(f"This claim {FORWARD_LABEL[relation]} …", relation.value)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("linkFilterEdit")
        self.filter_edit.setPlaceholderText("Type to filter by quote, statement, source or article")
        self.filter_edit.setClearButtonEnabled(True)

        items = QStandardItemModel(self)
        for info in claims:
            if str(info.id) == exclude:
                continue
            quote = " ".join(info.quote.split())
            text = f"“{quote[:140]}” — {info.article_title}"
            if info.source_name:
                text += f" ({info.source_name})"
            item = QStandardItem(status_icon(info.status), text)
            item.setData(str(info.id), ClaimIdRole)
            item.setToolTip(info.statement or info.quote)
            item.setEditable(False)
            items.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(items)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)

        self.list = QListView(self)
        self.list.setObjectName("linkClaimList")
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.doubleClicked.connect(lambda _i: self.accept())
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self.proxy.rowsInserted.connect(self._keep_current)
        self.proxy.layoutChanged.connect(self._keep_current)
        self.proxy.modelReset.connect(self._keep_current)

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
        layout.addWidget(buttons)
        self.filter_edit.setFocus()

    def _keep_current(self, *_args: object) -> None:
        if not self.list.currentIndex().isValid() and self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def select_claim(self, claim_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ClaimIdRole) == claim_id:
                self.list.setCurrentIndex(index)
                return True
        return False

    def set_relation(self, relation: Relation | str) -> None:
        self.relation_combo.setCurrentIndex(self.relation_combo.findData(str(relation)))

    def choice(self) -> tuple[str, Relation] | None:
        self._keep_current()
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return index.data(ClaimIdRole), Relation(self.relation_combo.currentData())
