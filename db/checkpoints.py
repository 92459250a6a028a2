"""Checkpoints of a local workspace's write-ahead log, on a thread of their own.

SQLite copies the write-ahead log back into the database file (a checkpoint) inside the
commit that takes the log past ``wal_autocheckpoint`` pages, on whatever thread commits.
On a large workspace one new claim writes some 50 pages (the claim, its history entry and
their indexes), so about every twentieth edit in the window paid for a checkpoint of a
thousand pages: a quarter of a second with the window frozen.

:class:`BackgroundCheckpoints` raises the connections' own threshold to a backstop (a
connection still checkpoints if the log ever grows that far) and checkpoints from a
thread once the log has grown past :data:`CHECKPOINT_PAGES` and changed since.  Its
checkpoints are PASSIVE: they never wait for readers or writers, and a commit never waits
for them.  What a commit guarantees does not change (see ``db.workspace``).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from db.write_gate import WriteGate

# A checkpoint once the log holds this many pages (SQLite's own default threshold).
CHECKPOINT_PAGES = 1000
# The connections' threshold meanwhile: reached only if the thread cannot keep up.
BACKSTOP_PAGES = 20_000
POLL_SECONDS = 0.5
_SET = "claimdesk_autocheckpoint"


class BackgroundCheckpoints:
    """Checkpoints the log of the workspace file *path* off the committing threads."""

    def __init__(self, engine: Engine, path: Path, gate: WriteGate | None = None) -> None:
        self.path = path
        self.wal = Path(f"{path}-wal")
        self.gate = gate
        self.done = 0  # checkpoints run (tests and diagnostics)
        self.page_bytes = 4096  # read from the file when the thread starts
        self._engine = engine
        self._stop = threading.Event()
        self._last: tuple[int, int] | None = None  # (size, mtime) of the log last checkpointed
        event.listen(engine, "checkout", self._on_checkout)
        self._thread = threading.Thread(target=self._run, name="wal-checkpoints", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _on_checkout(self, dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if record.info.get(_SET):
            return
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
        finally:
            cursor.close()
        record.info[_SET] = True

    def due(self) -> bool:
        """Whether the log has grown past the threshold and changed since the last one."""
        try:
            stat = self.wal.stat()
        except OSError:
            return False
        state = (stat.st_size, stat.st_mtime_ns)
        if stat.st_size < CHECKPOINT_PAGES * self.page_bytes or state == self._last:
            return False
        # Nothing is written before the file's integrity check has passed.
        return self.gate is None or self.gate.passed

    def checkpoint(self) -> None:
        """One PASSIVE checkpoint on a connection of its own (never waits for anyone).

        The log's state is remembered only once the checkpoint has run: one that failed
        (the file busy for a moment) is tried again at the next poll, not left until the
        next edit changes the log."""
        try:
            stat = self.wal.stat()
            state: tuple[int, int] | None = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            state = None
        connection = sqlite3.connect(self.path, timeout=0, check_same_thread=False)
        try:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            connection.close()
        self._last = state
        self.done += 1

    def _run(self) -> None:
        with contextlib.suppress(sqlite3.Error, OSError):
            connection = sqlite3.connect(self.path, timeout=0, check_same_thread=False)
            try:
                self.page_bytes = int(connection.execute("PRAGMA page_size").fetchone()[0])
            finally:
                connection.close()
        while not self._stop.wait(POLL_SECONDS):
            if self.due():
                # A failed checkpoint (the file gone, a lock) leaves the work to the
                # next one or to the connections' backstop.
                with contextlib.suppress(sqlite3.Error, OSError):
                    self.checkpoint()

    def stop(self) -> None:
        """Stop the thread (a checkpoint under way finishes first)."""
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout=10)
        with contextlib.suppress(Exception):
            event.remove(self._engine, "checkout", self._on_checkout)
