"""Render HTML to PDF with Qt; run as ``python -m desktop.pdf_render``.

The headless core (db.exporting.pdf) starts this module in a subprocess so
that it never imports Qt itself.  Usage::

    python -m desktop.pdf_render REPORT.html OUT.pdf --page A4|Letter
    python -m desktop.pdf_render - OUT.pdf --page A4|Letter --page-numbers

With ``-`` the HTML arrives on standard input as a stream of complete HTML
documents, each framed as its length in bytes (ASCII digits and a newline)
followed by that many bytes of UTF-8; a length of 0 ends the stream.  Every
document is laid out on its own and starts on a new page of the same PDF, so
a long report is never held, or laid out, as a whole.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

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

    Each document starts on a new page; page numbers (when asked for) run on
    across documents.  Only one document's layout is in memory at a time.
    Returns the number of pages written.
    """
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
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
    writer.setTitle(title or pdf_path.stem)
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
    pages = 0
    try:
        for html in documents:
            doc = QTextDocument()
            # Lay out with the PDF's metrics, so point sizes mean points on paper.
            doc.documentLayout().setPaintDevice(writer)
            doc.setDefaultFont(font)
            doc.setPageSize(QSizeF(width, height))
            doc.setHtml(html)
            layout = doc.documentLayout()
            for index in range(doc.pageCount()):
                if pages:
                    writer.newPage()
                pages += 1
                view = QRectF(0, index * height, width, height)
                painter.save()
                painter.translate(0, -view.top())
                painter.setClipRect(view)
                context = QAbstractTextDocumentLayout.PaintContext()
                context.clip = view
                context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
                layout.draw(painter, context)
                painter.restore()
                if page_numbers:
                    painter.setFont(number_font)
                    painter.setPen(Qt.GlobalColor.darkGray)
                    painter.drawText(
                        QRectF(0, height, width, footer),
                        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                        str(pages),
                    )
            del layout
            doc.clear()
            del doc
            app.processEvents()
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
