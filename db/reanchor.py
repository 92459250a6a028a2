"""Place claims again in a revised text: kept, moved, or orphaned — never lost.

For each claim, in order of confidence:

1. its quote still sits at its offsets with the same context → **kept**;
2. its quote occurs in the new text → **moved** to the occurrence whose
   context matches best and that lies nearest where the diff of the two texts
   carries the old position;
3. near the carried position, the text between the end of its stored prefix
   and the start of its stored suffix resembles the quote closely enough
   (:data:`MIN_SCORE`, rapidfuzz's ratio) and holds the same numbers → **moved**
   there, the quote becoming the new wording (words added to the quote or taken
   out of it: :mod:`db.reanchor_context`);
4. else the words near the carried position that the quote aligns with best
   (rapidfuzz's alignment), widened to whole words, when they resemble it as
   closely and hold the same numbers → **moved** there;
5. otherwise → **orphaned**: the claim keeps its quote and everything hanging
   on it and waits to be placed again by hand.

A span a claim is moved onto never gains punctuation or spaces at its ends that the
quote did not have (a full stop after its last word).  Offsets are Unicode code
points, as everywhere in ClaimDesk.

Long texts: the diff compares lines first and words only inside changed lines
(:class:`PositionMap`), and a quote is looked for near its carried position before
the whole text is searched, so replacing the text of an article of megabytes takes
about a second, not minutes; the placements are the same as a search of the whole text.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from db.anchors import CONTEXT_CHARS
from db.reanchor_context import between_context, fit_ends, rapid

MIN_SCORE = 85.0  # percent similarity of the quote and the text it is moved onto
Outcome = Literal["kept", "moved", "orphaned"]
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_DIGITS = re.compile(r"\d+")
_LINE = re.compile(r"[^\n]+\n*|\n+")  # a line with the line breaks after it
# Runs of changed lines are compared word by word when the product of their counts of
# words (and spaces and signs) is at most this; difflib's time grows with it.
WORD_DIFF_LIMIT = 1_000_000
NEAR = 4096  # code points either side of the carried position searched first for a quote


@dataclass(frozen=True, slots=True)
class OldAnchor:
    claim_id: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Placement:
    claim_id: str
    outcome: Outcome
    start: int
    end: int
    quote: str
    score: float  # 100 for an exact quote

    @property
    def placed(self) -> bool:
        return self.outcome != "orphaned"


class PositionMap:
    """Carries offsets of the old text to the new one through a diff of the two.

    The texts are compared line by line first (a line with the line breaks after
    it), which is cheap even for texts of megabytes; only within the runs of lines
    that differ are the words compared, and a run too long to compare word by word
    (see :data:`WORD_DIFF_LIMIT`) is compared in pieces, line against line.
    """

    def __init__(self, old: str, new: str) -> None:
        # (old start, new start, length in characters, equal?) per block
        self.blocks: list[tuple[int, int, int, bool]] = []
        old_lines = _LINE.findall(old)
        new_lines = _LINE.findall(new)
        old_starts = _starts(old_lines)
        new_starts = _starts(new_lines)
        # Lines equal at the start and at the end need no diff.
        head = 0
        limit = min(len(old_lines), len(new_lines))
        while head < limit and old_lines[head] == new_lines[head]:
            head += 1
        tail = 0
        while (
            tail < limit - head
            and old_lines[len(old_lines) - 1 - tail] == new_lines[len(new_lines) - 1 - tail]
        ):
            tail += 1
        if head:
            self._equal(0, 0, old_starts[head])
        i_end, j_end = len(old_lines) - tail, len(new_lines) - tail
        # Lines repeated all over a long text (a blank line, "Advertisement") are not
        # used to line the texts up (autojunk): matching them is what takes difflib
        # long. They stay in the runs of changed lines and are matched word by word.
        matcher = difflib.SequenceMatcher(None, old_lines[head:i_end], new_lines[head:j_end])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            o1, o2 = old_starts[head + i1], old_starts[head + i2]
            n1 = new_starts[head + j1]
            if tag == "equal":
                self._equal(o1, n1, o2 - o1)
            else:
                self._changed(
                    old_lines[head + i1 : head + i2], new_lines[head + j1 : head + j2], o1, n1
                )
        if tail:
            o1, n1 = old_starts[i_end], new_starts[j_end]
            self._equal(o1, n1, len(old) - o1)
        self.keys = [b[0] for b in self.blocks]
        self.new_length = len(new)

    def _equal(self, o1: int, n1: int, length: int) -> None:
        if self.blocks:
            p1, q1, plength, pequal = self.blocks[-1]
            if pequal and p1 + plength == o1 and q1 + plength == n1:
                self.blocks[-1] = (p1, q1, plength + length, True)
                return
        self.blocks.append((o1, n1, length, True))

    def _changed(self, old: list[str], new: list[str], o1: int, n1: int) -> None:
        """The blocks of a run of lines that differ, *old* at *o1*, *new* at *n1*."""
        old_text, new_text = "".join(old), "".join(new)
        old_tokens = _TOKEN.findall(old_text)
        new_tokens = _TOKEN.findall(new_text)
        if not old_tokens:
            self.blocks.append((o1, n1, 0, False))
            return
        cost = len(old_tokens) * len(new_tokens)
        if cost > WORD_DIFF_LIMIT and min(len(old), len(new)) > 1:
            # Too long to compare word by word at once: lines are paired one to one
            # when both sides have as many, else in pieces at the same fraction of each
            # side, and each pair is compared on its own.
            if len(old) == len(new):
                pieces = len(old)
            else:
                pieces = min(len(old), len(new), -(-cost // WORD_DIFF_LIMIT))
            o, n = o1, n1
            for k in range(pieces):
                old_piece = old[k * len(old) // pieces : (k + 1) * len(old) // pieces]
                new_piece = new[k * len(new) // pieces : (k + 1) * len(new) // pieces]
                self._changed(old_piece, new_piece, o, n)
                o += sum(map(len, old_piece))
                n += sum(map(len, new_piece))
            return
        if cost > WORD_DIFF_LIMIT:
            # One long line against another: pieces of it are carried to the same
            # fraction of the new line (inexact, so only where to start looking).
            for at in range(0, len(old_text), 256):
                self.blocks.append((o1 + at, n1 + at * len(new_text) // len(old_text), 0, False))
            return
        old_starts = _starts(old_tokens)
        new_starts = _starts(new_tokens)
        matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
        for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
            a1, a2 = old_starts[i1], old_starts[i2]
            b1 = new_starts[j1]
            if tag == "equal":
                self._equal(o1 + a1, n1 + b1, a2 - a1)
            else:
                self.blocks.append((o1 + a1, n1 + b1, a2 - a1, False))

    def carry(self, offset: int) -> tuple[int, bool]:
        """(new offset, exact) for an old offset; inexact inside changed text."""
        i = bisect_right(self.keys, offset) - 1
        if i < 0:
            return 0, False
        o1, n1, length, equal = self.blocks[i]
        if equal and offset - o1 <= length:
            return n1 + (offset - o1), True
        return min(n1, self.new_length), False


def _starts(tokens: list[str]) -> list[int]:
    out = [0]
    for token in tokens:
        out.append(out[-1] + len(token))
    return out


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the stored context agree with the text around a span."""
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    score = 0
    for a, b in zip(reversed(before), reversed(prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(after, suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def _occurrences(text: str, quote: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Where *quote* starts in *text* (within ``text[lo:hi]``)."""
    hi = len(text) if hi is None else hi
    out = []
    at = text.find(quote, lo, hi)
    while at != -1:
        out.append(at)
        at = text.find(quote, at + 1, hi)
    return out


def _nearby_best(new: str, anchor: OldAnchor, carried: int) -> list[int]:
    """The occurrence of the quote within :data:`NEAR` of *carried* when it would win
    among all occurrences of the text (its context agrees in full, and any occurrence
    farther away is worse or farther), else []: the whole text must then be searched.
    Searching near first spares a search of a long text for each claim."""
    quote = anchor.quote
    full = len(anchor.prefix) + len(anchor.suffix)
    lo = max(0, carried - NEAR)
    near = _occurrences(new, quote, lo, min(len(new), carried + NEAR + len(quote)))
    if not near:
        return []
    best = max(
        near,
        key=lambda at: (
            _context_score(new, at, at + len(quote), anchor.prefix, anchor.suffix),
            -abs(at - carried),
        ),
    )
    if _context_score(new, best, best + len(quote), anchor.prefix, anchor.suffix) < full:
        return []
    return [best]


def place(new: str, anchor: OldAnchor, positions: PositionMap) -> Placement:
    """Where one claim goes in the new text (see the module docstring)."""
    quote = anchor.quote
    start, end = anchor.start, anchor.end
    if (
        new[start:end] == quote
        and new[max(0, start - CONTEXT_CHARS) : start] == anchor.prefix
        and new[end : end + CONTEXT_CHARS] == anchor.suffix
    ):
        return Placement(anchor.claim_id, "kept", start, end, quote, 100.0)
    carried, _exact = positions.carry(start)
    found = _nearby_best(new, anchor, carried) if quote else []
    if not found:
        found = _occurrences(new, quote) if quote else []
    if found:
        best = max(
            found,
            key=lambda at: (
                _context_score(new, at, at + len(quote), anchor.prefix, anchor.suffix),
                -abs(at - carried),
            ),
        )
        outcome: Outcome = "kept" if (best, best + len(quote)) == (start, end) else "moved"
        return Placement(anchor.claim_id, outcome, best, best + len(quote), quote, 100.0)
    if quote.strip():
        ends = (carried, positions.carry(end)[0])
        moved = _between_context(new, anchor, ends) or _aligned(new, anchor, carried)
        if moved is not None:
            return moved
    return Placement(anchor.claim_id, "orphaned", start, end, quote, 0.0)


def _between_context(new: str, anchor: OldAnchor, carried: tuple[int, int]) -> Placement | None:
    """The quote's new wording between its stored prefix and suffix, near the *carried*
    (start, end)."""
    found = between_context(new, anchor.quote, anchor.prefix, anchor.suffix, carried, MIN_SCORE)
    return None if found is None else _moved_onto(new, anchor, found[0], found[1])


def _aligned(new: str, anchor: OldAnchor, carried: int) -> Placement | None:
    """The words near *carried* that the quote aligns with best, whole words."""
    quote = anchor.quote
    reach = max(200, 3 * len(quote))
    lo = max(0, carried - reach)
    hi = min(len(new), carried + len(quote) + reach)
    window = new[lo:hi]
    if not window.strip():
        return None
    aligned = rapid().partial_ratio_alignment(quote, window, score_cutoff=MIN_SCORE)
    if aligned is None:
        return None
    s, e = _trim(new, lo + aligned.dest_start, lo + aligned.dest_end)
    return _moved_onto(new, anchor, s, e)


def _moved_onto(new: str, anchor: OldAnchor, start: int, end: int) -> Placement | None:
    """The claim moved onto ``new[start:end]`` (without punctuation at its ends that the
    quote did not have) when that is alike enough to its quote and holds the same
    numbers (a figure that changed makes a different claim), else None."""
    start, end = fit_ends(new, start, end, anchor.quote)
    if end <= start or _DIGITS.findall(new[start:end]) != _DIGITS.findall(anchor.quote):
        return None
    score = rapid().ratio(anchor.quote, new[start:end])
    if score < MIN_SCORE:
        return None
    return Placement(anchor.claim_id, "moved", start, end, new[start:end], float(score))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without outer spaces, widened to whole words (never a word cut in two)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while start < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def reanchor(old: str, new: str, anchors: Iterable[OldAnchor]) -> list[Placement]:
    """Placements of every claim in *new*, in the order given."""
    positions = PositionMap(old, new)
    return [place(new, anchor, positions) for anchor in anchors]


@dataclass(frozen=True)
class ReanchorReport:
    kept: int
    moved: int
    orphaned: int

    def describe(self) -> str:
        return f"{self.kept} claim(s) kept in place, {self.moved} moved, {self.orphaned} orphaned"


def summarise(placements: Iterable[Placement]) -> ReanchorReport:
    outcomes = [p.outcome for p in placements]
    return ReanchorReport(
        outcomes.count("kept"), outcomes.count("moved"), outcomes.count("orphaned")
    )


def why_orphaned(text: str, quote: str) -> str:
    """In plain words, why *quote* has no place in *text* (for the list of orphans)."""
    if quote and quote in text:
        return "its words are in the text; place it to confirm where"
    if not quote.strip() or not text.strip():
        return "the text holds nothing like it"
    fuzz = rapid()
    aligned = fuzz.partial_ratio_alignment(quote, text, score_cutoff=MIN_SCORE)
    if aligned is not None:
        near = text[aligned.dest_start : aligned.dest_end]
        if _DIGITS.findall(near) != _DIGITS.findall(quote):
            return "a figure in it changed"
        return "its wording changed"
    if fuzz.partial_ratio(quote, text) >= 60:
        return "its wording changed a lot"
    return "its passage is gone"


LIKELY_SCORE = 60.0  # how alike the words must be to be offered as an orphan's place


def likely_place(text: str, quote: str) -> tuple[int, int] | None:
    """The words of *text* most like *quote* (whole words), to offer as an orphan's
    new place; None when nothing is alike enough.  Only offered: the analyst places."""
    if not quote.strip() or not text.strip():
        return None
    fuzz = rapid()
    aligned = fuzz.partial_ratio_alignment(quote, text, score_cutoff=LIKELY_SCORE)
    if aligned is None:
        return None
    start, end = _trim(text, aligned.dest_start, aligned.dest_end)
    return (start, end) if end > start else None
