"""Event dates: single days, whole months, ranges, and refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.dates import parse_event_date
from db.errors import InvalidInput

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-08", (D(2024, 10, 8), None)),
        ("8 October 2024", (D(2024, 10, 8), None)),
        ("8th October 2024", (D(2024, 10, 8), None)),
        ("October 8, 2024", (D(2024, 10, 8), None)),
        ("Oct 8 2024", (D(2024, 10, 8), None)),
        ("Sept. 3, 2024", (D(2024, 9, 3), None)),
        ("  8  October   2024 ", (D(2024, 10, 8), None)),
        ("October 2024", (D(2024, 10, 1), D(2024, 10, 31))),
        ("February 2024", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2023-02", (D(2023, 2, 1), D(2023, 2, 28))),
        ("2024", (D(2024, 1, 1), D(2024, 12, 31))),
        ("October 8-13, 2024", (D(2024, 10, 8), D(2024, 10, 13))),
        ("October 8–13, 2024", (D(2024, 10, 8), D(2024, 10, 13))),
        ("8-13 October 2024", (D(2024, 10, 8), D(2024, 10, 13))),
        ("8 to 13 October 2024", (D(2024, 10, 8), D(2024, 10, 13))),
        ("2024-10-08/2024-10-13", (D(2024, 10, 8), D(2024, 10, 13))),
        ("2024-10-08 to 2024-10-13", (D(2024, 10, 8), D(2024, 10, 13))),
        ("30 September - 2 October 2024", (D(2024, 9, 30), D(2024, 10, 2))),
        ("30 September-2 October 2024", (D(2024, 9, 30), D(2024, 10, 2))),
        ("September 30 to October 2, 2024", (D(2024, 9, 30), D(2024, 10, 2))),
        ("December 30, 2023 - January 2, 2024", (D(2023, 12, 30), D(2024, 1, 2))),
        ("September 2024 - October 2024", (D(2024, 9, 1), D(2024, 10, 31))),
        ("2024-10-08/2024-10-08", (D(2024, 10, 8), None)),
        ("23/10/2024", (D(2024, 10, 23), None)),
        ("5.5.2024", (D(2024, 5, 5), None)),
    ],
)
def test_parses(text: str, expected: tuple[dt.date, dt.date | None]) -> None:
    assert parse_event_date(text) == expected


def test_month_day_range_is_not_read_as_a_year() -> None:
    start, end = parse_event_date("October 8-13, 2024")
    assert start.year == 2024 and end is not None and end.year == 2024


@pytest.mark.parametrize("text", ["8 October", "October 8-13", "8-13 October", "Oct 8"])
def test_without_year_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="give the year"):
        parse_event_date(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("31 February 2024", "no such day"),
        ("2024-13", "no month 13"),
        ("13-8 October 2024", "end comes before the start"),
        ("2024-10-13/2024-10-08", "end comes before the start"),
        ("8 Octember 2024", "not a month"),
        ("05/10/2024", "ambiguous"),
        ("next Tuesday 2024", "not a date"),
        ("2024-10-01/2024-10-02/2024-10-03", "range of two dates"),
    ],
)
def test_refusals_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_event_date(text)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_iso_and_written_forms_agree(day: dt.date) -> None:
    written = f"{day.day} {day.strftime('%B')} {day.year}"
    american = f"{day.strftime('%B')} {day.day}, {day.year}"
    assert parse_event_date(day.isoformat()) == (day, None)
    assert parse_event_date(written) == (day, None)
    assert parse_event_date(american) == (day, None)


@given(
    st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)),
    st.integers(min_value=1, max_value=400),
)
def test_iso_ranges_round_trip(start: dt.date, days: int) -> None:
    end = start + dt.timedelta(days=days)
    assert parse_event_date(f"{start.isoformat()}/{end.isoformat()}") == (start, end)
