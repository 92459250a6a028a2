"""Backups of the open workspace: take, list, restore (the GUI's door to db.backup)."""

from __future__ import annotations

import logging
from pathlib import Path

from db import backup as backup_ops
from db import leftovers
from db.backup import BackupInfo
from desktop.context import AppContext


def local_path(ctx: AppContext) -> Path | None:
    """The open workspace's file, or None for a shared database."""
    return ctx.ws.path


def take(path: Path, *, keep_last: int, keep_days: int) -> BackupInfo:
    """Back up *path* now (any thread), drop leftovers and apply the rotation."""
    backup_ops.clean_leftovers(path)
    info = backup_ops.take_backup(path)
    backup_ops.rotate(path, keep_last=keep_last, keep_days=keep_days)
    return info


def found_damage(error: BaseException) -> bool:
    """Whether a backup failed because the workspace itself failed the full integrity check."""
    return isinstance(error, backup_ops.WorkspaceDamaged)


def listing(path: Path) -> list[BackupInfo]:
    return backup_ops.list_backups(path)


def folder(path: Path) -> Path:
    return backup_ops.backup_folder(path)


def disk_use(path: Path) -> int:
    return backup_ops.disk_use(path)


def restore(backup: Path, dest: Path) -> BackupInfo:
    return backup_ops.restore_backup(backup, dest)


def clean_leftovers() -> None:
    """At start: remove part files of exports a killed ClaimDesk left behind."""
    removed = leftovers.clean()
    if removed:
        logging.getLogger(__name__).info("removed %d unfinished export file(s)", len(removed))
