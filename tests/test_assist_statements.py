"""Scoring the attributed-statement and quotation suggestions against marked statements, and the
fourth out-of-sample reference (tests/fixtures/assist_fresh/), which is measured, never tuned on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from db.assist.quality import StatementScore, score_statements
from db.assist.reference import ArticleResult, load_reference, score_folder
from db.assist.suggest import Suggestion

FRESH = Path(__file__).parent / "fixtures" / "assist_fresh"
OLDER = [Path(__file__).parent / "fixtures" / name for name in ("assist_unseen", "assist_holdout",
                                                                 "assist_last_check")]  # fmt: skip


def _suggestion(kind: str, start: int, end: int, source: str | None) -> Suggestion:
    return Suggestion(kind, start, end, "x" * (end - start), source=source)


def test_statement_score_counts_overlap_tightness_and_source() -> None:
    marks = [
        {"start": 10, "end": 40, "quote": "a", "kind": "attribution", "source": ["Jane Roe"]},
        {"start": 60, "end": 80, "quote": "b", "kind": "attribution", "source": ["the ministry"]},
        {"start": 100, "end": 130, "quote": "c", "kind": "attribution", "source": ["Kim"]},
        {"start": 200, "end": 230, "quote": "d", "kind": "quotation", "source": ["Lee"]},
    ]
    found = [
        _suggestion("attribution", 12, 40, "Roe"),  # tight, surname alone names her
        _suggestion("attribution", 50, 140, "Ministry"),  # covers two marks, loose
        _suggestion("attribution", 150, 170, "Park"),  # overlaps nothing
        _suggestion("quotation", 200, 230, "Lee"),  # another kind
    ]
    sc = score_statements(marks, found, "attribution")
    assert (sc.marked, sc.found, sc.tight, sc.suggested, sc.suggested_right) == (3, 3, 1, 3, 2)
    # the loose suggestion names the ministry: right for the ministry's mark, wrong for Kim's
    assert sc.source_right == 2
    assert len(sc.wrong_sources) == 1 and "'Kim'" in sc.wrong_sources[0]
    assert len(sc.stray) == 1 and "Park" in sc.stray[0]
    quotes = score_statements(marks, found, "quotation")
    assert (quotes.marked, quotes.found, quotes.tight, quotes.source_right) == (1, 1, 1, 1)
    assert quotes.precision == 1.0 and sc.precision == pytest.approx(2 / 3)


def test_statement_score_of_nothing_marked_and_nothing_found() -> None:
    sc = score_statements([], [], "attribution")
    assert (sc.marked, sc.recall, sc.precision, sc.source_accuracy) == (0, 1.0, 1.0, 1.0)
    missed = score_statements(
        [{"start": 0, "end": 5, "quote": "q", "kind": "quotation", "source": ["X"]}],
        [],
        "quotation",
    )
    assert missed.found == 0 and missed.source_accuracy == 0.0 and missed.misses


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> list[ArticleResult]:
    from db.analysts import bind_analyst
    from db.workspace import open_workspace

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLAIMDESK_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        ws = open_workspace(tmp_path_factory.mktemp("fresh") / "fresh.sqlite")
        try:
            bind_analyst(ws)
            return score_folder(ws, FRESH)
        finally:
            ws.close()


def test_fresh_reference_imports_as_marked(fresh: list[ArticleResult]) -> None:
    """Every file decoded in its own encoding, its date read, every mark read back."""
    assert [p for r in fresh for p in r.problems] == []
    assert {r.language for r in fresh} == {"ar", "da", "en", "ko", "ru"}
    assert {r.encoding for r in fresh} == {"utf-8", "utf-16-le", "utf-16-be", "cp1251"}
    marked = StatementScore()
    for r in fresh:
        for kind in ("attribution", "quotation"):
            marked.add(r.statements[kind])
    assert marked.marked >= 20


def test_every_reference_marks_statements_in_every_article() -> None:
    for folder in (FRESH, *OLDER):
        for name, entry in load_reference(folder).items():
            for mark in entry["statements"]:
                assert mark["kind"] in ("attribution", "quotation"), (folder.name, name)
                assert mark["source"], (folder.name, name, mark["quote"])


def test_fresh_reference_at_the_level_measured(fresh: list[ArticleResult]) -> None:
    """Measured, never tuned on: these floors only catch a regression."""
    from db.assist.quality import Score

    claims, attributions, quotations = Score(), StatementScore(), StatementScore()
    for r in fresh:
        claims.add(r.score)
        attributions.add(r.statements["attribution"])
        quotations.add(r.statements["quotation"])
    assert claims.marked == 51 and claims.recall >= 0.92, claims.misses
    assert claims.attribution_accuracy >= 0.75, claims.wrong_sources
    assert claims.invented <= 1, claims.wrong_sources
    assert attributions.found >= 5 and attributions.precision >= 0.8, attributions.stray
    assert quotations.found >= 7 and quotations.precision == 1.0, quotations.stray


def test_seed_statements_read_back(seed_paths: list[Path]) -> None:
    """The attributed statements marked in the seed reference sit at their offsets (only their
    first and last characters are stored)."""
    import json

    from db.importing.text import decode_text, normalise_text

    reference = json.loads(
        (Path(__file__).parent / "fixtures" / "assist_reference" / "reference.json").read_text(
            encoding="utf-8"
        )
    )
    checked = 0
    for path in seed_paths:
        text = normalise_text(decode_text(path.read_bytes(), path.name)[0])
        entry = reference[path.name]
        assert entry["statements"], path.name  # every seed is marked for statements
        claims = entry["claims"]
        for mark in entry["statements"]:
            marked = text[mark["start"] : mark["end"]]
            assert marked.startswith(mark["quote_start"]) and marked.endswith(mark["quote_end"])
            assert len(mark["quote_start"]) <= 40 and len(mark["quote_end"]) <= 20
            assert mark["kind"] == "attribution" and mark["source"]
            assert isinstance(mark["relayed_by"], list)
            # a statement carries no marked figure or date: those are scored as claims
            assert not [
                c["quote"] for c in claims if c["start"] < mark["end"] and mark["start"] < c["end"]
            ], (path.name, mark["quote_start"])
            checked += 1
    assert checked >= 77
