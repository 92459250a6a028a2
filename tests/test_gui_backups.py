"""Automatic backups in the window, and File ▸ Restore from Backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from db.articles import list_articles
from db.backup import list_backups, size_text
from db.changes import Changes, Entity, changed
from desktop.safety.restore_dialog import RestoreDialog
from tests.gui_shell_support import action, add_text_article, make_window


def test_backup_on_open_then_only_after_edits(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    add_text_article(ws, "The ministry said 300 trucks crossed on Monday.", "Trucks")
    window = make_window(ws, tmp_path, qtbot)
    scheduler = window.safety_ui.scheduler
    path = ws.path
    assert path is not None
    with qtbot.waitSignal(scheduler.backedUp, timeout=15000) as first:
        scheduler._first.setInterval(0)
        scheduler._first.start()
    assert first.args[0].counts["article"] == 1
    assert len(list_backups(path)) == 1
    # No edits since: the periodic tick takes nothing.
    scheduler._tick()
    assert not scheduler.running and len(list_backups(path)) == 1
    # A local edit makes the next tick back up; another analyst's edit does not.
    window.ctx.publish(Changes(changed(Entity.ARTICLE, ["x"]).items, remote=True))
    assert not scheduler.dirty
    window.ctx.publish(changed(Entity.ARTICLE, ["x"]))
    assert scheduler.dirty
    with qtbot.waitSignal(scheduler.backedUp, timeout=15000):
        scheduler._tick()
    assert len(list_backups(path)) == 2
    assert "Backed up" in window.statusBar().currentMessage()


def test_restore_from_backup_opens_a_new_file(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    add_text_article(ws, "Officials said 40 ships left port on Friday.", "Ships")
    window = make_window(ws, tmp_path, qtbot)
    scheduler = window.safety_ui.scheduler
    with qtbot.waitSignal(scheduler.backedUp, timeout=15000):
        action(window, "actionBackUpNow").trigger()
    target = tmp_path / "restored.sqlite"
    window.ctx.dialogs.next_paths = [str(target)]
    seen: list[int] = []

    def accept_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        seen.append(dialog.model.rowCount())
        assert dialog.ok.isEnabled()
        dialog.accept()

    QTimer.singleShot(0, accept_dialog)
    action(window, "actionRestoreBackup").trigger()
    assert seen == [1]
    qtbot.waitUntil(lambda: window.ctx.ws.path == target, timeout=15000)
    assert Path(target).is_file()
    assert [a.title for a in list_articles(window.ctx.ws)] == ["Ships"]
    # The workspace that was open is left as it was.
    assert [a.title for a in list_articles(ws)] == ["Ships"]


def test_the_backup_folder_and_its_disk_use_are_shown(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """After a backup the status bar names the folder and what its backups take on disk;
    the Restore dialog says the same under its list."""
    add_text_article(ws, "The port authority said 12 cranes stood idle.", "Cranes")
    window = make_window(ws, tmp_path, qtbot)
    scheduler = window.safety_ui.scheduler
    with qtbot.waitSignal(scheduler.backedUp, timeout=15000):
        action(window, "actionBackUpNow").trigger()
    assert ws.path is not None
    (taken,) = list_backups(ws.path)
    folder = taken.path.parent
    used = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    assert used >= taken.path.stat().st_size > 0
    message = window.statusBar().currentMessage()
    assert f" to {folder} ({size_text(used)} of backups)" in message
    seen: list[str] = []

    def read_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        label = dialog.findChild(QLabel, "backupFolderLabel")
        assert label is not None and label.isVisible()
        seen.append(label.text())
        dialog.reject()

    QTimer.singleShot(0, read_dialog)
    action(window, "actionRestoreBackup").trigger()
    assert seen == [f"Backups are kept in {folder} ({size_text(used)} in all)."]


def test_restore_refuses_the_open_file(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    with qtbot.waitSignal(window.safety_ui.scheduler.backedUp, timeout=15000):
        action(window, "actionBackUpNow").trigger()
    window.ctx.dialogs.next_paths = [str(ws.path)]
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().accept())
    action(window, "actionRestoreBackup").trigger()
    assert window.ctx.ws is ws
    assert window.ctx.dialogs.errors and "open now" in window.ctx.dialogs.errors[-1][1]


def test_check_workspace_reports_and_repairs_only_when_asked(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from db import claims as claim_ops
    from db.check import check_workspace
    from desktop.safety.check_dialog import CheckDialog

    art = add_text_article(ws, "The ministry said 300 trucks crossed on Monday.", "Trucks")
    claim = claim_ops.create_claim_by_quote(ws, art.id, "300 trucks")
    with ws.engine.begin() as conn:
        conn.execute(text("UPDATE claim SET prefix = 'spoiled' WHERE id = :i"), {"i": claim.id.hex})
    window = make_window(ws, tmp_path, qtbot)
    reports: list[str] = []

    def close_without_repair() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CheckDialog)
        reports.append(dialog.text.toPlainText())
        assert dialog.repair_button is not None
        dialog.reject()

    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.timeout.connect(close_without_repair)
    window.safety_ui.scheduler.timer.stop()
    original = window.safety_ui._checked

    def checked(report: object) -> None:
        timer.start(0)
        original(report)

    window.safety_ui._checked = checked  # type: ignore[method-assign]
    action(window, "actionCheckWorkspace").trigger()
    qtbot.waitUntil(lambda: bool(reports), timeout=15000)
    assert "claims whose context differs" in reports[0]
    assert not check_workspace(ws).ok  # closing the report repaired nothing

    def repair() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CheckDialog) and dialog.repair_button is not None
        dialog.repair_button.click()

    timer.timeout.disconnect()
    timer.timeout.connect(repair)
    action(window, "actionCheckWorkspace").trigger()
    qtbot.waitUntil(lambda: bool(window.ctx.dialogs.infos), timeout=15000)
    assert "1 claim context(s) derived again" in window.ctx.dialogs.infos[-1][1]
    assert check_workspace(ws).ok


def test_backup_settings_are_chosen_in_the_window(ws, tmp_path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    from db.backup import KEEP_DAYS, KEEP_LAST
    from desktop.safety.settings_dialog import BackupSettings, BackupSettingsDialog

    add_text_article(ws, "The port said 12 cranes were idle on Sunday.", "Cranes")
    window = make_window(ws, tmp_path, qtbot)
    scheduler = window.safety_ui.scheduler
    assert scheduler.current() == BackupSettings(15, KEEP_LAST, KEEP_DAYS)
    shown: list[BackupSettings] = []

    def choose(minutes: int, last: int, days: int):  # type: ignore[no-untyped-def]
        def fake_exec(dialog: BackupSettingsDialog) -> int:
            shown.append(dialog.chosen())
            dialog.interval.setValue(minutes)
            dialog.keep_last.setValue(last)
            dialog.keep_days.setValue(days)
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(BackupSettingsDialog, "exec", fake_exec)
        action(window, "actionBackupSettings").trigger()

    choose(5, 2, 0)
    assert shown == [BackupSettings(15, KEEP_LAST, KEEP_DAYS)]  # the dialog starts from them
    assert scheduler.current() == BackupSettings(5, 2, 0)
    assert scheduler.timer.isActive() and scheduler.timer.interval() == 5 * 60_000
    for _ in range(3):  # the rotation follows the new settings
        with qtbot.waitSignal(scheduler.backedUp, timeout=15000):
            scheduler.backup_now()
    assert len(list_backups(ws.path)) == 2
    choose(0, 2, 0)  # 0 minutes: a backup only when a workspace opens
    assert not scheduler.timer.isActive()


def test_a_damaged_workspace_found_by_the_opening_backup_is_said_plainly(
    ws, tmp_path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    add_text_article(ws, "Rescuers said 14 boats searched the bay on Monday.", "Boats")
    window = make_window(ws, tmp_path, qtbot)
    scheduler = window.safety_ui.scheduler
    conn = sqlite3.connect(ws.path)  # an index that no longer matches its table
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_article_title_order ON article (url, id)' "
        "WHERE name = 'ix_article_title_order'"
    )
    conn.commit()
    conn.close()
    with qtbot.waitSignal(scheduler.workspaceDamaged, timeout=15000):
        scheduler._first.setInterval(0)
        scheduler._first.start()
    ((title, message),) = window.ctx.dialogs.errors
    assert title == "Workspace Damaged" and "missing from index" in message
    assert "Check Workspace" in message and list_backups(ws.path) == []


def test_check_workspace_is_under_tools(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    window.safety_ui.scheduler.timer.stop()
    check = action(window, "actionCheckWorkspace")
    tops = [a.text() for a in window.menuBar().actions()]
    assert tops.index("Too&ls") == tops.index("&Help") - 1
    assert check in window.menu("Tools").actions()
    assert check not in window.menu("File").actions()
    assert action(window, "actionRestoreBackup") in window.menu("File").actions()
