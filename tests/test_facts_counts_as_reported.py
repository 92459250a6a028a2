"""How reports phrase counts and their changes, in the general words of news English:
kinds of road vehicle listed together count vehicles; "puts the number at" gives its own
account of the count the sentence before named; a thing "stripped of" a part or "holed"
is damaged, not destroyed; a fund named earlier in the sentence and "raised it to" is the
fund; those who "will have to" do something and what something "will cost" are counts
of now, not forecasts; figures ten thousand times apart are no one quantity; verbs of
doing away with things ("scrapped", "thrown out", "annulled") tell one doing."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.profile import Profile, profile
from db.facts.relate import relate
from db.models import Relation

MONDAY = dt.datetime(2036, 9, 1, 8, tzinfo=dt.UTC)
LATER = dt.datetime(2036, 9, 9, 8, tzinfo=dt.UTC)


def _p(
    quote: str,
    published: dt.datetime = MONDAY,
    *,
    around: str = "",
    before: str = "",
) -> Profile:
    lead = around[: around.find(quote)] if around and quote in around else ""
    return profile(
        uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published, around,
        lead=lead, before=before,
    )  # fmt: skip


def _relation(a: Profile, b: Profile) -> Relation | None:
    found = relate(a, b)
    return None if found is None else found.relation


@pytest.mark.parametrize(
    "quote",
    [
        "Some 4,100 cars and lorries were damaged",
        "about 4,100 vans, buses and coaches were damaged",
        "4,100 cars or other vehicles were damaged",
    ],
)
def test_kinds_of_vehicle_listed_together_count_vehicles(quote: str) -> None:
    listed = _p(quote)
    assert listed.unit == "vehicles"
    assert _relation(_p("about 4,100 vehicles were damaged"), listed) is Relation.SAME


def test_cars_alone_or_beside_other_things_stay_cars() -> None:
    assert _p("4,100 cars were damaged").unit == "cars"
    assert _p("4,100 cars and homes were damaged").unit != "vehicles"


def test_putting_the_number_at_gives_the_count_named_before() -> None:
    before = "The insurers said 5,200 vehicles had been damaged by the landslip."
    sentence = "The dealers' guild puts the number at about 6,000 cars and vans."
    quote = "puts the number at about 6,000 cars and vans"
    rival = _p(quote, LATER, around=sentence, before=before)
    assert rival.predicate == "damaged"
    counted = _p("5,200 vehicles had been damaged")
    assert _relation(rival, counted) is Relation.UPDATES


@pytest.mark.parametrize(
    "quote",
    ["the roofs of 900 homes were stripped of slates", "the roofs of 900 homes were holed"],
)
def test_stripped_of_a_part_or_holed_is_damaged(quote: str) -> None:
    assert _p(quote).predicate == "damaged"
    assert _p("crops on 900 farms were stripped bare").predicate == "destroyed"


def test_a_fund_changed_as_it_is_the_fund() -> None:
    sentence = "The ministry, under fire over its small relief fund, raised it to 60 million marks."
    raised = _p("raised it to 60 million marks", LATER, around=sentence)
    assert raised.predicate == "fund"
    first = _p("a relief fund of 25 million marks")
    assert _relation(raised, first) is Relation.UPDATES
    spent = _p("the rebuilding has cost 900 million marks")
    assert _relation(raised, spent) is None


@pytest.mark.parametrize(
    "quote",
    [
        "More than 3,000 tenants will have to move out",
        "about 3,000 tenants would have to move out",
        "the repairs will cost 40 million marks",
        "the bill will be at least 40 million marks",
    ],
)
def test_a_duty_or_a_cost_is_no_forecast(quote: str) -> None:
    assert not _p(quote).forecast


@pytest.mark.parametrize(
    "quote",
    [
        "3,000 tenants will be rehoused by next spring",
        "3,000 tenants will have to move out by next spring",
    ],
)
def test_a_time_ahead_keeps_a_forecast(quote: str) -> None:
    assert _p(quote).forecast


def test_figures_ten_thousand_times_apart_are_no_one_quantity() -> None:
    price = _p("a ticket sold for 300 marks")
    bill = _p("the bill for the stadium came to 60 million marks", LATER)
    assert _relation(bill, price) is None


def test_verbs_of_doing_away_with_things_tell_one_doing() -> None:
    first = _p("four permits have been scrapped")
    later = _p("the council has annulled nine permits in all", LATER)
    assert _relation(later, first) is Relation.UPDATES


def test_what_is_demanded_is_no_cost() -> None:
    asked = _p("the gang is demanding a ransom of 20 million marks")
    lowered = _p("the gang has cut its demand to 8 million marks", LATER)
    assert _relation(lowered, asked) is Relation.UPDATES
    cost = _p("the attack will cost about 50 million marks", LATER)
    assert _relation(cost, asked) is None
