"""A compact legend of the status colours used for highlights."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.models import Status
from desktop.palette import status_color
from desktop.reader.highlighter import tint


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
            label.setToolTip(f"Highlight colour of {status.label.lower()} claims")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
            self.labels[status] = label
        layout.addStretch(1)
        # How to work the highlights, for someone seeing them for the first time.
        self.hint = QLabel(
            "Darker: a claim inside another · hover reads, click selects · "
            "F8 / Shift+F8: next / previous · Ctrl+E: new claim",
            self,
        )
        self.hint.setObjectName("legendHint")
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.hint.setWordWrap(True)
        column.addWidget(self.hint)
