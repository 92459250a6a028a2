"""XLSX export read back with openpyxl."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from formats_support import populate
from openpyxl.utils.escape import unescape

from db.claims import ClaimFilter, list_claims
from db.errors import InvalidInput
from db.exporting import FILE_SUFFIX, export, formats
from db.exporting.rows import ExportCancelled
from db.models import Status


def excel_text(value: str) -> str:
    """Cell text as Excel shows it: XlsxWriter stores control characters as _xHHHH_."""
    return unescape(value)


def _claims_sheet(path: Path):
    book = openpyxl.load_workbook(path)
    return book, book["Claims"]


def test_xlsx_round_trip_matches_database(ws, seed_paths, tmp_path):
    pop = populate(ws, seed_paths)
    target = tmp_path / "claims.xlsx"
    n = export(ws, "xlsx", ClaimFilter(), target)
    assert n == len(pop.claims) == 10
    book, sheet = _claims_sheet(target)
    assert book.sheetnames == ["Claims", "Sources", "Links"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["id", "statement", "quote"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
    by_id = {str(c.id): c for c in list_claims(ws)}
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == 10
    col = {name: i for i, name in enumerate(header)}
    for row in rows:
        claim = by_id[row[col["id"]].value]
        assert excel_text(row[col["statement"]].value) == claim.statement
        assert row[col["statement"]].data_type == "s"
        assert row[col["quote"]].value == claim.quote
        assert row[col["start"]].value == claim.start
        assert row[col["status"]].value == claim.status.value
        published = row[col["published_at (article's zone)"]]
        assert published.is_date and isinstance(published.value, dt.datetime)
        assert row[col["published_zone"]].value  # the zone that wall time is in
        event = row[col["event_start"]]
        assert event.is_date and event.value.date() == claim.event_start
        url = row[col["url"]]
        assert url.value.startswith("https://news.example/")
        assert url.hyperlink is not None and url.hyperlink.target == url.value
    assert "xlsx" in formats() and FILE_SUFFIX["xlsx"] == ".xlsx"


def test_sources_and_links_sheets(ws, seed_paths, tmp_path):
    pop = populate(ws, seed_paths)
    target = tmp_path / "claims.xlsx"
    export(ws, "xlsx", ClaimFilter(), target)
    book = openpyxl.load_workbook(target)
    sources = {r[0]: r for r in book["Sources"].iter_rows(min_row=2, values_only=True)}
    assert sources["Ministry of Defence"][1:] == ("agency", None, None, "B", 5)
    links = list(book["Links"].iter_rows(min_row=2, values_only=True))
    assert (str(pop.claims[0].id), "supports", str(pop.claims[2].id)) in [r[:3] for r in links]
    link = next(r for r in links if r[1] == "contradicts")
    assert link[3] == pop.claims[3].quote and link[4] == pop.claims[1].quote


def test_only_web_urls_become_links(ws, seed_paths, tmp_path):
    from db.articles import update_article

    pop = populate(ws, seed_paths[:1], nasty=False)
    update_article(ws, pop.articles[0].id, url="javascript:alert(1)")
    target = tmp_path / "claims.xlsx"
    export(ws, "xlsx", ClaimFilter(), target)
    _book, sheet = _claims_sheet(target)
    cell = sheet.cell(row=2, column=8)
    assert cell.value == "javascript:alert(1)"
    assert cell.hyperlink is None


def test_filter_and_cancel(ws, seed_paths, tmp_path):
    populate(ws, seed_paths)
    target = tmp_path / "verified.xlsx"
    n = export(ws, "xlsx", ClaimFilter(statuses=frozenset({Status.VERIFIED})), target)
    assert n == 2
    _book, sheet = _claims_sheet(target)
    assert sheet.max_row == 3
    cancelled = tmp_path / "cancelled.xlsx"
    with pytest.raises(ExportCancelled):
        export(ws, "xlsx", ClaimFilter(), cancelled, lambda done, total: done == 0)
    assert not cancelled.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_xlsx_needs_a_file(ws):
    with pytest.raises(InvalidInput, match="output file"):
        export(ws, "xlsx", ClaimFilter(), None)
