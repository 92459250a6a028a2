"""Counts in the general words of news English: land or crops "stripped" (by pests) or told
as "gone" are destroyed; a rival account given as the figure that "lies between" two
figures, even when it opens a paragraph of its own, is of the count the paragraph before
ended on; craft "in the air" or "at sea" are those at work, not a standing strength; a fund
"raised to" a sum is the fund; what a place has room for ("built to hold", "seats") is its
capacity, not the crowd in it; fans, supporters and spectators are counted as people."""

from __future__ import annotations

import datetime as dt

import pytest

from db.facts.profile import read_quote
from db.facts.spills import told_as_true
from db.models import Relation
from tests.facts_support import article_claims, proposed

MONDAY = dt.datetime(2034, 6, 5, 9, tzinfo=dt.UTC)
THURSDAY = dt.datetime(2034, 6, 8, 9, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "quote",
    [
        "some 12,500 acres of orchards were stripped by the beetles",
        "Nearly 8,000 acres of rice are now gone",
        "about 900 hectares of vines had been stripped bare",
    ],
)
def test_land_stripped_or_gone_is_destroyed(quote: str) -> None:
    assert read_quote(quote, "", None).predicate == "destroyed"


def test_a_figure_that_lies_between_two_is_given_as_the_true_one() -> None:
    assert told_as_true("", "growers insist the real figure lies between 9,000 and 11,000 acres")


def test_a_true_figure_opening_a_paragraph_answers_the_paragraph_before(ws) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Hail hits the valley\n\n"
        "The ministry said on Monday that 6,000 acres of vineyards had been destroyed by the "
        "storm.\n\n"
        "The growers' association says the real figure lies between 9,000 and 10,000 acres. "
        "It wants the ministry to count again."
    )
    official, rival = article_claims(
        ws,
        body,
        MONDAY,
        "6,000 acres of vineyards had been destroyed",
        "the real figure lies between 9,000 and 10,000 acres",
    )
    assert proposed(ws).get(frozenset((official, rival))) is Relation.CONTRADICTS


@pytest.mark.parametrize(
    "quote",
    ["The coastguard has 12 helicopters in the air", "the fleet has 30 trawlers at sea"],
)
def test_craft_at_work_are_no_standing_strength(quote: str) -> None:
    assert read_quote(quote, "", None).predicate != "strength"
    assert read_quote("The navy has 12 frigates", "", None).predicate == "strength"


def test_craft_at_work_update_an_earlier_count_of_them(ws) -> None:  # type: ignore[no-untyped-def]
    (first,) = article_claims(
        ws,
        "Seven helicopters are searching the bay for the missing divers.",
        MONDAY,
        "Seven helicopters are searching the bay",
    )
    (later,) = article_claims(
        ws,
        "The coastguard has 12 helicopters in the air over the bay today.",
        THURSDAY,
        "The coastguard has 12 helicopters in the air",
    )
    assert proposed(ws).get(frozenset((first, later))) is Relation.UPDATES


def test_a_fund_raised_to_a_sum_is_the_fund(ws) -> None:  # type: ignore[no-untyped-def]
    assert read_quote("the council raised its relief fund to 3 million crowns", "", None).predicate
    (first,) = article_claims(
        ws,
        "The council set up a relief fund of 1 million crowns.",
        MONDAY,
        "a relief fund of 1 million crowns",
    )
    (later,) = article_claims(
        ws,
        "On Wednesday the council raised the relief fund to 3 million crowns.",
        THURSDAY,
        "raised the relief fund to 3 million crowns",
    )
    assert proposed(ws).get(frozenset((first, later))) is Relation.UPDATES


@pytest.mark.parametrize(
    "quote", ["an arena built to hold 18,000", "the hall, which can seat 2,400 people"]
)
def test_room_a_place_has_is_its_capacity(quote: str) -> None:
    assert read_quote(quote, "", None).predicate == "capacity"


def test_what_a_party_holds_is_no_capacity() -> None:
    assert read_quote("the party holds 40 seats", "", None).predicate != "capacity"


def test_a_capacity_is_not_linked_to_the_crowd_of_that_number(ws) -> None:  # type: ignore[no-untyped-def]
    crowd, room = article_claims(
        ws,
        "Organisers said about 18,000 fans were in the arena, which was built to hold 18,000.",
        MONDAY,
        "about 18,000 fans were in the arena",
        "built to hold 18,000",
    )
    assert frozenset((crowd, room)) not in proposed(ws)


@pytest.mark.parametrize("noun", ["fans", "supporters", "spectators"])
def test_a_crowd_named_by_what_it_came_for_is_counted_as_people(noun: str) -> None:
    assert read_quote(f"roughly 21,000 {noun} were in the arena", "", None).unit == "people"


def test_fans_and_people_in_one_ground_on_one_day_disagree(ws) -> None:  # type: ignore[no-untyped-def]
    (club,) = article_claims(
        ws,
        "The club said roughly 21,000 spectators were in the arena.",
        MONDAY,
        "roughly 21,000 spectators were in the arena",
    )
    (trust,) = article_claims(
        ws,
        "The fans' trust said more than 25,000 people were inside.",
        MONDAY,
        "more than 25,000 people were inside",
    )
    assert proposed(ws).get(frozenset((club, trust))) is Relation.CONTRADICTS
