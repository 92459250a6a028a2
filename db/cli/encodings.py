"""Files whose encoding was only recognised are not stored until the analyst names it.

A text or HTML file that is not UTF-8 (no byte-order mark, no charset the page
declares and fits) is read in the encoding ClaimDesk recognised; that is a
guess, so without ``--encoding`` the CLI stores nothing of it and says, in one
line, which encoding it recognised, how the file's first line reads in it, and
the command that imports it so.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.articles import NewArticle

PREVIEW_CHARS = 60


def first_line(text: str, limit: int = PREVIEW_CHARS) -> str:
    """The first line of *text* holding more than spaces, cut to *limit* characters."""
    for line in text.splitlines():
        flat = " ".join(line.split())
        if flat:
            return flat if len(flat) <= limit else flat[: limit - 1] + "…"
    return ""


def guessed(article: NewArticle) -> bool:
    """Whether *article*'s encoding was only recognised, not certain."""
    from db.importing.encodings import recognised

    return recognised(article.encoding, article.format, article.original)


def held_back(article: NewArticle, path: Path, command: str, outcome: str = "not imported") -> str:
    """The line saying *path* was not stored (*outcome*), read as *article* was;
    *command* is the subcommand to run again ("import", "article replace 1a2b3c4d")."""
    from db.importing.encodings import label

    codec = article.encoding
    again = f"claimdesk {command} --encoding {codec} {shlex.quote(str(path))}"
    return (
        f"{path.name}: {outcome}: it is not UTF-8; read as {label(codec)} "
        f'its first line is "{first_line(article.text)}". If that reads right, run '
        f"again with --encoding {codec} ({again}); if not, name its encoding with "
        "--encoding NAME (e.g. cp1252, cp1250, iso8859-2, cp1251, koi8-r, euc-kr)."
    )


__all__ = ["first_line", "guessed", "held_back"]
