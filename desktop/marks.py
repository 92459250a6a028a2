"""Stored text in labels and cells, invisible and direction characters marked."""

from __future__ import annotations

import html

from db.invisible import HIDDEN, marked

MARK_STYLE = "color:#960000;background:#ffcdcd;font-weight:bold"


def marked_html(text: str) -> str:
    """*text* escaped for a rich-text label, each invisible character a coloured ``<U+XXXX>``."""
    out: list[str] = []
    last = 0
    for match in HIDDEN.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        out.append(f"<span style='{MARK_STYLE}'>&lt;U+{ord(match.group()):04X}&gt;</span>")
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def one_line(text: str, limit: int = 90) -> str:
    """*text* on one line for a list or table cell, cut at *limit* characters.

    Invisible and direction characters are marked first (``<U+202E>``): one
    could otherwise reorder the cell, and a separator among them would vanish
    with the white space.
    """
    flat = " ".join(marked(str(text)).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
