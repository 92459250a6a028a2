"""A compact legend of the status colours used for highlights."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.models import Status
from desktop.palette import hint_style, is_dark, status_letter, tint, underline_color

# What each status means, for the legend's tooltips.
MEANINGS = {
    Status.UNVERIFIED: "not checked yet",
    Status.IN_REVIEW: "being checked; waits in the review queue for a verdict",
    Status.VERIFIED: "confirmed by the evidence",
    Status.DISPUTED: "sources disagree; waits in the review queue for a verdict",
    Status.FALSE: "shown to be wrong by the evidence",
    Status.UNVERIFIABLE: "cannot be confirmed or refuted with what is available",
}


class StatusLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusLegend")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        layout = QHBoxLayout()
        layout.setSpacing(6)
        column.addLayout(layout)
        self.labels: dict[Status, QLabel] = {}
        for status in Status:
            # The letter the reader's margin shows for this status, then its word.
            label = QLabel(f"{status_letter(status)} {status.label}", self)
            label.setToolTip(
                f"<b>{status.label}</b>: {MEANINGS[status]}.<br>"
                f"Claims with this status are highlighted in this colour and marked "
                f"“{status_letter(status)}” in the margin beside their line."
            )
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
            self.labels[status] = label
        self._paint_chips()
        layout.addStretch(1)
        # How to work the highlights, for someone seeing them for the first time.
        self.hint = QLabel(
            "Ctrl+E: selected words become a claim · F8 / Shift+F8: next / previous"
            " claim · darker shade: a claim inside another",
            self,
        )
        self.hint.setToolTip(
            "Hover a highlight to read its claim; click it to select the claim in the inspector."
        )
        self.hint.setObjectName("legendHint")
        self.hint.setStyleSheet(hint_style())
        self.hint.setWordWrap(True)
        column.addWidget(self.hint)

    def _paint_chips(self) -> None:
        """Chip backgrounds as the reader paints highlights on this palette's page."""
        dark = is_dark(self.palette())
        for status, label in self.labels.items():
            background = tint(status, dark=dark).name(QColor.NameFormat.HexArgb)
            border = underline_color(status, dark=dark).name()
            label.setStyleSheet(
                f"background: {background}; border-bottom: 2px solid {border};"
                "border-radius: 2px; padding: 1px 6px; color: palette(text);"
            )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_chips()
