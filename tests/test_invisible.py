"""Invisible and direction characters: kept in the store, shown marked everywhere people read.

The exports are read back with real readers (csv, openpyxl, html.parser,
pypdfium2) on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pytest
from store_support import store_kinds

from db.articles import NewArticle, add_article, article_text
from db.claims import ClaimFilter, create_claim, get_claim
from db.cli import main as cli_main
from db.errors import InvalidInput
from db.exporting import export
from db.invisible import (
    DIRECTION_CONTROLS,
    describe,
    display_text,
    file_name_part,
    has_hidden,
    hidden_in,
    is_hidden,
    marked,
)
from db.models import Status
from db.workspace import Workspace

RLO, PDF_, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"
ZWSP, ZWJ, BOM, SHY = "\u200b", "\u200d", "\ufeff", "\u00ad"
# A made-up article: an override that would show "gnp.exe" as "exe.png", an
# isolate, a zero-width space splitting a word and a byte-order mark inside.
TEXT = (
    f"Officials said the file invoice{RLO}gnp.exe{PDF_} was sent on Monday.\n"
    f"The count was {LRI}1,200{PDI} people, the minis{ZWSP}try said.\n"
    f"A third line{BOM} ends here.\n"
)
HIDDEN = (RLO, PDF_, LRI, PDI, ZWSP, BOM)


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# ---------------------------------------------------------------- the helper


def test_the_ranges_are_exactly_controls_formats_and_separators() -> None:
    missing, extra = [], []
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        category = unicodedata.category(ch)
        expected = category in ("Cc", "Cf", "Zl", "Zp")
        if expected != is_hidden(ch, keep=""):
            (missing if expected else extra).append(code)
    assert missing == []
    # Beyond this Python's Unicode version, only unassigned code points may be listed.
    assert all(unicodedata.category(chr(c)) == "Cn" for c in extra)


def test_marked_writes_each_hidden_character_and_keeps_layout() -> None:
    assert marked(TEXT).count("<U+") == len(HIDDEN)
    assert "<U+202E>gnp.exe<U+202C>" in marked(TEXT)
    assert "minis<U+200B>try" in marked(TEXT)
    assert marked(TEXT).count("\n") == 3  # line feeds are layout, not marked
    assert not any(ch in marked(TEXT) for ch in HIDDEN)
    assert marked("a\tb\nc", keep="") == "a<U+0009>b<U+000A>c"
    assert marked("plain") == "plain"
    assert DIRECTION_CONTROLS <= {ch for ch in map(chr, range(0x3000)) if has_hidden(ch)}


def test_display_text_keeps_every_utf16_offset() -> None:
    tag = "\U000e0041"  # a tag character: two UTF-16 units
    text = TEXT + f"x{tag}y\u2029z\x07"
    shown = display_text(text)
    assert _utf16(shown) == _utf16(text)
    assert not has_hidden(shown)
    for offset, ch in hidden_in(text):
        prefix = _utf16(text[:offset])
        stand_in = shown.encode("utf-16-le")[2 * prefix : 2 * (prefix + _utf16(ch))]
        assert stand_in.decode("utf-16-le") != ch
    assert [ch for _, ch in hidden_in(text)][-3:] == [tag, "\u2029", "\x07"]
    assert describe(RLO) == "U+202E RIGHT-TO-LEFT OVERRIDE"


def test_file_name_part_leaves_out_what_could_spoof_a_name() -> None:
    assert file_name_part(f"Report {RLO}gnp.exe") == "Report gnp.exe"
    assert file_name_part(f"a/b\\c:{ZWSP}d") == "a-b-c- d"
    assert file_name_part(f"{LRI}{PDI}  ") == "export"
    assert len(file_name_part("x" * 500)) == 80
    assert not has_hidden(file_name_part(TEXT, "x"), keep="")


def test_error_messages_show_the_characters_marked() -> None:
    message = str(InvalidInput(f"invoice{RLO}gnp.exe cannot be read."))
    assert message == "invoice<U+202E>gnp.exe cannot be read."


def test_cli_error_names_a_spoofed_file_name_marked(tmp_path: Path, capsys) -> None:
    name = tmp_path / f"report{RLO}txt.exe"
    rc = cli_main(["--db", str(tmp_path / "w.sqlite"), "import", str(name)])
    err = capsys.readouterr().err
    assert rc != 0
    assert "report<U+202E>txt.exe" in err
    assert RLO not in err


# ---------------------------------------------------------------- exports

store_kind = store_kinds("postgres")  # the PostgreSQL cases keep their id


@pytest.fixture
def filled(store: Workspace) -> tuple[Workspace, str]:
    article = add_article(
        store,
        NewArticle(
            text=TEXT,
            original=TEXT.encode(),
            filename=f"invoice{RLO}gnp.txt",
            title=f"Invoice {RLO}gnp.exe report",
        ),
    )
    start = TEXT.index("invoice")
    end = TEXT.index(" was sent")
    claim = create_claim(
        store,
        article.id,
        start,
        end,
        statement=f"The file {LRI}invoice{PDI} was sent",
        notes=f"see {ZWSP}below",
        tags=[f"mal{ZWSP}ware"],
        status=Status.VERIFIED,
        rationale="Checked against the record.",
    )
    return store, str(claim.id)


def test_the_stored_text_keeps_every_character(filled) -> None:
    ws, claim_id = filled
    info = get_claim(ws, claim_id)
    assert article_text(ws, info.article_id).text == TEXT
    assert info.quote == f"invoice{RLO}gnp.exe{PDF_}"
    assert list(info.tags) == [f"mal{ZWSP}ware"]


def _assert_marked(text: str) -> None:
    assert "invoice<U+202E>gnp.exe<U+202C>" in text
    assert "<U+2066>invoice<U+2069>" in text
    assert "mal<U+200B>ware" in text
    assert not any(ch in text for ch in HIDDEN)


def test_csv_cells_are_marked(filled, tmp_path: Path) -> None:
    ws, _ = filled
    target = tmp_path / "claims.csv"
    assert export(ws, "csv", ClaimFilter(), target) == 1
    with target.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["quote"] == "invoice<U+202E>gnp.exe<U+202C>"
    assert rows[0]["article_title"] == "Invoice <U+202E>gnp.exe report"
    _assert_marked(target.read_text(encoding="utf-8"))


def test_xlsx_cells_are_marked(filled, tmp_path: Path) -> None:
    ws, _ = filled
    target = tmp_path / "claims.xlsx"
    export(ws, "xlsx", ClaimFilter(), target)
    book = openpyxl.load_workbook(target, read_only=True)
    cells = [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    book.close()
    assert "invoice<U+202E>gnp.exe<U+202C>" in cells
    _assert_marked("\n".join(cells))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_html_report_is_marked(filled, tmp_path: Path) -> None:
    ws, _ = filled
    target = tmp_path / "claims.html"
    export(ws, "html", ClaimFilter(), target)
    parser = _Text()
    parser.feed(target.read_text(encoding="utf-8"))
    _assert_marked("".join(parser.parts))


def test_markdown_is_marked(filled, tmp_path: Path) -> None:
    ws, _ = filled
    target = tmp_path / "claims.md"
    export(ws, "md", ClaimFilter(), target)
    text = target.read_text(encoding="utf-8").replace("\\", "")
    assert "invoice<U+202E>gnp.exe<U+202C>" in text
    assert not any(ch in text for ch in HIDDEN)


def test_pdf_report_is_marked(filled, tmp_path: Path) -> None:
    ws, _ = filled
    target = tmp_path / "claims.pdf"
    export(ws, "pdf", ClaimFilter(), target)
    pdf = pdfium.PdfDocument(str(target))
    try:
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    flat = "".join(text.split())
    assert "invoice<U+202E>gnp.exe<U+202C>" in flat
    assert "<U+2066>invoice<U+2069>" in flat
    assert not any(ch in text for ch in HIDDEN)


def test_json_keeps_the_text_exactly(filled, tmp_path: Path) -> None:
    import json

    ws, _ = filled
    target = tmp_path / "claims.json"
    export(ws, "json", ClaimFilter(), target)
    data = json.loads(target.read_text(encoding="utf-8"))
    claims = data["claims"] if isinstance(data, dict) else data
    assert claims[0]["quote"] == f"invoice{RLO}gnp.exe{PDF_}"
