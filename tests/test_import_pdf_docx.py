"""PDF and DOCX import, read from files made by real writers in the test."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zlib
from pathlib import Path

import docx
import pytest

from db.articles import article_text, list_articles
from db.errors import InvalidInput
from db.importing import import_file, read_file
from db.importing.pdf import read_pdf_article

PARAS = [
    "The ministry said on Tuesday that 3,000 soldiers had crossed the border overnight, "
    "a figure that officials in the capital declined to confirm during a briefing that "
    "lasted well over an hour and left most questions unanswered.",
    "Independent monitors counted at least twelve convoys.",
    "Министерство обороны сообщило о потерях; 북한 병사 3천명 파병 was reported as well, "
    "according to a statement carried by several agencies on the same evening.",
]


def make_pdf(tmp_path: Path, name: str, paragraphs: list[str], title: str = "") -> Path:
    html = tmp_path / f"{name}.html"
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html.write_text(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>", "utf-8")
    pdf = tmp_path / f"{name}.pdf"
    cmd = [sys.executable, "-m", "desktop.pdf_render", str(html), str(pdf), "--title", title]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    return pdf


def hand_pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A minimal PDF with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        xref,
    )
    return bytes(out)


def image_only_pdf() -> bytes:
    pixels = zlib.compress(bytes([0, 128, 255]) * 64 * 64)
    content = b"q 200 0 0 200 100 500 cm /Im1 Do Q 0 0 1 rg 50 50 100 100 re f"
    return hand_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceRGB "
            b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
            % len(pixels)
            + pixels
            + b"\nendstream",
        ]
    )


def encrypted_pdf() -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
        b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 "
        b"/O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>",
    ]
    return hand_pdf(
        objects,
        b"/Encrypt 3 0 R /ID [<00112233445566778899aabbccddeeff> "
        b"<00112233445566778899aabbccddeeff>] ",
    )


# ---------------------------------------------------------------- PDF


def test_pdf_paragraphs_and_scripts(tmp_path):
    pdf = make_pdf(tmp_path, "article", PARAS, title="Border report")
    new = read_file(pdf)
    assert new.format == "pdf"
    assert new.title == "Border report"
    # The file's creation date is not the article's publication date.
    assert new.published_at is None
    assert new.text.split("\n\n") == PARAS


def test_pdf_dateline_and_byline_come_from_the_text(tmp_path):
    lines = ["By Mira Holm", "Published: 5 October 2024, 08:30 KST", *PARAS[:2]]
    new = read_file(make_pdf(tmp_path, "dated", lines))
    assert new.author == "Mira Holm"
    assert new.published_at == dt.datetime(2024, 10, 4, 23, 30, tzinfo=dt.UTC)


def test_pdf_import_stores_article(ws, tmp_path):
    pdf = make_pdf(tmp_path, "stored", PARAS[:2], title="Stored")
    info = import_file(ws, pdf)
    assert info.format == "pdf" and info.title == "Stored"
    assert article_text(ws, info.id).text == "\n\n".join(PARAS[:2])


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("scan.pdf", image_only_pdf(), "no text layer"),
        ("locked.pdf", encrypted_pdf(), "encrypted"),
        ("notpdf.pdf", b"GIF89a not a pdf at all", "not a PDF"),
    ],
)
def test_bad_pdfs_are_refused(ws, tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InvalidInput) as err:
        import_file(ws, path)
    assert name in str(err.value) and reason in str(err.value)
    assert list_articles(ws) == []


def test_truncated_pdf_is_refused(ws, tmp_path):
    whole = make_pdf(tmp_path, "whole", PARAS).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(InvalidInput, match=r"truncated\.pdf"):
        import_file(ws, path)
    assert list_articles(ws) == []


def test_hand_made_pdf_is_really_readable():
    # The image-only fixture is a valid PDF: pdfium opens it and finds one page.
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(image_only_pdf())
    assert len(pdf) == 1
    pdf.close()


def test_heading_set_close_above_body_text_is_its_own_paragraph():
    # As office suites lay it out: a larger heading with little space before the body.
    content = (
        b"BT /F1 16 Tf 72 760 Td (Harbour repairs resume) Tj ET "
        b"BT /F1 10 Tf 72 746 Td (The port authority said that repairs to the pier) Tj "
        b"0 -12 Td (would resume next week after the storms.) Tj "
        b"0 -24 Td (Officials put the cost at 14 million.) Tj ET"
    )
    data = hand_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )
    new = read_pdf_article(data, "office.pdf")
    assert new.text.split("\n\n") == [
        "Harbour repairs resume",
        "The port authority said that repairs to the pier would resume next week after the storms.",
        "Officials put the cost at 14 million.",
    ]


# ---------------------------------------------------------------- DOCX


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Troops cross border", level=1)
    document.add_paragraph("Published: 5 October 2024, 08:30 KST")
    document.add_paragraph(PARAS[0])
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.add_paragraph(PARAS[1])
    document.add_paragraph(PARAS[2])
    props = document.core_properties
    props.title = "Troops cross border"
    props.author = "Jane Roe"
    props.created = dt.datetime(2019, 1, 1, 9, 0)  # when the file was made: not used
    document.save(str(path))
    return path


def test_docx_paragraphs_and_properties(tmp_path):
    new = read_file(make_docx(tmp_path / "a.docx"))
    assert new.format == "docx"
    assert new.title == "Troops cross border" and new.author == "Jane Roe"
    assert new.published_at == dt.datetime(2024, 10, 4, 23, 30, tzinfo=dt.UTC)
    assert new.text.split("\n\n") == [
        "Troops cross border",
        "Published: 5 October 2024, 08:30 KST",
        *PARAS,
    ]


def test_docx_import_stores_article(ws, tmp_path):
    info = import_file(ws, make_docx(tmp_path / "b.docx"))
    assert info.format == "docx" and info.author == "Jane Roe"
    assert PARAS[2] in article_text(ws, info.id).text


def test_broken_docx_is_refused(ws, tmp_path):
    good = make_docx(tmp_path / "good.docx").read_bytes()
    cases = {
        "notzip.docx": b"this is plain text, not a zip archive",
        "cut.docx": good[: len(good) // 2],
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(InvalidInput) as err:
            import_file(ws, path)
        assert name in str(err.value) and "Word document" in str(err.value)
    assert list_articles(ws) == []
