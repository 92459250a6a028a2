"""What the tests of a missing Python package share: the files each feature reads, a
workspace with a claim to place again, and hiding a package as if it were not installed.

Each case names a package ClaimDesk imports, the feature that needs it (as the one-line
message names it) and what the analyst does that loads it: import a file, replace an
article's text, or export the claims.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from db import claims as claim_ops
from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.workspace import Workspace

BODY = "Officials said 40 ships left port on Friday.\n"
REVISED = "Officials said 41 ships left port on Friday, a day later than planned.\n"
QUOTE = "40 ships left port"
# Files of each kind ClaimDesk reads; the reader's package is imported before the bytes
# are looked at, so a PDF or Word file need not be a sound one to reach it.
FILES = {
    "page.html": b"<html><body><p>A minister said 12 schools reopened.</p></body></html>",
    "latin.txt": "Le ministre a dit que 12 écoles ont rouvert à Besançon.\n".encode("cp1252"),
    "report.pdf": b"%PDF-1.4\n%%EOF\n",
    "letter.docx": b"PK\x05\x06" + bytes(18),
    "revised.txt": REVISED.encode(),
}


@dataclass(frozen=True)
class Case:
    package: str  # the module hidden, as Python imports it
    action: str  # "import FILE", "replace", or "export FORMAT"
    feature: str  # how the message names what needed it
    # Modules already loaded that import *package* when they load: dropped (in this
    # process only) so that loading them again meets the missing package.
    loaders: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.package}-{self.action.split()[0]}"


HTML = ("trafilatura", "db.importing.html")
CASES = (
    Case("trafilatura", "import page.html", "Reading HTML pages", HTML),
    # lxml's HTML cleaner, a separate project since lxml 5.2, loaded by justext for
    # trafilatura: lxml re-raises the import error without naming the module.
    Case(
        "lxml_html_clean",
        "import page.html",
        "Reading HTML pages",
        ("lxml.html.clean", "justext", *HTML),
    ),
    Case("charset_normalizer", "import latin.txt", "Reading text that is not UTF-8"),
    Case("pypdfium2", "import report.pdf", "Reading PDF files"),
    Case("docx", "import letter.docx", "Reading Word files"),
    Case("rapidfuzz", "replace", "Placing claims in a changed text"),
    Case("xlsxwriter", "export xlsx", "Writing XLSX workbooks", ("db.exporting.xlsx",)),
)


def write_files(folder: Path) -> None:
    for name, data in FILES.items():
        (folder / name).write_bytes(data)


def fill(ws: Workspace) -> str:
    """An article with a claim whose words change in :data:`REVISED`; the article's id."""
    bind_analyst(ws)
    art = add_article(ws, NewArticle(text=BODY, original=BODY.encode(), filename="ships.txt"))
    claim_ops.create_claim_by_quote(ws, art.id, QUOTE)
    return str(art.id)


def hide(monkeypatch: pytest.MonkeyPatch, package: str, loaders: Sequence[str] = ()) -> None:
    """As if *package* were not installed, in this process, until the test ends."""
    for name in list(sys.modules):
        if any(name == top or name.startswith(top + ".") for top in (package, *loaders)):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, package, None)


def one_line_naming(message: str, case: Case) -> bool:
    """The message is one line naming the feature and the package, with no traceback."""
    return (
        "\n" not in message.strip()
        and f"{case.feature} needs the Python package {case.package!r}" in message
        and "Traceback" not in message
    )
