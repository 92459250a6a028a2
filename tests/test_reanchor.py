"""Revised articles: every claim kept, moved or orphaned — never lost, never misplaced."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from db import claims as claim_ops
from db.anchors import make_anchor
from db.articles import NewArticle, add_article, article_text
from db.check import check_workspace
from db.cli import run
from db.errors import InvalidInput
from db.history import claim_history
from db.reanchor import OldAnchor, reanchor
from db.revisions import orphans, place_orphan, replace_article_text, revision_text
from tests.reanchor_support import long_revision

WORDS = st.sampled_from(
    "Seoul said 1,500 soldiers left in October Kyiv 3,000 troops 😀 원산 Министр "
    "were training analysts expect 12,000 by winter the ministry".split()
)
SENTENCE = st.lists(WORDS, min_size=4, max_size=12).map(lambda w: " ".join(w) + ".")
TEXT = st.lists(SENTENCE, min_size=3, max_size=8).map(lambda s: "\n\n".join(s))


def _anchor(text: str, start: int, end: int, claim_id: str = "c") -> OldAnchor:
    a = make_anchor(text, start, end)
    return OldAnchor(claim_id, a.start, a.end, a.quote, a.prefix, a.suffix)


# Words put into a quote or taken out of it: none holds a figure (a changed figure makes
# a different claim, which is orphaned on purpose).
PLAIN_WORDS = st.sampled_from(
    "Seoul said soldiers left in October Kyiv troops 😀 원산 Министр were training "
    "analysts expect by winter the ministry".split()
)
LONG_QUOTE = 50  # characters: a word more or less still leaves the quote alike enough


def _word_edit(
    draw: st.DrawFn, old: str, kind: str
) -> tuple[str, str, OldAnchor, str, tuple[int, int]]:
    """A claim of whole words and a word added inside it or taken out of it, and where
    its new wording lies in the new text."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", old)]
    firsts = [i for i, (a, _) in enumerate(words) if words[-1][1] - a >= LONG_QUOTE]
    assume(firsts)
    first = draw(st.sampled_from(firsts))
    last = next(
        j for j in range(first + 2, len(words)) if words[j][1] - words[first][0] >= LONG_QUOTE
    )
    last = draw(st.integers(last, min(len(words) - 1, last + 3)))
    start, end = words[first][0], words[last][1]
    anchor = _anchor(old, start, end)
    if kind == "add-word":
        at = words[draw(st.integers(first + 1, last))][0]
        word = draw(PLAIN_WORDS) + " "
        return old, old[:at] + word + old[at:], anchor, kind, (start, end + len(word))
    # A word between its first and last, with the space before it.
    inner = range(first + 1, last)
    plain = [k for k in inner if not any(c.isdigit() for c in old[slice(*words[k])])]
    assume(plain)
    k = draw(st.sampled_from(plain))
    cut = slice(words[k - 1][1], words[k][1])
    gone = cut.stop - cut.start
    return old, old[: cut.start] + old[cut.stop :], anchor, kind, (start, end - gone)


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, str, OldAnchor, str, tuple[int, int] | None]:
    """An old text, a claim in it, one edit elsewhere or on the claim, the new text, and
    (for a word added inside the claim or taken out of it) where its new wording lies."""
    old = draw(TEXT)
    kind = draw(st.sampled_from(["insert", "delete", "move", "touch", "add-word", "drop-word"]))
    if kind in ("add-word", "drop-word"):
        return _word_edit(draw, old, kind)
    start = draw(st.integers(0, len(old) - 2))
    end = draw(st.integers(start + 1, min(len(old), start + 40)))
    anchor = _anchor(old, start, end)
    if kind == "insert":
        at = draw(
            st.sampled_from([0, len(old)] + [i for i in range(len(old)) if i <= start or i >= end])
        )
        new = old[:at] + draw(SENTENCE) + " " + old[at:]
    elif kind == "delete":
        # Delete a stretch that does not overlap the claim.
        a = draw(st.integers(0, len(old)))
        b = draw(st.integers(a, min(len(old), a + 30)))
        if a < end and b > start:
            a, b = 0, 0
        new = old[:a] + old[b:]
    elif kind == "move":
        paragraphs = old.split("\n\n")
        order = draw(st.permutations(range(len(paragraphs))))
        new = "\n\n".join(paragraphs[i] for i in order)
    else:
        # Change one character inside the claim.
        at = draw(st.integers(start, end - 1))
        new = old[:at] + ("x" if old[at] != "x" else "y") + old[at + 1 :]
    return old, new, anchor, kind, None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_a_placed_claim_is_always_where_its_quote_is(
    case: tuple[str, str, OldAnchor, str, tuple[int, int] | None],
) -> None:
    old, new, anchor, kind, changed = case
    (placement,) = reanchor(old, new, [anchor])
    if placement.placed:
        assert new[placement.start : placement.end] == placement.quote
        assert placement.end > placement.start
    if kind in ("insert", "delete", "move") and anchor.quote in new:
        # The quote survived the edit untouched: the claim is never orphaned.
        assert placement.placed and placement.quote == anchor.quote
    if kind in ("insert", "delete") and new.count(anchor.quote) == 1:
        assert new[placement.start : placement.end] == anchor.quote
    if changed is not None and anchor.quote not in new:
        # A word added inside the claim or taken out of it: the claim is moved onto its
        # new wording, from the first word to the last, no more and no less.
        assert placement.outcome == "moved", (anchor.quote, new[slice(*changed)])
        assert (placement.start, placement.end) == changed, (placement.quote, new)


def test_context_picks_the_right_one_of_two_equal_quotes() -> None:
    old = "Seoul said 1,500 soldiers left. Kyiv said 1,500 soldiers trained."
    second = old.rindex("1,500 soldiers")
    anchor = _anchor(old, second, second + len("1,500 soldiers"))
    new = "UPDATE: " + old
    (placement,) = reanchor(old, new, [anchor])
    assert placement.start == new.rindex("1,500 soldiers") and placement.outcome == "moved"


def test_a_changed_figure_is_orphaned_not_moved() -> None:
    old = "Kyiv said 3,000 troops were training near the border."
    anchor = _anchor(old, old.index("3,000"), old.index(" near"))
    new = old.replace("3,000", "3,500")
    (placement,) = reanchor(old, new, [anchor])
    assert placement.outcome == "orphaned"


def test_reworded_quote_moves_with_the_new_wording() -> None:
    old = "The agency said that about 1,500 soldiers had left the port in October."
    anchor = _anchor(old, old.index("about"), old.index(" in October"))
    new = "The agency said that about 1,500 soldiers have left the port in October."
    (placement,) = reanchor(old, new, [anchor])
    assert placement.outcome == "moved"
    assert new[placement.start : placement.end] == placement.quote
    assert "1,500 soldiers" in placement.quote


def _moved(old: str, quote: str, new: str) -> str | None:
    """The wording a claim on *quote* in *old* is moved onto in *new*, or None when it
    is orphaned (a claim kept in place fails the test)."""
    start = old.index(quote)
    (placement,) = reanchor(old, new, [_anchor(old, start, start + len(quote))])
    assert placement.outcome != "kept"
    if placement.outcome == "orphaned":
        return None
    assert new[placement.start : placement.end] == placement.quote
    return placement.quote


BUDGET = (
    "The council said on Monday that the new budget cuts library hours by 20 percent "
    "from next April, to save money on heating and staff."
)
REVENUE = (
    "Tourism revenue rose sharply, the board said, an increase of 5 percent over last "
    "year, driven by visitors from abroad."
)


def test_words_added_inside_a_quote_move_it_onto_the_new_wording() -> None:
    new = BUDGET.replace("library hours", "library opening hours")
    moved = _moved(BUDGET, "cuts library hours by 20 percent", new)
    assert moved == "cuts library opening hours by 20 percent"
    new = "UPDATED. " + BUDGET.replace("the new budget cuts", "the new budget, in effect, cuts")
    moved = _moved(BUDGET, "the new budget cuts library hours by 20 percent", new)
    assert moved == "the new budget, in effect, cuts library hours by 20 percent"


def test_words_taken_out_of_a_quote_move_it_onto_what_is_left() -> None:
    new = REVENUE.replace("over last year", "over year")
    assert _moved(REVENUE, "an increase of 5 percent over last year", new) == (
        "an increase of 5 percent over year"
    )


def test_a_quote_whose_words_went_is_orphaned_though_its_context_stayed() -> None:
    for replaced in (
        "keeps the museum open on Sundays",  # other words between the same context
        "",  # nothing left between it
        "cuts library opening hours by 25 percent",  # a figure changed too
        "cuts library hours by 20 to 30 percent",  # alike, but with another figure
    ):
        new = BUDGET.replace("cuts library hours by 20 percent", replaced)
        assert _moved(BUDGET, "cuts library hours by 20 percent", new) is None, replaced


def test_a_moved_quote_gains_no_punctuation_at_its_ends() -> None:
    old = (
        "Officials said on Monday that the troops were training near the northern border "
        "in small groups, according to the ministry."
    )
    # The words around the quote changed as well: it is found by its own words alone.
    new = "Officials said on Tuesday the troops were training near the north border. It ended."
    assert _moved(old, "troops were training near the northern border", new) == (
        "the troops were training near the north border"
    )
    # A quote that ended with a full stop keeps it.
    old = "Nobody was hurt. The ferry left the north pier at dawn. Crews repainted the hull."
    new = "Nobody was hurt. The ferry left the pier at dawn. Crews repainted the hull."
    assert _moved(old, "The ferry left the north pier at dawn.", new) == (
        "The ferry left the pier at dawn."
    )


def test_replace_on_a_seed_article_keeps_every_claim(ws, seed_paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    seed = seed_paths[0].read_text(encoding="utf-8")
    art = add_article(ws, NewArticle(text=seed, original=seed.encode(), filename="v1.txt"))
    paragraphs = seed.split("\n")
    picked = [p for p in paragraphs if len(p) > 80][:6]
    ids = [
        claim_ops.create_claim_by_quote(ws, art.id, p[10:60]).id for p in picked if p[10:60].strip()
    ]
    # The revision: a correction notice on top, one paragraph gone, one reworded figure.
    gone = picked[-1]
    revised = "Correction: an earlier version misstated a date.\n\n" + seed.replace(gone, "")
    new = NewArticle(text=revised, original=revised.encode(), filename="v2.txt")
    report = replace_article_text(ws, art.id, new)
    assert report.summary.kept + report.summary.moved + report.summary.orphaned == len(ids)
    assert report.summary.orphaned >= 1 and report.summary.moved >= 1
    text = article_text(ws, art.id).text
    assert text == revised
    for cid in ids:
        info = claim_ops.get_claim(ws, cid)
        orphaned = cid in {o.id for o in orphans(ws, art.id)}
        if not orphaned:
            assert text[info.start : info.end] == info.quote
    # The earlier text is kept; the move is in each moved claim's history.
    assert revision_text(ws, art.id, 1) == seed
    moved = [p for p in report.placements if p.outcome == "moved"]
    assert any(
        change.field == "start"
        for item in claim_history(ws, moved[0].claim_id)
        for change in item.changes
    )
    assert check_workspace(ws).ok
    # An orphan is placed again by selecting text; it is then an ordinary claim.
    (orphan,) = [o for o in orphans(ws, art.id)][:1]
    where = text.index(picked[0][10:30])
    place_orphan(ws, orphan.id, where, where + 20)
    assert orphan.id not in {o.id for o in orphans(ws)}
    assert claim_ops.get_claim(ws, orphan.id).quote == text[where : where + 20]


def test_same_text_is_refused_and_nothing_changes(ws) -> None:  # type: ignore[no-untyped-def]
    body = "Officials said 40 ships left port on Friday."
    art = add_article(ws, NewArticle(text=body, original=body.encode(), filename="a.txt"))
    with pytest.raises(InvalidInput, match="same as the stored one"):
        replace_article_text(ws, art.id, NewArticle(text=body, original=b"other", filename="b"))


def test_cli_article_replace(ws_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    v1 = tmp_path / "v1.txt"
    v1.write_text("Officials said 40 ships left port on Friday. Nothing else.\n")
    assert run(["--db", str(ws_path), "import", str(v1)]) == 0
    article = capsys.readouterr().out.split()[0]
    add = ["claim", "add", "--article", article, "--quote", "40 ships"]
    assert run(["--db", str(ws_path), *add]) == 0
    capsys.readouterr()
    v2 = tmp_path / "v2.txt"
    v2.write_text("UPDATE. Officials said 40 ships left port on Friday. Nothing else.\n")
    assert run(["--db", str(ws_path), "article", "replace", article, str(v2)]) == 0
    out = capsys.readouterr().out
    assert "0 claim(s) kept in place, 1 moved, 0 orphaned" in out
    assert run(["--db", str(ws_path), "article", "replace", "no-such-id", str(v2)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_orphans_are_never_spans_to_paint(ws) -> None:  # type: ignore[no-untyped-def]
    from db.spans import article_spans, spans_of

    body = "Kyiv said 3,000 troops were training near the border. Nothing else."
    art = add_article(ws, NewArticle(text=body, original=body.encode(), filename="k.txt"))
    claim = claim_ops.create_claim_by_quote(ws, art.id, "3,000 troops were training")
    revised = body.replace("3,000", "3,500")
    report = replace_article_text(
        ws, art.id, NewArticle(text=revised, original=revised.encode(), filename="k2.txt")
    )
    assert report.summary.orphaned == 1
    assert article_spans(ws, art.id) == []
    assert spans_of(ws, [claim.id]) == {}


def test_a_long_revised_text_places_every_claim_where_its_quote_went() -> None:
    # About 1.5 MiB with 300 claims; paragraphs reworded, inserted, removed and moved.
    revision = long_revision(1_500_000, 300, seed=11)
    placements = reanchor(revision.old, revision.new, revision.anchors)
    removed = [e for e in revision.expected if e.start is None]
    touched = [e for e in revision.expected if e.touched]
    assert len(removed) >= 5 and len(touched) >= 3
    for expected, placement in zip(revision.expected, placements, strict=True):
        anchor = expected.anchor
        assert placement.claim_id == anchor.claim_id
        if placement.placed:
            assert revision.new[placement.start : placement.end] == placement.quote
        if expected.start is None:
            # Its paragraph is gone: reported as orphaned, never moved somewhere else.
            assert placement.outcome == "orphaned", anchor.quote
        elif expected.touched:
            # A word was added inside it: moved onto the new wording there, all of it.
            assert placement.outcome == "moved", anchor.quote
            assert (placement.start, placement.end) == (
                expected.start,
                expected.start + len(anchor.quote) + len(" revised"),
            )
        else:
            assert (placement.start, placement.end) == (
                expected.start,
                expected.start + len(anchor.quote),
            )
            assert placement.quote == anchor.quote


def test_a_long_text_with_every_line_changed_still_carries_reworded_claims() -> None:
    # Every paragraph changes, so the runs of changed lines are far too long to compare
    # word by word at once: they are compared line against line.
    old = long_revision(300_000, 10, seed=3).old
    paragraphs = old.split("\n\n")
    picked = [10, 200, len(paragraphs) - 5]
    anchors, reworded = [], []
    for k in picked:
        at = sum(len(p) + 2 for p in paragraphs[:k])
        words = paragraphs[k].split(" ")
        span = len(" ".join(words[:2])) + 1, len(" ".join(words[:9]))
        anchors.append(_anchor(old, at + span[0], at + span[1], f"c{k}"))
        words.insert(5, "revised")
        reworded.append(" ".join(words))
    for k, text in zip(picked, reworded, strict=True):
        paragraphs[k] = text
    new = "\n\n".join("Note " + p for p in paragraphs)
    for k, anchor, placement in zip(picked, anchors, reanchor(old, new, anchors), strict=True):
        assert placement.outcome == "moved", k
        assert new[placement.start : placement.end] == placement.quote
        assert "revised" in placement.quote
        assert new.rfind("\n\n", 0, placement.start) == new.rfind(
            "\n\n", 0, anchor.start + 5 * (k + 1)
        )


def test_a_line_repeated_all_over_a_long_text_does_not_misplace_claims() -> None:
    # Between every two paragraphs the same line: it cannot line the texts up by itself.
    revision = long_revision(400_000, 200, seed=5)
    line = "\n\nAdvertisement"

    def spread(text: str) -> str:
        return "\n\n".join(p + line for p in text.split("\n\n"))

    def shifted(text: str, at: int) -> int:
        return at + text.count("\n\n", 0, at) * len(line)

    old, new = spread(revision.old), spread(revision.new)
    anchors = [
        _anchor(old, shifted(revision.old, e.anchor.start), shifted(revision.old, e.anchor.end))
        for e in revision.expected
    ]
    placements = reanchor(old, new, anchors)
    assert sum(e.start is None for e in revision.expected) >= 3
    for expected, anchor, placement in zip(revision.expected, anchors, placements, strict=True):
        if expected.start is None:
            assert placement.outcome == "orphaned"
        elif not expected.touched:
            assert placement.start == shifted(revision.new, expected.start)
            assert new[placement.start : placement.end] == anchor.quote
