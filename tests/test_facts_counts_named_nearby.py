"""Counts named just outside the quote, homes lost under other words, another account of
what the sentence before counted, and a volcano's eruption told by its verb.

- a number word given as the value of a count named just before the quote, in its clause
  ("The number of cattle | lost in the storm has climbed to eight");
- "the number" of a sentence naming nothing it counts counts what the last figure of the
  sentence before counted, even when other nouns follow in its own sentence;
- homes "buried" or "burned" are homes destroyed;
- "the true number is …" of homes gives another account of what the sentence before
  counted, with what befell them;
- "the volcano erupted on …" dates the eruption.

Every sentence is invented for these tests."""

from __future__ import annotations

import datetime as dt
import uuid

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings
from db.facts.profile import Profile, profile, read_quote
from db.models import Relation
from tests.facts_support import article_claims, proposed

MONDAY = dt.datetime(2033, 6, 6, 8, tzinfo=dt.UTC)
THURSDAY = dt.datetime(2033, 6, 9, 8, tzinfo=dt.UTC)


def p(quote: str, published: dt.datetime = MONDAY) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published)


def test_a_number_word_of_a_count_named_before_the_quote_is_read() -> None:
    found = read_quote("lost in the storm has climbed to eight", "The number of cattle ", None)
    assert found.value == 8.0
    # Without the count's name there is no figure to read.
    assert read_quote("lost in the storm has climbed to eight", "", None).value is None


def test_a_number_word_after_a_count_named_before_is_a_newer_toll(ws) -> None:  # type: ignore[no-untyped-def]
    (three,) = article_claims(
        ws, "Three people were killed when the dyke broke.", MONDAY, "Three people were killed"
    )
    (seven,) = article_claims(
        ws,
        "The number of people killed when the dyke broke has risen to seven, the agency said.",
        THURSDAY,
        "killed when the dyke broke has risen to seven",
    )
    assert proposed(ws, figures_only=True).get(frozenset((three, seven))) is Relation.UPDATES


def test_the_number_counts_what_the_sentence_before_counted_last(ws) -> None:  # type: ignore[no-untyped-def]
    ferries, bound = article_claims(
        ws,
        "The port said about 240 sailings had been cancelled while the strike lasted. "
        "The ferry owners, who speak for the crews, said the number was up to 260 and that "
        "their members had lost a month of wages.",
        THURSDAY,
        "about 240 sailings had been cancelled",
        "the number was up to 260",
    )
    (earlier,) = article_claims(
        ws,
        "Operators cancelled more than 90 sailings.",
        MONDAY,
        "Operators cancelled more than 90 sailings",
    )
    links = proposed(ws, figures_only=True)
    # Sailings, not the members named after the figure in its own sentence.
    assert links.get(frozenset((ferries, bound))) is Relation.SUPPORTS
    assert links.get(frozenset((bound, earlier))) is Relation.UPDATES


def test_homes_buried_or_burned_are_homes_destroyed() -> None:
    buried = p("at least 80 homes had been buried or burned")
    assert buried.predicate == "destroyed"
    assert p("about 30 houses burned").predicate == "destroyed"
    # People burned are no homes destroyed.
    assert p("12 people were burned").predicate != "destroyed"


def test_the_true_number_of_homes_disputes_the_sentence_before(ws) -> None:  # type: ignore[no-untyped-def]
    destroyed, true = article_claims(
        ws,
        "The agency estimates that about 300 homes have been destroyed by the mudflow. "
        "The county, which sent its own engineers, says the true number is between 450 and "
        "500 homes, and blames the agency for counting only the houses swept away.",
        THURSDAY,
        "about 300 homes have been destroyed",
        "between 450 and 500 homes",
    )
    (first,) = article_claims(
        ws,
        "At least 70 homes had been buried or burned in the valley.",
        MONDAY,
        "At least 70 homes had been buried or burned",
    )
    links = proposed(ws, figures_only=True)
    assert links.get(frozenset((destroyed, true))) is Relation.CONTRADICTS
    assert links.get(frozenset((true, first))) is Relation.UPDATES
    assert links.get(frozenset((destroyed, first))) is Relation.UPDATES


def test_a_volcano_erupting_is_its_eruption_and_a_month_off_is_flagged() -> None:
    verb = p("Mount Orvel erupted late on Sunday", MONDAY)
    assert Happening("event", "eruption", "") in happenings(verb)
    noun = p("the eruption on 5 June 2033", THURSDAY)
    wrong = p("Mount Orvel erupted on 5 May", THURSDAY)
    (found,) = date_conflicts([verb, wrong])
    assert found.earlier is wrong
    (found,) = date_conflicts([noun, wrong])
    assert found.earlier is wrong
    assert date_conflicts([verb, noun]) == []
