"""Parts of a period and English seasons, resolved against the publication date.

A part of a month, year or week (``early this month``, ``at the end of last year``,
``مطلع الشهر الجاري``, ``в конце прошлого года``, ``i starten af måneden``, ``이달 초``)
runs over the first, middle or last third of it; the start of the current period is read
like ``earlier this month`` (from its first day to the publication date), and ``since``
the start of one (``منذ بداية الشهر``, ``с начала года``) is its first day.  A season
(``in the spring``, ``last winter``, ``the summer of 2024``) is its three months.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from db.assist.date_words import (
    Found,
    future_context,
    is_month_word,
    month_number,
    near_words,
    relative_period,
    season_span,
)
from db.assist.patterns import led

_PARTS: dict[str, str] = {
    "early": "early", "start": "early", "beginning": "early", "mid": "mid", "middle": "mid",
    "late": "late", "end": "late",
    "مطلع": "early", "بداية": "early", "أوائل": "early", "منتصف": "mid", "أواسط": "mid",
    "أواخر": "late", "نهاية": "late",
    "начала": "early", "начале": "early", "начало": "early", "началу": "early",
    "середина": "mid", "середине": "mid", "середины": "mid", "середину": "mid",
    "конца": "late", "конце": "late", "концу": "late", "конец": "late",
    "starten": "early", "begyndelsen": "early", "midten": "mid", "slutningen": "late",
    "udgangen": "late", "anfang": "early", "mitte": "mid", "ende": "late",
    "초": "early", "중순": "mid", "말": "late", "상반기": "first half", "하반기": "second half",
}  # fmt: skip
_NAMED_YEAR_PARTS = {"early": (1, 1), "mid": (5, 8), "late": (12, 12)}
_WHICH: dict[str, str] = {
    "the": "this", "this": "this", "last": "last", "next": "next",
    "الجاري": "this", "الحالي": "this", "الماضي": "last", "الماضية": "last",
    "المنصرم": "last", "المقبل": "next", "القادم": "next", "المقبلة": "next",
    "القادمة": "next",
    "этого": "this", "текущего": "this", "прошлого": "last", "следующего": "next",
    "denne": "this", "sidste": "last", "næste": "next",
    "des": "this", "der": "this", "dieses": "this", "dieser": "this", "vergangenen": "last",
    "letzten": "last", "vorigen": "last", "kommenden": "next", "nächsten": "next",
    "laufenden": "this",
}  # fmt: skip
_UNITS: dict[str, str] = {
    "month": "month", "year": "year", "week": "week",
    "الشهر": "month", "العام": "year", "السنة": "year", "الأسبوع": "week",
    "месяца": "month", "года": "year", "недели": "week",
    "måneden": "month", "måned": "month", "året": "year", "år": "year", "ugen": "week",
    "uge": "week", "monats": "month", "jahres": "year", "woche": "week",
    # a part of a season ("к концу лета"): that season of the paper's year
    "весны": "spring", "лета": "summer", "осени": "autumn", "зимы": "winter",
}  # fmt: skip
# Korean: the period and its part in one or two words ("이달 초", "지난해 말", "연말").
_KOREAN_PERIODS: dict[str, tuple[str, str]] = {
    "이달": ("this", "month"), "이번달": ("this", "month"), "이번 달": ("this", "month"),
    "지난달": ("last", "month"), "다음달": ("next", "month"), "다음 달": ("next", "month"),
    "월": ("this", "month"), "올해": ("this", "year"), "금년": ("this", "year"),
    "올": ("this", "year"), "연": ("this", "year"), "지난해": ("last", "year"),
    "작년": ("last", "year"), "내년": ("next", "year"), "이번주": ("this", "week"),
    "이번 주": ("this", "week"), "지난주": ("last", "week"), "다음주": ("next", "week"),
    "다음 주": ("next", "week"),
}  # fmt: skip

_PART_RE = led(
    # English
    r"(?<![\w-])(?:(?P<since>[Ss]ince)\s+)?(?:(?:at|in|by|until|from|toward|towards)\s+)?"
    r"(?:the\s+)?(?P<part>start|beginning|middle|end)\s+of\s+(?P<which>the|this|last|next)\s+"
    r"(?P<unit>month|year|week)(?![\w-])"
    r"|(?<![\w-])(?P<part2>[Ee]arly|[Mm]id|[Ll]ate)[- ](?P<which2>this|last|next)\s+"
    r"(?P<unit2>month|year|week)(?![\w-])"
    # Arabic
    r"|(?<![\w])(?:(?P<since3>[وف]?منذ)\s+)?(?:[وف]?(?:في|مع|حتى)\s+)?"
    r"(?<!عطلة )(?P<part3>مطلع|بداية|أوائل|منتصف|أواسط|أواخر|نهاية)\s+"
    r"(?P<unit3>الشهر|العام|السنة|الأسبوع)"
    r"(?:\s+(?P<which3>الجاري|الحالي|الماضي|الماضية|المنصرم|المقبل|القادم|المقبلة|القادمة))?"
    r"(?![\w])"
    # Russian
    r"|(?<![\w])(?:(?P<since4>[Сс])\s+)?(?:(?:[Вв]|(?P<by4>[Кк]|[Дд]о))\s+)?"
    r"(?P<part4>начал[аеоу]|середин[аеуы]|конц[аеу]|конец)\s+"
    r"(?:(?P<which4>этого|текущего|прошлого|следующего)\s+)?"
    r"(?P<unit4>месяца|года|недели|весны|лета|осени|зимы)"
    r"(?![\w])"
    # Danish
    r"|(?<![\w])(?:(?P<since5>[Ss]iden)\s+)?(?:(?:[Ii]|[Ff]ra|[Tt]il|[Ii]nden)\s+)?"
    r"(?P<part5>starten|begyndelsen|midten|slutningen|udgangen)\s+af\s+"
    r"(?:(?P<which5>denne|sidste|næste)\s+)?(?P<unit5>måneden|måned|året|år|ugen|uge)(?![\w])"
    # German
    r"|(?<![\w])(?:(?P<since7>[Ss]eit)\s+)?(?:(?:(?P<by7>[Bb]is)|[Aa]b)\s+)?"
    r"(?P<part7>[Aa]nfang|[Mm]itte|[Ee]nde)\s+(?:(?P<which7>des|der|dieses|dieser|vergangenen|"
    r"letzten|vorigen|kommenden|nächsten)\s+)?(?:(?P<which7b>vergangenen|letzten|vorigen|"
    r"kommenden|nächsten)\s+)?(?P<unit7>[Mm]onats|[Jj]ahres|[Ww]oche)(?![\w])"
    # the start, middle or end of a year named ("bis Ende 2027", "к концу 2027 года")
    r"|(?<![\w])(?:(?P<since10>[Ss]eit)\s+)?(?:(?:[Bb]is|[Aa]b)\s+)?"
    r"(?P<part10>[Aa]nfang|[Mm]itte|[Ee]nde)\s+(?P<y10>(?:19|20)\d\d)(?![\w])"
    r"|(?<![\w])(?:(?P<since11>[Сс])\s+)?(?:(?:[Вв]|[Кк]|[Дд]о)\s+)?"
    r"(?P<part11>начал[аеоу]|середин[аеуы]|конц[аеу]|конец)\s+(?P<y11>(?:19|20)\d\d)\s+года"
    r"(?![\w])"
    # German halves of a year ("im ersten Halbjahr", "in der zweiten Jahreshälfte 2024")
    r"|(?<![\w])(?:(?P<since8>[Ss]eit)\s+)?(?:(?:[Ii]m|[Ii]n\s+der|[Bb]is\s+zum|dem|der)\s+)?"
    r"(?P<part8>ersten|zweiten)\s+(?:Halbjahr(?:es)?|Jahreshälfte)(?:\s+(?:des\s+)?"
    r"(?P<which8>vergangenen|letzten|vorigen|laufenden|dieses|kommenden|nächsten)\s+Jahres|"
    r"\s+(?P<y8>(?:19|20)\d\d))?(?![\w])"
    # Korean
    r"|(?<![\w])(?P<ko>"
    + "|".join(sorted(_KOREAN_PERIODS, key=len, reverse=True))
    + r")\s?(?P<part6>초|중순|(?<!주)말|상반기|하반기)(?=[\s,.(]|까지|부터|에|의|께|쯤|$)"
    # a half of the year named alone is the current year's ("하반기에도 …"; not after a year,
    # "2025년 하반기", nor inside a word)
    r"|(?<![\w])(?<!년\s)(?<!해\s)(?P<part9>상반기|하반기)(?=[\s,.]|까지|부터|에|의|께|쯤|$)"
)
_KEYS = frozenset(
    [
        *_UNITS,
        "초",
        "말",
        "중순",
        "상반기",
        "하반기",
        "halbjahr",
        "halbjahres",
        "jahreshälfte",
        "anfang",
        "mitte",
        "ende",
    ]  # (the last three before a year named, "Ende 2027")
) | frozenset(w.split()[0] for w in _KOREAN_PERIODS if len(w) > 1)
_KOREAN_KEY_PREFIXES = (
    "연말",
    "연초",
    "월말",
    "월초",
    "올해",
    "이달",
    "지난",
    "작년",
    "내년",
    "상반기",
    "하반기",
)


def _is_key(word: str) -> bool:
    return word in _KEYS or word.startswith(_KOREAN_KEY_PREFIXES)


def _part_span(
    part: str, which: str, unit: str, since: bool, published: dt.date
) -> tuple[dt.date, dt.date]:
    lo, hi = relative_period(f"{which} {unit}", published)
    days = (hi - lo).days + 1
    if part.endswith("half"):  # 상반기, 하반기: the first or second half of the year
        start = lo.replace(month=1 if part == "first half" else 7)
        return (start, start) if since else (start, _month_end(lo.year, start.month + 5))
    if since:
        offset = {"early": 0, "mid": days // 3, "late": 2 * days // 3}[part]
        day = lo + dt.timedelta(days=offset)
        return day, day
    if part == "early" and which == "this" and lo <= published <= hi:
        return lo, published  # read like "earlier this month"
    if unit == "year":
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return lo.replace(month=months[0]), _month_end(lo.year, months[1])
    if unit == "month":
        first_day, last_day = {"early": (1, 10), "mid": (11, 20), "late": (21, days)}[part]
        return lo.replace(day=first_day), lo.replace(day=last_day)
    offsets = {"early": (0, 2), "mid": (2, 4), "late": (4, 6)}[part]
    return lo + dt.timedelta(days=offsets[0]), lo + dt.timedelta(days=offsets[1])


def _season_part(
    part: str, season: str, since: bool, published: dt.date
) -> tuple[dt.date, dt.date]:
    """A part of a season of the paper's year ("к концу лета"): the first ten days of its
    first month, the middle ten of its middle month, the last days of its last month."""
    months = _SEASON_MONTHS[season]
    year = published.year - (1 if months[0] == 12 and published.month <= 2 else 0)
    lo, hi = season_span(year, months)
    if since and lo > published:  # "с конца зимы" in November: the winter gone by
        lo, hi = season_span(year - 1, months)
    if part == "early":
        first, last = lo, lo + dt.timedelta(days=9)
    elif part == "mid":
        middle = lo.replace(day=28) + dt.timedelta(days=4)  # into the middle month
        first, last = middle.replace(day=11), middle.replace(day=20)
    else:
        first, last = hi.replace(day=21), hi
    return (first, first) if since else (first, last)


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def period_parts(folded: str, published: dt.date | None) -> Iterator[Found]:
    """Every part of a month, year or week in *folded*, resolved against *published*."""
    for m in near_words(folded, _PART_RE, _is_key):
        g = m.groupdict()
        named_part = g["part10"] or g["part11"]
        if named_part:
            # "Ende 2027": its December, "Anfang 2024" its January, "Mitte 2025" May to August
            # (as "the end of 2027", "the start of 2024", "the middle of 2025")
            year = int(g["y10"] or g["y11"])
            months = _NAMED_YEAR_PARTS[_PARTS[named_part.casefold()]]
            first = dt.date(year, months[0], 1)
            if g["since10"] or g["since11"]:
                yield m.start(), m.end(), first, first, True
            else:
                yield m.start(), m.end(), first, _month_end(year, months[1]), True
            continue
        if g["ko"]:
            which, unit = _KOREAN_PERIODS[g["ko"]]
            part = _PARTS[g["part6"]]
            since = folded[m.end() : m.end() + 2] == "부터"
            if part.endswith("half") and unit != "year":
                continue
        elif g["part9"]:  # "하반기에도": this year's half
            which, unit, part = "this", "year", _PARTS[g["part9"]]
            since = folded[m.end() : m.end() + 2] == "부터"
        elif g["part8"]:  # "im ersten Halbjahr": the first or second half of the year
            part = "first half" if g["part8"] == "ersten" else "second half"
            unit = "year"
            which = _WHICH.get((g["which8"] or "dieses").casefold(), "this")
            since = bool(g["since8"])
        else:
            n = next(i for i in ("", "2", "3", "4", "5", "7") if g[f"part{i}"])
            part = _PARTS[g[f"part{n}"].casefold()]
            unit = _UNITS[g[f"unit{n}"].casefold()]
            which_word = g["which7b"] or g.get(f"which{n}") or "this"
            which = _WHICH.get(which_word.casefold(), "this")
            since = bool(g.get(f"since{n}"))
            by = bool(g.get(f"by{n}"))
            if unit in _SEASON_MONTHS and published is not None:
                first, last = _season_part(part, unit, since, published)
                yield m.start(), m.end(), first, last, True
                continue
            if by and part == "late" and unit == "year" and not since and published is not None:
                # "до конца года", "bis Ende des Jahres": a deadline, the year's December
                lo, _ = relative_period(f"{which} year", published)
                yield m.start(), m.end(), lo.replace(month=12), lo.replace(month=12, day=31), True
                continue
        reference = published
        if g.get("y8"):  # "im ersten Halbjahr 2024": that year's
            reference, which = dt.date(int(g["y8"]), 12, 31), "this"
        if reference is None:
            yield m.start(), m.end(), None, None, True
            continue
        first, last = _part_span(part, which, unit, since, reference)
        if g["ko"] and not since and unit in ("month", "year"):
            first, last = _korean_part(part, unit, first, last, reference)
        yield m.start(), m.end(), first, last, True


def _korean_part(
    part: str, unit: str, first: dt.date, last: dt.date, published: dt.date
) -> tuple[dt.date, dt.date]:
    """A Korean part of a month or year: "이달 초" is the month's first ten days (up to the
    publication date when that falls in them), "연말", "올해 말" the year's December."""
    if unit == "month" and part == "early":
        month_start = first.replace(day=1)
        tenth = month_start.replace(day=10)
        same_month = (published.year, published.month) == (first.year, first.month)
        return month_start, min(tenth, published) if same_month else tenth
    if unit == "year" and part == "late":
        return first.replace(month=12, day=1), _month_end(first.year, 12)
    return first, last


_AR_MONTH_NAMES = (
    "يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|"
    "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول"
)
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)"
# The part of a named month: "в начале марта", "i midten af april", "مطلع مارس/آذار".
_PART_MONTH_RE = led(
    r"(?<![\w])(?:(?P<since>[Сс]|[Ss]iden|[Ss]eit|[وف]?منذ)\s+)?(?:(?:[Вв]|[Кк]|[Дд]о|[Ii]|[Ff]ra|[Tt]il|"
    r"[Bb]is|[Aa]b|"
    r"[وف]?(?:في|حتى))\s+)?"
    r"(?:(?P<ru>начал[аеоу]|середин[аеуы]|конц[аеу]|конец)\s+(?P<rm>января|февраля|марта|"
    r"апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
    r"|(?P<da>starten|begyndelsen|midten|slutningen|udgangen)\s+af\s+(?P<dm>januar|februar|"
    r"marts|april|maj|juni|juli|august|september|oktober|november|december)"
    r"|(?P<de>[Aa]nfang|[Mm]itte|[Ee]nde)\s+(?P<gm>(?i:januar|jänner|februar|märz|april|mai|juni|"
    r"juli|august|september|oktober|november|dezember|(?:jan|feb|mär|apr|aug|sept?|okt|nov|dez)\.))"
    r"|(?P<ar>مطلع|بداية|أوائل|منتصف|أواسط|أواخر|نهاية)\s+(?:شهر\s+)?(?P<am>"
    + _AR_MONTH_NAMES
    + r")(?:\s*/\s*(?:"
    + _AR_MONTH_NAMES
    + r"))?)"
    r"(?:\s+(?:عام\s+)?" + _YEAR + r"(?:\s+(?:года|г\.))?)?(?![\w])"
)


def month_parts(folded: str, published: dt.date | None) -> Iterator[Found]:
    """The first, middle or last third of a named month (its first day after "since")."""
    for m in near_words(folded, _PART_MONTH_RE, is_month_word):
        month = month_number(m["rm"] or m["dm"] or m["am"] or m["gm"])
        if month is None:
            continue
        part = _PARTS[(m["ru"] or m["da"] or m["ar"] or m["de"]).casefold()]
        if m["y"]:
            year = int(m["y"])
        elif published is None:
            yield m.start(), m.end(), None, None, True
            continue
        else:
            year = published.year
            if future_context(folded, m.start()):
                year += 1 if _month_end(year, month) < published else 0
            elif dt.date(year, month, 1) > published + dt.timedelta(days=31):
                year -= 1
        last_day = _month_end(year, month).day
        first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day)}[part]
        if m["since"]:
            last = first
        yield (
            m.start(),
            m.end(),
            dt.date(year, month, first),
            dt.date(year, month, last),
            not m["y"],
        )


_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
                  "winter": (12, 14)}  # fmt: skip
_SEASON_RE = led(
    r"(?<![\w-])(?P<prep>[Ii]n|[Dd]uring|[Oo]ver|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]hrough|[Tt]hroughout|"
    r"[Tt]his|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|(?:[Ee]arlier|[Ll]ater)\s+this)[- ]"
    r"(?:the\s+)?(?:(?:early|late)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
    r"(?:(?:\s+of)?\s+(?P<y>(?:1[89]|20)\d\d))?(?![\w-])"
)


def english_seasons(folded: str, published: dt.date | None) -> Iterator[Found]:
    """Seasons of English text: the three months of that season of the year written, else of
    the publication year (``last`` the one before it ended, ``next`` the one after)."""
    for m in near_words(folded, _SEASON_RE, _SEASON_MONTHS.__contains__):
        season, prep = m["season"], m["prep"].casefold()
        if season == "fall" and not m["y"] and prep not in ("this", "last", "next"):
            continue  # "injured in the fall"
        months = _SEASON_MONTHS[season]
        if m["y"]:
            yield m.start(), m.end(), *season_span(int(m["y"]), months), False
            continue
        if published is None:
            yield m.start(), m.end(), None, None, True
            continue
        year = published.year - (1 if months[0] == 12 and published.month <= 2 else 0)
        lo, hi = season_span(year, months)
        ahead = prep == "next" or (prep != "last" and future_context(folded, m.start()))
        if prep == "last" and hi >= published:
            lo, hi = season_span(year - 1, months)
        elif ahead and (hi < published or (prep == "next" and lo <= published)):
            lo, hi = season_span(year + 1, months)
        elif not ahead and prep != "this" and lo > published:
            lo, hi = season_span(year - 1, months)  # "was noticed in the summer", in April
        yield m.start(), m.end(), lo, hi, True


# Quarters of a year in each language: "the third quarter (of 2025)", "Q3 2025", "i første
# kvartal", "в третьем квартале прошлого года", "올해 1분기", "الربع الأول من العام الجاري".
_QUARTER_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4,
    "første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4,
    "первом": 1, "втором": 2, "третьем": 3, "четвертом": 4, "четвёртом": 4, "первый": 1,
    "второй": 2, "третий": 3, "четвертый": 4, "четвёртый": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4,
    "الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": 4,
}  # fmt: skip
_YEAR_WHICH: dict[str, str] = {
    "this": "this", "last": "last", "next": "next", "i år": "this", "sidste år": "last",
    "næste år": "next", "этого": "this", "текущего": "this", "прошлого": "last",
    "следующего": "next", "올해": "this", "금년": "this", "지난해": "last", "작년": "last",
    "내년": "next", "الجاري": "this", "الحالي": "this", "الماضي": "last", "المقبل": "next",
}  # fmt: skip
_ORDINALS = "|".join(sorted(_QUARTER_WORDS, key=len, reverse=True))
_QUARTER_RE = led(
    # English
    rf"(?<![\w-])(?:the\s+)?(?P<en>{_ORDINALS})[\s-]+quarter(?:\s+of\s+(?:(?P<en_y>(?:19|20)\d\d)|"
    r"(?:the\s+)?(?P<en_which>this|last|next)\s+year))?(?![\w-])"
    r"|(?<![\w-])q(?P<q>[1-4])(?:\s+(?P<q_y>(?:19|20)\d\d))?(?![\w-])"
    # Danish
    rf"|(?<![\w-])(?P<da>{_ORDINALS})\s+kvartal(?:\s+(?:af\s+)?(?P<da_y>(?:19|20)\d\d)|"
    r"\s+(?P<da_which>i år|sidste år|næste år))?(?![\w-])"
    # Russian
    rf"|(?<![\w-])(?P<ru>{_ORDINALS})\s+квартал[еау]?(?:\s+(?P<ru_y>(?:19|20)\d\d)\s+года?|"
    r"\s+(?P<ru_which>этого|текущего|прошлого|следующего)\s+года)?(?![\w-])"
    # Korean
    r"|(?:(?P<ko_y>(?:19|20)\d\d)년\s?|(?P<ko_which>올해|금년|지난해|작년|내년)\s?)?"
    r"(?P<ko>[1-4])\s?분기"
    # Arabic
    rf"|(?<![\w-])الربع\s+(?P<ar>{_ORDINALS})(?:\s+(?:من|في)\s+(?:(?:العام|عام|السنة)\s+)?"
    r"(?P<ar_y>(?:19|20)\d\d)|\s+(?:من\s+)?(?:العام|السنة)\s+(?P<ar_which>الجاري|الحالي|"
    r"الماضي|المقبل))?(?![\w-])",
    re.IGNORECASE,
)
_QUARTER_NOUNS = frozenset("quarter kvartal квартал квартале квартала кварталу الربع".split())
_QUARTER_KEYS = ("uarter", "kvartal", "вартал", "분기", "الربع", "Q1", "Q2", "Q3", "Q4", "q1", "q2",
                 "q3", "q4")  # fmt: skip


def _is_quarter_word(word: str) -> bool:
    return word in _QUARTER_NOUNS or word.endswith("분기") or word in ("q1", "q2", "q3", "q4")


def quarters(folded: str, published: dt.date | None) -> Iterator[Found]:
    """Quarters of a year: the year written, else the one a word names ("of last year",
    "прошлого года", "지난해"), else the latest that had begun by the publication date (the
    next one when the sentence speaks of what will be)."""
    if not any(key in folded for key in _QUARTER_KEYS):
        return
    for m in near_words(folded, _QUARTER_RE, _is_quarter_word):
        lang = next(k for k in ("en", "q", "da", "ru", "ko", "ar") if m[k])
        word = m[lang].casefold()
        number = int(word) if word.isdigit() else _QUARTER_WORDS[word]
        if lang == "ru" and word in ("i", "ii", "iii", "iv") and not m["ru_y"]:
            continue  # a Roman numeral needs its year ("в III квартале 2025 года")
        year_text = m[f"{lang}_y"] if lang != "q" else m["q_y"]
        which = (m.groupdict().get(f"{lang}_which") or "").casefold()
        first_month = 3 * (number - 1) + 1
        if year_text:
            year = int(year_text)
            lo, hi = dt.date(year, first_month, 1), _month_end(year, first_month + 2)
            yield m.start(), m.end(), lo, hi, False
            continue
        if published is None:
            yield m.start(), m.end(), None, None, True
            continue
        year = published.year + {"this": 0, "last": -1, "next": 1}.get(
            _YEAR_WHICH.get(which, ""), 0
        )
        if not which and dt.date(year, first_month, 1) > published:
            if not future_context(folded, m.start()):
                year -= 1  # "the fourth quarter", said in May: the last one
        lo, hi = dt.date(year, first_month, 1), _month_end(year, first_month + 2)
        yield m.start(), m.end(), lo, hi, True


__all__ = ["english_seasons", "month_parts", "period_parts", "quarters"]
