"""Menu entries and the status-bar report for backups, added to the main window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from db.backup import BackupInfo, size_text
from db.check import CheckReport, RepairReport
from desktop.context import AppContext
from desktop.operations import backups as backup_ops
from desktop.operations import checks as check_ops
from desktop.safety.check_dialog import CheckDialog
from desktop.safety.restore_dialog import RestoreDialog
from desktop.safety.scheduler import BackupScheduler
from desktop.safety.settings_dialog import BackupSettingsDialog
from desktop.workers import run_job

if TYPE_CHECKING:
    from desktop.main_window.window import MainWindow

WORKSPACE_FILTER = "ClaimDesk workspaces (*.sqlite *.claimdesk.sqlite *.db);;All files (*)"


@dataclass
class SafetyUi:
    scheduler: BackupScheduler
    backup_action: QAction
    restore_action: QAction
    window: Any
    check_action: QAction | None = None

    def check(self) -> None:
        """Check the workspace in the background, then show the report."""
        ctx: AppContext = self.window.ctx
        run_job(
            "Check Workspace",
            lambda progress: check_ops.check(ctx, progress),
            parent=self.window,
            on_done=self._checked,
            on_error=lambda exc: ctx.report_error(exc, "Check Workspace"),
            label="Checking every claim against its article…",
        )

    def _checked(self, report: object) -> None:
        assert isinstance(report, CheckReport)
        dialog = CheckDialog(report, self.window)
        dialog.exec()
        if not dialog.repair_requested:
            return
        ctx: AppContext = self.window.ctx
        run_job(
            "Repair Workspace",
            lambda _p: check_ops.repair(ctx),
            parent=self.window,
            on_done=self._repaired,
            on_error=lambda exc: ctx.report_error(exc, "Repair Workspace"),
        )

    def _repaired(self, result: object) -> None:
        assert isinstance(result, RepairReport)
        ctx: AppContext = self.window.ctx
        check_ops.repaired(ctx)
        ctx.dialogs.info("Repair Workspace", "\n".join(result.lines()))

    def restore(self) -> None:
        """Choose a backup, restore it into a new file and open that file."""
        ctx: AppContext = self.window.ctx
        path = backup_ops.local_path(ctx)
        if path is None:
            ctx.dialogs.info(
                "Restore from Backup",
                "A shared workspace is backed up as a bundle (claimdesk backup -o FILE); "
                "import the bundle into an empty workspace to restore it.",
            )
            return
        dialog = RestoreDialog(
            backup_ops.listing(path),
            backup_ops.folder(path),
            backup_ops.disk_use(path),
            self.window,
        )
        if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        chosen = dialog.chosen
        suggested = str(path.with_name(f"{path.stem}-restored-{chosen.taken:%Y%m%d-%H%M}.sqlite"))
        target = ctx.dialogs.save_file(
            "Restore into a new workspace file", WORKSPACE_FILTER, suggested
        )
        if not target:
            return
        if Path(target).resolve() == path.resolve():
            ctx.dialogs.error(
                "Restore from Backup",
                f"{target} is the workspace open now; restore into a new file instead.",
            )
            return
        run_job(
            "Restore from Backup",
            lambda _p: backup_ops.restore(chosen.path, Path(target)),
            parent=self.window,
            on_done=self._restored,
            on_error=lambda exc: ctx.report_error(exc, "Restore from Backup"),
        )

    def settings(self) -> None:
        """Choose how often backups are taken and how many are kept."""
        ctx: AppContext = self.window.ctx
        path = backup_ops.local_path(ctx)
        if path is None:
            ctx.dialogs.info(
                "Backup Settings",
                "A shared workspace is not backed up automatically; back it up to a bundle "
                "with claimdesk backup -o FILE.claimdesk.",
            )
            return
        dialog = BackupSettingsDialog(
            self.scheduler.current(), str(backup_ops.folder(path)), self.window
        )
        if dialog.exec() == BackupSettingsDialog.DialogCode.Accepted:
            self.scheduler.apply(dialog.chosen())

    def damaged(self, text: str) -> None:
        """The full integrity check behind a backup failed: say so, and what to do."""
        ctx: AppContext = self.window.ctx
        ctx.dialogs.error(
            "Workspace Damaged",
            f"{text}\n\nTools ▸ Check Workspace shows what is wrong and offers the repairs "
            "that are safe; File ▸ Restore from Backup restores an earlier backup into a new file.",
        )

    def _restored(self, info: object) -> None:
        assert isinstance(info, BackupInfo)
        self.window.switch_workspace(info.path)

    def report(self, info: object) -> None:
        assert isinstance(info, BackupInfo)
        ctx: AppContext = self.window.ctx
        path = backup_ops.local_path(ctx)
        used = size_text(backup_ops.disk_use(path)) if path is not None else "?"
        self.window.statusBar().showMessage(
            f"Backed up at {info.taken:%H:%M} UTC to {info.path.parent} ({used} of backups)",
            8000,
        )


def install_safety_ui(window: MainWindow, ctx: AppContext, settings: QSettings) -> SafetyUi:
    scheduler = BackupScheduler(ctx, settings, window)
    backup_action = QAction("&Back Up Now", window)
    backup_action.setObjectName("actionBackUpNow")
    backup_action.setStatusTip("Take a verified backup of the workspace now")
    restore_action = QAction("Restore from &Backup…", window)
    restore_action.setObjectName("actionRestoreBackup")
    restore_action.setStatusTip("Restore a backup of this workspace into a new workspace file")
    ui = SafetyUi(scheduler, backup_action, restore_action, window)
    settings_action = QAction("Backup Se&ttings…", window)
    settings_action.setObjectName("actionBackupSettings")
    settings_action.setStatusTip("How often backups are taken and how many are kept")
    settings_action.triggered.connect(ui.settings)
    backup_action.triggered.connect(scheduler.backup_now)
    restore_action.triggered.connect(ui.restore)
    scheduler.backedUp.connect(ui.report)
    scheduler.backupFailed.connect(lambda text: window.statusBar().showMessage(text, 15000))
    scheduler.workspaceDamaged.connect(ui.damaged)
    file_menu = window.menu("File")
    first = file_menu.actions()[-1] if file_menu.actions() else None
    if first is not None:
        file_menu.insertActions(first, [backup_action, restore_action, settings_action])
    else:
        file_menu.addActions([backup_action, restore_action, settings_action])
    check_action = QAction("&Check Workspace…", window)
    check_action.setObjectName("actionCheckWorkspace")
    check_action.setStatusTip("Check every claim, link and history entry; repairs are offered")
    check_action.triggered.connect(ui.check)
    ui.check_action = check_action
    if first is not None:
        file_menu.insertSeparator(first)
    window.menu("Tools").addAction(check_action)
    scheduler.start()
    return ui
