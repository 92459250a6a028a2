"""The verdict dialog: a status and the written rationale it requires."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.models import Status
from db.rules import VERDICTS
from desktop.accessibility import tab_leaves
from desktop.palette import hint_style, status_icon
from desktop.screen_fit import resize_within_screen

VERDICT_ORDER = (Status.VERIFIED, Status.FALSE, Status.UNVERIFIABLE, Status.DISPUTED)


class VerdictDialog(QDialog):
    """Choose the verdict and write why; OK stays disabled until there is a rationale."""

    def __init__(self, quote: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictDialog")
        self.setWindowTitle("Give verdict")
        self.quote_label = QLabel(f"“{quote}”", self)
        self.quote_label.setWordWrap(True)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("verdictStatus")
        for status in VERDICT_ORDER:
            assert status in VERDICTS
            self.status_box.addItem(status_icon(status), status.label, status.value)
        self.rationale = QPlainTextEdit(self)
        tab_leaves(self.rationale)
        self.rationale.setObjectName("verdictRationale")
        self.rationale.setPlaceholderText("Why: which sources confirm or contradict the claim…")
        self.hint = QLabel("A verdict needs a written rationale.", self)
        self.hint.setStyleSheet(hint_style())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record verdict")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Verdict", self.status_box)
        form.addRow("Rationale", self.rationale)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote_label)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.rationale.textChanged.connect(self._update_ok)
        self._update_ok()
        resize_within_screen(self, 460, 300)

    def _update_ok(self) -> None:
        ok = bool(self.rationale.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.hint.setVisible(not ok)

    def set_status(self, status: Status | str) -> None:
        index = self.status_box.findData(Status(status).value)
        if index >= 0:
            self.status_box.setCurrentIndex(index)

    def status(self) -> Status:
        return Status(self.status_box.currentData())

    def rationale_text(self) -> str:
        return self.rationale.toPlainText().strip()
