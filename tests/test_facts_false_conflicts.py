"""No false contradictions: casualties, standing totals, ages and durations, and figures
per period are not compared with plain counts, and a repeated quote asks once."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

import pytest

from db import claims as claim_ops
from db.articles import NewArticle, add_article
from db.assist.service import accept_suggestions, check_kinds, suggestions_for_article
from db.facts.profile import profile
from db.facts.proposals import conflicts
from db.facts.relate import relate
from db.importing import import_file
from db.models import Relation

OCT = dt.datetime(2024, 10, 18, tzinfo=dt.UTC)


def p(quote: str):  # type: ignore[no-untyped-def]
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, OCT)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Casualties against an arrival, a deployment, a plain count.
        ("some 200 marines were killed near the river", "about 900 marines reached the coast"),
        ("roughly 80 marines died in the shelling", "300 marines were deployed to the port"),
        ("about 60 marines have been wounded", "about 700 marines"),
        # A standing total against a deployment or a plain count.
        ("the island has 40,000 marines", "about 700 marines were shipped to the port"),
        ("the republic has an estimated 90,000 marines", "some 2,000 marines"),
        # Ages and durations are not counts of the same thing.
        ("a 54-year-old marine", "each with four to six years of service"),
        ("a 31-year-old officer", "the officer, 45 years old, said"),
        # A figure per month is not a total per year.
        ("each marine earns about $900 monthly", "their pay could exceed $40 million annually"),
    ],
)
def test_different_questions_are_not_contradictions(a: str, b: str) -> None:
    assert relate(p(a), p(b)) is None
    assert relate(p(b), p(a)) is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # Like with like is still compared.
        ("200 marines were killed near the river", "900 marines were killed near the river",
         Relation.CONTRADICTS),
        ("the island has 40,000 marines", "the island has 90,000 marines", Relation.CONTRADICTS),
        ("700 marines were shipped to the port", "about 700 marines", Relation.SUPPORTS),
        ("each marine earns $900 monthly", "each marine earns $2,500 monthly",
         Relation.CONTRADICTS),
    ],
)  # fmt: skip
def test_like_with_like_is_still_compared(a: str, b: str, expected: Relation) -> None:
    found = relate(p(a), p(b))
    assert found is not None and found.relation is expected


def test_a_repeated_quote_is_proposed_once(ws) -> None:  # type: ignore[no-untyped-def]
    body = "Officers said 1,500 marines landed. Later, 1,500 marines landed again, they said."
    first = add_article(ws, NewArticle(text=body, original=body.encode(), published_at=OCT))
    quote = "1,500 marines landed"
    at = [m.start() for m in re.finditer(re.escape(quote), body)]
    assert len(at) == 2
    twins = {claim_ops.create_claim(ws, first.id, s, s + len(quote)).id for s in at}
    other = "Another report said 4,000 marines landed."
    second = add_article(ws, NewArticle(text=other, original=other.encode(), published_at=OCT))
    rival = claim_ops.create_claim_by_quote(ws, second.id, "4,000 marines landed").id
    found = [x for x in conflicts(ws) if x.relation is Relation.CONTRADICTS]
    assert len(found) == 1
    ends = {found[0].from_claim.claim_id, found[0].to_claim.claim_id}
    assert rival in ends and len(ends & twins) == 1


KILLED = re.compile(r"\b(killed|wounded|died)\b", re.I)
HAS_FIGURE = re.compile(r"\bhas\s+[\d.,]+", re.I)
AGE_OR_SPAN = re.compile(r"\d-year-old|\byears\b", re.I)


def test_seed_workspace_proposes_no_false_contradictions(ws, seed_paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    kinds = check_kinds(["figure"])
    for path in seed_paths:
        article = import_file(ws, path)
        accept_suggestions(ws, article.id, suggestions_for_article(ws, article.id, kinds))
    claims = claim_ops.list_claims(ws)
    quotes = [c.quote for c in claims]
    # The workspace holds the kinds of figures that used to be set against each other.
    assert any(KILLED.search(q) for q in quotes)
    assert any(HAS_FIGURE.search(q) for q in quotes)
    assert any(AGE_OR_SPAN.search(q) for q in quotes)
    found = conflicts(ws)
    rows = set()
    for x in found:
        a, b = x.from_claim.quote, x.to_claim.quote
        if x.kind == "figure":
            assert bool(KILLED.search(a)) == bool(KILLED.search(b)), (a, b)
            assert bool(HAS_FIGURE.search(a)) == bool(HAS_FIGURE.search(b)), (a, b)
            assert not AGE_OR_SPAN.search(a) and not AGE_OR_SPAN.search(b), (a, b)
        ends = sorted((c.article_id.int, c.quote) for c in (x.from_claim, x.to_claim))
        row = (x.relation, x.kind, *ends)
        assert row not in rows, row  # no pair of quotes twice
        rows.add(row)
