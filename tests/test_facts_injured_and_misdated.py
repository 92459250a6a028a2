"""The injured counted however a report words them, and misdated reports of a sudden event.

People taken to or treated in hospital after an accident, and people hurt, wounded or
injured, are one count across articles (not those admitted, still in hospital or cared
for another cause); a count named by "the number hurt" or by a number word alone is read.
A failure dated a week or three days off, an explosion dated three days off, and a
bridge called "the bridge" in one report and "the footbridge" in another are flagged."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest

from db import claims as claim_ops
from db.articles import NewArticle, add_article
from db.assist.dates import extract_dates
from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings
from db.facts.profile import Profile, profile
from db.facts.proposals import conflicts
from db.facts.relate import relate
from db.models import Relation

SUNDAY = dt.datetime(2027, 1, 10, 8, tzinfo=dt.UTC)
MONDAY = dt.datetime(2027, 1, 11, 8, tzinfo=dt.UTC)
TUESDAY = dt.datetime(2027, 1, 12, 8, tzinfo=dt.UTC)
THURSDAY = dt.datetime(2027, 1, 14, 8, tzinfo=dt.UTC)


def p(quote: str, published: dt.datetime = SUNDAY, article: uuid.UUID | None = None) -> Profile:
    return profile(
        uuid.uuid4(), article or uuid.uuid4(), quote, 0, len(quote), None, published
    )  # fmt: skip


def told(quote: str, sentence: str, published: dt.datetime = THURSDAY) -> Profile:
    at = sentence.index(quote)
    return profile(
        uuid.uuid4(), uuid.uuid4(), quote, at, at + len(quote), None, published, sentence
    )  # fmt: skip


def test_care_in_hospital_and_hurt_are_one_count_across_articles() -> None:
    treated = p("Twelve people were treated in hospital")
    taken = p("The number of people taken to hospital rose to 23", MONDAY)
    injured = p("Twenty-three people were injured", MONDAY)
    hurt = p("The number hurt has reached 26", TUESDAY)
    found = relate(treated, taken)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is taken
    found = relate(injured, taken)
    assert found is not None and found.relation is Relation.SAME
    found = relate(hurt, injured)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is hurt
    found = relate(treated, hurt)
    assert found is not None and found.relation is Relation.UPDATES
    assert "count wounded" in found.why


@pytest.mark.parametrize(
    "other",
    [
        "23 people were admitted to hospital",  # kept in: fewer than those treated
        "Four people remain in hospital",  # still there
        "23 people were treated in hospital for smoke inhalation",  # another cause
        "23 people were treated at the scene",  # not in hospital
    ],
)
def test_other_counts_of_care_are_not_the_injured(other: str) -> None:
    assert relate(p("Nine people were injured"), p(other, MONDAY)) is None


def test_one_article_giving_both_counts_tells_two_counts() -> None:
    article = uuid.uuid4()
    hurt = p("30 people were hurt", article=article)
    taken = p("12 people were taken to hospital", article=article)
    assert relate(hurt, taken) is None


@pytest.mark.parametrize(
    ("quote", "value", "unit"),
    [
        ("The number hurt has reached 26", 26, "wounded"),
        ("Twenty-six were hurt", 26, "wounded"),
        ("three are still missing", 3, "missing"),
        ("three people have yet to be found", 3, "missing"),
        ("33 people suffered injuries", 33, "wounded"),
        ("injuring 26 people", 26, "wounded"),
        ("Twelve people were taken to Fellgate General Hospital", 12, "hospitalised"),
        ("40 people needed hospital treatment", 40, "treated"),
    ],
)
def test_counts_of_people_worded_many_ways(quote: str, value: int, unit: str) -> None:
    found = p(quote)
    assert (found.value, found.unit) == (value, unit)
    assert found.predicate


def test_a_further_count_is_added_and_the_last_bodies_are_a_part() -> None:
    assert p("A further 12 were taken to hospital").increment
    assert p("The last two bodies were recovered from the estuary").subset
    assert not p("Two bodies were recovered from the estuary").subset


def test_a_workspace_proposes_the_updates_of_the_injured(ws) -> None:  # type: ignore[no-untyped-def]
    reports = [
        ("Fourteen people were taken to hospital, the ambulance service said.", SUNDAY),
        ("The number treated in hospital had risen to 19, the service said.", MONDAY),
        ("The number of people hurt has reached 22, the service said.", TUESDAY),
        ("Nine excavators and 22 divers were at the river, the council said.", TUESDAY),
    ]
    ids = []
    for body, published in reports:
        art = add_article(ws, NewArticle(text=body, original=body.encode(), published_at=published))
        quote = re.match(r"[^,]+", body)
        assert quote is not None
        ids.append(claim_ops.create_claim(ws, art.id, quote.start(), quote.end()).id)
    first, second, third, divers = ids
    found = {
        frozenset((x.from_claim.claim_id, x.to_claim.claim_id)): x.relation for x in conflicts(ws)
    }
    assert found == {
        frozenset((first, second)): Relation.UPDATES,
        frozenset((second, third)): Relation.UPDATES,
    }
    assert not any(divers in pair for pair in found)


def test_a_failure_dated_a_week_off_is_flagged_whatever_the_bridge_is_called() -> None:
    right = p("the Millrace footbridge collapsed on Saturday 9 January", MONDAY)
    wrong = p("The bridge came down on Saturday 2 January", THURSDAY)
    (found,) = date_conflicts([right, wrong])
    assert found.earlier is wrong and "7 days apart" in found.why
    # Three days off is another date too; two days off may be a night and the next day.
    assert len(date_conflicts([right, p("the footbridge gave way on 6 January", THURSDAY)])) == 1
    assert date_conflicts([right, p("the footbridge gave way on 7 January", THURSDAY)]) == []


def test_an_explosion_dated_three_days_off_is_flagged() -> None:
    noun = p("the explosion at the block on 12 March 2026")
    verb = p("a gas boiler exploded on 9 March 2026")
    (found,) = date_conflicts([noun, verb])
    assert found.earlier is verb
    assert date_conflicts([noun, p("the blast on 13 March 2026")]) == []


def test_what_fell_or_came_down_named_with_a_or_before_into() -> None:
    fell = told(
        "fell into the water last weekend",
        "Divers searched the river where the footbridge fell into the water last weekend.",
        TUESDAY,
    )
    assert Happening("failure", "footbridge", "") in happenings(fell)
    section = told(
        "came down on Tuesday evening",
        "A section of hillside above the village came down on Tuesday evening.",
    )
    assert happenings(section) == {Happening("failure", "hillside", "")}
    assert happenings(p("a third levee failed on 9 May")) == set()


def test_last_night_is_the_evening_before_the_paper() -> None:
    (found,) = extract_dates("The bridge collapsed last night.", TUESDAY)
    assert (found.first, found.last) == (dt.date(2027, 1, 11), dt.date(2027, 1, 11))


def test_an_occurrence_dated_before_it_broke_out_is_flagged() -> None:
    began = told(
        "broke out at the hotel on Sunday",
        "The fire broke out at the hotel on Sunday, the fire service said.",
        MONDAY,
    )
    assert happenings(began) == {Happening("event", "fire", "")}
    (found,) = date_conflicts([began, p("the hotel fire on 5 January", THURSDAY)])
    assert found.later is began
    # A later day may be one it still burned on.
    assert date_conflicts([began, p("the hotel fire on 12 January", THURSDAY)]) == []


def test_a_substance_leaked_is_the_leak() -> None:
    leaked = told(
        "leaked from a tanker at the harbour on Monday",
        "Chlorine leaked from a tanker at the harbour on Monday.",
        TUESDAY,
    )
    named = p("the leak at the harbour on 31 December 2026", TUESDAY)
    assert happenings(leaked) == {Happening("leak", "", "")}
    assert Happening("leak", "", "") in happenings(named)
    (found,) = date_conflicts([leaked, named])
    assert found.earlier is named
