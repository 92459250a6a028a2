"""File ▸ Backup Settings: how often automatic backups are taken and how many are kept."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class BackupSettings:
    interval_minutes: int  # 0: only the backup taken when a workspace opens
    keep_last: int
    keep_days: int


def _spin(value: int, low: int, high: int, suffix: str, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(min(max(value, low), high))
    box.setSuffix(suffix)
    box.setObjectName(name)
    return box


class BackupSettingsDialog(QDialog):
    """Three numbers: minutes between backups with edits, backups kept, days kept."""

    def __init__(self, current: BackupSettings, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backup Settings")
        self.interval = _spin(current.interval_minutes, 0, 24 * 60, " min", "backupInterval")
        self.interval.setSpecialValueText("only when opened")
        self.keep_last = _spin(current.keep_last, 1, 1000, " backups", "backupKeepLast")
        self.keep_days = _spin(current.keep_days, 0, 3650, " days", "backupKeepDays")
        form = QFormLayout()
        form.addRow("Back up after edits every", self.interval)
        form.addRow("Keep the last", self.keep_last)
        form.addRow("Also keep one a day for", self.keep_days)
        where = QLabel(f"Backups are kept in {folder}")
        where.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.interval.setFocus()

    def chosen(self) -> BackupSettings:
        return BackupSettings(self.interval.value(), self.keep_last.value(), self.keep_days.value())
