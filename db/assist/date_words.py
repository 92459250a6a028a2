"""Date expressions of Russian, Danish, Korean and Arabic news text, and English weekdays
after ``by``, ``since`` and ``until``.

Each pattern gives a span and a rule to resolve it against the publication date:
weekdays (``в среду``, ``onsdag morgen``, ``natten til søndag``, ``يوم الأربعاء``,
``수요일``), relative periods (``на прошлой неделе``, ``i sidste uge``, ``지난주``,
``الأسبوع الماضي``, ``내년 봄``), Korean days of the month (``18일``, ``지난 16일부터
사흘간``), months with or without a year (``в марте 2022 года``, ``i marts``, ``في مارس``)
and years (``в 2019 году``, ``عام 2019``).  Without a publication date a relative
expression is found but left unresolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from array import array
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import accumulate

from db.assist import lexicon
from db.assist.patterns import led

Found = tuple[int, int, dt.date | None, dt.date | None, bool]  # start, end, first, last, relative

# Weekday words (Monday = 0) as they follow a preposition or stand alone.
_WEEKDAY_WORDS: dict[str, int] = {}
for _i, _forms in enumerate(
    [
        "понедельник понедельника понедельнику mandag mandags الاثنين الإثنين 월요일 montag",
        "вторник вторника вторнику tirsdag tirsdags الثلاثاء 화요일 dienstag",
        "среду среда среды среде onsdag onsdags الأربعاء 수요일 mittwoch",
        "четверг четверга четвергу torsdag torsdags الخميس 목요일 donnerstag",
        "пятницу пятница пятницы пятнице fredag fredags الجمعة 금요일 freitag",
        "субботу суббота субботы субботе lørdag lørdags السبت 토요일 samstag sonnabend",
        "воскресенье воскресенья воскресенью søndag søndags الأحد 일요일 sonntag",
    ]
):
    for _w in _forms.split():
        _WEEKDAY_WORDS[_w] = _i
_WEEKDAY_ALT = "|".join(sorted(_WEEKDAY_WORDS, key=len, reverse=True))
_EN_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# A German clause in a past tense ("bis Dienstag seien 600 Notrufe eingegangen"): "bis" then
# names the day gone by the count had reached.
_DE_PAST = re.compile(
    r"(?<![\w])(?:war|waren|wurde|wurden|hatte|hatten)(?![\w])"
    r"|(?<![\w])\w*ge\w+(?:t|en)\s+(?:seien|sind|ist|sei|habe|haben|hat|hatten|worden)(?![\w])"
    r"|(?<![\w])(?:seien|sind|ist|sei|habe|haben|hat)\s[^.,;!?]*?\w*ge\w+(?:t|en)(?=\s*[.,;!?])"
)
_DE_WEEKDAYS = tuple(
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag".split()
)
# A German weekday and the part of its day in one word ("Dienstagabend").
_DE_DAY_PARTS = r"(?:abend|morgen|nachmittag|vormittag|mittag|nacht)"

# (pattern, rule): rule names how the words resolve (see _resolve_rule).
_RELATIVE: list[tuple[str, str]] = [
    # Russian
    (r"на\s+(?:прошлой|минувшей)\s+неделе", "last week"),
    # what was counted over a period: "за прошлую неделю", "за прошлый месяц"
    (r"за\s+(?:прошлую|минувшую)\s+неделю", "last week"),
    (r"за\s+(?:прошлый|минувший)\s+месяц", "last month"),
    (r"за\s+(?:прошлый|минувший)\s+год", "last year"),
    (r"за\s+последнюю\s+неделю", "past week"),
    (r"на\s+этой\s+неделе", "this week"),
    (r"на\s+следующей\s+неделе", "next week"),
    (r"в\s+(?:прошлом|минувшем)\s+месяце", "last month"),
    (r"в\s+этом\s+месяце", "this month"),
    (r"в\s+(?:прошлом|минувшем)\s+году", "last year"),
    (r"в\s+этом\s+году", "this year"),
    (r"в\s+следующем\s+году", "next year"),
    (r"в\s+течение\s+(?:последней\s+|прошлой\s+)?недели", "past week"),
    (r"прошлогодн\w+", "last year"),
    (r"(?:в|на)\s+(?:минувшие\s+|прошедшие\s+)?выходн(?:ые|ых)", "weekend"),
    (r"ранее\s+в\s+этом\s+году", "year so far"),
    (r"с\s+начала\s+(?:суток|дня)", "today"),
    (r"позавчера", "two days ago"),
    (r"накануне(?!\s+\w+(?:а|я|и|ы)\b)", "yesterday"),
    (r"вчера", "yesterday"),
    (r"сегодня", "today"),
    # Danish
    (r"tidligere\s+i\s+år|siden\s+nytår", "year so far"),
    (r"tidligere\s+(?:på|i)\s+måneden|tidligere\s+i\s+denne\s+måned", "month so far"),
    (r"tidligere\s+(?:på|i)\s+ugen|tidligere\s+i\s+denne\s+uge", "week so far"),
    (r"i\s+morgentimerne|i\s+nattens\s+løb", "today"),
    (r"i\s+sidste\s+uge", "last week"),
    (r"i\s+denne\s+uge", "this week"),
    (r"i\s+næste\s+uge|næste\s+uge", "next week"),
    (r"i\s+sidste\s+måned|sidste\s+måned", "last month"),
    (r"sidste\s+års?|i\s+fjor", "last year"),
    (r"i\s+år|dette\s+års", "this year"),
    (r"næste\s+års?", "next year"),
    (r"i\s+weekenden|(?:i\s+)?(?:den\s+)?forgangne\s+weekend", "weekend"),
    (r"i\s+forgårs", "two days ago"),
    (r"i\s+aftes", "yesterday"),
    (r"i\s+morges", "today"),
    (r"i\s+går", "yesterday"),
    (r"i\s+dag", "today"),
    (r"i\s+morgen", "tomorrow"),
    # German
    (
        r"(?:in\s+der\s+)?(?:vergangenen|letzten|vorigen)\s+woche|(?:vergangene|letzte|vorige)\s+woche",
        "last week",
    ),
    (r"(?:in\s+)?dieser\s+woche|diese\s+woche", "this week"),
    (r"(?:in\s+der\s+)?(?:kommenden|nächsten)\s+woche|(?:kommende|nächste)\s+woche", "next week"),
    (r"(?:im\s+)?(?:vergangenen|letzten|vorigen)\s+monat", "last month"),
    (r"(?:in\s+)?diesem\s+monat|diesen\s+monat", "this month"),
    (r"(?:im\s+)?(?:kommenden|nächsten)\s+monat", "next month"),
    (
        r"(?:im\s+)?(?:vergangenen|letzten|vorigen)\s+jahr|(?:vergangenes|letztes|voriges)\s+jahr"
        r"|(?:im\s+)?vorjahr",
        "last year",
    ),
    (r"(?:in\s+)?diesem\s+jahr|dieses\s+jahr|(?:im\s+)?laufenden\s+jahr", "this year"),
    (r"(?:im\s+)?(?:kommenden|nächsten)\s+jahr|nächstes\s+jahr", "next year"),
    (
        r"(?<!kommenden\s)(?<!nächsten\s)(?:am\s+)?(?:vergangenen\s+|letzten\s+)?wochenende",
        "weekend",
    ),
    (r"seit\s+(?:jahresbeginn|jahresanfang)|(?:im\s+)?bisherigen\s+jahresverlauf", "year so far"),
    (r"vorgestern", "two days ago"),
    (r"gestern(?:\s+(?:abend|morgen|nachmittag|vormittag|mittag|früh))?", "yesterday"),
    (r"heute(?:\s+(?:abend|morgen|nachmittag|vormittag|mittag|früh))?", "today"),
    # Korean
    (r"올해\s?들어", "year so far"),
    (r"이달\s?들어", "month so far"),
    (r"지난\s?주말", "weekend"),
    (r"이번\s?주말", "this weekend"),
    (r"다음\s?주말", "next weekend"),
    (r"지난\s?주", "last week"),
    (r"이번\s?주", "this week"),
    (r"다음\s?주", "next week"),
    (r"지난\s?달", "last month"),
    (r"이번\s?달", "this month"),
    (r"다음\s?달", "next month"),
    (r"지난해|작년", "last year"),
    (r"올해|금년", "this year"),
    (r"내년", "next year"),
    (r"그저께|그제", "two days ago"),
    (r"어제|전날", "yesterday"),
    (r"내일", "tomorrow"),
    # Arabic
    (r"(?:في\s+)?الأسبوع\s+الماضي", "last week"),
    (r"(?:في\s+)?(?:هذا\s+الأسبوع|الأسبوع\s+الجاري)", "this week"),
    (r"(?:في\s+)?الأسبوع\s+(?:المقبل|القادم)", "next week"),
    (r"(?:في\s+)?الشهر\s+الماضي", "last month"),
    (r"(?:في\s+)?الشهر\s+(?:المقبل|القادم)", "next month"),
    (r"(?:في\s+)?(?:العام|السنة)\s+الماضي(?:ة)?", "last year"),
    (r"(?:في\s+)?(?:هذا\s+العام|العام\s+الجاري)", "this year"),
    (r"(?:في\s+)?(?:العام|السنة)\s+(?:المقبل|القادم)(?:ة)?", "next year"),
    (r"(?:خلال|في)\s+عطلة\s+نهاية\s+الأسبوع(?:\s+الماضية)?", "weekend"),
    (r"أول\s+أمس|أمس\s+الأول", "two days ago"),
    (r"أمس", "yesterday"),
    (r"(?:صباح|ظهر|فجر|مساء)\s+(?:اليوم|هذا\s+اليوم)", "today"),
]
_SEASONS = {
    "봄": (3, 5), "여름": (6, 8), "가을": (9, 11), "겨울": (12, 14),
    "весной": (3, 5), "летом": (6, 8), "осенью": (9, 11), "зимой": (12, 14),
    "foråret": (3, 5), "sommeren": (6, 8), "efteråret": (9, 11), "vinteren": (12, 14),
    "frühjahr": (3, 5), "frühling": (3, 5), "sommer": (6, 8), "herbst": (9, 11),
    "winter": (12, 14),
    "الربيع": (3, 5), "الصيف": (6, 8), "الخريف": (9, 11), "الشتاء": (12, 14),
}  # fmt: skip
_LEFT = r"(?<![\w])"
# the particle after a Korean date word, the comparison base ("지난해보다") and the subject
# ("다음 주가") included
# (two particles together: "지난달에만", "지난해부터는", "올해까지도")
_KO_PARTICLE = (
    r"(?:(?:까지|부터|에서|에)(?:만|는|도|은|의)?|보다|엔|은|는|의|도|가|이|를|을|와|과|로|만)?"
)
_RIGHT = r"(?![\w])"
_RELATIVE_RE = led(
    _LEFT
    + r"(?:"
    + "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(_RELATIVE))
    + r")"
    + r"(?:\s?(?P<season>"
    + "|".join(_SEASONS)
    + r"))?"
    + r"(?:\s?(?:오전|오후|새벽|밤|저녁|아침))?"
    + _KO_PARTICLE
    + _RIGHT,
    re.IGNORECASE,
)
_WEEKDAY_RE = led(
    _LEFT
    + r"(?P<prep>в\s+ночь\s+(?:на|с)\s+|(?:(?:на|к|до|с)\s+)?(?:утр(?:о|а|у|ом)|"
    + r"вечер(?:а|у|ом)?|д(?:ень|ня|ню|нём|нем)|ноч(?:ь|и))\s+|(?:в|во|с|со|до|к|ко)\s+|"
    + r"(?:natten\s+til|i|på|fra|til|siden)\s+|(?:منذ\s+|حتى\s+)?(?:يوم\s+)|حتى\s+|"
    + r"(?:am|seit|bis|ab)\s+(?:(?:vergangenen|letzten|vorigen|kommenden|nächsten)\s+)?|"
    + r"(?:vergangenen|letzten|vorigen|kommenden|nächsten)\s+|in\s+der\s+nacht\s+zum\s+|"
    + r"(?:지난|다음|이번)\s?)?"
    + r"(?P<wd>"
    + _WEEKDAY_ALT
    + r")"
    + r"(?:(?<=g|h)"  # German: "Dienstagabend", "Mittwochabend"
    + _DE_DAY_PARTS
    + r")?"
    + r"(?:\s+(?:morgen|aften|eftermiddag|formiddag|nat|утром|вечером|днём|днем|ночью|"
    + r"صباح|مساء)|\s?(?:오전|오후|새벽|밤))?"
    + r"(?:\s+(?P<ar_next>المقبل|القادم)|\s+(?P<ar_last>الماضي))?"
    + _KO_PARTICLE
    + _RIGHT,
    re.IGNORECASE,
)
# English weekdays after a preposition that tells the tense ("by Sunday", "since Monday").
_EN_WEEKDAY_RE = led(
    r"\b(?P<prep>(?:[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom)\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b(?!\s+[A-Z])"
    # (a weekday before its date, "Thursday, 24 September", is read with the date)
    r"(?!,?\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+)"
)
# "this weekend", "through the weekend", "last weekend".
_EN_WEEKEND_RE = led(r"\b(?P<which>[Tt]his|[Nn]ext|[Ll]ast|the)\s+weekend\b")
_KO_DAY_RE = led(
    # "이날": the day the article has just named (the paper's day when it has named none)
    r"(?<![\w])(?P<that>이날)(?![\w])|"
    # the month may come first: "다음 달 5일", "지난달 28일", "이달 3일"
    r"(?<![\d월만,.])(?:(?P<month>다음\s?달|지난\s?달|이달|이번\s?달)\s?)?"
    # ("3일치", "3일간", "3일 동안" are spans of days, "19일 치러지는" is a day)
    r"(?P<last>지난\s?|오는\s?)?(?P<d>\d{1,2})일(?!간|동안|째|치|\s동안)"
    r"(?:\s?(?:오전|오후|새벽|밤))?"
    r"(?:부터\s?(?P<span>이틀|사흘|나흘|닷새|엿새|이레|열흘|\d{1,2}일)간?)?"
)
_KO_SPANS = {"이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "열흘": 10}
_AR_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6,
    "يوليو": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted([*lexicon.MONTHS, *_AR_MONTHS], key=len, reverse=True))
_MONTH_RE = led(
    _LEFT
    + r"(?P<prep>в|во|с|до|i|fra|til|siden|im|seit|bis|ab|في|منذ|(?:في|منذ)\s+شهر|يوم)?\s*"
    + r"(?:(?P<d>\d{1,2})\.?\s+)?"
    + r"(?P<m>"
    + _MONTH_ALT
    + r")"
    + r"(?:\s+(?:عام\s+)?(?P<y>(?:1[89]|20)\d\d)(?:\s*(?:года|г\.|م))?"
    # the year named by a word: "في أغسطس من العام الماضي", "в марте прошлого года",
    # "i marts sidste år"
    + r"|\s+(?:من\s+(?:العام|السنة|هذا\s+العام)(?:\s+(?P<ar_which>الماضي|المنصرم|الجاري|الحالي|"
    + r"المقبل|القادم))?|(?P<ru_which>прошлого|этого|текущего|следующего)\s+года|"
    + r"(?P<da_which>sidste|næste|i)\s+år|"
    # "im März vergangenen Jahres"
    + r"(?P<de_which>vergangenen|letzten|vorigen|dieses|kommenden|nächsten)\s+jahres))?"
    + _RIGHT,
    re.IGNORECASE,
)
_YEAR_RE = led(
    _LEFT
    + r"(?P<prep>(?:منذ|في|خلال)\s+)?(?:عام|العام|سنة)\s+(?P<y>(?:1[89]|20)\d\d)(?!\d)"
    + r"|"
    + _LEFT
    + r"(?:[Вв]|[Сс]|[Дд]о|[Кк])\s+(?P<y2>(?:1[89]|20)\d\d)\s+(?:году|года|г\.)"
    + r"|(?<![\d월])(?P<y3>(?:1[89]|20)\d\d)년(?!\s?\d{1,2}월)"
    + r"|"
    + _LEFT
    + r"(?:(?:[Ii]m|[Ss]eit\s+dem|[Bb]is\s+zum)\s+)?[Jj]ahre?\s+(?P<y4>(?:1[89]|20)\d\d)(?!\d)"
)


_TOKEN_SPLIT = re.compile(r"(\w+)")  # the words (\w+), kept by a split of the text
_NON_WORD = re.compile(r"\W")
_REACH = 30  # how far a pattern may run before or after its key word
# Characters split at a time by :func:`_words` (then on to the next line break): a split
# of a whole long article makes a string of each word and of each gap between two, some
# 6 MiB for 200,000 characters at once, where a stretch at a time holds a few hundred KiB.
_WORDS_STRETCH = 8192


@lru_cache(maxsize=2)
def _words(folded: str) -> tuple[array[int], array[int], list[str]]:
    """Every word of *folded*: where it starts and ends and its casefolded form, read once
    for all the patterns.  Kept compact (positions in arrays, each distinct word once): a
    long article has tens of thousands of words, and a tuple per word would hold megabytes."""
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    distinct: dict[str, str] = {}
    words: list[str] = []
    at, size = 0, len(folded)
    while at < size:
        # (a stretch ends after a line break, which no word holds, or at the end)
        cut = folded.find("\n", at + _WORDS_STRETCH)
        cut = size if cut < 0 else cut + 1
        # the stretch cut into what lies between words and the words, alternately: each
        # piece's end is the stretch's start and the lengths before it
        pieces = _TOKEN_SPLIT.split(folded[at:cut])
        offsets = list(accumulate(map(len, pieces), initial=at))
        starts.extend(offsets[1:-1:2])
        ends.extend(offsets[2::2])
        words += [distinct.setdefault(word, word) for word in map(str.casefold, pieces[1::2])]
        at = cut
    return starts, ends, words


@lru_cache(maxsize=2)
def _positions(folded: str) -> dict[str, array[int]]:
    """Each distinct word of *folded* and the indexes of its occurrences in :func:`_words`:
    a key is then tested once a word, not once an occurrence."""
    out: dict[str, array[int]] = {}
    for i, word in enumerate(_words(folded)[2]):
        found = out.get(word)
        if found is None:
            out[word] = found = array("q")
        found.append(i)
    return out


def near_words(
    folded: str, pattern: re.Pattern[str], key: Callable[[str], bool]
) -> Iterator[re.Match[str]]:
    """The matches of *pattern* around the words of *folded* that *key* accepts."""
    return _near_words(folded, pattern, key)


def relative_period(rule: str, published: dt.date) -> tuple[dt.date, dt.date]:
    """The days of ``this|last|next week|month|year`` in an article published then."""
    return _period(rule, published)


def season_span(year: int, months: tuple[int, int]) -> tuple[dt.date, dt.date]:
    """The first and last day of a season of *year* (months past 12 run into the next)."""
    return _season(year, months)


def month_number(name: str) -> int | None:
    """The month a month name of any of the readers' languages names ("марта", "آذار")."""
    return _AR_MONTHS.get(name) or lexicon.MONTHS.get(name.casefold().rstrip("."))


def is_month_word(word: str) -> bool:
    return word in _MONTH_WORDS


def word_index(folded: str) -> tuple[array[int], array[int], list[str]]:
    """Where each word of *folded* starts and ends and its casefolded form (cached: the
    figure and date readers of one text share it)."""
    return _words(folded)


def forget_word_index() -> None:
    """Drop the words kept by :func:`word_index` (and their positions): once the figure
    and date readers of a long article are done, nothing else reads them, and they hold
    over a MiB for 200,000 characters while its attributions and suggestions are made."""
    _words.cache_clear()
    _positions.cache_clear()


def _near_words(
    folded: str, pattern: re.Pattern[str], key: Callable[[str], bool]
) -> Iterator[re.Match[str]]:
    """The matches of *pattern* that hold a word *key* accepts, in order.

    Testing each word against a set is far cheaper than trying a long alternation at every
    position of a long article; the pattern is then run only around the words that pass.
    """
    found: dict[tuple[int, int], re.Match[str]] = {}
    starts, ends, _ = _words(folded)
    hits: list[int] = []
    for word, where in _positions(folded).items():
        if key(word):
            hits.extend(where)
    hits.sort()
    for i in hits:
        start, end = starts[i], ends[i]
        lo = max(0, start - _REACH)
        space = folded.rfind(" ", 0, lo + 1) if lo else 0
        lo = max(space, 0)
        stop = _NON_WORD.search(folded, end + _REACH)
        hi = stop.start() if stop else len(folded)
        for m in pattern.finditer(folded, lo, hi):
            if m.start() <= start < m.end():
                found.setdefault((m.start(), m.end()), m)
            if m.end() > start:
                break  # (the matches after it start after the word)
    kept_end = -1
    for (start, _end), m in sorted(found.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        if start >= kept_end:
            kept_end = m.end()
            yield m


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _period(rule: str, p: dt.date) -> tuple[dt.date, dt.date]:
    """The days a relative expression names in an article published on *p*."""
    monday = p - dt.timedelta(days=p.weekday())
    one = dt.timedelta(days=1)
    if rule == "yesterday":
        return p - one, p - one
    if rule == "weekend":  # the last Saturday and Sunday up to the paper's day
        saturday = p - dt.timedelta(days=(p.weekday() - 5) % 7)
        return saturday, saturday + one
    if rule in ("this weekend", "next weekend"):  # "이번 주말": the week's Saturday and Sunday
        saturday = monday + dt.timedelta(days=5 + 7 * (rule == "next weekend"))
        return saturday, saturday + one
    if rule == "two days ago":
        return p - 2 * one, p - 2 * one
    if rule == "today":
        return p, p
    if rule == "tomorrow":
        return p + one, p + one
    if rule == "past week":
        return p - dt.timedelta(days=7), p
    if rule.endswith("so far"):  # "tidligere i år", "с начала месяца": up to the paper's day
        lo = _period("this " + rule.split()[0], p)[0]
        return lo, p
    if rule.endswith("week"):
        shift = {"last": -7, "this": 0, "next": 7}[rule.split()[0]]
        lo = monday + dt.timedelta(days=shift)
        return lo, lo + dt.timedelta(days=6)
    if rule.endswith("month"):
        lo, hi = _month_span(p.year, p.month)
        if rule.startswith("last"):
            prev = lo - one
            return _month_span(prev.year, prev.month)
        if rule.startswith("next"):
            nxt = hi + one
            return _month_span(nxt.year, nxt.month)
        return lo, hi
    year = p.year + {"last": -1, "this": 0, "next": 1}[rule.split()[0]]
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _season(year: int, months: tuple[int, int]) -> tuple[dt.date, dt.date]:
    first_month, last_month = months
    end_year = year + (1 if last_month > 12 else 0)
    last = _month_span(end_year, (last_month - 1) % 12 + 1)[1]
    return dt.date(year, first_month, 1), last


# "four years ago", "4년 전", "два года назад", "for to år siden", "قبل أربع سنوات".
# (Russian with a qualifier before the number in the genitive, "более двух лет назад", or before
# the unit alone, "более года назад"; and one unit alone, "год назад", "неделю назад")
_AGO_RE = led(
    r"(?<![\w])(?:(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>years?|months?|weeks?|days?)\s+ago"
    r"|(?P<kn>\d{1,3})\s?(?P<kunit>년|개월|주|일)\s?전"
    r"|(?:(?P<rq>более|больше|свыше|менее|меньше|почти|около|примерно)\s+)?"
    r"(?P<rn>\d{1,3}|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|двух|тр[её]х|"
    r"четыр[её]х|пяти|шести|семи|восьми|девяти|десяти)\s+"
    r"(?P<runit>лет|года?|месяц(?:а|ев)?|недел[иь]|дн(?:я|ей)|день)\s+назад"
    r"|(?:(?P<rq1>более|больше|свыше|менее|меньше|почти|около|примерно)\s+"
    r"(?P<r1unit>года|месяца|недели|суток)|(?:(?P<rq2>почти|около|примерно)\s+)?"
    r"(?P<r1one>год|месяц|неделю))\s+назад"
    r"|vor\s+(?P<gn>\d{1,3}|einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)\s+"
    r"(?P<gunit>jahren|jahr|monaten|monat|wochen|woche|tagen|tag)"
    r"|for\s+(?P<dn>\d{1,3}|to|tre|fire|fem|seks|syv|otte|ni|ti)\s+(?P<dunit>år|måneder|måned|uger|uge|dage|dag)\s+siden"
    r"|(?<=[\sو])قبل\s+(?:(?P<an>\d{1,3}|ثلاثة|ثلاث|أربعة|أربع|خمسة|خمس|ستة|ست|سبعة|سبع|عشرة|عشر)\s+)?"
    r"(?P<aunit>سنوات|أعوام|عاما|عامين|سنتين|سنة|عام|أشهر|شهور|شهرين|شهر|أسابيع|أسبوعين|أسبوع|"
    r"أيام|يوما|يومين|يوم))(?![\w])",
    re.IGNORECASE,
)
_AGO_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "два": 2, "две": 2, "три": 3, "четыре": 4,
    "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4,
    "четырех": 4, "пяти": 5, "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10,
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
    "syv": 7, "otte": 8, "ni": 9, "ti": 10, "einem": 1, "einer": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
}  # fmt: skip


_ARABIC_AGO_UNITS = {"س": "y", "أع": "y", "عا": "y", "أش": "m", "شه": "m", "أس": "w", "أي": "d",
                     "يو": "d"}  # fmt: skip
_ARABIC_AGO_NUMBERS = {"ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "عشر": 10}


def _arabic_ago(number: str | None, unit: str) -> tuple[int, str]:
    """ "قبل ثلاثة أيام", "قبل أسبوعين", "قبل عام": how many of which unit ("y", "m", "w", "d")."""
    kind = _ARABIC_AGO_UNITS.get(unit[:1]) or _ARABIC_AGO_UNITS[unit[:2]]
    if number:
        n = int(number) if number.isdigit() else _ARABIC_AGO_NUMBERS[number.removesuffix("ة")]
    else:
        n = 2 if unit.endswith(("ين", "تين")) else 1
    return n, kind


# Qualifiers that leave a Russian span "ago" with no date of its own (more or less than it).
_RU_VAGUE_AGO = frozenset("более больше свыше менее меньше".split())


def _ago(folded: str, published: dt.date | None) -> Iterator[Found]:
    """A span some years, months, weeks or days before publication: that year, month, week
    or day."""
    for m in _near_words(folded, _AGO_RE, _is_ago_word):
        if m["rq"] in _RU_VAGUE_AGO or m["rq1"] in _RU_VAGUE_AGO:
            # "более года назад", "свыше двух лет назад": a vague span, no date to give
            yield m.start(), m.end(), None, None, True
            continue
        if m["aunit"]:
            n, unit = _arabic_ago(m["an"], m["aunit"])
        elif m["r1unit"] or m["r1one"]:
            n, unit = 1, m["r1unit"] or m["r1one"]
        else:
            raw = m["n"] or m["kn"] or m["rn"] or m["dn"] or m["gn"]
            n = int(raw) if raw.isdigit() else _AGO_WORDS[raw.casefold()]
            unit = (m["unit"] or m["kunit"] or m["runit"] or m["dunit"] or m["gunit"]).casefold()
        if published is None:
            yield m.start(), m.end(), None, None, True
            continue
        if unit[:1] in ("y", "년", "л", "г", "å", "j"):
            year = published.year - n
            yield m.start(), m.end(), dt.date(year, 1, 1), dt.date(year, 12, 31), True
        elif unit[:1] in ("m", "개", "м"):
            month = published.month - n
            year = published.year + (month - 1) // 12
            month = (month - 1) % 12 + 1
            yield m.start(), m.end(), *_month_span(year, month), True
        elif unit[:1] in ("w", "주", "н", "u"):
            day = published - dt.timedelta(weeks=n)
            monday = day - dt.timedelta(days=day.weekday())
            yield m.start(), m.end(), monday, monday + dt.timedelta(days=6), True
        else:
            day = published - dt.timedelta(days=n)
            yield m.start(), m.end(), day, day, True


# A season named without a year: that season of the publication year; with one ("sommeren
# 2021", "летом 2021 года", "في صيف عام 2021", "2021년 여름"), that year's.
_SEASON_RE = led(
    r"(?<![\w])(?:(?P<ky>(?:19|20)\d\d)년\s?(?P<ko>봄|여름|가을|겨울)(?:철)?"
    + _KO_PARTICLE
    # "여름철": the season of the paper's year
    + r"|(?P<ko2>봄|여름|가을|겨울)철"
    + _KO_PARTICLE
    + r"|(?:(?:i\s+løbet\s+af|i|til|om|hen\s+over)\s+(?P<da>foråret|sommeren|efteråret|"
    r"vinteren)|(?:im|in\s+diesem|seit(?:\s+dem)?|bis\s+zum|ab\s+dem|"
    r"(?:im|in\s+dem|seit\s+dem|bis\s+zum)\s+(?P<de_which>vergangenen|letzten|vorigen|"
    r"kommenden|nächsten)|(?P<de_which2>vergangenen|letzten|vorigen|kommenden|nächsten|diesen))\s+"
    r"(?P<de>frühjahr|frühling|sommer|herbst|winter)|(?:(?P<ru_which>прошлой|прошлым|этой|этим|следующей|следующим)\s+)?"
    r"(?P<ru>весной|летом|осенью|зимой)|في\s+(?:فصل\s+)?(?P<ar>الربيع|الصيف|الخريف|"
    r"الشتاء)(?:\s+(?P<ar_which>الماضي|المنصرم|الحالي|الجاري|المقبل|القادم))?"
    r"|في\s+(?P<ar2>ربيع|صيف|خريف|شتاء))"
    r"(?:\s+(?:عام\s+|سنة\s+)?(?P<y>(?:19|20)\d\d)(?:\s+(?:года|г\.))?)?)(?![\w])",
    re.IGNORECASE,
)
_SEASON_WHICH = {
    "прошлой": "last", "прошлым": "last", "этой": "this", "этим": "this", "следующей": "next",
    "следующим": "next", "الماضي": "last", "المنصرم": "last", "الحالي": "this", "الجاري": "this",
    "المقبل": "next", "القادم": "next", "vergangenen": "last", "letzten": "last",
    "vorigen": "last", "kommenden": "next", "nächsten": "next", "diesen": "this",
}  # fmt: skip
_AR_SEASON_CONSTRUCT = {"ربيع": "الربيع", "صيف": "الصيف", "خريف": "الخريف", "شتاء": "الشتاء"}


def _bare_seasons(folded: str, published: dt.date | None) -> Iterator[Found]:
    for m in _near_words(folded, _SEASON_RE, _is_season_word):
        if published is None:
            yield m.start(), m.end(), None, None, True
            continue
        word = (
            m["da"] or m["de"] or m["ru"] or m["ar"] or m["ko"] or m["ko2"]
            or _AR_SEASON_CONSTRUCT.get(m["ar2"] or "")
        )  # fmt: skip
        if not word:
            continue
        months = _SEASONS[word.casefold()]
        named = m["y"] or m["ky"]
        if named:
            year = int(named)
        elif m["ar2"]:
            continue  # "في صيف" needs the year it names
        else:
            year = published.year - (1 if months[0] == 12 and published.month <= 2 else 0)
            which = _SEASON_WHICH.get(
                (
                    m["ru_which"] or m["ar_which"] or m["de_which"] or m["de_which2"] or ""
                ).casefold(),
                "",
            )
            lo, hi = _season(year, months)
            if not which and hi < published and future_context(folded, m.start()):
                which = "next"  # "ударит по набору весной" said in the autumn: the spring to come
            if which == "last" and hi >= published:
                year -= 1  # "في الشتاء الماضي", "прошлой зимой": the one before the paper
            elif which == "next" and lo <= published:
                year += 1
        yield m.start(), m.end(), *_season(year, months), True


# The group of each rule of _RELATIVE in _RELATIVE_RE, in the rules' order.
_RULE_GROUPS = tuple(_RELATIVE_RE.groupindex[f"r{i}"] for i in range(len(_RELATIVE)))


_RULE_OF_GROUP = {g: _RELATIVE[i][1] for i, g in enumerate(_RULE_GROUPS)}


def _rule(m: re.Match[str]) -> str:
    """The rule of the first of _RELATIVE's patterns that matched something in *m* (one
    only matches: the group closed last is its own unless a season or another group
    follows it)."""
    last = m.lastindex
    rule = _RULE_OF_GROUP.get(last) if last is not None else None
    if rule is not None and last is not None and m.end(last) > m.start(last):
        return rule
    return next(_RELATIVE[i][1] for i, g in enumerate(_RULE_GROUPS) if m.end(g) > m.start(g))


def _relative(folded: str, published: dt.date | None) -> Iterator[Found]:
    for m in _near_words(folded, _RELATIVE_RE, _is_relative_word):
        rule = _rule(m)
        if published is None:
            yield m.start(), m.end(), None, None, True
            continue
        lo, hi = _period(rule, published)
        season = m.group("season")
        if season and rule.endswith("year"):
            lo, hi = _season(lo.year, _SEASONS[season.casefold()])
        yield m.start(), m.end(), lo, hi, True


# Words before a weekday in its own clause that put it ahead of the publication date
# ("results are due on Thursday", "begynder torsdag", "завершатся в пятницу", "من المقرر").
_FUTURE = led(
    r"\b(?:will|shall|is due|are due|due to|is expected to|are expected to|plans? to|"
    r"(?:is|are)\s+(?:forecast|predicted|likely)\s+to|"
    r"(?:is|are) set to|(?:is|are) scheduled|scheduled|begins|starts|"
    r"vil|skal|ventes|forventes|begynder|starter|overvejer|planlægger|agter|"
    r"будет|будут|начн[её]тся|начнутся|завершится|завершатся|планируется|намечен[аоы]?|"
    r"пройд[её]т|пройдут|состоится|состоятся|откро[ею]тся|продлится|продлятся|вступит|"
    # what a body fears, expects or plans ("в штабе опасаются, что … весной")
    r"опасаются|опасается|ожидают|ожидается|планирует|планируют|намерен[аоы]?|"
    r"kommer\s+til\s+at|åbner|afholdes|"
    r"wird|werden|beginnt|beginnen|startet|geplant|findet|finden|soll\s+(?!\w+\s+haben)|"
    # what must or is to happen ("müssten ab Mai ausweichen", "sollen ab Juli gelten")
    r"müssen|müssten|sollen|wollen(?!\s+\w+\s+haben))\b"
    r"|من المقرر|سوف",
    re.IGNORECASE,
)


# "31 had been rescued by Thursday night": a count as it stood by a day gone by.
_PAST_PERFECT = re.compile(r"\b(?:had|had been|was|were)\b(?![^,;.]*\b(?:will|would)\b)")


def future_context(text: str, start: int) -> bool:
    """True when the clause before *start* speaks of what is still to come."""
    floor = max(0, start - 80)
    cut = max(text.rfind(ch, floor, start) for ch in ",;:.!?\n،")
    while cut > floor and text[cut] in ",." and text[cut - 1 : cut].isdigit():
        if not text[cut + 1 : cut + 2].isdigit():
            break
        # "1.8 million", "1,500": a decimal point or a thousands mark, not a clause break
        cut = max(text.rfind(ch, floor, cut) for ch in ",;:.!?\n،")
    clause = text[max(floor, cut + 1) : start]
    if _FUTURE.search(clause):
        return True
    if _REPORTED_THAT.match(clause) and cut > floor:
        # "в штабе опасаются, что … весной": the clause the reported one depends on
        before = max(text.rfind(ch, floor, cut) for ch in ",;:.!?\n")
        if _FUTURE.search(text[max(floor, before + 1) : cut]):
            return True
    # a Russian clause whose verb of what is to come follows the date ("с 1 января выплаты
    # могут быть снижены")
    ahead = _CLAUSE_END.search(text, start, start + 120)
    return bool(_RU_FUTURE_AFTER.search(text, start, ahead.start() if ahead else start + 120))


_REPORTED_THAT = re.compile(r"\s*(?:что|dass|at|that)\s", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.!?\n]")
_RU_FUTURE_AFTER = re.compile(
    r"(?<![\w])(?:будет|будут|могут\s+быть|может\s+быть|планируется|предстоит)(?![\w])"
)


def _weekdays(
    folded: str, published: dt.date | None, pattern: re.Pattern[str] = _WEEKDAY_RE
) -> Iterator[Found]:
    matches = (
        pattern.finditer(folded)
        if pattern is _EN_WEEKDAY_RE
        else _near_words(folded, pattern, _is_weekday_word)
    )
    for m in matches:
        word = m.group("wd").casefold()
        prep = " ".join((m.group("prep") or "").casefold().split())
        if word in _EN_WEEKDAYS:
            target = _EN_WEEKDAYS.index(word)
        else:
            target = _WEEKDAY_WORDS[word]
            if re.fullmatch(r"[а-я]+", word) and not prep:
                continue  # "среда" is also "environment": a Russian weekday needs its preposition
        if published is None:
            yield m.start(), m.end(), None, None, True
            continue
        back = (published.weekday() - target) % 7
        day_part = re.fullmatch(r"(?:(на|к|до|с)\s+)?(?:утр|вечер|д[ен]|ноч)\w*", prep)
        if day_part:  # "к вечеру пятницы": by Friday evening; "утро четверга": that day
            prep = day_part.group(1) or ""
        ahead_word = "ar_next" in m.re.groupindex and bool(m.group("ar_next"))
        last_word = "ar_last" in m.re.groupindex and bool(m.group("ar_last"))
        if word.startswith(_DE_WEEKDAYS):  # "am vergangenen Freitag", "bis Montag", "seit Montag"
            last_word = bool(re.search(r"vergangenen|letzten|vorigen", prep))
            ahead_word = bool(re.search(r"kommenden|nächsten", prep))
            past = prep == "bis" and _DE_PAST.search(folded, m.start(), m.end() + 80)
            prep = {"bis": "" if past else "til", "seit": "since"}.get(prep, "")
        if ahead_word or prep in ("حتى", "حتى يوم"):  # "الأحد المقبل", "حتى يوم الأحد"
            ahead = (target - published.weekday()) % 7 or 7
            day = published + dt.timedelta(days=ahead)
        elif last_word:  # "الأحد الماضي": the last such day before the paper's
            day = published - dt.timedelta(days=back or 7)
        elif future_context(folded, m.start()) and prep not in (
            "since",
            "siden",
            "с",
            "со",
            "منذ",
            "منذ يوم",
        ):
            ahead = (target - published.weekday()) % 7
            day = published + dt.timedelta(days=ahead)
        elif prep in ("by", "until", "till", "до", "к", "ко", "til", "다음") and not (
            prep == "by" and _PAST_PERFECT.search(folded, max(0, m.start() - 80), m.start())
        ):
            # ("By Tuesday" in Tuesday's paper is that day: a week on would be "next Tuesday".)
            ahead = (target - published.weekday()) % 7 or (0 if prep == "by" else 7)
            day = published + dt.timedelta(days=ahead)
        elif prep == "지난" or (word.endswith("s") and prep == "i" and back == 0):
            day = published - dt.timedelta(days=back or 7)
        else:
            day = published - dt.timedelta(days=back)
        if day_part and prep in ("к", "до") and back == 0:
            day = published  # "к вечеру четверга" on a Thursday: that evening
        yield m.start(), m.end(), day, day, True


def _weekends(folded: str, published: dt.date | None) -> Iterator[Found]:
    for m in _EN_WEEKEND_RE.finditer(folded):
        if published is None:
            yield m.start(), m.end(), None, None, True
            continue
        saturday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=5)
        shift = {"next": 7, "last": -7}.get(m["which"].casefold(), 0)
        if m["which"] == "the" and saturday > published and not future_context(folded, m.start()):
            shift = -7  # "sank at the weekend" in Thursday's paper: the weekend just gone
        first = saturday + dt.timedelta(days=shift)
        yield m.start(), m.end(), first, first + dt.timedelta(days=1), True


def _korean_days(folded: str, published: dt.date | None) -> Iterator[Found]:
    named: dt.date | None = None  # the day last named, for "이날"
    for m in _near_words(folded, _KO_DAY_RE, _is_korean_day):
        if m.group("that"):
            if published is not None:
                day_of = named or published
                yield m.start(), m.end(), day_of, day_of, True
            continue
        day = int(m.group("d"))
        if not 1 <= day <= 31:
            continue
        if published is None:
            yield m.start(), m.end(), None, None, True
            continue
        year, month = published.year, published.month
        coming = (m.group("last") or "").startswith("오는")
        which = (m.group("month") or "").replace(" ", "")
        if which:  # "다음 달 5일", "지난달 28일", "이달 3일": that month's day
            month += {"다음달": 1, "지난달": -1}.get(which, 0)
            if month == 13:
                year, month = year + 1, 1
            elif month == 0:
                year, month = year - 1, 12
        elif coming and day < published.day:  # "오는 3일": the coming 3rd, next month's
            month += 1
            if month == 13:
                year, month = year + 1, 1
        elif not coming and day > published.day + 1:  # later than the paper: the month before
            month -= 1
            if month == 0:
                year, month = year - 1, 12
        if day > calendar.monthrange(year, month)[1]:
            continue
        first = dt.date(year, month, day)
        last = first
        if not m.group("span") and m.end() - m.start() <= 12:
            named = first
        span = m.group("span")
        if span:
            days = _KO_SPANS.get(span) or int(span.removesuffix("일"))
            last = first + dt.timedelta(days=days - 1)
        yield m.start(), m.end(), first, last, True


_YEAR_WORDS = {
    "الماضي": "last", "المنصرم": "last", "الجاري": "this", "الحالي": "this", "المقبل": "next",
    "القادم": "next", "прошлого": "last", "этого": "this", "текущего": "this",
    "следующего": "next", "sidste": "last", "næste": "next", "i": "this", "this": "this",
    "vergangenen": "last", "letzten": "last", "vorigen": "last", "dieses": "this",
    "kommenden": "next", "nächsten": "next",
}  # fmt: skip


def _months(folded: str, published: dt.date | None) -> Iterator[Found]:
    for m in _near_words(folded, _MONTH_RE, _MONTH_WORDS.__contains__):
        name = m.group("m").casefold()
        month = _AR_MONTHS.get(m.group("m")) or lexicon.MONTHS.get(name.rstrip("."))
        if month is None:
            continue
        if not m.group("prep") and not m.group("d") and not m.group("y"):
            before = _MONTH_AND_BEFORE.search(folded, max(0, m.start() - 30), m.start())
            if before is None:
                continue  # (but "в апреле и мае": the second month shares the first's "в")
        if name in ("may", "mar", "maj", "mai", "jun", "dec") and not (
            m.group("d") or m.group("y") or (name == "mai" and m.group("prep") in _DE_MONTH_PREPS)
        ):
            continue  # words of their own ("may", "mar") unless with a day or a year
        year = int(m.group("y")) if m.group("y") else None
        relative = year is None
        which = _YEAR_WORDS.get(m.group("ar_which") or m.group("ru_which") or m.group("da_which")
                                or m.group("de_which")
                                or ("this" if "من" in m.group(0) else ""), "")  # fmt: skip
        if year is None:
            if published is None:
                yield m.start(), m.end(), None, None, True
                continue
            year = published.year
            if which:  # the year a word names: that year's month
                year += {"last": -1, "this": 0, "next": 1}[which]
            elif future_context(folded, m.start()):
                # what is still to come ("müssten ab Mai ausweichen"): the month not yet over
                year += _month_span(year, month)[1] < published
            elif dt.date(year, month, 1) > published + dt.timedelta(days=31):
                year -= 1
        lo, hi = _month_span(year, month)
        if m.group("d"):
            day = int(m.group("d"))
            if not 1 <= day <= hi.day:
                continue
            lo = hi = dt.date(year, month, day)
        yield m.start(), m.end(), lo, hi, relative


_MONTH_AND_BEFORE = re.compile(
    r"(?<![\w])(?:в|во|i|im|in|في)\s+(?:"
    + _MONTH_ALT
    + r")\s+(?:и|og|und|and|или|eller|oder|و)\s+$",
    re.IGNORECASE,
)
_DE_MONTH_PREPS = ("im", "Im", "seit", "Seit", "bis", "Bis", "ab", "Ab")


def _years(folded: str) -> Iterator[Found]:
    for m in _near_words(folded, _YEAR_RE, _is_year_word):
        year = int(m.group("y") or m.group("y2") or m.group("y3") or m.group("y4"))
        yield m.start(), m.end(), dt.date(year, 1, 1), dt.date(year, 12, 31), False


_GERMAN = led(
    r"[äöüßÄÖÜ]|\b(?:und|nicht|der|das|ist|wurde|wurden|gestern|heute|vorgestern|vergangene[nr]?|"
    r"letzte[nr]?|im|seit|(?:mon|diens|donners|frei|sams|sonn)tag\w*|mittwoch\w*)\b",
    re.IGNORECASE,
)
_OTHER_SCRIPTS = re.compile(r"[\u0400-\u04ff\u0600-\u06ff\uac00-\ud7a3]")
_DANISH = led(
    r"[æøåÆØÅ]|\b(?:og|ikke|siger|ifølge|blev|efter|sidste|det|er|på|fra|mandag|tirsdag|onsdag|"
    r"torsdag|fredag)\b",
    re.IGNORECASE,
)
# The words _DANISH and _GERMAN read (lower case), and the German weekdays any word opening
# on one of which they read; a letter, digit or underscore outside ASCII.
_DANISH_OR_GERMAN_WORDS = frozenset(
    "og ikke siger ifølge blev efter sidste det er på fra mandag tirsdag onsdag torsdag fredag "
    "und nicht der das ist wurde wurden gestern heute vorgestern vergangene vergangenen "
    "vergangener letzte letzten letzter im seit".split()
)
_GERMAN_DAYS = ("montag", "dienstag", "donnerstag", "freitag", "samstag", "sonntag", "mittwoch")
_WORD_OUTSIDE_ASCII = re.compile(r"[^\W\x00-\x7f]")


def _danish_or_german(folded: str) -> bool:
    """Whether _DANISH or _GERMAN finds anything in *folded*.  A text whose words are all
    ASCII (no æ, ø, å, ä, ö, ü or ß, nor a letter the matcher would take for an ASCII one)
    has one of their words as a word of its own: its distinct words, read once for the date
    words, tell without searching the text twice."""
    if _WORD_OUTSIDE_ASCII.search(folded):
        return bool(_DANISH.search(folded) or _GERMAN.search(folded))
    return any(
        w in _DANISH_OR_GERMAN_WORDS or w.startswith(_GERMAN_DAYS) for w in _positions(folded)
    )


# A span of the coming or the last few days, weeks or months ("خلال الأيام العشرة المقبلة",
# "в ближайшие две недели", "i de kommende uger"): it dates an event, but too vaguely to
# resolve, so it is found with no dates.
_SPAN_WORDS = ("المقبلة", "القادمة", "الماضية", "الأخيرة", "ближайшие", "последние", "kommende",
               "seneste")  # fmt: skip
_SPAN_RE = led(
    r"(?<![\w])(?:(?:خلال|في)\s+(?:الأيام|الأسابيع|الأشهر|الشهور|الساعات)\s+(?:\S+\s+)?"
    r"(?:المقبلة|القادمة|الماضية|الأخيرة)"
    r"|(?:в\s+)?(?:ближайшие|последние)\s+(?:\S+\s+)?(?:дни|недели|месяцы|часы|сутки|годы)"
    r"|i\s+de\s+(?:kommende|næste|seneste|sidste)\s+(?:\S+\s+)?(?:dage|uger|måneder|år|timer))"
    r"(?![\w])",
    re.IGNORECASE,
)


def _vague_spans(folded: str) -> Iterator[Found]:
    if any(word in folded for word in _SPAN_WORDS):
        for m in _SPAN_RE.finditer(folded):
            yield m.start(), m.end(), None, None, True


def word_dates(folded: str, published: dt.date | None) -> list[Found]:
    """Every date expression these patterns find in *folded* (digits folded to ASCII).

    Text in none of these languages is read for English weekdays only (the rest of its
    dates are :mod:`db.assist.dates`'s).
    """
    found = list(_ago(folded, published))
    found += _weekdays(folded, published, _EN_WEEKDAY_RE)
    found += _weekends(folded, published)
    if not (_OTHER_SCRIPTS.search(folded) or _danish_or_german(folded)):
        return found
    found += _weekdays(folded, published)
    found += _bare_seasons(folded, published)  # before the year it may name ("2021년 여름")
    found += _months(folded, published)
    found += _years(folded)
    if "일" in folded or "이날" in folded:
        found += _korean_days(folded, published)
    found += _relative(folded, published)
    found += _vague_spans(folded)
    return found


_MONTH_WORDS = frozenset([*lexicon.MONTHS, *(w for name in _AR_MONTHS for w in name.split())])
_SEASON_WORDS = frozenset(w.casefold() for w in _SEASONS) | frozenset(
    "foråret sommeren efteråret vinteren ربيع صيف خريف شتاء 봄철 여름철 가을철 겨울철".split()
)
_RELATIVE_WORDS = frozenset(
    "неделе месяце году прошлую прошлый минувшую минувший последнюю течение вчера сегодня "
    "позавчера uge måned år "
    "års fjor går dag morgen "
    "forgårs aftes morges weekenden weekend woche monat jahr vorjahr wochenende gestern heute "
    "vorgestern jahresbeginn jahresanfang jahresverlauf выходные выходных عطلة الأسبوع الشهر "
    "العام السنة أمس "
    "اليوم начала ранее tidligere siden morgentimerne nattens накануне".split()
)
_RELATIVE_PREFIXES = ("прошлогодн", "지난", "이번", "다음", "작년", "올해", "금년", "내년", "어제",
                      "내일", "전날", "그제", "그저께", "이달")  # fmt: skip
_KOREAN_WEEKDAYS = tuple(w for w in _WEEKDAY_WORDS if w.endswith("요일"))


def _is_season_word(word: str) -> bool:
    # a Korean season with its particle ("가을에도")
    return word in _SEASON_WORDS or word.startswith(("봄", "여름", "가을", "겨울"))


def _is_relative_word(word: str) -> bool:
    return word in _RELATIVE_WORDS or word.startswith(_RELATIVE_PREFIXES)


def _is_weekday_word(word: str) -> bool:
    return word in _WEEKDAY_WORDS or word.startswith(_KOREAN_WEEKDAYS + _DE_WEEKDAYS)


_KO_DAY = re.compile(r"\d{1,2}일")


def _is_korean_day(word: str) -> bool:
    return bool(_KO_DAY.match(word)) or word == "이날"


def _is_year_word(word: str) -> bool:
    return word in ("عام", "العام", "سنة", "году", "года", "г", "jahr", "jahre") or (
        word[:4].isdigit() and word[4:5] == "년"
    )


def _is_ago_word(word: str) -> bool:
    return word in ("ago", "назад", "siden", "vor", "قبل", "وقبل") or word.startswith("전")


def has_time_word(phrase: str) -> bool:
    """True when *phrase* has a digit or a word some date expression needs: the quick test
    before reading a short phrase for a date."""
    for word in _words(phrase)[2]:
        if (
            word.isdigit()
            or word in _MONTH_WORDS
            or word in _EN_WEEKDAYS
            or word == "weekend"
            or _is_weekday_word(word)
            or _is_relative_word(word)
            or _is_year_word(word)
            or _is_ago_word(word)
            or word in _SEASON_WORDS
            or _is_korean_day(word)
        ):
            return True
    return False


__all__ = [
    "Found",
    "forget_word_index",
    "future_context",
    "has_time_word",
    "is_month_word",
    "month_number",
    "near_words",
    "relative_period",
    "season_span",
    "word_dates",
    "word_index",
]
