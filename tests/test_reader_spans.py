"""The reader's span index: one span at a time gives the same layout as laying out all."""

from __future__ import annotations

import random

import pytest

from db.anchors import Utf16Index
from db.models import Status
from desktop.reader.spans import SpanIndex, layout_rows, utf16_block_starts

TEXT = "ab😀cd efgh\nij klm 😀😀 nop\n\nqrs tuv wxyz\nсообщил о 15 новых\n🎉 end"


def _differing(old: dict, new: dict) -> set[int]:  # type: ignore[type-arg]
    return {b for b in old.keys() | new.keys() if old.get(b) != new.get(b)}


@pytest.mark.parametrize("seed", range(6))
def test_incremental_changes_match_a_full_layout(seed: int) -> None:
    rng = random.Random(seed)
    index = Utf16Index(TEXT)
    starts = utf16_block_starts(TEXT, index)
    spans = SpanIndex(index, starts)
    rows: dict[str, tuple[str, int, int, Status]] = {}
    initial = []
    for n in range(8):
        a = rng.randrange(0, len(TEXT) - 1)
        row = (f"c{n:03d}", a, rng.randrange(a + 1, len(TEXT) + 1), rng.choice(list(Status)))
        initial.append(row)
        rows[row[0]] = row
    spans.load(initial)
    for step in range(60):
        choice = rng.random()
        if choice < 0.45 or not rows:
            a = rng.randrange(0, len(TEXT) - 1)
            row = (f"n{step:03d}", a, rng.randrange(a + 1, len(TEXT) + 1), Status.UNVERIFIED)
        elif choice < 0.7:
            cid = rng.choice(sorted(rows))
            _, a, b, _status = rows[cid]
            row = (cid, a, b, rng.choice(list(Status)))
        else:
            cid = rng.choice(sorted(rows))
            before = dict(spans.pieces)
            touched = spans.remove(cid)
            del rows[cid]
            full = layout_rows(rows.values(), index, starts)
            assert spans.pieces == full.pieces
            assert _differing(before, full.pieces) <= touched
            continue
        before = dict(spans.pieces)
        touched = spans.upsert(row)
        rows[row[0]] = row
        full = layout_rows(rows.values(), index, starts)
        assert spans.spans == full.spans
        assert spans.by_id == full.by_id
        assert spans.pieces == full.pieces
        assert _differing(before, full.pieces) <= touched


def test_a_new_span_touches_only_its_own_blocks() -> None:
    text = "\n".join(f"line {n} with some words" for n in range(200))
    index = Utf16Index(text)
    assert index.trivial
    spans = SpanIndex(index, utf16_block_starts(text, index))
    at = {n: text.index(f"line {n} ") for n in range(200)}
    spans.load([(f"c{n}", at[n], at[n] + 6, Status.VERIFIED) for n in range(200)])
    inside = at[57] + 2
    assert spans.upsert(("new", inside, inside + 10, Status.UNVERIFIED)) == {57}
    assert spans.by_id["new"].depth == 1
    assert spans.remove("new") == {57}
    assert spans.upsert(("c9", at[9], at[9] + 6, Status.FALSE)) == {9}


def test_astral_text_is_indexed_and_plain_text_is_not() -> None:
    assert Utf16Index("plain ascii").trivial
    assert Utf16Index("Министр сообщил").trivial
    emoji = Utf16Index("a😀b")
    assert not emoji.trivial
    assert [emoji.to_utf16(i) for i in range(4)] == [0, 1, 3, 4]
