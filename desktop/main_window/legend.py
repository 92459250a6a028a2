"""A compact legend of the status colours used for highlights."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.models import Status
from desktop.palette import status_color
from desktop.reader.highlighter import tint

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
            label = QLabel(status.label, self)
            background = tint(status).name(format=tint(status).NameFormat.HexArgb)
            border = status_color(status).darker(130).name()
            label.setStyleSheet(
                f"background: {background}; border-bottom: 2px solid {border};"
                "border-radius: 2px; padding: 1px 6px;"
            )
            label.setToolTip(
                f"<b>{status.label}</b>: {MEANINGS[status]}.<br>"
                f"Claims with this status are highlighted in this colour."
            )
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
            self.labels[status] = label
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
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.hint.setWordWrap(True)
        column.addWidget(self.hint)
