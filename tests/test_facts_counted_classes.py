"""Figures meet by the class of what they count: people under any name, the dead under
any wording ("a toll", "died", "killed"), and a small number word given as a count's
value ("the toll climbed to nine") is read as a figure."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.profile import profile
from db.facts.relate import relate
from db.models import Relation

MAY = dt.datetime(2023, 5, 9, tzinfo=dt.UTC)


def p(quote: str):  # type: ignore[no-untyped-def]
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, MAY)


@pytest.mark.parametrize(
    "quote",
    [
        "roughly 3,500 villagers left the valley after the tremor",
        "roughly 3,500 inhabitants left the valley after the tremor",
        "roughly 3,500 civilians left the valley after the tremor",
        "roughly 3,500 evacuees left the valley after the tremor",
        "roughly 3,500 residents left the valley after the tremor",
    ],
)
def test_people_under_other_names_are_people(quote: str) -> None:
    assert p(quote).unit == "people"
    other = p("roughly 3,500 people left the valley after the tremor")
    found = relate(p(quote), other)
    assert found is not None and found.relation is Relation.SAME


def test_people_are_not_things_or_workers() -> None:
    people = p("roughly 3,500 villagers left the valley after the tremor")
    assert relate(people, p("roughly 3,500 tents went up in the valley after the tremor")) is None
    assert relate(people, p("roughly 3,500 engineers went to the valley after the tremor")) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the tremor's death toll reached 31 on Tuesday", "41 people died in the tremor"),
        ("the tremor's toll is 31", "at least 41 were killed by the tremor"),
        ("31 villagers perished in the tremor", "the tremor killed 41 people"),
    ],
)
def test_deaths_meet_whatever_the_wording(a: str, b: str) -> None:
    pa, pb = p(a), p(b)
    assert pa.unit == pb.unit == "killed"
    assert relate(pa, pb) is not None
    assert relate(pb, pa) is not None


def test_the_hurt_are_not_the_dead() -> None:
    hurt = p("41 people were injured in the tremor")
    assert hurt.unit == "wounded"
    assert relate(hurt, p("the tremor's death toll reached 31 on Tuesday")) is None


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("the toll from the tremor climbed to nine", 9.0),
        ("the number of dead now stands at four", 4.0),
        ("the tremor's death toll was twenty-two by evening", 22.0),
    ],
)
def test_number_words_as_the_value_of_a_count(quote: str, value: float) -> None:
    found = p(quote)
    assert found.value == value
    assert found.unit == "killed"
    assert relate(found, p("six people died in the tremor")) is not None


def test_a_single_casualty_counts_one() -> None:
    single = at("the operator said one worker had died in the blast at the mill", 12)
    assert single.value == 1.0 and single.unit == "killed"
    found = relate(single, at("police said three people died in the blast at the mill", 12))
    assert found is not None and found.relation is Relation.CONTRADICTS
    # No one hurt, one of several, or one person with nothing befalling them count nothing.
    assert at("no one was hurt in the blast at the mill", 12).value is None
    assert at("one person saw the blast at the mill", 12).value is None


def test_number_word_before_a_scale_is_not_read_alone() -> None:
    assert p("the toll on the region reached nine hundred thousand dollars").value != 9.0


def at(quote: str, day: int):  # type: ignore[no-untyped-def]
    published = dt.datetime(2023, 5, day, 12, tzinfo=dt.UTC)
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published)


def test_a_later_count_updates_an_earlier_one() -> None:
    early = at("120 families were sheltering in the school gym", 9)
    later = at("some 400 families were sheltering in the school gym", 12)
    for a, b in ((early, later), (later, early)):
        found = relate(a, b)
        assert found is not None and found.relation is Relation.UPDATES
        assert found.newer is later and found.older is early


def test_counts_of_one_day_that_cannot_both_hold_contradict() -> None:
    one = at("120 families were sheltering in the school gym", 12)
    other = at("some 400 families were sheltering in the school gym", 12)
    found = relate(one, other)
    assert found is not None and found.relation is Relation.CONTRADICTS


def test_more_than_qualifies_a_total_it_adds_nothing() -> None:
    total = at("more than 300 families were sheltering in the school gym", 12)
    assert not total.increment and total.low == 300.0
    assert at("300 more families were sheltering in the school gym", 12).increment
    found = relate(total, at("120 families were sheltering in the school gym", 9))
    assert found is not None and found.relation is Relation.UPDATES
    assert found.newer is total
