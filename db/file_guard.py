"""Refuse, before anything is written, a file that is not a ClaimDesk workspace.

Opening a workspace file with SQLAlchemy would happily turn an empty file
into a new workspace, write a WAL into a truncated copy or into another
program's database.  :func:`check_workspace_file` looks at the file first,
read-only: its size, its SQLite header, a quick integrity check and the
tables it holds.  Each refusal is one sentence naming the file and the reason.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from db.errors import InvalidInput

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
# Tables every ClaimDesk workspace has had since its first schema.
CORE_TABLES = frozenset({"article", "claim", "source", "alembic_version"})

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word or ClaimDesk bundle file)"),
    (b"\x1f\x8b", "a gzip archive"),
)


def _describe(head: bytes) -> str:
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            return what
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "a file of another kind (no SQLite header)"
    return "a text file"


def _page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that writes nothing, not even a -wal or -shm file.

    Without a write-ahead log beside it the file is read as immutable; with
    one (a workspace in use, or left by a crash) SQLite must read the log too.
    """
    wal = Path(f"{path}-wal")
    mode = "mode=ro" if wal.exists() and wal.stat().st_size > 0 else "immutable=1"
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
    except sqlite3.Error as exc:
        raise InvalidInput(f"{path} cannot be read as an SQLite database ({exc}).") from None


class _EarlyCheck:
    """One check of an existing file running in a thread of its own."""

    def __init__(self, path: Path) -> None:
        self.done = threading.Event()
        self.result = False
        self.error: BaseException | None = None
        threading.Thread(
            target=self._run, args=(path,), name="workspace-check", daemon=True
        ).start()

    def _run(self, path: Path) -> None:
        try:
            self.result = _check(path, must_exist_folder=True)
        except BaseException as exc:  # handed to whoever opens the file
            self.error = exc
        finally:
            self.done.set()


_early: dict[tuple[str, int, int, int], _EarlyCheck] = {}
_early_lock = threading.Lock()


def _state(path: Path) -> tuple[str, int, int, int] | None:
    """What identifies the file's contents now (None: no such file)."""
    try:
        st = path.stat()
        wal = Path(f"{path}-wal")
        logged = wal.stat().st_size if wal.exists() else -1
        return (str(path.resolve()), st.st_size, st.st_mtime_ns, logged)
    except OSError:
        return None


def check_soon(path: Path) -> None:
    """Start checking the existing file *path* in a background thread.

    The quick integrity check reads the whole file (a second or more for a
    workspace of some hundred megabytes) without holding the interpreter, so a
    program about to open *path* can load its code meanwhile; the
    :func:`check_workspace_file` that follows takes this result instead of
    reading the file again, as long as the file has not changed since.
    """
    state = _state(path)
    if state is None or path.is_dir():
        return
    with _early_lock:
        if state not in _early:
            _early[state] = _EarlyCheck(path)


def early_check_pending(path: Path) -> bool:
    """True if a check begun by :func:`check_soon` waits for *path* as it is now."""
    state = _state(path)
    with _early_lock:
        return state is not None and state in _early


def check_workspace_file(path: Path, *, must_exist_folder: bool = True) -> bool:
    """Check *path* before opening it; True if it exists (False: a new workspace).

    Raises :class:`InvalidInput` for a folder, a missing parent folder, an
    empty, foreign, truncated or corrupt file.  Reads only; changes nothing.
    A check started by :func:`check_soon` on the same unchanged file is waited
    for and its verdict given.
    """
    state = _state(path)
    with _early_lock:
        early = _early.pop(state, None) if state is not None else None
    if early is not None:
        early.done.wait()
        if early.error is not None:
            raise early.error
        return early.result
    return _check(path, must_exist_folder=must_exist_folder)


def _check(path: Path, *, must_exist_folder: bool) -> bool:
    if check_form(path, must_exist_folder=must_exist_folder):
        quick_check(path)
        return True
    return False


def check_form(path: Path, *, must_exist_folder: bool = True) -> bool:
    """The checks of :func:`check_workspace_file` that read only the file's header and
    its list of tables (a few milliseconds at any size): everything but the quick
    integrity check (:func:`quick_check`).  True if the file exists."""
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder, not a workspace file.")
    if not path.exists():
        if must_exist_folder and not path.parent.is_dir():
            raise InvalidInput(
                f"{path}: the folder {path.parent} does not exist; create it first "
                "or choose another place for the workspace."
            )
        return False
    size = path.stat().st_size
    if size == 0:
        raise InvalidInput(f"{path} is an empty file (0 bytes), not a ClaimDesk workspace.")
    with path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    if not header.startswith(SQLITE_MAGIC):
        raise InvalidInput(f"{path} is {_describe(header)}, not a ClaimDesk workspace.")
    if len(header) < HEADER_SIZE:
        raise InvalidInput(f"{path} is a damaged SQLite file (its header is cut short).")
    page = _page_size(header)
    if page < 512 or page & (page - 1):
        raise InvalidInput(f"{path} is a damaged SQLite file (invalid page size {page}).")
    pages_in_header = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96]
    # With a write-ahead log beside it, a checkpoint cut short (a crash) may leave
    # a header counting pages not yet written: the log holds them, and SQLite
    # finishes the checkpoint when it opens the file.  Only the quick check judges.
    wal = Path(f"{path}-wal")
    logged = wal.exists() and wal.stat().st_size > 0
    if size % page or (header_valid and not logged and pages_in_header * page > size):
        raise InvalidInput(
            f"{path} is a truncated or damaged SQLite file ({size} bytes, "
            f"{'expected ' + str(pages_in_header * page) if header_valid else 'not whole pages'})."
        )
    conn = _read_only(path)
    try:
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as exc:
            raise InvalidInput(f"{path} is a damaged SQLite file ({exc}).") from None
    finally:
        conn.close()
    if tables and not CORE_TABLES <= tables:
        named = ", ".join(sorted(t for t in tables if not t.startswith("sqlite_"))[:5])
        raise InvalidInput(
            f"{path} is an SQLite database of another program (tables: {named}), "
            "not a ClaimDesk workspace."
        )
    return True


def quick_check(path: Path) -> None:
    """SQLite's quick integrity check of the existing file *path* (reads every page:
    a second or more for a workspace of some hundred megabytes; read-only).

    Raises :class:`InvalidInput` when it finds the file damaged.
    """
    conn = _read_only(path)
    try:
        try:
            result = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            raise InvalidInput(f"{path} is a damaged SQLite file ({exc}).") from None
    finally:
        conn.close()
    if result != ["ok"]:
        # SQLite's findings can run over several lines; the refusal stays one line.
        found = "; ".join(" ".join(str(line).split()) for line in result)
        raise InvalidInput(f"{path} is a damaged SQLite file (integrity check: {found}).")


def in_wal_mode(path: Path) -> bool:
    """True if the existing SQLite file *path* is in write-ahead-log mode (its header's
    read and write versions are 2): switching such a file to WAL again writes nothing."""
    with path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    return len(header) == HEADER_SIZE and header[18] == 2 and header[19] == 2


def has_log(path: Path) -> bool:
    """True if a write-ahead log with content lies beside *path* (a workspace in use, or
    one a crash left): closing the last connection would copy it into the file."""
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0
