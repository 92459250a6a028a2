"""A folder's article files, for importing a whole folder at once.

Hidden files and folders (a leading dot) are passed over; files ClaimDesk does
not read are listed so the caller can say that they were skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from db.errors import InvalidInput


@dataclass
class FolderScan:
    """The importable files under a folder (sorted), and the other files, by name."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def scan_folder(folder: Path) -> FolderScan:
    """Every article and Web Annotation file under *folder* (sub-folders included)."""
    from db.importing import ANNOTATION_SUFFIXES, READERS

    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidInput(f"{folder}: no such folder.")
    scan = FolderScan(folder)
    readable = set(READERS) | set(ANNOTATION_SUFFIXES)
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix.lower() in readable:
            scan.files.append(path)
        else:
            scan.skipped.append(path)
    return scan


def skipped_reason(path: Path) -> str:
    """Why a file in an imported folder was left out, in one line."""
    suffix = path.suffix.lower() or "files without a suffix"
    return f"not an article file ClaimDesk reads ({suffix})"


__all__ = ["FolderScan", "scan_folder", "skipped_reason"]
