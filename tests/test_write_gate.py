"""A workspace whose integrity check is left for later: reads go on, and every write
waits for the check; a damaged file is refused before anything is written to it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from workspace_files import damaged_workspace, padded_workspace

from db.errors import InvalidInput
from db.workspace import open_workspace


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_file_opens_for_reading_and_refuses_every_write(tmp_path: Path) -> None:
    path = damaged_workspace(tmp_path / "w.claimdesk.sqlite")
    before = _digest(path)
    ws = open_workspace(path, check_later=True)
    try:
        gate = ws.write_gate
        assert gate is not None and not gate.done  # nothing checked the pages yet
        with ws.session() as session:
            assert session.execute(text("SELECT count(*) FROM claim")).scalar() == 0
        with pytest.raises(InvalidInput, match="damaged"), ws.session() as session:
            session.execute(text("INSERT INTO setting (key, value) VALUES ('k', 'v')"))
        assert gate.done and not gate.passed
        with pytest.raises(DBAPIError, match="not authorized"), ws.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('k2', 'v')")
        with pytest.raises(InvalidInput, match="damaged"):
            gate.wait()
    finally:
        ws.close()
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_sound_file_writes_once_checked_and_drops_the_gate(tmp_path: Path) -> None:
    path = padded_workspace(tmp_path / "w.claimdesk.sqlite")
    ws = open_workspace(path, check_later=True)
    try:
        gate = ws.write_gate
        assert gate is not None
        with ws.engine.connect() as conn:
            assert conn.connection.info.get("write_gate")  # the connection holds the gate
        with ws.session() as session:  # waits for the check it starts
            session.execute(text("INSERT INTO setting (key, value) VALUES ('k', 'v')"))
        assert gate.passed
        with ws.engine.connect() as conn:  # the same pooled connection, without it now
            assert "write_gate" not in conn.connection.info
            assert conn.exec_driver_sql("SELECT value FROM setting WHERE key = 'k'").scalar() == "v"
    finally:
        ws.close()


def test_the_check_runs_at_once_where_it_cannot_wait(tmp_path: Path) -> None:
    new = open_workspace(tmp_path / "new.claimdesk.sqlite", check_later=True)
    new.close()
    assert new.write_gate is None  # a new file: nothing to check
    path = padded_workspace(tmp_path / "w.claimdesk.sqlite")
    Path(f"{path}-wal").write_bytes(b"")  # an empty log changes nothing
    ws = open_workspace(path, check_later=True)
    ws.close()
    assert ws.write_gate is not None
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    ws = open_workspace(path, check_later=True)  # switching to WAL writes: checked first
    ws.close()
    assert ws.write_gate is None


def test_a_damaged_file_without_the_gate_is_refused_at_once(tmp_path: Path) -> None:
    path = damaged_workspace(tmp_path / "w.claimdesk.sqlite")
    before = _digest(path)
    with pytest.raises(InvalidInput, match="damaged"):
        open_workspace(path)
    assert _digest(path) == before
