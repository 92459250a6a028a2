"""Dates that date an event, resolved against the article's publication date.

Written dates with a year are parsed by :func:`db.dates.parse_event_date` (the same
parser the claim editor uses).  Dates without a year and relative expressions
("earlier this month", "last week", "on Sunday", "in June") take their year, or
their whole value, from the publication date; without one they are reported
unresolved, never guessed.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from db.assist import lexicon
from db.assist.date_periods import english_seasons, month_parts, period_parts, quarters
from db.assist.date_words import future_context, word_dates
from db.assist.patterns import led
from db.assist.text import SpanSet, fold_digits, furniture
from db.dates import parse_event_date
from db.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date expression: ``text[start:end]``, resolved to ``first``–``last`` when possible."""

    start: int
    end: int
    first: dt.date | None
    last: dt.date | None  # equal to first for a single day
    relative: bool  # needed the publication date (or would have)

    @property
    def resolved(self) -> bool:
        return self.first is not None

    @property
    def iso(self) -> str | None:
        """``YYYY-MM-DD`` for a day, ``YYYY-MM-DD/YYYY-MM-DD`` for a range, None unresolved."""
        if self.first is None or self.last is None:
            return None
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}/{self.last.isoformat()}"


_M = r"(?P<{n}>" + lexicon.MONTH_PATTERN + r")\.?"
_EN_MONTH = (
    r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_D = r"(?P<{n}>\d{{1,2}})(?:st|nd|rd|th)?"
_Y = r"(?P<{n}>(?:1[89]|20)\d\d)"
_DASH = r"\s*(?:-|–|—|to|and|until|through)\s*"
_PREP = ""
_WEEKDAY_BEFORE = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+$")
_PREP_BEFORE = led(
    r"(?:^|(?<=\W))(?:between|from|on|in|since|by|until|till|during|before|after|as of|с|со|"
    r"fra den|fra|den|am|vom|seit dem|bis zum)\s+$",
    re.IGNORECASE,
)
# A day and month (either way round) right after a weekday: the weekday only names it.
_DATE_AFTER_WEEKDAY = (
    r"(?!,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|"
    r"Oct|Nov|Dec)\b|(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+\d))"
)
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# "2000 troops": a count, not a year.
_COUNTED_AFTER = re.compile(r"\s*(?:troops|soldiers|people|killed)")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # (a look-behind after the first digit, not before it, lets the engine skip to digits)
    ("iso", re.compile(r"(?P<iso>\d(?<!\d\d)\d{3}-\d{2}-\d{2})(?!\d)")),
    # day, month and year in digits, as German, Danish and Russian write them: "3.10.2024"
    (
        "dotted",
        re.compile(
            r"(?P<d>\d(?<![\d.]\d)\d?)\.(?P<mn>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.]\d|\d)"
        ),
    ),
    (
        "month_days",
        re.compile(
            _PREP
            + _EN_MONTH.format(n="m")
            + r"\s+"
            + _D.format(n="d1")
            + _DASH
            + _D.format(n="d2")
            + r"(?:,?\s+"
            + _Y.format(n="y")
            + r")?(?!\d)"
        ),
    ),
    (
        "days_month",
        led(
            r"(?P<d1>\d(?<!\d\d)\d?)(?:st|nd|rd|th)?"
            + r"\.?\s*(?:-|–|—|to|and|until|through|по|до|и|til(?:\s+den)?|og)\s*"
            + _D.format(n="d2")
            + r"\.?\s+(?:of\s+)?"
            + _M.format(n="m")
            + r"(?:,?\s+"
            + _Y.format(n="y")
            + r")?(?!\d)",
            re.IGNORECASE,
        ),
    ),
    (
        "month_day",
        re.compile(
            _EN_MONTH.format(n="m")
            + r"\s+"
            + _D.format(n="d")
            + r"(?![\d,.]\d)(?:,?\s+"
            + _Y.format(n="y")
            + r")?(?!\d)"
        ),
    ),
    (
        "day_month",
        led(
            r"(?P<d>\d(?<![\d.,]\d)\d?)(?:st|nd|rd|th)?"
            + r"\.?\s+(?:of\s+)?"
            + _M.format(n="m")
            + r"(?:,?\s+"
            + _Y.format(n="y")
            + r")?(?:\s+года)?(?!\d)",
            re.IGNORECASE,
        ),
    ),
    (
        "korean",
        led(
            # (with the year or the direction named before: "지난해 8월", "오는 5월", "지난 9월")
            r"(?:(?P<kyear>지난해|작년|올해|금년|내년)\s?|(?P<kdir>지난|오는)\s?)?"
            r"(?:(?P<y>\d{4})년\s?)?(?P<m>\d{1,2})월(?:\s?(?P<d>\d{1,2})일)?"
            r"(?:\s?(?P<kpart>초|중순|말))?"
        ),
    ),
    (
        "part_month",
        led(
            r"\b(?P<part>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of|"
            r"end of|beginning of|start of))[- ]"
            + r"(?:(?P<m>January|February|March|April|May|June|July|August|September|October|"
            r"November|December)|(?P<yonly>(?:1[89]|20)\d\d(?!['’]?s\b)))"
            + r"(?:,?\s+"
            + _Y.format(n="y")
            + r")?(?!\d)",
        ),
    ),
    (
        "month_year",
        re.compile(
            _PREP + _EN_MONTH.format(n="m") + r",?\s+" + _Y.format(n="y") + r"(?!\d)",
        ),
    ),
    (
        "month",
        led(
            r"\b(?P<prep>(?i:in|since|by|until|till|from|during|last|this|next|early|late|mid|"
            r"before|after|through|throughout|as\s+(?:early|late|recently)\s+as))[- ]"
            r"(?P<m>January|February|March|April|May|June|July|August|September|October|"
            r"November|December)(?![\w-])(?!\s+\d)"
        ),
    ),
    (
        # a decade: "the 1970s", "1970-х годах", "1960'erne", "1980년대" (the words before it,
        # "in the late", are read by _DECADE_BEFORE)
        "decade",
        re.compile(
            r"(?P<y>(?:1[89]|20)(?<![\d.,]..)\d0)(?:['’]?s(?![\w'’])|['’]erne(?![\w])|년대|"
            r"-(?:х|е|ых|ые)(?:\s+(?:годах|годы|годов|годам))?(?![\w]))"
        ),
    ),
    (
        "year",
        led(
            r"(?P<prep>\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Ff]rom|[Bb]efore|[Aa]fter|"
            r"[Oo]f|[Вв]|[Сс]|i|I|[Ss]iden|im|seit|[Bb]is|[Aa]b)\s+)"
            r"(?:(?:the\s+)?(?:early|late|mid)[- ])?"
            + _Y.format(n="y")
            + r"(?!\d|s\b|-\d|\s+Uhr\b)(?:\s+(?:году|года|г\.))?"
        ),
    ),
    (
        # a German year between the auxiliary and the participle, no preposition before it:
        # "wurde 1961 gebaut", "ist 2011 geschlossen worden", "war 1990 eröffnet"
        "year",
        led(
            r"(?:(?<=wurde\s)|(?<=wurden\s)|(?<=war\s)|(?<=ist\s))"
            + _Y.format(n="y")
            + r"(?=\s+(?:[a-zäöüß]*ge[a-zäöüß]+(?:t|en)|"
            r"(?:er|ver|be|zer|über|ent)[a-zäöüß]+(?:t|en)|[a-zäöüß]+iert)"
            r"(?:\s+worden)?(?=[\s,.;:!?]|$))"
        ),
    ),
    (
        # a German year after "erst", "spätestens", "frühestens", a verb or an adverb after it:
        # "könne erst 2029 vollständig …", "soll spätestens 2030 fertig sein"
        "year",
        led(
            r"(?:(?<=[Ee]rst\s)|(?<=[Ss]pätestens\s)|(?<=[Ff]rühestens\s))"
            + _Y.format(n="y")
            + r"(?=\s+[a-zäöüß]|\s*[,.;:!?])"
        ),
    ),
    (
        # (a weekday before its date, "on Thursday 24 September", is read with the date)
        "relative",
        led(
            r"(?<![\w-])(?P<rel>(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
            r"Sunday)(?:\s+(?:morning|afternoon|evening|night))?\s+(?:of\s+)?(?:last|the\s+previous)\s+"
            r"week|(?:earlier|later)\s+(?:this|in\s+the|last)\s+(?:month|year|week)|"
            r"(?:this|last|next)\s+(?:month|year|week)|(?:the\s+day\s+before\s+)?yesterday|"
            r"today|tomorrow|tonight|last\s+night|"
            r"this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+today|"
            r"(?:on|last|this|next)\s+" + _WEEKDAY.replace("?P<wd>", "?P<rwd>") + r"|"
            r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?![\w-])"
            + _DATE_AFTER_WEEKDAY,
            re.IGNORECASE,
        ),
    ),
]
_DECADE_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?:[Ii]n|[Dd]uring|[Ss]ince|[Bb]y|[Tt]hrough|[Uu]ntil|[Tt]he|[Вв]|[Сс]|[Кк]|[Дд]о|"
    r"[Ii]|[Ff]ra)\s+)?(?:the\s+)?(?:(?P<part>early|late|mid)[- ])?$"
)
_DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}


def _decade(text: str, m: re.Match[str]) -> tuple[int, dt.date, dt.date]:
    """Where a decade's words start, and its first and last day ("the late 1990s": 1997-1999)."""
    first_year = int(m["y"])
    before = _DECADE_BEFORE.search(text, max(0, m.start() - 30), m.start())
    start = before.start() if before and before.group(0) else m.start()
    a, b = _DECADE_PARTS.get(before["part"] if before else "", (0, 9))
    return start, dt.date(first_year + a, 1, 1), dt.date(first_year + b, 12, 31)


_PART_RANGES = {
    "early": (1, 10),
    "beginning of": (1, 10),
    "start of": (1, 10),
    "the beginning of": (1, 10),
    "the start of": (1, 10),
    "mid": (11, 20),
    "the middle of": (11, 20),
    "late": (21, 31),
    "end of": (21, 31),
    "the end of": (21, 31),
}

_YEAR_PARTS = {
    "early": (1, 4),
    "beginning of": (1, 1),
    "start of": (1, 1),
    "mid": (5, 8),
    "middle of": (5, 8),
    "late": (9, 12),
    "end of": (12, 12),
}


def _month_number(name: str) -> int:
    return lexicon.MONTHS[name.casefold().rstrip(".")]


def _infer_year(month: int, day: int, published: dt.date, future: bool = False) -> int:
    """The year of a month (and day) named without one: the latest not long after publication.

    With *future* ("by December", "until March", "next June") the first on or after it.
    """
    year = published.year
    candidate = dt.date(year, month, min(max(day, 1), calendar.monthrange(year, month)[1]))
    if future:
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
        return year + 1 if end < published else year
    if candidate > published + dt.timedelta(days=31):
        year -= 1
    return year


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve(
    kind: str, m: re.Match[str], published: dt.date | None, ahead: bool = False
) -> tuple[dt.date | None, dt.date | None, bool] | None:
    """``(first, last, relative)``, or None when the match is not a date after all."""
    g = m.groupdict()
    if kind == "iso":
        try:
            first, last = parse_event_date(g["iso"])
        except InvalidInput:
            return None
        return first, last or first, False
    if kind == "relative":
        return (*_relative(g["rel"], published), True)
    year = int(g["y"]) if g.get("y") else None
    month = _month_number(g["m"]) if g.get("m") and not g["m"].isdigit() else None
    if kind == "dotted":
        month = int(g["mn"])
        if not 1 <= month <= 12:
            return None
    if kind == "korean":
        month = int(g["m"])
        if not 1 <= month <= 12:
            return None
        if g["kyear"] and published is not None and year is None:
            year = published.year + _KO_YEARS[g["kyear"]]
            lo, hi = _korean_month(year, month, g)
            return lo, hi, True
        if g["kdir"] == "오는":
            ahead = True
        elif g["kdir"] == "지난":
            ahead = False
    if kind == "year":
        assert year is not None
        return dt.date(year, 1, 1), dt.date(year, 12, 31), False
    if kind == "part_month" and g.get("yonly"):
        y = int(g["yonly"])
        part = " ".join(g["part"].casefold().split()).removeprefix("the ")
        lo_month, hi_month = _YEAR_PARTS[part]
        return dt.date(y, lo_month, 1), _month_span(y, hi_month)[1], False
    if month is None:
        return None
    relative = year is None
    if year is None:
        if published is None:
            return None, None, True
        day_hint = int(g.get("d") or g.get("d1") or 1)
        future = ahead or (g.get("prep") or "").casefold() in ("by", "until", "till", "next")
        year = _infer_year(month, day_hint, published, future)
    if kind in ("month_days", "days_month"):
        first_day = _safe_day(year, month, int(g["d1"]))
        last_day = _safe_day(year, month, int(g["d2"]))
        if first_day is None or last_day is None or last_day < first_day:
            return None
        return first_day, last_day, relative
    if kind in ("month_day", "day_month", "dotted") or (kind == "korean" and g.get("d")):
        day = _safe_day(year, month, int(g["d"]))
        return None if day is None else (day, day, relative)
    if kind == "korean":
        return (*_korean_month(year, month, g), relative)
    lo, hi = _month_span(year, month)
    if kind == "part_month":
        part = " ".join(g["part"].casefold().split())
        a, b = _PART_RANGES[part]
        return lo.replace(day=a), hi.replace(day=min(b, hi.day)), relative
    return lo, hi, relative


_KO_YEARS = {"지난해": -1, "작년": -1, "올해": 0, "금년": 0, "내년": 1}


def _korean_month(year: int, month: int, g: dict[str, str | None]) -> tuple[dt.date, dt.date]:
    """A Korean month, or its part ("9월 초", "9월 중순", "9월 말": days 1-10, 11-20, 21-end), or
    its day."""
    lo, hi = _month_span(year, month)
    if g.get("d"):
        day = _safe_day(year, month, int(g["d"] or 1))
        if day is not None:
            return day, day
    part = g.get("kpart")
    if part == "초":
        return lo, lo.replace(day=10)
    if part == "중순":
        return lo.replace(day=11), lo.replace(day=20)
    if part == "말":
        return lo.replace(day=21), hi
    return lo, hi


def _ahead_if_future(
    folded: str, m: re.Match[str], published: dt.date
) -> tuple[dt.date, dt.date, bool] | None:
    """ "on Thursday" in a clause about what is to come is the next Thursday, not the last."""
    words = m["rel"].casefold().split()
    if words[0] != "on" or words[-1] not in _WEEKDAYS or not future_context(folded, m.start()):
        return None
    wd: weekday = (MO, TU, WE, TH, FR, SA, SU)[_WEEKDAYS.index(words[-1])]
    day = published + relativedelta(weekday=wd(+1))
    return day, day, True


def _relative(phrase: str, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    if published is None:
        return None, None
    words = phrase.casefold().split()
    p = published
    if words[-1] == "week" and (named := [w for w in words if w in _WEEKDAYS]):
        # "on Monday of last week", "on Tuesday night last week": that day of the week
        # before the paper's
        monday = p - dt.timedelta(days=p.weekday() + 7)
        day = monday + dt.timedelta(days=_WEEKDAYS.index(named[0]))
        return day, day
    if words in (["today"], ["tonight"], ["earlier", "today"], ["later", "today"]) or (
        words[:1] == ["this"] and words[-1] in ("morning", "afternoon", "evening")
    ):
        return p, p
    if words == ["tomorrow"]:
        day = p + dt.timedelta(days=1)
        return day, day
    if words in (["yesterday"], ["last", "night"]):  # "last night": the paper's eve
        day = p - dt.timedelta(days=1)
        return day, day
    if words[-1] == "yesterday":  # the day before yesterday
        day = p - dt.timedelta(days=2)
        return day, day
    if words[-1] in _WEEKDAYS:
        wd: weekday = (MO, TU, WE, TH, FR, SA, SU)[_WEEKDAYS.index(words[-1])]
        if words[0] == "next":
            day = p + relativedelta(days=1, weekday=wd(+1))
        elif words[0] == "last":  # the latest before publication
            day = p + relativedelta(days=-1, weekday=wd(-1))
        else:  # "on Wednesday" in Wednesday's paper is that day
            day = p + relativedelta(weekday=wd(-1))
        return day, day
    unit = words[-1]
    if unit == "week":
        monday = p - dt.timedelta(days=p.weekday())
        if words[0] == "last":
            return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
        if words[0] == "next":
            return monday + dt.timedelta(days=7), monday + dt.timedelta(days=13)
        return monday, (p if words[0] == "earlier" else monday + dt.timedelta(days=6))
    if unit == "month":
        lo, hi = _month_span(p.year, p.month)
        if words[0] == "last" or words[1:3] == ["last", "month"]:
            prev = lo - dt.timedelta(days=1)
            return _month_span(prev.year, prev.month)
        if words[0] == "next":
            nxt = hi + dt.timedelta(days=1)
            return _month_span(nxt.year, nxt.month)
        if words[0] == "earlier":
            return lo, p
        if words[0] == "later":
            return p, hi
        return lo, hi
    if unit == "year":
        lo, hi = dt.date(p.year, 1, 1), dt.date(p.year, 12, 31)
        if words[0] == "last":
            return lo.replace(year=p.year - 1), hi.replace(year=p.year - 1)
        if words[0] == "next":
            return lo.replace(year=p.year + 1), hi.replace(year=p.year + 1)
        if words[0] == "earlier":
            return lo, p
        if words[0] == "later":
            return p, hi
        return lo, hi
    return None, None


class _Taken:
    """Spans already read as dates, never overlapping one another, kept sorted."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def extract_dates(text: str, published: dt.date | dt.datetime | None = None) -> list[EventDate]:
    """Every event date in *text*, in order; relative ones resolved against *published*."""
    pub = published.date() if isinstance(published, dt.datetime) else published
    folded = fold_digits(text)
    blocked = SpanSet(furniture(text))
    taken = _Taken()
    out: list[EventDate] = []
    # a part of a period before the period alone ("the end of last month", "이달 초")
    for start, end, first, last, relative in [
        *period_parts(folded, pub),
        *month_parts(folded, pub),
        *english_seasons(folded, pub),
        *quarters(folded, pub),
    ]:
        if blocked.overlaps(start, end) or taken.overlaps(start, end):
            continue
        taken.add(start, end)
        out.append(EventDate(start, end, first, last, relative))
    for kind, pattern in _PATTERNS:
        if kind == "korean" and "월" not in text:
            continue
        for m in pattern.finditer(folded):
            start, end = m.start(), m.end()
            if blocked.overlaps(start, end) or taken.overlaps(start, end):
                continue
            if kind == "relative" and re.search(r"\b(?:Week|Month|Year)\b", m.group(0)):
                continue  # "This Week in Asia"
            if kind == "year" and _COUNTED_AFTER.match(text, end):
                continue
            if kind == "decade":
                start, first, last = _decade(folded, m)
                taken.add(start, end)
                out.append(EventDate(start, end, first, last, False))
                continue
            resolved = _resolve(kind, m, pub, future_context(folded, start))
            if resolved is None:
                continue
            if kind == "relative" and pub is not None:
                resolved = _ahead_if_future(folded, m, pub) or resolved
            if kind == "month_day":
                weekday = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
                if weekday:
                    start = weekday.start()
            if kind not in ("month", "year", "relative"):
                prep = _PREP_BEFORE.search(text, max(0, start - 12), start)
                if prep and not taken.overlaps(prep.start(), start):
                    start = prep.start()
            first, last, relative = resolved
            taken.add(start, end)
            out.append(EventDate(start, end, first, last, relative))
    for start, end, first, last, relative in word_dates(folded, pub):
        if blocked.overlaps(start, end) or taken.overlaps(start, end):
            continue
        taken.add(start, end)
        out.append(EventDate(start, end, first, last, relative))
    out.sort(key=lambda d: d.start)
    return out


__all__ = ["EventDate", "extract_dates"]
