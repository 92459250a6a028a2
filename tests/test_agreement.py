"""Agreement between two analysts on a hand-checked example."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from db.agreement import agreement, cohen_kappa, jaccard
from db.articles import NewArticle, add_article
from db.claims import create_claim
from db.errors import InvalidInput, NotFound
from db.models import Analyst
from db.workspace import Workspace


def _analyst(ws: Workspace, name: str) -> uuid.UUID:
    with ws.session() as session:
        person = Analyst(name=name, initials=name[:2].upper())
        session.add(person)
        session.flush()
        return person.id


@pytest.fixture
def example(ws: Workspace, seed_paths: list[Path]):
    """A marks 4 claims, B marks 3; three pairs overlap enough to match.

    Spans (code points) and the Jaccard overlap of the matched pairs:
      a1 [0,20)   b1 [0,18)   18/20 = 0.90
      a2 [30,50)  b2 [35,50)  15/20 = 0.75
      a3 [60,80)  b3 [62,90)  18/30 = 0.60
      a4 [100,120)  unmatched
    plus claims that must be ignored: C's claim, and B's claim on another article.
    """
    data = seed_paths[0].read_bytes()
    article = add_article(ws, NewArticle(text=data.decode("utf-8"), original=data, title="T"))
    other_data = seed_paths[1].read_bytes()
    other = add_article(ws, NewArticle(text=other_data.decode("utf-8"), original=other_data))
    a = _analyst(ws, "Alice")
    b = _analyst(ws, "Bob")
    c = _analyst(ws, "Carol")
    ws.analyst_id = a
    create_claim(ws, article.id, 0, 20, status="unverified", reliability="B", credibility=2)
    create_claim(ws, article.id, 30, 50, status="in_review", reliability="C", credibility=2)
    create_claim(ws, article.id, 60, 80, status="disputed", reliability="B", credibility=2)
    create_claim(ws, article.id, 100, 120, status="unverified")
    ws.analyst_id = b
    create_claim(ws, article.id, 0, 18, status="unverified", reliability="B", credibility=2)
    create_claim(ws, article.id, 35, 50, status="in_review", reliability="C", credibility=2)
    create_claim(ws, article.id, 62, 90, status="unverified", reliability="C", credibility=2)
    create_claim(ws, other.id, 0, 18)
    ws.analyst_id = c
    create_claim(ws, article.id, 0, 20)
    return article


def test_hand_checked_figures(ws, example) -> None:
    report = agreement(ws, example.id, "Alice", "Bob")
    assert (report.a_count, report.b_count, report.matched) == (4, 3, 3)
    assert [round(p.overlap, 2) for p in report.pairs] == [0.9, 0.75, 0.6]
    # precision 3/3, recall 3/4, F1 = 2·1·0.75 / 1.75 = 6/7
    assert report.precision == pytest.approx(1.0)
    assert report.recall == pytest.approx(0.75)
    assert report.f1 == pytest.approx(6 / 7)
    # Status pairs: (unv, unv), (rev, rev), (disp, unv): observed 2/3.
    # A's marginals 1/3 each; B's: unv 2/3, rev 1/3.  Chance = 1/3·2/3 + 1/3·1/3 = 1/3.
    # kappa = (2/3 − 1/3) / (1 − 1/3) = 0.5
    assert report.status_agreement == pytest.approx(2 / 3)
    assert report.status_kappa == pytest.approx(0.5)
    # Reliability pairs (B,B), (C,C), (B,C): observed 2/3; A: B 2/3, C 1/3; B: B 1/3, C 2/3.
    # Chance = 2/9 + 2/9 = 4/9; kappa = (6/9 − 4/9) / (5/9) = 0.4
    assert report.reliability_kappa == pytest.approx(0.4)
    # Credibility 2 everywhere: chance agreement 1, observed 1 → defined as 1.0.
    assert report.credibility_kappa == 1.0
    text = "\n".join(report.lines())
    assert "Jaccard overlap" in text and "0.50" in text and "kappa, status: 0.500" in text


def test_reference_direction_swaps_precision_and_recall(ws, example) -> None:
    report = agreement(ws, example.id, "Bob", "Alice")
    assert report.precision == pytest.approx(0.75)
    assert report.recall == pytest.approx(1.0)
    assert report.status_kappa == pytest.approx(0.5)


def test_stricter_threshold_drops_the_weakest_pair(ws, example) -> None:
    report = agreement(ws, example.id, "Alice", "Bob", overlap=0.7)
    assert report.matched == 2
    assert report.recall == pytest.approx(0.5)
    assert report.precision == pytest.approx(2 / 3)


def test_greedy_prefers_the_highest_overlap() -> None:
    from db.agreement import Span, match_spans

    a = [Span(uuid.uuid4(), 0, 10, "unverified", None, None)]
    weaker = Span(uuid.uuid4(), 0, 8, "unverified", None, None)
    stronger = Span(uuid.uuid4(), 0, 9, "unverified", None, None)
    pairs = match_spans(a, [weaker, stronger], 0.5)
    assert len(pairs) == 1 and pairs[0].b is stronger


def test_small_helpers() -> None:
    assert jaccard((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert jaccard((0, 5), (5, 10)) == 0.0
    assert cohen_kappa([]) is None
    assert cohen_kappa([("x", "y"), ("y", "x")]) == pytest.approx(-1.0)


def test_bad_input(ws, example) -> None:
    with pytest.raises(NotFound):
        agreement(ws, example.id, "Alice", "Nobody")
    with pytest.raises(InvalidInput):
        agreement(ws, example.id, "Alice", "Alice")
    with pytest.raises(InvalidInput):
        agreement(ws, example.id, "Alice", "Bob", overlap=0)
