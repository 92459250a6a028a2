"""Text helpers shared by the readers: language guess, digit folding, sentences, furniture.

Every helper keeps offsets: a folded text has exactly the length of the text it
came from, so a match in it is a match at the same code points in the original.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from db.assist.patterns import led

# Digits of other scripts folded to ASCII, one code point for one code point.
_DIGIT_BLOCKS = (
    0x0660,  # Arabic-Indic
    0x06F0,  # Extended Arabic-Indic (Persian, Urdu)
    0x0966,  # Devanagari
    0x09E6,  # Bengali
    0xFF10,  # fullwidth
)
_FOLD: dict[int, int] = {}
for _base in _DIGIT_BLOCKS:
    for _i in range(10):
        _FOLD[_base + _i] = ord("0") + _i
_FOLD[0x066B] = ord(".")  # Arabic decimal separator
_FOLD[0x066C] = ord(",")  # Arabic thousands separator
_FOLD[0x2212] = ord("-")  # minus sign

# Characters that do not show but break a number in two (never joined into one figure).
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Spaces that group thousands in many languages.
GROUP_SPACES = "\u00a0\u202f\u2009"

DOT_GROUPING = frozenset(
    {"da", "de", "nl", "es", "it", "pt", "id", "tr", "nb", "no", "el", "sl", "hr", "ro"}
)
COMMA_DECIMAL = DOT_GROUPING | frozenset(
    {"ru", "uk", "fr", "pl", "cs", "sk", "sv", "fi", "bg", "be", "kk", "hu", "et", "lv", "lt"}
)
SPACE_GROUPING = COMMA_DECIMAL | frozenset({"ko"}) - DOT_GROUPING

_STOPWORDS: dict[str, frozenset[str]] = {
    # ("at", "on", "were" …: a short English quote such as "at least 1,300 people were
    # moved" is not read as Danish, where "1,300" would be 1.3.)
    "en": frozenset(
        "the and of to in that is was for with said have has are at on were had been by "
        "from as it this they their not be".split()
    ),
    "da": frozenset(
        "og det at er en til på af med som ikke har for den de siger sagde efter også blev skal "
        "omkring mod fra var".split()
    ),
    "de": frozenset(
        "und der die das nicht ist mit sich auf für den dem von zu ein eine sagte seien sind "
        "wurde hat haben nach bei etwa aus auch laut im des dass wurden werden wird einem einen "
        "einer zum zur sei noch nur wie vom beim gegen sowie zufolge als mehr vor seit oder aber "
        "wir ins".split()
    ),
    "fr": frozenset("le la les et des est une dans du que pour pas sur au".split()),
    "es": frozenset("el la los las y de que en por con para una del se".split()),
    "nl": frozenset("de het een en van is dat op te zijn met voor niet".split()),
}
_WORD = re.compile(r"[^\W\d_]+")


_FOLDABLE = re.compile("[" + "".join(chr(c) for c in sorted(_FOLD)) + "]")


def fold_digits(text: str) -> str:
    """*text* with every decimal digit as ASCII; same length, same offsets."""
    if text.isascii() or not _FOLDABLE.search(text):
        return text
    return text.translate(_FOLD)


# The scripts the guess counts (each class matches what the per-character rule it
# replaces matched: Latin letters are those below U+0250 that str.isalpha() accepts).
_SCRIPTS = {
    "ko": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "latin": re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"),
    "cjk": re.compile(r"[\u4e00-\u9fff\u3040-\u30ff]"),
}


@lru_cache(maxsize=64)
def _guess(sample: str) -> str:
    if sample.isascii():
        counts = {"ko": 0, "ru": 0, "ar": 0, "latin": len(_SCRIPTS["latin"].findall(sample))}
    else:
        counts = {script: len(pattern.findall(sample)) for script, pattern in _SCRIPTS.items()}
    best = max(counts, key=lambda k: counts[k])
    if best == "cjk":
        return "zh"
    if best != "latin":
        if best == "ru" and re.search(r"[іїєґ]", sample):
            return "uk"
        return best
    return _by_words(sample)


def _by_words(sample: str) -> str:
    """Among Latin-script languages: the one whose common words the sample uses most."""
    words = [w.casefold() for w in _WORD.findall(sample)]
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    if not sample.isascii():
        scores["da"] += 2 * sum(1 for ch in sample if ch in "æøåÆØÅ")
        scores["de"] += 2 * sum(1 for ch in sample if ch in "äöüßÄÖÜ")
    lang = max(scores, key=lambda k: scores[k])
    # One common word is no evidence in a short sample ("1,300 people could die" is not
    # German, "De Beers cut 1,300 jobs" not Danish): English unless two say otherwise.
    return lang if scores[lang] >= 2 or (lang == "en" and scores[lang]) else "en"


def guess_language(text: str) -> str:
    """A two-letter guess from the script and common words of the first 4,000 characters."""
    return _guess(text[:4000])


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


_SENTENCE_END = led(r"(?<=[.!?。！？؟])[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[^\s])|\n+")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt maj st no vs etc jr sr u.s u.k u.n e.g i.e "
    "jan feb mar apr jun jul aug sep sept oct nov dec tys mio mia mrd mln млн тыс ca".split()
)


MAX_SENTENCE = 1000


def sentences(text: str) -> list[Span]:
    """Sentence spans: split at ., ! or ? followed by space, and at line breaks.

    A run longer than :data:`MAX_SENTENCE` code points without a break is cut at
    spaces into pieces of about that length, so no reader works on unbounded spans.
    """
    out: list[Span] = []
    for span in _sentences(text):
        start = span.start
        while span.end - start > MAX_SENTENCE:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            cut = cut if cut > start else start + MAX_SENTENCE
            out.append(Span(start, cut))
            start = cut + 1 if text[cut : cut + 1] == " " else cut
        out.append(Span(start, span.end))
    return out


_HANGUL_BEFORE = re.compile(r"[\uac00-\ud7a3][.!?]")
# A German day of the month written as an ordinal, then its month.
_DAY_NUMBER = re.compile(r"(?<![\w.,])\d{1,2}\.?$")
_GERMAN_MONTH = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember)(?![\w])"
)


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[Span, ...]:
    out: list[Span] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        cut = m.start()
        if (
            "\n" not in m.group(0)
            and text[m.end() : m.end() + 1].islower()
            and not _HANGUL_BEFORE.match(text, max(0, cut - 2))
        ):
            continue  # "den 8. oktober", "e.g. this" (but "올랐다. aT 집계에서": Korean ends)
        if m.group(0)[:1] not in "\n" and not m.group(0).startswith("\n"):
            before = text[max(start, cut - 6) : cut].rstrip(".").split()
            word = before[-1].casefold() if before else ""
            # (an acronym in capitals is a name, not an abbreviation: "til DR. Ministeriet")
            acronym = len(word) > 1 and before[-1].isupper() and "." not in before[-1]
            if (word in _ABBREVIATIONS and not acronym) or (len(word) == 1 and word.isalpha()):
                continue
            if _DAY_NUMBER.search(text, max(start, cut - 4), cut) and _GERMAN_MONTH.match(
                text, m.end()
            ):
                continue  # "Zum 1. Juli", "am 3. März": a German day before its month
        piece = text[start:cut]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(Span(start + lead, start + len(piece.rstrip())))
        start = m.end()
    piece = text[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        out.append(Span(start + lead, start + len(piece.rstrip())))
    return tuple(out)


_FURNITURE = re.compile(
    r"^[ \t]*(?:read more|related|see also|also read|advertisement|listen to this article|"
    r"loading audio|author|by [A-Z]|picture|photo|image|credit|page \d+|share|subscribe|"
    r"follow us|sign up|читайте также|подробнее|관련 기사|اقرأ أيضا|læs også|lesen sie auch)"
    r"[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Labelled header lines ("Published: 2025-03-14", "URL: …", "Title: …"): metadata, not
# content (a headline repeats what the article says, so its figures are not claims of their own).
_LABEL_LINE = re.compile(
    r"^[ \t]*(?:published|updated|posted|date|dateline|url|link|outlet|publication|publisher|"
    r"authors?|by|title|headline)[ \t]*:[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_DATELINE = re.compile(
    r"^[ \t]*(?:\w+,?\s+)?\d{1,2}[ ./-]+(?:\w+|\d{1,2})[ ./-]+\d{4}"
    r"(?:,?\s+\d{1,2}:\d{2}[^\n]*)?[ \t]*$"
    r"|^[ \t]*\w+ \d{1,2}, \d{4}(?:,?\s+\d{1,2}:\d{2}[^\n]*)?[ \t]*$"
    r"|^[ \t]*\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}[^\n]*)?[ \t]*$",
    re.MULTILINE,
)


_WIRE_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z .'’-]{1,40},?(?:[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?"
    r"[ \t]*\([A-Za-z][\w .&-]{1,30}\)[ \t]*[-–—]+",
    re.MULTILINE,
)


def furniture(text: str) -> list[Span]:
    """Lines that are page furniture (related links, credits, datelines), not article content."""
    return list(_furniture(text))


@lru_cache(maxsize=2)
def _furniture(text: str) -> tuple[Span, ...]:
    # (read once for the figure and the date readers of one text)
    spans: list[Span] = []
    for pattern in (_FURNITURE, _WIRE_DATELINE, _DATELINE, _LABEL_LINE):
        spans += [Span(m.start(), m.end()) for m in _line_matches(pattern, text)]
    return tuple(sorted(spans, key=lambda s: s.start))


def _line_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, for a pattern whose matches open a line (``^``
    under MULTILINE) and are never empty: tried at the start of each line only."""
    pos = 0
    while True:
        m = pattern.match(text, pos)
        if m:
            yield m
            pos = m.end()
            if text[pos - 1 : pos] == "\n":
                continue
        line_end = text.find("\n", pos)
        if line_end < 0:
            return
        pos = line_end + 1


class Spanned(Protocol):
    """Anything with a start and an end (a span, a figure, a date)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class SpanSet:
    """Sorted, non-overlapping-agnostic spans with a fast 'does this overlap' test."""

    def __init__(self, spans: Iterable[Spanned]) -> None:
        ordered = sorted(((s.start, s.end) for s in spans), key=lambda s: s[0])
        self._starts = [start for start, _end in ordered]
        self._reach: list[int] = []  # at each span, the furthest end of it and those before
        furthest = -1
        for _start, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        # (the spans starting before *end*, and the furthest any of them reaches)
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start


__all__ = [
    "COMMA_DECIMAL",
    "DOT_GROUPING",
    "GROUP_SPACES",
    "INVISIBLE",
    "SPACE_GROUPING",
    "Span",
    "SpanSet",
    "fold_digits",
    "furniture",
    "guess_language",
    "sentences",
]
