"""Wire-service datelines: a city, a date, and perhaps a time and zone.

News agencies open a story with lines such as::

    SEOUL, Oct. 18, 2024 (14:10 KST)
    SEOUL, Oct 18 (Yonhap) --
    18.10.2024, 14:10
    Oct. 18, 2024 | 14:10 KST

:func:`read_wire_dateline` reads such a line (or the start of a paragraph that
begins with one) into its parts.  Nothing is guessed: a dateline that gives no
year keeps ``year=None`` and the caller takes the year from elsewhere in the
article or leaves the date empty.  Dotted numeric dates (``18.10.2024``) are
day first, as they are written wherever that form is used.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from db.dates import MONTHS

# Zone abbreviations as UTC offsets in minutes.  Ambiguous ones (IST: India,
# Ireland or Israel; AST: Arabia or Atlantic) are left out on purpose.
ZONE_MINUTES: dict[str, int] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "WEST": 60,
    "BST": 60,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "SAST": 120,
    "EAT": 180,
    "GST": 240,
    "PKT": 300,
    "ICT": 420,
    "WIB": 420,
    "HKT": 480,
    "SGT": 480,
    "PHT": 480,
    "AWST": 480,
    "KST": 540,
    "JST": 540,
    "ACST": 570,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
}


_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "Oct. 18, 2024", "Oct 18", "18 October 2024", "18.10.2024", "2024-10-18"
_DATES = (
    re.compile(rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?![\d:])"),
    re.compile(rf"{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?(?![\d:])"),
    re.compile(r"(?P<day>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<year>(?:19|20)\d\d)(?!\d)"),
    # (an ISO date-time, "2024-10-18T14:10+09:00", is left to the ISO reader)
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<nmonth>\d{1,2})-(?P<day>\d{1,2})(?![\dT])"),
)
_TIME = re.compile(
    r"(?<![\d:])(?P<hour>\d{1,2})[:.h](?P<minute>\d\d)(?![\d])"
    r"(?:\s*(?P<half>[ap])\.?m\.?)?"
    r"(?:\s*(?:UTC|GMT)\s*(?P<sign>[+-−])(?P<oh>\d{1,2})(?::?(?P<om>\d\d))?"
    r"|\s*(?P<zone>[A-Z]{1,5})\b)?",
    re.IGNORECASE,
)
# A city in capitals before the comma: "SEOUL", "NEW YORK", "RIO DE JANEIRO".
_CITY_WORDS = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
_CITY = rf"(?P<city>{_CITY_WORDS})"
_CITY_LEAD = re.compile(rf"^{_CITY}(?:\s*\([^)]{{1,40}}\))?,\s+")
_DAY_NAME = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+"
_WEEKDAY = re.compile(rf"^{_DAY_NAME}", re.IGNORECASE)
# How every line :func:`read_wire_dateline` reads begins (some lines begin so and are no
# dateline): a city, a weekday, then a month's name before a number, or a number.  It
# lets a caller pass over the lines of a text in one step each (see db.importing.metadata).
OPENING = (
    rf"[*_\s]*(?:{_CITY_WORDS}(?:\s*\([^)]{{1,40}}\))?,\s+)?(?i:{_DAY_NAME})?"
    r"(?:[A-Za-z]{3,9}\.?\s+\d|\d)"
)
# What may follow a dateline: "(Yonhap)", "(14:10 KST)", "--", "—", "|", ",".
_TAIL = re.compile(r"^\s*(?:\((?P<paren>[^)]{1,40})\))?\s*(?P<rest>.*)$", re.DOTALL)
_SEPARATOR = re.compile(r"^\s*(?:\||·|•|,|;|--|—|–|-)?\s*")


@dataclass(frozen=True, slots=True)
class WireDateline:
    """The parts of a dateline; *year* None when the dateline gives none."""

    city: str
    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    offset: int | None = None  # minutes east of UTC; None when no zone is named
    zone: str = ""  # the abbreviation as written, e.g. "KST"

    def when(self, year: int | None = None) -> dt.datetime | None:
        """The publication instant in UTC (midnight UTC for a bare date), or None.

        *year* stands in when the dateline has none; without either there is no date.
        """
        chosen = self.year if self.year is not None else year
        if chosen is None:
            return None
        try:
            local = dt.datetime(chosen, self.month, self.day, self.hour or 0, self.minute or 0)
        except ValueError:
            return None
        if self.offset is None:
            return local.replace(tzinfo=dt.UTC)
        zone = dt.timezone(dt.timedelta(minutes=self.offset))
        return local.replace(tzinfo=zone)


def _date_at(text: str) -> tuple[re.Match[str], int | None, int, int] | None:
    """The date at the very start of *text*: (match, year, month, day)."""
    for pattern in _DATES:
        found = pattern.match(text)
        if found is None:
            continue
        groups = found.groupdict()
        if groups.get("nmonth"):
            month = int(groups["nmonth"])
        else:
            month_number = MONTHS.get(groups["month"].lower())
            if month_number is None:
                continue
            month = month_number
        day = int(groups["day"])
        year = int(groups["year"]) if groups.get("year") else None
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            continue
        return found, year, month, day
    return None


def _time_at(text: str) -> tuple[re.Match[str], int, int, int | None, str] | None:
    """A time at the very start of *text*: (match, hour, minute, offset, zone)."""
    found = _TIME.match(text)
    if found is None:
        return None
    hour, minute = int(found["hour"]), int(found["minute"])
    half = (found["half"] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    offset: int | None = None
    zone = ""
    if found["zone"]:
        word = found["zone"]
        if word != word.upper() or word.upper() not in ZONE_MINUTES:
            # "14:10 in Seoul": the word is not a zone; the time stands alone.
            end = found.start("zone")
            retry = _TIME.match(text[:end])
            return (retry, hour, minute, None, "") if retry else None
        offset = ZONE_MINUTES[word]
        zone = "UTC" if word == "Z" else word
    elif found["sign"]:
        minutes = int(found["oh"]) * 60 + int(found["om"] or 0)
        if minutes > 14 * 60:
            return None
        offset = -minutes if found["sign"] in "-−" else minutes
    return found, hour, minute, offset, zone


def read_wire_dateline(line: str) -> WireDateline | None:
    """The dateline at the start of *line*, or None when it does not open with one.

    Accepted: an optional city in capitals and a comma, a date (the year may be
    missing only after a city), then optionally a time with its zone, either in
    parentheses or after a separator (``,``, ``|``, ``·``, ``-``).  Agency names
    in parentheses (``(Yonhap)``) are passed over.
    """
    text = line.strip().lstrip("*_ ").strip()
    city = ""
    lead = _CITY_LEAD.match(text)
    if lead:
        city = lead["city"]
        text = text[lead.end() :]
    text = _WEEKDAY.sub("", text, count=1)
    found = _date_at(text)
    if found is None:
        return None
    match, year, month, day = found
    if year is None and not city:
        return None  # "Oct 18" alone is too weak to be a dateline
    rest = text[match.end() :]
    hour: int | None = None
    minute: int | None = None
    offset: int | None = None
    zone = ""
    tail = _TAIL.match(rest)
    paren = tail["paren"] if tail else None
    timed = _time_at(paren.strip()) if paren else None
    if timed is None:
        after = rest[tail.end("paren") + 1 :] if tail and paren else rest
        after = _SEPARATOR.sub("", after, count=1)
        timed = _time_at(after)
    if timed is not None:
        _, hour, minute, offset, zone = timed
    return WireDateline(city, year, month, day, hour, minute, offset, zone)


_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)[/-]")


def context_year(lines: list[str], url: str = "") -> int | None:
    """The year an article states outside its dateline, or None.

    Only two places count: a year in the article's URL path (``/2024/10/18/``)
    and a copyright notice (``© 2024 Yonhap``).  Two different years are no
    answer: the date is then left empty rather than guessed.
    """
    in_url = {int(y) for y in _URL_YEAR.findall(url)}
    if len(in_url) == 1:
        return in_url.pop()
    if in_url:
        return None
    years = {int(y) for line in lines for y in _COPYRIGHT_YEAR.findall(line)}
    return years.pop() if len(years) == 1 else None


__all__ = ["OPENING", "ZONE_MINUTES", "WireDateline", "context_year", "read_wire_dateline"]
