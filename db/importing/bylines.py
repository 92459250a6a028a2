"""Publication times from a page's byline, and the outlet's zone when the page names none.

A page's metadata often carries the day only, while its byline says
"Published: 13 Jan. 2025, 11:17".  :func:`byline_dateline` finds such a line
among the page's short text lines.  A time given without a zone is in the
outlet's own zone, not UTC: :func:`assume_outlet_zone` takes it from the
outlet's web address (a known outlet, or its country: ``.kr`` → Seoul), or
else from the page's language where one zone fits it (``lang="ko"``), and the
zone label says it was assumed.  Without a known zone the time stays as given,
taken as UTC, as everywhere in ClaimDesk.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from db.importing.metadata import Dateline, parse_dateline

_BYLINE = re.compile(
    r"^\s*(first\s+published|last\s+updated|published|updated|posted|date|"
    r"입력|기사입력|수정|опубликовано|обновлено|дата|udgivet|opdateret)\b",
    re.IGNORECASE,
)
_HAS_TIME = re.compile(r"\d{1,2}[:.]\d{2}")
# Country domains of the outlets analysts read most on this kind of story.
ZONE_OF_DOMAIN = {
    "kr": "Asia/Seoul",
    "kp": "Asia/Pyongyang",
    "jp": "Asia/Tokyo",
    "cn": "Asia/Shanghai",
    "tw": "Asia/Taipei",
    "ua": "Europe/Kyiv",
    "ru": "Europe/Moscow",
    "by": "Europe/Minsk",
    "dk": "Europe/Copenhagen",
    "de": "Europe/Berlin",
    "fr": "Europe/Paris",
    "pl": "Europe/Warsaw",
    "uk": "Europe/London",
}
# Outlets whose address names no country: the zone they publish in.
ZONE_OF_OUTLET = {
    "koreaherald.com": "Asia/Seoul",
    "chosun.com": "Asia/Seoul",
    "donga.com": "Asia/Seoul",
    "hankyung.com": "Asia/Seoul",
    "joins.com": "Asia/Seoul",
    "arirang.com": "Asia/Seoul",
    "nocutnews.com": "Asia/Seoul",
    "kyodonews.net": "Asia/Tokyo",
    "xinhuanet.com": "Asia/Shanghai",
    "scmp.com": "Asia/Hong_Kong",
    "tass.com": "Europe/Moscow",
    "rt.com": "Europe/Moscow",
    "kyivindependent.com": "Europe/Kyiv",
    "ukrinform.net": "Europe/Kyiv",
}
# A page written in one of these languages is read in that country's zone when its
# address tells nothing (languages spoken in one zone only).
ZONE_OF_LANGUAGE = {
    "ko": "Asia/Seoul",
    "ja": "Asia/Tokyo",
    "da": "Europe/Copenhagen",
}
MAX_LINE = 100


def byline_dateline(lines: Iterable[str]) -> Dateline | None:
    """The first byline ("Published: …", "입력 …") that names a date with a time."""
    for line in lines:
        line = " ".join(line.split())
        if not line or len(line) > MAX_LINE or not _BYLINE.match(line):
            continue
        if not _HAS_TIME.search(line):
            continue
        found = parse_dateline(line, fuzzy=True)
        if found is not None:
            return found
    return None


def zone_of_url(url: str) -> str | None:
    """The zone of a known outlet (www.koreaherald.com), else of the address's country."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host:
        return None
    labels = host.split(".")
    for n in range(len(labels) - 1):
        known = ZONE_OF_OUTLET.get(".".join(labels[n:]))
        if known is not None:
            return known
    return ZONE_OF_DOMAIN.get(labels[-1])


def zone_of_language(language: str) -> str | None:
    """The zone of a page in *language* (its ``lang``, e.g. ``ko-KR``), if only one fits."""
    primary = language.strip().lower().replace("_", "-").split("-", 1)[0]
    return ZONE_OF_LANGUAGE.get(primary)


def assume_outlet_zone(found: Dateline, url: str, language: str = "") -> Dateline:
    """*found* in the outlet's zone when it named none and the address, or else the
    page's language, tells the zone."""
    if found.offset is not None:
        return found
    name = (zone_of_url(url) if url else None) or zone_of_language(language)
    if name is None:
        return found
    zone = ZoneInfo(name)
    local = found.when.replace(tzinfo=None).replace(tzinfo=zone)
    offset = local.utcoffset() or dt.timedelta(0)
    abbreviation = local.tzname() or name.rsplit("/", 1)[-1]
    return Dateline(
        local.astimezone(dt.UTC), int(offset.total_seconds() // 60), f"{abbreviation} (assumed)"
    )


def better_dateline(metadata: Dateline | None, byline: Dateline | None) -> Dateline | None:
    """The metadata's time, unless it holds the day only and the byline gives the time."""
    if byline is None:
        return metadata
    if metadata is None:
        return byline
    day_only = metadata.when.time() == dt.time(0, 0) and metadata.offset is None
    if day_only and metadata.when.date() == byline.when.date():
        return byline
    return metadata
