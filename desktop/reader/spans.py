"""Claim spans laid out per text block, in UTF-16 units (no Qt needed).

Claims are anchored in code points; the reader's document counts UTF-16 units
and splits the text into blocks at line breaks.  :func:`layout_spans` converts
every claim once, computes its nesting depth with a heap sweep and cuts it
into per-block pieces, in O(n log n + pieces).  :class:`SpanIndex` keeps that
layout and changes it one span at a time: inserting or removing a span shifts
the depth of the spans starting inside it by one, and only the blocks of the
spans whose pieces changed are reported for repainting.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from db.anchors import Utf16Index
from db.models import Status
from db.spans import SpanRow


@dataclass(frozen=True, slots=True)
class Span:
    """A claim's whole range in document (UTF-16) positions."""

    claim_id: str
    start: int
    end: int
    status: Status
    depth: int


@dataclass(frozen=True, slots=True)
class Piece:
    """The part of a span inside one block; ``start`` is relative to the block."""

    start: int
    length: int
    status: Status
    depth: int
    claim_id: str


@dataclass
class SpanLayout:
    spans: list[Span]  # sorted by (start, -end)
    by_id: dict[str, Span]
    pieces: dict[int, tuple[Piece, ...]]  # block number -> pieces, outermost first


def utf16_block_starts(text: str, index: Utf16Index) -> list[int]:
    """UTF-16 position of the first character of each line (QTextDocument block)."""
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(index.to_utf16(pos + 1))
        pos = text.find("\n", pos + 1)
    return starts


def _pieces_of(span: Span, block_starts: Sequence[int]) -> dict[int, Piece]:
    """The span cut at block boundaries: block number -> piece (block-relative)."""
    out: dict[int, Piece] = {}
    first = bisect_right(block_starts, span.start) - 1
    last = bisect_right(block_starts, max(span.start, span.end - 1)) - 1
    for block in range(first, last + 1):
        block_start = block_starts[block]
        block_end = block_starts[block + 1] - 1 if block + 1 < len(block_starts) else None
        lo = max(span.start, block_start)
        hi = span.end if block_end is None else min(span.end, block_end)
        if hi > lo:
            out[block] = Piece(lo - block_start, hi - lo, span.status, span.depth, span.claim_id)
    return out


def _piece_order(piece: Piece) -> tuple[int, int, int, str]:
    # Outermost first; ties in a fixed order, so a layout changed span by span
    # equals one made at once.
    return (piece.depth, piece.start, -piece.length, piece.claim_id)


def layout_spans(
    claims: Iterable[object], index: Utf16Index, block_starts: Sequence[int]
) -> SpanLayout:
    """Lay out objects with ``id``, ``start``, ``end`` (code points) and ``status``."""
    rows: list[SpanRow] = [
        (str(c.id), c.start, c.end, c.status)  # type: ignore[attr-defined]
        for c in claims
    ]
    return layout_rows(rows, index, block_starts)


def layout_rows(
    rows: Iterable[SpanRow], index: Utf16Index, block_starts: Sequence[int]
) -> SpanLayout:
    """Lay out span rows (id, start, end, status; code points) all at once."""
    if index.trivial:
        raw = sorted(
            ((start, end, cid, status) for cid, start, end, status in rows),
            key=lambda r: (r[0], -r[1], r[2]),
        )
    else:
        to16 = index.to_utf16
        raw = sorted(
            ((to16(start), to16(end), cid, status) for cid, start, end, status in rows),
            key=lambda r: (r[0], -r[1], r[2]),
        )
    spans: list[Span] = []
    open_ends: list[int] = []
    for start, end, cid, status in raw:
        while open_ends and open_ends[0] <= start:
            heapq.heappop(open_ends)
        spans.append(Span(cid, start, end, status, len(open_ends)))
        heapq.heappush(open_ends, end)
    per_block: dict[int, list[Piece]] = defaultdict(list)
    n_blocks = len(block_starts)
    for span in spans:
        first = bisect_right(block_starts, span.start) - 1
        next_start = block_starts[first + 1] if first + 1 < n_blocks else None
        if next_start is None or span.end < next_start:  # within one line: most claims
            if span.end > span.start:
                per_block[first].append(
                    Piece(
                        span.start - block_starts[first],
                        span.end - span.start,
                        span.status,
                        span.depth,
                        span.claim_id,
                    )
                )
            continue
        for block, piece in _pieces_of(span, block_starts).items():
            per_block[block].append(piece)
    pieces = {block: tuple(sorted(items, key=_piece_order)) for block, items in per_block.items()}
    return SpanLayout(spans=spans, by_id={s.claim_id: s for s in spans}, pieces=pieces)


class SpanIndex(SpanLayout):
    """A span layout changed one span at a time.

    Every change returns the block numbers whose pieces differ afterwards;
    only those need highlighting again.
    """

    def __init__(self, index: Utf16Index, block_starts: Sequence[int]) -> None:
        super().__init__([], {}, {})
        self.index = index
        self.block_starts = block_starts
        self._keys: list[tuple[int, int, str]] = []

    def load(self, rows: Iterable[SpanRow]) -> None:
        layout = layout_rows(rows, self.index, self.block_starts)
        self.spans, self.by_id, self.pieces = layout.spans, layout.by_id, layout.pieces
        self._keys = [(s.start, -s.end, s.claim_id) for s in self.spans]

    def position(self, claim_id: str) -> int:
        """The span's place in text order (-1 when absent)."""
        span = self.by_id.get(claim_id)
        if span is None:
            return -1
        return bisect_left(self._keys, (span.start, -span.end, span.claim_id))

    def upsert(self, row: SpanRow) -> set[int]:
        """Add or change one span; returns the blocks to highlight again."""
        claim_id, start, end, status = row
        start16, end16 = self.index.to_utf16(start), self.index.to_utf16(end)
        old = self.by_id.get(claim_id)
        if old is not None and (old.start, old.end) == (start16, end16):
            if old.status == status:
                return set()
            new = replace(old, status=status)
            self.spans[self.position(claim_id)] = new
            return self._repiece(old, new)
        blocks = self.remove(claim_id) if old is not None else set()
        return blocks | self._insert(claim_id, start16, end16, status)

    def remove(self, claim_id: str) -> set[int]:
        """Take one span away; returns the blocks to highlight again."""
        old = self.by_id.pop(claim_id, None)
        if old is None:
            return set()
        i = self.position_of(old)
        del self.spans[i]
        del self._keys[i]
        blocks = self._repiece(old, None)
        return blocks | self._shift_depths(i, old.end, -1)

    def position_of(self, span: Span) -> int:
        return bisect_left(self._keys, (span.start, -span.end, span.claim_id))

    def _insert(self, claim_id: str, start: int, end: int, status: Status) -> set[int]:
        key = (start, -end, claim_id)
        i = bisect_left(self._keys, key)
        depth = sum(1 for s in self.spans[:i] if s.end > start)
        span = Span(claim_id, start, end, status, depth)
        self.spans.insert(i, span)
        self._keys.insert(i, key)
        self.by_id[claim_id] = span
        blocks = self._repiece(None, span)
        return blocks | self._shift_depths(i + 1, end, +1)

    def _shift_depths(self, first: int, end: int, delta: int) -> set[int]:
        """Spans from index *first* that start before *end* nest one level deeper (+1)
        or shallower (-1)."""
        blocks: set[int] = set()
        j = first
        while j < len(self.spans) and self.spans[j].start < end:
            old = self.spans[j]
            new = replace(old, depth=old.depth + delta)
            self.spans[j] = new
            self.by_id[new.claim_id] = new
            blocks |= self._repiece(old, new)
            j += 1
        return blocks

    def _repiece(self, old: Span | None, new: Span | None) -> set[int]:
        """Replace *old*'s pieces by *new*'s; returns the blocks touched."""
        if new is not None:
            self.by_id[new.claim_id] = new
        before = _pieces_of(old, self.block_starts) if old is not None else {}
        after = _pieces_of(new, self.block_starts) if new is not None else {}
        claim_id = (new or old).claim_id  # type: ignore[union-attr]
        for block in before.keys() | after.keys():
            kept = [p for p in self.pieces.get(block, ()) if p.claim_id != claim_id]
            if block in after:
                kept.append(after[block])
            if kept:
                self.pieces[block] = tuple(sorted(kept, key=_piece_order))
            else:
                self.pieces.pop(block, None)
        return set(before) | set(after)


def mark_pieces(
    ranges: Iterable[tuple[int, int]], index: Utf16Index, block_starts: Sequence[int]
) -> dict[int, tuple[tuple[int, int], ...]]:
    """Code-point ranges cut into block-relative (start, length) pieces in UTF-16 units."""
    out: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    for start, end in ranges:
        if end <= start:
            continue
        span = Span("", index.to_utf16(start), index.to_utf16(end), Status.UNVERIFIED, 0)
        for block, piece in _pieces_of(span, block_starts).items():
            out[block].append((piece.start, piece.length))
    return {block: tuple(pieces) for block, pieces in out.items()}


def innermost_at(layout: SpanLayout, block: int, local: int) -> str | None:
    """The id of the deepest (then shortest) claim covering a block-local position."""
    best: Piece | None = None
    for piece in layout.pieces.get(block, ()):
        if piece.start <= local < piece.start + piece.length:
            if best is None or (piece.depth, -piece.length) > (best.depth, -best.length):
                best = piece
    return best.claim_id if best else None


def changed_blocks(
    old: dict[int, tuple[Piece, ...]], new: dict[int, tuple[Piece, ...]]
) -> list[int]:
    """Blocks whose pieces differ between two layouts."""
    return sorted(b for b in old.keys() | new.keys() if old.get(b) != new.get(b))
