"""A source typed in the inspector that is not registered yet: its kind and default grading.

The grading starts as the claim's; what the analyst confirms becomes both the
claim's grading and the new source's default, so the next claim of that source
starts graded the same way.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.models import SourceKind
from desktop.shared.grading_combos import credibility_combo, reliability_combo, source_kind_combo


class NewSourceDialog(QDialog):
    """Name, kind, reliability and credibility of a new source (``newSourceDialog``)."""

    def __init__(
        self,
        name: str,
        reliability: str | None,
        credibility: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newSourceDialog")
        self.setWindowTitle("New source")
        intro = QLabel(
            "This source is new. Its kind and grading become its defaults: the next claim "
            "from it starts with this grading.",
            self,
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("newSourceName")
        self.name_edit.setAccessibleName("Source name")
        self.kind_combo = source_kind_combo(self)
        self.kind_combo.setObjectName("newSourceKind")
        self.kind_combo.setAccessibleName("Source kind")
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(SourceKind.OTHER.value))
        self.reliability_combo = reliability_combo(self, "—")
        self.reliability_combo.setObjectName("newSourceReliability")
        self.reliability_combo.setAccessibleName("Default source reliability")
        self.reliability_combo.setCurrentIndex(max(0, self.reliability_combo.findData(reliability)))
        self.credibility_combo = credibility_combo(self, "—")
        self.credibility_combo.setObjectName("newSourceCredibility")
        self.credibility_combo.setAccessibleName("Default information credibility")
        self.credibility_combo.setCurrentIndex(max(0, self.credibility_combo.findData(credibility)))
        form = QFormLayout()
        for text, widget in (
            ("&Name:", self.name_edit),
            ("&Kind:", self.kind_combo),
            ("&Reliability (A–F):", self.reliability_combo),
            ("&Credibility (1–6):", self.credibility_combo),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Add source")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(
            lambda t: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(t.strip())
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def kind(self) -> SourceKind:
        return SourceKind(self.kind_combo.currentData())

    def reliability(self) -> str | None:
        value = self.reliability_combo.currentData()
        return str(value) if value else None

    def credibility(self) -> int | None:
        value = self.credibility_combo.currentData()
        return int(value) if value else None
