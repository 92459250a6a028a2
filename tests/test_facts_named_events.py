"""Events a story names by nouns of its own, and things coming to light.

A noun some report dates by name ("the squall of 26 April", "Thursday's squall") is an
event of the story, whatever the noun: other reports naming it, a verb made of it ("the
gas flared") or a compound of two such nouns ("the sleetstorm") date the same event, and
an event named by its day is the event of that day.  Something that appeared, surfaced or
was first spotted came to light once.  A noun dating something else ("buses ran again
after the squall"), named as what another thing is of or about ("the results of the
ballot", "the inquiry into the squall") or
told as ended ("the curfew was lifted") dates no such event."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.facts.events import date_conflicts
from db.facts.profile import Profile, profile

SATURDAY = dt.datetime(2035, 5, 5, 8, tzinfo=dt.UTC)  # Thursday is 3 May 2035
LATER = dt.datetime(2035, 5, 12, 8, tzinfo=dt.UTC)


def p(quote: str, published: dt.datetime = SATURDAY) -> Profile:
    return profile(uuid.uuid4(), uuid.uuid4(), quote, 0, len(quote), None, published)


def flagged(*quotes: str) -> set[frozenset[str]]:
    claims = [p(q) if i else p(q, LATER) for i, q in enumerate(quotes)]
    return {frozenset((c.later.quote, c.earlier.quote)) for c in date_conflicts(claims)}


@pytest.mark.parametrize(
    "told",
    [
        "Thursday's squall",
        "the squall that swept the harbour yesterday",
        "since the squall swept the harbour on Thursday",
        "the squall of 3 May",
    ],
)
def test_a_noun_dated_by_name_is_the_storys_event(told: str) -> None:
    misdated = "the squall of 26 April"
    assert frozenset((misdated, told)) in flagged(misdated, told, "Thursday's squall")


def test_a_verb_made_of_the_noun_tells_of_it() -> None:
    assert flagged("the flare of 26 April", "the gas flared on Thursday")


def test_a_compound_of_two_event_nouns_tells_of_both() -> None:
    found = flagged("the sleetstorm of 26 April", "Thursday's sleet", "the storm of 3 May")
    assert frozenset(("the sleetstorm of 26 April", "Thursday's sleet")) in found
    assert frozenset(("the sleetstorm of 26 April", "the storm of 3 May")) in found


@pytest.mark.parametrize(
    "other",
    [
        "buses ran again after the squall on Thursday",
        "the results of the squall inquiry were declared on Thursday",
        "the inquiry into the squall opened on Thursday",
        "a report on the squall was published on Thursday",
        "the curfew after the squall was lifted on Thursday",
        "the squall still battered the coast on Thursday",
    ],
)
def test_other_events_and_a_squall_still_raging_are_not_flagged(other: str) -> None:
    assert not flagged("the squall of 26 April", other)


@pytest.mark.parametrize(
    "other",
    [
        "Copies of the plans appeared online on Thursday",
        "The plans were first spotted on a forum on Thursday night",
        "the drawings first circulated on Thursday",
    ],
)
def test_something_coming_to_light_comes_once(other: str) -> None:
    assert flagged("the plans that surfaced online on 26 April", other)


@pytest.mark.parametrize(
    "other",
    [
        "the drawings circulated widely on Thursday",  # circulating may go on for days
        "the minister appeared in court on Thursday",
        "the figures appeared to rise on Thursday",
    ],
)
def test_no_single_coming_to_light(other: str) -> None:
    assert not flagged("the plans that surfaced online on 26 April", other)


def test_a_blackout_is_the_power_failing() -> None:
    """A blackout named by its day and the power told as failing date one event."""
    misdated = "since the blackout of 26 April"
    told = "when the power failed across the town on Thursday"
    assert frozenset((misdated, told)) in flagged(misdated, told, "Thursday's blackout")


def test_a_blackout_and_a_power_failure_on_one_day_agree() -> None:
    assert not flagged("since the blackout of 3 May", "when the power failed on Thursday")


@pytest.mark.parametrize(
    "told",
    [
        "the whole town went dark on Thursday night",
        "the port was plunged into darkness on Thursday",
    ],
)
def test_a_place_going_dark_is_a_blackout(told: str) -> None:
    misdated = "since the blackout of 26 April"
    assert frozenset((misdated, told)) in flagged(misdated, told, "Thursday's blackout")
