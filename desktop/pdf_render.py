"""Render HTML to PDF with Qt; run as ``python -m desktop.pdf_render``.

The headless core (db.exporting.pdf) starts this module in a subprocess so
that it never imports Qt itself.  Usage::

    python -m desktop.pdf_render REPORT.html OUT.pdf --page A4|Letter
    python -m desktop.pdf_render - OUT.pdf --page A4|Letter --page-numbers

With ``-`` the HTML arrives on standard input as a stream of complete HTML
documents, each framed as its length in bytes (ASCII digits and a newline)
followed by that many bytes of UTF-8; a length of 0 ends the stream.  Every
document is laid out on its own and painted onto the same PDF (below the
previous one when its first claim fits there, else from a new page), so a
long report is never held, or laid out, as a whole.

Qt's own pagination splits text wherever a page is full and knows no
``page-break-inside: avoid``.  So each document is laid out as one long page
and cut into pages here (:func:`page_cuts`): a page ends before a heading
(``<h2>``/``<h3>``; an article's heading stays with its first claim) when one
fits, so a claim is never split from its heading and moves whole to the next
page when it fits on one; a claim longer than a page is cut between lines.
Nothing names a local file: the PDF's title is the one given (or "Claims
report"), its creator "ClaimDesk".
"""

from __future__ import annotations

import argparse
import bisect
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

# Families tried in order for text the main font lacks (Hangul, Arabic, ...).
FONT_FAMILIES = [
    "DejaVu Sans",
    "Noto Sans",
    "Noto Sans CJK KR",
    "NanumGothic",
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Liberation Sans",
    "Arial",
    "sans-serif",
]
PAGE_SIZES = ("A4", "Letter")
RESOLUTION = 300
FOOTER_MM = 6.0  # room kept at the foot of each page for its number
MAX_FRAME = 256 * 2**20  # bytes; a longer frame is a broken stream, not a document
DEFAULT_TITLE = "Claims report"
CLIP_INSET = 0.5  # pixels
GAP = 5.0 / 25.4 * RESOLUTION  # between a document and the one going on below it (5 mm)
KEEP_LINES = 3  # a claim cut because it is longer than a page keeps this many lines first
UNIT_HEADINGS = (2, 3)  # heading levels that start a unit kept whole: article, claim


def break_points(doc: QTextDocument) -> tuple[list[float], list[float]]:
    """Where pages of *doc* (laid out as one long page) may end.

    Returns (the tops of the units kept whole: a claim's heading, or the article
    heading just before it; the tops of every line outside tables), both sorted.
    """
    from PySide6.QtGui import QTextCursor

    layout = doc.documentLayout()
    units: list[float] = []
    lines: list[float] = []
    after_heading = False
    block = doc.begin()
    while block.isValid():
        if QTextCursor(block).currentTable() is not None:
            after_heading = False  # a table is kept whole: no break inside it
            block = block.next()
            continue
        top = layout.blockBoundingRect(block).top()
        level = block.blockFormat().headingLevel()
        if level in UNIT_HEADINGS:
            if not after_heading:
                units.append(top)
            after_heading = True
        elif block.text().strip():
            after_heading = False
        text_layout = block.layout()
        for index in range(text_layout.lineCount()):
            lines.append(top + text_layout.lineAt(index).y())
        block = block.next()
    return sorted(units), sorted(lines)


def first_unit_fits(
    units: Sequence[float], lines: Sequence[float], total: float, room: float
) -> bool:
    """True when what opens a document (its first unit, or the text before its first
    unit) fits in *room*."""
    if room <= 0:
        return False
    if units and (not lines or units[0] <= lines[0] + 0.5):
        end = units[1] if len(units) > 1 else total
    else:
        end = units[0] if units else total
    return end <= room


def page_cuts(
    units: Sequence[float],
    lines: Sequence[float],
    total: float,
    height: float,
    *,
    first: float | None = None,
) -> list[tuple[float, float]]:
    """(top, bottom) of each page cutting a *total*-tall layout into *height*-tall pages;
    the first page has *first* of room when the layout goes on below another.

    A page ends before the last unit that starts on it, so units move whole to the
    next page; a unit taller than a page is cut between lines, keeping its first
    :data:`KEEP_LINES` lines together; where no line ends on a page, at its foot.
    """
    pages: list[tuple[float, float]] = []
    top = 0.0
    while total - top > 0.5:
        limit = top + (height if pages or first is None else first)
        if limit >= total:
            pages.append((top, total))
            break
        cut = None
        unit = bisect.bisect_right(units, limit) - 1
        if unit >= 0 and units[unit] > top + 0.5:
            start = units[unit]
            end = units[unit + 1] if unit + 1 < len(units) else total
            cut = start
            if end - start > height:  # it cannot fit on any page: fill this one
                first = bisect.bisect_right(lines, start + 0.5)
                keep = lines[first + KEEP_LINES - 1] if first + KEEP_LINES - 1 < len(lines) else end
                line = bisect.bisect_right(lines, limit) - 1
                if line >= 0 and lines[line] > keep:
                    cut = lines[line]
        if cut is None:
            line = bisect.bisect_right(lines, limit) - 1
            cut = lines[line] if line >= 0 and lines[line] > top + 0.5 else limit
        pages.append((top, cut))
        top = cut
    return pages


class StreamError(Exception):
    """The framed HTML on standard input was cut short or malformed."""


def read_documents(stream: BinaryIO) -> Iterator[str]:
    """The HTML documents framed on *stream* (see the module's docstring)."""
    while True:
        header = stream.readline(32)
        if not header:
            raise StreamError("the HTML stream ended without its end mark")
        try:
            size = int(header.strip())
        except ValueError:
            raise StreamError(f"bad frame header {header[:20]!r}") from None
        if size == 0:
            return
        if size < 0 or size > MAX_FRAME:
            raise StreamError(f"bad frame length {size}")
        data = stream.read(size)
        if len(data) != size:
            raise StreamError("the HTML stream was cut short")
        yield data.decode("utf-8")


def render_documents(
    documents: Iterable[str],
    pdf_path: Path,
    page: str = "A4",
    title: str = "",
    page_numbers: bool = False,
) -> int:
    """Lay out each HTML document in turn and paint its pages onto one PDF.

    A document goes on below the previous one when its opening claim fits on that
    page, else it starts a new one; page numbers (when asked for) run on
    across documents.  Only one document's layout is in memory at a time.
    Returns the number of pages written.
    """
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import (
        QAbstractTextDocumentLayout,
        QFont,
        QGuiApplication,
        QPageLayout,
        QPageSize,
        QPainter,
        QPalette,
        QPdfWriter,
        QTextDocument,
    )

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A GUI application object is needed for fonts; keep it alive while printing.
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    size = QPageSize.PageSizeId.Letter if page.lower() == "letter" else QPageSize.PageSizeId.A4
    writer = QPdfWriter(str(pdf_path))
    writer.setResolution(RESOLUTION)
    writer.setCreator("ClaimDesk")
    writer.setTitle(title or DEFAULT_TITLE)  # never the file's name: it may say where it is
    writer.setPageLayout(
        QPageLayout(
            QPageSize(size),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10.0)
    rect = writer.pageLayout().paintRectPixels(RESOLUTION)
    width = float(rect.width())
    footer = FOOTER_MM / 25.4 * RESOLUTION if page_numbers else 0.0
    height = float(rect.height()) - footer
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {pdf_path}")
    number_font = QFont(font)
    number_font.setPointSizeF(8.0)

    def number_page(number: int) -> None:
        if page_numbers:
            painter.setFont(number_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(
                QRectF(0, height, width, footer),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                str(number),
            )

    pages = 0
    used = height  # of the current page; a full page makes the next document start one
    try:
        for html in documents:
            doc = QTextDocument()
            # Lay out with the PDF's metrics, so point sizes mean points on paper.
            doc.documentLayout().setPaintDevice(writer)
            doc.setDefaultFont(font)
            doc.setTextWidth(width)  # one long page, cut into pages below
            doc.setHtml(html)
            layout = doc.documentLayout()
            units, lines = break_points(doc)
            total = layout.documentSize().height()
            # A document goes on below the previous one when its first unit fits there.
            room = height - used - GAP
            go_on = pages > 0 and first_unit_fits(units, lines, total, room)
            cuts = page_cuts(units, lines, total, height, first=room if go_on else height)
            for number, (top, bottom) in enumerate(cuts):
                at = used + GAP if go_on and number == 0 else 0.0
                if at == 0.0:
                    if pages:
                        number_page(pages)  # the page is done: its number last
                        writer.newPage()
                    pages += 1
                view = QRectF(0, top, width, bottom - top)
                painter.save()
                painter.translate(0, at - view.top())
                painter.setClipRect(view)
                context = QAbstractTextDocumentLayout.PaintContext()
                # Inset: a line touching the cut belongs to one page only, so the
                # other page holds not even its invisible (clipped) text.
                context.clip = view.adjusted(0, CLIP_INSET, 0, -CLIP_INSET)
                context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
                layout.draw(painter, context)
                painter.restore()
                used = at + (bottom - top)
            del layout
            doc.clear()
            del doc
            app.processEvents()
        if pages:
            number_page(pages)
    finally:
        painter.end()
    return pages


def render(html: str, pdf_path: Path, page: str = "A4", title: str = "") -> None:
    """Lay out one HTML document and print it to *pdf_path*."""
    render_documents([html], pdf_path, page, title)


def _page_name(value: str) -> str:
    return "Letter" if value.lower() == "letter" else value.upper()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.pdf_render")
    parser.add_argument("html", help="an HTML file, or - for framed documents on stdin")
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--page", default="A4", type=_page_name)
    parser.add_argument("--title", default="", help="the PDF's document title")
    parser.add_argument("--page-numbers", action="store_true", help="number the pages")
    args = parser.parse_args(argv)
    if args.page not in PAGE_SIZES:
        parser.error(f"--page must be one of {', '.join(PAGE_SIZES)}")
    if args.html == "-":
        stdin = sys.stdin.buffer if sys.stdin is not None else os.fdopen(0, "rb", closefd=False)
        documents: Iterable[str] = read_documents(stdin)
    else:
        try:
            documents = [Path(args.html).read_text(encoding="utf-8")]
        except OSError as exc:
            print(f"pdf_render: cannot read {args.html}: {exc.strerror}", file=sys.stderr)
            return 2
    try:
        render_documents(documents, args.pdf, args.page, args.title, args.page_numbers)
    except StreamError as exc:
        print(f"pdf_render: {exc}", file=sys.stderr)
        return 3
    if not args.pdf.exists() or args.pdf.stat().st_size == 0:
        print(f"pdf_render: no PDF was written to {args.pdf}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
