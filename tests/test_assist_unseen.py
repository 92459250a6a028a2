"""The reading assists on the out-of-sample reference (tests/fixtures/assist_unseen/).

Ten articles written for the reference in five languages, stored in UTF-8, UTF-16 (both byte
orders, with a BOM) and Windows-1252, some with CRLF line ends, are imported through the real
importer; the thresholds are the level the assists reached on them, so a regression fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.assist.quality import Score
from db.assist.reference import ArticleResult, load_reference, score_folder
from db.importing.text import decode_text

FOLDER = Path(__file__).parent / "fixtures" / "assist_unseen"
HOLDOUT = Path(__file__).parent / "fixtures" / "assist_holdout"
LAST_CHECK = Path(__file__).parent / "fixtures" / "assist_last_check"
LANGUAGES = ("ar", "da", "en", "ko", "ru")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[ArticleResult]]:
    from db.analysts import bind_analyst
    from db.workspace import open_workspace

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLAIMDESK_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        ws = open_workspace(tmp_path_factory.mktemp("unseen") / "unseen.sqlite")
        try:
            bind_analyst(ws)
            yield score_folder(ws, FOLDER)
        finally:
            ws.close()


def _scored(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> list[ArticleResult]:
    from db.analysts import bind_analyst
    from db.workspace import open_workspace

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLAIMDESK_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        ws = open_workspace(tmp_path_factory.mktemp(folder.name) / "reference.sqlite")
        try:
            bind_analyst(ws)
            return score_folder(ws, folder)
        finally:
            ws.close()


@pytest.fixture(scope="module")
def holdout(tmp_path_factory: pytest.TempPathFactory) -> list[ArticleResult]:
    return _scored(HOLDOUT, tmp_path_factory)


@pytest.fixture(scope="module")
def last_check(tmp_path_factory: pytest.TempPathFactory) -> list[ArticleResult]:
    return _scored(LAST_CHECK, tmp_path_factory)


def total(results: list[ArticleResult], language: str | None = None) -> Score:
    out = Score()
    for r in results:
        if language is None or r.language == language:
            out.add(r.score)
    return out


def test_reference_covers_the_languages_encodings_and_line_ends() -> None:
    reference = load_reference(FOLDER)
    assert sorted({e["language"] for e in reference.values()}) == list(LANGUAGES)
    for language in LANGUAGES:
        assert sum(1 for e in reference.values() if e["language"] == language) >= 2
    encodings = {e["encoding"] for e in reference.values()}
    assert {"utf-8", "cp1252", "utf-16-le with BOM", "utf-16-be with BOM"} <= encodings
    assert {e["line_ends"] for e in reference.values()} == {"CRLF", "LF"}
    for name, entry in reference.items():
        raw = decode_text((FOLDER / name).read_bytes(), name)[0]
        assert ("\r\n" in raw) == (entry["line_ends"] == "CRLF"), name


def test_every_file_imports_as_marked(results: list[ArticleResult]) -> None:
    """Decoded in its own encoding, publication date read, every marked quote at its offsets."""
    assert [p for r in results for p in r.problems] == []
    encodings = {r.name: r.encoding for r in results}
    assert encodings["en_flood_relief.txt"] == "cp1252"
    assert encodings["da_stormflod.txt"] == "cp1252"
    assert encodings["ko_rain.txt"] == "utf-16-le"
    assert encodings["ar_troops.txt"] == "utf-16-be"


def test_reference_is_substantial(results: list[ArticleResult]) -> None:
    all_ = total(results)
    assert all_.marked >= 110 and all_.attributed >= 70 and all_.outlet_own >= 35


@pytest.mark.parametrize("language", LANGUAGES)
def test_recall_per_language(results: list[ArticleResult], language: str) -> None:
    score = total(results, language)
    assert score.recall >= 0.94, score.misses


def test_recall_and_precision_overall(results: list[ArticleResult]) -> None:
    score = total(results)
    assert score.recall >= 0.99, score.misses
    assert score.precision >= 0.98


def test_recall_per_kind(results: list[ArticleResult]) -> None:
    for kind, floor in (("figure", 0.98), ("date", 0.95)):
        score = Score()
        for r in results:
            score.add(r.by_kind[kind])
        assert score.recall >= floor, (kind, score.misses)
        assert score.precision >= 0.98, kind


def test_attribution_accuracy(results: list[ArticleResult]) -> None:
    score = total(results)
    assert score.attribution_accuracy >= 0.98, score.wrong_sources
    for language in LANGUAGES:
        assert total(results, language).attribution_accuracy >= 0.9, language


def test_no_source_invented_for_the_outlets_own_words(results: list[ArticleResult]) -> None:
    score = total(results)
    assert score.invented == 0, score.wrong_sources


def test_event_dates(results: list[ArticleResult]) -> None:
    score = total(results)
    assert score.dated >= 20 and score.dated_right >= score.dated - 1


def test_no_suggestion_repeats_another(results: list[ArticleResult]) -> None:
    assert {r.name: r.duplicates for r in results if r.duplicates} == {}


def test_same_suggestions_on_postgresql(results: list[ArticleResult], pg_url: str) -> None:
    from db.analysts import bind_analyst
    from db.workspace import migrate, open_workspace

    migrate(pg_url)
    ws = open_workspace(pg_url)
    try:
        bind_analyst(ws)
        on_pg = score_folder(ws, FOLDER)
    finally:
        ws.close()
    assert [(r.name, r.encoding, r.suggestions) for r in on_pg] == [
        (r.name, r.encoding, r.suggestions) for r in results
    ]


def test_holdout_set_at_the_level_reached(holdout: list[ArticleResult]) -> None:
    """The second set, written after the first round of changes (tests/fixtures/assist_holdout)."""
    assert [p for r in holdout for p in r.problems] == []
    assert {r.language for r in holdout} == set(LANGUAGES)
    assert {r.encoding for r in holdout} >= {"cp1251", "utf-16-le", "utf-8"}
    score = total(holdout)
    assert score.marked >= 45
    assert score.recall >= 0.99, score.misses
    assert score.precision >= 0.98
    assert score.attribution_accuracy >= 0.99, score.wrong_sources
    assert score.invented == 0, score.wrong_sources
    assert sum(r.duplicates for r in holdout) == 0


def test_last_check_set_at_the_level_reached(last_check: list[ArticleResult]) -> None:
    """The third set, written after the changes against the first two (assist_last_check)."""
    assert [p for r in last_check for p in r.problems] == []
    assert {r.encoding for r in last_check} >= {"cp1252", "utf-16-le", "utf-16-be", "utf-8"}
    score = total(last_check)
    assert score.marked >= 40
    assert score.recall >= 0.99, score.misses
    assert score.precision >= 0.98
    assert score.attribution_accuracy >= 0.99, score.wrong_sources
    assert score.invented == 0, score.wrong_sources
    assert sum(r.duplicates for r in last_check) == 0


def test_quotations_of_the_older_sets(
    results: list[ArticleResult],
    holdout: list[ArticleResult],
    last_check: list[ArticleResult],
) -> None:
    """The marked direct quotations (guillemets included) found, with the right speaker."""
    from db.assist.quality import StatementScore

    quotes = StatementScore()
    for r in [*results, *holdout, *last_check]:
        quotes.add(r.statements["quotation"])
    assert quotes.marked >= 9
    assert quotes.recall == 1.0, quotes.misses
    assert quotes.precision == 1.0, quotes.stray
    assert quotes.source_right == quotes.marked, quotes.wrong_sources
