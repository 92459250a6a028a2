"""Dialogs of the sources view: edit one source, pick the source to merge into."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.sources import SourceInfo
from desktop.accessibility import tab_leaves
from desktop.shared.grading_combos import credibility_combo, reliability_combo, source_kind_combo


class SourceEditDialog(QDialog):
    """Name, kind, affiliation, aliases, default reliability and notes of a source."""

    def __init__(self, info: SourceInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceEditDialog")
        self.setWindowTitle("Edit source" if info else "New source")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("sourceNameEdit")
        self.kind_combo = source_kind_combo(self)
        self.affiliation_edit = QLineEdit(self)
        self.aliases_edit = QLineEdit(self)
        self.aliases_edit.setPlaceholderText("Other spellings, comma-separated")
        self.reliability_combo = reliability_combo(self, "– none")
        self.reliability_combo.setToolTip(
            "Filled into a claim's source reliability when the claim is attributed to this "
            "source and has none yet."
        )
        self.credibility_combo = credibility_combo(self, "– none")
        self.credibility_combo.setToolTip(
            "The information credibility a new claim of this source starts with."
        )
        self.notes_edit = QPlainTextEdit(self)
        tab_leaves(self.notes_edit)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(90)

        form = QFormLayout()
        for text, widget in (
            ("&Name:", self.name_edit),
            ("&Kind:", self.kind_combo),
            ("&Affiliation:", self.affiliation_edit),
            ("A&liases:", self.aliases_edit),
            ("Default &reliability:", self.reliability_combo),
            ("Default &credibility:", self.credibility_combo),
            ("N&otes:", self.notes_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if info is not None:
            self.name_edit.setText(info.name)
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(info.kind.value), 0))
            self.affiliation_edit.setText(info.affiliation)
            self.aliases_edit.setText(", ".join(info.aliases))
            pos = self.reliability_combo.findData(info.default_reliability)
            self.reliability_combo.setCurrentIndex(max(pos, 0))
            pos = self.credibility_combo.findData(info.default_credibility)
            self.credibility_combo.setCurrentIndex(max(pos, 0))
            self.notes_edit.setPlainText(info.notes)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name_edit.text().strip(),
            "kind": self.kind_combo.currentData(),
            "affiliation": self.affiliation_edit.text().strip(),
            "aliases": [a.strip() for a in self.aliases_edit.text().split(",") if a.strip()],
            "default_reliability": self.reliability_combo.currentData(),
            "default_credibility": self.credibility_combo.currentData(),
            "notes": self.notes_edit.toPlainText(),
        }


class MergeTargetDialog(QDialog):
    """Choose the source that *drop* is merged into."""

    def __init__(
        self, drop: SourceInfo, candidates: list[SourceInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeTargetDialog")
        self.setWindowTitle("Merge source")
        self.combo = QComboBox(self)
        self.combo.setObjectName("mergeTargetCombo")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for info in candidates:
            if info.id != drop.id:
                self.combo.addItem(f"{info.name} ({info.claim_count} claims)", str(info.id))
        label = QLabel(f"Merge “{drop.name}” &into:", self)
        label.setBuddy(self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def target_id(self) -> str | None:
        return self.combo.currentData()
