"""Event dates as people write them: single days, whole months and ranges.

``parse_event_date`` returns ``(start, end)``; *end* is None for a single day.
Ranges are recognised here before any general date parser sees the text,
because such parsers read "October 8-13" as 8 October 2013.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from db.errors import InvalidInput

# English month names and abbreviations, lower case -> 1..12 (also used by the importer's
# dateline reader).
MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9

_MONTH = r"(?P<{name}>[A-Za-z]{{3,9}})\.?"
_DASH = r"\s*(?:-|to|until|till|through|thru)\s*"
_YEAR = r"(?P<{name}>\d{{4}})"

_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR_ONLY = re.compile(r"^(\d{4})$")
_DAY_MONTH_YEAR = re.compile(
    rf"^(?P<d>\d{{1,2}})\s+{_MONTH.format(name='m')},?\s+{_YEAR.format(name='y')}$"
)
_MONTH_DAY_YEAR = re.compile(
    rf"^{_MONTH.format(name='m')}\s+(?P<d>\d{{1,2}}),?\s+{_YEAR.format(name='y')}$"
)
_MONTH_YEAR = re.compile(rf"^{_MONTH.format(name='m')},?\s+{_YEAR.format(name='y')}$")
# "8-13 October 2024", "8 to 13 October 2024"
_DAYS_MONTH_YEAR = re.compile(
    rf"^(?P<d1>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}})\s+{_MONTH.format(name='m')},?\s+"
    rf"{_YEAR.format(name='y')}$"
)
# "October 8-13, 2024"
_MONTH_DAYS_YEAR = re.compile(
    rf"^{_MONTH.format(name='m')}\s+(?P<d1>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}}),?\s+"
    rf"{_YEAR.format(name='y')}$"
)
# Separators between two complete dates: "/", " - ", " to ", "–".
_RANGE_SPLIT = re.compile(r"\s*/\s*|\s+(?:-|to|until|till|through|thru)\s+", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_NUMERIC = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def _clean(text: str) -> str:
    text = text.strip().replace("–", "-").replace("—", "-").replace("\u2212", "-")
    text = _ORDINAL.sub(r"\1", text)
    return " ".join(text.split())


def _month(name: str, original: str) -> int:
    number = MONTHS.get(name.lower().rstrip("."))
    if number is None:
        raise InvalidInput(f"{original!r} is not a date: {name!r} is not a month.")
    return number


def _day(year: int, month: int, day: int, original: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidInput(f"{original!r} is not a date: there is no such day.") from None


def _month_range(year: int, month: int, original: str) -> tuple[dt.date, dt.date]:
    if not 1 <= month <= 12:
        raise InvalidInput(f"{original!r} is not a date: there is no month {month}.")
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def _single(text: str, original: str) -> tuple[dt.date, dt.date | None]:
    """One date, or a whole month or year (then returned as a range)."""
    if m := _ISO_DAY.match(text):
        return _day(int(m[1]), int(m[2]), int(m[3]), original), None
    if m := _ISO_MONTH.match(text):
        return _month_range(int(m[1]), int(m[2]), original)
    if m := _YEAR_ONLY.match(text):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if m := _DAY_MONTH_YEAR.match(text):
        return _day(int(m["y"]), _month(m["m"], original), int(m["d"]), original), None
    if m := _MONTH_DAY_YEAR.match(text):
        return _day(int(m["y"]), _month(m["m"], original), int(m["d"]), original), None
    if m := _MONTH_YEAR.match(text):
        return _month_range(int(m["y"]), _month(m["m"], original), original)
    if m := _NUMERIC.match(text):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if first <= 12 and second <= 12 and first != second:
            raise InvalidInput(
                f"{original!r} is ambiguous (day and month could be swapped); "
                "write it as YYYY-MM-DD or like 8 October 2024."
            )
        day, month = (first, second) if first > 12 else (second, first)
        return _day(year, month, day, original), None
    if not re.search(r"\b\d{4}\b", text):
        raise InvalidInput(f"The date {original!r} has no year; give the year.")
    raise InvalidInput(
        f"{original!r} is not a date ClaimDesk understands; write e.g. 2024-10-08, "
        "8 October 2024, October 2024 or 8-13 October 2024."
    )


def _ordered(start: dt.date, end: dt.date, original: str) -> tuple[dt.date, dt.date | None]:
    if end < start:
        raise InvalidInput(f"In {original!r} the end comes before the start.")
    return start, (None if end == start else end)


def parse_event_date(text: str) -> tuple[dt.date, dt.date | None]:
    """``(start, end)`` for a written date or range; *end* is None for a single day.

    Accepts ``2024-10-08``, ``8 October 2024``, ``October 8, 2024``,
    ``October 2024`` and ``2024-10`` (the whole month), ``2024`` (the whole
    year), ``October 8-13, 2024``, ``8-13 October 2024``, ``8 to 13 October
    2024``, ``2024-10-08/2024-10-13`` and ranges of two full dates joined by
    " - ", " to " or "/" (the first may leave out the year).  A date without a
    year is refused with :class:`InvalidInput`.
    """
    original = text.strip()
    cleaned = _clean(text)
    if not cleaned:
        raise InvalidInput("The event date is empty.")
    if m := _DAYS_MONTH_YEAR.match(cleaned) or _MONTH_DAYS_YEAR.match(cleaned):
        year, month = int(m["y"]), _month(m["m"], original)
        start = _day(year, month, int(m["d1"]), original)
        end = _day(year, month, int(m["d2"]), original)
        return _ordered(start, end, original)
    if _NUMERIC.match(cleaned):
        return _single(cleaned, original)
    parts = _RANGE_SPLIT.split(cleaned)
    if len(parts) == 1 and not _ISO_DAY.match(cleaned) and cleaned.count("-") == 1:
        # "2024-10-08-2024-10-13" is unusual; "30 September-2 October 2024" is not.
        parts = cleaned.split("-")
        if not all(re.search(r"[A-Za-z]", p) for p in parts):
            parts = [cleaned]
    if len(parts) == 2:
        left, right = parts
        right_start, right_end = _single(right, original)
        if not re.search(r"\b\d{4}\b", left):
            left = f"{left} {right_start.year}"
        left_start, _ = _single(left, original)
        return _ordered(left_start, right_end or right_start, original)
    if len(parts) > 2:
        raise InvalidInput(f"{original!r} is not a date or a range of two dates.")
    return _single(cleaned, original)


__all__ = ["parse_event_date"]
