"""The sheets' quick paths write what the careful ones write.

XLSX claim rows without invisible characters are written by ``_ClaimRows.write``
(one undecorated call per cell, dates as serial numbers computed once), others by
``_write_claim``; a filter naming every status reads the claims without the
status condition.  Each pair must give the same file.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from formats_support import populate

from db.claims import ClaimFilter, update_claim
from db.exporting import export, sheet, xlsx
from db.exporting.cells import SheetCells, iter_cells
from db.exporting.rows import every_status_as_none
from db.models import Status
from db.workspace import Workspace


def _sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as book:
        return book.read("xl/worksheets/sheet1.xml")


def test_quick_xlsx_rows_equal_the_careful_ones(
    ws: Workspace, seed_paths: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pop = populate(ws, seed_paths)
    update_claim(ws, pop.claims[0].id, notes="read \u202eright to left")
    quick = tmp_path / "quick.xlsx"
    assert export(ws, "xlsx", ClaimFilter(), quick) == 10

    def careful(self: xlsx._ClaimRows, r: int, row: SheetCells) -> None:
        xlsx._write_claim(self.book, self.sheet, r, xlsx._claim_values(row))

    monkeypatch.setattr(xlsx._ClaimRows, "write", careful)
    slow = tmp_path / "slow.xlsx"
    assert export(ws, "xlsx", ClaimFilter(), slow) == 10
    written = _sheet_xml(quick)
    assert written == _sheet_xml(slow)
    assert b"&lt;U+202E&gt;" in written  # the seeds' invisible characters went the careful way


def test_every_status_reads_the_same_claims(
    ws: Workspace, seed_paths: list[Path], tmp_path: Path
) -> None:
    populate(ws, seed_paths)
    every = ClaimFilter(statuses=frozenset(Status))
    assert every_status_as_none(every).statuses == frozenset()
    some = ClaimFilter(statuses=frozenset({Status.VERIFIED}))
    assert every_status_as_none(some) == some
    for fmt in ("csv", "xlsx"):
        a, b = tmp_path / f"all.{fmt}", tmp_path / f"none.{fmt}"
        assert export(ws, fmt, every, a) == export(ws, fmt, ClaimFilter(), b) == 10
        if fmt == "csv":
            assert a.read_bytes() == b.read_bytes()
        else:
            assert _sheet_xml(a) == _sheet_xml(b)
    assert export(ws, "csv", some, tmp_path / "some.csv") < 10


def test_csv_rows_built_from_the_query_equal_the_cells_of_the_light_rows(
    ws: Workspace, seed_paths: list[Path]
) -> None:
    pop = populate(ws, seed_paths)
    update_claim(ws, pop.claims[1].id, notes="x", statement="\u202e=reversed")
    every = ClaimFilter(statuses=frozenset(Status))
    built = [
        row for part in iter_cells(ws, every, batch=4, build=sheet._csv_rows()) for row in part
    ]
    reference = [sheet._csv_cells(row) for part in iter_cells(ws, every) for row in part]
    assert len(built) == 10 and built == reference
    assert any(cell == "<U+202E>=reversed" for row in built for cell in row)  # marked
    assert any(str(cell).startswith("'=") for row in built for cell in row)  # neutralised
