"""A name to offer for a proposed fact: the question its claims answer, told apart from
the other groups by the words most of its claims share ("How many troops? (North Korean,
Russia)"), never by a bare number where words will do."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# Words that say how a figure is given or tie a sentence together, not what it is about.
_PLAIN = frozenset(
    """a an the and or but of to in on at by for from with into onto over under about
    around roughly some nearly almost approximately estimated estimate more than less fewer
    least most up as many much at least this that these those its it their they them there
    have has had been be being was were is are will would could may might said says say
    according told report reported reports now then still already also only just so such
    new total number figure figures officials official whom which who what when where
    while after before since until last first second third week weeks day days month
    months year years today yesterday monday tuesday wednesday thursday friday saturday
    sunday other another including include includes included per cent percent""".split()
)
WORDS_IN_NAME = 3


def _words(quote: str) -> list[str]:
    return [w.strip("'’-") for w in _WORD.findall(quote)]


def _terms(quote: str) -> list[tuple[str, str]]:
    """The quote's terms as (key, as written): a run of capitalised words is one term
    ("North Korea"), others a word each; plain words dropped.  The key keeps the first
    five letters of each word, so "North Korean" is the same term as "North Korea"."""
    out: list[tuple[str, str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            out.append((" ".join(w.lower()[:5] for w in run), " ".join(run)))
            run.clear()

    for word in _words(quote):
        if len(word) < 3 or word.lower() in _PLAIN:
            close()
        elif word[0].isupper():
            run.append(word)
        else:
            close()
            out.append((word.lower()[:5], word))
    close()
    return out


def fact_name(unit: str, quotes: Sequence[str]) -> str:
    """The question *quotes* answer, counting *unit*, with the words at least half of
    them share (as the first of them writes each), most shared first."""
    unit_keys = {w.lower()[:5] for w in _words(unit)}
    seen: Counter[str] = Counter()
    written: dict[str, str] = {}
    first_at: dict[str, int] = {}
    at = 0
    for quote in quotes:
        in_this: set[str] = set()
        for key, term in _terms(quote):
            at += 1
            if key in unit_keys or key in in_this:
                continue
            in_this.add(key)
            written.setdefault(key, term)
            first_at.setdefault(key, at)
        seen.update(in_this)
    half = max(2, (len(quotes) + 1) // 2)
    shared = [k for k, n in seen.items() if n >= half]
    shared.sort(key=lambda k: (-seen[k], first_at[k]))
    chosen = sorted(shared[:WORDS_IN_NAME], key=lambda k: first_at[k])
    question = f"How many {unit or 'of them'}?"
    return f"{question} ({', '.join(written[k] for k in chosen)})" if chosen else question


def fact_names(groups: Iterable[tuple[str, Sequence[str]]]) -> list[str]:
    """:func:`fact_name` for each (unit, quotes) group; a name given twice is numbered
    ("… (2)") so that no two proposals share one."""
    names: list[str] = []
    used: Counter[str] = Counter()
    for unit, quotes in groups:
        name = fact_name(unit, quotes)
        used[name] += 1
        names.append(name if used[name] == 1 else f"{name} ({used[name]})")
    return names
