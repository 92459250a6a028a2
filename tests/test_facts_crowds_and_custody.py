"""Counts of street protest and its policing in the general words of news English: the crowd
at a gathering (took part, joined the march, marched, the turnout, put the crowd at) as a
count of its own, whose estimates are ordered by when they were given and never compared
across two gatherings; people still held or remaining in custody apart from all those ever
arrested; police officers as a class keeping its name, whose hurt are not the crowd's; and
a figure its sentence goes on to add to a running count ("…, bringing the total to 960")
as a part of that total, not a newer total."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.profile import Profile, brings_total, profile, read_quote
from db.facts.proposals import _may_add, _parts
from db.facts.relate import relate
from db.models import Relation

MONDAY = dt.datetime(2033, 4, 11, 9, tzinfo=dt.UTC)
TUESDAY = dt.datetime(2033, 4, 12, 9, tzinfo=dt.UTC)
NEXT_MONDAY = dt.datetime(2033, 4, 18, 9, tzinfo=dt.UTC)


def p(
    quote: str,
    published: dt.datetime = MONDAY,
    *,
    around: str = "",
    article: uuid.UUID | None = None,
    event: dt.date | None = None,
) -> Profile:
    return profile(
        uuid.uuid4(), article or uuid.uuid4(), quote, 0, len(quote), event, published, around
    )


def _fate(quote: str) -> str:
    return read_quote(quote, "", None).predicate


@pytest.mark.parametrize(
    "quote",
    [
        "some 12,000 people took part in the march",
        "about 8,000 people joined Saturday's rally in the port",
        "up to 5,000 demonstrators marched on parliament",
        "organisers put the turnout at 20,000",
        "police estimated the crowd at 15,000",
        "more than 3,000 people gathered outside the courthouse",
    ],
)
def test_a_crowd_at_a_gathering_is_counted_as_those_who_attended(quote: str) -> None:
    reading = read_quote(quote, "", None)
    assert reading.predicate == "attended"
    assert reading.unit == "people"


def test_people_at_a_gathering_who_met_another_fate_keep_that_fate() -> None:
    assert _fate("300 protesters were arrested at the rally") == "detained"
    assert _fate("40 demonstrators were injured in the march") == "casualty"
    assert _fate("2,000 troops marched into the capital") == ""


def test_two_estimates_of_one_crowd_given_the_same_day_contradict() -> None:
    article = uuid.uuid4()
    police = p("police said about 10,000 people joined Sunday's march", article=article)
    organisers = p("organisers said more than 60,000 people took part", article=article)
    found = relate(police, organisers)
    assert found is not None and found.relation is Relation.CONTRADICTS


def test_a_later_estimate_of_the_same_crowd_updates_the_earlier() -> None:
    sunday = dt.date(2033, 4, 10)
    first = p("about 10,000 people joined Sunday's march", event=sunday)
    revised = p("police now put the crowd at Sunday's march at 18,000", TUESDAY, event=sunday)
    assert revised.when == TUESDAY.date()  # ordered by when the estimate was given
    found = relate(first, revised)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is revised


def test_the_crowds_of_two_gatherings_are_never_linked() -> None:
    first = p("about 10,000 people joined Sunday's march", event=dt.date(2033, 4, 10))
    second = p("some 6,000 people took part", NEXT_MONDAY)
    undated = p("more than 60,000 people took part")
    assert relate(first, second) is None
    assert relate(undated, second) is None
    # … while a report of the next day speaks of the same gathering.
    assert relate(first, undated) is not None


@pytest.mark.parametrize(
    "quote",
    [
        "at least 150 remain in custody",
        "about 45 are still held",
        "some 80 people are still being held",
        "60 protesters remained behind bars",
        "30 are still in police custody",
    ],
)
def test_people_still_held_are_a_count_of_their_own(quote: str) -> None:
    assert _fate(quote) == "held"


def test_people_still_held_are_not_the_count_of_those_arrested() -> None:
    arrested = p("the ministry says 900 people have been arrested")
    held = p("about 200 people remain in custody", TUESDAY)
    assert arrested.predicate == "detained"
    assert relate(arrested, held) is None
    fewer = p("only 40 people are still held", NEXT_MONDAY)
    found = relate(held, fewer)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is fewer


def test_police_officers_hurt_are_not_the_crowd_hurt() -> None:
    officers = p("58 police officers had been hurt")
    crowd = p("86 protesters and bystanders were injured")
    assert (officers.unit, officers.predicate) == ("police", "hurt")
    assert relate(officers, crowd) is None
    later = p("the ministry says 71 officers have been injured", TUESDAY)
    found = relate(officers, later)
    assert found is not None and found.relation is Relation.UPDATES


def test_a_part_of_the_police_hurt_supports_its_whole() -> None:
    sentence = "The ministry says 71 police officers have been injured, 16 of them seriously."
    article = uuid.uuid4()
    whole = p("71 police officers have been injured", article=article, around=sentence)
    part = p("16 of them seriously", article=article, around=sentence)
    assert (part.unit, part.predicate, part.subset) == ("police", "hurt", True)
    assert (part, whole) in set(_parts([whole, part]))


@pytest.mark.parametrize(
    "tail",
    [
        ", bringing the number arrested since the unrest began to 960",
        ", taking the death toll to 41",
        ", most of them in the north, which pushed the total to 300",
    ],
)
def test_a_figure_its_sentence_adds_to_a_running_count_is_a_part_of_it(tail: str) -> None:
    quote = "Police arrested 64 people on Saturday"
    assert brings_total(quote, f"{quote}{tail}.")


def test_a_sentence_naming_no_running_count_after_the_figure_adds_to_none() -> None:
    quote = "Police arrested 64 people on Saturday"
    assert not brings_total(quote, f"{quote}, bringing fireworks and smoke bombs.")
    assert not brings_total(quote, f"{quote}. That brought the total to 960.")


def test_a_days_arrests_added_to_the_total_support_it_and_update_nothing() -> None:
    sentence = (
        "Police arrested 64 people on Saturday, bringing the number arrested since the "
        "unrest began to about 960."
    )
    article = uuid.uuid4()
    saturday = dt.date(2033, 4, 16)
    alone = p("Police arrested 64 people on Saturday", NEXT_MONDAY, article=article, event=saturday)
    assert _may_add(alone) and not alone.subset
    day = p(
        "Police arrested 64 people on Saturday", NEXT_MONDAY, article=article, event=saturday,
        around=sentence,
    )  # fmt: skip
    total = p(
        "bringing the number arrested since the unrest began to about 960", NEXT_MONDAY,
        article=article, around=sentence,
    )  # fmt: skip
    earlier = p("The ministry now puts the number of people arrested at 893", TUESDAY)
    assert day.subset and not total.subset
    assert (day, total) in set(_parts([day, total, earlier]))
    assert relate(day, earlier) is None
    found = relate(total, earlier)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is total
