"""The reading assists against the hand-marked reference of the five seed articles.

The reference (tests/fixtures/assist_reference/) was marked by reading the seeds; these
tests hold the assists to the targets of the reading-assist issue on it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from db.assist.quality import QuoteScore, Score, score, score_quotations
from db.assist.suggest import suggest
from db.importing.text import decode_text, normalise_text

REFERENCE = Path(__file__).parent / "fixtures" / "assist_reference" / "reference.json"


@pytest.fixture(scope="module")
def results(seed_paths: list[Path]) -> dict[str, Any]:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    assert sorted(reference) == sorted(p.name for p in seed_paths)
    total, digits, quotes = Score(), Score(), QuoteScore()
    for path in seed_paths:
        entry = reference[path.name]
        text = normalise_text(decode_text(path.read_bytes(), path.name)[0])
        for claim in entry["claims"]:
            assert text[claim["start"] : claim["end"]] == claim["quote"]
        published = dt.date.fromisoformat(entry["published"]) if entry["published"] else None
        found = suggest(text, published)
        total.add(score(entry["claims"], found))
        digits.add(score([c for c in entry["claims"] if c["digits"]], found))
        for quotation in entry["quotations"]:
            marked = text[quotation["start"] : quotation["end"]]
            assert marked.startswith(quotation["quote_start"])
            assert marked.endswith(quotation["quote_end"])
        quotes.add(score_quotations(entry["quotations"], found))
    return {"total": total, "digits": digits, "quotes": quotes}


def test_reference_is_substantial(results: dict[str, Any]) -> None:
    assert results["total"].marked >= 50
    assert results["total"].attributed >= 25


def test_figure_recall_at_least_90_percent(results: dict[str, Any]) -> None:
    digits = results["digits"]
    assert digits.recall >= 0.9, digits.misses
    assert results["total"].recall >= 0.9, results["total"].misses


def test_precision_of_figure_and_date_suggestions(results: dict[str, Any]) -> None:
    assert results["total"].precision >= 0.8


def test_attribution_accuracy_at_least_80_percent(results: dict[str, Any]) -> None:
    total = results["total"]
    assert total.attribution_accuracy >= 0.8, total.wrong_sources


def test_no_source_invented_for_the_outlets_own_statements(results: dict[str, Any]) -> None:
    total = results["total"]
    assert total.outlet_own >= 15
    assert total.invented == 0, total.wrong_sources


def test_event_dates_resolved_as_marked(results: dict[str, Any]) -> None:
    total = results["total"]
    assert total.dated >= 10 and total.dated_right >= 0.9 * total.dated


def test_quotations_found_with_their_speakers(results: dict[str, Any]) -> None:
    quotes = results["quotes"]
    assert quotes.marked >= 30
    assert quotes.recall >= 0.8, quotes.wrong
    assert quotes.speaker_accuracy >= 0.8, quotes.wrong
    assert quotes.precision >= 0.8
