"""HTML import of a long page: each stage lets go of what it no longer needs, and the
pieces that replace whole-text work give what the whole-text work gave."""

from __future__ import annotations

import tracemalloc

import lxml.html

from db.importing.html import (
    MainMeta,
    _body_text,
    _lines,
    _parse,
    read_html_article,
    trafilatura_main,
)
from db.importing.html_select import (
    _PIECE,
    MainText,
    _paragraphs_among,
    _squash_long,
    left_out_notes,
    main_text,
    squash,
)
from db.importing.html_walk import passages

SENTENCE = "The harbour master counted 412 trawlers at the quay on Monday, a record for March."


def _long_text(paragraphs: int) -> str:
    return "\n\n".join(f"{SENTENCE} Paragraph {n}." for n in range(paragraphs))


def test_squash_long_matches_squash_across_pieces():
    # A capital sigma at the end of a piece, a capital letter right after it: lower-cased
    # alone it would be a final sigma (ς); within the whole text it is σ.
    text = "a" * (_PIECE - 1) + "Σ, Α" + " Λιμάνι ΟΔΟΣ." * 50_000
    assert text[_PIECE - 1] == "Σ"
    assert _squash_long(text) == squash(text)
    assert "σα" in _squash_long(text)[_PIECE - 2 : _PIECE + 2]


def test_paragraphs_among_finds_what_a_split_would():
    stored = "First one.\n\nSecond, one!\n\n\nThird\n\nlast"
    every = {squash(p) for p in stored.split("\n\n")}
    wanted = {"secondone", "third", "nothere", "nlast", "last"}
    assert _paragraphs_among(stored, wanted) == wanted & every
    assert _paragraphs_among(stored, set()) == set()


def _aside_passages(*sentences: str) -> list:
    page = "<html><body><article><p>x</p>"
    page += "".join(f"<aside><p>{s}</p></aside>" for s in sentences) + "</article></body></html>"
    return [p for p in passages(_parse(page)) if p.aside]


def test_left_out_notes_on_a_long_text_hold_no_copy_per_word():
    stored = _long_text(12_000)  # about 1.1 million characters, four pieces
    told_only_here = [f"A word beside the quay, number {n}, told only here." for n in range(7)]
    left_out = _aside_passages(f"{SENTENCE} Paragraph 17.", *told_only_here)
    tracemalloc.start()
    try:
        assert left_out_notes([], stored) == ()
        nothing_to_tell = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        notes = left_out_notes(left_out, stored)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert nothing_to_tell < 2**20  # the stored text is not squashed when nothing is told
    # Squashed whole (a string per word held until joined) this took about 12 bytes a
    # character; a piece at a time, the squashed text twice (before and after
    # lower-casing) and one piece's words.
    assert peak < 2 * len(stored) + 16 * _PIECE
    assert len(notes) == 6
    assert notes[0].endswith("“A word beside the quay, number 0, told only here.”")
    assert notes[-1] == "2 more passages of the page left out"


def test_body_text_is_the_bodys_text_nodes_in_order():
    page = (
        "<html><head><title>T</title></head><body>lead <p>x<b>y</b>z</p>"
        "<script>var a = 1;</script><table><tr><td>a<td>b</table>tail"
        "<div>c<br>d<wbr>e<embed>f</embed>g</div></body></html>"
    )
    root = _parse(page)
    assert list(_body_text(root)) == [str(t) for t in root.xpath("//body//text()")]
    assert "T" not in list(_body_text(root))


def _quay_page() -> str:
    body = "".join(f"<p>{SENTENCE} Paragraph {n}.</p>" for n in range(30))
    return (
        "<html lang='en'><head><title>Quay | Courier</title>"
        "<meta property='og:site_name' content='Courier'></head>"
        f"<body><article><h1>Quay</h1><p>Published: 2 March 2026, 10:15</p>{body}"
        "<figure><img src='q.jpg'><figcaption>The quay at dawn.</figcaption></figure>"
        "</article><aside><p>Read more about the harbour.</p></aside></body></html>"
    )


def test_the_page_is_parsed_once_and_the_extractor_leaves_its_tree_alone(monkeypatch):
    import db.importing.html as html

    parsed: list[object] = []
    handed: list[tuple[object, bool, object]] = []
    real_parse, real_main = html._parse, html.trafilatura_main

    def count_parse(text: str) -> lxml.html.HtmlElement:
        root = real_parse(text)
        parsed.append(root)
        return root

    def spy(root: lxml.html.HtmlElement) -> tuple[MainText, MainMeta | None]:
        before = lxml.html.tostring(root)
        main, found = real_main(root)
        handed.append((root, lxml.html.tostring(root) == before, found))
        return main, found

    monkeypatch.setattr(html, "_parse", count_parse)
    monkeypatch.setattr(html, "trafilatura_main", spy)
    new = read_html_article(_quay_page().encode(), "quay.html")
    assert len(parsed) == 1  # one tree for the metadata, the extractor and the passages
    ((root, unchanged, found),) = handed
    assert root is parsed[0]
    assert unchanged  # trafilatura worked on a copy: the passages are the page's own
    assert isinstance(found, MainMeta)
    assert new.title == "Quay"
    assert new.text.count(SENTENCE) == 30
    assert "The quay at dawn." in new.text
    assert new.published_at is not None and new.published_at.hour == 10


def test_the_main_text_is_what_trafilatura_writes_for_its_document():
    import trafilatura

    root = _parse(_quay_page())
    got, found = trafilatura_main(root)
    written = trafilatura.bare_extraction(
        lxml.html.tostring(root, encoding="unicode"),
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
    )
    assert written is not None and found is not None
    assert got == main_text(written.text.split("\n"))
    assert squash(SENTENCE) in got.joined
    assert found.sitename == (written.sitename or "")


def test_main_text_squashes_and_finds_each_paragraphs_start():
    lines = ["Home, World", "", "  ...  ", "The ferry left.", "THE ferry left!", "Fares rose"]
    main = main_text(iter(lines))
    assert main.joined == "homeworld" + "theferryleft" * 2 + "faresrose"
    assert main.starts == {"homeworld": [0], "theferryleft": [9, 21], "faresrose": [33]}
    assert main_text([]) == MainText("", {})


def test_main_text_holds_no_list_of_the_lines():
    # A thousand paragraphs of about a thousand characters, with blank lines between.
    text = "\n\n".join(f"{SENTENCE * 12} Paragraph {n}." for n in range(1000))
    squashed = len(squash(text))
    tracemalloc.start()
    try:
        main = main_text(_lines(text))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(main.joined) == squashed
    # The squashed pieces and their join (one byte a character here), the starts and
    # one line at a time; a list of the lines would add the whole text again.
    assert peak < 2 * squashed + len(text) // 4
