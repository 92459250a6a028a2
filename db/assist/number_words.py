"""Numbers written as words in Russian, Danish, Arabic and Korean news text.

``word_numbers(text, language)`` finds cardinal number words in every case form the
language writes them in (``трёх школ``, ``пятью``, ``femogtyve``, ``ثلاث قرى``, ``두 차례``),
compounds (``двести тридцать``, ``خمسة وعشرون``, ``tre hundrede``) and a magnitude word
after them (``двести миллионов``, ``to millioner``).  A number word is a figure when a word
follows it that it counts; a few words count on their own (Russian collectives such as
``четверых``, Arabic ``اثنين`` and duals such as ``أسبوعين``, a noun with ``واحدة``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from db.assist import lexicon
from db.assist.date_words import word_index
from db.assist.patterns import led


class WordNumber(NamedTuple):
    start: int
    end: int
    value: float
    unit: str  # the counted thing where the reader knows it, else ""


def _russian() -> dict[str, float]:
    words: dict[str, float] = {
        "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
        "восемь": 8, "девять": 9, "десять": 10, "сорок": 40, "девяносто": 90, "сто": 100,
        "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600,
        "семьсот": 700, "восемьсот": 800, "девятьсот": 900, "тысяча": 1000,
        "полтора": 1.5, "полторы": 1.5, "полутора": 1.5,
        # genitive and prepositional, dative, instrumental ("семью" is also "family")
        "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "сорока": 40,
        "девяноста": 90, "ста": 100, "двухсот": 200, "трёхсот": 300, "трехсот": 300,
        "четырёхсот": 400, "четырехсот": 400, "пятисот": 500, "шестисот": 600, "семисот": 700,
        "восьмисот": 800, "девятисот": 900, "двум": 2, "трём": 3, "трем": 3, "четырём": 4,
        "четырем": 4, "двумя": 2, "тремя": 3, "четырьмя": 4, "восемью": 8, "восьми": 8,
    }  # fmt: skip
    # the numbers in -ь decline -и (genitive, dative, prepositional) and -ью (instrumental)
    soft = {
        "пять": 5, "шесть": 6, "семь": 7, "девять": 9, "десять": 10, "одиннадцать": 11,
        "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15,
        "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
        "двадцать": 20, "тридцать": 30,
    }  # fmt: skip
    for word, value in soft.items():
        words[word] = value
        words[word[:-1] + "и"] = value
        if word != "семь":
            words[word[:-1] + "ью"] = value
    for stem, value in {"пят": 50, "шест": 60, "сем": 70}.items():
        words[stem + "ьдесят"] = value
        words[stem + "идесяти"] = value
    words["восемьдесят"], words["восьмидесяти"] = 80, 80
    return words


def _danish() -> dict[str, float]:
    units = {"en": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8,
             "ni": 9}  # fmt: skip
    tens = {"tyve": 20, "tredive": 30, "fyrre": 40, "halvtreds": 50, "tres": 60,
            "halvfjerds": 70, "firs": 80, "halvfems": 90}  # fmt: skip
    words: dict[str, float] = {
        **{w: v for w, v in units.items() if w != "en"}, **tens,
        "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15,
        "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19, "hundrede": 100,
        "tusind": 1000, "halvanden": 1.5,
    }  # fmt: skip
    for unit, u in units.items():
        for ten, t in tens.items():
            words[f"{unit}og{ten}"] = u + t  # "femogtyve"
    return words


def _arabic() -> dict[str, float]:
    words: dict[str, float] = {
        "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6,
        "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "ثمان": 8, "تسعة": 9, "تسع": 9,
        "عشرة": 10, "عشر": 10, "مئة": 100, "مائة": 100, "ألف": 1000,
    }  # fmt: skip
    for stem, value in {"عشر": 20, "ثلاث": 30, "أربع": 40, "خمس": 50, "ست": 60, "سبع": 70,
                        "ثمان": 80, "تسع": 90}.items():  # fmt: skip
        words[stem + "ون"] = value
        words[stem + "ين"] = value
    for stem, value in {"ثلاث": 300, "أربع": 400, "خمس": 500, "ست": 600, "سبع": 700,
                        "ثمان": 800, "تسع": 900}.items():  # fmt: skip
        words[stem + "مئة"] = value
        words[stem + "مائة"] = value
    return words


_TABLES: dict[str, dict[str, float]] = {"ru": _russian(), "da": _danish(), "ar": _arabic()}
_MAGNITUDES: dict[str, dict[str, float]] = {
    "ru": {"тысяч": 1e3, "тысячи": 1e3, "тыс.": 1e3, "миллион": 1e6, "миллиона": 1e6,
           "миллионов": 1e6, "млн": 1e6, "млн.": 1e6, "миллиард": 1e9, "миллиарда": 1e9,
           "миллиардов": 1e9, "млрд": 1e9, "млрд.": 1e9},
    "da": {"millioner": 1e6, "million": 1e6, "mio.": 1e6, "milliarder": 1e9, "milliard": 1e9,
           "mia.": 1e9},
    "ar": {"آلاف": 1e3, "ألف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9,
           "مليارات": 1e9},
}  # fmt: skip
# Words after a number word that show it is not counting them.
_NOT_COUNTED: dict[str, frozenset[str]] = {
    "da": frozenset(
        "af og eller i på til for som der det de den er var har havde om med ved efter fra "
        "over under ud op ned at en et sig så men kl klokken".split()
    ),
    "ar": frozenset(
        "من في على إلى عن مع أن إن ما لا قد التي الذي الذين أو ثم حتى منذ بين عند".split()
    ),
    "ru": frozenset(
        "из и или а но на в во с со по за к от до о об что как трети третей третями третям "
        "четверти четвертей четвертями плюс минус".split()
    ),
}
# Words before a number word that name the things rather than count them ("de to lande",
# "klokken ti").
_NOT_AFTER: dict[str, frozenset[str]] = {
    "da": frozenset("de disse begge klokken kl nummer nr flere nogle mange adskillige".split()),
    "ar": frozenset(["عدة"]),
    "ru": frozenset("несколько номер".split()),
}
_ARABIC_PREFIX = "وبلف"


@lru_cache(maxsize=8)
def _keys(language: str) -> dict[str, tuple[str, int]]:
    """Each word form that starts a number: the table word and the letters before it (an
    Arabic conjunction or preposition written onto the number, "وأربعة")."""
    keys = {w: (w, 0) for w in _TABLES[language]}
    if language == "ar":
        for w in _TABLES[language]:
            for letter in _ARABIC_PREFIX:
                keys.setdefault(letter + w, (w, 1))
    return keys


@lru_cache(maxsize=8)
def _tail(language: str) -> re.Pattern[str]:
    """A further number word of a compound (``двести тридцать``, ``خمسة وعشرون``)."""
    words = "|".join(sorted(_TABLES[language], key=len, reverse=True))
    joint = r"\s+(?:و\s?)?" if language == "ar" else r"\s+(?:og\s+)?"
    return re.compile(joint + f"(?P<w>{words})(?![^\\W\\d_])", re.IGNORECASE)


@lru_cache(maxsize=8)
def _magnitude(language: str) -> re.Pattern[str]:
    words = sorted(_MAGNITUDES[language], key=len, reverse=True)
    return re.compile(
        r"\s+(?P<m>" + "|".join(re.escape(w) for w in words) + r")(?![^\W\d_])", re.IGNORECASE
    )


_DIGIT_BEFORE = re.compile(r"\d[ \u00a0]*$")
_PARTITIVE = re.compile(
    r"[ \u00a0]+(?:af|of|из)[ \u00a0]+(?:(?:de|the|disse|these|those)[ \u00a0]+)?"
    r"(?P<n>[^\W_]+)",
    re.IGNORECASE,
)
# What a Danish count out of a whole names the whole by: a noun in the definite plural ("tre af
# sygeplejerskerne", "fire af børnene") or a pronoun ("fire af dem").
_DA_THOSE = re.compile(r"[a-zæøå]{2,}(?:erne|ene|rne)|dem|os|jer|disse")
_NAMED_BY = re.compile(r"(?<![\w])(?:de|disse|begge)\s+$", re.IGNORECASE)  # "de to af dem"
_OF_THE_BEFORE = re.compile(r"[^\W\d_]+[ \u00a0]+(?:af|of)[ \u00a0]+(?:de|the)[ \u00a0]+$", re.I)
_LETTER_COMPOUND = re.compile(r"[A-ZÆØÅ]-[a-zæøå]{2,}")
_NEXT_WORD = led(r"[ \u00a0]+([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s+$")


def _value(words: list[str], table: dict[str, float], arabic: bool) -> float | None:
    """The value of a compound, None when its parts do not make one number."""
    total = 0.0
    current = 0.0
    for word in words:
        value = table[word]
        if value in (100, 1000) and current and current < value:
            current *= value  # "tre hundrede", "ثلاثة آلاف"
            if value == 1000:
                total, current = total + current, 0.0
            continue
        if current and value >= current:
            if not (arabic and current < 10 and value < 100 and value % 10 == 0):
                return None  # "два три": two numbers, not one
        current += value  # "двести тридцать", "خمسة وعشرون" (five and twenty)
    return total + current


def _plain_numbers(text: str, language: str) -> list[WordNumber]:
    table, keys = _TABLES[language], _keys(language)
    not_counted = _NOT_COUNTED.get(language, frozenset())
    not_after = _NOT_AFTER.get(language, frozenset())
    tail, magnitude = _tail(language), _magnitude(language)
    out: list[WordNumber] = []
    last_end = -1
    starts, _ends, words = word_index(text)
    for i, token in enumerate(words):
        if token not in keys:
            continue
        word, lead = keys[token]
        start = starts[i] + lead
        if start < last_end or (start and text[start - 1 - lead] in "-_"):
            continue
        if _DIGIT_BEFORE.search(text, max(0, start - 3), start):
            continue  # "5 tusind", "٥ ألف": a magnitude of the digits' figure
        if language == "da" and text[start].isupper():
            if start and text[start - 1] != "\n" and text[start - 2 : start] != ". ":
                continue  # a capitalised word inside a sentence is a name ("Fire Ø")
        parts, end = [word], start + len(word)
        while nxt := tail.match(text, end):
            parts.append(nxt["w"].casefold())
            end = nxt.end()
        value = _value(parts, table, language == "ar")
        if value is None:
            continue
        mag = magnitude.match(text, end)
        if mag:
            value *= _MAGNITUDES[language][mag["m"].casefold()]
            end = mag.end()
        follow = _NEXT_WORD.match(text, end)
        if follow is None:
            continue
        counted = follow.group(1)
        folded = counted.casefold()
        partitive = _PARTITIVE.match(text, end)
        if partitive and (
            partitive["n"].casefold() in table
            or partitive["n"].isdigit()
            or (
                language == "da"
                and _DA_THOSE.fullmatch(partitive["n"].casefold()) is not None
                and not _NAMED_BY.search(text, max(0, start - 12), start)
            )
        ):
            # "fem af de syv linjer", "three of the five ministers": a count of a count
            last_end = end
            out.append(WordNumber(start, end, value, ""))
            continue
        if folded in not_counted or folded in table:
            continue
        if language == "da" and not counted.islower():
            if not _LETTER_COMPOUND.match(text, follow.start(1)):
                continue  # but "syv S-togslinjer": a letter joined to a noun
        if language == "ar" and (folded.startswith("ال") or len(folded) < 2):
            continue  # "خمس السكان" is a fifth, and a counted noun is indefinite
        before = _WORD_BEFORE.search(text, max(0, start - 12), start)
        whole = _OF_THE_BEFORE.search(text, max(0, start - 16), start)  # "fem af de syv"
        if before and before.group(1).casefold() in not_after and not whole:
            continue
        if language == "ru" and folded in ("час", "часа", "часов") and before:
            if before.group(1).casefold() in ("в", "к"):
                continue  # "в три часа ночи": a time of day
        last_end = end
        out.append(WordNumber(start, end, value, lexicon.UNITS.get(folded, "")))
    return out


# Words that count on their own.
_RUSSIAN_COLLECTIVES = {
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7,
    "двоих": 2, "троих": 3, "четверых": 4, "пятерых": 5, "шестерых": 6, "семерых": 7,
    "двоим": 2, "троим": 3, "четверым": 4, "пятерым": 5, "двоими": 2, "троими": 3,
    "четверыми": 4, "пятерыми": 5,
}  # fmt: skip
_ARABIC_DUALS: dict[str, tuple[float, str]] = {
    "اثنان": (2, ""), "اثنين": (2, ""), "اثنتان": (2, ""), "اثنتين": (2, ""),
    "يومين": (2, "days"), "يومان": (2, "days"), "أسبوعين": (2, "weeks"),
    "أسبوعان": (2, "weeks"), "شهرين": (2, "months"), "شهران": (2, "months"),
    "عامين": (2, "years"), "عامان": (2, "years"), "سنتين": (2, "years"),
    "سنتان": (2, "years"), "ساعتين": (2, "hours"), "ساعتان": (2, "hours"),
    "دقيقتين": (2, "minutes"), "دقيقتان": (2, "minutes"), "مرتين": (2, "times"),
    "ضعفين": (2, "times"), "شخصان": (2, "people"), "شخصين": (2, "people"),
    "رجلان": (2, "people"), "رجلين": (2, "people"), "طفلان": (2, "people"),
    "طفلين": (2, "people"), "امرأتان": (2, "people"), "امرأتين": (2, "people"),
    "جنديان": (2, "soldiers"), "جنديين": (2, "soldiers"),
}  # fmt: skip
_SELF_COUNTING: dict[str, dict[str, tuple[float, str]]] = {
    "ru": {w: (v, "people") for w, v in _RUSSIAN_COLLECTIVES.items()},
    "ar": {
        **_ARABIC_DUALS,
        **{p + w: c for w, c in _ARABIC_DUALS.items() for p in _ARABIC_PREFIX},
    },
}
# "ساعة واحدة", "يوم واحد": one of a unit, the adjective after the noun.
_ARABIC_ONE_NOUNS = frozenset("ساعة يوم أسبوع شهر عام سنة دقيقة ليلة مرة شخص".split())
_ARABIC_ONE_UNITS = {"ليلة": "nights", "مرة": "times", "دقيقة": "minutes", "شخص": "people"}


def _self_counting(text: str, language: str) -> list[WordNumber]:
    out: list[WordNumber] = []
    table = _SELF_COUNTING.get(language)
    if table is None:
        return out
    starts, ends, words = word_index(text)
    for i, token in enumerate(words):
        if token in table:
            value, unit = table[token]
            lead = 0 if token in _ARABIC_DUALS or token in _RUSSIAN_COLLECTIVES else 1
            out.append(WordNumber(starts[i] + lead, ends[i], value, unit))
        elif token in ("واحدة", "واحد") and i and text[ends[i - 1] : starts[i]].isspace():
            noun = words[i - 1]
            lead = 1 if noun[1:] in _ARABIC_ONE_NOUNS and noun[0] in _ARABIC_PREFIX else 0
            if noun[lead:] in _ARABIC_ONE_NOUNS:
                unit = lexicon.UNITS.get(noun[lead:]) or _ARABIC_ONE_UNITS.get(noun[lead:], "")
                out.append(WordNumber(starts[i - 1] + lead, ends[i], 1, unit))
    return out


# Korean native numbers before a counter ("두 차례", "세 곳", "열 명"); "한" (one, also
# "a") only before 명.
_KOREAN_NATIVE = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7,
                  "여덟": 8, "아홉": 9, "열": 10, "열한": 11, "열두": 12, "스무": 20}  # fmt: skip
_KOREAN_COUNTERS = {
    "명": "people", "곳": "locations", "차례": "times", "번": "times", "배": "times",
    "개": "items", "대": "vehicles", "척": "ships", "마리": "", "가지": "", "시간": "hours",
    "달": "months", "살": "years", "건": "", "채": "houses", "군데": "locations",
    "개국": "countries", "가구": "households",
}  # fmt: skip
# What may follow a counter in the same word: a particle, nothing else ("세 번째" is third)
_KOREAN_PARTICLES = frozenset("은 는 이 가 을 를 의 에 도 만 씩 에서 으로 로 과 와 이나".split())
_KOREAN_COUNTER_RE = re.compile(
    "(?P<c>" + "|".join(sorted(_KOREAN_COUNTERS, key=len, reverse=True)) + ")(?P<rest>.*)"
)


def _korean_native(text: str) -> list[WordNumber]:
    out: list[WordNumber] = []
    starts, ends, words = word_index(text)
    for i, token in enumerate(words[:-1]):
        if token not in _KOREAN_NATIVE or text[ends[i] : starts[i + 1]] != " ":
            continue
        m = _KOREAN_COUNTER_RE.match(words[i + 1])
        if m is None or (m["rest"] and m["rest"] not in _KOREAN_PARTICLES):
            continue
        if token == "한" and m["c"] != "명":
            continue
        end = starts[i + 1] + len(m["c"])
        out.append(WordNumber(starts[i], end, _KOREAN_NATIVE[token], _KOREAN_COUNTERS[m["c"]]))
    return out


# "каждый пятый", "hver tredje", "jeder vierte": one in so many.
_EVERY_NTH = led(
    r"(?<![\w])(?:[Кк]ажд(?:ый|ая|ое|ого|ую|ой|ому|ые|ых)|[Hh]vert?|[Jj]ede[rsnm]?)\s+(?P<o>"
    r"втор\w+|трет\w+|четв[её]рт\w+|пят\w+|шест\w+|седьм\w+|восьм\w+|девят\w+|десят\w+|"
    r"anden|andet|tredje|fjerde|femte|sjette|syvende|ottende|niende|tiende|"
    r"(?:zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt|zwanzigst)(?:e|er|es|en|em))"
    r"(?![\w])"
)
_ORDINAL_STEMS = {
    "втор": 2, "трет": 3, "четв": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
    "десят": 10, "ande": 2, "tred": 3, "fjer": 4, "femt": 5, "sjet": 6, "syve": 7, "otte": 8,
    "nien": 9, "tien": 10, "zwei": 2, "drit": 3, "vier": 4, "fünf": 5, "sech": 6, "sieb": 7,
    "acht": 8, "neun": 9, "zehn": 10, "zwan": 20,
}  # fmt: skip


def _every_nth(text: str) -> list[WordNumber]:
    out: list[WordNumber] = []
    folded = text.casefold()
    if "ажд" not in text and "hver" not in folded and "jede" not in folded:
        return out
    for m in _EVERY_NTH.finditer(text):
        word = m["o"].casefold()
        n = next((v for stem, v in _ORDINAL_STEMS.items() if word.startswith(stem)), None)
        if n:
            out.append(WordNumber(m.start(), m.end(), 1 / n, ""))
    return out


def word_numbers(text: str, language: str) -> list[WordNumber]:
    """Every number written as words in *text* that counts something, in order (*text* with
    its digits folded to ASCII, so that the word index is the one the date reader uses)."""
    found: list[WordNumber] = []
    if language in _TABLES:
        found += _plain_numbers(text, language)
    found += _self_counting(text, language)
    if language in ("ru", "da", "de"):
        found += _every_nth(text)
    if language == "ko":
        found += _korean_native(text)
    found.sort(key=lambda w: (w.start, -w.end))
    kept: list[WordNumber] = []
    for w in found:
        if not kept or w.start >= kept[-1].end:
            kept.append(w)
    return kept


__all__ = ["WordNumber", "word_numbers"]
