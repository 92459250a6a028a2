"""The dialog for changing every selected claim at once: a status, a tag or the source.

A status that decides (verified, false) asks for the rationale in the same
dialog; OK stays disabled until the value (and, then, the rationale) is given.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.decisions import needs_rationale
from db.enums import Status
from desktop.palette import status_icon
from desktop.screen_fit import resize_within_screen

MODES = ("status", "tag", "source")
TITLES = {
    "status": "Set the status of {n}",
    "tag": "Add a tag to {n}",
    "source": "Set the source of {n}",
}


class BulkEditDialog(QDialog):
    """Asks for the one value to give *n* claims (objectName ``bulkEditDialog``)."""

    def __init__(
        self,
        mode: str,
        n: int,
        parent: QWidget | None = None,
        *,
        tags: list[str] | None = None,
        sources: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        assert mode in MODES
        self.mode = mode
        self.setObjectName("bulkEditDialog")
        claims = f"{n:,} selected claim{'s' if n != 1 else ''}"
        self.setWindowTitle(TITLES[mode].format(n=claims))
        intro = QLabel(f"One change for all {claims}, undone in one step with Ctrl+Z.", self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("bulkStatus")
        self.status_box.setAccessibleName("New status")
        for status in Status:
            self.status_box.addItem(status_icon(status), status.label, status.value)
        self.value_edit = QLineEdit(self)
        self.value_edit.setObjectName("bulkValue")
        self.value_edit.setAccessibleName("New value")
        self.rationale = QPlainTextEdit(self)
        self.rationale.setObjectName("bulkRationale")
        self.rationale.setAccessibleName("Rationale")
        self.rationale.setTabChangesFocus(True)
        self.rationale.setPlaceholderText("Why: which sources confirm or contradict these claims…")
        self.rationale_label = QLabel("&Rationale:", self)
        self.rationale_label.setBuddy(self.rationale)
        if mode == "status":
            label = QLabel("&Status:", self)
            label.setBuddy(self.status_box)
            form.addRow(label, self.status_box)
            self.value_edit.hide()
        else:
            names = tags if mode == "tag" else sources
            text = "&Tag:" if mode == "tag" else "&Source (name or alias):"
            self.value_edit.setAccessibleName("Tag" if mode == "tag" else "Source")
            if names:
                completer = QCompleter(names, self.value_edit)
                completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
                self.value_edit.setCompleter(completer)
            label = QLabel(text, self)
            label.setBuddy(self.value_edit)
            form.addRow(label, self.value_edit)
            self.status_box.hide()
        form.addRow(self.rationale_label, self.rationale)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Apply to all")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.status_box.currentIndexChanged.connect(self._update)
        self.value_edit.textChanged.connect(self._update)
        self.rationale.textChanged.connect(self._update)
        self._update()
        resize_within_screen(self, 460, 260 if mode == "status" else 140)

    @property
    def ok_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _needs_reason(self) -> bool:
        return self.mode == "status" and needs_rationale(None, self.status())

    def _update(self) -> None:
        reason = self._needs_reason()
        self.rationale.setVisible(reason)
        self.rationale_label.setVisible(reason)
        if self.mode == "status":
            ok = not reason or bool(self.rationale_text())
        else:
            ok = bool(self.value_text())
        self.ok_button.setEnabled(ok)

    def set_status(self, status: Status) -> None:
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(Status(status).value)))

    def status(self) -> Status:
        return Status(self.status_box.currentData())

    def value_text(self) -> str:
        return self.value_edit.text().strip()

    def rationale_text(self) -> str:
        return self.rationale.toPlainText().strip()
