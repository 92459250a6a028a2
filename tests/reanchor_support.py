"""A long generated article, a revision of it, and claims whose right place is known.

Used by the long-text re-anchoring test and by ``bench/reanchor_bench.py``.  Every
paragraph carries words drawn from a large invented vocabulary, so a quote of several
words occurs once; the revision edits, inserts, removes and moves whole paragraphs, so
where each untouched quote must land in the new text is known exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from db.anchors import make_anchor
from db.reanchor import OldAnchor

_SYLLABLES = (
    "ka ri mo tan se lu vo pe na dri gol hum bex ti sa or el un ya zo "
    "qui fen lar mis tor ped gan 원 산 мин стр 😀 é ø"
).split()


@dataclass(frozen=True)
class Expected:
    """Where one claim must be after the revision: at *start* in the new text, or
    orphaned (its paragraph was removed) when *start* is None; *touched* claims sit in
    an edited paragraph and may be moved onto the new wording or orphaned."""

    anchor: OldAnchor
    start: int | None
    touched: bool = False


@dataclass(frozen=True)
class Revision:
    old: str
    new: str
    expected: tuple[Expected, ...]

    @property
    def anchors(self) -> list[OldAnchor]:
        return [e.anchor for e in self.expected]


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def _paragraph(rng: random.Random, vocabulary: list[str], number: int) -> str:
    sentences = []
    for _ in range(rng.randint(2, 7)):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(6, 22))]
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), f"{rng.randint(2, 99)},{number % 1000:03d}")
        sentences.append(" ".join(words).capitalize() + rng.choice(".!?"))
    return " ".join(sentences)


def long_revision(size: int, claims: int, seed: int = 7) -> Revision:
    """An old text of about *size* code points with *claims* claims, and its revision:
    a few dozen paragraphs reworded, inserted, removed and moved."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 20_000)
    paragraphs: list[str] = []
    length = 0
    while length < size:
        p = _paragraph(rng, vocabulary, len(paragraphs))
        paragraphs.append(p)
        length += len(p) + 2
    separator = "\n\n"
    old = separator.join(paragraphs)
    starts = []
    at = 0
    for p in paragraphs:
        starts.append(at)
        at += len(p) + len(separator)

    # Claims: spans of whole words inside one paragraph, never two in one paragraph.
    chosen = sorted(rng.sample(range(len(paragraphs)), min(claims, len(paragraphs))))
    spans: dict[int, tuple[int, int]] = {}  # paragraph -> span within it
    for i in chosen:
        p = paragraphs[i]
        bounds = [0] + [j + 1 for j, c in enumerate(p) if c == " "]
        a = rng.randrange(len(bounds) - 4)
        b = min(len(bounds) - 1, a + rng.randint(4, 10))
        spans[i] = (bounds[a], bounds[b] - 1)

    # The revision, paragraph by paragraph: None = removed; (text, span shift, touched).
    # Edited paragraphs get a word changed or added in the middle of the claim's span
    # (touched) or a sentence added before it (shift).  Others are removed, moved, or
    # have new paragraphs inserted before them.
    order = list(range(len(paragraphs)))
    count = max(3, len(paragraphs) // 200)
    # Half of the edited and removed paragraphs hold a claim, so the test sees many.
    claimed = list(spans)
    edited = set(rng.sample(claimed, count)) | set(rng.sample(order, count))
    removed = set(rng.sample([i for i in claimed if i not in edited], count))
    removed |= set(rng.sample([i for i in order if i not in edited], count))
    inserted_before = set(rng.sample(order, count))
    moving = rng.sample([i for i in order if i not in edited | removed], count)
    new_paragraphs: list[tuple[int | None, str, int, bool]] = []
    for i in order:
        if i in inserted_before:
            new_paragraphs.append((None, _paragraph(rng, vocabulary, -1), 0, False))
        if i in removed or i in moving:
            continue
        text, shift, touched = paragraphs[i], 0, False
        if i in edited:
            span = spans.get(i)
            if span is not None and rng.random() < 0.5:
                middle = (span[0] + span[1]) // 2
                cut = text.index(" ", middle) if " " in text[middle : span[1]] else span[0]
                text = text[:cut] + " revised" + text[cut:]
                touched = True
            else:
                addition = _paragraph(rng, vocabulary, -1).split(". ")[0] + ". "
                text = addition + text
                shift = len(addition)
        new_paragraphs.append((i, text, shift, touched))
    for i in moving:  # moved paragraphs go to random new places
        new_paragraphs.insert(rng.randrange(len(new_paragraphs) + 1), (i, paragraphs[i], 0, False))
    new = separator.join(t for _, t, _, _ in new_paragraphs)
    new_start: dict[int, tuple[int, int, bool]] = {}
    at = 0
    for i, text, shift, touched in new_paragraphs:
        if i is not None:
            new_start[i] = (at, shift, touched)
        at += len(text) + len(separator)

    expected = []
    for i, (a, b) in spans.items():
        anchor = make_anchor(old, starts[i] + a, starts[i] + b)
        old_anchor = OldAnchor(
            f"claim-{i}", anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix
        )
        if i not in new_start:
            expected.append(Expected(old_anchor, None))
        else:
            at, shift, touched = new_start[i]
            expected.append(Expected(old_anchor, at + shift + a, touched))
    return Revision(old, new, tuple(expected))
