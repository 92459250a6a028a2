"""Workspace files for the tests of opening: a sound one, and one damaged inside."""

from __future__ import annotations

from pathlib import Path

from db.workspace import open_workspace


def padded_workspace(path: Path) -> Path:
    """A workspace with one setting long enough to spill over several pages."""
    ws = open_workspace(path)
    try:
        with ws.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO setting (key, value) VALUES ('padding', :v)", {"v": "x" * 40_000}
            )
    finally:
        ws.close()
    return path


def damaged_workspace(path: Path) -> Path:
    """Zero the first page of the long setting's overflow chain: the schema and every
    small table still read, SQLite's quick check finds the chain cut."""
    padded_workspace(path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    spilled = [
        n
        for n in range(len(data) // page)
        if data[n * page : (n + 1) * page].count(b"x") > page // 2
    ]
    data[spilled[0] * page : (spilled[0] + 1) * page] = bytes(page)
    path.write_bytes(bytes(data))
    return path
