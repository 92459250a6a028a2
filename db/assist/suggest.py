"""Suggested claims: figures, dated events, quotations and attributed statements.

:func:`suggest` is a pure function of the text, its publication date, language,
outlet, a snapshot of the source registry and the spans already claimed, so it can
run on any thread.  Each suggestion is the tight clause that carries the claim,
with the figure, event date, source (matched in the registry or proposed with a
kind) and the relays filled in.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from db.assist.attribution import Attribution, extract_attributions
from db.assist.date_words import forget_word_index
from db.assist.dates import EventDate, extract_dates
from db.assist.names import normalise
from db.assist.numbers import Figure, extract_figures
from db.assist.patterns import led
from db.assist.text import Span, SpanSet, guess_language, sentences

KINDS = ("figure", "date", "quotation", "attribution")
_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}
_CLAUSE_BREAK = led(r"(?<!\d),|,(?!\d)|[;:()–—،؛]|\s-\s|\s(?:and|but|while|whereas|which|who)\s")
_MIN_CLAUSE_WORDS = 4
_MAX_ATTRIBUTION_CHARS = 240
# Verbs of calling something a name in quotation marks: a short statement still is one
_DENSE_LANGUAGES = frozenset({"ko", "ar"})
_CALLS_CUES = frozenset("kalder kaldte назвал назвала назвало назвали называет".split())
# The time of a saying and the comma setting off a noun phrase after it.
_SET_OFF_AFTER_CUE = re.compile(r"[^.;:!?]{0,40},\s*")
# "that" and its kin between a verb of saying and what was said.
_THAT_BEFORE = re.compile(r"\s*,?\s*(?:that|dass|at|что)\s+")


@dataclass(frozen=True, slots=True)
class RegistrySource:
    """A source in the registry as the matcher needs it."""

    id: uuid.UUID | None
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "other"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A suggested claim over ``text[start:end]`` (code points)."""

    kind: str  # figure | date | quotation | attribution
    start: int
    end: int
    quote: str
    value: float | None = None
    value_max: float | None = None
    unit: str = ""
    qualifier: str = ""
    event_date: str | None = None  # YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD; None: none or unresolved
    source: str | None = None  # the original source; None: the outlet's own statement or hedged
    source_kind: str = ""  # intelligence, government, military, lawmaker, media, expert, ...
    source_id: uuid.UUID | None = None  # the registry source matched, None: new or no source
    relayed_by: tuple[str, ...] = ()  # nearest relay first; the outlet last
    cue: str = ""  # the words that attribute it ("according to", "said", "reportedly", ...)
    hedge: str = ""
    target_start: int = 0  # the figure, date or quotation itself inside the clause
    target_end: int = 0
    date_start: int = 0  # a figure's: the date expression its event date comes from, if any
    date_end: int = 0
    variants: tuple[str, ...] = field(default=(), compare=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit or None,
            "qualifier": self.qualifier or None,
            "event_date": self.event_date,
            "source": self.source,
            "source_kind": self.source_kind or None,
            "relayed_by": list(self.relayed_by),
            "cue": self.cue or None,
        }


class Registry:
    """Registry sources by every normalised name and alias."""

    def __init__(self, sources: Iterable[RegistrySource]) -> None:
        self._by_name: dict[str, RegistrySource] = {}
        for source in sources:
            for name in (source.name, *source.aliases):
                self._by_name.setdefault(normalise(name), source)

    def match(self, *names: str) -> RegistrySource | None:
        for name in names:
            found = self._by_name.get(normalise(name))
            if found is not None:
                return found
        return None


def _clause(
    text: str,
    sent: Span,
    lo: int,
    hi: int,
    bounds: tuple[int, int] | None,
    read: dict[tuple[int, int], tuple[list[int], list[int]]] | None = None,
) -> tuple[int, int]:
    """The clause around ``text[lo:hi]``: between clause breaks, at least a few words long
    (*read*: the clause breaks of each stretch of text already read, kept for the next one)."""
    start, end = sent.start, sent.end
    if bounds is not None:
        start, end = max(start, bounds[0]), min(end, bounds[1])
        if not start <= lo < hi <= end:
            start, end = sent.start, sent.end
    breaks = read.get((start, end)) if read is not None else None
    if breaks is None:
        found = [m.span() for m in _CLAUSE_BREAK.finditer(text, start, end)]
        breaks = [b for b, _e in found], [e for _b, e in found]  # (both rise: no overlaps)
        if read is not None:
            read[(start, end)] = breaks
    starts, ends = breaks
    # the last break ending before the figure and the first starting after it
    i = bisect.bisect_right(ends, lo)
    left = ends[i - 1] if i else start
    j = bisect.bisect_left(starts, hi)
    right = starts[j] if j < len(starts) else end
    # (words counted up to the fewest a clause needs: a split stopped there tells as much)
    if len(text[left:right].split(None, _MIN_CLAUSE_WORDS)) < _MIN_CLAUSE_WORDS:
        # widen to the next break on the right, then on the left
        j = bisect.bisect_right(starts, right)
        right = starts[j] if j < len(starts) else end
        if len(text[left:right].split(None, _MIN_CLAUSE_WORDS)) < _MIN_CLAUSE_WORDS:
            i = bisect.bisect_left(ends, left)
            left = ends[i - 1] if i else start
    while left < right and text[left] in " \t\n\"“”'‘’،«»":
        left += 1
    while right > left and text[right - 1] in " \t\n,;:.\"“”'‘’،«»":
        right -= 1
    return min(left, lo), max(right, hi)


class _Index:
    """Sentences and attributions looked up by position."""

    def __init__(self, text: str, attributions: list[Attribution]) -> None:
        self.sentences = sentences(text)
        self._starts = [s.start for s in self.sentences]
        self.attributions = attributions
        self._a_starts = [a.start for a in attributions]
        self._a_max = max((a.end - a.start for a in attributions), default=0)

    def sentence(self, pos: int) -> Span:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return Span(0, 0)
        return self.sentences[i]

    def attribution(self, lo: int, hi: int) -> Attribution | None:
        """The innermost attribution whose content holds ``[lo, hi)``."""
        i = bisect.bisect_right(self._a_starts, lo)
        j = bisect.bisect_left(self._a_starts, lo - self._a_max)
        best: Attribution | None = None
        for a in self.attributions[j:i]:
            if (
                a.start <= lo
                and hi <= a.end
                and (best is None or a.end - a.start < best.end - best.start)
            ):
                best = a
        return best


_MARKS_GONE = str.maketrans("", "", '"“”„«»‘’')


def names_outlet(source: str, outlet: str) -> bool:
    """Whether *source* is the outlet itself, in any case ending: "по подсчётам «Невского
    вестника»" in Невский вестник's own article (each word agrees with the outlet's word but
    for an inflected ending of up to three letters)."""
    said = normalise(source.translate(_MARKS_GONE)).split()
    own = normalise(outlet.translate(_MARKS_GONE)).split()
    if not own or len(said) != len(own):
        return False
    for a, b in zip(said, own, strict=True):
        stem = min(len(a), len(b)) - 3 if min(len(a), len(b)) > 5 else min(len(a), len(b))
        if a[:stem] != b[:stem] or abs(len(a) - len(b)) > 3:
            return False
    return True


def _source_fields(attr: Attribution | None, registry: Registry, outlet: str) -> dict[str, Any]:
    if attr is None:
        return {}
    if attr.source is None:
        return {"cue": attr.cue, "hedge": attr.hedge}
    if outlet and not attr.relayed_by and names_outlet(attr.source, outlet):
        return {}  # the outlet's own count or finding, in its own words
    relays = [r for r in attr.relayed_by if r]
    if outlet and normalise(outlet) not in {normalise(r) for r in relays}:
        relays.append(outlet)
    matched = registry.match(attr.source, *attr.variants)
    return {
        "source": matched.name if matched else attr.source,
        "source_kind": matched.kind
        if matched and attr.source_kind == "other"
        else attr.source_kind,
        "source_id": matched.id if matched else None,
        "relayed_by": tuple(relays),
        "cue": attr.cue,
        "variants": attr.variants,
    }


def suggest(
    text: str,
    published: dt.date | dt.datetime | None = None,
    language: str | None = None,
    registry: Iterable[RegistrySource] = (),
    existing: Sequence[tuple[int, int]] = (),
    outlet: str = "",
    kinds: Iterable[str] | None = None,
) -> list[Suggestion]:
    """Suggested claims in *text*, in order, leaving out those overlapping *existing* spans."""
    found = candidates(text, published, language, registry, outlet, kinds)
    return select_suggestions(found, existing)


def select_suggestions(
    found: Iterable[Suggestion], existing: Sequence[tuple[int, int]] = ()
) -> list[Suggestion]:
    """The :func:`candidates` no *existing* span overlaps, in order, one per clause."""
    overlaps = _overlapping(existing)
    out = [s for s in found if not overlaps(s.start, s.end)]
    out.sort(key=lambda s: (s.start, s.end, _KIND_ORDER[s.kind]))
    return _one_per_clause(out)


def _reach(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts of *spans* (sorted by start) and, at each, the furthest end reached so far."""
    starts = [lo for lo, _hi in spans]
    reach: list[int] = []
    furthest = -1
    for _lo, hi in spans:
        furthest = max(furthest, hi)
        reach.append(furthest)
    return starts, reach


def _overlapping(existing: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether ``[lo, hi)`` shares a character with any of the *existing* spans:
    the spans sorted by start, each start's running maximum end (O(log n) a test)."""
    starts, reach = _reach(sorted(existing))

    def test(lo: int, hi: int) -> bool:
        before = bisect.bisect_left(starts, hi)  # the spans starting before hi
        return before > 0 and reach[before - 1] > lo

    return test


def _containing(spans: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether ``[lo, hi)`` lies within one of *spans* (sorted by start): the
    spans starting at or before lo, and the furthest any of them reaches."""
    starts, reach = _reach(spans)

    def test(lo: int, hi: int) -> bool:
        before = bisect.bisect_right(starts, lo)
        return before > 0 and reach[before - 1] >= hi

    return test


def candidates(
    text: str,
    published: dt.date | dt.datetime | None = None,
    language: str | None = None,
    registry: Iterable[RegistrySource] = (),
    outlet: str = "",
    kinds: Iterable[str] | None = None,
) -> list[Suggestion]:
    """Every suggested claim in *text* before the claims already made are taken into
    account (they depend on the text, its date, the registry and the outlet only)."""
    wanted = set(kinds or KINDS)
    lang = language or guess_language(text)
    reg = Registry(registry)
    figures = extract_figures(text, lang)
    dates = extract_dates(text, published)
    forget_word_index()  # (read by the figures and dates only)
    attributions = extract_attributions(text, lang)
    index = _Index(text, attributions)
    out: list[Suggestion] = []
    breaks: dict[tuple[int, int], tuple[list[int], list[int]]] = {}  # clause breaks read
    sourced: dict[int, dict[str, Any]] = {}  # each attribution's source fields, read once

    def fields(attr: Attribution | None) -> dict[str, Any]:
        if attr is None:
            return {}
        found = sourced.get(id(attr))
        if found is None:
            found = sourced[id(attr)] = _source_fields(attr, reg, outlet)
        return found

    date_set = SpanSet(dates)
    date_starts = [d.start for d in dates]  # extract_dates returns them in order

    def overlaps_date(f: Figure) -> bool:
        return date_set.overlaps(f.start, f.end)

    def date_in(sent: Span, lo: int, hi: int, attr: Attribution | None) -> EventDate | None:
        """The resolved date of the sentence nearest to ``[lo, hi)``; for an attributed figure,
        one inside the source's words (not the date they were said on)."""
        first = bisect.bisect_left(date_starts, sent.start)
        last = bisect.bisect_left(date_starts, sent.end)
        near = [
            d
            for d in dates[first:last]
            if d.resolved
            and (attr is None or attr.start <= d.start < attr.end)
            # (not the base of a comparison, "지난해보다 6.8% 늘었다": the rise is not last year's)
            and not text.endswith("보다", d.start, d.end)
        ]
        return min(near, key=lambda d: min(abs(d.start - hi), abs(lo - d.end))) if near else None

    if "figure" in wanted:
        for f in figures:
            if overlaps_date(f):
                continue
            sent = index.sentence(f.start)
            attr = index.attribution(f.start, f.end)
            c_start, c_end = _clause(
                text, sent, f.start, f.end, (attr.start, attr.end) if attr else None, breaks
            )
            when = date_in(sent, f.start, f.end, attr)
            out.append(
                Suggestion(
                    "figure", c_start, c_end, text[c_start:c_end],
                    f.value, f.value_max, f.unit, f.qualifier,
                    when.iso if when else None, target_start=f.start, target_end=f.end,
                    date_start=when.start if when else 0, date_end=when.end if when else 0,
                    **fields(attr),
                )
            )  # fmt: skip
    if "date" in wanted:
        for d in dates:
            sent = index.sentence(d.start)
            attr = index.attribution(d.start, d.end)
            c_start, c_end = _clause(
                text, sent, d.start, d.end, (attr.start, attr.end) if attr else None, breaks
            )
            out.append(
                Suggestion(
                    "date", c_start, c_end, text[c_start:c_end],
                    event_date=d.iso, target_start=d.start, target_end=d.end,
                    **fields(attr),
                )
            )  # fmt: skip
    if "quotation" in wanted:
        out += _quotations(text, attributions, index, reg, outlet)
    if "attribution" in wanted:
        # Korean and Arabic words carry their particles and pronouns: fewer words say as much
        # Russian has no articles: four words state as much as five elsewhere
        # (and German puts a clause's verb last or second, with few words: "verlief der Streik
        # friedlich", "die Münzen eingeschmolzen werden")
        min_words = 3 if lang in _DENSE_LANGUAGES else 4 if lang in ("ru", "uk", "de") else 5
        covered = sorted(s.target_start for s in out if s.kind != "quotation")
        quoted = sorted((s.start, s.end) for s in out if s.kind == "quotation")
        inside_quotation = _containing(quoted)
        for a in attributions:
            if a.source is None or a.quotation:
                continue
            # (the statement's words, counted up to six: no test below asks about more)
            words = len(text[a.start : a.end].split(None, 5))
            if a.weak and words < 4:
                continue  # "underlined the point": what a verb acts on, too short to state much
            if (
                a.weak
                and a.cue_end <= a.start
                and _SET_OFF_AFTER_CUE.fullmatch(text, a.cue_end, a.start)
            ):
                continue  # "…, X said, the third rise in a row": a noun phrase, no statement
            # (what a Russian source calls a thing may stand unquoted, in the instrumental:
            # "назвала ситуацию форс-мажорной")
            short = a.cue in _CALLS_CUES
            if short and any(
                a.start <= lo and hi <= a.end and len(text[lo:hi].split()) >= 5 for lo, hi in quoted
            ):
                continue  # what it is called is a quotation of its own, not a short label
            # (a clause after "that" is a statement however short: "warned that rents
            # would rise")
            that = not a.weak and _THAT_BEFORE.fullmatch(text, a.cue_end, a.start) is not None
            if words < (2 if short else 3 if that else min_words):
                continue
            begin, end = a.start, a.end
            first = bisect.bisect_left(covered, a.start)
            if first < len(covered) and covered[first] < a.end:
                # the figure or date suggestions carry this source already, unless a clause of
                # their own follows a colon ("считают, что X: в мае выпало вдвое меньше")
                colon = text.rfind(": ", a.start, covered[first])
                if colon >= 0 and len(text[a.start : colon].split()) >= min_words:
                    end = colon
                else:
                    # or stands beside the one with the figure ("Staff had gone back to paper,
                    # and ambulances would be diverted for 48 hours")
                    part = _clause_without(text, a.start, a.end, covered, min_words, lang)
                    if part is None:
                        continue
                    begin, end = part
            if inside_quotation(begin, end):
                continue
            if end - begin > _MAX_ATTRIBUTION_CHARS:
                cut = text.rfind(" ", begin, begin + _MAX_ATTRIBUTION_CHARS)
                end = cut if cut > begin else begin + _MAX_ATTRIBUTION_CHARS
            start, end = _strip_quotes(text, begin, end)
            piece = text[start:end]
            opened = sum(piece.count(q) for q in "“«„") - sum(piece.count(q) for q in "”»")
            if (opened > 0 or piece.count('"') % 2) and end < len(text) and text[end] in '"”»“':
                end += 1  # keep the closing mark of a quotation the statement holds
            while end > start and text[end - 1] in ".!?。":
                end -= 1  # the clause, not the sentence's full stop
            out.append(
                Suggestion(
                    "attribution", start, end, text[start:end], target_start=start,
                    target_end=end, **fields(a),
                )
            )  # fmt: skip
    return out


# Where one clause of a statement ends and another begins: a conjunction after a comma, a
# semicolon, "and" before a verb of its own.
_CLAUSES = {
    "en": re.compile(
        r",\s+(?:and|but|while|whereas|which|though|although)\s+|;\s+|\s+and\s+(?=(?:had|has|"
        r"have|would|will|was|were|could|is|are|did|should|may|might)\s)"
        # a second thing said, joined to the first ("said X would … and that Y could …")
        r"|,?\s+and\s+that\s+"
    ),
    "de": re.compile(r",\s+(?:und|aber|während|doch|wobei)\s+|;\s+|,?\s+und\s+dass\s+"),
    # a second thing said ("… أن X …، وأنها Y", "… at X, og at Y", "… что X, и что Y")
    "ar": re.compile(r"،?\s+وأن(?:ها|ه|هم)?\s+"),
    "da": re.compile(r",?\s+og\s+at\s+"),
    "ru": re.compile(r",?\s+и\s+что\s+"),
}


_QUOTE_MARKS = re.compile(r"[\"“”„«»]")


def _clause_without(
    text: str, start: int, end: int, covered: list[int], min_words: int, lang: str
) -> tuple[int, int] | None:
    """The first clause of ``text[start:end]`` that holds none of the *covered* figures and
    dates and is long enough to state something, or None."""
    breaks = _CLAUSES.get(lang)
    if breaks is None:
        return None
    cuts = [(m.start(), m.end()) for m in breaks.finditer(text, start, end)]
    if not cuts:
        return None
    bounds = [start, *(c for cut in cuts for c in cut), end]
    for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
        i = bisect.bisect_left(covered, lo)
        piece = text[lo:hi]
        if (i == len(covered) or covered[i] >= hi) and len(piece.split()) >= min_words:
            if not _QUOTE_MARKS.search(piece):  # (one quoting its source is a quotation)
                return lo, hi
    return None


def _one_per_clause(found: list[Suggestion]) -> list[Suggestion]:
    """One suggestion where one clause would make the same claim twice: a figure written twice
    in a clause, a day named twice, or a date whose clause a figure suggestion already
    carries with that date as its event date and the same source ("sent 1,500 soldiers this
    week": one figure claim dated this week, not a figure claim and a date claim)."""
    carried = {
        (s.start, s.end, s.date_start, s.date_end, s.source, s.relayed_by)
        for s in found
        if s.kind == "figure" and s.date_end > s.date_start
    }
    seen: set[tuple[int, int, str, Any]] = set()
    out: list[Suggestion] = []
    for s in found:
        if s.kind == "date" and (
            (s.start, s.end, s.target_start, s.target_end, s.source, s.relayed_by) in carried
        ):
            continue
        if s.kind in ("figure", "date"):
            key = (s.start, s.end, s.kind, (s.value, s.value_max, s.unit) if s.kind == "figure"
                   else s.event_date)  # fmt: skip
            if key in seen and (s.kind == "figure" or s.event_date is not None):
                continue
            seen.add(key)
        out.append(s)
    return out


# “…” and "…", the guillemets of Russian and French «…», the low-high quotes „…“ of
# Danish and German, and the guillemets pointing inwards »…« of Danish and German print (opened
# after a space, closed before no letter, so "«a» и «b»" is never read between its marks)
_QUOTED = led(
    r"[“\"]([^“”\"\n]{3,}?)[”\"]|«([^«»\n]{3,}?)»|„([^„“”\n]{3,}?)[“”]"
    r"|(?:(?<=\s)|^)»([^«»\n]{3,}?)«(?!\w)"
    # and the Danish and Swedish ”…”, the same mark on both sides (opened after a space)
    r"|(?:(?<=[\s(])|^)”([^“”\"\n]{3,}?)”(?![^\W\d_])"
)
# Between a closing quotation mark and a cue: a full stop, then the next sentence.
_SENTENCE_GAP = re.compile(r"[»”\"“«]?\s*[.!?](?:\s|$)")
_NAME_AFTER = led(r"\s?(?:이?라는|이란|으?로\s?불리는|(?:이)?라고\s?불리는)")
_TITLE_BEFORE = led(r"(?:book|film|report|titled|entitled|called|novel|song)\s*$", re.I)


def _quotations(
    text: str,
    attributions: list[Attribution],
    index: _Index,
    reg: Registry,
    outlet: str,
) -> list[Suggestion]:
    """Direct quotations with their speakers.

    The speaker is the attribution whose statement holds the quotation, else the cue
    right after it (``“…,” he said``), else, for a quotation that opens a paragraph
    with no cue of its own, the person quoted just before (a quotation carried on).
    """
    out: list[Suggestion] = []
    cues = sorted((a.cue_start, i) for i, a in enumerate(attributions) if a.source)
    starts = [c for c, _ in cues]
    ends = sorted((a.end, i) for i, a in enumerate(attributions) if a.source)
    end_positions = [e for e, _ in ends]
    previous: Attribution | None = None
    previous_end = -1
    for m in _QUOTED.finditer(text):
        group = m.lastindex or 1
        lo, hi = _strip_quotes(text, m.start(group), m.end(group))
        if len(text[lo:hi].split()) < 3 or _TITLE_BEFORE.search(text[max(0, lo - 20) : lo]):
            continue
        if _NAME_AFTER.match(text, m.end()):
            continue  # '"푸른 도시 함께 만들기"라는 계획': a name given, not words said
        attr = index.attribution(lo, hi)
        if attr is None or attr.source is None:
            # A quotation opened inside a source's words after their cue and running on past
            # them ('X sagte der „Rundschau“: „A. B.“', split into sentences) is theirs.
            opened = index.attribution(lo, lo + 1)
            if opened is not None and opened.source and opened.cue_end <= m.start():
                attr = opened
        if attr is None or attr.source is None:
            # The cue may begin on the closing mark itself ('…af," siger hun').
            i = bisect.bisect_left(starts, hi)
            attr = None
            if i < len(cues) and cues[i][0] - m.end() <= 60:
                gap = text[m.end() : cues[i][0]]
                # (not a cue in the next sentence: "«…». Глава района заявил: …")
                if "\n" not in gap and not _SENTENCE_GAP.match(gap):
                    attr = attributions[cues[i][1]]
        if attr is None:
            line_start = text.rfind("\n", 0, m.start()) + 1
            lead = text[line_start : m.start()].rstrip()
            opens_line = not lead or lead.endswith((".", "!", "?"))  # opens a sentence
            follows_quote = 0 <= m.start() - previous_end < 40
            j = bisect.bisect_right(end_positions, m.start())
            before = attributions[ends[j - 1][1]] if j else None
            if follows_quote and previous is not None:
                attr = previous  # “…,” he said. “…”
            elif opens_line and before is not None:
                gap = text[before.end : m.start()]
                if gap.count("\n") <= 3 and len(gap) < 400:
                    attr = before  # a quotation carried on in the next paragraph
        if attr is None or attr.source is None:
            continue
        previous, previous_end = attr, m.end()
        out.append(
            Suggestion(
                "quotation", lo, hi, text[lo:hi], target_start=lo, target_end=hi,
                **_source_fields(attr, reg, outlet),
            )
        )  # fmt: skip
    return out


def _strip_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \"“”'‘’«»„":
        start += 1
    while end > start and text[end - 1] in " ,\"“”'‘’«»„":
        end -= 1
    return start, end


__all__ = [
    "KINDS",
    "Registry",
    "RegistrySource",
    "Suggestion",
    "candidates",
    "select_suggestions",
    "suggest",
]
