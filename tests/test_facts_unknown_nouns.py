"""Counts of things no word list names: the head noun after the figure (adjectives and
participles skipped), a plural not made with -s ("fishermen"), the group named before the
figure ("Of the deserters, 31 …") or as the whole of another figure ("212 of the 1,400
recruits"), and the subject of "… numbered 212" cut to its head.  Such a noun is a counted
thing of its own: it matches the same noun only, never a known class, and never a
different noun with the same figure."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.assist.numbers import extract_figures, irregular_plural
from db.facts.profile import Profile, normal_unit, profile, read_quote
from db.facts.relate import relate
from db.models import Relation

MAY_3 = dt.datetime(2031, 5, 3, tzinfo=dt.UTC)
MAY_5 = dt.datetime(2031, 5, 5, tzinfo=dt.UTC)


def _p(quote: str, published: dt.datetime = MAY_3) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published)


@pytest.mark.parametrize(
    ("quote", "unit"),
    [
        ("Guards said 212 convicted smugglers escaped through a tunnel", "smugglers"),
        ("Officers recaptured 31 more deserters on Tuesday", "deserters"),
        ("The gang held about 40 foreign engineers", "engineers"),
        ("Patrol boats intercepted 600 stowaways off the cape", "stowaways"),
        ("The storm left 50 fishermen stranded", "fishermen"),
        ("Police said 9 gunmen were arrested", "gunmen"),
        ("The camp housed 1,400 women", "women"),
    ],
)
def test_the_head_noun_after_the_figure(quote: str, unit: str) -> None:
    assert read_quote(quote, "", None).unit == unit


@pytest.mark.parametrize("word", ["specimen", "abdomen", "omen", "man", "policeman"])
def test_words_ending_in_men_that_are_no_plurals(word: str) -> None:
    assert not irregular_plural(word)


def test_a_capitalised_word_after_a_figure_is_skipped() -> None:
    # ("40 Fishermen members": a name before the noun, not a count of fishermen.)
    found = extract_figures("The club has 40 Fishermen members", "en")
    assert [f.unit for f in found] == ["members"]


@pytest.mark.parametrize(
    ("quote", "unit"),
    [
        ("Of the deserters, 31 have been recaptured", "deserters"),
        ("Of the escaped smugglers, about 31 have been caught", "smugglers"),
        ("212 of the 1,400 recruits escaped", "recruits"),
        ("Recruits who escaped numbered 212", "recruits"),
        ("Deserters at large now number 140", "deserters"),
        ("The number of deserters still at large has fallen to 140", "deserters"),
    ],
)
def test_the_group_named_elsewhere_than_after_the_figure(quote: str, unit: str) -> None:
    assert read_quote(quote, "", None).unit == unit


@pytest.mark.parametrize("quote", ["Of these, 31 were caught", "Of the three, 2 were caught"])
def test_no_group_noun_no_counted_thing(quote: str) -> None:
    assert read_quote(quote, "", None).unit == ""


def test_a_possessive_ending_is_not_part_of_the_noun() -> None:
    assert normal_unit("Recruits'") == normal_unit("recruits's") == "recruits"


def test_a_later_count_of_the_same_unknown_noun_updates_the_earlier() -> None:
    early = _p("Police have recaptured 31 deserters", MAY_3)
    later = _p("Police have recaptured 57 deserters", MAY_5)
    found = relate(early, later)
    assert found is not None and found.relation is Relation.UPDATES and found.newer is later


def test_two_figures_for_an_irregular_plural_the_same_day_contradict() -> None:
    found = relate(_p("The storm left 50 fishermen stranded on the reef"),
                   _p("The storm left 65 fishermen stranded on the reef"))  # fmt: skip
    assert found is not None and found.relation is Relation.CONTRADICTS


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # An unknown noun and a known class with the same figure: different quantities.
        ("The escape involved 212 inmates", "The escape involved 212 soldiers"),
        ("Police deployed 212 officers", "Police deployed 212 fishermen"),
        # Two unknown nouns, same figure, same words around them.
        ("The boats carried 600 migrants", "The boats carried 600 fishermen"),
        ("Of the escapees, 31 have been caught", "Of the guards, 31 have been caught"),
    ],
)
def test_different_nouns_with_the_same_figure_are_never_linked(one: str, other: str) -> None:
    a, b = _p(one), _p(other)
    assert a.unit and b.unit and a.unit != b.unit
    assert relate(a, b) is None


def test_an_unknown_noun_never_joins_a_known_class() -> None:
    assert read_quote("The boats carried 600 fishermen", "", None).unit == "fishermen"
    assert read_quote("The boats carried 600 soldiers", "", None).unit == "troops"


@pytest.mark.parametrize(
    ("quote", "unit"),
    [
        ("212 of its 1,400 recruits escaped", "recruits"),
        ("40 of their 300 launchers were destroyed", "launchers"),
        ("212 of its 1,400 prisoners escaped", "prisoners"),
    ],
)
def test_a_part_of_its_whole_is_a_part(quote: str, unit: str) -> None:
    reading = read_quote(quote, "", None)
    assert (reading.unit, reading.subset) == (unit, True)


def test_a_part_of_its_whole_does_not_dispute_the_whole() -> None:
    whole = _p("The jail held 1,400 inmates")
    part = _p("212 of its 1,400 inmates escaped")
    found = relate(whole, part)
    assert found is None or found.relation is not Relation.CONTRADICTS
