"""Stored text in rich-text labels, invisible and direction characters marked in colour."""

from __future__ import annotations

import html

from db.invisible import HIDDEN

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
