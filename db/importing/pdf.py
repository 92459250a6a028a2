"""PDF articles: the text layer read with pdfium, lines joined into paragraphs.

A paragraph ends at an empty line, at a vertical gap clearly larger than the
line spacing, or at the end of a page.  Encrypted and image-only PDFs are
refused with the reason.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.articles import NewArticle
from db.errors import InvalidInput
from db.importing.metadata import document_metadata
from db.importing.text import normalise_text
from db.needs import needs

if TYPE_CHECKING:
    from pypdfium2 import PdfTextPage

GAP_FACTOR = 0.4  # extra space above this share of the line height starts a paragraph
SIZE_CHANGE = 1.15  # a line whose font is this much larger or smaller starts a paragraph
MAX_PAGES = 2000
FEATURE = "Reading PDF files"  # what pdfium, imported when the first PDF is read, is for


@dataclass(slots=True)
class _Line:
    top: float
    bottom: float
    text: str
    size: float = 0.0  # the largest font size on the line (0: unknown)


def _lines(textpage: PdfTextPage) -> list[_Line]:
    """Text lines of a page in reading order, with their vertical extent.

    A line ends where pdfium reports a line break, or where the next character
    no longer overlaps the current line vertically (a wrapped line).
    """
    import pypdfium2.raw as pdfium_c

    count = textpage.count_chars()
    full = textpage.get_text_range()
    if len(full) != count:  # characters outside the BMP: no positions, lines only
        return [_Line(0.0, 0.0, line) for line in full.replace("\r", "").split("\n")]
    lines: list[_Line] = []
    chars: list[str] = []
    top, bottom = float("-inf"), float("inf")
    size = 0.0

    def close() -> None:
        nonlocal chars, top, bottom, size
        lines.append(
            _Line(
                top if top > bottom else 0.0,
                bottom if top > bottom else 0.0,
                "".join(chars),
                size,
            )
        )
        chars, top, bottom, size = [], float("-inf"), float("inf"), 0.0

    for index, ch in enumerate(full):
        if ch == "\n":
            close()
            continue
        if ch == "\r":
            continue
        if not ch.isspace():
            _l, b, _r, t = textpage.get_charbox(index, loose=False)
            if top > bottom and t > b:
                overlap = min(t, top) - max(b, bottom)
                if overlap < 0.2 * min(t - b, top - bottom):
                    close()
            if t > b:
                top, bottom = max(top, t), min(bottom, b)
            size = max(size, pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
        chars.append(ch)
    if chars:
        close()
    return lines


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        part = " ".join(part.replace("\x02", "\u00ad").split())
        if not part:
            continue
        if out.endswith("\u00ad"):
            out = out[:-1] + part
        else:
            out = f"{out} {part}" if out else part
    return out


def _size_changed(previous: _Line, line: _Line) -> bool:
    small, large = sorted((previous.size, line.size))
    return small > 0 and large > small * SIZE_CHANGE


def page_paragraphs(lines: list[_Line]) -> list[str]:
    if not lines:
        return []
    heights = [ln.top - ln.bottom for ln in lines if ln.top > ln.bottom]
    height = statistics.median(heights) if heights else 10.0
    gaps = [prev.bottom - cur.top for prev, cur in itertools.pairwise(lines)]
    positive = sorted(g for g in gaps if g >= 0)
    # The tight spacing between lines of one paragraph: a low quantile of the gaps.
    usual = positive[len(positive) // 5] if positive else 0.0
    paragraphs: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        if index:
            gap = gaps[index - 1]
            if gap > usual + GAP_FACTOR * height or gap < -height:
                paragraphs.append([])
            elif _size_changed(lines[index - 1], line):  # e.g. a heading, then body text
                paragraphs.append([])
        if not line.text.strip():
            paragraphs.append([])
            continue
        paragraphs[-1].append(line.text)
    return [p for p in (_join(parts) for parts in paragraphs) if p]


def read_pdf_article(data: bytes, filename: str) -> NewArticle:
    """Read a ``.pdf`` file's text layer into a :class:`NewArticle`."""
    with needs(FEATURE):
        import pypdfium2 as pdfium

    name = filename or "The file"
    if not data.lstrip()[:5] == b"%PDF-":
        raise InvalidInput(f"{name} is not a PDF file.")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason:
            raise InvalidInput(
                f"{name} is encrypted; save an unprotected copy and import that."
            ) from None
        raise InvalidInput(f"{name} is a damaged PDF ({exc}).") from None
    try:
        if len(pdf) > MAX_PAGES:
            raise InvalidInput(f"{name} has more than {MAX_PAGES} pages.")
        paragraphs: list[str] = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                paragraphs += page_paragraphs(_lines(textpage))
            finally:
                textpage.close()
                page.close()
        meta = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    text = normalise_text("\n\n".join(paragraphs))
    if not text or text.isspace():
        raise InvalidInput(
            f"{name} has no text layer (it holds only images, e.g. a scan); "
            "run text recognition on it first."
        )
    found = document_metadata(text, title=meta.get("Title", ""), author=meta.get("Author", ""))
    return found.article(text, data, filename, "pdf")
