"""Article metadata from the header area of a text: title, outlet, author, URL, date.

Only the first :data:`HEADER_LINES` non-empty lines are examined, so a date
or a by-line inside the body is not taken for the article's own.  Publication
times without a zone are taken to be UTC; the zone a time does name is kept as
its UTC offset in minutes (and abbreviation), so it can be shown as given.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import warnings
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from db.articles import NewArticle
from db.importing.datelines import (
    OPENING,
    ZONE_MINUTES,
    WireDateline,
    context_year,
    read_wire_dateline,
)

HEADER_LINES = 15
MAX_TITLE = 200
SHORT_TITLE = 120

# Zone abbreviations understood in datelines, as UTC offsets in seconds (the
# explicit table lives in :mod:`db.importing.datelines`).
TZINFOS: dict[str, int] = {name: minutes * 60 for name, minutes in ZONE_MINUTES.items()}

_URL = re.compile(r"https?://[^\s<>()\[\]\"']+", re.IGNORECASE)
_LABELS = (
    r"(title|headline|authors?|by|outlet|publication|publisher|source|url|link|"
    r"date|published|updated|posted|dateline)\s*:"
)
_LABEL = re.compile(rf"^{_LABELS}\s*(.*)$", re.IGNORECASE)
_BYLINE = re.compile(r"^By\s+(\S.*)$")
_BULLET_OUTLET = re.compile(r"^[·•]\s*(\S.{0,79})$")
# How every line that :func:`_examine` takes for metadata begins, when it is longer than
# a date line (80 characters): a label, a URL, a by-line, a bullet or a dateline.
_MAY_BE_METADATA = re.compile(rf"(?i:{_LABELS})|[<>]*(?i:https?://)|By\s|[·•]|{OPENING}")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b")
_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)
_DATE_PREFIX = re.compile(
    r"^(first\s+published|last\s+updated|published|updated|posted|date|on)\b[\s:,]*",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[|·•—–]\s+|\s+-\s+")
_CAPTION = re.compile(r"©|\((?:photo|picture|image)\b|^(?:photo|picture|image|caption)\s*:", re.I)
_NAME_PARTICLES = frozenset("and de del der den van von da di du la le bin al y of".split())


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published_at: dt.datetime | None = None
    # Zone the publication time was given in: minutes east of UTC, None when
    # the text named no zone; and its abbreviation when the text used one.
    published_offset: int | None = None
    published_zone: str = ""
    notes: tuple[str, ...] = ()  # what was left undone, for the analyst

    def article(
        self, text: str, original: bytes, filename: str, format: str, encoding: str = "utf-8"
    ) -> NewArticle:
        """The article *text* read from *original*, carrying this metadata."""
        return NewArticle(
            text=text,
            original=original,
            filename=filename,
            encoding=encoding,
            format=format,
            title=self.title,
            outlet=self.outlet,
            author=self.author,
            url=self.url,
            published_at=self.published_at,
            published_offset=self.published_offset,
            published_zone=self.published_zone,
            notes=self.notes,
        )


# ---------------------------------------------------------------- pieces


def outlet_from_url(url: str) -> str:
    """The host of *url* without a leading ``www.`` (``www.example.com`` → ``example.com``)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def shorten_title(line: str, limit: int = SHORT_TITLE) -> str:
    """*line* cut at a word boundary so that it, with an ellipsis, fits *limit* characters."""
    line = " ".join(line.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


@dataclass(frozen=True, slots=True)
class Dateline:
    """A parsed publication time and the zone it was given in."""

    when: dt.datetime  # aware; UTC when no zone was given
    offset: int | None  # minutes east of UTC as given; None when no zone was named
    zone: str = ""  # the zone's abbreviation as written (e.g. "KST"), if any


_ZONE_WORD = re.compile(r"\b([A-Za-z]{1,5})\b")


def offset_minutes(value: dt.datetime) -> int | None:
    """*value*'s UTC offset in whole minutes east of UTC; None for a naive value."""
    delta = value.utcoffset()
    if delta is None:
        return None
    return int(delta.total_seconds() // 60)


def _zone_label(value: str, offset: int) -> str:
    """The zone abbreviation written in *value* that stands for *offset*, or ""."""
    for word in _ZONE_WORD.findall(value):
        upper = word.upper()
        if word == upper and TZINFOS.get(upper, None) == offset * 60:
            return "UTC" if upper == "Z" else upper
    return ""


def parse_dateline(text: str, *, fuzzy: bool = False) -> Dateline | None:
    """A publication time read from *text* with the zone it names, or None.

    Like :func:`parse_datetime`; the offset is None when the text names no
    zone (the time is then taken to be UTC).
    """
    value = _ORDINAL.sub(_number, _DATE_PREFIX.sub("", text.strip())).strip(" ,.")
    parsed = _parse_value(value, fuzzy)
    wire = read_wire_dateline(value)
    if wire is not None and wire.year is not None:
        has_time = parsed is not None and (parsed.hour, parsed.minute) != (0, 0)
        if wire.hour is not None or not has_time:
            return _from_wire(wire, wire.year)
    if parsed is None:
        return None
    offset = offset_minutes(parsed)
    if offset is None:
        return Dateline(parsed.replace(tzinfo=dt.UTC), None)
    return Dateline(parsed, offset, _zone_label(value, offset))


def _number(ordinal: re.Match[str]) -> str:
    """ "18" for "18th" (a function, as a template would be parsed again on every call)."""
    return ordinal.group(1)


def _from_wire(wire: WireDateline, year: int) -> Dateline | None:
    when = wire.when(year)
    if when is None:
        return None
    return Dateline(when, wire.offset, wire.zone)


def parse_datetime(text: str, *, fuzzy: bool = False) -> dt.datetime | None:
    """A publication date-time read from *text*, or None.

    The text must name a year and a month (by name or in a numeric date).
    Zone abbreviations in :data:`TZINFOS` are understood; a time without a
    zone is taken to be UTC, and a date without a time is midnight UTC.
    """
    found = parse_dateline(text, fuzzy=fuzzy)
    return found.when if found else None


def _parse_value(value: str, fuzzy: bool) -> dt.datetime | None:
    """*value* (prefix and ordinals removed) as a datetime, naive when it names no zone."""
    if not value or len(value) > 80:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None:
        if not _YEAR.search(value):
            return None
        if not (_MONTH.search(value) or _NUMERIC_DATE.search(value)):
            return None
        from dateutil import parser as dateparser  # loaded for the first such date

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                parsed = dateparser.parse(
                    value,
                    tzinfos=TZINFOS,
                    default=dt.datetime(2000, 1, 1),
                    fuzzy=fuzzy,
                )
            except (ValueError, OverflowError):
                return None
    return parsed


def split_authors(value: str) -> list[str]:
    """Names in a by-line value: ``"Jane Doe and John Roe"`` → ``["Jane Doe", "John Roe"]``."""
    value = _SEPARATORS.split(value.strip())[0]
    parts = re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", value)
    return [p.strip(" .*_") for p in parts if p.strip(" .*_")]


def _looks_like_names(names: list[str]) -> bool:
    if not names:
        return False
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 6:
            return False
        for word in words:
            if word.lower() in _NAME_PARTICLES:
                continue
            if not word[0].isupper():
                return False
    return True


def _clean(line: str, markdown: bool) -> str:
    line = line.strip()
    if markdown:
        line = line.strip("*_ ").strip()
    return line


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return value


def _url_in(value: str) -> str:
    found = _URL.search(value)
    return found.group(0).rstrip(".,;:!?") if found else ""


# ---------------------------------------------------------------- extraction


@dataclass
class _Found:
    title: str = ""
    heading: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: Dateline | None = None
    first_line: str = ""
    # A dateline that gives no year ("SEOUL, Oct 18 (Yonhap) --"): dated only when
    # the article states its year elsewhere (see datelines.context_year).
    yearless: WireDateline | None = None


def _labelled(found: _Found, key: str, value: str) -> bool:
    value = _unquote(value)
    if not value:
        return True
    if key in ("title", "headline"):
        found.title = found.title or value
    elif key in ("author", "authors", "by"):
        found.author = found.author or ", ".join(split_authors(value))
    elif key in ("outlet", "publication", "publisher"):
        found.outlet = found.outlet or value
    elif key in ("url", "link"):
        found.url = found.url or _url_in(value)
    elif key == "source":
        url = _url_in(value)
        if url:
            found.url = found.url or url
            rest = _URL.sub("", value).strip(" ()[]<>-–—|,")
            if rest:
                found.outlet = found.outlet or rest
        else:
            found.outlet = found.outlet or value
    else:  # date, published, updated, posted, dateline
        if found.published is None or key in ("published", "date"):
            when = parse_dateline(value, fuzzy=True)
            if when is not None and (found.published is None or key != "updated"):
                found.published = when
    return True


def _examine(found: _Found, line: str, markdown: bool) -> bool:
    """Record what *line* tells; True when it is a metadata line (not a title candidate)."""
    if markdown and re.match(r"^#\s+\S", line):
        found.heading = found.heading or line.lstrip("#").strip().rstrip("#").strip()
        return True
    if markdown and line.startswith("#"):
        return False
    if len(line) > 80 and not _MAY_BE_METADATA.match(line):
        return False  # a line of text: none of the tests below can hold
    label = _LABEL.match(line)
    if label and (label.group(1).lower() != "source" or len(line) < 300):
        return _labelled(found, label.group(1).lower(), label.group(2))
    bare = line.strip("<>")
    if _URL.fullmatch(bare):
        found.url = found.url or bare.rstrip(".,;:!?")
        return True
    byline = _BYLINE.match(line)
    if byline and len(line) <= 120:
        names = split_authors(byline.group(1))
        if _looks_like_names(names):
            found.author = found.author or ", ".join(names)
            rest = _SEPARATORS.split(byline.group(1), maxsplit=1)
            if len(rest) > 1 and found.published is None:
                found.published = parse_dateline(rest[1])
            return True
    wire = read_wire_dateline(line)
    if wire is not None and (wire.city or len(line) <= 80):
        if wire.year is None:
            found.yearless = found.yearless or wire
        elif found.published is None:
            found.published = _from_wire(wire, wire.year)
        # A dateline opening the first paragraph: the paragraph is still text.
        return len(line) <= 80
    bullet = _BULLET_OUTLET.match(line)
    if bullet:
        found.outlet = found.outlet or bullet.group(1).strip()
        return True
    if len(line) <= 80:
        for part in _SEPARATORS.split(line):
            when = parse_dateline(part)
            if when is not None:
                if found.published is None:
                    found.published = when
                return True
    return False


HEAD_CHARS = 50_000
_WORD = re.compile(r"\w")
# A line of prose, with any blank lines before it: longer than 80 characters, nothing to
# strip at either end (see _clean), and not beginning as any metadata line may
# (_MAY_BE_METADATA matched in place: what it matches in a line alone, it matches there).
# Such a line is no metadata and, once the title is found, nothing else (see _examine).
_BLANKS = r"(?:[^\S\n]*\n)*"
_PROSE = re.compile(rf"{_BLANKS}(?!{_MAY_BE_METADATA.pattern})\S[^\n]{{79,}}\S(?:\n|\Z)")
_PROSE_MARKDOWN = re.compile(
    rf"{_BLANKS}(?!{_MAY_BE_METADATA.pattern})[^\s*_#][^\n]{{79,}}[^\s*_](?:\n|\Z)"
)


def _header_lines(text: str, markdown: bool) -> list[str]:
    """The first :data:`HEADER_LINES` non-empty lines of the header area, cleaned."""
    lines: list[str] = []
    for raw in text[:HEAD_CHARS].split("\n"):
        line = _clean(raw, markdown)
        if line:
            lines.append(line)
            if len(lines) == HEADER_LINES:
                break
    return lines


def extract_metadata(text: str, *, markdown: bool = False) -> Metadata:
    """Title, outlet, author, URL and publication time found in *text*'s header area.

    The title is a ``Title:`` line, else (Markdown) the first ``# Heading``,
    else the first line that is not itself metadata: kept whole when shorter
    than 200 characters, otherwise shortened to 120 at a word boundary (photo
    captions, marked by "©" or "Photo:", are passed over).  The
    outlet comes from an ``Outlet:``/``Source:`` line, else from the URL's host.
    """
    found = _Found()
    prose = _PROSE_MARKDOWN if markdown else _PROSE
    limit = min(len(text), HEAD_CHARS)
    seen = 0
    at = 0  # where the next line of the header area begins
    while True:
        # Once the title is found, a line of prose is only counted (one match, no copy).
        if found.first_line and (passed := prose.match(text, at, limit)) is not None:
            seen += 1
            if seen > HEADER_LINES:
                break
            at = passed.end()
            continue
        end = text.find("\n", at, limit)
        last = end < 0
        line = _clean(text[at : limit if last else end], markdown)
        at = end + 1
        if line:
            seen += 1
            if seen > HEADER_LINES:
                break
            is_meta = _examine(found, line, markdown)
            # Only the first line that is neither metadata nor a caption can be the title.
            if not (is_meta or found.first_line or _CAPTION.search(line) or not _WORD.search(line)):
                found.first_line = line.lstrip("#").strip() if markdown else line
        if last:
            break
    title = found.title or found.heading
    if not title and found.first_line:
        line = " ".join(found.first_line.split())
        title = line if len(line) < MAX_TITLE else shorten_title(line)
    outlet = found.outlet or (outlet_from_url(found.url) if found.url else "")
    notes: tuple[str, ...] = ()
    if found.published is None and found.yearless is not None:
        year = context_year(_header_lines(text, markdown), found.url)
        if year is not None:
            found.published = _from_wire(found.yearless, year)
        else:
            wire = found.yearless
            day = f"{calendar.month_abbr[wire.month]} {wire.day}"
            notes = (
                f"the dateline ({wire.city}, {day}) gives no year, and the article states "
                "none elsewhere; the publication date was left empty",
            )
    return Metadata(
        title=title[:500],
        outlet=outlet[:300],
        author=found.author[:300],
        url=found.url[:2000],
        published_at=found.published.when if found.published else None,
        published_offset=found.published.offset if found.published else None,
        published_zone=found.published.zone if found.published else "",
        notes=notes,
    )


__all__ = [
    "TZINFOS",
    "Dateline",
    "Metadata",
    "extract_metadata",
    "offset_minutes",
    "outlet_from_url",
    "parse_dateline",
    "parse_datetime",
    "shorten_title",
    "split_authors",
]


def document_metadata(text: str, *, title: str = "", author: str = "") -> Metadata:
    """Metadata for a document file (PDF, DOCX): its own properties, then its text's header.

    The publication time comes from the text only: a file's creation date tells
    when the file was made, not when the article was published.
    """
    found = extract_metadata(text)
    return replace(found, title=title.strip() or found.title, author=author.strip() or found.author)
