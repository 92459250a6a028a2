"""Temporary files a killed process left behind are found and removed at the next start.

An export, bundle, backup or restored workspace is written to a hidden
``.NAME….part`` file beside its target and renamed into place when complete.
If the process is killed in between, the part file (and the journal SQLite keeps
beside it) would stay for ever: so each one is noted, while it
exists, in the per-user data folder with the id of the process writing it,
and :func:`clean` (run when ClaimDesk starts) removes the part files whose
process is gone.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from db.paths import data_dir


def _folder() -> Path:
    folder = data_dir() / "pending-parts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _note_for(part: Path) -> Path:
    digest = hashlib.sha256(str(Path(part).resolve()).encode("utf-8")).hexdigest()[:24]
    return _folder() / f"{digest}.json"


def register(part: Path) -> None:
    """Note that this process is writing *part*."""
    data = {"path": str(Path(part).resolve()), "pid": os.getpid()}
    _note_for(part).write_text(json.dumps(data), encoding="utf-8")


def release(part: Path) -> None:
    """*part* was renamed into place or removed: forget it."""
    _note_for(part).unlink(missing_ok=True)


def siblings(part: Path) -> tuple[Path, ...]:
    """The files SQLite may keep beside *part* while writing it (its journal, log)."""
    return tuple(part.with_name(part.name + end) for end in ("-journal", "-wal", "-shm"))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def clean() -> list[Path]:
    """Remove part files whose writing process is gone; returns the files removed."""
    removed: list[Path] = []
    for note in sorted(_folder().glob("*.json")):
        try:
            data = json.loads(note.read_text(encoding="utf-8"))
            part, pid = Path(data["path"]), int(data["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            note.unlink(missing_ok=True)
            continue
        if _alive(pid):
            continue
        if part.name.endswith(".part") and part.is_file():
            part.unlink(missing_ok=True)
            removed.append(part)
        if part.name.endswith(".part"):
            for leftover in siblings(part):
                if leftover.is_file():
                    leftover.unlink(missing_ok=True)
        note.unlink(missing_ok=True)
    return removed
