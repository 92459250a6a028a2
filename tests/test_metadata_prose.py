"""The metadata reader passes over lines of prose in one match each (no copy, no test of
their own): it must find exactly what examining every line finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.importing import metadata
from db.importing.metadata import Metadata, extract_metadata
from db.importing.text import decode_text, normalise_text

FIXTURES = Path(__file__).parent / "fixtures"
NEVER = re.compile(r"(?!)")  # matches nothing: every line is examined


def examined(monkeypatch: pytest.MonkeyPatch, text: str, markdown: bool) -> Metadata:
    """What the reader finds when no line is passed over."""
    with monkeypatch.context() as patch:
        patch.setattr(metadata, "_PROSE", NEVER)
        patch.setattr(metadata, "_PROSE_MARKDOWN", NEVER)
        return extract_metadata(text, markdown=markdown)


def article_texts() -> list[tuple[str, str]]:
    """(name, text) of the text and Markdown articles among the fixtures (held-out sets
    left alone)."""
    found = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix not in (".txt", ".md") or "blind" in str(path.relative_to(FIXTURES)):
            continue
        try:
            text = normalise_text(decode_text(path.read_bytes(), path.name)[0])
        except Exception:
            continue
        found.append((str(path.relative_to(FIXTURES)), text))
    return found


def variants(text: str) -> list[str]:
    """*text*, and forms of it that move other lines into the header or change their ends."""
    lines = text.split("\n")
    return [
        text,
        *("\n".join(lines[k:]) for k in range(1, 6)),
        "\n".join("  " + line for line in lines[:40]),
        "\n".join(line + " \t" for line in lines[:40]),
        "\n".join("**" + line + "_" for line in lines[:40]),
        "\n".join("# " + line if i % 3 == 0 else line for i, line in enumerate(lines[:40])),
        "\n".join(line[i : i + 85] for line in lines[:40] for i in range(0, len(line) or 1, 85)),
        "\n\n  \n".join(lines[:40]),
    ]


def test_fixture_articles_read_as_when_every_line_is_examined(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = article_texts()
    assert len(texts) > 20  # the fixtures are there
    compared = 0
    for name, text in texts:
        for n, variant in enumerate(variants(text)):
            for markdown in (False, True):
                fast = extract_metadata(variant, markdown=markdown)
                assert fast == examined(monkeypatch, variant, markdown), (name, n, markdown)
                compared += 1
    assert compared == len(texts) * 24


def test_prose_passed_over_still_counts_toward_the_header_lines() -> None:
    prose = "The council met on Tuesday and spoke at length about the harbour works. " * 2
    # The by-line is the 16th non-empty line: past the header area, not read.
    late = "Headline\n" + (prose + "\n\n") * 14 + "By Jane Doe\n"
    assert extract_metadata(late).author == ""
    early = "Headline\n" + (prose + "\n\n") * 13 + "By Jane Doe\n"
    assert extract_metadata(early).author == "Jane Doe"


def test_a_yearless_dateline_takes_its_year_from_a_copyright_line_past_prose() -> None:
    prose = "Officials said the count would resume in the morning under observers' watch. " * 2
    text = f"Election count\nSEOUL, Oct 18 (Yonhap) -- {prose}\n{prose}\n© 2024 Yonhap\n"
    found = extract_metadata(text)
    assert found.published_at is not None and found.published_at.year == 2024


LINE = st.one_of(
    st.text(alphabet=" \t*_#aZ1:,.-©()", max_size=12),
    st.sampled_from(
        [
            "By Jane Doe",
            "Title: A headline",
            "Published: 18 October 2024 14:10 KST",
            "SEOUL, Oct 18 (Yonhap) --",
            "https://example.com/2024/10/18/story",
            "· Example Times",
            "Photo: a harbour",
            "© 2023 Example",
            "# A heading",
            "",
            "   ",
        ]
    ),
    st.builds(
        lambda head, body, tail: head + body + tail,
        st.sampled_from(["", " ", "*", "_", "#", "By ", "SEOUL, ", "Oct 18 ", "Title: ", "12 "]),
        st.sampled_from(["word " * 20, "WORD " * 18, "x" * 90, "wörd, " * 16, "Oct 18, 2024 " * 7]),
        st.sampled_from(["", " ", "*", "_", ".", "\t"]),
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=24), st.booleans())
def test_any_text_reads_as_when_every_line_is_examined(lines: list[str], markdown: bool) -> None:
    text = "\n".join(lines)
    with pytest.MonkeyPatch.context() as patch:
        reference = examined(patch, text, markdown)
    assert extract_metadata(text, markdown=markdown) == reference
