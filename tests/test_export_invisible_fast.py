"""The CSV and XLSX sheets skip their search for invisible characters in printable text:
that holds only if every character they mark is one ``str.isprintable()`` refuses."""

from __future__ import annotations

import csv
from pathlib import Path

from gui_shell_support import add_text_article

from db.claims import ClaimFilter, create_claim
from db.exporting import xlsx
from db.exporting.sheet import _HIDDEN_IN_CELL, write_csv


def test_every_marked_character_is_unprintable() -> None:
    assert xlsx._HIDDEN_IN_CELL.pattern == _HIDDEN_IN_CELL.pattern
    marked_but_printable = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF
        and chr(code).isprintable()
        and _HIDDEN_IN_CELL.match(chr(code))
    ]
    assert marked_but_printable == []


def test_rows_with_and_without_hidden_characters(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Plain words here. "
        "A quote with \u202eevil\u202c inside. "
        "=SUM(A1) looks like a formula. "
        "Line one\nline two with\u00a0no-break space."
    )
    info = add_text_article(ws, text)
    spans = [
        "Plain words here.",
        "A quote with \u202eevil\u202c inside.",
        "=SUM(A1)",
        "Line one\nline two with\u00a0no-break space.",
    ]
    for quote in spans:
        start = text.index(quote)
        create_claim(ws, info.id, start, start + len(quote))
    out = tmp_path / "sheet.csv"
    assert write_csv(ws, ClaimFilter(), out) == 4
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    quotes = sorted(r["quote"] for r in rows)
    assert quotes == sorted(
        [
            "Plain words here.",
            "A quote with <U+202E>evil<U+202C> inside.",
            "'=SUM(A1)",
            "Line one\nline two with\u00a0no-break space.",
        ]
    )
