"""Figures of extreme weather and what it does: a measure read off a scale ("reached 43.4C",
"recorded 44.1 degrees Celsius") is one reading however its verb is worded; places supplied
with power "cut off" have lost their supply; an excess of deaths over the usual is no
added wave; a date owned by the weather a toll is told of does not date the count;
animals' dead are counted apart from people's, and a bare figure that died counts what its
sentence counted before; "under water rationing" is no flood; an alert issued is an
announcement, dated once."""

from __future__ import annotations

import datetime as dt
import uuid

from marked_profile_support import marked_profile, relation

from db.facts.events import date_conflicts
from db.facts.happenings import Happening, happenings
from db.facts.profile import Profile, read_quote
from db.models import Relation

THURSDAY = dt.datetime(2031, 7, 17, 9, tzinfo=dt.UTC)
FRIDAY = dt.datetime(2031, 7, 18, 9, tzinfo=dt.UTC)
AUGUST = dt.datetime(2031, 8, 6, 9, tzinfo=dt.UTC)
LATER = dt.datetime(2031, 8, 11, 9, tzinfo=dt.UTC)


def claim(marked: str, published: dt.datetime = THURSDAY) -> Profile:
    """The claim marked [so] in *marked*, read as proposals read it."""
    return marked_profile(marked, published)


def test_readings_of_a_scale_worded_with_different_verbs_are_one_measure() -> None:
    first = claim("[The station at Avel reached 43.4C] on Wednesday.")
    later = claim("[The station at Brenn recorded 44.1 degrees Celsius] on Thursday.", FRIDAY)
    rival = claim("[A private station near Brenn had measured 44.7C] that day.", FRIDAY)
    assert relation(later, first) is Relation.UPDATES
    assert relation(rival, first) is Relation.UPDATES
    assert relation(rival, later) is Relation.CONTRADICTS


def test_counts_done_in_different_ways_stay_apart() -> None:
    # (Verbs of other doings still tell counts apart: no reading of a scale.)
    turned = claim("[The navy turned back 23 vessels], it said.")
    waiting = claim("[Port officials counted 87 vessels] at anchor.")
    assert relation(turned, waiting) is None


def test_households_cut_off_have_lost_their_supply() -> None:
    cut = read_quote("more than 30,000 households had been cut off", "", THURSDAY)
    assert (cut.unit, cut.predicate) == ("households", "unpowered")
    grid = read_quote("9,000 customers were cut off from the grid", "", THURSDAY)
    assert grid.predicate == "unpowered"
    lost = claim("[About 12,000 households had lost power] in the suburbs.")
    assert relation(claim("[More than 30,000 households had been cut off], it said."), lost) is (
        Relation.CONTRADICTS
    )


def test_people_or_places_cut_off_by_a_flood_are_still_trapped() -> None:
    assert read_quote("52 miners were cut off", "", THURSDAY).predicate == "trapped"
    assert read_quote("400 homes were cut off by the floods", "", THURSDAY).predicate == ("trapped")


def test_an_excess_over_the_usual_is_a_count_of_deaths_not_an_added_wave() -> None:
    excess = read_quote("between 380 and 520 more people died than usual", "", AUGUST)
    assert (excess.unit, excess.increment) == ("killed", False)
    added = read_quote("another 40 more people died on Tuesday", "", AUGUST)
    assert added.increment


def test_a_date_owned_by_the_weather_does_not_date_the_toll() -> None:
    told = (
        "the ministry has revised down to 197 its count of deaths attributed to"
        " last month's heatwave"
    )
    assert read_quote(told, "", AUGUST).date_first is None
    # A date owned by the count itself still dates it.
    assert read_quote("Tuesday's count put the dead at 50", "", AUGUST).date_first == dt.date(
        2031, 8, 5
    )
    earlier = claim("[The count of deaths attributed to the heat has risen to 214].", FRIDAY)
    revised = claim(
        "[The ministry has revised down to 197 its count of deaths attributed to last month's"
        " heatwave].",
        AUGUST,
    )
    assert relation(revised, earlier) is Relation.UPDATES


def test_animals_dead_are_not_a_death_toll() -> None:
    animals = claim("[About 1.2 million farm animals have died] since the heat began.", FRIDAY)
    people = claim("[At least 1.2 million people have died] of the famine.", FRIDAY)
    assert animals.unit == "animals"
    assert relation(animals, people) is None
    lost = claim("[The ministry puts the number of farm animals lost at 1.6 million].", LATER)
    assert (lost.unit, lost.predicate) == ("animals", "casualty")
    assert relation(lost, animals) is Relation.UPDATES


def test_a_bare_figure_that_died_counts_what_its_sentence_counted() -> None:
    rival = claim(
        "The ministry puts the number of farm animals lost at 1.6 million, while [the union"
        " says more than 2 million died], counting birds.",
        LATER,
    )
    assert (rival.unit, rival.predicate) == ("animals", "casualty")
    # People counted before it: the bare figure stays a count of deaths.
    dead = claim(
        "Police said 40 people were hurt, while [the union says more than 60 died] in all.",
        LATER,
    )
    assert dead.unit == "killed"


def test_under_water_rationing_is_no_flood() -> None:
    assert (
        read_quote("31 zones of the city are still under water rationing", "", AUGUST).predicate
        == ""
    )
    assert read_quote("2,000 homes were under water", "", AUGUST).predicate == "flooded"


def _pairs(found: list) -> set[frozenset[uuid.UUID]]:  # type: ignore[type-arg]
    return {frozenset((c.later.claim_id, c.earlier.claim_id)) for c in found}


def test_an_alert_issued_is_one_announcement_and_a_misdated_one_conflicts() -> None:
    first = claim("[The weather service issued its first red alert on Monday], warning of heat.")
    again = claim("[The first red alert was issued on 14 July], critics said.", AUGUST)
    misdated = claim("[The weather service issued its first red alert on 7 July], yet…", LATER)
    broke = claim("[The heat finally broke on 27 July], it said.", LATER)
    assert Happening("announcement", "alert", "") in happenings(first)
    assert Happening("failure", "heat", "") in happenings(broke)
    found = _pairs(date_conflicts([first, again, misdated, broke]))
    assert found == {
        frozenset((misdated.claim_id, first.claim_id)),
        frozenset((misdated.claim_id, again.claim_id)),
    }
