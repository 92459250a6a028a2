"""Automatic backups: one when a workspace opens, then every N minutes with edits.

Backups run in the thread pool (SQLite's online backup never blocks the
window or the analyst's edits) and report in the status bar.  A failed
backup is reported once, never silently skipped.  Each backup's copy gets
SQLite's full integrity check, so the one taken on opening is also the full
check in the background behind the quick one: a copy that fails it means the
workspace is damaged, and the window says so in a message of its own.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from db.backup import KEEP_DAYS, KEEP_LAST, BackupInfo
from db.changes import Changes
from desktop.context import AppContext
from desktop.operations import backups as backup_ops
from desktop.safety.settings_dialog import BackupSettings
from desktop.workers import run_job

log = logging.getLogger(__name__)

INTERVAL_KEY = "backup/intervalMinutes"
KEEP_LAST_KEY = "backup/keepLast"
KEEP_DAYS_KEY = "backup/keepDays"
DEFAULT_INTERVAL = 15
OPEN_DELAY_MS = 3000


def _int_setting(settings: QSettings, key: str, default: int) -> int:
    try:
        return max(int(settings.value(key, default)), 0)
    except (TypeError, ValueError):
        return default


class BackupScheduler(QObject):
    """Takes backups of the open local workspace in the background."""

    backedUp = Signal(object)  # BackupInfo
    backupFailed = Signal(str)
    workspaceDamaged = Signal(str)  # the full integrity check of a backup's copy failed

    def __init__(self, ctx: AppContext, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.dirty = False
        self.running = False
        self.last: BackupInfo | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(self.backup_now)
        ctx.changed.connect(self._changed)
        ctx.workspaceChanged.connect(self.start)

    @property
    def pending(self) -> bool:
        """True while the backup taken on opening is still to come or running."""
        return self._first.isActive() or self.running

    @property
    def interval_minutes(self) -> int:
        return _int_setting(self.settings, INTERVAL_KEY, DEFAULT_INTERVAL)

    def current(self) -> BackupSettings:
        """The settings in force: minutes between backups with edits, and the rotation."""
        return BackupSettings(
            self.interval_minutes,
            _int_setting(self.settings, KEEP_LAST_KEY, KEEP_LAST),
            _int_setting(self.settings, KEEP_DAYS_KEY, KEEP_DAYS),
        )

    def apply(self, chosen: BackupSettings) -> None:
        """Store *chosen* and run the periodic backups at its interval from now on."""
        self.settings.setValue(INTERVAL_KEY, chosen.interval_minutes)
        self.settings.setValue(KEEP_LAST_KEY, chosen.keep_last)
        self.settings.setValue(KEEP_DAYS_KEY, chosen.keep_days)
        self.timer.stop()
        if chosen.interval_minutes and backup_ops.local_path(self.ctx) is not None:
            self.timer.start(chosen.interval_minutes * 60_000)

    def start(self) -> None:
        """Schedule the backup taken on opening, and the periodic ones."""
        self.dirty = False
        self.timer.stop()
        if backup_ops.local_path(self.ctx) is None:
            return
        self._first.start(OPEN_DELAY_MS)
        minutes = self.interval_minutes
        if minutes:
            self.timer.start(minutes * 60_000)

    def _changed(self, changes: Changes) -> None:
        if not changes.remote and not changes.everything:
            self.dirty = True

    def _tick(self) -> None:
        if self.dirty:
            self.backup_now()

    def backup_now(self) -> None:
        path = backup_ops.local_path(self.ctx)
        if path is None or self.running or not Path(path).exists():
            return
        self.running = True
        self.dirty = False
        keep_last, keep_days = self.current().keep_last, self.current().keep_days
        run_job(
            "Back up workspace",
            lambda _progress: backup_ops.take(path, keep_last=keep_last, keep_days=keep_days),
            show_progress=False,
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, info: object) -> None:
        self.running = False
        assert isinstance(info, BackupInfo)
        self.last = info
        self.backedUp.emit(info)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.dirty = True  # try again at the next tick
        log.warning("backup failed: %s", error)
        self.backupFailed.emit(f"Backup failed: {error}")
        if backup_ops.found_damage(error):
            self.workspaceDamaged.emit(str(error))
