"""Event dates: written, ranged, partial and relative, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from db.assist.dates import extract_dates

PUB = dt.date(2024, 10, 23)  # a Wednesday


def one(text: str, published: dt.date | None = PUB) -> tuple[str, str | None]:
    found = extract_dates(text, published)
    assert len(found) == 1, [text[d.start : d.end] for d in found]
    return text[found[0].start : found[0].end], found[0].iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("It happened on October 2, 2024, at dawn.", "2024-10-02"),
        ("It happened on 2 October 2024.", "2024-10-02"),
        ("The transfers took place between October 8-13.", "2024-10-08/2024-10-13"),
        ("The transfers took place October 8-13, 2023.", "2023-10-08/2023-10-13"),
        ("The transfers took place 8–13 October.", "2024-10-08/2024-10-13"),
        ("On October 15, it reported.", "2024-10-15"),
        ("He visited Ukraine in late February.", "2024-02-21/2024-02-29"),
        ("Kim signed a pact in June.", "2024-06-01/2024-06-30"),
        ("It was deployed earlier this month.", "2024-10-01/2024-10-23"),
        ("It was floated earlier this year.", "2024-01-01/2024-10-23"),
        ("They met last week.", "2024-10-14/2024-10-20"),
        ("They met on Sunday.", "2024-10-20"),
        ("The ministry said on Wednesday.", "2024-10-23"),
        ("They met last Wednesday.", "2024-10-16"),
        ("It could reach 10,000 by December.", "2024-12-01/2024-12-31"),
        ("He spoke yesterday in the Commons.", "2024-10-22"),
        ("He defected in 1995 via China.", "1995-01-01/1995-12-31"),
        ("It runs to the end of 2025.", "2025-12-01/2025-12-31"),
        ("It was published 2024-10-18 by the agency.", "2024-10-18"),
        ("Россия объявила об этом 8 октября 2024 года.", "2024-10-08"),
        ("Det skete den 8. oktober 2024 om morgenen.", "2024-10-08"),
        ("북한은 2024년 10월 8일 병력을 보냈다", "2024-10-08"),
        ("Встреча прошла ٨ октября ٢٠٢٤ года.", "2024-10-08"),
    ],
)
def test_resolved(text: str, iso: str) -> None:
    assert one(text)[1] == iso


def test_year_inferred_backwards_across_new_year() -> None:
    assert one("They met in December.", dt.date(2025, 1, 10))[1] == "2024-12-01/2024-12-31"
    assert one("They met on March 3.", dt.date(2025, 1, 10))[1] == "2024-03-03"


@pytest.mark.parametrize(
    "text",
    [
        "They met on Sunday.",
        "It was deployed earlier this month.",
        "In June Kim signed it.",
        "The transfers took place between October 8-13.",
        "He visited in late February.",
    ],
)
def test_unresolved_without_publication_date(text: str) -> None:
    found = extract_dates(text, None)
    assert len(found) == 1
    assert found[0].iso is None and not found[0].resolved and found[0].relative


@pytest.mark.parametrize(
    "text",
    [
        "he told This Week in Asia",
        "They may consider it.",
        "Read more: on October 8, 2024 troops left",
        "They sent 2,024 troops.",
        "SEOUL, Oct 23 (Reuters) - North Korea sent troops",
    ],
)
def test_not_dates(text: str) -> None:
    assert extract_dates(text, PUB) == []


def test_offsets_with_crlf_and_astral_characters() -> None:
    text = "🙂 line\r\nOn October 15 🙂 they met yesterday.\r\n"
    found = extract_dates(text, PUB)
    assert [text[d.start : d.end] for d in found] == ["On October 15", "yesterday"]
