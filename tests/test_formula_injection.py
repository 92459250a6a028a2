"""Spreadsheet exports never turn claim text into formulas."""

from __future__ import annotations

import openpyxl
import pytest
from formats_support import populate
from openpyxl.utils.escape import unescape

from db.claims import ClaimFilter, list_claims
from db.exporting import export

PAYLOADS = [
    "=1+1",
    "+SUM(1,2)",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "\n@SUM(A1)",
    "  \t -2+3",
    '=HYPERLINK("http://evil.example","click")',
    "=cmd|' /C calc'!A0",
    "http://looks.like/a/link",
    "0042",
    "1e5",
]


@pytest.fixture
def nasty(ws, seed_paths):
    pop = populate(ws, seed_paths[:2])
    from db.claims import update_claim

    for claim, payload in zip(pop.claims * 6, PAYLOADS, strict=False):
        update_claim(ws, claim.id, statement=payload, notes=payload)
    return ws


def test_xlsx_has_no_formula_cells(nasty, tmp_path):
    target = tmp_path / "x.xlsx"
    export(nasty, "xlsx", ClaimFilter(), target)
    book = openpyxl.load_workbook(target)
    seen = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    seen.add(unescape(cell.value))
    statements = {c.statement for c in list_claims(nasty)}
    assert statements <= seen
    assert "=cmd|' /C calc'!A0" in seen and "0042" in seen


def test_csv_neutralises_formulas(nasty, tmp_path):
    import csv

    target = tmp_path / "x.csv"
    export(nasty, "csv", ClaimFilter(), target)
    with open(target, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(list_claims(nasty))
    for row in rows:
        for value in row.values():
            text = (value or "").lstrip(" \t\r\n\x00")
            assert value.startswith("'") or not text.startswith(("=", "+", "-", "@")), value
            assert not (value or "").startswith(("\t", "\r")), value
    by_id = {str(c.id): c for c in list_claims(nasty)}
    for row in rows:
        statement = by_id[row["id"]].statement
        shown = row["statement"]
        risky = statement.startswith(("\t", "\r")) or statement.lstrip(" \t\r\n").startswith(
            ("=", "+", "-", "@")
        )
        assert shown == ("'" + statement if risky else statement)
    assert any(r["statement"] == "'=cmd|' /C calc'!A0" for r in rows)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (" =1+1", "' =1+1"),
        ("\x00=1", "<U+0000>=1"),  # a NUL is shown marked, which no sheet runs
        ("\n\n+1", "'\n\n+1"),
        ("0042", "0042"),
        ("Seoul said 1,500", "Seoul said 1,500"),
        ("  plain text", "  plain text"),
        (12, 12),
    ],
)
def test_neutralise_looks_past_leading_blanks(value, expected):
    from db.exporting.sheet import neutralise

    assert neutralise(value) == expected
