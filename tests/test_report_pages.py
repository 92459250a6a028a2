"""The PDF/HTML report's pages: the summary opens the first page, a claim is never split
from its heading, no local path in the report or its metadata, links out of it marked."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.claims import ClaimFilter, create_claim, update_claim
from db.exporting import export
from db.links import add_link
from db.models import Status
from db.workspace import open_workspace
from desktop.pdf_render import KEEP_LINES, page_cuts


@pytest.fixture
def desk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A workspace in a folder whose name must never show in a report."""
    folder = tmp_path / "private-folder-xq7"
    folder.mkdir()
    ws = open_workspace(folder / "newsroom.claimdesk.sqlite")
    bind_analyst(ws)
    yield ws
    ws.close()


def _pages(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    finally:
        pdf.close()


def _claims(ws, n: int, *, url: str = "https://news.example/harbour") -> list:  # type: ignore[no-untyped-def]
    """*n* claims of different lengths on one article; each note ends with "endNN"."""
    text = " ".join(f"Sentence {i} tells of event {i}." for i in range(n * 2))
    article = add_article(
        ws, NewArticle(text=text, original=text.encode(), title="Harbour works", url=url)
    )
    made = []
    for k in range(n):
        start = text.index(f"Sentence {k * 2} ")
        claim = create_claim(ws, article.id, start, start + 10, statement=f"Claim {k:02d}")
        words = 20 + (k * 37) % 160  # claims of many heights, so pages fill unevenly
        notes = " ".join(f"w{k}x{i}" for i in range(words)) + f" end{k:02d}"
        made.append(update_claim(ws, claim.id, notes=notes))
    return made


# ---------------------------------------------------------------- cutting pages


def test_a_page_ends_before_the_unit_that_does_not_fit() -> None:
    lines = [float(y) for y in range(0, 300, 10)]
    units = [0.0, 60.0, 130.0, 220.0]
    cuts = page_cuts(units, lines, 300.0, 100.0)
    assert cuts == [(0.0, 60.0), (60.0, 130.0), (130.0, 220.0), (220.0, 300.0)]


def test_a_unit_taller_than_a_page_fills_pages_between_lines() -> None:
    lines = [float(y) for y in range(0, 400, 10)]
    units = [0.0, 50.0, 380.0]  # the second unit (330 tall) fits on no page
    cuts = page_cuts(units, lines, 400.0, 100.0)
    assert cuts[0] == (0.0, 100.0)  # filled: the long unit starts here
    assert all(bottom - top <= 100.0 for top, bottom in cuts)
    assert [top for top, _ in cuts][1:] == sorted({top for top, _ in cuts[1:]})
    assert cuts[-1][1] == 400.0
    # Starting too near the foot of a page to keep its first lines, it moves on whole.
    cuts = page_cuts([0.0, 95.0], lines, 400.0, 100.0)
    assert cuts[0] == (0.0, 95.0)
    assert KEEP_LINES >= 2


def test_without_units_pages_end_between_lines() -> None:
    lines = [0.0, 45.0, 90.0, 135.0]
    assert page_cuts([], lines, 180.0, 100.0) == [(0.0, 90.0), (90.0, 180.0)]


# ---------------------------------------------------------------- the PDF


def test_no_claim_is_split_from_its_heading(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _claims(desk, 24)
    target = tmp_path / "report.pdf"
    assert export(desk, "pdf", ClaimFilter(), target) == 24
    pages = _pages(target)
    assert len(pages) >= 4
    assert "Claims report" in pages[0] and "Exported by" in pages[0]
    assert "Claim 00" in pages[0]  # the first page goes on with the claims
    for k in range(24):
        heading = [i for i, p in enumerate(pages) if f"Claim {k:02d}" in p]
        quote = [i for i, p in enumerate(pages) if f"Sentence {k * 2} tells of" in p]
        last = [i for i, p in enumerate(pages) if f"end{k:02d}" in p]
        assert len(heading) == 1 and heading == quote == last, (k, heading, quote, last)
    # The pages end early rather than split a claim: some pages have room left, which
    # Qt's own pagination (full pages) would not leave.
    for page in pages[:-1]:
        assert re.search(r"end\d\d \d+$", page), page[-60:]


def test_the_article_heading_stays_with_its_first_claim(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _claims(desk, 6)
    target = tmp_path / "report.pdf"
    export(desk, "pdf", ClaimFilter(), target)
    pages = _pages(target)
    # The heading, then straight on the same page the first claim's number and heading.
    assert sum("Harbour works 1. Claim 00" in p for p in pages) == 1


def test_no_local_path_in_the_report_or_its_metadata(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _claims(desk, 3, url="file:///home/kim/private-folder-xq7/harbour.txt")
    folder = "private-folder-xq7"
    target = tmp_path / "out-xq7.pdf"
    export(desk, "pdf", ClaimFilter(), target)
    pdf = pdfium.PdfDocument(str(target))
    try:
        meta = pdf.get_metadata_dict()
    finally:
        pdf.close()
    assert meta["Title"] == "Claims report — newsroom"
    assert meta["Creator"] == "ClaimDesk"
    for key, value in meta.items():
        assert folder not in value and "out-xq7" not in value and "/" not in value, (key, value)
        assert ".part" not in value and "sqlite" not in value
    raw = target.read_bytes()  # the XMP packet and every other object too
    assert folder.encode() not in raw and b"out-xq7" not in raw and b"/home/" not in raw
    text = " ".join(_pages(target))
    assert "Workspace: newsroom" in text
    html_path = tmp_path / "report.html"
    export(desk, "html", ClaimFilter(), html_path)
    html = html_path.read_text(encoding="utf-8")
    assert folder not in html and "file://" not in html and "/home/" not in html
    assert "<title>Claims report — newsroom</title>" in html
    md_path = tmp_path / "report.md"
    export(desk, "md", ClaimFilter(), md_path)
    assert folder not in md_path.read_text(encoding="utf-8")


def test_links_to_claims_outside_the_report_are_marked(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, second, third = _claims(desk, 3)
    update_claim(desk, first.id, status=Status.VERIFIED, rationale="Port records agree.")
    update_claim(desk, third.id, status=Status.VERIFIED, rationale="Engineers confirm.")
    add_link(desk, first.id, second.id, "contradicts")
    add_link(desk, first.id, third.id, "supports")
    only_verified = ClaimFilter(statuses=frozenset({Status.VERIFIED}))
    html_path = tmp_path / "verified.html"
    assert export(desk, "html", only_verified, html_path) == 2
    html = html_path.read_text(encoding="utf-8")
    assert f'href="#claim-{second.id}"' not in html  # no dead link
    assert f'{str(second.id)[:8]} <span class="outside">(not in this report)</span>' in html
    assert f'href="#claim-{third.id}"' in html and f'id="claim-{third.id}"' in html
    assert html.count("(not in this report)") == 1
    everything = tmp_path / "all.html"
    export(desk, "html", ClaimFilter(), everything)
    assert "(not in this report)" not in everything.read_text(encoding="utf-8")
    pdf_path = tmp_path / "verified.pdf"
    export(desk, "pdf", only_verified, pdf_path)
    assert "(not in this report)" in " ".join(_pages(pdf_path))


def test_a_document_goes_on_below_the_previous_one(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from db.exporting.pdf import write_pdf

    _claims(desk, 24)
    whole, chunked = tmp_path / "whole.pdf", tmp_path / "chunked.pdf"
    write_pdf(desk, ClaimFilter(), whole, per_document=200)
    write_pdf(desk, ClaimFilter(), chunked, per_document=3)  # 8 documents
    one, eight = _pages(whole), _pages(chunked)
    assert len(eight) <= len(one) + 1
    # Some page holds the end of one document and the start of the next.
    assert any(
        f"end{k - 1:02d}" in p and f"Claim {k:02d}" in p for k in range(3, 24, 3) for p in eight
    )
    assert sum(p.count("Harbour works (continued)") for p in eight) == 7
    for k in range(24):
        heading = [i for i, p in enumerate(eight) if f"Claim {k:02d}" in p]
        last = [i for i, p in enumerate(eight) if f"end{k:02d}" in p]
        assert len(heading) == 1 and heading == last, k
    assert [p.rsplit(" ", 1)[-1] for p in eight] == [str(i) for i in range(1, len(eight) + 1)]
