"""A reworded quote found between its unchanged context, and the ends of a moved span.

When words are added to a quote or taken out of it, the text just before and
just after it often stays as it was.  :func:`between_context` looks near the
position the diff carries the claim to for the end of the stored prefix and,
after it, the start of the stored suffix; the text between them is the quote's
new wording when it is alike enough to the old quote (rapidfuzz's ratio, at
least the caller's threshold).  Where the words really went, what lies between
the context is not alike and nothing is returned.

:func:`fit_ends` takes off the punctuation and white space at the ends of a
span that the old quote did not have there (a full stop after its last word, a
comma before its first).
"""

from __future__ import annotations

import unicodedata
from types import ModuleType

from db.needs import needs

KEY = 16  # characters of the prefix's end (and of the suffix's start) looked for


# What rapidfuzz (imported where words are first compared) is needed for.
FEATURE = "Placing claims in a changed text"


def rapid() -> ModuleType:
    """rapidfuzz's ``fuzz`` module, loaded when first needed (one clear line if missing)."""
    with needs(FEATURE):
        from rapidfuzz import fuzz
    return fuzz


def _loose(char: str) -> bool:
    """White space or punctuation: what a span may gain at its ends when it moves."""
    return char.isspace() or unicodedata.category(char).startswith("P")


def _run(chars: str) -> str:
    """The white space and punctuation at the start of *chars*."""
    for index, char in enumerate(chars):
        if not _loose(char):
            return chars[:index]
    return chars


def fit_ends(text: str, start: int, end: int, quote: str) -> tuple[int, int]:
    """``text[start:end]`` without the punctuation and spaces at its ends that *quote*
    does not have at the same end."""
    head, tail = _run(quote), _run(quote[::-1])
    while start < end and _loose(text[start]) and text[start] not in head:
        start += 1
    while end > start and _loose(text[end - 1]) and text[end - 1] not in tail:
        end -= 1
    return start, end


def _lengths(size: int, min_score: float) -> tuple[int, int]:
    """The shortest and longest span whose ratio against a quote of *size* characters
    can reach *min_score* (a ratio counts twice the shared characters over both lengths)."""
    share = min_score / 100.0
    return int(size * share / (2.0 - share)), int(size * (2.0 - share) / share) + 1


def _starts(text: str, key: str, lo: int, hi: int) -> list[int]:
    """Where *key* ends in ``text[lo:hi]`` (its end, the start of what follows it)."""
    found = []
    at = text.find(key, lo, hi)
    while at != -1:
        found.append(at + len(key))
        at = text.find(key, at + 1, hi)
    return found


def between_context(
    text: str,
    quote: str,
    prefix: str,
    suffix: str,
    carried: tuple[int, int],
    min_score: float,
) -> tuple[int, int, float] | None:
    """(start, end, score) of a span of *text* between the end of *prefix* and the start
    of *suffix* at least *min_score* alike to *quote* (before :func:`fit_ends`): of
    those, the one whose ends lie nearest the *carried* (start, end) — where the diff of
    the two texts carries the quote's old ends — and then the one most alike; None when
    there is none."""
    if not quote.strip():
        return None
    reach = max(200, 3 * len(quote))
    lo, hi = max(0, carried[0] - reach), min(len(text), carried[0] + reach + len(quote))
    before, after = prefix[-KEY:], suffix[:KEY]
    if before:
        starts = _starts(text, before, max(0, lo - len(before)), hi)
    else:
        starts = [0] if lo == 0 else []  # the quote began the text
    shortest, longest = _lengths(len(quote), min_score)
    best: tuple[int, float, int, int] | None = None  # -distance, score, start, end
    for start in starts:
        if after:
            window_end = min(len(text), start + longest + len(after))
            ends = [at - len(after) for at in _starts(text, after, start + shortest, window_end)]
        else:
            ends = [len(text)] if len(text) - start <= longest else []  # it ended the text
        for end in ends:
            if not shortest <= end - start <= longest:
                continue
            score = rapid().ratio(quote, text[start:end], score_cutoff=min_score)
            if not score:
                continue
            distance = abs(start - carried[0]) + abs(end - carried[1])
            candidate = (-distance, score, start, end)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    if best is None:
        return None
    return best[2], best[3], best[1]
