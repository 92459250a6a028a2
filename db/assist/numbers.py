"""Figures as news text writes them, in the number conventions of the article's language.

``extract_figures(text, language)`` returns every figure with its code-point span
(qualifier included), value, upper bound, counted thing and qualifier.  Model and
unit names, years, days of a month, times, list numbers, page furniture and
numbers broken by an invisible character are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from db.assist import lexicon
from db.assist.number_words import word_numbers
from db.assist.patterns import led
from db.assist.text import (
    COMMA_DECIMAL,
    DOT_GROUPING,
    INVISIBLE,
    SPACE_GROUPING,
    SpanSet,
    fold_digits,
    furniture,
    guess_language,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure: ``text[start:end]`` is the qualifier and the number with its magnitude."""

    start: int
    end: int
    value: float | None  # None for a vague quantity ("thousands")
    value_max: float | None  # upper bound of a range, else None
    unit: str  # the counted thing ("troops", "USD", "percent"), "" when the text does not say
    qualifier: str  # "about", "up to", ..., or the vague word ("thousands"); "" when none
    vague: bool = False


_SEP_ANY = r"(?:[,.]\d+|[ \u00a0\u202f\u2009']\d{3}(?!\d))"
_SEP_EN = r"(?:[,.]\d+|[\u00a0\u202f\u2009]\d{3}(?!\d))"
_CUR = r"(?P<cur{n}>US\$|\$|€|£|¥|₩|₽|₴|(?:USD|EUR|GBP|KRW|RUB|DKK)\s?)?"
_MAG = (
    r"(?:\s?(?P<mag{n}>thousand|million|billion|trillion|bn|mn|tn|m|k|"
    r"тыс\.|тысяч[аи]?|млн\.?|миллион(?:а|ов)?|млрд\.?|миллиард(?:а|ов)?|"
    r"tusinde?|mio\.|mia\.|millioner|millionen|million|milliard(?:er|en)?|Millionen?|"
    r"Tausend|Mrd\.|Mio\.|Tsd\.|Milliarden?|ألف|آلاف|مليون|ملايين|مليار)(?![^\W\d_]))?"
)
_RANGE_SEP = r"\s*(?P<rsep>-|–|—|to|and|or|до|и|til|bis|und|~|∼|에서|～)\s*"
_PERCENT = (
    r"(?P<pct>\s?(?:%|٪|percent\b|per cent\b|процент\w*|procent(?:point)?\b|pct\.|"
    r"procentpoint\b|Prozent\b|퍼센트|في\s+(?:المئة|المائة)|بال(?:مئة|مائة))(?![^\W\d_]))?"
)


@lru_cache(maxsize=16)
def _pattern(space_grouping: bool) -> re.Pattern[str]:
    sep = _SEP_ANY if space_grouping else _SEP_EN
    num = r"\d+" + sep + "*"
    one = _CUR.format(n="a") + rf"(?P<a>{num})" + _MAG.format(n="a")
    two = _CUR.format(n="b") + rf"(?P<b>{num})" + _MAG.format(n="b")
    return led(
        r"(?:(?<![^\W\d_])|(?<=[\s(][وبلف]))(?<![\d.\-/_#№+])"
        # (a number after "№ " or "No. " names, as "№2" does: "больницы № 1")
        r"(?<!№ )(?<!№\u00a0)(?<!No\. )(?<!Nr\. )(?<!nr\. )"
        + one
        + rf"(?:{_RANGE_SEP}{two})?"
        + _PERCENT
    )


# Korean counters after digits; a counter that is also a date or a time word (년, 분, 초, 일)
# only where it cannot be one (see _korean_figures).
_KOREAN_COUNTERS = (
    "명의 명 개월 개국 개 대 발 척 달러 원 곳 퍼센트 % 채 가구 헥타르 ㏊ 톤 킬로미터 ㎞ 밀리미터 "
    "㎜ 미터 마리 건 기 문 세(?![계력]) 시간 회(?![의차사장견]) 차례 배 분(?![기의야석]) "
    "초(?![반기순등]) 년(?![도생대]) 주(?![년간년도민택식요의]) 주간 일간 일\\s?동안 살 표 "
    "석(?!유) 가지 층 킬로그램 ㎏ kg 리터 t(?![A-Za-z]) 봉지 상자 박스 포대 개사 "
    "편(?![의집지견성]) "
    "사(?![람단업건고무원회장용례실망태항이직설설립])"
).split()
_KOREAN = led(
    r"(?<![\d.,])(?P<pre>약\s?|최대\s?|최소\s?)?"
    # ("1천만": a thousand ten-thousands)
    r"(?P<num>(?:\d+(?:[.,]\d+)?\s?(?:천[조억만]|[조억만천])\s?)+(?:\d[\d,]*)?|\d[\d,]*(?:\.\d+)?)"
    r"(?P<post>\s?(?:여|가량|이상|이하|미만|쯤)?\s?)"
    r"(?P<counter>" + "|".join(_KOREAN_COUNTERS) + ")"
    r"(?P<after>\s?(?:넘게|넘는|남짓|안팎|내외|가량|정도|가까이|이상|이하|미만))?"
)
_KOREAN_UNITS = {
    "채": "houses", "가구": "households", "헥타르": "hectares", "㏊": "hectares", "톤": "tonnes",
    "킬로미터": "kilometres", "㎞": "kilometres", "밀리미터": "mm", "㎜": "mm", "미터": "metres",
    "세": "years", "시간": "hours", "개월": "months", "개국": "countries", "회": "times",
    "차례": "times", "배": "times", "분": "minutes", "초": "seconds", "년": "years",
    "주": "weeks", "주간": "weeks", "일간": "days", "일동안": "days", "일 동안": "days",
    "살": "years", "표": "votes", "석": "seats", "층": "floors", "킬로그램": "kg", "㎏": "kg",
    "kg": "kg", "리터": "litres", "t": "tonnes", "봉지": "bags", "상자": "boxes",
    "박스": "boxes", "포대": "sacks", "개사": "companies", "사": "companies",
}  # fmt: skip
# Counters that are also date or clock words: a figure only where the digits cannot be a
# year, a time of day or a day of the month.
_KOREAN_TIME_BEFORE = led(r"\d\s?시\s?$|\d\s?분\s?$|제\s?$")
_KOREAN_MAG = {"조": 10**12, "억": 10**8, "만": 10**4, "천": 10**3}
_MAGNITUDES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
    "bn": 1e9, "trillion": 1e12, "tn": 1e12, "тыс.": 1e3, "тысяча": 1e3, "тысячи": 1e3,
    "тысяч": 1e3, "млн": 1e6, "млн.": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
    "млрд": 1e9, "млрд.": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
    "tusind": 1e3, "tusinde": 1e3, "mio.": 1e6, "mia.": 1e9, "millioner": 1e6,
    "millionen": 1e6, "milliard": 1e9, "milliarder": 1e9, "milliarden": 1e9,
    "milliarde": 1e9, "tausend": 1e3, "mrd.": 1e9, "tsd.": 1e3, "ألف": 1e3, "آلاف": 1e3,
    "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9,
}  # fmt: skip
_CURRENCY = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "₩": "KRW", "krw": "KRW", "₽": "RUB", "rub": "RUB", "₴": "UAH", "dkk": "DKK",
}  # fmt: skip


def _by_first_letter(words: list[str]) -> str:
    """An alternation of *words* (letters only) grouped by their first letter: matched whole
    (``fullmatch``), it matches what the plain alternation matches, comparing a word with the
    words of its first letter alone."""
    groups = []
    for first in sorted({w[0] for w in words}):
        rests = sorted((w[1:] for w in words if w[0] == first), key=len, reverse=True)
        groups.append(f"{first}(?:{'|'.join(rests)})")
    return "|".join(groups)


_MONTH_WORD = re.compile(_by_first_letter(list(lexicon.MONTHS)), re.IGNORECASE)  # fullmatch only
_TRAILING_WORDS = re.compile(r"\s*([^\W\d_][\w'’\-]*)")
_VAGUE = led(
    r"(?<![^\W\d_])(?:(?:tens|hundreds)\s+of\s+)?(?:thousands|hundreds|millions|billions|dozens|"
    r"[Ss]cores(?=\s+of\b))"
    r"(?![^\W\d_])|(?<![^\W\d_])(?:десятки\s+тысяч|сотни\s+тысяч|тысячи|сотни|десятки|миллионы)"
    r"(?![^\W\d_])|(?<![^\W\d_])(?:[Tt]itusindvis|[Tt]usindvis|[Hh]undredvis|Tausende|Hunderte|"
    r"Zehntausende|Hunderttausende|Dutzende)(?![^\W\d_])|수[십백천만억]+|"
    r"(?<![^\W\d_])(?:[Ff]lere|[Nn]ogle|[Mm]ehrere|[Ee]inige|[Нн]есколько)\s+"
    r"(?:hundrede|tusinde|hundert|tausend|сотен|тысяч)(?![^\W\d_])",
)
_VAGUE_ARABIC = led(r"(?<![\d\s])\s?(?:آلاف|مئات|عشرات)(?![^\W\d_])")
_WORD_NUMBER = led(
    r"(?<![\w\-])(?P<w>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|one|a|an|a few)(?:[- ](?:hundred|thousand|million|billion|dozen))*"
    r"(?:[- ](?:half|halves|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths))?)"
    r"(?![\w\-])",
    re.IGNORECASE,
)
WORD_VALUES = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_WORD_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12}
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}  # fmt: skip
_PEOPLE_UNITS = frozenset(
    {"people", "troops", "soldiers", "refugees", "civilians", "killed", "wounded", "casualties"}
)
_HYPHEN_UNIT = re.compile(
    r"-(year|month|week|day|hour|minute|kilometre|kilometer|km|mile|metre|meter|strong|man|"
    r"member|point|percent|ton|tonne)s?\b(?:-old)?"
    r"|-(årig|års|jährig|летн|месячн|дневн|часов|процентн)[^\W\d_]*",
    re.IGNORECASE,
)
_HYPHEN_UNITS = {
    "årig": "years", "års": "years", "jährig": "years", "летн": "years", "месячн": "months",
    "дневн": "days", "часов": "hours", "процентн": "percent",
}  # fmt: skip


def parse_number(token: str, language: str = "en") -> float | None:
    """The value of a digit string as written in *language*; None if it is malformed."""
    token = fold_digits(token).replace("'", " ")
    for space in " \u00a0\u202f\u2009":
        if space in token:
            groups = token.split(space)
            if not all(len(g) == 3 for g in groups[1:]) or not 1 <= len(groups[0]) <= 3:
                return None
            token = "".join(groups)
    commas, dots = token.count(","), token.count(".")
    if commas and dots:
        decimal = "," if token.rfind(",") > token.rfind(".") else "."
        group = "." if decimal == "," else ","
        whole, _, frac = token.rpartition(decimal)
        return _grouped(whole, group, frac)
    for mark, count in ((",", commas), (".", dots)):
        if not count:
            continue
        if count > 1:
            return _grouped(token, mark, "")
        whole, frac = token.split(mark)
        grouping = (
            len(frac) == 3
            and len(whole) <= 3
            and (
                (mark == "," and language not in COMMA_DECIMAL)
                or (mark == "." and language in DOT_GROUPING)
            )
        )
        if grouping:
            return float(whole + frac)
        decimal_mark = "," if language in COMMA_DECIMAL else "."
        if mark != decimal_mark and len(frac) == 3:
            return None  # "1,500" in German or "10.000" in English: not safe to read
        return float(f"{whole}.{frac}")
    return float(token)


def _grouped(whole: str, group: str, frac: str) -> float | None:
    parts = whole.split(group)
    if not 1 <= len(parts[0]) <= 3 or not all(len(p) == 3 for p in parts[1:]):
        return None
    digits = "".join(parts)
    return float(f"{digits}.{frac}") if frac else float(digits)


def _korean_value(token: str) -> float | None:
    """A Korean number: thousands gather into a group that 만, 억 or 조 multiplies ("1천만" is
    10,000,000, "1억2천만" 120,000,000, "1만5000" 15,000)."""
    total = 0.0
    group = 0.0
    current = ""
    try:
        for ch in token.replace(",", "").replace(" ", ""):
            if ch == "천":
                group += (float(current) if current else 1.0) * 1000
                current = ""
            elif ch in _KOREAN_MAG:
                group += float(current) if current else 0.0
                total += (group or 1.0) * _KOREAN_MAG[ch]
                group, current = 0.0, ""
            else:
                current += ch
        return total + group + (float(current) if current else 0.0)
    except ValueError:
        return None


def _qualifier_before(text: str, start: int) -> tuple[str, int]:
    window = text[max(0, start - 40) : start]
    m = lexicon.QUALIFIER_BEFORE.search(window)
    if not m:
        return "", start
    word = " ".join(m.group("q").casefold().split())
    return lexicon.QUALIFIERS.get(word, word), start - (len(window) - m.start("q"))


def _unit_after(text: str, end: int, language: str, nouns: bool = True) -> str:
    """The counted thing named within a few words after a figure (*nouns*: in German, any
    noun after the figure and its attributes, not only those the lexicon knows)."""
    pos = end
    for _ in range(4):
        m = _TRAILING_WORDS.match(text, pos)
        if not m or "\n" in text[pos : m.start(1)]:
            return ""
        word = m.group(1).casefold().strip("'’-")
        unit = lexicon.UNITS.get(word)
        if unit:
            if unit == "prisoners" and text[m.end(1) : m.end(1) + 7] == " of war":
                return "prisoners of war"
            return unit
        if language == "de":
            return _german_noun(text, m, nouns) if pos == end or nouns else ""
        if word in lexicon.STOP_UNIT_SEARCH or word in WORD_VALUES or word in _WORD_SCALES:
            return ""  # "1,500 over two weeks": the weeks are not what 1,500 counts
        if language == "en" and text[m.start(1)].islower():
            if word.endswith("s") and len(word) > 3 and word not in lexicon.NOT_NOUNS:
                return word
            if irregular_plural(word):
                return word  # "50 fishermen", "1,400 men": a noun of its own
        pos = m.end(1)
    return ""


# Plurals not made with -s: "men" and its compounds ("fishermen", "gunmen"), and a few
# others.  Read as the counted thing of their own name, not as any known class.
_IRREGULAR_PLURALS = frozenset("men women children".split())
_NOT_MEN = frozenset(
    "amen omen specimen abdomen regimen acumen albumen bitumen cyclamen stamen semen".split()
)


def irregular_plural(word: str) -> bool:
    """Whether a lowercased word is a plural noun not made with -s ("fishermen")."""
    if word in _IRREGULAR_PLURALS:
        return True
    return word.endswith("men") and len(word) > 5 and word not in _NOT_MEN


# German: the counted thing is the noun (capitalised) after the figure, an inflected
# attribute or two between ("230 neue Fälle", "40 schwer verletzte Menschen").
_GERMAN_ATTRIBUTE = re.compile(r"[a-zäöüß]+(?:e|en|er|es|em)|schwer|leicht|weitere?n?")
_GERMAN_NOT_ATTRIBUTES = frozenset(
    "die der den dem des eine einen einem einer und oder aber in im an am auf aus bei mit "
    "nach seit von vom vor zu zum zur über unter gegen ohne um bis wie als wurden werden "
    "waren sind seien haben hatten hätten sollen sollten könnten kamen starben gaben gingen "
    "lagen sagten teilten meldeten mehr weniger sowie pro je".split()
)
_GERMAN_NOT_COUNTED = frozenset("uhr prozent mal jahr jahre jahren".split())


def _german_noun(text: str, m: re.Match[str], more: bool) -> str:
    """The German noun a figure counts, *m* the first word after it (see :func:`_unit_after`)."""
    for _ in range(3):
        word = m.group(1)
        if word[:1].isupper():
            folded = word.casefold()
            if _MONTH_WORD.fullmatch(folded) or folded in _GERMAN_NOT_COUNTED:
                return ""
            return lexicon.UNITS.get(folded, word)
        if not more or word in _GERMAN_NOT_ATTRIBUTES or not _GERMAN_ATTRIBUTE.fullmatch(word):
            return ""
        nxt = _TRAILING_WORDS.match(text, m.end(1))
        if not nxt or "\n" in text[m.end(1) : nxt.start(1)]:
            return ""
        unit = lexicon.UNITS.get(nxt.group(1).casefold())
        if unit:
            return unit
        m = nxt
    return ""


def _is_year(token: str, value: float) -> bool:
    return token.isdigit() and len(token) == 4 and 1800 <= value <= 2100


# The word right before a number (a full stop and spaces between) and the word after it (an
# ordinal ending and "of" between).
_WORD_BEFORE_REVERSED = re.compile(r"\s*\.?([^\W\d_]+)")
_WORD_AFTER = re.compile(r"(?:st|nd|rd|th)?\s*(?:of\s+)?([^\W\d_]+)")


def _near_month(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12) : start]
    after = text[end : end + 12]
    # (the word before read backwards from the number: what ``([^\W\d_]+)\.?\s*$`` finds)
    prev = _WORD_BEFORE_REVERSED.match(before[::-1])
    nxt = _WORD_AFTER.match(after)
    return bool(
        (prev and _MONTH_WORD.fullmatch(prev.group(1)[::-1]))
        or (nxt and _MONTH_WORD.fullmatch(nxt.group(1)))
    )


def _broken(text: str, start: int, end: int) -> bool:
    """True when an invisible character joins this number to another digit."""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] in INVISIBLE and after[1].isdigit()) or (
        len(before) == 2 and before[1] in INVISIBLE and before[0].isdigit()
    )


_LIST_MARK = re.compile(r"[.)]\s")
_DEGREES = re.compile(r"\s?°\s?[CF]?(?![^\W\d_])|[CF](?![^\W\d_])")
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)an?\s$")
_NAMED_BEFORE = re.compile(r"(?:^|\s)[a-z]*[A-Z][\w'’]*\s$")
_CALIBRE = re.compile(r"\s?mm\b")
# A German counted noun after a number, an adjective perhaps before it ("300 neue Stellen").
_GERMAN_NOUN_AFTER = re.compile(r"\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?[A-ZÄÖÜ][a-zäöüß]")
# German nouns a number names ("Artikel 5", "Gleis 3", "Stufe 2"), not counts.
_GERMAN_NUMBERED = frozenset(
    "Artikel Paragraf Paragraph Absatz Kapitel Nummer Nr Linie Gleis Raum Zimmer Block Haus Tor "
    "Halle Terminal Bus Flug Kanal Folge Staffel Band Heft Ausgabe Version Level Stufe Klasse "
    "Platz Rang Runde Spieltag Bundesliga Liga".split()
)
_DE_DAY_BEFORE = re.compile(
    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
    r"(?:abend|morgen|nachmittag|vormittag|mittag|nacht)?"
)
_DIGIT_AFTER = re.compile(r" \d")
_DIGIT_BEFORE = re.compile(r"\d \Z")
_CAPITAL_AFTER = re.compile(r"\s+([A-Z][\w'’]*)")
_GERMAN_CLOCK = re.compile(r"\s?Uhr\b")  # "um 14 Uhr": a time of day


def _skip_context(text: str, start: int, end: int) -> bool:
    """Times, list numbers, URLs: digits that are not figures."""
    if text[end : end + 1] == ":" and text[end + 1 : end + 2].isdigit():
        return True
    if text[start - 1 : start] == ":" and text[start - 2 : start - 1].isdigit():
        return True
    floor = max(0, start - 300)
    line_start = max(text.rfind("\n", floor, start) + 1, floor)
    if _LIST_MARK.match(text, end) and not text[line_start:start].strip():
        return True
    word_start = max(text.rfind(" ", floor, start), text.rfind("\n", floor, start)) + 1
    word = text[max(word_start, floor) : start]
    return "://" in word or "www." in word


# Units of measure written onto the digits ("5km", "100mph", "40kg", "15см"); not "mm" (a
# calibre) nor "m" (metres or millions).
_ATTACHED_UNIT = led(
    r"(?P<u>km/h|kmh|kph|mph|km|cm|kg|ft|ha|mw|gw|kwh|kw|mg|ml|км/ч|км|см|кг|га|т)(?![^\W\d_])",
    re.IGNORECASE,
)
_ATTACHED_UNITS = {
    "km/h": "km/h", "kmh": "km/h", "kph": "km/h", "mph": "mph", "km": "kilometres",
    "cm": "cm", "kg": "kg", "ft": "feet", "ha": "hectares", "mw": "MW", "gw": "GW",
    "kwh": "kWh", "kw": "kW", "mg": "mg", "ml": "ml", "км/ч": "km/h", "км": "kilometres",
    "см": "cm", "кг": "kg", "га": "hectares", "т": "tonnes",
}  # fmt: skip


# Lower-case nouns a number after them names, not counts: a section of a law, a route, a
# phone line ("section 12", "linje 5", "статья 12", "الخط الساخن 16000", "المادة 7").
_NUMBERED_BY = led(
    r"(?<![\w])(?:section|article|clause|chapter|paragraph|page|route|platform|gate|flight|"
    r"junction|exit|ward|room|terminal|hotline|helpline|no\.|"
    r"paragraf|stk\.|linje|rute|spor|afsnit|kapitel|side|nummer|nr\.|"
    r"стать[яиеюей]|пункт[ауе]?|глав[аеыу]|маршрут[ауе]?|лини[яиюей]|номер[ауе]?|рейс[ауе]?|"
    r"(?:الخط\s+)?الساخن|الرقم|رقم|المادة|البند|الفقرة)\s+$",
    re.IGNORECASE,
)


def _figure_ok(
    text: str, start: int, end: int, value: float, has_extra: bool, language: str = "en"
) -> bool:
    """Shape checks on plain digit figures: model numbers, regiment names, calibres."""
    if _NUMBERED_BY.search(text, max(0, start - 16), start) and not has_extra:
        return False  # "section 12", "the hotline 16000": a name, no count
    if has_extra or _HYPHEN_UNIT.match(text, end) or _ATTACHED_UNIT.match(text, end):
        return True  # "a 54-year-old", "en 54-årig", "a 5km stretch"
    nxt = text[end : end + 1]
    if _DEGREES.match(text, end):
        return True  # "38C", "38 °C"
    if nxt.isalpha() and not _HYPHEN_UNIT.match(text, end):
        return False
    if nxt == "-" and not _HYPHEN_UNIT.match(text, end):
        return not text[end + 1 : end + 2].isalpha()
    before = text[max(0, start - 4) : start].casefold()
    if _ARTICLE_BEFORE.search(before) and not _HYPHEN_UNIT.match(text, end):
        return False  # "a 155 shell", "a 747"
    named = _NAMED_BEFORE.search(text[max(0, start - 30) : start])
    token = text[start:end]
    if named and (value < 1000 or token.isdigit()) and not _unit_after(text, end, "en"):
        if language == "de" and (
            _DE_DAY_BEFORE.fullmatch(named.group(0).strip())
            or (
                _GERMAN_NOUN_AFTER.match(text, end)
                and named.group(0).strip() not in _GERMAN_NUMBERED
            )
        ):
            pass  # "am Mittwochabend 14 Schiffe", "nach Angaben 300 neue Stellen": a German noun
            # before the number and the counted noun after it, no name with a number
        elif lexicon.QUALIFIERS.get(named.group(0).strip().casefold()) is None:
            return False  # "France 24", "Apollo 11", "Resolution 2231"
    if _CALIBRE.match(text, end):
        return False  # a calibre: "155 mm"
    if _DIGIT_AFTER.match(text, end) or _DIGIT_BEFORE.search(text[max(0, start - 2) : start]):
        return False  # digit groups in a phone number or an identifier
    if language == "de":  # German nouns are capitalised: "12 Personen" is no "3 Scots"
        return not _GERMAN_CLOCK.match(text, end)
    after = _CAPITAL_AFTER.match(text[end : end + 40])
    if after and value < 100 and not _MONTH_WORD.fullmatch(after.group(1)):
        if not _unit_after(text, end, "en"):
            return False  # "3 Scots", "2 Para"
    return True


def _digit_figures(
    text: str,
    folded: str,
    language: str,
    blocked: SpanSet,
    within: tuple[int, int] | None = None,
    taken: SpanSet | None = None,
) -> list[Figure]:
    """Figures written in digits (*taken*: figures found already, which any figure read here
    that overlaps gives way to: a single number on one of them is not read at all)."""
    out: list[Figure] = []
    lo, hi = within or (0, len(folded))
    for m in _pattern(language in SPACE_GROUPING).finditer(folded, lo, hi):
        start, end = m.start(), m.end()
        a_start, a_end = m.start("a"), m.end("a")
        if taken is not None and not m["b"] and taken.overlaps(a_start, a_end):
            continue  # (what it would give holds these digits, so overlaps that figure)
        if blocked.overlaps(start, end) or _broken(text, a_start, end):
            continue
        bare = not (m["b"] or m["maga"] or m["cura"] or m["pct"])
        if bare and (
            _DIGIT_AFTER.match(folded, a_end)
            or (a_start >= 2 and folded[a_start - 1] == " " and folded[a_start - 2].isdigit())
        ):
            continue  # digit groups of a phone number, a table or an identifier
        if _skip_context(folded, a_start, a_end):
            continue
        value = parse_number(m["a"], language)
        if value is None:
            continue
        mag = (m["maga"] or "").strip()
        cur = (m["cura"] or m["curb"] or "").strip().casefold()
        if mag.casefold() in ("m", "k") and not cur:
            people = _unit_after(text, m.end(), language) in _PEOPLE_UNITS
            if mag.casefold() == "k" or not people or m["b"]:
                mag = ""
                end = a_end
                if m["b"]:
                    continue
        value_max: float | None = None
        if m["b"]:
            lead = text[max(0, start - 9) : start].casefold().rstrip()
            if m["rsep"] in ("and", "or", "и", "und") and not lead.endswith(
                ("between", "zwischen")
            ):
                end = m.end("maga") if m["maga"] else a_end
                mag = mag if m["maga"] else ""
                if m["rsep"] == "und":  # "10 und 20": two figures
                    second = m.start("curb") if m["curb"] else m.start("b")
                    out += _digit_figures(text, folded, language, blocked, (second, m.end()), taken)
            else:
                value_max = parse_number(m["b"], language)
                if value_max is None:
                    continue
        mag_b = (m["magb"] or "").strip() if value_max is not None else ""
        scale_a = _MAGNITUDES.get(mag.casefold(), 1.0)
        scale_b = _MAGNITUDES.get(mag_b.casefold(), 1.0)
        if value_max is not None:
            if mag_b and not mag:
                scale_a = scale_b  # "1 to 2 million"
            elif (
                not mag_b
                and value_max >= 1000
                and value < 1000
                and m["a"].isdigit()
                and m["b"].endswith("000")
                and 0.3 * value_max <= value * 1000 <= value_max
            ):
                scale_a = 1000.0  # "11 to 12,000"
            value_max *= scale_b
        value *= scale_a
        if m["b"] and value_max is None:
            end = m.end("maga") if m["maga"] else a_end
        plain = not (mag or cur or m["pct"] or value_max is not None)
        if plain and _is_year(m["a"], value) and not _unit_after(text, end, language, False):
            continue
        if plain and _near_month(text, a_start, a_end):
            continue
        if value_max is not None and _near_month(text, a_start, m.end("b")):
            continue
        if not _figure_ok(text, a_start, end, value, not plain, language):
            continue
        if value_max is not None and value_max < value:
            continue
        before = text[max(0, start - 6) : start].casefold()
        if value_max is not None and re.search(r"\bfrom\s$", before):
            # "from 27 to 30" is a change: two figures
            qual, q_start = _qualifier_before(text, start)
            unit = _unit_after(text, m.end(), language)
            out.append(Figure(q_start, a_end, value, None, unit, qual))
            out.append(Figure(m.start("b"), m.end(), value_max, None, unit, ""))
            continue
        if m["b"] and value_max is None:
            end = m.end("maga") if m["maga"] else a_end
        unit = _CURRENCY.get(cur, "") or ("percent" if m["pct"] else "")
        hyphen = _HYPHEN_UNIT.match(text, end)
        if hyphen and not unit:
            word = (hyphen.group(1) or hyphen.group(2)).casefold()
            unit = lexicon.UNITS.get(word) or _HYPHEN_UNITS.get(word, word)
        degrees = _DEGREES.match(text, end)
        if degrees and not unit:
            unit, end = "degrees", degrees.end()
        attached = _ATTACHED_UNIT.match(text, end)
        if attached and not unit:
            unit, end = _ATTACHED_UNITS[attached["u"].casefold()], attached.end()
        unit = unit or _unit_after(text, end, language)
        qual, q_start = _qualifier_before(text, start)
        out.append(Figure(q_start, end, value, value_max, unit, qual))
    return out


# Korean shares: "3분의 1" (one third), "절반" (half).
_KOREAN_SHARE = led(r"(?<![\d.])(?P<d>\d+)\s?분의\s?(?P<n>\d+)|절반")


def _korean_figures(text: str, folded: str, blocked: SpanSet) -> list[Figure]:
    out: list[Figure] = []
    for share in _KOREAN_SHARE.finditer(folded) if "분의" in folded or "절반" in folded else ():
        if blocked.overlaps(share.start(), share.end()):
            continue
        part = int(share["n"]) / int(share["d"]) if share["d"] and int(share["d"]) else 0.5
        more = re.match(
            r"\s?(?:이상|이하|가량|가까이|넘게|정도)", folded[share.end() : share.end() + 4]
        )
        qual = lexicon.QUALIFIERS.get(more.group(0).strip(), "") if more else ""
        end = share.end() + (more.end() if more else 0)
        out.append(Figure(share.start(), end, part, None, "", qual))
    if "도" in folded and (
        "영하" in folded or "영상" in folded or _KOREAN_HEAT_WORDS.search(folded)
    ):
        out += _korean_temperatures(folded, blocked)
    for m in _KOREAN.finditer(folded):
        if blocked.overlaps(m.start(), m.end()) or _broken(text, m.start("num"), m.end("num")):
            continue
        value = _korean_value(m["num"])
        if value is None:
            continue
        counter = m["counter"]
        if counter in ("년", "분", "초") and not _korean_count_ok(folded, m, value):
            continue
        pre, post = (m["pre"] or "").strip(), (m["post"] or "").strip()
        after = (m["after"] or "").strip()
        qual = lexicon.QUALIFIERS.get(pre or post or after, "")
        unit = lexicon.UNITS.get(counter, "")
        end = m.end()
        if counter == "명의":
            end -= 1
        if counter in ("%", "퍼센트"):
            unit = "percent"
        unit = unit or _KOREAN_UNITS.get(counter, "")
        out.append(Figure(m.start(), end, value, None, unit, qual))
    return out


# A Korean temperature, below or above zero, or a range of them ("영하 2도에서 영상 5도"); a
# bare "N도" only after a word of temperature.
_KOREAN_TEMPERATURE = led(
    r"(?<![\w.])(?:(?P<s1>영하|영상|섭씨)\s?)?(?P<a>\d+(?:\.\d+)?)도"
    r"(?:\s?(?:에서|~|∼)\s?(?:(?P<s2>영하|영상)\s?)?(?P<b>\d+(?:\.\d+)?)도)?"
)
_KOREAN_HEAT_WORDS = re.compile(r"기온|온도|수은주|최고|최저|체감")


def _korean_temperatures(folded: str, blocked: SpanSet) -> list[Figure]:
    out: list[Figure] = []
    for m in _KOREAN_TEMPERATURE.finditer(folded):
        if blocked.overlaps(m.start(), m.end()):
            continue
        if not m["s1"] and not _KOREAN_HEAT_WORDS.search(folded, max(0, m.start() - 30), m.start()):
            continue
        low = float(m["a"]) * (-1 if m["s1"] == "영하" else 1)
        high = float(m["b"]) * (-1 if m["s2"] == "영하" else 1) if m["b"] else None
        out.append(Figure(m.start(), m.end(), low, high, "°C", ""))
    return out


def _korean_count_ok(folded: str, m: re.Match[str], value: float) -> bool:
    """A count of years, minutes or seconds, not a year ("2019년"), a date ("26년 5월") or a
    time of day ("4시 30분")."""
    if m["counter"] == "년":
        if 1000 <= value <= 2100 or re.match(r"\s?\d{1,2}\s?월", folded[m.end() : m.end() + 5]):
            return False
        return "," not in m["num"] and "." not in m["num"]
    return not _KOREAN_TIME_BEFORE.search(folded, max(0, m.start() - 4), m.start())


# "of" and the whole a part is counted out of: "three of the trust's four hospitals",
# "two of its 12 warehouses".
_PARTITIVE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|these|those)\s+(?:[^\W\d_][\w'’\-]*\s+){0,2}?"
    r"(?P<total>\d[\d,.]*|(?:" + "|".join(w for w in WORD_VALUES if len(w) > 2) + r"))\s+[^\W\d_]",
    re.IGNORECASE,
)


# "half of the workers", "half its budget": a share; "half of the season" is a stretch of time.
_HALF_OF = led(
    r"(?<![\w-])[Hh]alf(?=\s+(?:of\s+)?(?:the|its|their|all|those|these|his|her|our)\s+"
    r"(?!(?:season|year|century|decade|month|week|day|night|match|game|term|period|time|"
    r"way|hour|century|first|second|1st|2nd)\b)[\w£$€])"
)


# A count out of things just counted, taken up by a relative pronoun: "30 complaints, four
# of which …" ("two of them" may take up anyone, and stays uncounted).
_OF_PRONOUN = re.compile(r"\s+of\s+(?:which|whom)(?![\w'’-])", re.IGNORECASE)
# A number standing for the members of a group just named: "a crew of seven", "a group of six".
_GROUP_OF = led(
    r"(?<![\w-])(?:family|household|group|team|crew|party|squad|gang|band|class|couple|pack|"
    r"set|total)\s+of\s+$",
    re.IGNORECASE,
)
# A lower bound written after the number: "ten or more pupils", "five or over".
_OR_MORE = re.compile(r"\s+or\s+(?:more|over|above)(?![\w-])", re.IGNORECASE)
# Words before "one" and a unit of time that make it a length of time ("within one month").
_ONE_SPAN_BEFORE = led(
    r"(?<![\w-])(?:after|for|within|over|than|only|just|about|nearly|almost|barely|in)\s+$",
    re.IGNORECASE,
)
_TIME_UNITS = frozenset("hours days weeks months years decades".split())

# How many times as much, in English: "twice as high", "at least twice", "three times as many"
# (a bare "twice", "visited twice", counts nothing the reader checks).
_TIMES_AS = led(
    r"(?<![\w-])(?P<w>[Tt]wice|[Tt]hrice|(?:two|three|four|five|ten)\s+times)"
    r"(?=\s+(?:as|more|higher|larger|bigger|greater|over)\b)"
)
_TIMES_QUALIFIED = led(
    r"(?<![\w-])(?:at\s+least|more\s+than|nearly|almost|roughly|about|at\s+most)\s+"
    r"(?P<w>twice|thrice)(?![\w-])"
)
_TIMES = {"twice": 2, "thrice": 3, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}


def _times_figures(text: str, blocked: SpanSet) -> list[Figure]:
    out: list[Figure] = []
    seen: set[int] = set()
    for m in [*_TIMES_AS.finditer(text), *_TIMES_QUALIFIED.finditer(text)]:
        if m.start("w") in seen or blocked.overlaps(m.start("w"), m.end("w")):
            continue
        seen.add(m.start("w"))
        value = _TIMES[m["w"].split()[0].casefold()]
        qual, q_start = _qualifier_before(text, m.start("w"))
        out.append(Figure(q_start, m.end("w"), value, None, "times", qual))
    return out


# "between six and", "between 6 and" right before a number word: the low end of a range
# whose high end carries the scale ("between six and nine thousand": 6,000 to 9,000).
_BETWEEN_WORDS = re.compile(
    r"\bbetween\s+(\d{1,3}|"
    + "|".join(sorted((w for w in WORD_VALUES if len(w) > 2), key=len, reverse=True))
    + r")\s+and\s+$",
    re.IGNORECASE,
)


def _word_figures(text: str, blocked: SpanSet) -> list[Figure]:
    out: list[Figure] = []
    if "twice" in text or "thrice" in text or " times " in text:
        out += _times_figures(text, blocked)
    for m in _HALF_OF.finditer(text) if "half" in text or "Half" in text else ():
        if not blocked.overlaps(m.start(), m.end()):
            qual, q_start = _qualifier_before(text, m.start())
            out.append(Figure(q_start, m.end(), 0.5, None, "", qual))
    for m in _WORD_NUMBER.finditer(text):
        words = re.split(r"[- ]", m["w"].casefold())
        if blocked.overlaps(m.start(), m.end()):
            continue
        fraction = words[-1] in _FRACTIONS
        scales = [w for w in words if w in _WORD_SCALES]
        one_span = (
            words == ["one"]
            and _ONE_SPAN_BEFORE.search(text, max(0, m.start() - 8), m.start()) is not None
            and _unit_after(text, m.end(), "en") in _TIME_UNITS
        )  # "within one month": a length of time
        if words[0] in ("a", "an", "one") and not (scales or fraction or one_span):
            continue
        if words == ["a", "few"] or words[:2] == ["a", "few"]:
            continue
        if not (scales or fraction) and re.search(
            r"\b(?:the|these|those|both)\s+$", text[max(0, m.start() - 7) : m.start()], re.I
        ):
            continue  # "the two countries" names them, it does not count them
        value = 0.0
        current = 0.0
        for w in words:
            if w in WORD_VALUES:
                current += WORD_VALUES[w]
            elif w == "hundred":
                current = (current or 1) * 100
            elif w in _WORD_SCALES:
                value += (current or 1) * _WORD_SCALES[w]
                current = 0
        value += current
        if fraction:
            whole = value if value else 1.0
            value = whole / _FRACTIONS[words[-1]]
        value_max: float | None = None
        end = m.end()
        rng = re.match(
            r"\s*(?:to|-|–|or)\s*(\d+|(?:" + "|".join(WORD_VALUES) + r"))(?![\w\-])",
            text[end : end + 16],
            re.IGNORECASE,
        )
        if rng and not fraction and not scales:
            upper = rng.group(1).casefold()
            value_max = float(upper) if upper.isdigit() else float(WORD_VALUES[upper])
            end += rng.end()
        start = m.start()
        between = (
            _BETWEEN_WORDS.search(text, max(0, start - 32), start)
            if value_max is None and not fraction and "etween" in text
            else None
        )
        if between:  # "between six and nine thousand jobs": 6,000 to 9,000
            low_word = between.group(1).casefold()
            low = float(low_word) if low_word.isdigit() else float(WORD_VALUES[low_word])
            scale = _WORD_SCALES[words[-1]] if words[-1] in _WORD_SCALES else 1.0
            if low * scale < value:
                low *= scale
            if low < value:
                value, value_max, start = low, value, between.start(1)
        or_more = _OR_MORE.match(text, end) if value_max is None else None
        if or_more:  # "ten or more pupils"
            end = or_more.end()
        nxt = text[end : end + 40]
        unit = _unit_after(text, end, "en")
        grouped = _GROUP_OF.search(text, max(0, m.start() - 16), m.start())
        if grouped or _OF_PRONOUN.match(text, end):
            pass  # "a crew of seven", "four of which": the count stands alone
        elif not (scales or fraction):
            if re.match(r"\s+of\b", nxt):
                part_of = _PARTITIVE.match(text, end)
                if part_of is None:
                    continue
                unit = _unit_after(text, part_of.end("total"), "en")  # "three of its four"
            follow = re.match(r"\s+([^\W\d_][\w'’\-]*)", nxt)
            if not follow or follow.group(1).casefold() in lexicon.ENUMERATION_NOUNS:
                continue
            if not unit:
                continue
        if value_max is not None and value_max <= value:
            continue
        if (
            words[0] in ("a", "an")
            and scales
            and re.search(r"\bhalf\s+$", text[max(0, start - 6) : start])
        ):
            value /= 2
            start = text.rindex("half", 0, start)
        qual, q_start = _qualifier_before(text, start)
        if or_more and not qual:
            qual = "at least"
        out.append(Figure(q_start, end, value, value_max, unit, qual))
    return out


# Small numbers and shares written as words in other languages.  A number word counts only
# before a counted thing the lexicon knows ("to dage", "три дня"); a share always does.
# (Russian, Danish, Arabic and Korean number words: db.assist.number_words.)
_SMALL_NUMBERS: dict[str, dict[str, float]] = {
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
           "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20},
}  # fmt: skip
_GERMAN_PARTITIVE = re.compile(
    r"\s+(?:von|der|unter)\s+(?:(?:ihnen|den|diesen|denen)(?![\w])|(?:zwei|drei|vier|fünf|sechs|"
    r"sieben|acht|neun|zehn|elf|zwölf|zwanzig|\d+)\s)"
    r"|\s+(?:davon|darunter)(?![\w])"  # "bei drei davon": out of those just named
)
# A German number word closing a comparison with the count before it, the counted noun left
# out: "sechs Tage statt bisher sieben", "damals waren es noch neun".
_GERMAN_ELLIPTIC = led(
    r"(?<![\w])(?:statt|anstatt|bisher|noch|als|gegenüber|zuvor|damals|auf)\s+"
    r"(?:(?:bisher|noch|nur|rund|etwa|knapp|fast|gut|über|unter)\s+)?"
    r"(?P<w>zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig)"
    r"(?=\s*[.,;:!?“”\"«»)–-])",
    re.IGNORECASE,
)


@lru_cache(maxsize=4)
def _small_number_pattern(language: str) -> re.Pattern[str]:
    """A number word of *language*'s :data:`_SMALL_NUMBERS`, an inflected adjective perhaps,
    and the word it counts (compiled once for each language)."""
    return led(
        r"(?<![^\W\d_])(?P<w>" + "|".join(_SMALL_NUMBERS[language]) + r")\s+"
        r"(?-i:(?P<adj>[a-zäöüß]+(?:e|en|er|es|em))\s+(?=[A-ZÄÖÜ]))?(?P<u>[^\W\d_]+)",
        re.IGNORECASE,
    )


# Capitalised words after a German number word that count nothing ("um sechs Uhr").
_GERMAN_NOT_COUNTED = frozenset("Uhr Mal".split())
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[„“\"»]|\n)$")
# Number words that count on their own: Arabic duals of hundred and thousand, Korean native
# counts of days (Russian collectives and other duals: db.assist.number_words).
_COUNT_WORDS: dict[str, tuple[float, str]] = {
    "ألفي": (2000, ""), "ألفا": (2000, ""), "ألفين": (2000, ""), "مئتي": (200, ""),
    "مئتا": (200, ""), "مائتي": (200, ""), "مائتا": (200, ""), "مليوني": (2e6, ""),
    "مليونا": (2e6, ""),
    # how many times as much: "вдвое меньше", "выросла почти втрое"
    "вдвое": (2, "times"), "втрое": (3, "times"), "вчетверо": (4, "times"),
    "впятеро": (5, "times"), "вдесятеро": (10, "times"),
    # how many times: "сдачу дважды переносили"
    "дважды": (2, "times"), "трижды": (3, "times"), "четырежды": (4, "times"),
    "zweimal": (2, "times"), "dreimal": (3, "times"), "viermal": (4, "times"),
    "fünfmal": (5, "times"), "sechsmal": (6, "times"), "zehnmal": (10, "times"),
    "이틀": (2, "days"), "사흘": (3, "days"), "나흘": (4, "days"), "닷새": (5, "days"),
    "엿새": (6, "days"), "이레": (7, "days"), "열흘": (10, "days"), "보름": (15, "days"),
}  # fmt: skip
_COUNT_RE = led(
    r"(?:(?<![^\W\d_])|(?<=[\s(][وبلف]))(?P<w>"
    + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
    + r")(?![^\W\d_]|간|째|동안|에서|만에)",
    re.IGNORECASE,
)
_SHARES: dict[str, float] = {
    "ثلث": 1 / 3, "ثلثي": 2 / 3, "ثلثا": 2 / 3, "ربع": 1 / 4, "نصف": 1 / 2,
    "треть": 1 / 3, "трети": 1 / 3, "третью": 1 / 3, "две трети": 2 / 3,
    "двух третей": 2 / 3, "четверть": 1 / 4,
    "четверти": 1 / 4, "четвертью": 1 / 4, "три четверти": 3 / 4, "трёх четвертей": 3 / 4,
    "трех четвертей": 3 / 4, "половина": 1 / 2, "половину": 1 / 2, "половины": 1 / 2,
    "половине": 1 / 2, "половиной": 1 / 2, "en tredjedel": 1 / 3, "to tredjedele": 2 / 3,
    "halvdelen": 1 / 2, "en fjerdedel": 1 / 4, "ein drittel": 1 / 3, "zwei drittel": 2 / 3,
    "die hälfte": 1 / 2, "ein viertel": 1 / 4,
}  # fmt: skip
_SHARE_RE = led(
    r"(?:(?<![^\W\d_])|(?<=[\s(][وبلف]))(?P<w>"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_SHARES, key=len, reverse=True))
    + r")(?![^\W\d_])",
    re.IGNORECASE,
)


# A Russian unit of time standing for one of it after a qualifier ("больше суток", "как
# минимум неделю", "в течение суток"); not a time ago ("более года назад") or of day ("около
# часа ночи"), and "в течение недели" is a date (the past week).
_RU_ONE_SPAN = led(
    r"(?<![\w])(?P<q>[Бб]ольше|[Бб]олее|[Мм]еньше|[Мм]енее|[Оо]коло|[Пп]очти|[Сс]выше|"
    r"не\s+менее|не\s+более|как\s+минимум|минимум|по\s+меньшей\s+мере|в\s+течение)\s+"
    r"(?P<u>суток|недели|неделю|месяца|месяц|года|год|часа|час)(?![\w])"
    r"(?!\s+(?:назад|ночи|утра|дня|вечера))"
)
_RU_SPAN_UNITS = {
    "суток": "days", "недели": "weeks", "неделю": "weeks", "месяца": "months", "месяц": "months",
    "года": "years", "год": "years", "часа": "hours", "час": "hours",
}  # fmt: skip


# A Danish unit of time standing for one of it after a qualifier or a preposition of time ("i
# næsten et år", "efter en uge", "mindst et døgn"); not a time ago ("et år siden").
_DA_ONE_SPAN = led(
    r"(?<![\w])(?:(?P<q>over|mindst|næsten|knap|godt|under|op\s+til)|efter|i|inden\s+for|på)\s+"
    r"(?P<one>et|en)\s+(?P<u>år|uge|måned|døgn|halvt\s+år)(?![\w])(?!\s+(?:siden|før|efter))",
    re.IGNORECASE,
)
_DA_SPAN_UNITS = {"år": "years", "uge": "weeks", "måned": "months", "døgn": "days"}


def _danish_one_spans(text: str, blocked: SpanSet) -> list[Figure]:
    out: list[Figure] = []
    for m in _DA_ONE_SPAN.finditer(text):
        start = m.start("q") if m["q"] else m.start("one")
        if blocked.overlaps(start, m.end()):
            continue
        unit = m["u"].casefold()
        value, unit = (0.5, "years") if unit.startswith("halvt") else (1, _DA_SPAN_UNITS[unit])
        qual = lexicon.QUALIFIERS.get(" ".join(m["q"].casefold().split()), "") if m["q"] else ""
        out.append(Figure(start, m.end(), value, None, unit, qual))
    return out


def _russian_one_spans(text: str, blocked: SpanSet) -> list[Figure]:
    out: list[Figure] = []
    for m in _RU_ONE_SPAN.finditer(text):
        q = " ".join(m["q"].casefold().split())
        if (q == "в течение" and m["u"] == "недели") or blocked.overlaps(m.start(), m.end()):
            continue
        qual = lexicon.QUALIFIERS.get(q, "within" if q == "в течение" else q)
        out.append(Figure(m.start(), m.end(), 1, None, _RU_SPAN_UNITS[m["u"]], qual))
    return out


def _foreign_word_figures(text: str, folded: str, language: str, blocked: SpanSet) -> list[Figure]:
    out: list[Figure] = []
    if language == "ru":
        out += _russian_one_spans(text, blocked)
    if language == "da":
        out += _danish_one_spans(text, blocked)
    for m in _SHARE_RE.finditer(text):
        if blocked.overlaps(m.start(), m.end()):
            continue
        value = _SHARES[" ".join(m["w"].casefold().split())]
        qual, q_start = _qualifier_before(text, m.start())
        out.append(Figure(q_start, m.end(), value, None, "", qual))
    for m in _COUNT_RE.finditer(text):
        if blocked.overlaps(m.start(), m.end()):
            continue
        value, unit = _COUNT_WORDS[m["w"].casefold()]
        qual, q_start = _qualifier_before(text, m.start())
        end = m.end()
        if unit == "days":
            span = re.match(r"\s?(?:동안|간)", text[end : end + 4])
            end += span.end() if span else 0
        out.append(
            Figure(q_start, end, value, None, unit or _unit_after(text, end, language), qual)
        )
    for w in word_numbers(folded, language):
        if blocked.overlaps(w.start, w.end):
            continue
        qual, q_start = _qualifier_before(text, w.start)
        unit = w.unit or _unit_after(text, w.end, language)
        out.append(Figure(q_start, w.end, w.value, None, unit, qual))
    words = _SMALL_NUMBERS.get(language)
    if words:
        for m in _small_number_pattern(language).finditer(text):
            counted = lexicon.UNITS.get(m["u"].casefold())
            if language == "de" and not counted and _GERMAN_PARTITIVE.match(text, m.end("w")):
                counted = " "  # "drei von ihnen": a count out of those just named
            if (
                language == "de"
                and not counted
                and m["u"][:1].isupper()
                and m["u"] not in _GERMAN_NOT_COUNTED
                and (m["w"][:1].islower() or _SENTENCE_START.search(text, 0, m.start()))
            ):
                counted = m["u"]  # a German noun is capitalised: "zwei Vitrinen", "fünf Bewerber"
            if not counted or blocked.overlaps(m.start(), m.end()):
                continue
            qual, q_start = _qualifier_before(text, m.start())
            value = words[m["w"].casefold()]
            out.append(Figure(q_start, m.end("w"), value, None, counted.strip(), qual))
    if language == "de":
        for m in _GERMAN_ELLIPTIC.finditer(text):
            if not blocked.overlaps(m.start("w"), m.end("w")):
                qual, q_start = _qualifier_before(text, m.start("w"))
                value = _SMALL_NUMBERS["de"][m["w"].casefold()]
                out.append(Figure(q_start, m.end("w"), value, None, "", qual))
    return out


def _vague_figures(text: str, blocked: SpanSet, taken: SpanSet) -> list[Figure]:
    out: list[Figure] = []
    matches = list(_VAGUE.finditer(text))
    if "آلاف" in text or "مئات" in text or "عشرات" in text:
        matches += _VAGUE_ARABIC.finditer(text)
    for m in matches:
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if blocked.overlaps(start, end) or taken.overlaps(start, end):
            continue
        before = text[max(0, start - 12) : start].casefold()
        if re.search(
            r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|several))\s*$", before
        ):
            continue
        word = " ".join(text[start:end].casefold().split())
        qual = lexicon.VAGUE.get(word, word)
        of = re.match(r"\s+of\b", text[end : end + 4])
        unit = _unit_after(text, end + (of.end() if of else 0), "en")
        out.append(Figure(start, end, None, None, unit, qual, True))
    return out


def extract_figures(text: str, language: str | None = None) -> list[Figure]:
    """Every figure in *text*, in order; *language* is guessed from the text when None."""
    lang = language or guess_language(text)
    folded = fold_digits(text)
    blocked = SpanSet(furniture(text))
    found = _korean_figures(text, folded, blocked) if lang == "ko" or "명" in text else []
    if lang not in lexicon.NON_LATIN:
        taken = SpanSet(found)
        found += [f for f in _word_figures(text, blocked) if not taken.overlaps(f.start, f.end)]
    if lang != "en":
        taken = SpanSet(found)
        found += [
            f
            for f in _foreign_word_figures(text, folded, lang, blocked)
            if not taken.overlaps(f.start, f.end)
        ]
    taken = SpanSet(found)
    for fig in _digit_figures(text, folded, lang, blocked, taken=taken):
        if not taken.overlaps(fig.start, fig.end):
            found.append(fig)
    taken = SpanSet(found)
    found += _vague_figures(text, blocked, taken)
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Figure] = []
    for fig in found:
        if not kept or fig.start >= kept[-1].end:
            kept.append(fig)
    return kept


__all__ = ["Figure", "extract_figures", "parse_number"]
