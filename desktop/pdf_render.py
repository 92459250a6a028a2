"""Render an HTML file to PDF with Qt; run as ``python -m desktop.pdf_render``.

The headless core (db.exporting.pdf) starts this module in a subprocess so
that it never imports Qt itself.  Usage::

    python -m desktop.pdf_render REPORT.html OUT.pdf --page A4|Letter
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

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


def render(html: str, pdf_path: Path, page: str = "A4", title: str = "") -> None:
    """Lay out *html* with QTextDocument and print it to *pdf_path*."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import (
        QFont,
        QGuiApplication,
        QPageLayout,
        QPageSize,
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
    doc = QTextDocument()
    # Lay out with the PDF's metrics, so point sizes mean points on paper.
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    rect = writer.pageLayout().paintRectPixels(RESOLUTION)
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
    app.processEvents()


def _page_name(value: str) -> str:
    return "Letter" if value.lower() == "letter" else value.upper()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.pdf_render")
    parser.add_argument("html", type=Path)
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--page", default="A4", type=_page_name)
    parser.add_argument("--title", default="", help="the PDF's document title")
    args = parser.parse_args(argv)
    if args.page not in PAGE_SIZES:
        parser.error(f"--page must be one of {', '.join(PAGE_SIZES)}")
    try:
        html = args.html.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"pdf_render: cannot read {args.html}: {exc.strerror}", file=sys.stderr)
        return 2
    render(html, args.pdf, args.page, args.title)
    if not args.pdf.exists() or args.pdf.stat().st_size == 0:
        print(f"pdf_render: no PDF was written to {args.pdf}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
