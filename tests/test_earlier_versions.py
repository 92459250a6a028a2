"""One import's look-up of earlier versions reads the stored articles once and learns the
articles the import itself stores (db.revisions.EarlierVersions)."""

from __future__ import annotations

from db.articles import NewArticle, add_article, add_articles
from db.revisions import EarlierVersions, find_earlier_version
from db.workspace import Workspace


def _new(body: str, name: str, *, title: str = "", url: str = "") -> NewArticle:
    raw = body.encode()
    return NewArticle(text=body, original=raw, filename=name, title=title, url=url)


def test_found_as_one_query_per_file_finds_them(ws: Workspace) -> None:
    first = add_article(ws, _new("Draft of the memo.\n", "a.txt", url="https://example.org/m"))
    add_article(ws, _new("Ledger notes.\n", "b.txt", title="Ledger"))
    finder = EarlierVersions(ws)
    cases = [
        _new("Memo, corrected.\n", "a2.txt", url="https://example.org/m "),
        _new("Ledger notes, amended.\n", "b2.txt", title="Ledger"),
        _new("Draft of the memo.\n", "a.txt", url="https://example.org/m"),  # same file
        _new("Unrelated.\n", "c.txt", title="Other"),
    ]
    for new in cases:
        expected = find_earlier_version(ws, new)
        found = finder(ws, new)
        assert (found.id if found else None) == (expected.id if expected else None)
    assert finder(ws, cases[0]) is not None and finder(ws, cases[0]).id == first.id  # type: ignore[union-attr]

    stored = add_articles(ws, [_new("Fresh bulletin.\n", "d.txt", url="https://example.org/d")])
    assert finder(ws, _new("Bulletin v2.\n", "d2.txt", url="https://example.org/d")) is None
    finder.remember(stored[0])  # type: ignore[arg-type]
    again = finder(ws, _new("Bulletin v2.\n", "d2.txt", url="https://example.org/d"))
    assert again is not None and again.id == stored[0].id  # type: ignore[union-attr]
    assert finder(ws, _new("Fresh bulletin.\n", "d.txt")) is None  # its own file again
