"""Claim rows of plain text go into the XLSX sheet as one piece of XML each, without a
call to XlsxWriter per cell; the workbook must be the one XlsxWriter writes itself.

Each workbook is written twice, rows in one piece and every row through XlsxWriter, and
the two files compared member by member, for claims holding what XlsxWriter escapes,
cuts or keeps spaces for, what is marked, web and other URLs, dates, numbers and every
extra, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import uuid
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from xlsxwriter.utility import _preserve_whitespace
from xlsxwriter.worksheet import Worksheet

from db import contested, evidence, links, relays, sources
from db.articles import NewArticle, add_article
from db.claims import ClaimFilter, create_claim, update_claim
from db.exporting import export, xlsx
from db.models import Relation, Status
from db.workspace import Workspace

ALL = ClaimFilter(statuses=frozenset(Status))

# Claim texts, one per claim, many of them plain.
ODD_TEXTS = (
    "Fish & chips < 5 > 3",
    "Code _x0041_ kept as typed",
    "carriage\rreturn",
    "  leading spaces",
    "trailing no-break space\u00a0",
    "tab\tinside and line\nbreak",
    'He said "yes"',
    "Ship 🚢 名古屋 ثلاثة",
    "\u202eoverride inside",
    "non-character \ufffe here",
    "vertical\x0btab",
    "x" * 20_000,  # long, not cut
    "🚢" * 17_000,  # past 32,767 UTF-16 units: XlsxWriter cuts it
    " ",
)
URLS = (
    "https://news.example/a",
    "https://news.example/b#part",
    "javascript:alert(1)",
    "",
    "https://news.example/" + "🚢" * 1100,  # past Excel's 2,079 UTF-16 units for a link
    "https://news.example/c",
)
ARTICLE_TEXT = "".join(f"Sentence number {n:03d} of the article, said plainly. " for n in range(80))


def _fill(ws: Workspace) -> int:
    """Articles on each URL, with plain and odd claims and every extra; the claim count."""
    wire = sources.find_or_create_source(ws, "Wire One")
    other = sources.find_or_create_source(ws, "Plain Wire")
    relay = sources.find_or_create_source(ws, "Relay Desk")
    made: list[uuid.UUID] = []
    for a, url in enumerate(URLS):
        text = f"Article {a}. {ARTICLE_TEXT}"
        article = add_article(
            ws,
            NewArticle(
                text=text,
                original=text.encode(),
                filename=f"a{a}.txt",
                title=f"Article {a}",
                outlet=f"Outlet {a}",
                url=url,
                published_at=dt.datetime(2024, 5, 1 + a, 9, 30, tzinfo=dt.UTC),
                published_offset=540 if a % 2 else None,
                published_zone="KST" if a == 1 else "",
            ),
        )
        for n in range(20):
            k = a * 20 + n
            odd = ODD_TEXTS[k // 7 % len(ODD_TEXTS)] if k % 7 == 0 else ""
            fields: dict[str, Any] = {
                "statement": odd or f"Plain statement {k}",
                "source_id": (wire if k % 2 else other).id,
            }
            if k % 4 == 1:
                fields["notes"] = odd or f"Note {k}"
                fields["event_start"] = dt.date(2024, 4, 1 + k % 20)
            if k % 5 == 2:
                fields.update(reliability="B", credibility=1 + k % 6, tags=[f"tag{k % 3}"])
                fields["event_start"] = dt.date(2024, 3, 2)
                fields["event_end"] = dt.date(2024, 3, 9)
            start = 45 * n + 3
            claim = create_claim(ws, article.id, start, start + 30, **fields)
            if k % 6 == 0:
                claim = update_claim(
                    ws, claim.id, status="verified", rationale=odd or f"Checked, {k}"
                )
            made.append(claim.id)
    links.add_link(ws, made[9], made[1], Relation.UPDATES)
    links.add_link(ws, made[2], made[12], Relation.SUPPORTS)
    evidence.add_evidence(ws, made[4], url="https://example.org/t?a=1&b=2", note="table")
    evidence.add_evidence(ws, made[12], note="phone call", stance="refutes")
    relays.set_relay_ids(ws, made[20], [relay.id])
    contested.set_contested(ws, [made[0], made[19]], True)
    return len(made)


def _members(path: Path) -> dict[str, bytes]:
    """The workbook's files; the creation time left out of the document properties."""
    with zipfile.ZipFile(path) as book:
        out = {name: book.read(name) for name in book.namelist()}
    out["docProps/core.xml"] = re.sub(
        rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", out["docProps/core.xml"]
    )
    return out


def _rows_through_xlsxwriter(monkeypatch: pytest.MonkeyPatch) -> set[int]:
    """Rows of the Claims sheet whose cells XlsxWriter writes out itself (filled later)."""
    rows: set[int] = set()
    write_cell = Worksheet._write_cell

    def spy(sheet: Worksheet, row: int, col: int, cell: Any) -> None:
        if sheet.name == "Claims":
            rows.add(row)
        write_cell(sheet, row, col, cell)

    monkeypatch.setattr(Worksheet, "_write_cell", spy)
    return rows


@pytest.mark.filterwarnings("ignore:Ignoring URL:UserWarning")
def test_rows_in_one_piece_make_the_workbook_xlsxwriter_makes(
    store: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    total = _fill(store)
    monkeypatch.setattr(xlsx, "MAX_URLS", 45)  # the later web URLs stay text
    through = _rows_through_xlsxwriter(monkeypatch)
    direct = tmp_path / "direct.xlsx"
    assert export(store, "xlsx", ALL, direct) == total
    # The one-piece rows were used: most rows never reached XlsxWriter's cell writer.
    assert 0 < len(through) < total / 2
    monkeypatch.setattr(xlsx, "_can_write_rows", lambda sheet: False)
    through.clear()
    reference = tmp_path / "reference.xlsx"
    assert export(store, "xlsx", ALL, reference) == total
    assert through == set(range(total + 1))
    assert _members(direct) == _members(reference)

    sheet = openpyxl.load_workbook(direct)["Claims"]
    url = [c.value for c in sheet[1]].index("url") + 1
    linked = [r for r in range(2, total + 2) if sheet.cell(r, url).hyperlink is not None]
    assert len(linked) == 45
    values = {c.value for row in sheet.iter_rows(min_row=2) for c in row}
    assert {
        "Fish & chips < 5 > 3",
        "x" * 20_000,
        "  leading spaces",
        "javascript:alert(1)",
    } <= values


def test_plain_rows_reach_no_xlsxwriter_cell(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Of 30 plain claims on one web URL only the first goes through XlsxWriter's cells
    (its hyperlink is made there); the header is the only other row.  With an XlsxWriter
    release not yet compared (xlsx.ROWS_AS_WRITTEN_BY) every row goes through it, and
    this fails until the test above passes on that release and it is added there."""
    article = add_article(
        ws,
        NewArticle(
            text=ARTICLE_TEXT,
            original=ARTICLE_TEXT.encode(),
            filename="plain.txt",
            title="Plain",
            url="https://news.example/plain",
            published_at=dt.datetime(2024, 5, 1, tzinfo=dt.UTC),
        ),
    )
    for n in range(30):
        create_claim(ws, article.id, 40 * n, 40 * n + 20, statement=f"Statement {n}")
    through = _rows_through_xlsxwriter(monkeypatch)
    target = tmp_path / "plain.xlsx"
    assert export(ws, "xlsx", ALL, target) == 30
    assert through == {0, 1}
    sheet = openpyxl.load_workbook(target)["Claims"]
    assert [sheet.cell(r, 2).value for r in range(2, 32)] == [f"Statement {n}" for n in range(30)]
    assert all(sheet.cell(r, 8).hyperlink is not None for r in range(2, 32))


def test_kept_spaces_are_where_xlsxwriter_keeps_them() -> None:
    """``_inline`` keeps the spaces of a text strip() would shorten; XlsxWriter of one
    matching ``^\\s|\\s$``.  The two agree for every character, alone and at either end."""
    differ = []
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if ch.isspace() != bool(re.match(r"\s", ch)):
            differ.append(hex(code))
    assert differ == []
    for text in ("a", " a", "a ", "a\n", "\u3000a", "a\u00a0", "a\u200b", "\ta", "a b"):
        kept = 'xml:space="preserve"' in xlsx._inline("A1", "", text)
        assert kept == bool(_preserve_whitespace(text)), repr(text)
