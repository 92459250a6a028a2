"""Backups of a local workspace: written online, verified, rotated, restored.

A backup is a copy made with SQLite's online backup API while the workspace
stays open (readers and the writer go on), written under a temporary name,
then verified — integrity check, schema revision, row counts equal to the
source's at the moment of copying — and only then given its final name,
``<UTC time>.sqlite``, with a small JSON description beside it.  Backups
live in a folder per workspace under the per-user data folder.  Rotation
keeps the newest *keep_last* plus the newest backup of each of the last
*keep_days* days.  Restoring writes a new file and never replaces one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db import leftovers
from db.errors import InvalidInput, NotFound
from db.file_guard import check_workspace_file
from db.paths import data_dir
from db.timeutil import utcnow

COUNTED = ("article", "claim", "source", "claim_link", "history", "comment", "verdict")
KEEP_LAST = 10
KEEP_DAYS = 14
SUFFIX = ".sqlite"
_NAME = re.compile(r"^(\d{8}T\d{6}\d{6}Z)\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: dt.datetime
    revision: str | None
    counts: dict[str, int]
    size: int
    source: str

    def describe(self) -> str:
        counts = ", ".join(
            f"{n} {k}{'' if n == 1 else 's'}" for k, n in self.counts.items() if k in COUNTED[:3]
        )
        when = self.taken.strftime("%Y-%m-%d %H:%M:%S UTC")
        return f"{when}  schema {self.revision or '?'}  {counts}  ({size_text(self.size)})"


def size_text(size: int) -> str:
    """A file size for people: "512 bytes", "3.4 MB"."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"


def backup_folder(workspace: Path, root: Path | None = None) -> Path:
    """The folder holding *workspace*'s backups (named after the file and its full path)."""
    resolved = workspace.expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:10]
    stem = re.sub(r"[^\w.-]+", "_", resolved.stem)[:40] or "workspace"
    return (root or data_dir() / "backups") / f"{stem}-{digest}"


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {
        t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
        for t in COUNTED
        if t in tables
    }


def _revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


class DamagedCopy(InvalidInput):
    """A copy just made failed SQLite's full integrity check."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


class WorkspaceDamaged(InvalidInput):
    """The workspace failed SQLite's full integrity check (found by backing it up)."""


# The page cache (in KiB, as SQLite takes a negative size) of the two connections a
# copy goes through.  Each page is copied once, so a cache gains nothing; SQLite's
# default (2 MiB each) filled up as the copy went and, freed on a worker thread once
# the backup taken on opening was written, stayed resident in the window (some 3.5
# MiB of its peak when the next article opened).
CACHE_SIZE = -128


def _integrity(conn: sqlite3.Connection) -> list[str]:
    """SQLite's findings, each on one line (some run over several)."""
    return [" ".join(str(r[0]).split()) for r in conn.execute("PRAGMA integrity_check(5)")]


def _verify(path: Path, expected: dict[str, int], revision: str | None) -> None:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        result = _integrity(conn)
        if result != ["ok"]:
            raise DamagedCopy(
                f"The backup {path} failed its integrity check: {'; '.join(result)}.", result
            )
        if _revision(conn) != revision:
            raise InvalidInput(f"The backup {path} has schema {_revision(conn)}, not {revision}.")
        counts = _counts(conn)
        if counts != expected:
            raise InvalidInput(f"The backup {path} holds {counts} rows, not {expected}.")
    finally:
        conn.close()


def _remove_part(part: Path) -> None:
    """Remove *part* (if it was not renamed into place) and its journal; forget it."""
    for leftover in (part, *leftovers.siblings(part)):
        leftover.unlink(missing_ok=True)
    leftovers.release(part)


def _copy_into(
    workspace: Path, part: Path, progress: Callable[[int, int], None] | None
) -> tuple[dict[str, int], str | None]:
    """Copy *workspace* page by page into *part*; its (counts, revision) as copied."""
    source = sqlite3.connect(f"{workspace.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        target = sqlite3.connect(part)
        try:
            source.execute(f"PRAGMA cache_size={CACHE_SIZE}")
            target.execute(f"PRAGMA cache_size={CACHE_SIZE}")
            # One read transaction on the source: the counts and the copy see the same state.
            source.execute("BEGIN")
            counts = _counts(source)
            revision = _revision(source)

            def step(status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            source.backup(target, pages=1024, progress=step)
            source.execute("COMMIT")
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
    finally:
        source.close()
    return counts, revision


def take_backup(
    workspace: Path,
    dest: Path | None = None,
    *,
    root: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BackupInfo:
    """Copy *workspace* (a local SQLite workspace, open or not) into a verified backup.

    *dest* names the file; by default it goes to the workspace's backup
    folder.  The copy is made under a ``.part`` name and renamed only after
    it verified, so a backup that exists is a good one.
    """
    workspace = Path(workspace)
    if not check_workspace_file(workspace):
        raise NotFound(f"{workspace} does not exist; there is nothing to back up.")
    now = utcnow()
    if dest is None:
        folder = backup_folder(workspace, root)
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / f"{now.strftime('%Y%m%dT%H%M%S%fZ')}{SUFFIX}"
    dest = Path(dest)
    if dest.exists():
        raise InvalidInput(f"{dest} already exists; a backup never replaces a file.")
    if not dest.parent.is_dir():
        raise InvalidInput(f"The folder {dest.parent} does not exist.")
    part = dest.with_name(f".{dest.name}.part")
    part.unlink(missing_ok=True)
    leftovers.register(part)  # removed at the next start if this process dies
    try:
        counts, revision = _copy_into(workspace, part, progress)
        _verify(part, counts, revision)
        os.replace(part, dest)
    except DamagedCopy as exc:
        # The copy holds the workspace's pages as they are: the workspace is damaged.
        raise WorkspaceDamaged(
            f"{workspace.name} is damaged: a copy of it just taken failed SQLite's full "
            f"integrity check ({'; '.join(exc.problems)}), so no backup was kept; check the "
            "workspace and restore an earlier backup if it cannot be repaired."
        ) from None
    finally:
        _remove_part(part)
    info = BackupInfo(dest, now, revision, counts, dest.stat().st_size, str(workspace.resolve()))
    _write_description(info)
    return info


def _description_path(backup: Path) -> Path:
    return backup.with_suffix(".json")


def _write_description(info: BackupInfo) -> None:
    data = {
        "taken": info.taken.isoformat(),
        "revision": info.revision,
        "counts": info.counts,
        "source": info.source,
    }
    _description_path(info.path).write_text(json.dumps(data, indent=1), encoding="utf-8")


def read_backup(path: Path) -> BackupInfo:
    """Describe one backup file (from its description, or by reading it)."""
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"No backup at {path}.")
    described = _description_path(path)
    try:
        data = json.loads(described.read_text(encoding="utf-8"))
        taken = dt.datetime.fromisoformat(data["taken"])
        return BackupInfo(
            path, taken, data["revision"], dict(data["counts"]), path.stat().st_size, data["source"]
        )
    except (OSError, ValueError, KeyError, TypeError):
        pass
    check_workspace_file(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        counts, revision = _counts(conn), _revision(conn)
    finally:
        conn.close()
    taken = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    return BackupInfo(path, taken, revision, counts, path.stat().st_size, "")


def list_backups(workspace: Path, *, root: Path | None = None) -> list[BackupInfo]:
    """The workspace's backups, newest first."""
    folder = backup_folder(Path(workspace), root)
    if not folder.is_dir():
        return []
    found = [read_backup(p) for p in folder.iterdir() if _NAME.match(p.name)]
    return sorted(found, key=lambda b: b.taken, reverse=True)


def disk_use(workspace: Path, *, root: Path | None = None) -> int:
    folder = backup_folder(Path(workspace), root)
    if not folder.is_dir():
        return 0
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def rotate(
    workspace: Path,
    *,
    keep_last: int = KEEP_LAST,
    keep_days: int = KEEP_DAYS,
    root: Path | None = None,
    now: dt.datetime | None = None,
) -> list[Path]:
    """Delete backups outside the rotation; returns the files removed."""
    backups = list_backups(workspace, root=root)
    keep = {b.path for b in backups[: max(keep_last, 1)]}
    today = (now or utcnow()).date()
    seen_days: set[dt.date] = set()
    for b in backups:  # newest first: the first of each day is that day's newest
        day = b.taken.date()
        if (today - day).days < keep_days and day not in seen_days:
            seen_days.add(day)
            keep.add(b.path)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            _description_path(b.path).unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def clean_leftovers(workspace: Path, *, root: Path | None = None) -> int:
    """Remove ``.part`` files a killed backup left behind; returns how many."""
    folder = backup_folder(Path(workspace), root)
    if not folder.is_dir():
        return 0
    leftovers = [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".part")]
    for p in leftovers:
        p.unlink(missing_ok=True)
    return len(leftovers)


def restore_backup(backup: Path, dest: Path) -> BackupInfo:
    """Write the backup's workspace into the new file *dest* (never over an existing file)."""
    backup, dest = Path(backup), Path(dest)
    info = read_backup(backup)
    if dest.exists():
        raise InvalidInput(f"{dest} already exists; restore into a new file.")
    if not dest.parent.is_dir():
        raise InvalidInput(f"The folder {dest.parent} does not exist.")
    part = dest.with_name(f".{dest.name}.part")
    part.unlink(missing_ok=True)
    leftovers.register(part)  # removed at the next start if this process dies
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = _integrity(source)
            if result != ["ok"]:
                raise InvalidInput(f"The backup {backup} is damaged ({'; '.join(result)}).")
            counts = _counts(source)
            revision = _revision(source)
            target = sqlite3.connect(part)
            try:
                source.backup(target)
            finally:
                target.close()
        except sqlite3.DatabaseError as exc:
            raise InvalidInput(f"The backup {backup} is damaged ({exc}).") from None
        finally:
            source.close()
        _verify(part, counts, revision)
        os.replace(part, dest)
    finally:
        _remove_part(part)
    return BackupInfo(dest, info.taken, revision, counts, dest.stat().st_size, str(backup))
