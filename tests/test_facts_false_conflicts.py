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
        # (The same figure told "about" the same day repeats it, as every marked set has it.)
        ("700 marines were shipped to the port", "about 700 marines", Relation.SAME),
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


# A part of a population (a group, a unit, a delegation, the first N, "among them", "of
# whom", "18 of them") against the population itself: two different quantities.
WHOLE_AND_PART = [
    ("about 52,000 refugees now live in the province", "a group of 300 refugees crossed over"),
    ("52,000 refugees live in the province", "among them, 300 refugees crossed the border"),
    ("52,000 refugees live in the province", "of whom at least 40 refugees were children"),
    ("52,000 refugees live in the province", "a delegation of 12 refugees met the governor"),
    ("52,000 refugees live in the province", "the first 400 refugees arrived by train"),
    ("52,000 refugees live in the province", "including some 400 refugees who came by train"),
    ("8,000 sailors are based on the island", "a unit of 120 sailors is based on the island"),
    ("8,000 sailors are based on the island", "one batch of 600 sailors reached the island"),
    ("about 9,000 marines went to the coast", "the initial 700 marines went to the coast"),
    ("about 9,000 marines went to the coast", "some 350 of the marines went to the coast"),
    ("about 9,000 marines went to the coast", "350 out of 9,000 marines went to the coast"),
    # Russian, Danish, Arabic and Korean.
    ("в провинции размещены 52 000 солдат", "группа из 300 солдат размещена в провинции"),
    ("в провинции размещены 52 000 солдат", "среди них 300 солдат размещены в провинции"),
    ("в провинции размещены 52 000 солдат", "300 из них размещены в провинции"),
    ("omkring 52.000 soldater er udstationeret i provinsen",
     "en gruppe på 300 soldater er udstationeret i provinsen"),
    ("omkring 52.000 soldater er udstationeret i provinsen",
     "heraf 300 soldater er udstationeret i provinsen"),
    ("ينتشر 52000 جندي في المحافظة", "مجموعة من 300 جندي تنتشر في المحافظة"),
    ("ينتشر 52000 جندي في المحافظة", "ومن بينهم 300 جندي ينتشرون في المحافظة"),
    ("도내에 병사 5만2천명이 주둔하고 있다", "그중 병사 300명이 도내에 주둔하고 있다"),
    ("도내에 병사 5만2천명이 주둔하고 있다", "병사 300명으로 구성된 부대가 도내에 주둔하고 있다"),
]  # fmt: skip


@pytest.mark.parametrize(("whole", "part"), WHOLE_AND_PART)
def test_a_part_is_not_the_whole(whole: str, part: str) -> None:
    assert relate(p(whole), p(part)) is None
    assert relate(p(part), p(whole)) is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # The same readers still set whole against whole, in every language above …
        ("52,000 refugees live in the province", "70,000 refugees live in the province",
         Relation.CONTRADICTS),
        ("в провинции размещены 52 000 солдат", "в провинции размещены 70 000 солдат",
         Relation.CONTRADICTS),
        ("omkring 52.000 soldater er udstationeret i provinsen",
         "omkring 70.000 soldater er udstationeret i provinsen", Relation.CONTRADICTS),
        ("ينتشر 52000 جندي في المحافظة", "ينتشر 70000 جندي في المحافظة", Relation.CONTRADICTS),
        ("도내에 병사 5만2천명이 주둔하고 있다", "도내에 병사 7만명이 주둔하고 있다",
         Relation.CONTRADICTS),
        # … a cue after the whole's figure speaks of a part of it, not of the figure …
        ("roughly 52,000 refugees live in the province, many of whom are children",
         "roughly 70,000 refugees live in the province", Relation.CONTRADICTS),
        # … and parts of one size are one part, told twice.
        ("a group of 300 refugees crossed the border",
         "a group of 300 refugees crossed the border at night", Relation.SAME),
        ("a group of 300 refugees crossed the border",
         "a group of nearly 300 refugees crossed the border", Relation.SUPPORTS),
    ],
)  # fmt: skip
def test_wholes_and_parts_of_one_size_are_still_compared(
    a: str, b: str, expected: Relation
) -> None:
    found = relate(p(a), p(b))
    assert found is not None and found.relation is expected


def test_two_parts_of_different_sizes_are_different_groups() -> None:
    a, b = p("a group of 300 refugees crossed the border"), p("a group of 800 refugees crossed it")
    assert relate(a, b) is None


def test_the_cue_may_stand_before_the_quote_in_its_sentence() -> None:
    quote = "nearly 300 refugees live in the border district"
    whole = p("about 52,000 refugees live in the province")
    lead = "Police said on Monday that a small group of "
    part = profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, OCT, lead=lead)
    assert relate(whole, part) is None
    # A cue in the sentence before does not reach the quote.
    lead = "Police met a small group of them. "
    plain = profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, OCT, lead=lead)
    found = relate(whole, plain)
    assert found is not None and found.relation is Relation.CONTRADICTS


def test_a_workspace_proposes_no_link_between_a_whole_and_its_part(ws) -> None:  # type: ignore[no-untyped-def]
    texts = [
        "The ministry said roughly 52,000 marines are based on the island.",
        "A group of 300 marines are based on the island, the ministry said.",
        "Diplomats said 70,000 marines are based on the island.",
    ]
    ids = []
    for body in texts:
        art = add_article(ws, NewArticle(text=body, original=body.encode(), published_at=OCT))
        quote = re.search(r"[\d,]+ marines are based on the island", body)
        assert quote is not None
        ids.append(claim_ops.create_claim(ws, art.id, quote.start(), quote.end()).id)
    whole, part, rival = ids
    pairs = {frozenset((x.from_claim.claim_id, x.to_claim.claim_id)) for x in conflicts(ws)}
    assert pairs == {frozenset((whole, rival))}  # whole against whole, the part left alone
    assert not any(part in pair for pair in pairs)


def test_seed_defectors_living_there_are_not_set_against_a_group_of_them(  # type: ignore[no-untyped-def]
    ws, seed_paths: list[Path]
) -> None:
    kinds = check_kinds(["figure"])
    for path in seed_paths:
        article = import_file(ws, path)
        accept_suggestions(ws, article.id, suggestions_for_article(ws, article.id, kinds))
    defectors = {
        c.id: c.quote for c in claim_ops.list_claims(ws) if re.search(r"\bdefectors\b", c.quote)
    }
    values = {profile(c, c, q, 0, len(q), None, OCT).value for c, q in defectors.items()}
    assert len(values - {None}) >= 2  # a population and a group of it, with their figures
    for x in conflicts(ws):
        ends = {x.from_claim.claim_id, x.to_claim.claim_id}
        assert not ends <= defectors.keys(), (x.relation, x.from_claim.quote, x.to_claim.quote)
