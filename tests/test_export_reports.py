"""HTML, Markdown and PDF reports, read back as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pypdfium2 as pdfium
import pytest
from formats_support import ARABIC, CYRILLIC, HANGUL, populate

from db.articles import article_text
from db.claims import ClaimFilter, create_claim, list_claims
from db.errors import InvalidInput
from db.evidence import add_evidence
from db.exporting import export
from db.exporting.entries import sentence_around
from db.exporting.markdown import md_escape
from db.exporting.rows import ExportCancelled
from db.models import Status
from db.review import give_verdict


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Collect:
    collector = _Collect()
    collector.feed(html)
    return collector


@pytest.fixture
def reported(ws, seed_paths):
    pop = populate(ws, seed_paths)
    give_verdict(ws, pop.claims[0].id, "verified", "Two agencies confirmed the figure.")
    add_evidence(ws, pop.claims[0].id, "https://evidence.example/1", "Agency statement")
    return ws, pop


def test_sentence_bounds():
    text = "First one ends here. The army said 300 troops moved. Then more.\nNext line."
    start = text.index("300 troops")
    before, after = sentence_around(text, start, start + len("300 troops"))
    assert before == "The army said "
    assert after == " moved."


def test_html_report(reported, tmp_path):
    ws, pop = reported
    target = tmp_path / "report.html"
    n = export(ws, "html", ClaimFilter(), target)
    assert n == 10
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert "@page" in html and "size: auto" in html
    doc = parse(html)
    # Self-contained: no scripts, no external resources.
    assert "script" not in doc.tags and "link" not in doc.tags and "img" not in doc.tags
    text = "".join(doc.text)
    # Title page: who, filter, counts by status.
    assert "Exported by: Analyst" in text and "Filter: all claims" in text
    assert re.search(r"Verified\s*2", text)
    # The raw statement text is escaped, never markup.
    assert "Plain & <b>bold</b> * _md_ [x](y) # not heading" in text
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    flat = " ".join(text.split())
    for claim in list_claims(ws):
        assert " ".join(claim.statement.split()) in flat
    # The quote is emphasised inside its sentence.
    first = pop.claims[0]
    full = article_text(ws, first.article_id).text
    before, after = sentence_around(full, first.start, first.end)
    assert f"<em>{first.quote}</em>" in html.replace("&#x27;", "'")
    assert before + first.quote + after in text
    # Who decided, the rationale, grading meanings, evidence and links.
    assert "Verified, by Analyst" in text and "Two agencies confirmed the figure." in text
    assert "B — Usually reliable" in text
    assert "https://evidence.example/1" in text and "Agency statement" in text
    assert "supports" in text and "supported by" in text
    assert "Seed article 0" in text and "https://news.example/0" in text
    assert sum(1 for tag, attrs in doc.attrs if attrs.get("dir") == "auto") >= 30
    assert ARABIC in text


def test_html_report_filter_and_cancel(reported, tmp_path):
    ws, _pop = reported
    target = tmp_path / "false.html"
    flt = ClaimFilter(statuses=frozenset({Status.FALSE}))
    assert export(ws, "html", flt, target) == 2
    assert "Filter: status false" in "".join(parse(target.read_text("utf-8")).text)
    cancelled = tmp_path / "cancelled.html"
    with pytest.raises(ExportCancelled):
        export(ws, "html", ClaimFilter(), cancelled, lambda done, total: done == 0)
    assert not cancelled.exists()


def test_markdown(reported, tmp_path):
    ws, pop = reported
    target = tmp_path / "claims.md"
    assert export(ws, "md", ClaimFilter(), target) == 10
    md = target.read_text(encoding="utf-8")
    assert "|" not in md.replace("\\|", "")  # no tables
    assert md.count("\n## ") == 5 and "## Seed article 0" in md
    assert md.count("\n- **") == 10
    assert md_escape("Plain & <b>bold</b> * _md_ [x](y) # not heading") in md
    assert "\\<b\\>bold\\</b\\>" in md and "<b>" not in md
    assert "> " in md and f"*{md_escape(pop.claims[0].quote)}*" in md
    assert "Status: Verified, by Analyst" in md
    assert "<https://news.example/0>" in md


def test_markdown_keeps_the_spaces_around_the_quote(ws, tmp_path):
    from db.articles import NewArticle, add_article

    text = "The mayor said 12 bridges were repaired in May."
    article = add_article(ws, NewArticle(text=text, original=text.encode(), title="Bridges"))
    create_claim(ws, article.id, 15, 25, statement="Bridges", tags=["roads"])
    target = tmp_path / "spaces.md"
    assert export(ws, "md", ClaimFilter(), target) == 1
    md = target.read_text(encoding="utf-8")
    assert "  > The mayor said *12 bridges* were repaired in May\\.\n" in md
    assert "Status: Unverified, by Analyst  \n  Tags: roads" in md  # a hard line break


def test_md_escape_round_trips_through_commonmark_rules():
    assert md_escape("a*b_c") == "a\\*b\\_c"
    assert md_escape("# title\nnext") == "\\# title next"
    assert md_escape("1. item") == "1\\. item"


def test_pdf_report_has_real_text_in_every_script(ws, seed_paths, tmp_path):
    pop = populate(ws, seed_paths[:2])
    article = pop.articles[0].id
    create_claim(ws, article, 0, 10, statement=f"{HANGUL} / {CYRILLIC} / {ARABIC}")
    target = tmp_path / "report.pdf"
    n = export(ws, "pdf", ClaimFilter(), target)
    assert n == 5
    pdf = pdfium.PdfDocument(str(target))
    try:
        width, height = pdf[0].get_size()
        assert (round(width), round(height)) == (595, 842)  # A4
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    flat = " ".join(text.split())
    for words in (HANGUL, CYRILLIC, ARABIC, "Claims report", "Seed article 0"):
        assert words in flat, words


def test_pdf_first_page_carries_the_summary_and_the_first_claims(ws, seed_paths, tmp_path):
    populate(ws, seed_paths[:1])
    target = tmp_path / "title.pdf"
    export(ws, "pdf", ClaimFilter(), target)
    pdf = pdfium.PdfDocument(str(target))
    try:
        pages = [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    finally:
        pdf.close()
    assert "Claims report" in pages[0] and "Exported by" in pages[0]
    assert "Seed article 0" in pages[0]  # the claims start under the summary


def test_pdf_letter_page(ws, seed_paths, tmp_path):
    from db.exporting.pdf import write_pdf

    populate(ws, seed_paths[:1])
    target = tmp_path / "letter.pdf"
    assert write_pdf(ws, ClaimFilter(), target, page="letter") == 2
    pdf = pdfium.PdfDocument(str(target))
    try:
        assert tuple(round(v) for v in pdf[0].get_size()) == (612, 792)
    finally:
        pdf.close()
    with pytest.raises(InvalidInput, match="page size"):
        write_pdf(ws, ClaimFilter(), tmp_path / "x.pdf", page="A3")
    assert not (tmp_path / "x.pdf").exists()


def test_cancel_while_qt_renders_the_pdf_writes_nothing(ws, seed_paths, tmp_path):
    # Cancel pressed after every claim is written to the HTML, while the PDF is laid out.
    populate(ws, seed_paths[:1])
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return calls.count((total, total)) < 2  # the report's last tick passes; then stop

    target = tmp_path / "cancelled.pdf"
    with pytest.raises(ExportCancelled):
        export(ws, "pdf", ClaimFilter(), target, progress)
    assert calls.count((2, 2)) == 2
    assert not target.exists()
    assert not list(tmp_path.glob("*.part"))  # no half-written file left beside it


def test_cli_report_and_text_exports_to_stdout(reported, ws_path, tmp_path):
    import io

    from db.cli import run

    out = io.StringIO()
    target = tmp_path / "cli.pdf"
    assert run(["report", "--db", str(ws_path), str(target), "--page", "letter"], out=out) == 0
    assert out.getvalue().strip() == f"10 claims written to {target}"
    pdf = pdfium.PdfDocument(str(target))
    try:
        assert tuple(round(v) for v in pdf[0].get_size()) == (612, 792)
    finally:
        pdf.close()
    for fmt, marker in (("html", "<!DOCTYPE html>"), ("md", "# Claims report")):
        out = io.StringIO()
        argv = ["export", "--db", str(ws_path), "--format", fmt, "--status", "any", "-o", "-"]
        assert run(argv, out=out) == 0
        assert out.getvalue().startswith(marker)
    argv = ["export", "--db", str(ws_path), "--format", "xlsx", "-o", "-"]
    assert run(argv, out=io.StringIO()) == 2


def test_cli_export_pdf_takes_the_paper_size(reported, ws_path, tmp_path):
    import io

    from db.cli import run

    target = tmp_path / "export.pdf"
    argv = ["export", "--db", str(ws_path), "--format", "pdf", "--page", "letter", "-o"]
    assert run([*argv, str(target)], out=io.StringIO()) == 0
    pdf = pdfium.PdfDocument(str(target))
    try:
        assert tuple(round(v) for v in pdf[0].get_size()) == (612, 792)
    finally:
        pdf.close()


def test_launcher_dispatches_pdf_rendering(tmp_path):
    # Packaged builds render through the launcher, as "claimdesk --render-pdf ...".
    import subprocess
    import sys

    html = tmp_path / "in.html"
    html.write_text(f"<html><body><p>{CYRILLIC}</p></body></html>", encoding="utf-8")
    pdf_path = tmp_path / "out.pdf"
    cmd = [sys.executable, "-m", "desktop.launcher", "--render-pdf", str(html), str(pdf_path)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        assert CYRILLIC in pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()


def _many_claims(ws, n: int) -> list[str]:
    """*n* claims on one article, in report order; their statements."""
    from db.articles import NewArticle, add_article
    from db.claims import update_claim

    text = " ".join(f"Sentence {i} tells of event {i}." for i in range(n * 2))
    article = add_article(ws, NewArticle(text=text, original=text.encode(), title="Many claims"))
    statements = []
    scripts = (HANGUL, CYRILLIC, ARABIC)
    for k in range(n):
        start = text.index(f"Sentence {k * 2} ")
        statement = f"Claim {k:02d} {scripts[k % 3]}"
        claim = create_claim(ws, article.id, start, start + 10, statement=statement)
        statements.append(statement)
        if k == 5:  # a claim longer than a page still comes out whole
            update_claim(ws, claim.id, notes=" ".join(f"Note word{i}." for i in range(900)))
    return statements


def _pdf_pages(path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    finally:
        pdf.close()


@pytest.mark.parametrize("page, size", [("A4", (595, 842)), ("Letter", (612, 792))])
def test_pdf_report_laid_out_in_several_documents(ws, tmp_path, monkeypatch, page, size):
    from db.exporting.pdf import CHUNK_ENV, PAGE_ENV

    statements = _many_claims(ws, 13)
    monkeypatch.setenv(CHUNK_ENV, "3")  # 5 documents of claims after the title page
    monkeypatch.setenv(PAGE_ENV, page)
    calls: list[tuple[int, int]] = []
    target = tmp_path / "many.pdf"
    n = export(ws, "pdf", ClaimFilter(), target, lambda d, t: calls.append((d, t)) is None)
    assert n == 13
    assert (3, 13) in calls and (12, 13) in calls and calls[-1] == (13, 13)
    pdf = pdfium.PdfDocument(str(target))
    try:
        assert all(tuple(round(v) for v in p.get_size()) == size for p in pdf)
    finally:
        pdf.close()
    pages = _pdf_pages(target)
    assert len(pages) >= 4
    assert "Claims report" in pages[0] and "Claim 00" in pages[0]  # summary, then claims
    assert all(re.search(r"\d$", p) for p in pages)  # numbered, with no empty page
    assert [p.rsplit(" ", 1)[-1] for p in pages] == [str(i) for i in range(1, len(pages) + 1)]
    flat = " ".join(pages)
    # Every claim, in order.  Right-to-left text comes out in visual order, so an Arabic
    # statement's line is matched by its parts; each claim's quoted sentence fixes its place.
    for statement in statements:
        assert all(part in flat for part in statement.split(" ", 2)), statement
    positions = [flat.find(f"Sentence {k * 2} tells of event {k * 2}.") for k in range(13)]
    assert -1 not in positions and positions == sorted(positions)
    assert (flat.count(HANGUL), flat.count(CYRILLIC), flat.count(ARABIC)) == (5, 4, 4)
    assert "Note word0." in flat and "Note word899." in flat
    assert flat.count("Many claims (continued)") == 4


def test_cancel_between_pdf_documents_writes_nothing(ws, tmp_path):
    from db.exporting.pdf import write_pdf

    _many_claims(ws, 9)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 4  # stop once the second document of claims is made

    target = tmp_path / "cancelled.pdf"
    with pytest.raises(ExportCancelled):
        write_pdf(ws, ClaimFilter(), target, progress, per_document=2)
    assert calls[-1] == (4, 9) and (9, 9) not in calls
    assert not target.exists()
    assert not list(tmp_path.glob("*.part"))


def test_pdf_renderer_rejects_a_cut_stream(tmp_path):
    import subprocess
    import sys

    from db.exporting.pdf import frame

    data = frame(f"<html><body><p>{CYRILLIC}</p></body></html>")
    cmd = [sys.executable, "-m", "desktop.pdf_render", "-", str(tmp_path / "cut.pdf")]
    done = subprocess.run(cmd, input=data[:-5], capture_output=True, timeout=120)
    assert done.returncode != 0 and b"cut short" in done.stderr
    whole = subprocess.run(cmd, input=data + b"0\n", capture_output=True, timeout=120)
    assert whole.returncode == 0
    assert CYRILLIC in _pdf_pages(tmp_path / "cut.pdf")[0]


def test_reports_name_the_relay_chain_after_the_original_source(reported, tmp_path):
    from db.relays import set_relay_ids
    from db.sources import create_source

    ws, pop = reported
    relays = [create_source(ws, "Park Min-ho"), create_source(ws, "Daily *Example*")]
    set_relay_ids(ws, pop.claims[0].id, [r.id for r in relays])
    html = tmp_path / "report.html"
    export(ws, "html", ClaimFilter(), html)
    text = " ".join("".join(parse(html.read_text(encoding="utf-8")).text).split())
    assert text.count("Relayed by") == 1
    assert "Relayed by: Park Min-ho → Daily *Example*" in text
    md = tmp_path / "claims.md"
    export(ws, "md", ClaimFilter(), md)
    lines = md.read_text(encoding="utf-8").splitlines()
    relayed = [n for n, line in enumerate(lines) if line.startswith("  Relayed by: ")]
    assert len(relayed) == 1
    chain = " → ".join(md_escape(name) for name in ("Park Min-ho", "Daily *Example*"))
    assert lines[relayed[0]].strip() == f"Relayed by: {chain}"
    assert lines[relayed[0] - 1].startswith("  Source: ")
