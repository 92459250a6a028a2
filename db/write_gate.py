"""Hold every write to a local workspace until its integrity check has passed.

Opening a large workspace file need not wait for SQLite's quick integrity check
(it reads every page): :func:`db.workspace.open_workspace` with ``check_later``
checks the file's form at once and leaves the quick check to a
:class:`WriteGate`.  The gate sits in each of the engine's SQLite connections as
an authorizer: reads pass, and the first statement that would change the file
waits for the check (starting it if nobody has) and is refused if the file is
damaged.  Once the check has passed, connections drop the authorizer.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from db.errors import InvalidInput
from db.file_guard import quick_check

# Actions that never change the file (sqlite3's authorizer action codes).
_READS = frozenset(
    {
        sqlite3.SQLITE_READ,
        sqlite3.SQLITE_SELECT,
        sqlite3.SQLITE_FUNCTION,
        sqlite3.SQLITE_RECURSIVE,
        sqlite3.SQLITE_TRANSACTION,
        sqlite3.SQLITE_SAVEPOINT,
    }
)
# Pragmas that set up the connection, or only read, whatever their argument.
_QUIET_PRAGMAS = frozenset(
    {
        "foreign_keys",
        "synchronous",
        "wal_autocheckpoint",
        "busy_timeout",
        "analysis_limit",
        "cache_size",
        "temp_store",
        "query_only",
        "mmap_size",
        "table_info",
        "table_xinfo",
        "table_list",
        "index_list",
        "index_info",
        "index_xinfo",
        "foreign_key_list",
        "foreign_key_check",
        "quick_check",
        "integrity_check",
    }
)
# Pragmas that write even when only named.
_WRITING_PRAGMAS = frozenset({"optimize", "wal_checkpoint", "incremental_vacuum"})


class WriteGate:
    """The quick integrity check of one workspace file, and the writes waiting for it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.error: InvalidInput | None = None
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._started = False
        self._listeners: list[Callable[[InvalidInput | None], None]] = []

    @property
    def passed(self) -> bool:
        return self._done.is_set() and self.error is None

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def start(self) -> None:
        """Begin the check in a thread of its own (once)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._run, name="workspace-check", daemon=True).start()

    def when_done(self, listener: Callable[[InvalidInput | None], None]) -> None:
        """Call *listener* with the check's refusal (None: passed) once it is known, on
        the checking thread (at once if it is known already)."""
        with self._lock:
            if not self._done.is_set():
                self._listeners.append(listener)
                return
        listener(self.error)

    def _run(self) -> None:
        try:
            quick_check(self.path)
        except InvalidInput as exc:
            self.error = exc
        except Exception as exc:  # an unreadable file is refused like a damaged one
            self.error = InvalidInput(f"{self.path} could not be checked ({exc}).")
        with self._lock:
            self._done.set()
            listeners, self._listeners = self._listeners, []
        for listener in listeners:
            listener(self.error)

    def wait(self) -> None:
        """Wait for the check (starting it if needed); raises its refusal."""
        self.start()
        self._done.wait()
        if self.error is not None:
            raise self.error

    def install(self, engine: Engine) -> None:
        """Put the gate in every connection *engine* opens until the check has passed."""
        event.listen(engine, "connect", self._on_connect)
        event.listen(engine, "checkout", self._on_checkout)

    def _on_connect(self, dbapi_connection: Any, _record: Any) -> None:
        if not self.passed:
            dbapi_connection.set_authorizer(self._authorize)
            _record.info["write_gate"] = True

    def _on_checkout(self, dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if record.info.get("write_gate") and self.passed:
            dbapi_connection.set_authorizer(None)
            del record.info["write_gate"]

    def _authorize(
        self, action: int, arg1: str | None, arg2: str | None, database: str | None, _t: Any
    ) -> int:
        if self.passed or action in _READS or database == "temp" or not _writes(action, arg1, arg2):
            return sqlite3.SQLITE_OK
        try:
            self.wait()
        except InvalidInput:
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK


def _writes(action: int, arg1: str | None, arg2: str | None) -> bool:
    """Whether an action the gate does not know as a read changes the file."""
    if action != sqlite3.SQLITE_PRAGMA:
        return True
    name = (arg1 or "").lower()
    if name in _WRITING_PRAGMAS:
        return True
    if arg2 is None or name in _QUIET_PRAGMAS:
        return False
    # Switching a file already in WAL mode to WAL changes nothing (see check_later).
    return not (name == "journal_mode" and arg2.lower() == "wal")
