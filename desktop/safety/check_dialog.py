"""Tools ▸ Check Workspace: the report in words, and a repair offered, never run silently."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.check import CheckReport
from desktop.screen_fit import resize_within_screen


class CheckDialog(QDialog):
    """Shows a check report; :attr:`repair_requested` is True when the analyst chose Repair."""

    def __init__(self, report: CheckReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkDialog")
        self.setWindowTitle("Check Workspace")
        resize_within_screen(self, 760, 420)
        self.repair_requested = False
        layout = QVBoxLayout(self)
        if report.ok:
            headline = "The workspace is sound: every check passed."
        elif report.repairable:
            headline = (
                "Problems were found. Some can be repaired safely (context derived again "
                "from the text, quotes found again at one unambiguous place); every repair "
                "is recorded in the claim's history."
            )
        else:
            headline = "Problems were found that cannot be repaired automatically."
        summary = QLabel(headline, self)
        summary.setObjectName("checkSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("checkReport")
        self.text.setAccessibleName("Check report")
        self.text.setReadOnly(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(font)
        self.text.setPlainText("\n".join(report.lines()))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.repair_button: QPushButton | None = None
        if report.repairable:
            self.repair_button = buttons.addButton(
                f"Repair {report.repairable} problem(s)", QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.repair_button.setObjectName("repairButton")
            self.repair_button.clicked.connect(self._repair)
        layout.addWidget(buttons)

    def _repair(self) -> None:
        self.repair_requested = True
        self.accept()
