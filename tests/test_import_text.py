"""Text and Markdown import: decoding, normalisation, metadata rules, storage."""

from __future__ import annotations

import codecs
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.articles import add_article, article_text, get_article, sha256_of
from db.claims import create_claim_by_quote
from db.errors import DuplicateArticle, InvalidInput
from db.importing import import_file, read_file
from db.importing.metadata import (
    extract_metadata,
    outlet_from_url,
    parse_datetime,
    shorten_title,
    split_authors,
)
from db.importing.text import decode_text, normalise_text, read_text_article

UTC = dt.UTC


def tz(hours: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


# ---------------------------------------------------------------- decoding

BODY = "Café officials said 12 boats — “roughly” — arrived.\nSecond line."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (BODY.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + BODY.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"), "utf-16-be"),
        (BODY.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_each_encoding(data: bytes, encoding: str) -> None:
    text, found = decode_text(data, "a.txt")
    assert found == encoding
    assert text == BODY
    article = read_text_article(data, "a.txt")
    assert article.encoding == encoding
    assert article.text == BODY
    assert article.original == data


def test_utf8_is_preferred_when_it_decodes() -> None:
    # These bytes are valid both as UTF-8 and as Windows-1252.
    data = "naïve".encode()
    assert decode_text(data, "x.txt") == ("naïve", "utf-8")


def test_bytes_that_would_read_as_c1_controls_are_refused_with_the_offset() -> None:
    # \x81 is undefined in Windows-1252: reading it would store a C1 control.
    data = b"Price rose \x80 5 and \x81 stayed." + b" filler words" * 20
    with pytest.raises(InvalidInput, match="offset 11"):
        decode_text(data, "old.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x00\x00binary zip header",
        bytes(range(256)) * 4,
        b"\x01\x02\x03\x04\x05\x06\x07\x08 some text \x0e\x0f\x10\x11" * 10,
    ],
)
def test_binary_is_refused_naming_the_file(data: bytes) -> None:
    with pytest.raises(InvalidInput, match=r"^photo\.txt looks like a binary file, not text\.$"):
        read_text_article(data, "photo.txt")


def test_truncated_utf16_is_refused() -> None:
    data = codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\x00\xd8"
    with pytest.raises(InvalidInput, match=r"bad\.txt"):
        decode_text(data, "bad.txt")


def test_a_few_control_characters_are_tolerated() -> None:
    data = ("Body text " * 50 + "\x0b" + " more").encode()
    text, _ = decode_text(data, "ok.txt")
    assert "\x0b" in text


def test_empty_or_blank_file_is_refused() -> None:
    with pytest.raises(InvalidInput, match=r"empty\.txt holds no text"):
        read_text_article(b"  \r\n\n\t ", "empty.txt")


# ---------------------------------------------------------------- normalisation


def test_line_endings_become_lf() -> None:
    assert normalise_text("a\r\nb\rc\nd") == "a\nb\nc\nd"
    assert read_text_article(b"one\r\ntwo\rthree", "x.txt").text == "one\ntwo\nthree"


def test_every_character_is_kept_the_final_line_break_too() -> None:
    text = read_text_article(b"  Lead line  \n\n  indented   body  \n\n \t\n", "x.txt").text
    assert text == "  Lead line  \n\n  indented   body  \n\n \t\n"


def test_text_is_nfc_before_offsets_are_taken(ws) -> None:
    decomposed = "Cafe\u0301 opened. The cafe\u0301 sold 40 cups.\r\n"
    assert not unicodedata.is_normalized("NFC", decomposed)
    new = read_text_article(decomposed.encode(), "cafe.txt")
    assert new.text == "Café opened. The café sold 40 cups.\n"
    info = add_article(ws, new)
    claim = create_claim_by_quote(ws, info.id, "café sold 40")
    stored = article_text(ws, info.id).text
    assert stored[claim.start : claim.end] == "café sold 40"
    assert (claim.start, claim.end) == (17, 29)


def test_markdown_source_is_kept_unrendered() -> None:
    data = b"# Big News\n\nSome **bold** words and a [link](https://example.org).\n"
    article = read_text_article(data, "story.md")
    assert article.format == "md"
    assert article.title == "Big News"
    assert article.text == data.decode()


# ---------------------------------------------------------------- metadata: title


def test_title_from_title_line() -> None:
    meta = extract_metadata("Lead paragraph here.\nTitle: Harbour reopens\nBody.")
    assert meta.title == "Harbour reopens"


def test_title_from_markdown_heading_not_subheading() -> None:
    meta = extract_metadata("## Section\n# Real title #\ntext", markdown=True)
    assert meta.title == "Real title"


def test_title_from_first_short_line_skipping_metadata_lines() -> None:
    text = "https://news.example.com/a\nBy Ann Lee\nFerry service resumes\n\nBody text."
    assert extract_metadata(text).title == "Ferry service resumes"


def test_title_skips_photo_captions() -> None:
    text = "Workers at the dock on Monday. © Some Agency\n\nDock strike ends\n\nBody."
    assert extract_metadata(text).title == "Dock strike ends"


def test_long_first_line_is_shortened_at_a_word_boundary() -> None:
    words = " ".join(f"word{i}" for i in range(60))
    title = extract_metadata(words + "\nmore").title
    assert len(title) <= 120
    assert title.endswith("…")
    assert words.startswith(title[:-1])
    assert title[-2] != " " and words[len(title) - 1] == " "


def test_first_line_under_200_is_kept_whole() -> None:
    line = "x" * 150
    assert extract_metadata(line).title == line


def test_shorten_title_keeps_short_lines() -> None:
    assert shorten_title("Short  one") == "Short one"


# ---------------------------------------------------------------- metadata: author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe and John Roe", "Jane Doe, John Roe"),
        ("By Jane Doe, John Roe & Max Moe", "Jane Doe, John Roe, Max Moe"),
        ("Author: Pat Smith", "Pat Smith"),
        ("Authors: Pat Smith and Lee Kim", "Pat Smith, Lee Kim"),
        ("By Anna van der Berg | 3 March 2024", "Anna van der Berg"),
    ],
)
def test_author_rules(line: str, author: str) -> None:
    assert extract_metadata(f"Headline\n{line}\nBody.").author == author


def test_sentence_starting_with_by_is_not_an_author() -> None:
    meta = extract_metadata("Headline\nBy the end of the week, prices rose.\nBody.")
    assert meta.author == ""


def test_split_authors() -> None:
    assert split_authors("Jane Doe and John Roe") == ["Jane Doe", "John Roe"]


# ---------------------------------------------------------------- metadata: URL and outlet


@pytest.mark.parametrize(
    "line",
    [
        "https://www.example-news.com/world/story-1",
        "<https://www.example-news.com/world/story-1>",
        "Source: https://www.example-news.com/world/story-1",
        "URL: https://www.example-news.com/world/story-1",
    ],
)
def test_url_rules_and_outlet_from_host(line: str) -> None:
    meta = extract_metadata(f"Headline\n{line}\nBody text.")
    assert meta.url == "https://www.example-news.com/world/story-1"
    assert meta.outlet == "example-news.com"


def test_url_inside_body_sentence_is_not_taken() -> None:
    meta = extract_metadata("Headline\nRead more at https://example.org/x today.\n")
    assert meta.url == ""


def test_outlet_line_beats_url_host() -> None:
    meta = extract_metadata("Headline\nOutlet: The Daily Example\nhttps://www.ex.com/a\n")
    assert meta.outlet == "The Daily Example"
    assert meta.url == "https://www.ex.com/a"


def test_source_line_with_a_name() -> None:
    assert extract_metadata("Headline\nSource: Coastal Times\n").outlet == "Coastal Times"


def test_source_line_with_name_and_url() -> None:
    meta = extract_metadata("Headline\nSource: Coastal Times (https://coastal.example/a)\n")
    assert meta.outlet == "Coastal Times"
    assert meta.url == "https://coastal.example/a"


def test_bullet_outlet_line() -> None:
    assert extract_metadata("Headline\n\n· Harbour Radio\n\nBody.").outlet == "Harbour Radio"


def test_outlet_from_url() -> None:
    assert outlet_from_url("https://www.example-news.com/a?b=1") == "example-news.com"
    assert outlet_from_url("http://news.example.org") == "news.example.org"
    assert outlet_from_url("not a url") == ""


# ---------------------------------------------------------------- metadata: dates


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("23 October 2024, 07:54", dt.datetime(2024, 10, 23, 7, 54, tzinfo=UTC)),
        (
            "Published: October 23, 2024 7:54 AM EDT",
            dt.datetime(2024, 10, 23, 7, 54, tzinfo=tz(-4)),
        ),
        ("2024-10-23T07:54:00+09:00", dt.datetime(2024, 10, 23, 7, 54, tzinfo=tz(9))),
        ("2024-10-23T07:54:00Z", dt.datetime(2024, 10, 23, 7, 54, tzinfo=UTC)),
        ("Date: 23 Oct 2024 16:00 KST", dt.datetime(2024, 10, 23, 16, 0, tzinfo=tz(9))),
        (
            "Updated 7:54 AM EST, Wed October 23, 2024",
            dt.datetime(2024, 10, 23, 7, 54, tzinfo=tz(-5)),
        ),
        ("October 23rd, 2024 09:00 CEST", dt.datetime(2024, 10, 23, 9, 0, tzinfo=tz(2))),
        ("23.10.2024 09:00 CET", dt.datetime(2024, 10, 23, 9, 0, tzinfo=tz(1))),
        ("Posted: 1 May 2024 10:00 BST", dt.datetime(2024, 5, 1, 10, 0, tzinfo=tz(1))),
        ("1 May 2024 10:00 MSK", dt.datetime(2024, 5, 1, 10, 0, tzinfo=tz(3))),
        ("1 May 2024 10:00 GMT", dt.datetime(2024, 5, 1, 10, 0, tzinfo=UTC)),
        ("October 23, 2024", dt.datetime(2024, 10, 23, tzinfo=UTC)),
    ],
)
def test_dateline_rules(line: str, expected: dt.datetime) -> None:
    when = extract_metadata(f"Headline\n\n{line}\n\nBody.").published_at
    assert when == expected
    assert when is not None and when.utcoffset() == expected.utcoffset()


def test_naive_time_is_utc() -> None:
    when = parse_datetime("5 June 2024 12:30")
    assert when is not None and when.tzinfo is not None and when.utcoffset() == dt.timedelta(0)


def test_date_after_the_header_area_is_ignored() -> None:
    filler = "\n".join(f"Paragraph {i} of the story." for i in range(20))
    meta = extract_metadata(f"Headline\n{filler}\n23 October 2024, 07:54\n")
    assert meta.published_at is None


def test_author_after_the_header_area_is_ignored() -> None:
    filler = "\n".join(f"Paragraph {i} of the story." for i in range(20))
    assert extract_metadata(f"Headline\n{filler}\nBy Jane Doe\n").author == ""


def test_date_inside_a_sentence_is_not_taken() -> None:
    meta = extract_metadata("Headline\nOfficials met on 3 March 2024 to discuss it.\n")
    assert meta.published_at is None


def test_byline_with_date_part() -> None:
    meta = extract_metadata("Headline\nBy Ann Lee | March 3, 2024 10:15 EST\nBody")
    assert meta.author == "Ann Lee"
    assert meta.published_at == dt.datetime(2024, 3, 3, 15, 15, tzinfo=UTC)


def test_lines_without_a_year_are_not_dates() -> None:
    assert parse_datetime("Monday 10:00") is None
    assert parse_datetime("March") is None


def test_full_header_block() -> None:
    text = (
        "Title: Grain exports climb\n"
        "Outlet: Example Wire\n"
        "Author: Sam Park\n"
        "URL: https://wire.example.net/grain\n"
        "Published: 2024-02-01T08:00:00+01:00\n\n"
        "Exports rose 4% in January."
    )
    meta = extract_metadata(text)
    assert meta.title == "Grain exports climb"
    assert meta.outlet == "Example Wire"
    assert meta.author == "Sam Park"
    assert meta.url == "https://wire.example.net/grain"
    assert meta.published_at == dt.datetime(2024, 2, 1, 7, 0, tzinfo=UTC)


# ---------------------------------------------------------------- storage


def test_import_file_stores_text_metadata_and_original(ws, tmp_path: Path) -> None:
    data = (
        "Harbour reopens after storm\r\n\r\nBy Ann Lee\r\n"
        "Published: 2 March 2024 09:00 GMT\r\n\r\nThe harbour reopened on Friday.\r\n"
    ).encode("utf-16")
    path = tmp_path / "harbour.txt"
    path.write_bytes(data)
    info = import_file(ws, path)
    assert info.title == "Harbour reopens after storm"
    assert info.author == "Ann Lee"
    assert info.published_at == dt.datetime(2024, 3, 2, 9, 0, tzinfo=UTC)
    assert info.sha256 == sha256_of(data)
    assert info.encoding == "utf-16-le"
    stored = article_text(ws, info.id).text
    assert "\r" not in stored and stored.endswith("on Friday.\n")
    assert get_article(ws, info.id).format == "txt"
    with pytest.raises(DuplicateArticle, match="imported before"):
        import_file(ws, path)


def test_read_file_refuses_missing_and_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such file"):
        read_file(tmp_path / "gone.txt")
    odd = tmp_path / "x.xyz"
    odd.write_text("hi")
    with pytest.raises(InvalidInput, match=r"cannot import \.xyz"):
        read_file(odd)


def test_rule_lines_are_not_titles() -> None:
    assert extract_metadata("---\n\nLantern festival returns\n\nBody.").title == (
        "Lantern festival returns"
    )


def test_bundled_sample_headers_are_read() -> None:
    from db.importing import read_file
    from db.sample import sample_files

    hours_east = {"KST": 9, "EEST": 3, "GMT": 0}

    files = sample_files()
    assert files
    for path in files:
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        new = read_file(path)
        assert new.title and head.startswith(f"# {new.title}")
        assert f"By {new.author}" in head
        assert f"Outlet: {new.outlet}" in head
        assert new.url and new.url in head
        published = next(line for line in head.splitlines() if line.startswith("Published:"))
        when, zone = published.partition(":")[2].strip().rsplit(" ", 1)
        local = dt.datetime.strptime(when, "%d %B %Y, %H:%M")
        offset = dt.timedelta(hours=hours_east[zone])
        assert new.published_at == local.replace(tzinfo=dt.timezone(offset))
        assert (new.published_offset, new.published_zone) == (hours_east[zone] * 60, zone)


_PIECES = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00\ufeff"),
    max_size=20,
) | st.sampled_from(["\n", "\r\n", "\r", "\t", "e\u0301", "\u00e9", " "])
_TEXTS = st.lists(_PIECES, min_size=1, max_size=20).map("".join).filter(lambda t: t.strip())


@given(_TEXTS)
def test_stored_text_is_nfc_lf_and_encoding_independent(text: str) -> None:
    stored = read_text_article(text.encode("utf-8"), "a.txt").text
    assert "\r" not in stored
    assert unicodedata.is_normalized("NFC", stored)
    assert stored == normalise_text(text)
    # Nothing but line endings and normalisation changes: same text in NFC with LF.
    expected = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    assert stored == expected
    assert read_text_article(text.encode("utf-16"), "a.txt").text == stored
