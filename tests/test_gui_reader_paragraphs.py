"""Paragraph spacing and Markdown headings in the reader: drawn by layout and format,
with the stored text and the claims' code-point offsets untouched."""

from __future__ import annotations

from gui_shell_support import add_text_article, make_window, select_codepoints
from PySide6.QtGui import QFontMetricsF, QTextCharFormat

from db.anchors import Utf16Index
from db.claims import list_claims
from desktop.reader.highlighter import tint
from desktop.reader.paragraphs import heading_of

# Written for these tests: a heading, paragraphs split by single and double newlines,
# an emoji (two UTF-16 units) before a claim.
TEXT = (
    "# Ferry 😀 crossing shut for a week\n"
    "Officials said the northern ferry will stay shut for seven days.\n"
    "Engineers 🎉 will inspect the pontoons and the approach roads.\n"
    "\n"
    "## What traders say\n"
    "Market stalls near the pier reported 40 fewer customers a day."
)


def _opened(ws, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    article = add_text_article(ws, TEXT, title="Ferry")
    window = make_window(ws, tmp_path, qtbot)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_article(article.id)
    return window, article


def _block_heights(reader) -> list[float]:  # type: ignore[no-untyped-def]
    heights = []
    block = reader.document().firstBlock()
    while block.isValid():
        heights.append(reader.blockBoundingRect(block).height())
        block = block.next()
    return heights


def _lines_height(block) -> float:  # type: ignore[no-untyped-def]
    layout = block.layout()
    return sum(layout.lineAt(n).height() for n in range(layout.lineCount()))


def test_paragraphs_get_spacing_and_the_text_stays_as_stored(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _article = _opened(ws, tmp_path, qtbot)
    reader = window.reader
    assert reader.toPlainText() == TEXT  # nothing inserted or removed
    document = reader.document()
    line = QFontMetricsF(document.defaultFont()).lineSpacing()
    heights = _block_heights(reader)
    second = document.findBlockByNumber(1)  # a paragraph followed by another (single \n)
    assert heights[1] >= _lines_height(second) + 0.3 * line
    # A paragraph before an empty line gets no extra space; the empty line is drawn
    # as the same gap, not as a whole line.
    third = document.findBlockByNumber(2)
    assert abs(heights[2] - _lines_height(third)) < 1
    assert 0.3 * line <= heights[3] < 0.7 * line
    # The gap is where the reader draws the next paragraph.
    top1 = reader.blockBoundingGeometry(second).top()
    top2 = reader.blockBoundingGeometry(third).top()
    assert top2 - top1 == heights[1]


def test_the_paragraph_gap_follows_the_zoom(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _article = _opened(ws, tmp_path, qtbot)
    reader = window.reader
    document = reader.document()
    second = document.findBlockByNumber(1)  # a paragraph followed by another
    before = reader.blockBoundingRect(second).height() - _lines_height(second)
    reader.zoom_by(6)
    line = QFontMetricsF(document.defaultFont()).lineSpacing()
    after = reader.blockBoundingRect(second).height() - _lines_height(second)
    assert after > before
    assert 0.3 * line <= after < 0.7 * line


def test_markdown_heading_is_drawn_as_a_heading_without_its_marker(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _article = _opened(ws, tmp_path, qtbot)
    reader = window.reader
    assert heading_of("# Ferry") is not None and heading_of("#Ferry") is None
    assert heading_of("####### seven") is None
    block = reader.document().firstBlock()
    assert block.text().startswith("# ")  # the marker is still in the document
    formats = block.layout().formats()
    base = reader.document().defaultFont().pointSizeF()

    def format_at(position: int) -> QTextCharFormat:
        found = QTextCharFormat()
        for item in formats:
            if item.start <= position < item.start + item.length:
                found.merge(item.format)
        return found

    marker = format_at(0)
    assert marker.foreground().color().alpha() == 0 and marker.fontPointSize() <= 2
    assert format_at(1).foreground().color().alpha() == 0
    words = format_at(2)
    assert words.fontPointSize() > base * 1.3 and words.fontWeight() >= 700
    sub = reader.document().findBlockByNumber(4)
    assert sub.text().startswith("## ")
    sub_words = [
        QTextCharFormat(f.format)
        for f in sub.layout().formats()
        if f.start <= 3 < f.start + f.length
    ]
    assert sub_words and base < sub_words[0].fontPointSize() < words.fontPointSize()
    # An ordinary line keeps the reader's font.
    assert not [
        f
        for f in reader.document().findBlockByNumber(1).layout().formats()
        if f.format.fontPointSize()
    ]


def _claim_ranges(block, status) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    colour = tint(status).rgba()
    return [
        (f.start, f.start + f.length)
        for f in block.layout().formats()
        if f.format.background().color().rgba() == colour
    ]


def test_highlights_cover_exactly_their_quotes(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, article = _opened(ws, tmp_path, qtbot)
    reader = window.reader
    index = Utf16Index(TEXT)
    # One claim in the heading (after an emoji), one in a spaced paragraph.
    for quote in ("crossing shut", "inspect the pontoons"):
        start = TEXT.index(quote)
        select_codepoints(reader, TEXT, start, start + len(quote))
        assert reader.selected_span() == (start, start + len(quote))
        assert reader.new_claim_from_selection()
    claims = {c.quote: c for c in list_claims(ws)}
    for quote, number in (("crossing shut", 0), ("inspect the pontoons", 2)):
        claim = claims[quote]
        assert TEXT[claim.start : claim.end] == quote
        block = reader.document().findBlockByNumber(number)
        first = index.to_utf16(claim.start) - block.position()
        last = index.to_utf16(claim.end) - block.position()
        painted = _claim_ranges(block, claim.status)
        # Merged runs: the highlight starts and ends on the quote's characters.
        assert min(a for a, _b in painted) == first and max(b for _a, b in painted) == last
        covered = {p for a, b in painted for p in range(a, b)}
        assert covered == set(range(first, last))
        # The claim under the middle of the quote is this one.
        middle = block.position() + (first + last) // 2
        assert reader.claim_id_at(middle) == str(claim.id)
    assert article.id == reader.article_id
