"""Claim spans laid out per text block, in UTF-16 units (no Qt needed).

Claims are anchored in code points; the reader's document counts UTF-16 units
and splits the text into blocks at line breaks.  :func:`layout_spans` converts
every claim once, computes its nesting depth with a heap sweep and cuts it
into per-block pieces, in O(n log n + pieces).
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from db.anchors import Utf16Index
from db.claims import ClaimInfo
from db.models import Status


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


def layout_spans(
    claims: Sequence[ClaimInfo], index: Utf16Index, block_starts: Sequence[int]
) -> SpanLayout:
    raw = sorted(
        ((index.to_utf16(c.start), index.to_utf16(c.end), str(c.id), c.status) for c in claims),
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
    for span in spans:
        first = bisect_right(block_starts, span.start) - 1
        last = bisect_right(block_starts, max(span.start, span.end - 1)) - 1
        for block in range(first, last + 1):
            block_start = block_starts[block]
            block_end = block_starts[block + 1] - 1 if block + 1 < len(block_starts) else None
            lo = max(span.start, block_start)
            hi = span.end if block_end is None else min(span.end, block_end)
            if hi > lo:
                per_block[block].append(
                    Piece(lo - block_start, hi - lo, span.status, span.depth, span.claim_id)
                )
    pieces = {
        block: tuple(sorted(items, key=lambda p: (p.depth, p.start)))
        for block, items in per_block.items()
    }
    return SpanLayout(spans=spans, by_id={s.claim_id: s for s in spans}, pieces=pieces)


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
